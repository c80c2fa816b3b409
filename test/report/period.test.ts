// The period of a consolidated report and its data window (15th of the month
// before the period to the 14th of its last month).
import { describe, expect, it } from "vitest";
import { reportingPeriodOf } from "../../src/domain/reporting-window.js";
import { currentReportWindow, parseReportPeriod, reportWindowOfKey } from "../../src/report/period.js";

describe("parseReportPeriod", () => {
  it.each([
    ["Quý III/2023", "Quý III/2023", "2023-06-15", "2023-09-14", "quý III năm 2023"],
    ["quy 3/2023", "Quý III/2023", "2023-06-15", "2023-09-14", "quý III năm 2023"],
    ["Q3 2023", "Quý III/2023", "2023-06-15", "2023-09-14", "quý III năm 2023"],
    ["Quý III năm 2023", "Quý III/2023", "2023-06-15", "2023-09-14", "quý III năm 2023"],
    ["QUÝ I / 2024", "Quý I/2024", "2023-12-15", "2024-03-14", "quý I năm 2024"],
    ["Quý IV/2023", "Quý IV/2023", "2023-09-15", "2023-12-14", "quý IV năm 2023"],
    ["6 tháng đầu năm 2023", "6 tháng đầu năm 2023", "2022-12-15", "2023-06-14", "6 tháng đầu năm 2023"],
    ["6 thang dau nam 2023", "6 tháng đầu năm 2023", "2022-12-15", "2023-06-14", "6 tháng đầu năm 2023"],
    ["6 tháng cuối năm 2023", "6 tháng cuối năm 2023", "2023-06-15", "2023-12-14", "6 tháng cuối năm 2023"],
    ["Năm 2023", "Năm 2023", "2022-12-15", "2023-12-14", "năm 2023"],
    ["nam 2023", "Năm 2023", "2022-12-15", "2023-12-14", "năm 2023"],
    // Decomposed (NFD) input, as some keyboards send it.
    ["Quý III/2023".normalize("NFD"), "Quý III/2023", "2023-06-15", "2023-09-14", "quý III năm 2023"],
  ])("%s", (input, label, start, end, phrase) => {
    expect(parseReportPeriod(input)).toMatchObject({ label, start, end, phrase });
  });

  it.each(["Quý V/2023", "Quý 0/2023", "Tháng 9/2023", "2023", "Q3", "Năm 20233", "", "quý III/23"])("refuses %j", (input) => {
    expect(parseReportPeriod(input)).toBeUndefined();
  });
});

describe("the report's window is the reporting-window module's", () => {
  it.each([
    ["Quý III/2023", "2023-06-14", "QUARTER"],
    ["Quý I/2024", "2024-03-14", "QUARTER"],
    ["6 tháng đầu năm 2023", "2023-06-14", "HALF"],
    ["6 tháng cuối năm 2023", "2023-12-14", "HALF"],
    ["Năm 2023", "2023-12-14", "YEAR"],
  ] as const)("%s", (input, _day, cadence) => {
    const w = parseReportPeriod(input)!;
    const p = reportingPeriodOf(w.end, cadence, "WINDOW");
    expect({ key: w.key, start: w.start, end: w.end }).toEqual({ key: p.key, start: p.start, end: p.end });
    expect(reportWindowOfKey(w.key)).toEqual(w);
  });

  it("reads window keys and refuses others", () => {
    expect(reportWindowOfKey("2023-Q3")?.label).toBe("Quý III/2023");
    expect(reportWindowOfKey("2023-H2")?.label).toBe("6 tháng cuối năm 2023");
    expect(reportWindowOfKey("2023")?.label).toBe("Năm 2023");
    for (const k of ["2023-H3", "2023-Q5", "23-Q1", "2023-W38", ""]) expect(reportWindowOfKey(k)).toBeUndefined();
  });

  it.each([
    ["2023-08-20", "2023-Q3"],
    ["2023-09-12", "2023-Q3"],
    ["2023-09-18", "2023-Q3"],
    ["2023-10-05", "2023-Q3"],
    ["2023-11-20", "2023-Q4"],
    ["2024-01-05", "2023-Q4"],
  ])("a report made on %s is about %s by default", (day, key) => {
    expect(currentReportWindow(day).key).toBe(key);
  });
});
