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

  // Deadline cells of UBND tỉnh Lâm Đồng's CCHC plans (test/fixtures/plans/real-9669-KH-UBND-2025, real-lamdong-KH-CCHC-2026-2030):
  // a date or a cadence only where the words make it certain; times set elsewhere or by an event are EVENT, verbatim.
  it.each([
    ["Trước ngày 05 của tháng liền kề", { kind: "ONGOING", cadence: "MONTH" }],
    ["Trước ngày 31/01 năm liền kề", { kind: "ONGOING", cadence: "YEAR" }],
    ["Trong tháng 01 hằng năm", { kind: "ONGOING", cadence: "YEAR" }],
    ["Hằng năm và giai đoạn", { kind: "ONGOING", cadence: "YEAR" }],
    ["Bắt đầu thực hiện từ năm 2026", { kind: "ONGOING", cadence: "YEAR", from: "2026-01-01" }],
    ["Theo hướng dẫn của Trung ương", { kind: "EVENT" }],
    ["Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025", { kind: "EVENT" }],
    ["Theo Điều 17 Nghị định số 52/2015/NĐ-CP", { kind: "EVENT" }],
    ["Sau 03 tháng kể từ khi có văn bản của Trung ương", { kind: "EVENT" }],
    ["Trong 30 ngày kể từ ngày Quyết định có hiệu lực", { kind: "EVENT" }],
    // Until an event (commune and ward election plans): a span whose end names no date.
    ["Từ ngày 15/3/2026 đến ngày bầu cử", { kind: "EVENT" }],
    ["Từ khi thành lập đến khi kết thúc nhiệm vụ của Tổ công tác", { kind: "EVENT" }],
    ["Từ ngày 02/3/2026 đến ngày 15/3/2026", { kind: "DATE", dueOn: "2026-03-15" }],
    // A deadline per part of the work: the last date, a cadence, or work carried on with no end (ongoing).
    ["Ban hành kế hoạch trong tháng 01/2026, tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo kết quả chậm nhất trong tháng 8/2026", { kind: "DATE", dueOn: "2026-08-31" }],
    ["Triển khai sáng kiến, mô hình và báo cáo kết quả chậm nhất trong tháng 9/2026", { kind: "DATE", dueOn: "2026-09-30" }],
    ["Ban hành kế hoạch trong tháng 01 hằng năm; tổ chức kiểm tra chậm nhất trong tháng 6 hằng năm", { kind: "ONGOING", cadence: "YEAR" }],
    ["Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm", { kind: "ONGOING", cadence: "YEAR" }],
    ["Ban hành kế hoạch chậm nhất là ngày 15/01/2026 và tổ chức thực hiện", { kind: "ONGOING", cadence: "QUARTER" }],
    ["Ban hành kế hoạch chậm nhất là ngày 31/12/2025 và tổ chức mở lớp theo kế hoạch đề ra", { kind: "ONGOING", cadence: "QUARTER" }],
  ])("%s", (label, expected) => {
    expect(parseDeadline(label, "QUARTER", { year: 2026 })).toEqual({ ...expected, label });
  });

  it("does not make a date of a part after the last deadline that is not work carried on, nor of a time another event sets", () => {
    for (const bad of ["15/12/2026, báo cáo UBND tỉnh", "Ban hành kế hoạch trong tháng 01/2026 và báo cáo", "Sau khi xong", "Ban hành kế hoạch và tổ chức thực hiện"])
      expect(parseDeadline(bad, "QUARTER", { year: 2026 })).toBeUndefined();
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
