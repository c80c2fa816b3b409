import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../src/domain/deadline.js";
import { parseVnDate } from "../../src/domain/day.js";
import { periodOf } from "../../src/domain/period.js";
import { closest, codeKey, fold } from "../../src/domain/text.js";

describe("parseDeadline", () => {
  it.each([
    ["trước ngày 15/12/2023", "DATE", "2023-12-15"],
    ["truoc ngay 15/12/2023", "DATE", "2023-12-15"],
    ["15/12/2023", "DATE", "2023-12-15"],
    ["Quý IV/2023", "QUARTER", "2023-12-31"],
    ["quy 2/2023", "QUARTER", "2023-06-30"],
    ["Q3/2024", "QUARTER", "2024-09-30"],
    ["6 tháng đầu năm 2023", "HALF", "2023-06-30"],
    ["6 thang cuoi nam 2023", "HALF", "2023-12-31"],
    ["Năm 2023", "YEAR", "2023-12-31"],
    ["Tháng 2/2024", "DATE", "2024-02-29"],
  ])("%s", (text, kind, dueOn) => {
    expect(parseDeadline(text)).toMatchObject({ kind, dueOn, label: text });
  });

  it("reads ongoing forms", () => {
    expect(parseDeadline("Thường xuyên")).toEqual({ kind: "ONGOING", cadence: "QUARTER", label: "Thường xuyên" });
    expect(parseDeadline("thuong xuyen", "MONTH")).toMatchObject({ kind: "ONGOING", cadence: "MONTH" });
    expect(parseDeadline("Năm 2025 và các năm tiếp theo")).toMatchObject({ kind: "ONGOING", cadence: "YEAR", from: "2025-01-01" });
  });

  it("refuses what is not a deadline, or not a real day", () => {
    for (const bad of ["31/02/2023", "Quý V/2023", "sớm", "", "32/01/2023", "Tháng 13/2023"]) expect(parseDeadline(bad)).toBeUndefined();
  });
});

describe("dates and periods", () => {
  it("parses dd/mm/yyyy strictly", () => {
    expect(parseVnDate("13/06/2023")).toBe("2023-06-13");
    expect(parseVnDate("29/02/2024")).toBe("2024-02-29");
    expect(parseVnDate("29/02/2023")).toBeUndefined();
    expect(parseVnDate("2023-06-13")).toBeUndefined();
  });

  it("names periods", () => {
    expect(periodOf("2023-06-13", "QUARTER")).toEqual({ cadence: "QUARTER", key: "2023-Q2", start: "2023-04-01", end: "2023-06-30" });
    expect(periodOf("2023-07-01", "HALF").key).toBe("2023-H2");
    expect(periodOf("2023-01-01", "WEEK")).toMatchObject({ key: "2022-W52", start: "2022-12-26", end: "2023-01-01" });
    expect(periodOf("2024-12-30", "WEEK").key).toBe("2025-W01");
    expect(periodOf("2023-02-14", "MONTH")).toMatchObject({ key: "2023-02", end: "2023-02-28" });
  });
});

describe("Vietnamese text matching", () => {
  it("folds diacritics and đ", () => {
    expect(fold("Báo  Cáo")).toBe("bao cao");
    expect(fold("Đôn đốc")).toBe("don doc");
    // NFD input (as some keyboards send it) folds the same as NFC.
    expect(fold("Phòng Giáo dục".normalize("NFD"))).toBe(fold("Phòng Giáo dục"));
    expect(codeKey("LĐ-VL")).toBe(codeKey("ldvl"));
    expect(codeKey("1565/KH-SLĐTBXH")).toBe(codeKey("1565/kh sldtbxh"));
  });

  it("suggests a close word", () => {
    expect(closest("tongqan", ["tongquan", "viec", "baocao"])).toBe("tongquan");
    expect(closest("xyz", ["tongquan", "viec"])).toBeUndefined();
  });
});
