// Who may do what. Pure rules; every listener asks these before acting, and
// always about the member as stored, never about ids a request carries
// (private_metadata and button values can be forged).

export const MEMBER_ROLES = ["STAFF", "UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A unit's role on a task: it leads (chủ trì) or cooperates (phối hợp). */
export const ASSIGNMENT_ROLES = ["LEAD", "COOPERATING"] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export interface Actor {
  role: MemberRole;
  unitId: number | null;
  active: boolean;
}

export interface TaskAssignment {
  unitId: number;
  role: AssignmentRole;
}

/**
 * A member reports for their own unit, on tasks their unit leads or
 * cooperates on, whatever their role: the Office reports as the Office.
 * Returns the unit's role on the task, or null when they may not report.
 */
export function reportingRole(actor: Actor, assignments: readonly TaskAssignment[]): AssignmentRole | null {
  if (!actor.active || actor.unitId === null) return null;
  return assignments.find((a) => a.unitId === actor.unitId)?.role ?? null;
}

/** Raising an obstacle follows the same rule as reporting. */
export const canRaiseObstacle = (actor: Actor, assignments: readonly TaskAssignment[]): boolean => reportingRole(actor, assignments) !== null;

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
// ---- The direction loop: obstacles, confirmations, extensions, the dashboard ----

/** The Office, leadership and administrators see across units (dashboard, every obstacle, every task). */
export const seesAcrossUnits = (actor: Actor): boolean => actor.active && (actor.role === "OFFICE" || actor.role === "LEADERSHIP" || actor.role === "ADMIN");

/** Only leadership gives direction (ý kiến chỉ đạo) on an obstacle. */
export const canDirectObstacle = (actor: Actor): boolean => actor.active && actor.role === "LEADERSHIP";

export type ObstacleOutcome = "RESOLVED" | "WITHDRAWN";

/**
 * The Office (or an administrator) or the unit that raised it marks an
 * obstacle resolved; only that unit can withdraw it.
 */
export function canCloseObstacle(actor: Actor, obstacle: { unitId: number }, outcome: ObstacleOutcome): boolean {
  if (!actor.active) return false;
  const ownUnit = actor.unitId !== null && actor.unitId === obstacle.unitId;
  if (outcome === "WITHDRAWN") return ownUnit;
  return ownUnit || actor.role === "OFFICE" || actor.role === "ADMIN";
}

/**
 * A staff member's report that a task the unit leads is done waits for the
 * unit lead's confirmation; a unit lead's, the Office's or an
 * administrator's counts at once, and so does any report that is not a
 * completion or is made for a cooperating unit (it never completes a task).
 */
export function completionNeedsConfirmation(actor: Actor, unitRole: "LEAD" | "COOPERATING", done: boolean): boolean {
  return done && unitRole === "LEAD" && actor.role === "STAFF";
}

/** The unit's lead (or an administrator) confirms or corrects the unit's reports. */
export const canConfirmReport = (actor: Actor, report: { unitId: number }): boolean =>
  actor.active && ((actor.role === "UNIT_LEAD" && actor.unitId === report.unitId) || actor.role === "ADMIN");

/** Correcting follows the same rule as confirming. */
export const canCorrectReport = canConfirmReport;

/** A lowered percent by more than this many points needs a reason. */
export const PERCENT_DROP_NEEDS_REASON = 20;
export const dropNeedsReason = (from: number, to: number): boolean => from - to > PERCENT_DROP_NEEDS_REASON;

/** Only the lead unit's lead asks for a new deadline. */
export function canRequestExtension(actor: Actor, assignments: readonly TaskAssignment[]): boolean {
  return actor.active && actor.role === "UNIT_LEAD" && actor.unitId !== null && assignments.some((a) => a.unitId === actor.unitId && a.role === "LEAD");
}

/** Only leadership approves or declines a new deadline: nobody else moves a deadline in Slack. */
export const canDecideExtension = (actor: Actor): boolean => actor.active && actor.role === "LEADERSHIP";

/** The Office (or an administrator) sends a unit a one-off reminder. */
export const canNudgeUnit = (actor: Actor): boolean => actor.active && (actor.role === "OFFICE" || actor.role === "ADMIN");
