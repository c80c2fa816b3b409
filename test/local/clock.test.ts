// The local workspace's clock: set to a moment in Vietnam, then running.
import { describe, expect, it } from "vitest";
import { clockJson, LocalClock, parseVietnamTime } from "../../src/local/clock.js";

describe("LocalClock", () => {
  it("starts where it is told and keeps running with the wall clock", () => {
    let wall = Date.parse("2026-01-01T00:00:00Z");
    const clock = new LocalClock(new Date("2023-09-20T03:00:00Z"), () => wall);
    expect(clock.date().toISOString()).toBe("2023-09-20T03:00:00.000Z");
    wall += 2_500;
    expect(clock.now()).toBe(Date.parse("2023-09-20T03:00:02.500Z"));
    clock.set(new Date("2023-09-25T01:00:00Z"));
    wall += 1_000;
    expect(clock.date().toISOString()).toBe("2023-09-25T01:00:01.000Z");
  });

  it("is the real time when not told otherwise", () => {
    const clock = new LocalClock(undefined, () => 42);
    expect(clock.now()).toBe(42);
  });
});

describe("parseVietnamTime", () => {
  it("reads a datetime-local value as Vietnam's time (UTC+7)", () => {
    expect(parseVietnamTime("2023-09-25T08:00")?.toISOString()).toBe("2023-09-25T01:00:00.000Z");
    expect(parseVietnamTime("2023-12-31T23:59:30")?.toISOString()).toBe("2023-12-31T16:59:30.000Z");
  });

  it("refuses what is not a real date and time", () => {
    for (const bad of ["2023-02-31T08:00", "2023-09-25T24:00", "2023-09-25", "25/09/2023 08:00", ""]) {
      expect(parseVietnamTime(bad), bad).toBeUndefined();
    }
  });

  it("labels the clock with the Vietnamese weekday", () => {
    expect(clockJson(new Date("2023-09-25T01:00:00Z"))).toEqual({
      iso: "2023-09-25T01:00:00.000Z",
      input: "2023-09-25T08:00",
      label: "Thứ Hai, 25/09/2023 08:00",
    });
    expect(clockJson(new Date("2023-09-23T17:30:00Z")).label).toBe("Chủ nhật, 24/09/2023 00:30");
  });
});
