// An approved extension (issue 13) applies from the day it was approved:
// the one status function judges earlier days by the plan's own deadline.
import { describe, expect, it } from "vitest";
import { effectiveDue, taskStatus, type TaskTiming } from "../../src/domain/status.js";

const base: TaskTiming = {
  dueKind: "DATE",
  dueOn: "2023-10-31",
  originalDueOn: "2023-09-30",
  dueMovedOn: "2023-10-05",
  cadence: null,
  startsOn: "2023-01-01",
  endsOn: "2023-12-31",
  firstReportOn: null,
  lastReportOn: null,
  completedOn: null,
};

describe("deadlines moved by an approved extension", () => {
  it("judges the days before approval by the original deadline, and from approval on by the new one", () => {
    expect(effectiveDue(base, "2023-10-04")).toBe("2023-09-30");
    expect(effectiveDue(base, "2023-10-05")).toBe("2023-10-31");
    expect(taskStatus(base, "2023-10-04")).toBe("OVERDUE");
    expect(taskStatus(base, "2023-10-05")).toBe("NOT_STARTED");
    expect(taskStatus(base, "2023-11-01")).toBe("OVERDUE");
  });
  it("a task done by the new deadline is done on time", () => {
    expect(taskStatus({ ...base, firstReportOn: "2023-10-20", lastReportOn: "2023-10-20", completedOn: "2023-10-20" }, "2023-11-10")).toBe("DONE_ON_TIME");
    expect(taskStatus({ ...base, firstReportOn: "2023-11-02", lastReportOn: "2023-11-02", completedOn: "2023-11-02" }, "2023-11-10")).toBe("DONE_LATE");
  });
  it("a task never extended is judged by its deadline", () => {
    const plain = { ...base, dueOn: "2023-09-30", originalDueOn: null, dueMovedOn: null };
    expect(effectiveDue(plain, "2023-10-04")).toBe("2023-09-30");
    expect(taskStatus(plain, "2023-10-05")).toBe("OVERDUE");
  });
});
