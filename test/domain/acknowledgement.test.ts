import { describe, expect, it } from "vitest";
import { ackReminderDue, workingDaysAfter } from "../../src/domain/acknowledgement.js";
import { WorkCalendar } from "../../src/domain/calendar.js";

describe("acknowledgement reminders count working days", () => {
  const plain = new WorkCalendar();
  it("skips the weekend", () => {
    // Thursday 12/10/2023 + 3 working days = Tuesday 17/10.
    expect(workingDaysAfter(plain, "2023-10-12", 3)).toBe("2023-10-17");
    expect(ackReminderDue(plain, "2023-10-12", "2023-10-16", 3)).toBe(false);
    expect(ackReminderDue(plain, "2023-10-12", "2023-10-17", 3)).toBe(true);
  });
  it("skips official days off", () => {
    const cal = new WorkCalendar([
      { day: "2023-09-01", kind: "HOLIDAY" },
      { day: "2023-09-04", kind: "HOLIDAY" },
    ]);
    // Thursday 31/08/2023: 01/09 and 04/09 off, weekend: 3 working days later is Thursday 07/09.
    expect(workingDaysAfter(cal, "2023-08-31", 3)).toBe("2023-09-07");
    expect(workingDaysAfter(plain, "2023-08-31", 3)).toBe("2023-09-05");
  });
});
