// The data the direction loop's surfaces show (issue 13): obstacles with
// their life, completions waiting for the unit lead, deadline extensions,
// and the dashboard of the Office and leadership. Views are pure functions
// from these models; use cases in src/services build them.
import type { Day } from "../domain/day.js";
import type { Lang, TaskSummary, UnitRef } from "./index.js";

export type { Lang };

export type ObstacleStateName = "OPEN" | "DIRECTED" | "RESOLVED" | "WITHDRAWN";

export interface ObstacleItem {
  id: number;
  task: { code: string; title: string };
  unit: UnitRef;
  raisedBy: string;
  text: string;
  raisedAt: Date;
  /** Whole days since it was raised. */
  days: number;
  state: ObstacleStateName;
  direction: string | null;
  directedBy: string | null;
}

export interface ObstacleListModel {
  today: Day;
  /** Every unit's (Office, leadership) or the caller's unit's. */
  scope: "all" | UnitRef;
  obstacles: ObstacleItem[];
  total: number;
  canDirect: boolean;
}

/** Leadership's direction, as the unit's channel (in the obstacle's thread) and the reporter read it. */
export interface DirectionGivenModel {
  obstacle: { id: number; task: { code: string; title: string }; unit: UnitRef; raisedBy: string; text: string };
  direction: string;
  directedBy: string;
}

export interface ObstacleClosedModel {
  obstacle: { id: number; task: { code: string; title: string }; unit: UnitRef };
  outcome: "RESOLVED" | "WITHDRAWN";
  note: string;
  closedBy: string;
}

/** A staff member's completion waiting for the unit lead. */
export interface PendingCompletion {
  reportId: number;
  task: { id: number; code: string; title: string };
  unit: UnitRef;
  reporter: string;
  percent: number;
  note: string;
  reportedAt: Date;
}

export interface ExtensionItem {
  id: number;
  task: { id: number; code: string; title: string; dueLabel: string };
  unit: UnitRef;
  requestedBy: string;
  requestedAt: Date;
  fromDueOn: Day;
  toDueOn: Day;
  reason: string;
  state: "PENDING" | "APPROVED" | "DECLINED";
  decidedBy: string | null;
}

/** A unit on the dashboard the Office can remind ("Nhắc đơn vị"). */
export interface RemindableUnit {
  unit: UnitRef & { id: number };
  /** Has a channel, so the Office can remind it. */
  reachable: boolean;
  /** Already reminded today (at most once per unit per day). */
  remindedToday: boolean;
}

export interface DashboardUnit extends RemindableUnit {
  overdue: number;
  leads: number;
}

/**
 * What the units owe the Office besides progress reports, as the other views
 * count it: the acknowledgement of a published plan (planAcknowledgements,
 * as `dondoc plan acks` shows it) and the unit report of the current window
 * (unitReportStatus, as `/kehoach tinhhinhbaocao` shows it).
 */
export interface OutstandingModel {
  /** The latest plans published through dondoc, newest first. */
  acknowledgements: {
    plan: { id: number; number: string };
    acknowledged: { unit: UnitRef; on: Day }[];
    pending: { unit: UnitRef & { id: number }; sentOn: Day; reminded: boolean }[];
  }[];
  /** The current window's unit reports of every plan running in it. */
  unitReports: {
    plan: { id: number; number: string };
    window: { key: string; label: string };
    unitsDue: Day;
    submitted: number;
    total: number;
    pending: { unit: UnitRef & { id: number }; state: "NONE" | "DRAFT" }[];
  }[];
}

/** One unit's outstanding items, as its reminder lists them. */
export interface UnitOwes {
  plans: { number: string; sentOn: Day }[];
  reports: { planNumber: string; window: string; unitsDue: Day; state: "NONE" | "DRAFT" }[];
}

/** App Home of the Office and leadership: the plan across units. */
export interface DashboardModel {
  member: { name: string; role: "OFFICE" | "LEADERSHIP" | "ADMIN" };
  today: Day;
  /** The current week (the reporting window units are reminded in), Monday first. */
  window: { start: Day; end: Day; key: string };
  /** Units with overdue tasks, most first. */
  overdueUnits: DashboardUnit[];
  /** Units leading open tasks that sent no report in the window. */
  silentUnits: DashboardUnit[];
  obstaclesWaiting: ObstacleItem[];
  obstaclesWaitingCount: number;
  extensionsPending: ExtensionItem[];
  /** Units that have not acknowledged a published plan, each with its reminder button. */
  acknowledgements: (Omit<OutstandingModel["acknowledgements"][number], "pending"> & { pending: (RemindableUnit & { sentOn: Day; reminded: boolean })[] })[];
  /** Units that have not sent the current window's report, each with its reminder button. */
  unitReports: (Omit<OutstandingModel["unitReports"][number], "pending"> & { pending: (RemindableUnit & { state: "NONE" | "DRAFT" })[] })[];
  canNudge: boolean;
  canDirect: boolean;
  canDecide: boolean;
  /** Overdue tasks across units, worst first (a few). */
  overdueTasks: TaskSummary[];
  overdueTaskCount: number;
}
