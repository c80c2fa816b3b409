// The Công báo's assignment tables (QĐ 844/QĐ-TTg, NQ 116/NQ-CP in test/fixtures/plans): the header set over
// several baselines, cells centred vertically (a row's number half-way down it, a short cell starting lower
// than a long one), a part's numeral in its own cell beside a title running across the table, and a running
// head. Built here as the text layer gives them (lines of positioned text items), so each rule has its case.
import { describe, expect, it } from "vitest";
import { linesToBlocks } from "../../src/import-doc/read/pdf.js";

type Lines = Parameters<typeof linesToBlocks>[0];
/** A line at `y` on page 1 with text items `[x, text]` (each item 6 points a character). */
const line = (n: number, y: number, ...items: [number, string][]): Lines[number] => ({
  page: 1,
  line: n,
  y,
  segments: items.map(([x, text]) => ({ x, end: x + text.length * 6, text, items: [{ x, end: x + text.length * 6, text }] })),
});

describe("PDF table with cells centred vertically", () => {
  it("reads the header over three baselines, one row per number, centred cells in their columns, a part's title", () => {
    const lines: Lines = [
      line(1, 700, [200, "PHỤ LỤC"]),
      line(2, 680, [300, "Cơ quan"], [420, "Cơ quan"], [530, "Thời gian"]),
      line(3, 673, [60, "TT"], [120, "Nội dung, nhiệm vụ"]),
      line(4, 666, [300, "chủ trì"], [420, "phối hợp"], [530, "hoàn thành"]),
      // A part's numeral centred in its own cell, its title across the table over two lines.
      line(5, 646, [90, "Hoàn thiện thể chế, chính sách, các quy định của pháp luật về công tác"]),
      line(6, 640, [62, "I"]),
      line(7, 634, [90, "phòng, chống thiên tai"]),
      // Row 1: the task over four lines, the lead centred (starting left of its header), the number half-way.
      line(8, 614, [90, "Rà soát, thể chế hóa các chủ"]),
      line(9, 598, [90, "trương của Đảng thành văn"], [430, "Các bộ,"]),
      line(10, 591, [292, "Bộ NN&MT"], [530, "Năm"]),
      line(11, 583, [62, "1"], [90, "bản pháp luật về phòng,"], [425, "cơ quan,"]),
      line(12, 575, [530, "2026 - 2027"]),
      line(13, 568, [90, "chống thiên tai."], [418, "địa phương"]),
      // Row 2, below the cell padding.
      line(14, 549, [90, "Bổ sung chiến lược, kế hoạch"], [300, "Bộ Tài chính"], [430, "Bộ Xây dựng"], [530, "Quý IV/2026"]),
      line(15, 541, [62, "2"], [90, "phòng ngừa thiên tai."]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toEqual([
      ["TT", "Nội dung, nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
      ["I", "Hoàn thiện thể chế, chính sách, các quy định của pháp luật về công tác phòng, chống thiên tai", "", "", ""],
      ["1", "Rà soát, thể chế hóa các chủ trương của Đảng thành văn bản pháp luật về phòng, chống thiên tai.", "Bộ NN&MT", "Các bộ, cơ quan, địa phương", "Năm 2026 - 2027"],
      ["2", "Bổ sung chiến lược, kế hoạch phòng ngừa thiên tai.", "Bộ Tài chính", "Bộ Xây dựng", "Quý IV/2026"],
    ]);
  });

  it("finds the strip between two columns when part titles on their numeral's line cross it: a centred cell's long line stays in its column (NQ 105/NQ-CP)", () => {
    const lines: Lines = [
      line(1, 680, [300, "Cơ quan"], [420, "Cơ quan"], [530, "Thời gian"]),
      line(2, 673, [60, "TT"], [120, "Nội dung, nhiệm vụ"]),
      line(3, 666, [300, "chủ trì"], [420, "phối hợp"], [530, "hoàn thành"]),
      // Part titles beside their numerals, shorter than the table: they cross the strip between the task and the lead.
      line(4, 646, [62, "I"], [90, "Hoàn thiện thể chế, chính sách pháp luật"]),
      line(5, 626, [90, "Rà soát, thể chế hóa các chủ"], [292, "Bộ Tư pháp"], [430, "Bộ Nội vụ"], [530, "Năm 2026"]),
      line(6, 618, [62, "1"], [90, "trương của Đảng."]),
      line(7, 598, [90, "Sắp xếp các đơn vị sự nghiệp"], [292, "Các bộ, cơ"], [430, "Bộ Tài chính"], [530, "Quý III/2026"]),
      // The cell's longest line, centred, starts left of the column's usual start.
      line(8, 590, [62, "2"], [90, "công lập."], [270, "quan ngang bộ, UBND"]),
      line(9, 582, [292, "các tỉnh"]),
      line(10, 562, [62, "II"], [90, "Kiện toàn tổ chức bộ máy các cơ quan"]),
      line(11, 542, [62, "1"], [90, "Kiện toàn bộ phận một cửa"], [292, "Bộ Nội vụ"], [430, "Các bộ"], [530, "Năm 2027"]),
      line(12, 522, [90, "Sắp xếp các trường học"], [292, "Các bộ, cơ"], [430, "Bộ Giáo dục"], [530, "Năm 2027"]),
      line(13, 514, [62, "2"], [270, "quan ngang bộ, UBND"]),
      line(14, 506, [292, "các tỉnh"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toContainEqual(["2", "Sắp xếp các đơn vị sự nghiệp công lập.", "Các bộ, cơ quan ngang bộ, UBND các tỉnh", "Bộ Tài chính", "Quý III/2026"]);
    expect(rows).toContainEqual(["2", "Sắp xếp các trường học", "Các bộ, cơ quan ngang bộ, UBND các tỉnh", "Bộ Giáo dục", "Năm 2027"]);
  });
});
