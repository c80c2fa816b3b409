// Who may do what. Pure rules; every listener asks these before acting, and
// always about the member as stored, never about ids a request carries
// (private_metadata and button values can be forged).

export type MemberRole = "STAFF" | "UNIT_LEAD" | "OFFICE" | "LEADERSHIP" | "ADMIN";

export interface Actor {
  role: MemberRole;
  unitId: number | null;
  active: boolean;
}

export interface TaskAssignment {
  unitId: number;
  role: "LEAD" | "COOPERATING";
}

/**
 * A member reports for their own unit, on tasks their unit leads or
 * cooperates on, whatever their role: the Office reports as the Office.
 * Returns the unit's role on the task, or null when they may not report.
 */
export function reportingRole(actor: Actor, assignments: readonly TaskAssignment[]): "LEAD" | "COOPERATING" | null {
  if (!actor.active || actor.unitId === null) return null;
  return assignments.find((a) => a.unitId === actor.unitId)?.role ?? null;
}

/** Raising an obstacle follows the same rule as reporting. */
export const canRaiseObstacle = (actor: Actor, assignments: readonly TaskAssignment[]): boolean =>
  reportingRole(actor, assignments) !== null;

/** Members and unit channels are managed by the Office and administrators. */
export const canManageOrganisation = (actor: Actor): boolean => actor.active && (actor.role === "OFFICE" || actor.role === "ADMIN");

/** Every registered, active member may read plans, tasks and status. */
export const canRead = (actor: Actor): boolean => actor.active;

/**
 * Importing a plan from its document, reviewing it and publishing it (Ban
 * hành) is the Office's work (and administrators'): a plan binds every unit.
 */
export const canImportPlan = (actor: Actor): boolean => actor.active && (actor.role === "OFFICE" || actor.role === "ADMIN");

/**
 * A unit acknowledges ("quán triệt") a published plan through one of its own
 * active members, and only a plan that assigns it work. Returns the unit that
 * acknowledges, or null. The unit is always the member's own, never one a
 * button names.
 */
export function acknowledgingUnit(actor: Actor, assignedUnitIds: readonly number[]): number | null {
  if (!actor.active || actor.unitId === null) return null;
  return assignedUnitIds.includes(actor.unitId) ? actor.unitId : null;
}
