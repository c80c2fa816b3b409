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
 * A unit's report to the Office for a window: any active member of the unit
 * may prepare it (save a draft); only the unit's lead (or an administrator
 * of that unit) sends it. Returns what the actor may do with `unitId`'s report.
 */
export function unitReportRights(actor: Actor, unitId: number): { prepare: boolean; submit: boolean } {
  const own = actor.active && actor.unitId !== null && actor.unitId === unitId;
  return { prepare: own, submit: own && (actor.role === "UNIT_LEAD" || actor.role === "ADMIN") };
}

/** The Office follows the units' reports (who has sent, reminders) and builds the consolidated report. */
export const canConsolidateReports = (actor: Actor): boolean => actor.active && (actor.role === "OFFICE" || actor.role === "ADMIN");

/** Leadership approves the consolidated report or sends it back for changes. */
export const canApproveReport = (actor: Actor): boolean => actor.active && (actor.role === "LEADERSHIP" || actor.role === "ADMIN");
