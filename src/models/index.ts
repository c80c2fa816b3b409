// The data each Slack surface shows: what the use cases (src/services)
// return and the views (src/views) render, so that neither imports the
// other. Views are pure functions from these models to Block Kit.
import type { Day } from "../domain/day.js";
import type { AssignmentRole, MemberRole } from "../domain/permissions.js";
import type { CompletionRates, TaskStatus } from "../domain/status.js";
import type { Lang } from "../errors.js";
import type { ExtensionItem, PendingCompletion } from "./direction.js";

export type { AssignmentRole, Lang, MemberRole };

/** Tasks on one page of `/kehoach viec`. */
export const TASK_LIST_PAGE_SIZE = 10;
/** Tasks in each list of App Home. */
export const HOME_LIST_MAX = 10;

export interface UnitRef {
  code: string;
  name: string;
}

export type StatusCounts = Record<TaskStatus, number>;

/** One task in a list, from the point of view of a unit (its role on the task). */
export interface TaskSummary {
  id: number;
  code: string;
  planNumber: string;
  title: string;
  /** The viewing unit's role on the task; null when viewed from no unit. */
  role: AssignmentRole | null;
  status: TaskStatus;
  dueLabel: string; // "Quý III/2023", "Thường xuyên"
  dueOn: Day | null;
  percent: number;
  lastReportOn: Day | null;
  /** For an overdue ongoing task: the key of the window whose report is missing ("2023-Q3"). */
  missingReport: string | null;
  lead: UnitRef[];
}

export type { CompletionRates };

/** A plan's numeric objective measured by a completion rate ("hoàn thành 100% nhiệm vụ…"). */
export interface ObjectiveProgressModel {
  planNumber: string;
  text: string;
  measure: "COMPLETION" | "ON_TIME_COMPLETION";
  target: number; // percent
  actual: number | null; // 0–1
  rates: CompletionRates;
}

export interface OverviewModel {
  plan: { number: string; title: string; year: number };
  today: Day;
  total: number;
  counts: StatusCounts;
  rates: CompletionRates;
  byIndex: { code: string; name: string; counts: StatusCounts }[];
  byUnit: { code: string; name: string; lead: StatusCounts; rates: CompletionRates; cooperating: number }[];
  objectives: ObjectiveProgressModel[];
}

export const TASK_FILTERS = ["all", "overdue", "due_soon"] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

export interface TaskListModel {
  unit: UnitRef;
  filter: TaskFilter;
  today: Day;
  tasks: TaskSummary[]; // the tasks of this page
  page: number; // 0-based
  pageCount: number;
  totalCount: number;
  /** Whether the viewer may report on these tasks (shows "Báo cáo" buttons). */
  canReport: boolean;
}

export interface ReportEntry {
  unit: UnitRef;
  reporter: string; // Slack user id or "cli:name"
  percent: number;
  done: boolean;
  note: string;
  evidenceLinks: string[];
  reportedAt: Date;
}

export interface ObstacleEntry {
  id: number;
  unit: UnitRef;
  text: string;
  raisedBy: string; // Slack user id
  raisedAt: Date;
}

export interface TaskDetailModel {
  task: TaskSummary & {
    text: string;
    index: { code: string; name: string } | null;
    criterion: { code: string; name: string } | null;
    cooperating: UnitRef[];
    /** Outside bodies with their role, how the plan words the lead, the task's target. */
    bodies: { name: string; role: "COOPERATING" | "REQUESTING" | "RECEIVING_REPORTS"; note?: string | undefined }[];
    leadNote: string | null;
    target: { value: number; unit: string; of: string } | null;
    dueNote: string | null;
    /** The plan's own deadline when leadership approved a later one (dueOn) that is in force on `today`. */
    extendedFrom: Day | null;
  };
  today: Day;
  reports: ReportEntry[]; // newest first, at most 5
  openObstacles: ObstacleEntry[];
  canReport: boolean;
}

export interface ReportModalModel {
  unit: UnitRef;
  /** Tasks the caller's unit leads or cooperates on (at most 100: Slack's static select limit). */
  tasks: { id: number; code: string; title: string; role: AssignmentRole; percent: number }[];
  selectedTaskId: number | null;
  /** Opaque, signed by the caller; at most 3,000 characters (Slack's limit). */
  privateMetadata: string;
}

export interface HomeModel {
  member: { name: string; role: MemberRole; unit: UnitRef | null };
  today: Day;
  overdue: TaskSummary[];
  dueSoon: TaskSummary[]; // within 14 days
  stale: TaskSummary[]; // the unit leads them and has not reported for 7 days
  recentlyDone: TaskSummary[];
  /** Full sizes of the lists above when only their first tasks are sent. */
  counts?: { overdue: number; dueSoon: number; stale: number; recentlyDone: number };
  /** The unit's completion rates on the tasks it leads (as tongquan and the units list show them). */
  unitRates?: CompletionRates;
  canReport: boolean;
  /** For a unit lead: the staff's completions waiting for confirmation (issue 13). */
  pendingCompletions?: PendingCompletion[];
  /** For a unit lead: tasks the unit leads that have a deadline, for "Đề nghị gia hạn" (issue 13). */
  canRequestExtensions?: boolean;
}

/** A criterion's value measured for a period ("2023", "2023-Q3"). */
export interface MeasuredValue {
  period: string;
  value: number;
}

/** A criterion with its target and its latest measured value. */
export interface CriterionSummary<V extends MeasuredValue = MeasuredValue> {
  code: string;
  name: string;
  measureUnit: string | null;
  target: number | null;
  higherIsBetter: boolean;
  latest: V | null;
}

/** A criterion with its index and its newest two values, for the change between them. */
export interface CriterionTrend<V extends MeasuredValue = MeasuredValue> extends CriterionSummary<V> {
  index: string;
  previous: V | null;
}

export interface IndicatorsModel {
  indices: {
    code: string;
    name: string;
    fullName: string;
    criteria: CriterionSummary[];
  }[];
}

export interface UnitsModel {
  units: {
    code: string;
    name: string;
    kind: "OFFICE" | "DIVISION" | "CENTER" | "OTHER";
    channel: string | null;
    leads: number;
    cooperates: number;
    members: number;
    overdue: number;
    rates: CompletionRates;
  }[];
}

export interface MemberListModel {
  members: { slackUserId: string; name: string; unit: UnitRef | null; role: MemberRole }[];
}

/** A progress report as posted to the unit's channel. */
export interface ReportPostedModel {
  task: { code: string; title: string; planNumber: string };
  unit: UnitRef;
  role: AssignmentRole;
  reporter: string;
  percent: number;
  done: boolean;
  note: string;
  evidenceLinks: string[];
  status: TaskStatus;
  /** The report's id, for the unit lead's buttons. */
  reportId?: number;
  /** A staff member's completion waiting for the unit lead's confirmation (issue 13). */
  pendingConfirmation?: boolean;
}

/** An obstacle as posted to the Office's channel. */
export interface ObstacleRaisedModel {
  id: number;
  task: { code: string; title: string; planNumber: string };
  unit: UnitRef;
  raisedBy: string;
  text: string;
}

// ---- Weekly messages (scheduled jobs) ----

/** Monday's reminder in a unit's channel. */
export interface UnitReminderModel {
  unit: UnitRef;
  /** Slack ids of the unit's leads, mentioned in the message. */
  unitLeads: string[];
  week: string; // "2023-W38"
  today: Day;
  /** Tasks the unit leads (and must report on): overdue worst first, first N. */
  overdue: TaskSummary[];
  dueSoon: TaskSummary[]; // led by the unit, due within 14 days
  stale: TaskSummary[]; // led by the unit, no report for 7 days
  counts: { overdue: number; dueSoon: number; stale: number };
  /**
   * Tasks the unit cooperates on: counted (their lead reports on them), and
   * listed only where the unit has something to do (its own open obstacle).
   */
  cooperating: { overdue: number; dueSoon: number; withObstacle: TaskSummary[] };
  openObstacles: { task: { code: string; title: string }; text: string; raisedAt: Date }[];
}

/** Friday's summary in a unit's channel: what the unit achieved this week. */
export interface UnitSummaryModel {
  unit: UnitRef;
  week: string;
  from: Day; // Monday
  to: Day; // the day of the summary
  reports: {
    task: { code: string; title: string };
    role: AssignmentRole;
    reporter: string;
    percent: number;
    /** The unit's previous percent on the task before this week, null if it had none. */
    previousPercent: number | null;
    done: boolean;
    reportedAt: Date;
  }[];
  reportCount: number;
  doneThisWeek: TaskSummary[];
  overdue: TaskSummary[];
  overdueCount: number;
}

export interface StatusSnapshot {
  total: number;
  counts: StatusCounts;
  rates: CompletionRates;
}

/** Friday's digest for leadership: the whole plan on one page. */
export interface DigestModel {
  today: Day;
  week: string;
  plans: { number: string; title: string }[];
  now: StatusSnapshot;
  /** The same figures a week earlier, for the change. */
  lastWeek: StatusSnapshot;
  /** Per index: this week's counts, and last week's done and total (the chart compares the two). */
  byIndex: { code: string; name: string; counts: StatusCounts; lastWeekDone: number; lastWeekTotal: number }[];
  criteria: CriterionTrend[];
  /** Per unit, the tasks it leads: counts now and a week earlier (the chart compares the two), rates now. */
  byUnit: { unit: UnitRef; lead: StatusCounts; lastWeekLead: StatusCounts; rates: CompletionRates; reportsThisWeek: number }[];
  objectives: ObjectiveProgressModel[];
  /** Worst first: longest overdue. */
  overdue: (TaskSummary & { daysOverdue: number | null })[];
  overdueCount: number;
  openObstacles: { id: number; task: { code: string; title: string }; unit: UnitRef; text: string; raisedAt: Date; days: number }[];
  /** All obstacles waiting for leadership (the list above shows the oldest); the list's length when absent. */
  openObstaclesCount?: number;
  /** Units that lead open tasks and sent no report this week. */
  silentUnits: UnitRef[];
  reportsThisWeek: number;
  /** Deadline extensions waiting for leadership, oldest first (issue 13). */
  extensionsPending?: ExtensionItem[];
  extensionsPendingCount?: number;
}

/**
 * A reminder ahead of a quarterly, six-monthly or annual reform report
 * (Nghị định 09/2019/NĐ-CP, Điều 12; guidance 581/BNV-CCHC), with the chain
 * of deadlines: units → the Office, the department → its superior.
 */
export interface ReportDeadlineModel {
  unit: UnitRef;
  unitLeads: string[];
  /** The Office consolidates and sends the department's report; every other unit reports to the Office. */
  recipient: "UNIT" | "OFFICE";
  period: { key: string; kind: "QUARTER" | "HALF_YEAR" | "YEAR"; quarter: number; year: number };
  /** The data window the report covers ("15/06/2023 – 14/09/2023"). */
  window: { start: Day; end: Day };
  /** The plans in force in the window, each with its deadlines. */
  plans: { number: string; unitsDue: Day; officeDue: Day; superior: string }[];
  openLeadTasks: number;
  overdueLeadTasks: number;
}
