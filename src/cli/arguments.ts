// Dates and moments as the command line takes them (Vietnam time), refused
// with a message that says what was wrong.
import { formatVnDate, localDay, parseVnDate, TIME_ZONE, type Day } from "../domain/day.js";
import { localInstant } from "../domain/schedule.js";
import { AppError } from "../errors.js";

const DAY_SHAPE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** A dd/mm/yyyy argument; a day the calendar does not have (31/02/2024) is said as such. */
export function dayArgument(text: string, option?: string): Day {
  const day = parseVnDate(text);
  if (day) return day;
  throw new AppError("DATE_INVALID", { value: text.slice(0, 40), exists: DAY_SHAPE.test(text.trim()) ? "no" : "", ...(option ? { option } : {}) });
}

/** The day of --at, today when it is not given. */
export function asOf(at: string | undefined, now: Date = new Date()): Day {
  return at === undefined ? localDay(now) : dayArgument(at, "--at");
}

/** "dd/mm/yyyy HH:MM" in Vietnam time, or an ISO instant. */
export function momentArgument(text: string): Date {
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (m) {
    const day = dayArgument(m[1]!, "--at");
    if (Number(m[2] ?? 0) < 24 && Number(m[3] ?? 0) < 60) return localInstant(day, Number(m[2] ?? 8), Number(m[3] ?? 0));
  }
  const iso = new Date(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(iso.getTime())) return iso;
  throw new AppError("MOMENT_INVALID", { value: text.slice(0, 40) });
}

/** "dd/mm/yyyy HH:MM" in Vietnam time, as --at takes it. */
export function formatMoment(at: Date): string {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${formatVnDate(localDay(at))} ${time}`;
}
