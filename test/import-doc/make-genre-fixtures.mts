// Generates the .docx and .pdf forms of two constructed genre fixtures
// (test/fixtures/plans/genre-*) from their plan.txt, so that each reader is
// exercised on documents that are not plan 1565. Run once; the outputs are
// committed.
//
//   npx tsx test/import-doc/make-genre-fixtures.mts
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from "docx";
import { parse } from "yaml";
import PDFDocument from "pdfkit";

const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
const FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf";
const lines = (dir: string) =>
  readFileSync(`${dir}/plan.txt`, "utf8")
    .split("\n")
    .filter((l) => l.trim());
const heading = (l: string) => /^(KẾ HOẠCH|QUYẾT ĐỊNH|[IVX]+\.|Điều \d|KT\.|TM\.|CHỦ TỊCH|PHÓ GIÁM ĐỐC|Nơi nhận)/u.test(l);

// The decision with its attached plan, as a Word document (one paragraph per line).
const qd = "test/fixtures/plans/genre-qd-ban-hanh";
const doc = new Document({
  sections: [
    {
      children: lines(qd).map(
        (l) =>
          new Paragraph({
            children: [new TextRun({ text: l, bold: heading(l), font: "Times New Roman", size: 28 })],
            alignment: /^(KẾ HOẠCH|QUYẾT ĐỊNH|Số:)/u.test(l) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          }),
      ),
    },
  ],
});
writeFileSync(`${qd}/plan.docx`, await Packer.toBuffer(doc));

// The department's plan with labelled lines, as a PDF whose lines the layout wraps.
const so = "test/fixtures/plans/genre-so-nhan-dong";
await new Promise<void>((resolve) => {
  const pdf = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 85, right: 56 }, info: { Title: "1872/KH-SYT" } });
  const out = createWriteStream(`${so}/plan.pdf`);
  pdf.pipe(out);
  for (const l of lines(so))
    pdf
      .font(heading(l) ? FONT_BOLD : FONT)
      .fontSize(13)
      .text(l, { align: /^(KẾ HOẠCH|Số:)/u.test(l) ? "center" : "justify", paragraphGap: 4 });
  pdf.end();
  out.on("finish", () => resolve());
});

// The commune's plan as a Word document whose labels are Word's automatic numbering, not typed text:
// "I." upper roman, "1." decimal, "a)" lower letter, "-" bullet (the reader must write them back).
const xa = "test/fixtures/plans/genre-ubnd-xa-van-xuoi";
const LEVELS: [RegExp, number][] = [
  [/^[IVX]+\.\s+/u, 0],
  [/^\d+\.\s+/u, 1],
  [/^[a-zđ]\)\s+/u, 2],
  [/^-\s+/u, 3],
];
const lvl = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level, format, text, alignment: AlignmentType.LEFT });
const numbered = new Document({
  numbering: {
    config: [
      {
        reference: "plan",
        levels: [lvl(0, LevelFormat.UPPER_ROMAN, "%1."), lvl(1, LevelFormat.DECIMAL, "%2."), lvl(2, LevelFormat.LOWER_LETTER, "%3)"), lvl(3, LevelFormat.BULLET, "-")],
      },
    ],
  },
  sections: [
    {
      children: lines(xa).map((l) => {
        const hit = LEVELS.find(([re]) => re.test(l));
        const text = hit ? l.replace(hit[0], "") : l;
        return new Paragraph({
          children: [new TextRun({ text, bold: heading(l), font: "Times New Roman", size: 28 })],
          ...(hit ? { numbering: { reference: "plan", level: hit[1] } } : {}),
        });
      }),
    },
  ],
});
writeFileSync(`${xa}/plan.docx`, await Packer.toBuffer(numbered));

// A department's plan whose appendix is a Word table with a two-row header ("Cơ quan thực hiện" over
// "Chủ trì | Phối hợp"), group rows merged across, sub-items "1.1", a lead merged down, a "Kinh phí" column;
// the header (issuer | motto, number | place and date) is a borderless layout table, as Word templates make it.
const bang = "test/fixtures/plans/genre-so-bang-hai-tang";
const content = parse(readFileSync(`${bang}/content.yaml`, "utf8")) as {
  header: string[][];
  body: string[];
  rows: { group?: string; title?: string; stt?: string; task?: string; lead?: string; coop?: string; due?: string; money?: string; mergeLead?: boolean }[];
};
const c = (text: string, opts: object = {}) =>
  new TableCell({ children: text.split("\n").map((t) => new Paragraph({ children: [new TextRun({ text: t, font: "Times New Roman", size: 24 })] })), ...opts });
const headerTable = new Table({ rows: content.header.map((r) => new TableRow({ children: r.map((t) => c(t)) })) });
const head1 = new TableRow({
  tableHeader: true,
  children: [
    c("STT", { rowSpan: 2 }),
    c("Nội dung nhiệm vụ", { rowSpan: 2 }),
    c("Cơ quan thực hiện", { columnSpan: 2 }),
    c("Thời gian hoàn thành", { rowSpan: 2 }),
    c("Kinh phí", { rowSpan: 2 }),
  ],
});
const head2 = new TableRow({ tableHeader: true, children: [c("Chủ trì"), c("Phối hợp")] });
const body = content.rows.map((r) =>
  r.group
    ? new TableRow({ children: [c(r.group), c(r.title!, { columnSpan: 5 })] })
    : new TableRow({
        children: [
          c(r.stt!),
          c(r.task!),
          c(
            r.mergeLead ? "" : r.lead!,
            r.mergeLead ? { verticalMerge: VerticalMergeType.CONTINUE } : content.rows[content.rows.indexOf(r) + 1]?.mergeLead ? { verticalMerge: VerticalMergeType.RESTART } : {},
          ),
          c(r.coop!),
          c(r.due!),
          c(r.money!),
        ],
      }),
);
const bangDoc = new Document({
  sections: [
    {
      children: [
        headerTable,
        ...content.body.map((t) => new Paragraph({ children: [new TextRun({ text: t, bold: heading(t) || /^(PHỤ LỤC|DANH MỤC)/u.test(t), font: "Times New Roman", size: 28 })] })),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head1, head2, ...body] }),
      ],
    },
  ],
});
writeFileSync(`${bang}/plan.docx`, await Packer.toBuffer(bangDoc));
