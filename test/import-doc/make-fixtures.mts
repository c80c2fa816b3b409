// Generates the .docx and .pdf fixtures of the corpus from texts that are in
// it. Run once; the outputs are committed (test/fixtures/plans/*/plan.docx|pdf)
// and their SOURCE notes say they were generated, not published.
//
//   npx tsx test/import-doc/make-fixtures.mts
import { readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { parse } from "yaml";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from "docx";
import PDFDocument from "pdfkit";

const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf";
const SEED_DIR = "test/fixtures/plans/1565-KH-SLDTBXH";
const seed = readFileSync(`${SEED_DIR}/plan.txt`, "utf8")
  .split("\n")
  .map((l) => l.replace(/\*\*/g, ""))
  .filter((l) => l.trim());

// 1. The seed as a Word document, one paragraph per line of the text.
const bold = (l: string) => /^(KẾ HOẠCH|[IVX]+\.|KT\.|PHÓ GIÁM ĐỐC|Nơi nhận)/u.test(l);
const doc = new Document({
  sections: [
    {
      children: seed.map(
        (l) => new Paragraph({ children: [new TextRun({ text: l, bold: bold(l) })], alignment: /^(KẾ HOẠCH|Số:)/u.test(l) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED }),
      ),
    },
  ],
});
writeFileSync(`${SEED_DIR}/plan.docx`, await Packer.toBuffer(doc));

// 2. The seed as a PDF (A4, 13 pt, lines wrapped by the layout: the reader must rejoin them).
await new Promise<void>((resolve) => {
  const pdf = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 85, right: 56 }, info: { Title: "1565/KH-SLĐTBXH" } });
  const out = createWriteStream(`${SEED_DIR}/plan.pdf`);
  pdf.pipe(out);
  for (const l of seed)
    pdf
      .font(bold(l) ? FONT_BOLD : FONT)
      .fontSize(13)
      .text(l, { align: /^(KẾ HOẠCH|Số:)/u.test(l) ? "center" : "justify", paragraphGap: 4 });
  pdf.end();
  out.on("finish", () => resolve());
});

// 3. The tasks of the seed transcription laid out as a PHỤ LỤC assignment table (synthetic layout,
//    content and deadlines from examples/plan-1565-KH-SLDTBXH.yaml), with merged cells: parts A/B/C
//    restarting their numbering, a lead unit merged down the rows of a part, a part title across the row.
const plan = parse(readFileSync("examples/plan-1565-KH-SLDTBXH.yaml", "utf8"));
const NAME: Record<string, string> = {
  VP: "Văn phòng Sở",
  PHONG_TT: "Các phòng, trung tâm thuộc Sở",
  PHONG_CM_TT: "Các phòng chuyên môn, trung tâm thuộc Sở",
  ALL: "Các phòng, tổ chức, trung tâm thuộc Sở",
  "LĐ-VL": "Phòng Lao động - Việc làm",
  GDNN: "Phòng Giáo dục nghề nghiệp",
  TTDVVL: "Trung tâm Dịch vụ việc làm",
  "KH-TC": "Phòng Kế hoạch - Tài chính",
};
const names = (x: unknown) => (x === undefined ? [] : Array.isArray(x) ? x : [x]).map((c: string) => NAME[c] ?? c);
const cell = (text: string, opts: object = {}) => new TableCell({ children: text.split("\n").map((t) => new Paragraph(t)), ...opts });
const rows: TableRow[] = [new TableRow({ tableHeader: true, children: ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"].map((h) => cell(h)) })];
const expected: string[] = [
  "# Kết quả mong đợi cho plan-table.docx: chép từ examples/plan-1565-KH-SLDTBXH.yaml (nhiệm vụ lá của mục II.2.a, II.2.b.1, II.2.c.3),",
  "# chủ trì/phối hợp theo tên đầy đủ, thời hạn như bảng ghi.",
  "tasks:",
];
const parts: [string, string, any[]][] = [
  ["A", "NÂNG CAO CHỈ SỐ PAR INDEX", plan.tasks[0].tasks.flatMap((t: any) => (t.tasks?.length ? t.tasks.map((c: any) => ({ ...c, due: c.due ?? t.due })) : [t]))],
  ["B", "CHỈ SỐ SIPAS", plan.tasks[1].tasks[0].tasks.map((c: any) => ({ ...c, due: c.due ?? plan.tasks[1].tasks[0].due }))],
  ["C", "CHỈ SỐ DDCI", plan.tasks[2].tasks[2].tasks.map((c: any) => ({ ...c, due: "Năm 2023" }))],
];
const leads = [plan.tasks[0], plan.tasks[1].tasks[0], plan.tasks[2].tasks[2]];
parts.forEach(([part, title, tasks], p) => {
  rows.push(new TableRow({ children: [cell(part), cell(title, { columnSpan: 4 })] }));
  const lead = names(leads[p].lead).join("\n");
  const coop = names(leads[p].cooperating).join(",\n");
  tasks.forEach((t, i) => {
    const due = t.due ?? "Năm 2023";
    rows.push(
      new TableRow({
        children: [
          cell(String(i + 1)),
          cell(t.text),
          cell(i === 0 ? lead : "", { verticalMerge: i === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
          cell(coop),
          cell(due),
        ],
      }),
    );
    expected.push(
      `  - code: "PL1.${part}.${i + 1}"`,
      `    text: ${JSON.stringify(t.text.slice(0, 60))}`,
      `    lead: ${JSON.stringify(names(leads[p].lead))}`,
      `    cooperating: ${JSON.stringify(names(leads[p].cooperating))}`,
      `    due: ${JSON.stringify(due)}`,
    );
  });
});
const tableDoc = new Document({
  sections: [
    {
      children: [
        new Paragraph("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
        new Paragraph("Số: 1565/KH-SLĐTBXH"),
        new Paragraph("Thừa Thiên Huế, ngày 13 tháng 6 năm 2023"),
        new Paragraph("KẾ HOẠCH"),
        new Paragraph("Nâng cao Chỉ số PAR INDEX, SIPAS, DDCI năm 2023 (bảng phân công)"),
        new Paragraph("II. NHIỆM VỤ"),
        new Paragraph("Chi tiết tại Phụ lục kèm theo."),
        new Paragraph("PHỤ LỤC"),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
      ],
    },
  ],
});
writeFileSync("test/fixtures/plans/1565-table-layout/plan.docx", await Packer.toBuffer(tableDoc));
writeFileSync("test/fixtures/plans/1565-table-layout/expected.yaml", `${expected.join("\n")}\n`);
console.log("ok");
