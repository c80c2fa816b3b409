// Reporting windows and the chain of report deadlines (domain.md "Reporting
// rhythm").
//
// Periodic reports cover data windows, not calendar periods (Nghị định
// 09/2019/NĐ-CP, Điều 12; for administrative reform, guidance 581/BNV-CCHC):
// a month runs from the 15th of the month before to the 14th; a quarter from
// the 15th of the month before it to the 14th of its last month (Q1
// 15/12–14/3, Q2 15/3–14/6, Q3 15/6–14/9, Q4 15/9–14/12); six months
// 15/12–14/6 and 15/6–14/12; the year 15/12–14/12. A window is named after
// the period it reports on ("2023-Q3" is 15/06–14/09/2023). Weeks have no
// data window: a weekly task is judged by ISO week either way.
//
// A plan may say it counts by calendar period instead (its `reporting.periods`
// setting). Either way a window counts only when the task was in force for a
// meaningful part of it (`minCoverageDays`, default 30): a plan issued on
// 13/06 is not behind for the window that closed on 14/06.
//
// Deadlines form a chain: the units report to the Office by an internal day
// of the window's last month (the plan's `unitsDueDay`, e.g. the 10th), the
// department reports to its superior (Sở Nội vụ / UBND tỉnh) by the day the
// province sets (`officeDueDay`), and the province reports to the Ministry by
// the 20th. A day that is not a working day moves to the working day before
// it: a deadline that falls on a day off is met by sending earlier.
import type { WorkCalendar } from "./calendar.js";
import { addDays, addMonths, daysBetween, makeDay, parts, type Day } from "./day.js";
import { periodOf, type Cadence, type Period } from "./period.js";

export type PeriodMode = "WINDOW" | "CALENDAR";

export interface ReportingRules {
  periods: PeriodMode;
  /** A window counts only when the task was in force for this many of its days (or the whole window when it is shorter). */
  minCoverageDays: number;
}

export const DEFAULT_REPORTING: ReportingRules = { periods: "WINDOW", minCoverageDays: 30 };

/** The day of the window's last month by which units report to the Office, unless the plan says otherwise. */
export const DEFAULT_UNITS_DUE_DAY = 10;
/** The day of the window's last month by which the department reports to its superior, unless the plan says otherwise. */
export const DEFAULT_OFFICE_DUE_DAY = 15;
export const DEFAULT_SUPERIOR = "UBND tỉnh (qua Sở Nội vụ)";
/** The province's deadline to the Ministry (581/BNV-CCHC); a department's deadline must come before it. */
export const MINISTRY_DUE_DAY = 20;

/** The reporting period (data window or calendar period) of `cadence` that contains `day`. */
export function reportingPeriodOf(day: Day, cadence: Cadence, mode: PeriodMode): Period {
  if (cadence === "WEEK" || mode === "CALENDAR") return periodOf(day, cadence);
  // From the 15th on, a day belongs to the window of the next month's period.
  const { year, month, day: d } = parts(day);
  const firstOfMonth = makeDay(year, month, 1)!;
  const calendar = periodOf(d >= 15 ? addMonths(firstOfMonth, 1) : firstOfMonth, cadence);
  const last = parts(calendar.end);
  return { cadence, key: calendar.key, start: addDays(addMonths(calendar.start, -1), 14), end: makeDay(last.year, last.month, 14)! };
}

export function previousReportingPeriod(p: Period, mode: PeriodMode): Period {
  return reportingPeriodOf(addDays(p.start, -1), p.cadence, mode);
}

/** Days of `p` on which a task running from `startsOn` to `endsOn` (null: runs on) was in force. */
export function coverageDays(p: Pick<Period, "start" | "end">, startsOn: Day, endsOn: Day | null): number {
  const from = p.start > startsOn ? p.start : startsOn;
  const to = endsOn !== null && endsOn < p.end ? endsOn : p.end;
  return Math.max(0, daysBetween(from, to) + 1);
}

/** Whether a window counts: the task was in force for a meaningful part of it (and at least one day of it, whatever the setting). */
export function windowCounts(p: Pick<Period, "start" | "end">, startsOn: Day, endsOn: Day | null, minCoverageDays: number): boolean {
  const length = daysBetween(p.start, p.end) + 1;
  return coverageDays(p, startsOn, endsOn) >= Math.max(1, Math.min(minCoverageDays, length));
}

export interface ChainSettings {
  /** Day of the window's last month by which units report to the Office. */
  unitsDueDay: number;
  /** Day of the window's last month by which the department reports to its superior. */
  officeDueDay: number;
  /** Whom the department reports to: "UBND tỉnh (qua Sở Nội vụ)", "Sở Nội vụ". */
  superior: string;
}

export const DEFAULT_CHAIN: ChainSettings = { unitsDueDay: DEFAULT_UNITS_DUE_DAY, officeDueDay: DEFAULT_OFFICE_DUE_DAY, superior: DEFAULT_SUPERIOR };

export interface ReportChain {
  /** The data window the report covers. */
  window: Pick<Period, "key" | "cadence" | "start" | "end">;
  /** Units → Office, "chậm nhất ngày …". */
  unitsDue: Day;
  /** Office (for the department) → superior. */
  officeDue: Day;
  superior: string;
  /** Province → Ministry, for reference. */
  ministryDue: Day;
}

/**
 * The deadlines of one report. Settings are checked when a plan is loaded
 * (1 ≤ unitsDueDay < officeDueDay < 20); a day that is not a working day
 * moves to the working day before it, so the order of the chain holds.
 */
export function reportChain(window: Pick<Period, "key" | "cadence" | "start" | "end">, settings: ChainSettings, calendar: WorkCalendar): ReportChain {
  const { year, month } = parts(window.end);
  const day = (n: number) => calendar.previousWorkingDay(makeDay(year, month, n)!);
  return {
    window,
    unitsDue: day(settings.unitsDueDay),
    officeDue: day(settings.officeDueDay),
    superior: settings.superior,
    ministryDue: day(MINISTRY_DUE_DAY),
  };
}

/** Checks a plan's chain settings; returns what is wrong, in both languages, or null. */
export function chainProblem(s: Pick<ChainSettings, "unitsDueDay" | "officeDueDay">): { vi: string; en: string } | null {
  if (s.unitsDueDay >= s.officeDueDay) {
    return {
      vi: `Hạn các đơn vị gửi Văn phòng Sở (ngày ${s.unitsDueDay}) phải trước hạn Sở gửi cơ quan cấp trên (ngày ${s.officeDueDay})`,
      en: `The units' deadline to the Office (day ${s.unitsDueDay}) must come before the department's deadline to its superior (day ${s.officeDueDay})`,
    };
  }
  if (s.officeDueDay >= MINISTRY_DUE_DAY) {
    return {
      vi: `Hạn Sở gửi cơ quan cấp trên (ngày ${s.officeDueDay}) phải trước ngày ${MINISTRY_DUE_DAY}, hạn tỉnh báo cáo Bộ`,
      en: `The department's deadline (day ${s.officeDueDay}) must come before the ${MINISTRY_DUE_DAY}th, the province's deadline to the Ministry`,
    };
  }
  return null;
}
