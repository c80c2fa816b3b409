// Working days in Vietnam: Monday to Friday, except the statutory holidays
// and swapped days off announced each year, plus the weekend days worked in
// exchange (data in CalendarDay; domain.md). No reminder lands on a day off:
// it moves to the next working day.
import { addDays, isoWeekday, type Day } from "./day.js";

export interface CalendarException {
  day: Day;
  kind: "HOLIDAY" | "WORKDAY";
}

export class WorkCalendar {
  private readonly exceptions: Map<Day, "HOLIDAY" | "WORKDAY">;

  constructor(exceptions: readonly CalendarException[] = []) {
    this.exceptions = new Map(exceptions.map((e) => [e.day, e.kind]));
  }

  isWorkingDay(day: Day): boolean {
    const exception = this.exceptions.get(day);
    if (exception) return exception === "WORKDAY";
    return isoWeekday(day) <= 5;
  }

  /** The day itself if it is a working day, else the next one. */
  nextWorkingDay(day: Day): Day {
    let d = day;
    // Tết can close up to nine days in a row; a year of days off is a data error.
    for (let i = 0; i < 366; i++, d = addDays(d, 1)) if (this.isWorkingDay(d)) return d;
    throw new RangeError(`no working day within a year after ${day}: check the holiday calendar`);
  }

  /** The day itself if it is a working day, else the one before (a deadline on a day off is met by sending earlier). */
  previousWorkingDay(day: Day): Day {
    let d = day;
    for (let i = 0; i < 366; i++, d = addDays(d, -1)) if (this.isWorkingDay(d)) return d;
    throw new RangeError(`no working day within a year before ${day}: check the holiday calendar`);
  }
}
