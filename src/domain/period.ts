// Reporting periods. Ongoing ("thường xuyên") tasks are judged per period;
// reform reports are quarterly, six-monthly and annual (domain.md).
import { addDays, addMonths, isoWeekday, lastDayOfMonth, makeDay, parts, type Day } from "./day.js";

export type Cadence = "WEEK" | "MONTH" | "QUARTER" | "HALF" | "YEAR";

export interface Period {
  cadence: Cadence;
  /** "2023-W23", "2023-05", "2023-Q2", "2023-H1", "2023" */
  key: string;
  start: Day;
  end: Day;
}

const MONTHS: Record<Exclude<Cadence, "WEEK">, number> = { MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12 };

export function periodOf(day: Day, cadence: Cadence): Period {
  const { year, month } = parts(day);
  if (cadence === "WEEK") {
    const start = addDays(day, 1 - isoWeekday(day));
    const end = addDays(start, 6);
    // ISO week-numbering year is the year of the week's Thursday.
    const thursday = addDays(start, 3);
    const wy = parts(thursday).year;
    const jan4 = makeDay(wy, 1, 4)!;
    const week1 = addDays(jan4, 1 - isoWeekday(jan4));
    const n = Math.round((Date.parse(start) - Date.parse(week1)) / (7 * 86_400_000)) + 1;
    return { cadence, key: `${wy}-W${String(n).padStart(2, "0")}`, start, end };
  }
  const span = MONTHS[cadence];
  const first = Math.floor((month - 1) / span) * span + 1;
  const start = makeDay(year, first, 1)!;
  const end = lastDayOfMonth(year, first + span - 1);
  const index = (first - 1) / span + 1;
  const key =
    cadence === "MONTH" ? `${year}-${String(first).padStart(2, "0")}` : cadence === "QUARTER" ? `${year}-Q${index}` : cadence === "HALF" ? `${year}-H${index}` : `${year}`;
  return { cadence, key, start, end };
}

export function previousPeriod(p: Period): Period {
  return periodOf(addDays(p.start, -1), p.cadence);
}

export function nextPeriod(p: Period): Period {
  return periodOf(addDays(p.end, 1), p.cadence);
}

/** The start of the period `n` periods after the one containing `day`. */
export function shiftPeriodStart(day: Day, cadence: Cadence, n: number): Day {
  const p = periodOf(day, cadence);
  return cadence === "WEEK" ? addDays(p.start, 7 * n) : addMonths(p.start, MONTHS[cadence] * n);
}
