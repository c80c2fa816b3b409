import { describe, expect, it } from "vitest";
import { localDay } from "../../src/domain/day.js";
import { judgePeriod, onTimeRate, taskStatus, type TaskTiming } from "../../src/domain/status.js";

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

describe("taskStatus of an ongoing task (per quarter)", () => {
  const ongoing = task({ dueKind: "ONGOING", dueOn: null, cadence: "QUARTER" });

  it("is not started in its first period without a report", () => {
    expect(taskStatus(ongoing, "2023-06-20")).toBe("NOT_STARTED");
  });

  it("is in progress when reported in the current period", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-07-05", lastReportOn: "2023-07-05" }), "2023-08-01")).toBe("IN_PROGRESS");
  });

  it("stays in progress while the current period is open and the previous was reported", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-09-30", lastReportOn: "2023-09-30" }), "2023-11-15")).toBe("IN_PROGRESS");
  });

  it("is overdue once a period closed without a report", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-06-20", lastReportOn: "2023-06-20" }), "2023-10-01")).toBe("OVERDUE");
    expect(taskStatus(ongoing, "2023-07-01")).toBe("OVERDUE");
  });

  it("after the plan ends, is done on time only if its final period was reported", () => {
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-07-01", lastReportOn: "2023-12-20" }), "2024-03-01")).toBe("DONE_ON_TIME");
    expect(taskStatus(task({ ...ongoing, firstReportOn: "2023-07-01", lastReportOn: "2023-09-20" }), "2024-03-01")).toBe("OVERDUE");
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

describe("judgePeriod and onTimeRate", () => {
  const q3 = { start: "2023-07-01", end: "2023-09-30" };
  it("judges a period reported, missed or pending", () => {
    expect(judgePeriod(["2023-08-01"], q3, "2023-12-01")).toBe("REPORTED");
    expect(judgePeriod(["2023-06-30", "2023-10-01"], q3, "2023-12-01")).toBe("MISSED");
    expect(judgePeriod([], q3, "2023-09-30")).toBe("PENDING");
  });

  it("quotes the on-time rate over finished tasks", () => {
    expect(onTimeRate({ NOT_STARTED: 5, IN_PROGRESS: 1, OVERDUE: 2, DONE_ON_TIME: 3, DONE_LATE: 1 })).toBe(0.75);
    expect(onTimeRate({ NOT_STARTED: 5, IN_PROGRESS: 1, OVERDUE: 2, DONE_ON_TIME: 0, DONE_LATE: 0 })).toBeNull();
  });
});
