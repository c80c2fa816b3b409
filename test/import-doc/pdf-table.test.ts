// An assignment table in a PDF: no table structure in the file, only text at
// positions. The reader rebuilds rows from the columns, joins cells wrapped
// over several lines, and follows the table onto the next page (header
// repeated there), so the parser sees the same table as from a .docx.
import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { readDocument } from "../../src/import-doc/read/index.js";
import { parsePlan } from "../../src/import-doc/parse/structure.js";

const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
// Column starts with the padding real cells have (text touching the next column is one text item for pdf.js).
const COLS = [60, 95, 250, 375, 490];

async function tablePdf(file: string): Promise<void> {
  const pdf = new PDFDocument({ size: "A4", margin: 40 });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => pdf.on("end", () => void writeFile(file, Buffer.concat(chunks)).then(r)));
  pdf.font(FONT).fontSize(10);
  let y = 60;
  const line = (cells: string[]) => {
    cells.forEach((c, i) => c && pdf.text(c, COLS[i]!, y, { lineBreak: false }));
    y += 14;
  };
  pdf.text("KẾ HOẠCH", 60, y, { lineBreak: false });
  y += 14;
  pdf.text("Chuyển đổi số năm 2025", 60, y, { lineBreak: false });
  y += 28;
  const header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"];
  line(header);
  line(["1", "Xây dựng kho dữ liệu", "Sở Khoa học và", "Sở Tài chính", "Quý IV/2025"]);
  line(["", "dùng chung của tỉnh", "Công nghệ", "", ""]);
  line(["2", "Số hóa hồ sơ TTHC", "Văn phòng UBND tỉnh", "UBND các xã,", "Hằng năm"]);
  line(["", "", "", "phường, đặc khu", ""]);
  pdf.addPage();
  y = 60;
  line(header);
  line(["3", "Đào tạo kỹ năng số cho", "Sở Nội vụ", "Sở Giáo dục và", "Tháng 6/2026"]);
  line(["", "cán bộ, công chức", "", "Đào tạo", ""]);
  y += 20;
  pdf.text("Nơi nhận:", 60, y, { lineBreak: false });
  pdf.end();
  await done;
}

describe("PDF assignment table", () => {
  it("rebuilds rows, wrapped cells and the table's continuation on the next page", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "dondoc-pdftable-")), "plan.pdf");
    await tablePdf(file);
    const p = parsePlan((await readDocument(file)).blocks, { year: 2025 });
    expect(p.tasks.map((t) => ({ code: t.code, text: t.text, lead: t.lead, cooperating: t.cooperating, due: t.due, page: t.source.page }))).toEqual([
      { code: "PL1.1", text: "Xây dựng kho dữ liệu dùng chung của tỉnh", lead: ["Sở Khoa học và Công nghệ"], cooperating: ["Sở Tài chính"], due: "Quý IV/2025", page: 1 },
      { code: "PL1.2", text: "Số hóa hồ sơ TTHC", lead: ["Văn phòng UBND tỉnh"], cooperating: ["UBND các xã, phường, đặc khu"], due: "Hằng năm", page: 1 },
      { code: "PL1.3", text: "Đào tạo kỹ năng số cho cán bộ, công chức", lead: ["Sở Nội vụ"], cooperating: ["Sở Giáo dục và Đào tạo"], due: "Tháng 6/2026", page: 2 },
    ]);
  });
});
