import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../../src/domain/calendar.js";
import { periodOf } from "../../src/domain/period.js";
import {
  dueOccurrences,
  localInstant,
  occurrenceAt,
  parseWeeklyTime,
  reportDeadlineOccurrence,
  reportPeriod,
  weeklyOccurrence,
  type ScheduleConfig,
} from "../../src/domain/schedule.js";

const config: ScheduleConfig = {
  reminders: parseWeeklyTime("MON 08:00")!,
  summaries: parseWeeklyTime("FRI 16:00")!,
  digest: parseWeeklyTime("FRI 16:30")!,
  reportReminderDays: 7,
};
// 2023: 01/09 (Fri) and 04/09 (Mon) off for National Day; 2024: Saturday 04/05 worked.
const calendar = new WorkCalendar([
  { day: "2023-09-01", kind: "HOLIDAY" },
  { day: "2023-09-04", kind: "HOLIDAY" },
  { day: "2024-05-04", kind: "WORKDAY" },
]);
const HOUR = 3_600_000;

describe("weekly times", () => {
  it("reads English and Vietnamese weekdays", () => {
    expect(parseWeeklyTime("MON 08:00")).toEqual({ weekday: 1, hour: 8, minute: 0 });
    expect(parseWeeklyTime("T6 16:30")).toEqual({ weekday: 5, hour: 16, minute: 30 });
    expect(parseWeeklyTime("Thứ 6 16:00")).toEqual({ weekday: 5, hour: 16, minute: 0 });
    expect(parseWeeklyTime("CN 09:00")).toEqual({ weekday: 7, hour: 9, minute: 0 });
    for (const bad of ["MON", "XYZ 08:00", "MON 25:00", "MON 8:60", ""]) expect(parseWeeklyTime(bad)).toBeUndefined();
  });

  it("are Vietnam time whatever the server's zone", () => {
    expect(localInstant("2023-09-18", 8, 0).toISOString()).toBe("2023-09-18T01:00:00.000Z");
  });
});

describe("holidays and weekends move a run to the next working day", () => {
  it("Monday 04/09/2023 is off: reminders on Tuesday", () => {
    const o = weeklyOccurrence("reminders", periodOf("2023-09-04", "WEEK"), config.reminders, calendar);
    expect(o).toMatchObject({ period: "2023-W36", day: "2023-09-05" });
    expect(o.dueAt.toISOString()).toBe("2023-09-05T01:00:00.000Z");
  });

  it("Friday 01/09/2023 is off: the summary moves to the next working day, keeping its week", () => {
    const o = weeklyOccurrence("summaries", periodOf("2023-08-28", "WEEK"), config.summaries, calendar);
    expect(o).toMatchObject({ period: "2023-W35", day: "2023-09-05" });
  });

  it("a weekend day worked in exchange counts as a working day", () => {
    expect(calendar.isWorkingDay("2024-05-04")).toBe(true);
    expect(calendar.isWorkingDay("2024-05-05")).toBe(false);
    expect(calendar.nextWorkingDay("2023-09-02")).toBe("2023-09-05");
  });
});

describe("due runs and catch-up", () => {
  const mondayEight = localInstant("2023-09-18", 8, 0);

  it("is due at its time, not before", () => {
    expect(dueOccurrences(config, calendar, new Date(mondayEight.getTime() - 60_000), 6 * HOUR).map((o) => o.job)).not.toContain("reminders");
    expect(
      dueOccurrences(config, calendar, mondayEight, 6 * HOUR)
        .filter((o) => o.job === "reminders")
        .map((o) => o.period),
    ).toEqual(["2023-W38"]);
  });

  it("is caught up within the grace period and not after", () => {
    const within = new Date(mondayEight.getTime() + 5 * HOUR);
    const after = new Date(mondayEight.getTime() + 7 * HOUR);
    expect(dueOccurrences(config, calendar, within, 6 * HOUR).some((o) => o.job === "reminders" && o.period === "2023-W38")).toBe(true);
    expect(dueOccurrences(config, calendar, after, 6 * HOUR).some((o) => o.job === "reminders")).toBe(false);
  });

  it("reminds a week before the units' deadline to the Office (the 10th, or the working day before)", () => {
    const q3 = reportPeriod(2023, 3);
    expect(q3).toMatchObject({ key: "2023-Q3", kind: "QUARTER", cutoff: "2023-09-14", window: { start: "2023-06-15", end: "2023-09-14" } });
    expect(reportPeriod(2023, 2).window).toMatchObject({ key: "2023-H1", start: "2022-12-15", end: "2023-06-14" });
    expect(reportPeriod(2023, 4).window).toMatchObject({ key: "2023", start: "2022-12-15", end: "2023-12-14" });
    expect(reportPeriod(2023, 2).kind).toBe("HALF_YEAR");
    expect(reportPeriod(2023, 4).kind).toBe("YEAR");
    // Units are due on Friday 08/09/2023 (the 10th is a Sunday); a week
    // before is 01/09, a holiday, and the days off run to 04/09: Tuesday 05/09.
    expect(reportDeadlineOccurrence(q3, 7, config.reminders, calendar)).toMatchObject({ day: "2023-09-05", period: "2023-Q3" });
    const due = dueOccurrences(config, calendar, localInstant("2023-09-05", 9, 0), 6 * HOUR);
    expect(due.filter((o) => o.job === "report-deadlines").map((o) => o.period)).toEqual(["2023-Q3"]);
  });

  it("runs a job for the period of a chosen moment (jobs run --at)", () => {
    expect(occurrenceAt("digest", config, calendar, localInstant("2023-09-22", 16, 30))).toMatchObject({ period: "2023-W38" });
    expect(occurrenceAt("report-deadlines", config, calendar, localInstant("2023-09-20", 8, 0))).toMatchObject({ period: "2023-Q4" });
    expect(occurrenceAt("report-deadlines", config, calendar, localInstant("2023-09-10", 8, 0))).toMatchObject({ period: "2023-Q3" });
  });
});
