// The consolidated report as data: what the .docx and the .xlsx are rendered
// from. Built by src/services/report-model.ts from the database with the same
// counting functions as `dondoc status`; the renderers (docx.ts, xlsx.ts) are
// pure functions of it, so the CLI, the Slack flow and the approval step all
// produce the same files from the same model.
import type { CriterionTrend, MeasuredValue } from "../models/index.js";
import type { Day } from "../domain/day.js";
import type { CompletionRates, TaskStatus } from "../domain/status.js";
import type { ReportWindow } from "./period.js";

export type StatusCounts = Record<TaskStatus, number>;

export interface UnitRef {
  code: string;
  name: string;
}

export interface ReportTaskRow {
  /** Running number of a counted (leaf) task; null for headings. */
  stt: number | null;
  code: string;
  title: string;
  depth: number;
  heading: boolean;
  lead: UnitRef[];
  cooperating: UnitRef[];
  /** Outside bodies that cooperate on the task (UBND các xã, phường, thị trấn); not those that request or receive reports. */
  partners: string[];
  due: string;
  dueOn: Day | null;
  /** As of the report's day: the last report's percent (0 when none). */
  percent: number | null;
  status: TaskStatus | null;
  /** The last report's note within the window, as the unit wrote it. */
  result: string | null;
  resultOn: Day | null;
  /** Evidence (tài liệu kiểm chứng) attached to reports within the window. */
  evidence: string[];
  reportsInWindow: number;
}

export interface ReportGroupRow {
  code: string;
  title: string;
  counts: StatusCounts;
  total: number;
}

/** `source` says where a value came from ("demo (dữ liệu minh họa)" for demo data). */
export type ReportCriterionRow = CriterionTrend<MeasuredValue & { source: string | null }>;

export interface ReportObstacleRow {
  task: { code: string; title: string };
  unit: UnitRef;
  text: string;
  raisedOn: Day;
  resolvedOn: Day | null;
  resolution: string | null;
}

/** A unit's report to the Office for the window, as its lead sent it (Slack). */
export interface ReportUnitSubmission {
  unit: UnitRef;
  submittedOn: Day;
  results: string;
  shortcomings: string;
  proposals: string;
  /** Tài liệu kiểm chứng the unit attached: Slack file references. */
  evidenceFiles: { name: string; permalink: string | null }[];
}

export interface ReportModel {
  plan: { number: string; title: string; issuedOn: Day; issuer: string; place: string };
  /** Thể thức: issuing body, number left blank for the clerk, place and date. */
  header: {
    /** Cơ quan chủ quản, e.g. "UBND TỈNH THỪA THIÊN HUẾ" (already in capitals). */
    parentBody: string;
    /** Cơ quan ban hành as written ("Sở Lao động - Thương binh và Xã hội"). */
    issuingBody: string;
    /** The part after "Số:      /", e.g. "BC-SLĐTBXH". */
    symbol: string;
    place: string;
    /** The date written under the national motto. */
    date: Day;
  };
  window: ReportWindow;
  /** The day the figures are as of: the window's last day, or the report's date when earlier. */
  asOf: Day;
  totals: { total: number; counts: StatusCounts; rates: CompletionRates };
  byIndex: { code: string; name: string; counts: StatusCounts; total: number }[];
  byGroup: ReportGroupRow[];
  byUnit: { code: string; name: string; lead: StatusCounts; total: number }[];
  /** Every task of the plan in the plan's order, headings included. */
  tasks: ReportTaskRow[];
  criteria: ReportCriterionRow[];
  /** Reports received in the window, and from how many units. */
  activity: { reports: number; tasksReported: number; units: number };
  obstacles: ReportObstacleRow[];
  /** Tasks with a deadline in the next window, not done. */
  next: { window: ReportWindow; tasks: ReportTaskRow[] } | null;
  /** The units' reports for the window that reached the Office (sections I.5, II.3, IV and Biểu 3). */
  unitReports: ReportUnitSubmission[];
  signer: { authority: string | null; title: string; name: string };
  /** Nơi nhận, without the final "Lưu" line. */
  recipients: string[];
  /** The final line of Nơi nhận: "Lưu: VT, VP." */
  archive: string;
}
