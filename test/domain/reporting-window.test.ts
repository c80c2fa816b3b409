import { describe, expect, it } from "vitest";
import { WorkCalendar } from "../../src/domain/calendar.js";
import { addDays } from "../../src/domain/day.js";
import { chainProblem, coverageDays, previousReportingPeriod, reportChain, reportingPeriodOf, windowCounts } from "../../src/domain/reporting-window.js";

describe("data windows (Nghị định 09/2019/NĐ-CP, Điều 12)", () => {
  it("runs a quarter from the 15th of the month before it to the 14th of its last month", () => {
    expect(reportingPeriodOf("2023-06-14", "QUARTER", "WINDOW")).toEqual({ cadence: "QUARTER", key: "2023-Q2", start: "2023-03-15", end: "2023-06-14" });
    expect(reportingPeriodOf("2023-06-15", "QUARTER", "WINDOW")).toEqual({ cadence: "QUARTER", key: "2023-Q3", start: "2023-06-15", end: "2023-09-14" });
    expect(reportingPeriodOf("2023-09-15", "QUARTER", "WINDOW")).toMatchObject({ key: "2023-Q4", start: "2023-09-15", end: "2023-12-14" });
  });

  it("puts 15–31 December in the next year's first quarter, six months and year", () => {
    expect(reportingPeriodOf("2023-12-15", "QUARTER", "WINDOW")).toMatchObject({ key: "2024-Q1", start: "2023-12-15", end: "2024-03-14" });
    expect(reportingPeriodOf("2023-12-31", "HALF", "WINDOW")).toMatchObject({ key: "2024-H1", start: "2023-12-15", end: "2024-06-14" });
    expect(reportingPeriodOf("2023-12-14", "YEAR", "WINDOW")).toMatchObject({ key: "2023", start: "2022-12-15", end: "2023-12-14" });
    expect(reportingPeriodOf("2023-12-15", "YEAR", "WINDOW")).toMatchObject({ key: "2024", start: "2023-12-15", end: "2024-12-14" });
    expect(reportingPeriodOf("2023-06-15", "HALF", "WINDOW")).toMatchObject({ key: "2023-H2", start: "2023-06-15", end: "2023-12-14" });
  });

  it("runs a month from the 15th of the month before (February and leap years included)", () => {
    expect(reportingPeriodOf("2024-02-14", "MONTH", "WINDOW")).toMatchObject({ key: "2024-02", start: "2024-01-15", end: "2024-02-14" });
    expect(reportingPeriodOf("2024-02-29", "MONTH", "WINDOW")).toMatchObject({ key: "2024-03", start: "2024-02-15", end: "2024-03-14" });
  });

  it("keeps ISO weeks for weekly tasks, and calendar periods when the plan says so", () => {
    expect(reportingPeriodOf("2023-06-15", "WEEK", "WINDOW")).toMatchObject({ key: "2023-W24", start: "2023-06-12", end: "2023-06-18" });
    expect(reportingPeriodOf("2023-06-15", "QUARTER", "CALENDAR")).toMatchObject({ key: "2023-Q2", start: "2023-04-01", end: "2023-06-30" });
  });

  it("tiles the calendar: every window starts the day after the previous one ends", () => {
    for (const cadence of ["MONTH", "QUARTER", "HALF", "YEAR"] as const) {
      let p = reportingPeriodOf("2026-01-01", cadence, "WINDOW");
      for (let i = 0; i < 30; i++) {
        const prev = previousReportingPeriod(p, "WINDOW");
        expect(addDays(prev.end, 1)).toBe(p.start);
        expect(reportingPeriodOf(prev.start, cadence, "WINDOW")).toEqual(prev);
        expect(reportingPeriodOf(prev.end, cadence, "WINDOW")).toEqual(prev);
        p = prev;
      }
    }
  });
});

describe("minimum coverage", () => {
  const q2 = reportingPeriodOf("2023-06-01", "QUARTER", "WINDOW"); // 15/03–14/06/2023

  it("counts the days the task was in force within the window", () => {
    expect(coverageDays(q2, "2023-06-13", "2023-12-31")).toBe(2);
    expect(coverageDays(q2, "2023-07-01", null)).toBe(0);
    expect(coverageDays(q2, "2023-01-01", "2023-03-20")).toBe(6);
  });

  it("counts a window only when covered for the minimum (or the whole window when shorter), and at least a day", () => {
    expect(windowCounts(q2, "2023-06-13", "2023-12-31", 30)).toBe(false);
    expect(windowCounts(q2, "2023-05-16", "2023-12-31", 30)).toBe(true); // 30 days: 16/05–14/06
    expect(windowCounts(q2, "2023-05-17", "2023-12-31", 30)).toBe(false);
    const week = reportingPeriodOf("2023-06-15", "WEEK", "WINDOW");
    expect(windowCounts(week, "2023-06-12", null, 30)).toBe(true);
    expect(windowCounts(q2, "2023-07-01", null, 0)).toBe(false);
  });
});

describe("the chain of deadlines", () => {
  // 2023: 1–4 September off (Quốc khánh, with the swapped days).
  const calendar = new WorkCalendar([
    { day: "2023-09-01", kind: "HOLIDAY" },
    { day: "2023-09-04", kind: "HOLIDAY" },
  ]);
  const q3 = reportingPeriodOf("2023-09-14", "QUARTER", "WINDOW");

  it("units report to the Office on the internal day, moved to the working day before; the department by its own date", () => {
    const chain = reportChain(q3, { unitsDueDay: 10, officeDueDay: 15, superior: "UBND tỉnh (qua Sở Nội vụ)" }, calendar);
    // 10/09/2023 is a Sunday: Friday 08/09. 15/09 is a Friday.
    expect(chain).toMatchObject({ unitsDue: "2023-09-08", officeDue: "2023-09-15", superior: "UBND tỉnh (qua Sở Nội vụ)", ministryDue: "2023-09-20" });
    expect(chain.unitsDue < chain.officeDue && chain.officeDue < chain.ministryDue).toBe(true);
  });

  it("moves a deadline on a holiday back over the holiday", () => {
    const chain = reportChain(q3, { unitsDueDay: 4, officeDueDay: 5, superior: "Sở Nội vụ" }, calendar);
    expect(chain.unitsDue).toBe("2023-08-31");
    expect(chain.officeDue).toBe("2023-09-05");
  });

  it("refuses settings that break the chain", () => {
    expect(chainProblem({ unitsDueDay: 10, officeDueDay: 15 })).toBeNull();
    expect(chainProblem({ unitsDueDay: 15, officeDueDay: 15 })?.vi).toContain("phải trước");
    expect(chainProblem({ unitsDueDay: 10, officeDueDay: 20 })?.en).toContain("Ministry");
  });
});
