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

export interface DashboardUnit {
  unit: UnitRef & { id: number };
  overdue: number;
  leads: number;
  /** Has a channel, so the Office can remind it. */
  reachable: boolean;
  /** Already reminded today (at most once per unit per day). */
  remindedToday: boolean;
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
  /** Other outstanding items (acknowledgements, unit reports) where dondoc tracks them: a label and a count each. */
  outstanding: { label: Record<Lang, string>; count: number }[];
  canNudge: boolean;
  canDirect: boolean;
  canDecide: boolean;
  /** Overdue tasks across units, worst first (a few). */
  overdueTasks: TaskSummary[];
  overdueTaskCount: number;
}
