// When a unit that has not acknowledged a plan ("quán triệt") is reminded:
// once, after a set number of working days from the day the plan was sent to
// it (weekends and the official days off do not count).
import type { WorkCalendar } from "./calendar.js";
import { addDays, type Day } from "./day.js";

/** The default number of working days a unit has to acknowledge a plan before it is reminded. */
export const DEFAULT_ACK_REMINDER_DAYS = 3;

/** The day `n` working days after `day` (the day itself does not count). */
export function workingDaysAfter(calendar: WorkCalendar, day: Day, n: number): Day {
  let d = day;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** True from the day the reminder is due: `days` working days after the plan was sent. */
export function ackReminderDue(calendar: WorkCalendar, sentOn: Day, today: Day, days: number): boolean {
  return today >= workingDaysAfter(calendar, sentOn, days);
}
