// The consolidated report as a .docx, in the presentation Nghị định
// 30/2020/NĐ-CP on clerical work sets out for administrative documents
// (Phụ lục I "Thể thức và kỹ thuật trình bày văn bản hành chính"; the points
// used are cited where they apply and summarised in docs/report/README.md).
//
// Library: `docx` (declarative, typed, no template file): every setting the
// decree fixes (page size, margins in millimetres, font sizes, the lines under
// the motto and the issuing body) is a reviewable value in this file, where a
// docxtemplater template would hide them in a binary Word file.
// Pure: model in, bytes out; no database, no Slack.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from "docx";
import { parts } from "../domain/day.js";
import type { ReportModel } from "./model.js";
import { reportOutline, reportSummaryLine, type Block } from "./outline.js";

/** Millimetres to twips, rounded (docx's convertMillimetersToTwip floors: A4 would come out 1 twip short of Word's 11906 x 16838). */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

/** Phụ lục I, I.1: Times New Roman, Unicode (TCVN 6909:2001), black. */
export const FONT = "Times New Roman";
/** Phụ lục I, I.2: A4 (210 mm x 297 mm), portrait (I.3). */
export const PAGE = { width: mm(210), height: mm(297) };
/** Phụ lục I, I.4: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const TEXT_WIDTH = mm(210 - MARGINS_MM.left - MARGINS_MM.right);

// Sizes in points (docx wants half-points).
const PT = {
  body: 14,
  motto: 13,
  nation: 12,
  body12: 12,
  bodyName: 12,
  number: 13,
  place: 13,
  type: 14,
  summary: 14,
  signer: 14,
  recipientsHead: 12,
  recipients: 11,
  table: 12,
  pageNumber: 13,
} as const;
const hp = (pt: number) => pt * 2;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
  highlight?: boolean;
}

function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: hp(s.size ?? PT.body),
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? { type: UnderlineType.SINGLE } : undefined,
    highlight: s.highlight ? HighlightColor.YELLOW : undefined,
  });
}

function centered(text: string, s: RunStyle = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: lines(text, s) });
}

/** A text with "\n" as line breaks inside one paragraph. */
function lines(text: string, s: RunStyle): TextRun[] {
  return text.split("\n").map((l, i) => (i === 0 ? run(l, s) : new TextRun({ text: l, break: 1, font: FONT, size: hp(s.size ?? PT.body), bold: s.bold, italics: s.italics })));
}

/**
 * A short horizontal line under a centred heading: Phụ lục I, II.2 (under
 * the issuing body) and II.5 (under the summary) ask for a solid line of 1/3
 * to 1/2 of the text line, centred. Drawn as the bottom border of an empty
 * paragraph narrowed by equal indents.
 */
function shortLine(width: number, fraction: number): Paragraph {
  const indent = Math.round((width * (1 - fraction)) / 2);
  return new Paragraph({ indent: { left: indent, right: indent }, spacing: { before: 0, after: 0, line: 120 }, border: { bottom: LINE }, children: [] });
}

/** "Thừa Thiên Huế, ngày 05 tháng 10 năm 2023": Phụ lục I, II.4 (days below 10 and months 1, 2 take a leading zero). */
export function placeAndDate(place: string, day: string): string {
  const { year, month, day: d } = parts(day);
  const dd = String(d).padStart(2, "0");
  const mmm = month <= 2 ? String(month).padStart(2, "0") : String(month);
  return `${place}, ngày ${dd} tháng ${mmm} năm ${year}`;
}

/** Breaks a long issuing-body name before "VÀ" so it sits on two balanced lines, as clerks set it. */
function bodyLines(name: string): string {
  const up = name.toLocaleUpperCase("vi");
  if (up.length <= 26) return up;
  const i = up.lastIndexOf(" VÀ ");
  return i > 0 ? `${up.slice(0, i)}\n${up.slice(i + 1)}` : up;
}

/**
 * The header's and the closing's layout: a borderless table of two fixed
 * columns across the text width, `left` wide on the left; each row a left
 * and a right cell.
 */
function twoColumns(left: number, rows: { left: Paragraph[]; right: Paragraph[]; cantSplit?: boolean }[]): Table {
  const right = TEXT_WIDTH - left;
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map((r) => new TableRow({ ...(r.cantSplit ? { cantSplit: true } : {}), children: [cell(left, r.left), cell(right, r.right)] })),
  });
}

function headerTable(m: ReportModel): Table {
  const left = mm(70);
  return twoColumns(left, [
    {
      left: [
        // II.2: parent body in capitals, regular; issuing body in capitals, bold; 12–13 pt.
        ...(m.header.parentBody ? [centered(m.header.parentBody, { size: PT.bodyName })] : []),
        centered(bodyLines(m.header.issuingBody), { size: PT.bodyName, bold: true }),
        shortLine(left, 0.4),
      ],
      right: [
        // II.1: Quốc hiệu in capitals, bold, 12–13 pt; Tiêu ngữ bold 13–14 pt, words capitalised and
        // joined by hyphens, with a solid line under it as long as the line of text (the underline).
        centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: PT.nation, bold: true }),
        centered("Độc lập - Tự do - Hạnh phúc", { size: PT.motto, bold: true, underline: true }),
      ],
    },
    {
      // II.3: "Số:" then the number (left blank for the clerk, who numbers it on issue) and the symbol, 13 pt.
      left: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [run(`Số:        /${m.header.symbol}`, { size: PT.number })] })],
      // II.4: place and date in lower case, italic, 13–14 pt, centred under the motto.
      right: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120 },
          children: [run(placeAndDate(m.header.place, m.header.date), { size: PT.place, italics: true })],
        }),
      ],
    },
  ]);
}

/** II.6: body text justified, first line indented 1–1.27 cm, at least 6 pt between paragraphs, single to 1.5 line spacing. */
function bodyParagraph(text: string, s: RunStyle = {}, keepNext = false): Paragraph {
  const indent = mm(12.7);
  return new Paragraph({
    keepNext,
    keepLines: keepNext,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: indent },
    spacing: { before: 120, after: 0, line: 312 },
    children: [run(text, s)],
  });
}

function bodyTable(block: Extract<Block, { kind: "table" }>): Table {
  const sum = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.widths.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [new Paragraph({ alignment: i === 0 ? AlignmentType.LEFT : AlignmentType.CENTER, children: [run(text, { size: PT.table, bold })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.head.map((h, i) => cell(h, i, true)) }),
      ...block.rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, Boolean(block.totalRow) && ri === block.rows.length - 1)) })),
    ],
  });
}

function blockToDocx(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: mm(12.7) },
          keepNext: true,
          spacing: { before: 120, after: 0, line: 312 },
          children: [run(b.text, { bold: true })],
        }),
      ];
    case "para":
      return [bodyParagraph(b.text, {}, b.keepWithNext)];
    case "item":
      return [bodyParagraph(b.text)];
    case "office":
      // Where the Office writes its own text: marked so it can never pass for data.
      return [bodyParagraph(b.text, { italics: true, highlight: true })];
    case "table":
      return [bodyTable(b), new Paragraph({ spacing: { before: 0, after: 0 }, children: [] })];
  }
}

/** II.7 and II.9: recipients on the left, the signer's block on the right. */
function closingTable(m: ReportModel): Table {
  const recipient = (text: string) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(text, { size: PT.recipients })] });
  return twoColumns(mm(80), [
    {
      cantSplit: true,
      left: [
        // II.9: "Nơi nhận:" lower case, italic, bold, 12 pt; each recipient on a line starting with "-" and
        // ending with ";", in 11 pt; the last line "Lưu: VT, ..." ends with a full stop.
        new Paragraph({ spacing: { before: 240, after: 0 }, children: [run("Nơi nhận:", { size: PT.recipientsHead, bold: true, italics: true })] }),
        ...m.recipients.map((r) => recipient(`- ${r.replace(/[;.]+$/, "")};`)),
        recipient(`- ${m.archive}`),
      ],
      right: [
        // II.7: the authority (KT., TM., ...) and title in capitals, bold, 13–14 pt; the name bold, centred.
        new Paragraph({ spacing: { before: 240 } }),
        ...(m.signer.authority ? [centered(m.signer.authority, { size: PT.signer, bold: true })] : []),
        centered(m.signer.title, { size: PT.signer, bold: true }),
        // Room for the signature and the seal.
        ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
        centered(m.signer.name, { size: PT.signer, bold: true }),
      ],
    },
  ]);
}

export function reportDocument(m: ReportModel): Document {
  const summary = reportSummaryLine(m);
  return new Document({
    creator: "dondoc",
    title: `Báo cáo ${summary.charAt(0).toLocaleLowerCase("vi")}${summary.slice(1)}`,
    description: "Dự thảo do dondoc lập từ số liệu báo cáo tiến độ của các đơn vị",
    styles: { default: { document: { run: { font: FONT, size: hp(PT.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { top: mm(MARGINS_MM.top), bottom: mm(MARGINS_MM.bottom), left: mm(MARGINS_MM.left), right: mm(MARGINS_MM.right), header: mm(10), footer: mm(10) },
          },
          // I.5: page numbers from 2 on, Arabic, 13–14 pt, centred in the top margin; none on the first page.
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: hp(PT.pageNumber) })] })],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerTable(m),
          // II.5: the document type in capitals, bold, 13–14 pt, centred; the summary under it in lower case, bold,
          // 13–14 pt, with a solid line of 1/3–1/2 of the line under it.
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: [run("BÁO CÁO", { size: PT.type, bold: true })] }),
          centered(summary, { size: PT.summary, bold: true }),
          shortLine(TEXT_WIDTH, 0.35),
          new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
          ...reportOutline(m).flatMap(blockToDocx),
          closingTable(m),
        ],
      },
    ],
  });
}

/** The .docx bytes. */
export function renderReportDocx(m: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(m));
}
