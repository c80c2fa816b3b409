// What the unit-report views show: plain data, built by
// src/services/unit-reports.ts and src/services/consolidated-report.ts.
import type { Day } from "../domain/day.js";
import type { TaskStatus } from "../domain/status.js";

/** A file attached in Slack as tài liệu kiểm chứng: its Slack reference, kept and listed. */
export interface EvidenceFile {
  id: string;
  name: string;
  size: number;
  permalink: string | null;
}

export interface WindowRef {
  key: string;
  /** "Quý III/2023" */
  label: string;
  start: Day;
  end: Day;
}

export interface UnitReportTaskLine {
  code: string;
  title: string;
  due: string;
  percent: number;
  status: TaskStatus;
  /** The unit's progress reports on the task within the window, oldest first. */
  reports: { on: Day; percent: number; note: string }[];
  /** Evidence links given with those reports. */
  evidence: string[];
}

export type UnitReportState = "NONE" | "DRAFT" | "SUBMITTED";

export interface UnitReportFields {
  results: string;
  shortcomings: string;
  proposals: string;
}

/** A unit's report for one plan and window: what is stored, or the draft dondoc pre-fills. */
export interface UnitReportDraft {
  plan: { id: number; number: string };
  unit: { id: number; code: string; name: string };
  window: WindowRef;
  /** The units' deadline to the Office (the reporting chain). */
  unitsDue: Day;
  state: UnitReportState;
  /** True when the fields are dondoc's pre-filled draft (nothing saved yet). */
  prefilled: boolean;
  fields: UnitReportFields;
  evidenceFiles: EvidenceFile[];
  submittedOn: Day | null;
  submittedBy: string | null;
  preparedBy: string | null;
  /** The tasks the unit leads in the plan, as of the window's end (or today when earlier). */
  tasks: UnitReportTaskLine[];
}

export interface UnitReportStatusRow {
  unit: { id: number; code: string; name: string };
  channel: string | null;
  state: UnitReportState;
  submittedOn: Day | null;
  submittedBy: string | null;
}

/** Which units have sent their report for a window (the Office's view). */
export interface UnitReportStatusModel {
  plan: { id: number; number: string };
  window: WindowRef;
  unitsDue: Day;
  today: Day;
  units: UnitReportStatusRow[];
  submitted: number;
}

/** The Office's reminder to a unit whose report for a window has not arrived. */
export interface UnitReportReminderModel {
  unit: { name: string };
  plan: { id: number; number: string };
  window: { key: string; label: string };
  unitsDue: Day;
  today: Day;
  drafted: boolean;
}
