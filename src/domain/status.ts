// Task status, computed from dates and never typed by hand (domain.md). The
// five values are the ones government task-tracking reports count:
//
//   NOT_STARTED   chưa thực hiện         (no report yet, deadline not passed)
//   IN_PROGRESS   đang thực hiện trong hạn
//   OVERDUE       đang thực hiện quá hạn (deadline passed, not done; this
//                 includes tasks never started: past its deadline an
//                 unfinished task is overdue whatever its progress)
//   DONE_ON_TIME  hoàn thành đúng hạn    (done on or before the due day)
//   DONE_LATE     hoàn thành quá hạn
//
// A task due on day D is within deadline for all of day D, local time: a
// report at 23:30 on D in Asia/Ho_Chi_Minh is on time. Callers turn instants
// into local days with localDay() before they get here.
//
// Ongoing ("thường xuyên") tasks have no deadline; they are judged per
// reporting window of their cadence (src/domain/reporting-window.ts: data
// windows by default, calendar periods when the plan says so): reported in
// the current window, or in the previous one while the current is still
// open, is in progress; a previous window that closed without a report is
// overdue, and that window's report is the one missing. A window the task
// was barely in force for (less than the plan's minimum coverage) does not
// count. Once the plan has ended, the final window that counts decides:
// reported in it (or later) is done on time.
//
// "As of a day": lastReportOn is the last report on or before the day
// judged. The SQL twin recomputes it from the reports when the stored
// column is later than that day.
//
// src/db/status-sql.ts computes the same thing in SQL for counts over many
// tasks; test/db/status-sql.test.ts checks that both agree.
import type { Day } from "./day.js";
import type { Cadence, Period } from "./period.js";
import type { DueKind } from "./deadline.js";
import { DEFAULT_REPORTING, previousReportingPeriod, reportingPeriodOf, windowCounts, type ReportingRules } from "./reporting-window.js";

export const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "OVERDUE", "DONE_ON_TIME", "DONE_LATE"] as const;
export type TaskStatus = (typeof STATUSES)[number];

export interface TaskTiming {
  dueKind: DueKind;
  /** Last day within deadline; null for ongoing tasks. */
  dueOn: Day | null;
  /**
   * An approved extension (issue 13): dueOn is the approved deadline, which
   * applies from dueMovedOn on; before that day the plan's own deadline,
   * originalDueOn, is the one judged. Both null when never extended.
   */
  originalDueOn?: Day | null;
  dueMovedOn?: Day | null;
  /** Reporting period of an ongoing task. */
  cadence: Cadence | null;
  /** First day the task exists (the plan's issue day, or "from" of "2025 onwards"). */
  startsOn: Day;
  /** Last day of the plan; null when it runs on ("và các năm tiếp theo"). */
  endsOn: Day | null;
  firstReportOn: Day | null;
  lastReportOn: Day | null;
  completedOn: Day | null;
  /** The plan's reporting rules for ongoing tasks; DEFAULT_REPORTING when absent. */
  reporting?: ReportingRules | undefined;
}

export interface Judgement {
  status: TaskStatus;
  /** For an overdue ongoing task: the window whose report is missing. */
  missing: Period | null;
}

export function taskStatus(t: TaskTiming, today: Day): TaskStatus {
  return judgeTask(t, today).status;
}

export function judgeTask(t: TaskTiming, today: Day): Judgement {
  if (t.dueKind === "ONGOING") return judgeOngoing(t, today);
  // Event-driven work ("Khi có phát sinh", "Theo yêu cầu"): no date to miss, so never overdue.
  if (t.dueKind === "EVENT") {
    const status: TaskStatus =
      t.completedOn !== null && t.completedOn <= today ? "DONE_ON_TIME" : t.firstReportOn !== null && t.firstReportOn <= today ? "IN_PROGRESS" : "NOT_STARTED";
    return { status, missing: null };
  }
  const dueOn = effectiveDue(t, today);
  if (dueOn === null) throw new RangeError("a task with a deadline needs dueOn");
  const status: TaskStatus =
    t.completedOn !== null && t.completedOn <= today
      ? t.completedOn <= dueOn
        ? "DONE_ON_TIME"
        : "DONE_LATE"
      : today > dueOn
        ? "OVERDUE"
        : t.firstReportOn !== null && t.firstReportOn <= today
          ? "IN_PROGRESS"
          : "NOT_STARTED";
  return { status, missing: null };
}

/** The deadline in force on `today`: an approved extension applies from the day it was approved. */
export function effectiveDue(t: Pick<TaskTiming, "dueOn" | "originalDueOn" | "dueMovedOn">, today: Day): Day | null {
  if (t.dueMovedOn && t.originalDueOn && today < t.dueMovedOn) return t.originalDueOn;
  return t.dueOn;
}

function judgeOngoing(t: TaskTiming, today: Day): Judgement {
  const { periods, minCoverageDays } = t.reporting ?? DEFAULT_REPORTING;
  const cadence = t.cadence ?? "QUARTER";
  const counts = (p: Period) => windowCounts(p, t.startsOn, t.endsOn, minCoverageDays);
  const last = t.lastReportOn !== null && t.lastReportOn <= today ? t.lastReportOn : null;
  if (t.endsOn !== null && today > t.endsOn) {
    // The last window that counts; a plan too short for any: a report at all.
    const atEnd = reportingPeriodOf(t.endsOn, cadence, periods);
    const before = previousReportingPeriod(atEnd, periods);
    const final = counts(atEnd) ? atEnd : counts(before) ? before : null;
    const reported = last !== null && last >= (final?.start ?? t.startsOn);
    return reported ? { status: "DONE_ON_TIME", missing: null } : { status: "OVERDUE", missing: final ?? atEnd };
  }
  const current = reportingPeriodOf(today, cadence, periods);
  if (last !== null && last >= current.start) return { status: "IN_PROGRESS", missing: null };
  const previous = previousReportingPeriod(current, periods);
  if (!counts(previous)) return { status: last === null ? "NOT_STARTED" : "IN_PROGRESS", missing: null };
  return last !== null && last >= previous.start ? { status: "IN_PROGRESS", missing: null } : { status: "OVERDUE", missing: previous };
}

/** How an ongoing task fared in one period. */
export type PeriodJudgement = "REPORTED" | "MISSED" | "PENDING";

export function judgePeriod(reportDays: readonly Day[], period: { start: Day; end: Day }, today: Day): PeriodJudgement {
  if (reportDays.some((d) => d >= period.start && d <= period.end && d <= today)) return "REPORTED";
  return today > period.end ? "MISSED" : "PENDING";
}

/**
 * Completion against what is due, as PAR INDEX counts it ("mức độ hoàn thành
 * kế hoạch"): a task is due by now when it is done or overdue (its deadline,
 * or for an ongoing task a reporting window, has passed); tasks still within
 * deadline are not yet due. The rates are null when nothing is due yet. The
 * one definition of the rates every view and message shows; their wording
 * is COMPLETION_DEFINITION in src/i18n/labels.ts.
 */
export interface CompletionRates {
  due: number;
  done: number;
  doneOnTime: number;
  /** done ÷ due by now */
  doneRate: number | null;
  /** done on time ÷ due by now */
  onTimeRate: number | null;
}

export function completionRates(counts: Record<TaskStatus, number>): CompletionRates {
  const done = counts.DONE_ON_TIME + counts.DONE_LATE;
  const due = done + counts.OVERDUE;
  return {
    due,
    done,
    doneOnTime: counts.DONE_ON_TIME,
    doneRate: due === 0 ? null : done / due,
    onTimeRate: due === 0 ? null : counts.DONE_ON_TIME / due,
  };
}

export function emptyCounts(): Record<TaskStatus, number> {
  return { NOT_STARTED: 0, IN_PROGRESS: 0, OVERDUE: 0, DONE_ON_TIME: 0, DONE_LATE: 0 };
}
