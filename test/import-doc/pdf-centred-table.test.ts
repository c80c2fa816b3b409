// The Công báo's assignment tables (QĐ 844/QĐ-TTg, NQ 116/NQ-CP in test/fixtures/plans): the header set over
// several baselines, cells centred vertically (a row's number half-way down it, a short cell starting lower
// than a long one), a part's numeral in its own cell beside a title running across the table, and a running
// head. Built here as the text layer gives them (lines of positioned text items), so each rule has its case.
import { describe, expect, it } from "vitest";
import { dropFootnotes, linesToBlocks } from "../../src/import-doc/read/pdf.js";

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

  it("reads cells set at the top of their rows: a line goes with the number above it, a row split over a page break goes on with its number's row (NQ 105/NQ-CP)", () => {
    const header = (page: number, n: number): Lines => [
      { ...line(n, 680, [300, "Cơ quan"], [420, "Cơ quan"], [530, "Thời hạn"]), page },
      { ...line(n + 1, 673, [60, "TT"], [120, "Nội dung công việc"]), page },
      { ...line(n + 2, 666, [300, "chủ trì"], [420, "phối hợp"], [530, "hoàn thành"]), page },
    ];
    const on = (page: number, l: Lines[number]) => ({ ...l, page });
    const lines: Lines = [
      ...header(1, 1),
      // Each number on its row's first line, beside the first word of every cell; the rows as far apart as the
      // lines of a cell, so the long task cell of row 1 ends nearer to row 2's number than to its own.
      line(4, 646, [62, "1"], [90, "Hoàn thiện thể chế liên quan"], [292, "Các bộ, cơ"], [430, "Các bộ,"], [530, "Thường xuyên"]),
      line(5, 630, [90, "đến chức năng, nhiệm vụ,"], [292, "quan ngang bộ"], [430, "ngành"]),
      line(6, 614, [90, "tăng cường trách nhiệm cho"]),
      line(7, 598, [90, "người đứng đầu"]),
      line(8, 582, [62, "2"], [90, "Xây dựng, ban hành văn bản"], [292, "Bộ Nội vụ"], [430, "Bộ Tư pháp"], [530, "Quý II/2026"]),
      line(9, 566, [90, "quy phạm pháp luật"]),
      line(10, 550, [62, "3"], [90, "Cải cách thủ tục hành chính,"], [292, "Bộ Tài chính"]),
      line(11, 534, [90, "thực hiện thủ tục hành chính"]),
      // The page breaks inside row 3: its cooperating body and deadline are on the next page, above row 4.
      ...header(2, 1),
      on(2, line(4, 646, [90, "trên dữ liệu"], [430, "Các bộ,"], [530, "Năm 2026"])),
      on(2, line(5, 630, [430, "ngành"])),
      on(2, line(6, 614, [62, "4"], [90, "Tăng cường hướng dẫn"], [292, "Bộ Nội vụ"], [430, "Các địa phương"], [530, "Thường xuyên"])),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows.slice(1)).toEqual([
      ["1", "Hoàn thiện thể chế liên quan đến chức năng, nhiệm vụ, tăng cường trách nhiệm cho người đứng đầu", "Các bộ, cơ quan ngang bộ", "Các bộ, ngành", "Thường xuyên"],
      ["2", "Xây dựng, ban hành văn bản quy phạm pháp luật", "Bộ Nội vụ", "Bộ Tư pháp", "Quý II/2026"],
      ["3", "Cải cách thủ tục hành chính, thực hiện thủ tục hành chính trên dữ liệu", "Bộ Tài chính", "Các bộ, ngành", "Năm 2026"],
      ["4", "Tăng cường hướng dẫn", "Bộ Nội vụ", "Các địa phương", "Thường xuyên"],
    ]);
  });

  it("ends a table whose header opens each of its pages at the first page that does not open with it (NQ 105/NQ-CP's Phụ lục II)", () => {
    const header = (page: number): Lines =>
      [
        line(1, 680, [300, "Cơ quan"], [420, "Cơ quan"], [530, "Thời hạn"]),
        line(2, 673, [60, "TT"], [120, "Nội dung công việc"]),
        line(3, 666, [300, "chủ trì"], [420, "phối hợp"], [530, "hoàn thành"]),
      ].map((l) => ({ ...l, page }));
    const on = (page: number, l: Lines[number]) => ({ ...l, page });
    const lines: Lines = [
      ...header(1),
      line(4, 646, [62, "1"], [90, "Chuyển mạnh sang hậu kiểm"], [292, "Bộ Nội vụ"], [430, "Các bộ,"], [530, "Thường xuyên"]),
      line(5, 630, [430, "ngành"]),
      ...header(2),
      on(2, line(4, 646, [62, "2"], [90, "Kiểm tra việc thực hiện"], [292, "Bộ Nội vụ"], [430, "Các bộ,"], [530, "Thường xuyên"])),
      on(2, line(5, 630, [430, "ngành"])),
      // The next page: a portrait appendix in prose, its paragraphs indented, their lines going on in lower case.
      on(3, line(1, 700, [200, "Phụ lục II"])),
      on(3, line(2, 660, [90, "Trên cơ sở các chủ trương, chỉ đạo của Trung ương"])),
      on(3, line(3, 644, [62, "của Bộ Chính trị, rà soát, sắp xếp các đơn vị sự nghiệp công lập"])),
      on(3, line(4, 628, [90, "- Tiếp tục sắp xếp đơn vị sự nghiệp công lập thuộc bộ, ngành (Ban"])),
    ];
    const blocks = linesToBlocks(lines);
    const tables = blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows.at(-1)).toEqual(["2", "Kiểm tra việc thực hiện", "Bộ Nội vụ", "Các bộ, ngành", "Thường xuyên"]);
    expect(blocks.filter((b) => b.kind === "para").map((b) => (b.kind === "para" ? b.text : ""))).toContain("Phụ lục II");
  });

  it("ends a table at the next appendix's title, so the next appendix's table is read with its own header (NQ 109/NQ-CP, Phụ lục III then IV)", () => {
    const lines: Lines = [
      line(1, 700, [300, "Thời hạn"], [420, "Cơ quan"], [530, "Cơ quan"]),
      line(2, 693, [60, "TT"], [120, "Nhiệm vụ"]),
      line(3, 686, [300, "hoàn thành"], [420, "chủ trì"], [530, "phối hợp"]),
      line(4, 666, [62, "1"], [90, "Tổng rà soát hệ thống pháp luật"], [300, "Tháng 12/2026"], [420, "Bộ Tư pháp"], [530, "Các bộ"]),
      line(5, 630, [250, "Phụ lục IV"]),
      line(6, 616, [150, "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ, ĐỀ ÁN GIAI ĐOẠN 2026 - 2030"]),
      line(7, 590, [300, "Cơ quan"], [420, "Cơ quan phối"], [530, "Thời hạn"]),
      line(8, 583, [60, "TT"], [120, "Nhiệm vụ cụ thể"]),
      line(9, 576, [300, "chủ trì"], [420, "hợp"], [530, "thực hiện"]),
      line(10, 556, [62, "1"], [90, "Hoàn thiện pháp luật thương mại"], [300, "Bộ Công Thương"], [420, "Các bộ, ngành"], [530, "2026 - 2030"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    expect(tables).toHaveLength(2);
    const rows = tables[1]!.kind === "table" ? tables[1]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toEqual([
      ["TT", "Nhiệm vụ cụ thể", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn thực hiện"],
      ["1", "Hoàn thiện pháp luật thương mại", "Bộ Công Thương", "Các bộ, ngành", "2026 - 2030"],
    ]);
  });

  it("puts a centred cell's line that starts a few points left of its column's strip where its middle is (NQ 109/NQ-CP: 'Nhiệm vụ thường' / 'xuyên')", () => {
    const lines: Lines = [
      line(1, 680, [300, "Cơ quan"], [430, "Cơ quan"], [530, "Thời hạn"]),
      line(2, 673, [60, "TT"], [120, "Nhiệm vụ cụ thể"]),
      line(3, 666, [300, "chủ trì"], [430, "phối hợp"], [530, "thực hiện"]),
      // Numbers centred beside a cell's second line, as the Công báo sets them.
      line(4, 650, [90, "Tổng rà soát hệ thống"], [300, "Bộ Tư pháp"], [430, "Các bộ, ngành"], [530, "2026 - 2027"]),
      line(5, 642, [62, "1"], [90, "văn bản quy phạm"]),
      line(6, 622, [90, "Phát triển và vận hành"], [300, "Bộ Tư pháp"], [430, "Các bộ, ngành"], [530, "2026 - 2030"]),
      line(7, 614, [62, "2"], [90, "Cổng pháp luật quốc gia"]),
      line(8, 594, [90, "Rà soát, đôn đốc thực hiện"], [516, "Nhiệm vụ thường"]),
      line(9, 586, [62, "3"], [90, "các cam kết"], [300, "Bộ Ngoại giao"], [430, "Các bộ, ngành"]),
      line(10, 578, [90, "quốc tế"], [545, "xuyên"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toContainEqual(["3", "Rà soát, đôn đốc thực hiện các cam kết quốc tế", "Bộ Ngoại giao", "Các bộ, ngành", "Nhiệm vụ thường xuyên"]);
    expect(rows).toContainEqual(["1", "Tổng rà soát hệ thống văn bản quy phạm", "Bộ Tư pháp", "Các bộ, ngành", "2026 - 2027"]);
  });

  it("reads a sub-row whose number and task are merged with the row above as a row of its own, and joins the top line of a cell set wider apart to its row (NQ 97/NQ-CP)", () => {
    const lines: Lines = [
      line(1, 680, [300, "Cơ quan"], [420, "Cơ quan"], [530, "Thời gian"]),
      line(2, 673, [60, "TT"], [120, "Nội dung, nhiệm vụ"]),
      line(3, 666, [300, "chủ trì"], [420, "phối hợp"], [530, "hoàn thành"]),
      line(4, 646, [90, "Thể chế hóa các chủ trương"]),
      line(5, 638, [292, "Bộ Tài chính"], [430, "Các bộ, cơ"], [530, "Tháng 5/2026"]),
      line(6, 630, [62, "1"], [90, "phát triển kinh tế tư nhân"]),
      line(7, 622, [430, "quan ngang bộ"]),
      line(8, 614, [90, "của Bộ Chính trị"]),
      // The second result of task 1: its own lead, cooperating body and deadline, nothing under the number or the task.
      line(9, 590, [292, "Bộ Tài chính"], [430, "Các bộ, cơ"], [530, "Tháng 11/2026"]),
      line(10, 574, [430, "quan ngang bộ"]),
      // Row 2: the lead cell's first line set further above its second than a cell's line spacing.
      line(11, 550, [292, "Bộ Văn hóa,"]),
      line(12, 532, [90, "Thể chế hóa văn hóa"], [292, "Thể thao và Du lịch"]),
      line(13, 524, [62, "2"], [430, "Các bộ, ngành"], [530, "Thường xuyên"]),
      line(14, 516, [90, "Việt Nam"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows.slice(1)).toEqual([
      ["1", "Thể chế hóa các chủ trương phát triển kinh tế tư nhân của Bộ Chính trị", "Bộ Tài chính", "Các bộ, cơ quan ngang bộ", "Tháng 5/2026"],
      ["", "", "Bộ Tài chính", "Các bộ, cơ quan ngang bộ", "Tháng 11/2026"],
      ["2", "Thể chế hóa văn hóa Việt Nam", "Bộ Văn hóa, Thể thao và Du lịch", "Các bộ, ngành", "Thường xuyên"],
    ]);
  });
});

describe("PDF table rows with two results under merged cells", () => {
  it("cuts a row whose later columns hold two results one under the other into a row and a sub-row (NQ 97/NQ-CP row 26)", () => {
    const lines: Lines = [
      line(1, 680, [300, "Cơ quan"], [420, "Cơ quan"], [530, "Kết quả"], [640, "Thời gian"]),
      line(2, 673, [60, "TT"], [120, "Nội dung, nhiệm vụ"]),
      line(3, 666, [300, "chủ trì"], [420, "phối hợp"], [640, "hoàn thành"]),
      line(4, 640, [90, "Xây dựng bộ chỉ số"], [530, "Bộ chỉ số được"]),
      line(5, 632, [420, "Các bộ, ngành"]),
      line(6, 624, [530, "xây dựng trình"], [640, "2026"]),
      line(7, 616, [62, "1"], [90, "pháp luật kinh doanh"], [292, "Bộ Tư pháp"], [420, "UBND tỉnh,"]),
      line(8, 608, [530, "ban hành"]),
      line(9, 600, [420, "thành phố"]),
      // The second result and its deadline, a cell padding below the first; number, task and bodies merged over both.
      line(10, 586, [530, "Bộ chỉ số được"]),
      line(11, 576, [640, "2027 - 2030"]),
      line(12, 570, [530, "thi hành"]),
      line(13, 554, [530, "trên thực tế"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows.slice(1)).toEqual([
      ["1", "Xây dựng bộ chỉ số pháp luật kinh doanh", "Bộ Tư pháp", "Các bộ, ngành UBND tỉnh, thành phố", "Bộ chỉ số được xây dựng trình ban hành", "2026"],
      ["", "", "", "", "Bộ chỉ số được thi hành trên thực tế", "2027 - 2030"],
    ]);
  });
});

describe("dropFootnotes", () => {
  const item = (text: string, size: number) => ({ text, size });
  it("drops the notes at the foot of a page, in a smaller font and numbered as a marker above, and the markers (NQ 97/NQ-CP)", () => {
    const page = [
      { items: [item("1", 14), item("Thực hiện nghiêm quy định các bộ, cơ quan ngang bộ", 14), item("Nghị quyết số 66-NQ/TW", 14), item("1", 9)] },
      { items: [item("2", 9)] },
      { items: [item("2", 14), item("Thực hiện nghiêm chủ trương dứt khoát từ bỏ tư duy", 14), item("Nghị quyết số 140/NQ-CP", 14)] },
      { items: [item("bảo đảm sự cân đối, hợp lý giữa mức độ hạn chế quyền với lợi ích chính đáng", 14)] },
      { items: [item("1", 6.5), item("Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị", 10)] },
      { items: [item("2", 6.5), item("Nghị quyết số 140/NQ-CP ngày 17/5/2025 của Chính phủ", 10)] },
    ];
    dropFootnotes(page);
    expect(page.map((l) => l.items.map((i) => i.text).join(" | "))).toEqual([
      "1 | Thực hiện nghiêm quy định các bộ, cơ quan ngang bộ | Nghị quyết số 66-NQ/TW",
      "2 | Thực hiện nghiêm chủ trương dứt khoát từ bỏ tư duy | Nghị quyết số 140/NQ-CP",
      "bảo đảm sự cân đối, hợp lý giữa mức độ hạn chế quyền với lợi ích chính đáng",
    ]);
  });
  it("keeps small lines at the foot that no marker points to ('Nơi nhận:', a table in a smaller font)", () => {
    const page = [{ items: [item("Điều 3. Hiệu lực thi hành.", 14)] }, { items: [item("Nơi nhận:", 10)] }, { items: [item("1 Các bộ, cơ quan ngang bộ;", 10)] }];
    dropFootnotes(page);
    expect(page).toHaveLength(3);
  });
});

describe("PDF table cells with one body a line", () => {
  it("keeps a cell's line break where the next line's first word would have fitted on the line before and the next line starts a body (QĐ 982/QĐ-TTg: one body a line)", () => {
    // Cells set at the top of their rows. Cooperating cells: "Bộ Tài chính" (short) / "Bộ Ngoại giao" (short) /
    // "Cơ quan, tổ chức," (the column's width) / "doanh nghiệp liên" / "quan"; a lead wrapped inside one name.
    const lines: Lines = [
      line(1, 680, [300, "Cơ quan"], [430, "Cơ quan"], [560, "Thời gian"]),
      line(2, 673, [60, "TT"], [120, "Nhiệm vụ, giải pháp"]),
      line(3, 666, [300, "chủ trì"], [430, "phối hợp"], [560, "thực hiện"]),
      line(4, 646, [62, "1.1"], [90, "Nghiên cứu đề xuất bổ sung"], [300, "Bộ Khoa học và"], [430, "Bộ Tài chính"], [560, "Quý IV/2026"]),
      line(5, 638, [90, "chức năng nhiệm vụ cho các"], [300, "Công nghệ"], [430, "Bộ Ngoại giao"]),
      line(6, 630, [90, "đại diện khoa học và công"], [430, "Cơ quan, tổ chức,"]),
      line(7, 622, [90, "nghệ của Việt Nam."], [430, "doanh nghiệp liên"]),
      line(8, 614, [430, "quan"]),
      line(9, 594, [62, "1.2"], [90, "Xây dựng hệ thống thông tin"], [300, "Bộ Khoa học và"], [430, "Cơ quan, tổ chức,"], [560, "Quý IV/2026"]),
      line(10, 586, [90, "quản lý, đo lường."], [300, "Công nghệ"], [430, "doanh nghiệp liên"]),
      line(11, 578, [430, "quan"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]!.kind === "table" ? tables[0]!.rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toContainEqual([
      "1.1",
      "Nghiên cứu đề xuất bổ sung chức năng nhiệm vụ cho các đại diện khoa học và công nghệ của Việt Nam.",
      "Bộ Khoa học và Công nghệ",
      "Bộ Tài chính\nBộ Ngoại giao\nCơ quan, tổ chức, doanh nghiệp liên quan",
      "Quý IV/2026",
    ]);
    expect(rows).toContainEqual(["1.2", "Xây dựng hệ thống thông tin quản lý, đo lường.", "Bộ Khoa học và Công nghệ", "Cơ quan, tổ chức, doanh nghiệp liên quan", "Quý IV/2026"]);
  });
});

describe("PDF table whose lead cells are merged down over rows without a number", () => {
  /** A line on `page` at `y`, items `[x, text, y?]`: an item's own baseline may sit a few points off the line's. */
  const at = (page: number, n: number, y: number, ...items: [number, string, number?][]): Lines[number] => ({
    page,
    line: n,
    y,
    segments: items.map(([x, text, iy]) => ({ x, end: x + text.length * 6, text, items: [{ x, end: x + text.length * 6, text, y: iy ?? y }] })),
  });
  it("cuts rows where the task column's cells are, and gives each body the rows its number is centred on, over page breaks (NQ 175/NQ-CP)", () => {
    const lines: Lines = [
      // The header as the Công báo sets it: the last title over two lines round the others' one.
      at(1, 1, 767, [640, "Thời gian"]),
      at(1, 2, 760, [60, "STT"], [110, "Đơn vị"], [240, "Nhiệm vụ chủ trì"], [470, "Đơn vị phối hợp"]),
      at(1, 3, 753, [640, "hoàn thành"]),
      // Body 1 over three rows (18 points a line, 21 between cells): its number and lead centred on all three, on
      // the lines of the middle row; its first row above them.
      at(1, 2, 700, [240, "Ban hành quy chế quản lý"]),
      at(1, 3, 691, [470, "Sở Tư pháp"], [640, "Quý IV/2026"]),
      at(1, 4, 682, [240, "dữ liệu của tỉnh"]),
      at(1, 5, 661, [110, "Sở Thông tin và"], [240, "Rà soát hiện trạng hạ tầng", 659]),
      at(1, 6, 652, [60, "1"], [470, "Sở Tài chính"], [640, "Năm 2026"]),
      at(1, 7, 643, [110, "Truyền thông"], [240, "công nghệ thông tin", 640]),
      at(1, 8, 619, [240, "Tuyên truyền về chuyển đổi số"], [470, "Báo tỉnh"], [640, "Thường xuyên"]),
      // Body 2: its number centred on its one row on this page, its cell going on over the page break.
      at(1, 9, 598, [60, "2"], [110, "Sở Tài chính"], [240, "Lập kế hoạch đầu tư hạ tầng"], [640, "Quý II/2026"]),
      at(2, 1, 700, [240, "Bố trí kinh phí thực hiện"], [470, "Sở Nội vụ"], [640, "Năm 2027"]),
      at(2, 2, 682, [240, "kế hoạch"]),
      // Body 3, its number centred on its own row: the row above goes on with body 2.
      at(2, 3, 661, [60, "3"], [110, "Sở Y tế"], [240, "Kết nối hồ sơ sức khỏe"], [470, "Sở Tư pháp"], [640, "Quý III/2026"]),
    ];
    const tables = linesToBlocks(lines).filter((b) => b.kind === "table");
    const rows = tables[0]?.kind === "table" ? tables[0].rows.map((r) => r.map((c) => c.text)) : [];
    expect(rows).toEqual([
      ["STT", "Đơn vị", "Nhiệm vụ chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
      ["1", "Sở Thông tin và Truyền thông", "Ban hành quy chế quản lý dữ liệu của tỉnh", "Sở Tư pháp", "Quý IV/2026"],
      ["", "", "Rà soát hiện trạng hạ tầng công nghệ thông tin", "Sở Tài chính", "Năm 2026"],
      ["", "", "Tuyên truyền về chuyển đổi số", "Báo tỉnh", "Thường xuyên"],
      ["2", "Sở Tài chính", "Lập kế hoạch đầu tư hạ tầng", "", "Quý II/2026"],
      ["", "", "Bố trí kinh phí thực hiện kế hoạch", "Sở Nội vụ", "Năm 2027"],
      ["3", "Sở Y tế", "Kết nối hồ sơ sức khỏe", "Sở Tư pháp", "Quý III/2026"],
    ]);
  });
});
