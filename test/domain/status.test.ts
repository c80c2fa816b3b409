import { describe, expect, it } from "vitest";
import { localDay } from "../../src/domain/day.js";
import { completionRates, judgePeriod, judgeTask, taskStatus, type TaskTiming } from "../../src/domain/status.js";

const base: TaskTiming = {
  dueKind: "DATE",
  dueOn: "2023-12-15",
  cadence: null,
  startsOn: "2023-06-13",
  endsOn: "2023-12-31",
  firstReportOn: null,
  lastReportOn: null,
  completedOn: null,
};
const task = (over: Partial<TaskTiming>): TaskTiming => ({ ...base, ...over });

describe("taskStatus with a deadline", () => {
  it("is not started before any report", () => {
    expect(taskStatus(base, "2023-07-01")).toBe("NOT_STARTED");
  });

  it("is in progress after a report, within deadline", () => {
    expect(taskStatus(task({ firstReportOn: "2023-07-01", lastReportOn: "2023-07-01" }), "2023-07-02")).toBe("IN_PROGRESS");
  });

  it("is still within deadline on the due day itself", () => {
    expect(taskStatus(task({ firstReportOn: "2023-12-01" }), "2023-12-15")).toBe("IN_PROGRESS");
    expect(taskStatus(base, "2023-12-15")).toBe("NOT_STARTED");
  });

  it("is overdue the day after the deadline, started or not", () => {
    expect(taskStatus(task({ firstReportOn: "2023-12-01" }), "2023-12-16")).toBe("OVERDUE");
    expect(taskStatus(base, "2023-12-16")).toBe("OVERDUE");
  });

  it("is done on time when completed on the due day", () => {
    expect(taskStatus(task({ firstReportOn: "2023-12-01", completedOn: "2023-12-15" }), "2024-01-10")).toBe("DONE_ON_TIME");
  });

  it("is done late when completed the day after the deadline", () => {
    expect(taskStatus(task({ firstReportOn: "2023-12-01", completedOn: "2023-12-16" }), "2023-12-16")).toBe("DONE_LATE");
  });

  it("ignores a completion after the day it is judged on", () => {
    expect(taskStatus(task({ firstReportOn: "2023-12-01", completedOn: "2023-12-10" }), "2023-12-05")).toBe("IN_PROGRESS");
    expect(taskStatus(task({ firstReportOn: "2023-12-10" }), "2023-12-05")).toBe("NOT_STARTED");
  });

  it("counts a report at 23:30 local time on the due day as on time", () => {
    // 23:30 on 15/12/2023 in Hanoi is 16:30 UTC the same day; 00:30 on the
    // 16th local is still the 15th in UTC: the local day must decide.
    const onTime = localDay(new Date("2023-12-15T16:30:00Z"));
    const late = localDay(new Date("2023-12-15T17:30:00Z"));
    expect(onTime).toBe("2023-12-15");
    expect(late).toBe("2023-12-16");
    expect(taskStatus(task({ firstReportOn: onTime, completedOn: onTime }), "2023-12-20")).toBe("DONE_ON_TIME");
    expect(taskStatus(task({ firstReportOn: late, completedOn: late }), "2023-12-20")).toBe("DONE_LATE");
  });

  it("judges quarter and year deadlines by their last day", () => {
    const q4 = task({ dueKind: "QUARTER", dueOn: "2023-12-31" });
    expect(taskStatus(q4, "2023-12-31")).toBe("NOT_STARTED");
    expect(taskStatus(q4, "2024-01-01")).toBe("OVERDUE");
    const year = task({ dueKind: "YEAR", dueOn: "2023-12-31", completedOn: "2024-01-02", firstReportOn: "2023-11-01" });
    expect(taskStatus(year, "2024-02-01")).toBe("DONE_LATE");
  });
});

describe("taskStatus of an ongoing task (per quarter, calendar periods)", () => {
  const ongoing = task({ dueKind: "ONGOING", dueOn: null, cadence: "QUARTER", reporting: { periods: "CALENDAR", minCoverageDays: 1 } });

  it("is not started in its first period without a report", () => {
    expect(taskStatus(ongoing, "2023-06-20")).toBe("NOT_STARTED");
  });

  it("is in progress when reported in the current period", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-07-05", lastReportOn: "2023-07-05" }), "2023-08-01")).toBe("IN_PROGRESS");
  });

  it("stays in progress while the current period is open and the previous was reported", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-09-30", lastReportOn: "2023-09-30" }), "2023-11-15")).toBe("IN_PROGRESS");
  });

  it("is overdue once a period closed without a report, naming it", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-06-20", lastReportOn: "2023-06-20" }), "2023-10-01")).toBe("OVERDUE");
    expect(judgeTask(ongoing, "2023-10-01").missing?.key).toBe("2023-Q3");
    // With a minimum coverage of 1 day, the 18 days of Q2 count.
    expect(judgeTask(ongoing, "2023-07-01")).toMatchObject({ status: "OVERDUE", missing: { key: "2023-Q2" } });
  });

  it("does not count a period the plan barely covered (30 days by default)", () => {
    const barely = task({ ...ongoing, reporting: { periods: "CALENDAR", minCoverageDays: 30 } });
    expect(judgeTask(barely, "2023-07-01")).toEqual({ status: "NOT_STARTED", missing: null });
    expect(judgeTask(barely, "2023-10-01")).toMatchObject({ status: "OVERDUE", missing: { key: "2023-Q3", start: "2023-07-01", end: "2023-09-30" } });
  });

  it("after the plan ends, is done on time only if its final period was reported", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-07-01", lastReportOn: "2023-12-20" }), "2024-03-01")).toBe("DONE_ON_TIME");
    expect(judgeTask(task({ ...ongoing, firstReportOn: "2023-07-01", lastReportOn: "2023-09-20" }), "2024-03-01")).toMatchObject({
      status: "OVERDUE",
      missing: { key: "2023-Q4" },
    });
  });

  it("uses its own cadence (monthly)", () => {
    const monthly = task({ ...ongoing, cadence: "MONTH", firstReportOn: "2023-07-31", lastReportOn: "2023-07-31" });
    expect(taskStatus(monthly, "2023-08-31")).toBe("IN_PROGRESS");
    expect(taskStatus(monthly, "2023-09-01")).toBe("OVERDUE");
  });

  it("runs on without an end ('2025 và các năm tiếp theo')", () => {
    const open = task({ ...ongoing, cadence: "YEAR", startsOn: "2025-01-01", endsOn: null, firstReportOn: "2026-03-01", lastReportOn: "2026-03-01" });
    expect(taskStatus(open, "2027-06-01")).toBe("IN_PROGRESS");
    expect(taskStatus(open, "2028-01-01")).toBe("OVERDUE");
  });
});

describe("taskStatus of an ongoing task (per data window, the default)", () => {
  // Plan 1565: issued 13/06/2023, ends 31/12/2023, quarterly reports.
  const ongoing = task({ dueKind: "ONGOING", dueOn: null, cadence: "QUARTER" });

  it("is not overdue on 01/07/2023 for the window 15/03–14/06 the plan covered for 2 days", () => {
    expect(judgeTask(ongoing, "2023-07-01")).toEqual({ status: "NOT_STARTED", missing: null });
    expect(judgeTask(task({ ...ongoing, firstReportOn: "2023-06-20", lastReportOn: "2023-06-20" }), "2023-07-01").status).toBe("IN_PROGRESS");
  });

  it("is in progress until the Q3 window (15/06–14/09) closes, overdue the day after without a report", () => {
    expect(taskStatus(ongoing, "2023-09-14")).toBe("NOT_STARTED");
    expect(judgeTask(ongoing, "2023-09-15")).toMatchObject({ status: "OVERDUE", missing: { key: "2023-Q3", start: "2023-06-15", end: "2023-09-14" } });
  });

  it("counts a report on 15/09 for the Q4 window, not Q3", () => {
    const late = task({ ...ongoing, firstReportOn: "2023-09-15", lastReportOn: "2023-09-15" });
    expect(taskStatus(late, "2023-09-20")).toBe("IN_PROGRESS"); // reported in the current window
    expect(taskStatus(late, "2023-12-15")).toBe("IN_PROGRESS"); // the previous window (Q4) was reported
    expect(judgeTask(late, "2024-01-10")).toMatchObject({ status: "DONE_ON_TIME" });
  });

  it("after the end, the last window that counts decides (15/12–31/12 is too short)", () => {
    const q3Only = task({ ...ongoing, firstReportOn: "2023-08-01", lastReportOn: "2023-08-01" });
    expect(judgeTask(q3Only, "2024-01-02")).toMatchObject({ status: "OVERDUE", missing: { key: "2023-Q4", start: "2023-09-15", end: "2023-12-14" } });
    const q4 = task({ ...ongoing, firstReportOn: "2023-12-01", lastReportOn: "2023-12-01" });
    expect(taskStatus(q4, "2024-01-02")).toBe("DONE_ON_TIME");
  });

  it("judges as of the day: a report after the day does not count, one before it does", () => {
    const reported = task({ ...ongoing, firstReportOn: "2023-07-01", lastReportOn: "2023-07-01" });
    expect(taskStatus(reported, "2023-06-30")).toBe("NOT_STARTED");
  });
});

describe("completionRates (PAR INDEX: against what is due)", () => {
  it("divides done and done on time by the tasks due by now (done or overdue)", () => {
    const r = completionRates({ NOT_STARTED: 5, IN_PROGRESS: 10, OVERDUE: 7, DONE_ON_TIME: 5, DONE_LATE: 2 });
    expect(r).toEqual({ due: 14, done: 7, doneOnTime: 5, doneRate: 0.5, onTimeRate: 5 / 14 });
  });

  it("is null while nothing is due, not 0 and not done ÷ done", () => {
    expect(completionRates({ NOT_STARTED: 20, IN_PROGRESS: 12, OVERDUE: 0, DONE_ON_TIME: 0, DONE_LATE: 0 })).toMatchObject({ due: 0, doneRate: null, onTimeRate: null });
    // Done on time ÷ done would say 100% here; against what is due it is 50%.
    expect(completionRates({ NOT_STARTED: 0, IN_PROGRESS: 0, OVERDUE: 1, DONE_ON_TIME: 1, DONE_LATE: 0 }).onTimeRate).toBe(0.5);
  });
});

describe("judgePeriod", () => {
  const q3 = { start: "2023-07-01", end: "2023-09-30" };
  it("judges a period reported, missed or pending", () => {
    expect(judgePeriod(["2023-08-01"], q3, "2023-12-01")).toBe("REPORTED");
    expect(judgePeriod(["2023-06-30", "2023-10-01"], q3, "2023-12-01")).toBe("MISSED");
    expect(judgePeriod([], q3, "2023-09-30")).toBe("PENDING");
  });
});
