// Generates the .docx and .pdf forms of two constructed genre fixtures
// (test/fixtures/plans/genre-*) from their plan.txt, so that each reader is
// exercised on documents that are not plan 1565. Run once; the outputs are
// committed.
//
//   npx tsx test/import-doc/make-genre-fixtures.mts
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
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
const LEVELS: [RegExp, number][] = [[/^[IVX]+\.\s+/u, 0], [/^\d+\.\s+/u, 1], [/^[a-zđ]\)\s+/u, 2], [/^-\s+/u, 3]];
const lvl = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level, format, text, alignment: AlignmentType.LEFT });
const numbered = new Document({
  numbering: { config: [{ reference: "plan", levels: [lvl(0, LevelFormat.UPPER_ROMAN, "%1."), lvl(1, LevelFormat.DECIMAL, "%2."), lvl(2, LevelFormat.LOWER_LETTER, "%3)"), lvl(3, LevelFormat.BULLET, "-")] }] },
  sections: [
    {
      children: lines(xa).map((l) => {
        const hit = LEVELS.find(([re]) => re.test(l));
        const text = hit ? l.replace(hit[0], "") : l;
        return new Paragraph({ children: [new TextRun({ text, bold: heading(l), font: "Times New Roman", size: 28 })], ...(hit ? { numbering: { reference: "plan", level: hit[1] } } : {}) });
      }),
    },
  ],
});
writeFileSync(`${xa}/plan.docx`, await Packer.toBuffer(numbered));
