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
// reporting period of their cadence: reported in the current period, or in
// the previous one while the current is still open, is in progress; a
// previous period that closed without a report is overdue. Once the plan has
// ended, the final period decides: reported in it is done on time.
//
// src/db/status-sql.ts computes the same thing in SQL for counts over many
// tasks; test/status-sql.test.ts checks that both agree.
import type { Day } from "./day.js";
import { periodOf, previousPeriod, type Cadence } from "./period.js";
import type { DueKind } from "./deadline.js";

export const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "OVERDUE", "DONE_ON_TIME", "DONE_LATE"] as const;
export type TaskStatus = (typeof STATUSES)[number];

export interface TaskTiming {
  dueKind: DueKind;
  /** Last day within deadline; null for ongoing tasks. */
  dueOn: Day | null;
  /** Reporting period of an ongoing task. */
  cadence: Cadence | null;
  /** First day the task exists (the plan's issue day, or "from" of "2025 onwards"). */
  startsOn: Day;
  /** Last day of the plan; null when it runs on ("và các năm tiếp theo"). */
  endsOn: Day | null;
  firstReportOn: Day | null;
  lastReportOn: Day | null;
  completedOn: Day | null;
}

export function taskStatus(t: TaskTiming, today: Day): TaskStatus {
  if (t.dueKind === "ONGOING") return ongoingStatus(t, today);
  // Event-driven work ("Khi có phát sinh", "Theo yêu cầu"): no date to miss, so never overdue.
  if (t.dueKind === "EVENT") {
    if (t.completedOn !== null && t.completedOn <= today) return "DONE_ON_TIME";
    return t.firstReportOn !== null && t.firstReportOn <= today ? "IN_PROGRESS" : "NOT_STARTED";
  }
  if (t.dueOn === null) throw new RangeError("a task with a deadline needs dueOn");
  if (t.completedOn !== null && t.completedOn <= today) {
    return t.completedOn <= t.dueOn ? "DONE_ON_TIME" : "DONE_LATE";
  }
  if (today > t.dueOn) return "OVERDUE";
  return t.firstReportOn !== null && t.firstReportOn <= today ? "IN_PROGRESS" : "NOT_STARTED";
}

function ongoingStatus(t: TaskTiming, today: Day): TaskStatus {
  const cadence = t.cadence ?? "QUARTER";
  const ended = t.endsOn !== null && today > t.endsOn;
  const ref = ended ? t.endsOn! : today;
  const current = periodOf(ref, cadence);
  const last = t.lastReportOn !== null && t.lastReportOn <= today ? t.lastReportOn : null;
  const reportedNow = last !== null && last >= current.start;
  if (ended) return reportedNow ? "DONE_ON_TIME" : "OVERDUE";
  if (reportedNow) return "IN_PROGRESS";
  if (current.start <= t.startsOn) return last === null ? "NOT_STARTED" : "IN_PROGRESS";
  const previous = previousPeriod(current);
  return last !== null && last >= previous.start ? "IN_PROGRESS" : "OVERDUE";
}

/** How an ongoing task fared in one period. */
export type PeriodJudgement = "REPORTED" | "MISSED" | "PENDING";

export function judgePeriod(reportDays: readonly Day[], period: { start: Day; end: Day }, today: Day): PeriodJudgement {
  if (reportDays.some((d) => d >= period.start && d <= period.end && d <= today)) return "REPORTED";
  return today > period.end ? "MISSED" : "PENDING";
}

/** Share of finished tasks that finished on time, as governments quote it; null when none finished. */
export function onTimeRate(counts: Record<TaskStatus, number>): number | null {
  const finished = counts.DONE_ON_TIME + counts.DONE_LATE;
  return finished === 0 ? null : counts.DONE_ON_TIME / finished;
}

export function emptyCounts(): Record<TaskStatus, number> {
  return { NOT_STARTED: 0, IN_PROGRESS: 0, OVERDUE: 0, DONE_ON_TIME: 0, DONE_LATE: 0 };
}
