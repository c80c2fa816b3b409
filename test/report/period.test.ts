// The period of a consolidated report and its data window (15th of the month
// before the period to the 14th of its last month).
import { describe, expect, it } from "vitest";
import { parseReportPeriod } from "../../src/report/period.js";

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
