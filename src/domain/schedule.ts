// When each scheduled job is due. Weekly jobs happen on a weekday and time
// in Asia/Ho_Chi_Minh, moved to the next working day when that day is off.
// Report-deadline reminders come a number of days before the units' deadline
// to the Office for each reform report (by default the 10th of the window's
// last month, the working day before if it is off; the data window closes on
// the 14th: src/domain/reporting-window.ts).
import { TZDate } from "@date-fns/tz";
import type { WorkCalendar } from "./calendar.js";
import { addDays, localDay, makeDay, parts, TIME_ZONE, type Day } from "./day.js";
import { periodOf, previousPeriod, type Period } from "./period.js";
import { DEFAULT_UNITS_DUE_DAY, reportingPeriodOf } from "./reporting-window.js";
import { fold } from "./text.js";

export type WeeklyJob = "reminders" | "summaries" | "digest";
export type JobId = WeeklyJob | "report-deadlines";
export const JOB_IDS: readonly JobId[] = ["reminders", "summaries", "digest", "report-deadlines"];

export interface WeeklyTime {
  weekday: number; // ISO: 1 = Monday ... 7 = Sunday
  hour: number;
  minute: number;
}

export interface Occurrence {
  job: JobId;
  /** The period the run is for: "2023-W38" for weekly jobs, "2023-Q3" for report deadlines. */
  period: string;
  /** The local day it is due, after moving off days off. */
  day: Day;
  dueAt: Date;
}

const WEEKDAYS: Record<string, number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
  cn: 7,
  "thu 2": 1,
  "thu 3": 2,
  "thu 4": 3,
  "thu 5": 4,
  "thu 6": 5,
  "thu 7": 6,
  "chu nhat": 7,
};

/** "MON 08:00", "fri 16:30", "T6 16:00", "Thứ 6 16:00", "CN 09:00". */
export function parseWeeklyTime(text: string): WeeklyTime | undefined {
  const m = /^(.+?)\s+(\d{1,2}):(\d{2})$/.exec(fold(text));
  if (!m) return undefined;
  const weekday = WEEKDAYS[m[1]!.trim()];
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!weekday || hour > 23 || minute > 59) return undefined;
  return { weekday, hour, minute };
}

/** The instant of a local day and time in Asia/Ho_Chi_Minh. */
export function localInstant(day: Day, hour: number, minute: number): Date {
  const { year, month, day: d } = parts(day);
  return new Date(new TZDate(year, month - 1, d, hour, minute, 0, TIME_ZONE).getTime());
}

export function weeklyOccurrence(job: WeeklyJob, week: Period, time: WeeklyTime, calendar: WorkCalendar): Occurrence {
  const day = calendar.nextWorkingDay(addDays(week.start, time.weekday - 1));
  return { job, period: week.key, day, dueAt: localInstant(day, time.hour, time.minute) };
}

export interface ReportPeriod {
  key: string; // "2023-Q3"
  year: number;
  quarter: number;
  kind: "QUARTER" | "HALF_YEAR" | "YEAR";
  /** The data window the report covers: the quarter's, or the six months' or the year's with Q2 and Q4. */
  window: Period;
  /** The window's last day (the 14th). */
  cutoff: Day;
}

export function reportPeriod(year: number, quarter: number): ReportPeriod {
  const kind = quarter === 2 ? "HALF_YEAR" : quarter === 4 ? "YEAR" : "QUARTER";
  const cutoff = makeDay(year, quarter * 3, 14)!;
  const window = reportingPeriodOf(cutoff, kind === "HALF_YEAR" ? "HALF" : kind === "YEAR" ? "YEAR" : "QUARTER", "WINDOW");
  return { key: `${year}-Q${quarter}`, year, quarter, kind, window, cutoff };
}

/** `daysBefore` the default units' deadline (the 10th of the window's last month, or the working day before). */
export function reportDeadlineOccurrence(period: ReportPeriod, daysBefore: number, time: WeeklyTime, calendar: WorkCalendar): Occurrence {
  const { year, month } = parts(period.cutoff);
  const unitsDue = calendar.previousWorkingDay(makeDay(year, month, DEFAULT_UNITS_DUE_DAY)!);
  const day = calendar.nextWorkingDay(addDays(unitsDue, -daysBefore));
  return { job: "report-deadlines", period: period.key, day, dueAt: localInstant(day, time.hour, time.minute) };
}

export interface ScheduleConfig {
  reminders: WeeklyTime;
  summaries: WeeklyTime;
  digest: WeeklyTime;
  /** Days before the units' deadline to the Office (the 10th); sent at the reminders' time of day. */
  reportReminderDays: number;
}

/**
 * The runs due at `now`: occurrences whose time has come and that are no
 * older than `graceMs` (a run missed while dondoc was down is caught up
 * within the grace period, and not after).
 */
export function dueOccurrences(config: ScheduleConfig, calendar: WorkCalendar, now: Date, graceMs: number): Occurrence[] {
  const today = localDay(now);
  const thisWeek = periodOf(today, "WEEK");
  const weeks = [previousPeriod(previousPeriod(thisWeek)), previousPeriod(thisWeek), thisWeek];
  const candidates: Occurrence[] = [];
  for (const job of ["reminders", "summaries", "digest"] as const) {
    for (const week of weeks) candidates.push(weeklyOccurrence(job, week, config[job], calendar));
  }
  const { year } = parts(today);
  for (const y of [year - 1, year]) {
    for (const q of [1, 2, 3, 4]) {
      candidates.push(reportDeadlineOccurrence(reportPeriod(y, q), config.reportReminderDays, config.reminders, calendar));
    }
  }
  return candidates.filter((o) => o.dueAt.getTime() <= now.getTime() && now.getTime() - o.dueAt.getTime() <= graceMs);
}

/** The occurrence of a job for the period containing `at` (for `dondoc jobs run --at`). */
export function occurrenceAt(job: JobId, config: ScheduleConfig, calendar: WorkCalendar, at: Date): Occurrence {
  const day = localDay(at);
  if (job === "report-deadlines") {
    const { year, month } = parts(day);
    // The next report whose data window has not closed yet.
    let q = Math.ceil(month / 3);
    let y = year;
    if (day > reportPeriod(y, q).cutoff) {
      q = q === 4 ? 1 : q + 1;
      y = q === 1 ? y + 1 : y;
    }
    return { ...reportDeadlineOccurrence(reportPeriod(y, q), config.reportReminderDays, config.reminders, calendar), dueAt: at, day };
  }
  return { job, period: periodOf(day, "WEEK").key, day, dueAt: at };
}
