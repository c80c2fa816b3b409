// PDF with a text layer. unpdf rather than pdfjs-dist directly: it ships
// pdf.js built for server runtimes (no worker file, no canvas, ESM, typed),
// so reading text in Node needs no setup, while still giving pdf.js's text
// items with their positions, which we need to keep page and line numbers
// and to rebuild tables from the columns the items sit in.
import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { AppError } from "../../errors.js";
import { startsBody } from "../parse/bodies.js";
import { fold } from "../../domain/text.js";
import { mergedLeadRows } from "./pdf-merged-lead.js";
import { pageRules, ruledTables, turnRules, type RuledTable } from "./pdf-ruled.js";
import { cleanLine, MAX_DOC_CHARS, wrapJoin, tooMuchText, type Block, type SourcePos, type Table, type TableCell } from "./types.js";

export interface Segment {
  x: number;
  end: number;
  text: string;
  /** The text items it was joined from, to split it again at a table's column starts; `y` their own baseline (the line's when not known). */
  items: { x: number; end: number; text: string; y?: number }[];
}
export interface Line {
  page: number;
  line: number;
  y: number;
  segments: Segment[];
  /** A ruled table read from its borders (pdf-ruled.ts), standing in the page's lines where its top is; no segments then. */
  ruled?: RuledTable;
}

// pdf.js builds a page's operator list (read for the rules of ruled tables) with ArrayBuffer's
// transferToFixedLength (ES2024), which Node 20 lacks: without it, the list stops at the page's first font
// and no rule after it is seen. The same copy, for the one use pdf.js makes of it (a buffer it then sends on).
const bufferProto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (n?: number) => ArrayBuffer };
if (typeof bufferProto.transferToFixedLength !== "function")
  Object.defineProperty(bufferProto, "transferToFixedLength", {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, n?: number): ArrayBuffer {
      const len = n ?? this.byteLength;
      const out = new ArrayBuffer(len);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(len, this.byteLength)));
      return out;
    },
  });

/** Gap (in units of the font size) between two text items that separates table columns. */
const COLUMN_GAP = 0.8;

/** `maxChars`: the text it reads before it stops and refuses the document (MAX_DOC_CHARS; smaller in tests). */
export async function readPdf(bytes: Uint8Array, file: string, maxChars = MAX_DOC_CHARS): Promise<{ blocks: Block[]; pages: number }> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes, { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 } as never);
  } catch (e) {
    const name = (e as { name?: string }).name ?? "";
    if (name === "PasswordException") throw new AppError("DOC_ENCRYPTED", { file });
    throw new AppError("DOC_CORRUPT", { file, format: "PDF", reason: name || "không đọc được / unreadable" });
  }
  const lines: Line[] = [];
  let chars = 0;
  const { OPS } = await getResolvedPDFJS();
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const groups = itemsByTurn(content.items as TextItem[], page.view);
      const upright = (((page.rotate ?? 0) % 360) + 360) % 360;
      // The rules the page draws, for its ruled tables.
      // Read only for a page whose text sits in columns somewhere (a line with a gap of a column in it): the operator list costs about as much as the text itself (pdf.js copies every glyph of it
      // from its worker), and a page of prose has no table to find.
      let rules: ReturnType<typeof pageRules> | undefined;
      const rulesOf = async () => {
        const ops = await page.getOperatorList();
        rules = pageRules(ops.fnArray, ops.argsArray, OPS as unknown as Record<string, number>);
        return rules;
      };
      const turns = [...groups.keys()].sort((s, t) => (s === upright ? -1 : t === upright ? 1 : s - t));
      let lineNo = 0;
      for (const turn of turns) {
        const items = groups.get(turn)!;
        const pageLines = pageLinesOf(groups.get(turn)!);
        // Ruled tables: their text (page numbers and footnotes already left out) is read cell by cell, the rest
        // of the page as before.
        const tables: RuledTable[] = [];
        for (const pl of pageLines) pl.items.sort((a, b) => a.x - b.x);
        const inColumns = pageLines.some((pl) => pl.items.some((it, i) => i > 0 && it.x - pl.items[i - 1]!.end >= pl.size * COLUMN_GAP));
        if (inColumns && (rules ?? (await rulesOf()))) {
          const found = ruledTables(
            turnRules(rules!, turn, (x, y) => turnBack(turn, x, y, page.view)),
            pageLines.flatMap((pl) => pl.items),
          );
          tables.push(...found.tables);
          if (tables.length > 0) {
            const rest = new Set(found.rest);
            for (const pl of pageLines) pl.items = pl.items.filter((it) => rest.has(it));
            pageLines.splice(0, pageLines.length, ...pageLines.filter((pl) => pl.items.length > 0));
            for (const t of tables) chars += t.rows.reduce((n, r) => n + r.reduce((k, c) => k + (c.spanned ? 0 : c.text.length), 0), 0);
          }
        }
        for (const pl of pageLines) {
          while (tables.length > 0 && tables[0]!.top >= pl.y) lines.push({ page: p, line: ++lineNo, y: tables[0]!.top, segments: [], ruled: tables.shift()! });
          const segments = segmentsOf(pl);
          chars += segments.reduce((n, s) => n + s.text.length, 0);
          lines.push({ page: p, line: ++lineNo, y: pl.y, segments: segments.filter((s) => s.text) });
        }
        for (const t of tables) lines.push({ page: p, line: ++lineNo, y: t.top, segments: [], ruled: t });
      }
      page.cleanup();
      // Stop at the limit rather than after the last page: a 50 MB PDF of text is about 12,000 pages, whose
      // lines would otherwise all be held (755 MB peak, 3 minutes) only to be refused (BENCHMARKS.md).
      if (chars > maxChars) throw tooMuchText(file, chars, true, maxChars);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("DOC_CORRUPT", { file, format: "PDF", reason: (e as { name?: string }).name ?? "lỗi đọc trang / page read error" });
  } finally {
    await (pdf as unknown as { cleanup(): Promise<void> }).cleanup?.();
  }
  const pages = pdf.numPages;
  dropRunningHeads(lines, pages);
  // A scan has (almost) no text: fewer than 20 characters a page.
  if (chars < Math.max(40, pages * 20)) throw new AppError("DOC_NO_TEXT", { file });
  return { blocks: linesToBlocks(lines), pages };
}

/** A text item of pdf.js's text content, as far as it is read here. */
type TextItem = { str?: string; transform?: number[]; width?: number; height?: number };
type PageItem = { x: number; y: number; end: number; size: number; text: string };
type PageLine = { y: number; size: number; items: PageItem[] };

/**
 * Text set on its side (a landscape table on a portrait page, the lines running up the page; or a page
 * turned by /Rotate with its text drawn turned the other way) is read in its own frame: each item's
 * position is turned by its text's angle (a quarter turn, from its matrix) so that its line runs left to
 * right, as on an upright page. Text of each angle is laid out on its own, as a page of its own (a
 * page's running head stays upright over a table set on its side), the text upright for the reader
 * (the page's /Rotate) first. An item not set at a quarter turn (slanted) is read as upright, as before.
 */
function itemsByTurn(items: TextItem[], view: number[]): Map<number, PageItem[]> {
  const groups = new Map<number, PageItem[]>();
  for (const it of items) {
    if (typeof it.str !== "string" || !it.transform || it.str.trim() === "") continue;
    const [a, b, , , x, y] = it.transform;
    const size = Math.hypot(a!, b!) || it.height || 10;
    const turn = quarterTurn(a!, b!);
    const [rx, ry] = turnBack(turn, x!, y!, view);
    const group = groups.get(turn) ?? [];
    group.push({ x: rx, y: ry, end: rx + (it.width ?? 0), size, text: it.str });
    groups.set(turn, group);
  }
  return groups;
}

/**
 * Lines: items whose baselines are within half a font size, top to bottom. A page number alone at the top or
 * the bottom of a page ("2", "- 2 -") is not text of the plan (it would break a paragraph that runs on from the
 * page before), nor are footnotes.
 */
function pageLinesOf(items: PageItem[]): PageLine[] {
  items.sort((i, j) => j.y - i.y || i.x - j.x);
  const pageLines: PageLine[] = [];
  for (const it of items) {
    const last = pageLines.at(-1);
    if (last && Math.abs(last.y - it.y) <= Math.max(2, it.size * 0.5)) last.items.push(it);
    else pageLines.push({ y: it.y, size: it.size, items: [it] });
  }
  const folio = (pl: PageLine | undefined) =>
    !!pl &&
    pl.items.length <= 3 &&
    /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(
      pl.items
        .map((x) => x.text)
        .join("")
        .trim(),
    );
  if (folio(pageLines[0])) pageLines.shift();
  if (pageLines.length > 1 && folio(pageLines.at(-1))) pageLines.pop();
  dropFootnotes(pageLines);
  return pageLines;
}

/** A line's items joined into segments, a gap of a column (COLUMN_GAP font sizes) or more between two segments. */
function segmentsOf(pl: PageLine): Segment[] {
  pl.items.sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  for (const it of pl.items) {
    const prev = segments.at(-1);
    const item = { x: it.x, end: it.end, text: it.text, y: it.y };
    if (prev && it.x - prev.end < pl.size * COLUMN_GAP) {
      prev.text += it.x - prev.end > pl.size * 0.15 && !prev.text.endsWith(" ") && !it.text.startsWith(" ") ? ` ${it.text}` : it.text;
      prev.end = Math.max(prev.end, it.end);
      prev.items.push(item);
    } else segments.push({ x: it.x, end: it.end, text: it.text, items: [item] });
  }
  for (const seg of segments) seg.text = cleanLine(seg.text);
  return segments;
}

/**
 * The quarter turn (0, 90, 180 or 270 degrees, counter-clockwise) a text item's matrix sets its text at, from
 * the direction its baseline runs in (a, b); 0 for text not set at a quarter turn (slanted a few degrees or more).
 */
export function quarterTurn(a: number, b: number): number {
  const deg = (Math.atan2(b, a) * 180) / Math.PI;
  const turn = Math.round(deg / 90) * 90;
  return Math.abs(deg - turn) <= 2 ? ((turn % 360) + 360) % 360 : 0;
}

/**
 * A point turned back by `turn` degrees, into the frame where text set at that turn runs left to right, y up,
 * measured from that frame's bottom left corner of the page (`view`: the page's box, x0 y0 x1 y1).
 */
export function turnBack(turn: number, x: number, y: number, view: number[]): [number, number] {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  if (turn === 90) return [y - y0, x1 - x];
  if (turn === 180) return [x1 - x, y1 - y];
  if (turn === 270) return [y1 - y, x - x0];
  return [x, y];
}

/**
 * Footnotes: the lines at the foot of a page set in a font clearly smaller than the page's text (the Công báo's
 * 10 pt under 14 pt), below its last line of text, opening with a number that a marker in the text above carries
 * (a smaller digit after a word, "NQ/TW¹"). They are notes on the text, not text of the plan: inside a table the
 * note "¹ Nghị quyết số 66-NQ/TW …" would be read as a row numbered 1, and the markers would end up in cells.
 * Both are dropped.
 */
export function dropFootnotes(pageLines: { items: { size: number; text: string }[] }[]): void {
  const chars = new Map<number, number>();
  for (const pl of pageLines) for (const it of pl.items) chars.set(Math.round(it.size), (chars.get(Math.round(it.size)) ?? 0) + it.text.length);
  const body = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!body) return;
  const small = (it: { size: number }) => it.size <= body * 0.75;
  let at = pageLines.length;
  while (at > 0 && pageLines[at - 1]!.items.every(small)) at--;
  if (at === 0 || at === pageLines.length) return;
  // The notes' numbers: each at the start of a line of the foot.
  const numbers = new Set<string>();
  for (const pl of pageLines.slice(at)) {
    const m = /^(\d{1,3})(?!\d)/.exec(
      pl.items
        .map((it) => it.text)
        .join("")
        .trim(),
    );
    if (m) numbers.add(m[1]!);
  }
  const isMarker = (it: { size: number; text: string }) => small(it) && numbers.has(it.text.trim());
  const markers = pageLines.slice(0, at).filter((pl) => pl.items.some(isMarker));
  if (numbers.size === 0 || markers.length === 0) return;
  pageLines.length = at;
  for (const pl of markers) pl.items = pl.items.filter((it) => !isMarker(it));
  for (let i = pageLines.length - 1; i >= 0; i--) if (pageLines[i]!.items.length === 0) pageLines.splice(i, 1);
}

/**
 * A running head repeated at the top of the pages ("CÔNG BÁO/Số 286/Ngày 27-05-2026 96", the page number
 * changing) is not text of the plan: inside a table it would be read as a row's text. A page's first line is
 * one when, its digits aside, the same line opens at least half of the pages (and three or more).
 */
function dropRunningHeads(lines: Line[], pages: number): void {
  const key = (l: Line) =>
    fold(l.segments.map((s) => s.text).join(" "))
      .replace(/\d+/g, "#")
      .replace(/\s+/g, " ")
      .trim();
  const firsts = new Map<number, Line>();
  for (const l of lines) if (!firsts.has(l.page)) firsts.set(l.page, l);
  // A ruled table opening a page is no running head.
  for (const [page, l] of firsts) if (l.ruled) firsts.delete(page);
  const count = new Map<string, number>();
  for (const l of firsts.values()) count.set(key(l), (count.get(key(l)) ?? 0) + 1);
  // A table's header repeated at the top of its pages is not a running head: the table starts there.
  const drop = new Set(
    [...firsts.values()].filter((l) => {
      const n = count.get(key(l)) ?? 0;
      return n >= 3 && n >= pages / 2 && !/chu tri|phoi hop|\bstt\b/.test(key(l));
    }),
  );
  if (drop.size === 0) return;
  // In place, without push(...kept): a long document has more lines than a call may take arguments
  // ("Maximum call stack size exceeded" on a 12,000-page PDF).
  let at = 0;
  for (const l of lines) if (!drop.has(l)) lines[at++] = l;
  lines.length = at;
}

/**
 * The header of page 1 is laid out in two columns (issuing body | Quốc hiệu and Tiêu ngữ; number | place and
 * date), which the text layer gives as lines of two segments. Read column by column, as the eye does, so the
 * issuing body's lines ("ỦY BAN NHÂN DÂN" / "TỈNH ĐÔNG GIANG" / "BAN THƯỜNG TRỰC") stay together. The zone
 * runs down to the title ("KẾ HOẠCH", …); a line with text on one side only (the issuer's third line beside
 * the motto's blank rule) belongs to the column it sits in, by where the right column starts. Without a title
 * within the first lines, only the leading run of two-segment lines is the zone (as before). The leading run of
 * two-segment lines also sets where the columns are.
 */
const HEADER_TITLE = /^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|NGHỊ QUYẾT)\b/u;
const HEADER_MAX_LINES = 12;
function headerColumns(lines: Line[]): Line[] {
  let end = 0;
  while (end < lines.length && lines[end]!.page === 1 && lines[end]!.segments.length === 2 && !HEADER_TITLE.test(lines[end]!.segments[0]!.text)) end++;
  if (end === 0) return lines;
  const title = lines.findIndex((l, i) => i < HEADER_MAX_LINES && l.page === 1 && HEADER_TITLE.test(l.segments[0]?.text ?? ""));
  if (title > end) {
    const zone = lines.slice(0, title);
    // The columns are where the leading two-column lines (issuer | Quốc hiệu, Tiêu ngữ) put them: a later line of
    // two pieces may be one side's text cut by a blank ("Số:" … "/KH-MTTQ-BTT", "…, ngày" … "tháng 11 năm 2025").
    const two = lines.slice(0, end);
    const rightStart = Math.min(...two.map((l) => l.segments[1]!.x));
    const leftEnd = Math.max(...two.map((l) => l.segments[0]!.end));
    // Every line of the zone must sit in one column or the other (a line running across both is no header).
    if (leftEnd < rightStart && zone.every((l) => l.segments.every((s) => s.end <= rightStart || s.x >= leftEnd))) {
      // One side's pieces of a line are one text ("Số:" and a blank before "/KH-UBND").
      const side = (right: boolean): Line[] =>
        zone.flatMap((l) => {
          const parts = l.segments.filter((s) => s.x >= leftEnd === right);
          if (parts.length === 0) return [];
          const segment: Segment = { x: parts[0]!.x, end: parts.at(-1)!.end, text: parts.map((s) => s.text).join(" "), items: parts.flatMap((s) => s.items) };
          return [{ ...l, segments: [segment] }];
        });
      return [...side(false), ...side(true), ...lines.slice(title)];
    }
  }
  const zone = lines.slice(0, end);
  const column = (i: number): Line[] => zone.map((l) => ({ ...l, segments: [l.segments[i]!] }));
  return [...column(0), ...column(1), ...lines.slice(end)];
}

/** How a new paragraph or list item starts: a bullet, a number, a letter item, "Điều n". */
const LIST_START = /^(?:[-+•*–]|\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[IVXL]{1,6}\s*[.)]|[a-zđ]\)|Điều\s+\d|PHẦN\s|Phần\s)/u;
const WORD_MARKER = /^(?:Điều|Phần)\s/u;

/** "Phụ lục IV" (or "PHỤ LỤC 2", "Phụ lục") alone on its line: the next appendix begins, so the table before it ends. */
const appendixTitle = (l: Line) => l.segments.length === 1 && /^phu luc(?:\s+(?:[ivxl]{1,5}|\d{1,2}|[a-h]))?\.?$/.test(fold(l.segments[0]!.text).trim());
const isRowNumber = (s: string) => /^(\d{1,3}(\.\d{1,3})*\.?|[IVXL]{1,5}\.?|[A-HĐ]\.?|[a-hđ]\))$/.test(s);

/**
 * Lines into paragraphs and tables. A table starts at a line with three or
 * more columns one of which says "chủ trì" (the header of an assignment
 * table) and goes on, across pages, while lines sit in its columns; a line
 * whose first column holds a row number starts a new row, any other line
 * continues the cells of the row above (cells wrap over several lines).
 */
export function linesToBlocks(input: Line[]): Block[] {
  const lines = headerColumns(input);
  const builder = new BlockBuilder(pageEdges(lines));
  for (const line of lines) builder.read(line);
  builder.closeTable();
  builder.closeCentred();
  return builder.blocks;
}

/** The text block's edges on each page: where a full (justified) line ends and where lines start. */
function pageEdges(lines: Line[]): Map<number, { left: number; right: number }> {
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.segments.length !== 1) continue;
    const e = edges.get(l.page) ?? { left: Number.POSITIVE_INFINITY, right: 0 };
    e.left = Math.min(e.left, l.segments[0]!.x);
    e.right = Math.max(e.right, l.segments[0]!.end);
    edges.set(l.page, e);
  }
  return edges;
}

const colOf = (cols: number[], x: number) => {
  let c = 0;
  for (let i = 0; i < cols.length; i++) if (x >= cols[i]! - 6) c = i;
  return c;
};

/** A line's segments cut again wherever one of its items starts a new column of the table. */
function byColumn(cols: number[], segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const sg of segs) {
    let cur: Segment | undefined;
    for (const it of sg.items) {
      if (cur && colOf(cols, it.x) === colOf(cols, cur.x)) {
        cur.text = cleanLine(`${cur.text}${it.x - cur.end > 1 ? " " : ""}${it.text}`);
        cur.end = it.end;
        cur.items.push(it);
      } else {
        cur = { x: it.x, end: it.end, text: cleanLine(it.text), items: [it] };
        out.push(cur);
      }
    }
  }
  return out.filter((x) => x.text);
}

/** Columns of a header set over several baselines: header cells whose spans overlap belong to one column ("Cơ quan" over "chủ trì"). */
function headerClusters(spans: Segment[]): { x: number; end: number; texts: string[] }[] {
  const clusters: { x: number; end: number; texts: string[] }[] = [];
  for (const sp of [...spans].sort((a, b) => a.x - b.x)) {
    const k = clusters.find((c) => sp.x < c.end && sp.end > c.x);
    if (k) {
      k.x = Math.min(k.x, sp.x);
      k.end = Math.max(k.end, sp.end);
      k.texts.push(sp.text);
    } else clusters.push({ x: sp.x, end: sp.end, texts: [sp.text] });
  }
  return clusters.sort((a, b) => a.x - b.x);
}

/** A header line of an assignment table: three or more columns, one of which says "chủ trì". */
const isAssignmentHeader = (l: Line) => l.segments.length >= 3 && l.segments.some((s) => fold(s.text).includes("chu tri"));

interface GridTable {
  cols: number[];
  rows: string[][];
  rowPos: SourcePos[];
  pos: SourcePos;
}

/** A table whose header is set over several baselines: its lines are gathered, then cut into rows. */
interface CentredTable {
  header: string[];
  clusters: { x: number; end: number }[];
  headTexts: Set<string>;
  lines: Line[];
  pos: SourcePos;
  /** The last page it was seen on, and whether every page after its first opened with its header repeated. */
  page: number;
  headerOnEachPage?: boolean;
  /** Set while the table's first line may still be the rest of a header title wrapped round its one-line row. */
  wrapsBelow?: { header: Line; clusters: { x: number; end: number }[] };
}

/**
 * The last column's title set over two lines, one above and one below the other titles' single line (NQ
 * 175/NQ-CP: "Thời gian" / "hoàn thành" after "STT | Đơn vị | Nhiệm vụ chủ trì | Đơn vị phối hợp"): a line of one
 * short piece of text just above an assignment table's header line, right of its last title. (A middle column's
 * title set so, NQ 109/NQ-CP's "THỜI HẠN" / "HOÀN THÀNH", is read as before: its table is read well as it is.)
 */
function wrappedTitle(above: Line, header: Line): boolean {
  const only = above.segments[0]!;
  return above.segments.length === 1 && isAssignmentHeader(header) && only.end - only.x < 120 && only.x > header.segments.at(-1)!.end;
}

/** Reads the lines in order into blocks: paragraphs, tables in columns, tables with centred cells. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  /** The paragraph last pushed, while its last line runs to the right edge (so the layout wrapped it). */
  private wrapped: { kind: "para"; text: string } | undefined;
  private table: GridTable | undefined;
  private tables = 0;
  private centred: CentredTable | undefined;
  /** The last lines read as paragraphs of their own, with their blocks: a header may have begun there. */
  private recent: { line: Line; block: Block }[] = [];
  /** The ruled table last read, while nothing but it has been read since (its next page may go on with it). */
  private lastRuled: { block: Table; page: number; xs: number[]; lastTops: boolean[] } | undefined;

  constructor(private readonly edges: Map<number, { left: number; right: number }>) {}

  read(line: Line): void {
    if (line.ruled) return this.ruledTable(line, line.ruled);
    this.lastRuled = undefined;
    if (this.centred && this.centredTakes(this.centred, line)) return;
    const l = this.table ? { ...line, segments: byColumn(this.table.cols, line.segments) } : line;
    const pos = { page: l.page, line: l.line };
    if (this.startsCentred(l)) return;
    if (!this.table && isAssignmentHeader(l)) {
      this.tables++;
      this.table = { cols: l.segments.map((s) => s.x), rows: [l.segments.map((s) => s.text)], rowPos: [pos], pos: { ...pos, table: this.tables } };
      return;
    }
    if (this.table && this.tableTakes(this.table, l, pos)) return;
    this.paragraph(l, pos);
  }

  /**
   * A ruled table (pdf-ruled.ts): a table block as the .docx reader gives it. A table on the page after one that
   * ended its page, with nothing read between them and the same columns, is the same table going on: its first
   * rows, when they repeat the table's first rows (the header repeated on each page), are dropped, and its first
   * row goes on with the row above when that row was cut by the page break (see joinRuled).
   */
  private ruledTable(line: Line, t: RuledTable): void {
    this.closeTable();
    this.closeCentred();
    this.wrapped = undefined;
    this.recent = [];
    const prev = this.lastRuled;
    const rows = t.rows.map((r) => r.map((c) => ({ ...c })));
    const tops = t.tops.map((r) => [...r]);
    if (prev && prev.page === line.page - 1 && prev.xs.length === t.xs.length && prev.xs.every((x, i) => Math.abs(x - t.xs[i]!) <= 3)) {
      joinRuled(prev.block, prev.lastTops, rows, tops, line.page);
      this.lastRuled = { ...prev, page: line.page, lastTops: tops.at(-1) ?? prev.lastTops };
      return;
    }
    const table = ++this.tables;
    const kept = rows.map((r, i) => ({ r, top: tops[i]! })).filter(({ r }) => r.some((c) => c.text !== ""));
    if (kept.length === 0) return;
    const block: Table = {
      kind: "table",
      rows: kept.map((k) => k.r),
      rowPos: kept.map((_, i) => ({ page: line.page, table, row: i + 1 })),
      pos: { page: line.page, line: line.line, table },
    };
    this.blocks.push(block);
    this.lastRuled = { block, page: line.page, xs: t.xs, lastTops: kept.at(-1)!.top };
  }

  /** A line of the centred table (true), or past it: the table is closed (false). */
  private centredTakes(c: CentredTable, line: Line): boolean {
    // The rest of a header cell's title wrapped round the others' one line ("Thời gian" / "hoàn thành"): header.
    const w = c.wrapsBelow;
    c.wrapsBelow = undefined;
    const cell =
      w && line.page === w.header.page && w.header.y - line.y < 24 && line.segments.length === 1
        ? w.clusters.find((k) => line.segments[0]!.x < k.end && line.segments[0]!.end > k.x)
        : undefined;
    if (w && cell) {
      c.header[c.clusters.indexOf(cell)] += ` ${line.segments[0]!.text}`;
      c.headTexts.add(fold(line.segments[0]!.text));
      return true;
    }
    const text = line.segments.map((sg) => sg.text).join(" ");
    const isHeader = c.headTexts.has(fold(text));
    // A table whose header is repeated at the top of each of its pages ends at the first page that does not
    // open with it (NQ 105/NQ-CP: Phụ lục II's prose on the page after the table's last row).
    const ended = line.page !== c.page && c.headerOnEachPage === true && !isHeader;
    if (line.page !== c.page) {
      c.headerOnEachPage = isHeader && c.headerOnEachPage !== false;
      c.page = line.page;
    }
    if (isHeader && !ended) return true; // the header repeated on a new page
    const first = line.segments[0]!;
    const leftOfTable = first.x < c.clusters[0]!.x - 12;
    // Past the table: a line across the page that starts in the number's column without a number ("Nơi nhận:").
    // A part's title wrapped onto a second line ("IV. Tăng cường …" / "Trung ương và địa phương, …") is not.
    const before = c.lines.at(-1);
    const titleGoesOn = !!before && before.page === line.page && before.y - line.y < 24 && before.segments.length === 1 && before.segments[0]!.x < c.clusters[0]!.end + 5;
    const prose =
      line.segments.length === 1 &&
      first.x < c.clusters[0]!.end + 5 &&
      first.end > c.clusters[Math.min(2, c.clusters.length - 1)]!.end + 40 &&
      !isRowNumber(first.text.split(" ")[0]!) &&
      !/^[a-zà-ỹđ]/u.test(first.text) &&
      !titleGoesOn;
    if (!leftOfTable && !prose && !ended && !appendixTitle(line)) {
      c.lines.push(line);
      return true;
    }
    this.closeCentred();
    return false;
  }

  /**
   * A header set over several baselines ("Cơ quan | Cơ quan | Thời gian hoàn" / "STT | Tên nhiệm vụ cụ thể |
   * Kết quả" / "chủ trì | phối hợp | thành", as the Công báo sets it, a one-line cell centred between the
   * others; or "Cơ quan chủ" / "trì thực hiện"): the lines just above on the same page, close enough to be one
   * header row, are read with this one, and so are the table's rows, whose cells are centred the same way
   * (see centredRows).
   */
  private startsCentred(l: Line): boolean {
    const above = this.table
      ? []
      : this.recent.filter((r) => r.line.page === l.page && r.line.y - l.y < 24 && (r.line.segments.length >= 2 || wrappedTitle(r.line, l)) && this.blocks.includes(r.block));
    if (above.length === 0 || l.segments.length < 2) return false;
    const clusters = headerClusters([...above.flatMap((r) => r.line.segments), ...l.segments]);
    // Each column's text top to bottom: the lines above come first.
    if (clusters.length < 3 || !clusters.some((k) => fold(k.texts.join(" ")).includes("chu tri"))) return false;
    this.tables++;
    for (const r of above) this.blocks.splice(this.blocks.indexOf(r.block), 1);
    const first = above[0]!.line;
    this.centred = {
      header: clusters.map((k) => k.texts.join(" ")),
      clusters,
      headTexts: new Set([...above.map((r) => r.line), l].map((hl) => fold(hl.segments.map((sg) => sg.text).join(" ")))),
      lines: [],
      pos: { page: first.page, line: first.line, table: this.tables },
      page: l.page,
      wrapsBelow: above.some((r) => r.line.segments.length === 1)
        ? { header: l, clusters: clusters.filter((k) => !l.segments.some((sg) => sg.x < k.end && sg.end > k.x)) }
        : undefined,
    };
    this.recent = [];
    return true;
  }

  /** A line of the table in columns: a new row, or more of the row above (true); or past the table, which is closed (false). */
  private tableTakes(table: GridTable, l: Line, pos: SourcePos): boolean {
    const first = l.segments[0]!;
    const c0 = colOf(table.cols, first.x);
    if (isAssignmentHeader(l)) return true; // the header repeated at the top of a new page
    const leftOfTable = first.x < table.cols[0]! - 12;
    const prose = c0 === 0 && l.segments.length === 1 && first.end > table.cols[Math.min(2, table.cols.length - 1)]! + 40 && !isRowNumber(first.text.split(" ")[0]!);
    // The STT column never wraps: text there that is not a row number is past the table ("Nơi nhận:").
    const pastTable = c0 === 0 && l.segments.every((sg) => colOf(table.cols, sg.x) === 0) && !isRowNumber(first.text) && !isRowNumber(first.text.split(" ")[0]!);
    if (leftOfTable || prose || pastTable || appendixTitle(l)) {
      this.closeTable();
      return false;
    }
    const newRow = c0 === 0 && (isRowNumber(first.text) || isRowNumber(first.text.split(" ")[0]!));
    if (newRow || table.rows.length === 1) {
      const row = table.cols.map(() => "");
      for (const s of l.segments) row[colOf(table.cols, s.x)] += (row[colOf(table.cols, s.x)] ? " " : "") + s.text;
      // "1 Nội dung…" read as one segment: split the number off into the STT column.
      const m = /^(\S+)\s+(.+)$/.exec(row[0]!);
      if (m && isRowNumber(m[1]!) && table.cols.length > 1 && row[1] === "") {
        row[0] = m[1]!;
        row[1] = m[2]!;
      }
      table.rows.push(row);
      table.rowPos.push(pos);
    } else {
      const row = table.rows.at(-1)!;
      for (const s of l.segments) {
        const c = colOf(table.cols, s.x);
        // A cell wrapped over lines reads on with a space; a new bullet starts a new line.
        row[c] = row[c] ? `${row[c]}${/^[-+•]/.test(s.text) ? "\n" : " "}${s.text}` : s.text;
      }
    }
    return true;
  }

  /** A line of text: a new paragraph, or the paragraph above going on where the layout wrapped it. */
  private paragraph(l: Line, pos: SourcePos): void {
    const text = cleanLine(l.segments.map((s) => s.text).join(" "));
    if (!text) return;
    const edge = this.edges.get(l.page);
    const only = l.segments.length === 1 ? l.segments[0]! : undefined;
    const startsAtLeft = !!only && !!edge && only.x <= edge.left + 4;
    // A line the layout wrapped goes on at the left edge without a list marker; after a full line ending in
    // punctuation, only a lower-case start continues it ("…Bảo hiểm xã hội tỉnh;" / "các cơ sở …").
    // A word marker ("Phần VI", "Điều 5") after a full line cut mid-sentence is a reference the sentence goes on
    // with ("… theo Mục 3, / Phần VI Hướng dẫn 13/HD-MTTQ-BTT)"), not a new part: a part never starts mid-sentence.
    const midSentence = !!this.wrapped && !/[.;:!?]$/.test(this.wrapped.text);
    const marker = LIST_START.test(text) && !(midSentence && WORD_MARKER.test(text));
    if (this.wrapped && startsAtLeft && !marker && (!/[.;:!?]$/.test(this.wrapped.text) || /^[a-zà-ỹđ]/u.test(text))) {
      this.wrapped.text = wrapJoin(this.wrapped.text, text);
    } else {
      const block = { kind: "para" as const, text, pos };
      this.blocks.push(block);
      this.wrapped = block;
      this.recent = [...this.recent.slice(-1), { line: l, block }];
    }
    if (!(only && edge && only.end >= edge.right - 24)) this.wrapped = undefined;
  }

  closeTable(): void {
    const table = this.table;
    if (table && table.rows.length > 1) {
      this.blocks.push({
        kind: "table",
        rows: table.rows.map((r) => r.map((text): TableCell => ({ text: text.trim(), spanned: false }))),
        rowPos: table.rowPos,
        pos: table.pos,
      });
    }
    this.table = undefined;
  }

  closeCentred(): void {
    const centred = this.centred;
    if (centred) {
      const rows = centredRows(
        centred.clusters,
        centred.lines,
        centred.header.findIndex((h) => fold(h).includes("chu tri")),
      );
      if (rows.rows.length > 0)
        this.blocks.push({
          kind: "table",
          rows: [centred.header, ...rows.rows].map((r) => r.map((text): TableCell => ({ text: text.trim(), spanned: false }))),
          rowPos: [centred.pos, ...rows.rowPos],
          pos: centred.pos,
        });
    }
    this.centred = undefined;
  }
}

const sameRow = (a: TableCell[], b: TableCell[]) => a.length === b.length && a.every((c, i) => fold(c.text) === fold(b[i]!.text));

/**
 * The rows of a ruled table's next page added to the table. Its first rows are dropped while they repeat the
 * table's first rows (a header repeated on each page). Then, column by column, a cell merged over the rows at
 * the foot of the page before and left empty at the top of this one is the same merged cell going on (the
 * text of a merged cell is set on its first page only). A first row with no number, under a row that has
 * its own, is that row cut by the page break: its cells' text goes on in the row above.
 */
function joinRuled(block: Table, lastTops: boolean[], rows: TableCell[][], tops: boolean[][], page: number): void {
  let k = 0;
  while (k < rows.length && k < block.rows.length - 1 && sameRow(rows[k]!, block.rows[k]!)) k++;
  rows.splice(0, k);
  tops.splice(0, k);
  const last = block.rows.at(-1)!;
  if (rows.length === 0) return;
  // Cut by the page break: no number of its own under a row that has one, and its text goes on from the row
  // above (a cell opening in lower case or under one ending in a comma, or text in one column only). Else, with no number, it is a row of the
  // group the row above opens (its number and lead merged over the rows of the group, set on the page before).
  const first = rows[0]!;
  const filled = first.filter((c) => !c.spanned && c.text !== "");
  const goesOn = filled.length <= 1 || first.some((c, i) => !c.spanned && c.text !== "" && (/^\p{Ll}/u.test(c.text) || /[,;(–-]$/.test(last[i]!.text)));
  const unnumbered = first[0]!.text === "" && last[0]!.text !== "" && block.rows.length > 1;
  const cut = unnumbered && lastTops[0] === true && goesOn;
  for (let c = 0; c < last.length; c++) {
    if (first[c]!.text !== "" || (lastTops[c] !== false && !(unnumbered && !cut && last[c]!.text !== ""))) continue;
    for (let r = 0; r < rows.length && (r === 0 || !tops[r]![c]); r++) rows[r]![c] = { text: last[c]!.text, spanned: true };
  }
  let from = 0;
  if (cut) {
    from = 1;
    for (let c = 0; c < last.length; c++) {
      const more = rows[0]![c]!;
      if (more.spanned || more.text === "") continue;
      const before = last[c]!.text;
      const joined = before ? `${before}${/^[-+•]/.test(more.text) || (/[.;:]$/.test(before) && /^\p{Lu}/u.test(more.text)) ? "\n" : " "}${more.text}` : more.text;
      // The whole cell takes the joined text: the rows above it merges, the cells right of it spans, the rows below it merges here.
      for (let r = block.rows.length - 1; r >= 0 && block.rows[r]![c]!.text === before; r--) {
        for (let j = c; j < last.length && block.rows[r]![j]!.text === before; j++) block.rows[r]![j]!.text = joined;
        if (!block.rows[r]![c]!.spanned) break;
      }
      for (let r = 1; r < rows.length && !tops[r]![c]; r++) rows[r]![c] = { text: joined, spanned: true };
      for (let j = c + 1; j < last.length && rows[0]![j]!.spanned && rows[0]![j]!.text === more.text; j++) rows[0]![j]!.text = joined;
    }
  }
  const table = block.pos.table;
  for (const r of rows.slice(from)) {
    if (!r.some((c) => c.text !== "")) continue;
    block.rows.push(r);
    block.rowPos.push({ page, ...(table ? { table } : {}), row: block.rows.length });
  }
}

/**
 * The rows of a table whose cells are centred vertically (the Công báo's layout): a row's row number sits
 * half-way down it, and a short cell starts lower than a long one, so a row cannot be cut where its number
 * is. Lines are cut into bands where the gap between them is wider than a cell's line spacing (the cell
 * padding); a band holds one row, the one whose number it holds (a band without a number goes on with the
 * row before: a row split over pages). A column starts where its cells' lines start, found from the lines
 * themselves (a cell's text starts left of its centred header).
 */
function centredRows(clusters: { x: number; end: number }[], lines: Line[], leadColumn = -1): { rows: string[][]; rowPos: SourcePos[] } {
  if (lines.length === 0) return { rows: [], rowPos: [] };
  const whole = columnStarts(clusters, lines);
  const cells = new CentredCells(whole, pageStarts(lines, whole), columnStrips(clusters, lines));
  const pitch = linePitch(cells, lines);
  const merged = mergedLeadRows(cells, lines, pitch);
  if (merged) return merged;
  const bands = cutOutTitles(bandsOf(lines, pitch), cells);
  const writer = new RowWriter(cells, lines, pitch);
  mergeCellTops(bands, cells, pitch);
  for (const [i, band] of bands.entries()) writer.band(band, i === 0 || bands[i - 1]![0]!.page !== band[0]!.page, leadColumn);
  return writer.finish();
}

type Span = { x: number; end: number };

/**
 * Where each column's cells start, from the lines themselves: the commonest start under the column's
 * header over the whole table (its header's start where there is none).
 */
function columnStarts(clusters: Span[], lines: Line[]): number[] {
  const starts = new Map<number, number>();
  for (const l of lines) for (const sg of l.segments) starts.set(Math.round(sg.x), (starts.get(Math.round(sg.x)) ?? 0) + 1);
  return clusters
    .map((k, i) => {
      if (i === 0) return k.x;
      let best: [number, number] | undefined;
      for (const [x, n] of starts) if (x > clusters[i - 1]!.end && x <= k.end && n >= 2 && (!best || n > best[1])) best = [x, n];
      return best?.[0];
    })
    .map((x, i) => x ?? clusters[i]!.x);
}

/** On each page, the commonest start within a few points of the table's (the parts of a table may be set a few points apart). */
function pageStarts(lines: Line[], whole: number[]): Map<number, number[]> {
  const byPage = new Map<number, number[]>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const starts = new Map<number, number>();
    for (const l of lines) if (l.page === page) for (const sg of l.segments) starts.set(Math.round(sg.x), (starts.get(Math.round(sg.x)) ?? 0) + 1);
    byPage.set(
      page,
      whole.map((w, i) => {
        if (i === 0) return w;
        let best: [number, number] | undefined;
        for (const [x, n] of starts) if (Math.abs(x - w) <= 10 && (!best || n > best[1])) best = [x, n];
        return best ? Math.min(best[0], w) : w;
      }),
    );
  }
  return byPage;
}

/**
 * Where (almost) no text runs: between two columns there is a strip no cell's text crosses, however the
 * cells are aligned (left, centred); a stray line across it (a merged cell) is allowed for. A part's title
 * running from the task's column past the lead's header is left out, on its own or beside its numeral
 * (NQ 105/NQ-CP: titles shorter than the table would otherwise fill the strip). Quarter points.
 * How many lines cover each quarter point, each line once, counted in arrays over the span the lines take
 * (a Map, and a Set per line, were most of the layout's time on a 100-page PDF: BENCHMARKS.md).
 */
function columnStrips(clusters: Span[], lines: Line[]): (number | undefined)[] {
  const counted = lines.filter((l) => !l.segments.some((sg) => sg.x < clusters[1]!.end && sg.end > clusters[Math.min(2, clusters.length - 1)]!.x));
  let qMin = Number.POSITIVE_INFINITY;
  let qMax = Number.NEGATIVE_INFINITY;
  for (const l of counted)
    for (const sg of l.segments)
      for (const it of sg.items) {
        qMin = Math.min(qMin, Math.ceil((it.x + 0.3) * 4));
        qMax = Math.max(qMax, Math.floor((it.end - 0.3) * 4));
      }
  const span = qMax >= qMin ? qMax - qMin + 1 : 0;
  const coverCount = new Int32Array(span);
  const coveredBy = new Int32Array(span).fill(-1);
  counted.forEach((l, n) => {
    for (const sg of l.segments)
      for (const it of sg.items)
        for (let q = Math.ceil((it.x + 0.3) * 4); q <= Math.floor((it.end - 0.3) * 4); q++)
          if (coveredBy[q - qMin] !== n) {
            coveredBy[q - qMin] = n;
            coverCount[q - qMin]!++;
          }
  });
  const covered = (q: number): number | undefined => (q >= qMin && q <= qMax ? coverCount[q - qMin] : undefined);
  const stray = Math.max(1, Math.floor(lines.length * 0.03));
  const centre = (k: Span) => (k.x + k.end) / 2;
  return clusters.map((k, i) => {
    if (i === 0) return undefined;
    // The widest (almost) uncovered run between the two headers' centres: the boundary is its middle.
    let best: [number, number] | undefined;
    let runStart: number | undefined;
    const from = Math.ceil(centre(clusters[i - 1]!) * 4);
    const to = Math.floor(centre(k) * 4);
    for (let q = from; q <= to + 1; q++) {
      const free = q <= to && (covered(q) ?? 0) <= stray;
      if (free && runStart === undefined) runStart = q;
      if (!free && runStart !== undefined) {
        if (!best || q - runStart > best[1] - best[0]) best = [runStart, q];
        runStart = undefined;
      }
    }
    return best ? (best[0] + best[1]) / 8 : undefined;
  });
}

/** A line's text per column, and its width per column, each line read once; the columns are those of the page last read. */
export class CentredCells {
  cols: number[];
  private readonly cellsCache = new Map<Line, string[]>();
  private readonly yCache = new Map<Line, number[]>();
  private readonly widthCache = new Map<Line, number[]>();

  constructor(
    private readonly whole: number[],
    private readonly byPage: Map<number, number[]>,
    readonly strips: (number | undefined)[],
  ) {
    this.cols = whole;
  }

  /** A column takes text from a little left of its usual start ("Bộ Y tế" at 385 under cells starting at 391), or from the strip before it when there is one. */
  private colOf(x: number): number {
    let c = 0;
    for (let i = 1; i < this.cols.length; i++) if (x >= (this.strips[i] ?? this.cols[i]! - 7)) c = i;
    return c;
  }

  /**
   * A centred cell's line wider than the cells above and below it ("Nhiệm vụ thường" / "xuyên" under "2026 - 2030",
   * NQ 109/NQ-CP) starts a few points left of its column's boundary: it goes where its middle is.
   */
  private itemCol(it: Span): number {
    const c = this.colOf(it.x);
    const mid = this.colOf((it.x + it.end) / 2);
    return mid === c + 1 && (this.strips[mid] ?? this.cols[mid]! - 7) - it.x <= 8 ? mid : c;
  }

  /**
   * A line's text per column, cutting text items where a column starts. The text layer cuts words at
   * diacritics ("Đ" "ổ" "i m"): an item touching the one before goes on in its column.
   */
  cellsOf(l: Line): string[] {
    this.cols = this.byPage.get(l.page) ?? this.whole;
    const known = this.cellsCache.get(l);
    if (known) return known;
    const out = this.cols.map(() => "");
    const span = this.cols.map(() => ({ x: Number.POSITIVE_INFINITY, end: 0 }));
    const ys = this.cols.map(() => l.y);
    let last = -1;
    let lastEnd = 0;
    let lastText = "";
    for (const sg of l.segments)
      for (const it of sg.items) {
        // A piece of a word cut at a diacritic touches the piece before, which ends in a letter.
        const inWord = last >= 0 && it.x - lastEnd < 1 && /\p{L}$/u.test(lastText);
        const c = inWord ? last : this.itemCol(it);
        if (!out[c]) ys[c] = it.y ?? l.y;
        out[c] = c === last && it.x - lastEnd <= 1 ? `${out[c]}${it.text}` : out[c] ? `${out[c]} ${it.text}` : it.text;
        span[c]!.x = Math.min(span[c]!.x, it.x);
        // (an item's width counts the spaces it ends with)
        span[c]!.end = Math.max(span[c]!.end, it.x + ((it.end - it.x) * it.text.trimEnd().length) / Math.max(1, it.text.length));
        last = c;
        lastEnd = it.end;
        lastText = it.text;
      }
    const cells = out.map((t) => cleanLine(t));
    this.cellsCache.set(l, cells);
    this.yCache.set(l, ys);
    this.widthCache.set(
      l,
      span.map((sp) => Math.max(0, sp.end - sp.x)),
    );
    return cells;
  }

  /** The baseline of a line's text in column `c`: items a line groups may sit a few points apart (a centred number beside a task's line). */
  yOf(l: Line, c: number): number {
    this.cellsOf(l);
    return this.yCache.get(l)?.[c] ?? l.y;
  }

  widthsOf(l: Line): number[] {
    return this.widthCache.get(l) ?? [];
  }

  /** A row's number, or the "-" / "+" of a sub-row ("- Công trình đê điều, hồ đập" under row 4). */
  numberOf(l: Line): string | undefined {
    const t = this.cellsOf(l)[0]!.split(" ")[0] ?? "";
    return isRowNumber(t) || /^[-+–]$/.test(t) ? t : undefined;
  }
}

/** A cell's line spacing: the commonest gap between two lines of one column on a page. */
function linePitch(cells: CentredCells, lines: Line[]): number {
  const gaps = new Map<number, number>();
  for (let c = 0; c < cells.cols.length; c++) {
    let prev: Line | undefined;
    for (const l of lines) {
      if (!cells.cellsOf(l)[c]) continue;
      if (prev && prev.page === l.page) {
        const g = Math.round(prev.y - l.y);
        if (g > 0) gaps.set(g, (gaps.get(g) ?? 0) + 1);
      }
      prev = l;
    }
  }
  return [...gaps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 14;
}

/** Lines cut into bands where the gap between them is wider than a cell's line spacing (the cell padding). */
function bandsOf(lines: Line[], pitch: number): Line[][] {
  const raw: Line[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const p = lines[i - 1];
    if (!p || p.page !== l.page || p.y - l.y > pitch * 1.1) raw.push([l]);
    else raw.at(-1)!.push(l);
  }
  return raw;
}

/**
 * A part's title ("V" centred in its cell, "Tuyên truyền, phổ biến …" running across the table) may sit as
 * close to the rows around it as their own lines do: it is cut out of its band, the title's lines being
 * those as far below the numeral as the first line of the title is above it.
 */
function cutOutTitles(raw: Line[][], cells: CentredCells): Line[][] {
  const { strips, cols } = cells;
  const across = (l: Line) => l.segments.length === 1 && l.segments[0]!.end > (strips[2] ?? cols[2] ?? 0) + 20 && l.segments[0]!.x < (strips[2] ?? cols[2] ?? 0);
  const numeralOnly = (l: Line) => l.segments.length === 1 && /^[IVXL]+\.?$/.test(l.segments[0]!.text.trim());
  const bands: Line[][] = [];
  for (const band of raw) {
    const r = band.findIndex(numeralOnly);
    const top = r > 0 ? band.slice(0, r).findLastIndex(across) : -1;
    if (r <= 0 || top < 0) {
      bands.push(band);
      continue;
    }
    const reach = band[top]!.y - band[r]!.y + 2;
    const below = band.findIndex((l, i) => i > r && band[r]!.y - l.y > reach);
    const end = below < 0 ? band.length : below;
    if (top > 0) bands.push(band.slice(0, top));
    bands.push(band.slice(top, end));
    if (end < band.length) bands.push(band.slice(end));
  }
  return bands;
}

/**
 * Below the first band of a page (a row split over the page break goes on there), a band without a number
 * may be the top of a centred cell set with wider line spacing than the others (NQ 97/NQ-CP's "Bộ Văn hóa,"
 * 18 points above "Thể thao và Du lịch, …"): lines of one column, close above the next band, which it joins.
 */
function mergeCellTops(bands: Line[][], cells: CentredCells, pitch: number): void {
  const firstOfPage = (i: number) => i === 0 || bands[i - 1]![0]!.page !== bands[i]![0]!.page;
  for (let i = bands.length - 2; i >= 0; i--) {
    const band = bands[i]!;
    const next = bands[i + 1]!;
    const oneColumn = new Set(band.flatMap((l) => cells.cellsOf(l).flatMap((t, c) => (t ? [c] : [])))).size === 1;
    if (!firstOfPage(i) && oneColumn && !band.some((l) => cells.numberOf(l)) && next[0]!.page === band[0]!.page && band.at(-1)!.y - next[0]!.y <= pitch * 1.5)
      bands.splice(i, 2, [...band, ...next]);
  }
}

/** The table's rows, band by band: a band holds one row, the one whose number it holds. */
class RowWriter {
  private readonly rows: string[][] = [];
  private readonly rowPos: SourcePos[] = [];
  /** The widest line of each column: the width its cells wrap at. */
  private readonly widest: number[];
  private readonly lastWidth = new Map<string[], number[]>();
  /**
   * Cells set at the top of their rows rather than centred (NQ 105/NQ-CP): the number stands on its row's first
   * line, beside the first word of the task ("3 | Rà soát …"), where a centred number sits beside a line from the
   * middle of it, or none. Then a line belongs to the number above it, not to the nearest one: a long task cell
   * runs down to just above the next row's number, nearer to it than to its own, with a cell padding no wider
   * than its line spacing, so both rows share a band.
   */
  private readonly topAligned: boolean;

  constructor(
    private readonly cells: CentredCells,
    lines: Line[],
    private readonly pitch: number,
  ) {
    this.widest = cells.cols.map(() => 0);
    for (const l of lines) {
      cells.cellsOf(l);
      cells.widthsOf(l).forEach((w, c) => {
        this.widest[c] = Math.max(this.widest[c] ?? 0, w);
      });
    }
    const numberLines = lines.filter((l) => cells.numberOf(l) && !/^[IVXL]+\.?$/.test(cells.numberOf(l)!));
    this.topAligned = numberLines.length >= 3 && numberLines.filter((l) => /^\p{Lu}/u.test(cells.cellsOf(l)[1] ?? "")).length >= numberLines.length * 0.75;
  }

  /**
   * A line of a cell that ends where the next line's first word would still have fitted was not wrapped by the
   * layout: the cell's text goes on in a new paragraph ("Bộ Tài chính" / "Cơ quan, tổ chức, …", one body a line in
   * QĐ 982/QĐ-TTg's cells). Kept as a line break when the new paragraph starts a body in capitals; the widest line
   * of the column is the width it wraps at.
   */
  private append(row: string[], l: Line): void {
    const cells = this.cells.cellsOf(l);
    const widths = this.cells.widthsOf(l);
    const before = this.lastWidth.get(row) ?? [];
    cells.forEach((t, c) => {
      if (!t) return;
      const word = t.split(" ")[0]!;
      const wordWidth = ((widths[c] ?? 0) * word.length) / Math.max(1, t.length);
      const paragraph = /^\p{Lu}/u.test(t) && startsBody(t) && before[c] !== undefined && before[c]! + wordWidth + 4 < this.widest[c]! - 2;
      row[c] = row[c] ? `${row[c]}${/^[-+•]/.test(t) || paragraph ? "\n" : " "}${t}` : t;
      before[c] = widths[c] ?? 0;
    });
    this.lastWidth.set(row, before);
  }

  private newRow(pos: SourcePos): string[] {
    const row = this.cells.cols.map(() => "");
    this.rows.push(row);
    this.rowPos.push(pos);
    return row;
  }

  band(band: Line[], firstOfPage: boolean, leadColumn: number): void {
    const numbered = band.filter((l) => this.cells.numberOf(l));
    if (numbered.length === 0) return this.unnumbered(band, firstOfPage, leadColumn);
    // A part's title ("I. Đổi mới …") runs across the row: all of it is the title.
    const head = numbered[0]!;
    if (
      numbered.length === 1 &&
      /^[IVXL]+\.?$|^[A-HĐ]\.?$/.test(this.cells.numberOf(head)!) &&
      head.segments.length === 1 &&
      head.segments[0]!.end > (this.cells.cols[2] ?? this.cells.cols.at(-1)!)
    ) {
      const title = band.map((l) => l.segments.map((sg) => sg.text).join(" ")).join(" ");
      const m = /^(\S+)\s+(.*)$/su.exec(cleanLine(title));
      this.rows.push(this.cells.cols.map((_, c) => (c === 0 ? (m?.[1] ?? title) : c === 1 ? (m?.[2] ?? "") : "")));
      this.rowPos.push({ page: head.page, line: head.line });
      return;
    }
    this.numbered(band, numbered);
  }

  /**
   * A band without a number: a sub-row whose number and task cells are merged with the row above, with cells
   * of its own across the row (a second result, its lead, cooperating body and deadline; a lead of its own,
   * nothing in the number's and the task's columns): a row of its own, its number and task left empty; else
   * the row before going on (a row split over pages), or the first row.
   */
  private unnumbered(band: Line[], firstOfPage: boolean, leadColumn: number): void {
    const filled = () => new Set(band.flatMap((l) => this.cells.cellsOf(l).flatMap((t, c) => (t && c >= 2 ? [c] : []))));
    if (
      !firstOfPage &&
      this.rows.length > 0 &&
      filled().size >= 3 &&
      band.some((l) => this.cells.cellsOf(l)[leadColumn]) &&
      band.every((l) => !this.cells.cellsOf(l)[0] && !this.cells.cellsOf(l)[1])
    ) {
      const row = this.newRow({ page: band[0]!.page, line: band[0]!.line });
      for (const l of band) this.append(row, l);
      return;
    }
    const row = this.rows.at(-1) ?? this.newRow({ page: band[0]!.page, line: band[0]!.line });
    for (const l of band) this.append(row, l);
  }

  /**
   * One row per number; a line goes to the row whose number is nearest (top-aligned: the last one at or above
   * it, the lines above the first number going on with the row before, split over the page break).
   */
  private numbered(band: Line[], numbered: Line[]): void {
    const before = this.rows.at(-1);
    const own = numbered.map((n) => ({ y: n.y, row: this.newRow({ page: n.page, line: n.line }) }));
    const split = numbered.length === 1 && !this.topAligned ? this.subRowCut(band) : undefined;
    const sub = split ? this.cells.cols.map(() => "") : undefined;
    if (split && sub) {
      this.rows.push(sub);
      const first = band.find((l) => l.y < split.y)!;
      this.rowPos.push({ page: first.page, line: first.line });
    }
    for (const l of band) {
      if (split && sub && l.y < split.y) {
        // Below the cut, the split columns' cells are the sub-row's; the merged cells go on with the row.
        this.cells.cellsOf(l).forEach((t, c) => {
          const row = split.columns.has(c) ? sub : own[0]!.row;
          if (t) row[c] = row[c] ? `${row[c]}${/^[-+•]/.test(t) ? "\n" : " "}${t}` : t;
        });
      } else if (!this.topAligned) this.append(own.reduce((a, b) => (Math.abs(b.y - l.y) < Math.abs(a.y - l.y) ? b : a)).row, l);
      else this.append(own.findLast((o) => o.y >= l.y - 0.5)?.row ?? before ?? own[0]!.row, l);
    }
  }

  /**
   * A row whose later columns hold two results one under the other, a cell padding apart, while its number, task
   * and bodies are merged over both (NQ 97/NQ-CP row 26: "Bộ chỉ số được xây dựng …" by "2026", then "Bộ chỉ số
   * được tổ chức thi hành …" by "2027 - 2030"): two or more of those columns have a gap of more than a cell
   * padding at the same height, one of them (a short cell centred in each sub-row) of more than two lines and a
   * half, where a cell's own lines follow one another at its line spacing. Cut there.
   */
  private subRowCut(band: Line[]): { y: number; columns: Set<number> } | undefined {
    const pitch = this.pitch;
    const gaps: { c: number; top: number; bottom: number }[] = [];
    for (let c = 2; c < this.cells.cols.length; c++) {
      const ys = band.filter((l) => this.cells.cellsOf(l)[c]).map((l) => l.y);
      for (let k = 1; k < ys.length; k++) if (ys[k - 1]! - ys[k]! > pitch * 1.25) gaps.push({ c, top: ys[k - 1]!, bottom: ys[k]! });
    }
    for (const g of gaps) {
      const y = (g.top + g.bottom) / 2;
      const at = gaps.filter((h) => h.bottom < y && h.top > y);
      const columns = new Set(at.map((h) => h.c));
      if (columns.size < 2 || !at.some((h) => h.top - h.bottom >= pitch * 2.5)) continue;
      const top = Math.min(...at.map((h) => h.top));
      const bottom = Math.max(...at.map((h) => h.bottom));
      return { y: (top + bottom) / 2, columns };
    }
    return undefined;
  }

  /** The rows, "1. Nội dung…" read in the number's column split: the number alone stays there. */
  finish(): { rows: string[][]; rowPos: SourcePos[] } {
    for (const row of this.rows) {
      const m = /^(\S+)\s+(.+)$/su.exec(row[0]!);
      if (m && isRowNumber(m[1]!) && this.cells.cols.length > 1 && !row[1]) {
        row[0] = m[1]!;
        row[1] = m[2]!;
      }
    }
    return { rows: this.rows, rowPos: this.rowPos };
  }
}
