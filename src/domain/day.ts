// Calendar days. A Day is "YYYY-MM-DD" in Asia/Ho_Chi_Minh, the time zone the
// department works in (domain.md: days are counted there). Days compare as
// strings. Arithmetic is done on UTC midnights so that the process's own TZ
// never shifts a date; instants become days only through localDay().
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export const TIME_ZONE = "Asia/Ho_Chi_Minh";

export type Day = string;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local day of an instant. */
export function localDay(instant: Date): Day {
  return format(new TZDate(instant, TIME_ZONE), "yyyy-MM-dd");
}

export function makeDay(year: number, month: number, day: number): Day | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2999 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  return d.toISOString().slice(0, 10);
}

export function parts(day: Day): { year: number; month: number; day: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function addDays(day: Day, n: number): Day {
  const { year, month, day: d } = parts(day);
  return new Date(Date.UTC(year, month - 1, d + n)).toISOString().slice(0, 10);
}

export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = parts(day);
  return new Date(Date.UTC(year, month - 1 + n, d)).toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

export function lastDayOfMonth(year: number, month: number): Day {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Monday = 1 ... Sunday = 7 (ISO). */
export function isoWeekday(day: Day): number {
  return ((toDate(day).getUTCDay() + 6) % 7) + 1;
}

/** A Day as a Date at UTC midnight: what Prisma reads and writes for @db.Date. */
export function toDate(day: Day): Date {
  const { year, month, day: d } = parts(day);
  return new Date(Date.UTC(year, month - 1, d));
}

/** A @db.Date value read by Prisma (UTC midnight) back to a Day. */
export function fromDate(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** "31/12/2023" -> "2023-12-31"; undefined when it is not a real date (31/02/2023). */
export function parseVnDate(text: string): Day | undefined {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  return makeDay(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** "2023-12-31" -> "31/12/2023", the form Vietnamese documents use. */
export function formatVnDate(day: Day): string {
  const { year, month, day: d } = parts(day);
  return `${String(d).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}
