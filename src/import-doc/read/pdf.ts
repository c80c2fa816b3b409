// PDF with a text layer. unpdf rather than pdfjs-dist directly: it ships
// pdf.js built for server runtimes (no worker file, no canvas, ESM, typed),
// so reading text in Node needs no setup, while still giving pdf.js's text
// items with their positions, which we need to keep page and line numbers
// and to rebuild tables from the columns the items sit in.
import { getDocumentProxy } from "unpdf";
import { AppError } from "../../errors.js";
import { fold } from "../../domain/text.js";
import { cleanLine, type Block, type SourcePos, type TableCell } from "./types.js";

interface Segment {
  x: number;
  end: number;
  text: string;
  /** The text items it was joined from, to split it again at a table's column starts. */
  items: { x: number; end: number; text: string }[];
}
interface Line {
  page: number;
  line: number;
  y: number;
  segments: Segment[];
}

/** Gap (in units of the font size) between two text items that separates table columns. */
const COLUMN_GAP = 0.8;

export async function readPdf(bytes: Uint8Array, file: string): Promise<{ blocks: Block[]; pages: number }> {
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
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items = (content.items as { str?: string; transform?: number[]; width?: number; height?: number }[])
        .filter((it) => typeof it.str === "string" && it.transform && it.str.trim() !== "")
        .map((it) => {
          const [a, b, , , x, y] = it.transform!;
          const size = Math.hypot(a!, b!) || it.height || 10;
          return { x: x!, y: y!, end: x! + (it.width ?? 0), size, text: it.str! };
        });
      // Lines: items whose baselines are within half a font size, top to bottom.
      items.sort((i, j) => j.y - i.y || i.x - j.x);
      const pageLines: { y: number; size: number; items: typeof items }[] = [];
      for (const it of items) {
        const last = pageLines.at(-1);
        if (last && Math.abs(last.y - it.y) <= Math.max(2, it.size * 0.5)) last.items.push(it);
        else pageLines.push({ y: it.y, size: it.size, items: [it] });
      }
      // A page number alone at the top or the bottom of a page ("2", "- 2 -") is not text of the plan: it
      // would break a paragraph that runs on from the page before.
      const folio = (pl: (typeof pageLines)[number] | undefined) => !!pl && pl.items.length <= 3 && /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(pl.items.map((x) => x.text).join("").trim());
      if (folio(pageLines[0])) pageLines.shift();
      if (pageLines.length > 1 && folio(pageLines.at(-1))) pageLines.pop();
      pageLines.forEach((pl, i) => {
        pl.items.sort((a, b) => a.x - b.x);
        const segments: Segment[] = [];
        for (const it of pl.items) {
          const prev = segments.at(-1);
          const item = { x: it.x, end: it.end, text: it.text };
          if (prev && it.x - prev.end < pl.size * COLUMN_GAP) {
            prev.text += it.x - prev.end > pl.size * 0.15 && !prev.text.endsWith(" ") && !it.text.startsWith(" ") ? ` ${it.text}` : it.text;
            prev.end = Math.max(prev.end, it.end);
            prev.items.push(item);
          } else segments.push({ x: it.x, end: it.end, text: it.text, items: [item] });
        }
        for (const s of segments) s.text = cleanLine(s.text);
        chars += segments.reduce((n, s) => n + s.text.length, 0);
        lines.push({ page: p, line: i + 1, y: pl.y, segments: segments.filter((s) => s.text) });
      });
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("DOC_CORRUPT", { file, format: "PDF", reason: (e as { name?: string }).name ?? "lỗi đọc trang / page read error" });
  } finally {
    await (pdf as unknown as { cleanup(): Promise<void> }).cleanup?.();
  }
  const pages = pdf.numPages;
  // A scan has (almost) no text: fewer than 20 characters a page.
  if (chars < Math.max(40, pages * 20)) throw new AppError("DOC_NO_TEXT", { file });
  return { blocks: linesToBlocks(lines), pages };
}

/**
 * The header of page 1 is laid out in two columns (issuing body | Quốc hiệu and Tiêu ngữ; number | place and
 * date), which the text layer gives as lines of two segments. Read column by column, as the eye does, so the
 * issuing body's lines ("ỦY BAN NHÂN DÂN" / "TỈNH ĐÔNG GIANG") stay together.
 */
function headerColumns(lines: Line[]): Line[] {
  let end = 0;
  while (end < lines.length && lines[end]!.page === 1 && lines[end]!.segments.length === 2 && !/^(KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH)\b/u.test(lines[end]!.segments[0]!.text)) end++;
  if (end === 0) return lines;
  const zone = lines.slice(0, end);
  const column = (i: number): Line[] => zone.map((l) => ({ ...l, segments: [l.segments[i]!] }));
  return [...column(0), ...column(1), ...lines.slice(end)];
}

/** How a new paragraph or list item starts: a bullet, a number, a letter item, "Điều n". */
const LIST_START = /^(?:[-+•*–]|\d{1,2}(?:\.\d{1,2})*\s*[.)/]|[IVXL]{1,6}\s*[.)]|[a-zđ]\)|Điều\s+\d|PHẦN\s|Phần\s)/u;

const isRowNumber = (s: string) => /^(\d{1,3}(\.\d{1,3})*\.?|[IVXL]{1,5}\.?|[A-HĐ]\.?|[a-hđ]\))$/.test(s);

/**
 * Lines into paragraphs and tables. A table starts at a line with three or
 * more columns one of which says "chủ trì" (the header of an assignment
 * table) and goes on, across pages, while lines sit in its columns; a line
 * whose first column holds a row number starts a new row, any other line
 * continues the cells of the row above (cells wrap over several lines).
 */
export function linesToBlocks(input: Line[]): Block[] {
  const blocks: Block[] = [];
  const lines = headerColumns(input);
  // The text block's edges on each page: where a full (justified) line ends and where lines start.
  const edges = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.segments.length !== 1) continue;
    const e = edges.get(l.page) ?? { left: Number.POSITIVE_INFINITY, right: 0 };
    e.left = Math.min(e.left, l.segments[0]!.x);
    e.right = Math.max(e.right, l.segments[0]!.end);
    edges.set(l.page, e);
  }
  /** The paragraph last pushed, while its last line runs to the right edge (so the layout wrapped it). */
  let wrapped: { kind: "para"; text: string } | undefined;
  let table: { cols: number[]; rows: string[][]; rowPos: SourcePos[]; pos: SourcePos } | undefined;
  let tables = 0;
  const closeTable = () => {
    if (table && table.rows.length > 1) {
      blocks.push({
        kind: "table",
        rows: table.rows.map((r) => r.map((text): TableCell => ({ text: text.trim(), spanned: false }))),
        rowPos: table.rowPos,
        pos: table.pos,
      });
    }
    table = undefined;
  };
  const colOf = (cols: number[], x: number) => {
    let c = 0;
    for (let i = 0; i < cols.length; i++) if (x >= cols[i]! - 6) c = i;
    return c;
  };
  /** A line's segments cut again wherever one of its items starts a new column of the table. */
  const byColumn = (cols: number[], segs: Segment[]): Segment[] => {
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
  };
  for (const line of lines) {
    const l = table ? { ...line, segments: byColumn(table.cols, line.segments) } : line;
    const pos = { page: l.page, line: l.line };
    if (!table && l.segments.length >= 3 && l.segments.some((s) => fold(s.text).includes("chu tri"))) {
      tables++;
      table = { cols: l.segments.map((s) => s.x), rows: [l.segments.map((s) => s.text)], rowPos: [pos], pos: { ...pos, table: tables } };
      continue;
    }
    if (table) {
      const first = l.segments[0]!;
      const c0 = colOf(table.cols, first.x);
      const repeatedHeader = l.segments.length >= 3 && l.segments.some((s) => fold(s.text).includes("chu tri"));
      if (repeatedHeader) continue; // the header repeated at the top of a new page
      const leftOfTable = first.x < table.cols[0]! - 12;
      const prose = c0 === 0 && l.segments.length === 1 && first.end > table.cols[Math.min(2, table.cols.length - 1)]! + 40 && !isRowNumber(first.text.split(" ")[0]!);
      // The STT column never wraps: text there that is not a row number is past the table ("Nơi nhận:").
      const pastTable = c0 === 0 && l.segments.every((sg) => colOf(table!.cols, sg.x) === 0) && !isRowNumber(first.text) && !isRowNumber(first.text.split(" ")[0]!);
      if (leftOfTable || prose || pastTable) closeTable();
      else {
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
        continue;
      }
    }
    const text = cleanLine(l.segments.map((s) => s.text).join(" "));
    if (!text) continue;
    const edge = edges.get(l.page);
    const only = l.segments.length === 1 ? l.segments[0]! : undefined;
    const startsAtLeft = !!only && !!edge && only.x <= edge.left + 4;
    // A line the layout wrapped goes on at the left edge without a list marker; after a full line ending in
    // punctuation, only a lower-case start continues it ("…Bảo hiểm xã hội tỉnh;" / "các cơ sở …").
    if (wrapped && startsAtLeft && !LIST_START.test(text) && (!/[.;:!?]$/.test(wrapped.text) || /^[a-zà-ỹđ]/u.test(text))) {
      wrapped.text = `${wrapped.text} ${text}`;
    } else {
      const block = { kind: "para" as const, text, pos };
      blocks.push(block);
      wrapped = block;
    }
    if (!(only && edge && only.end >= edge.right - 24)) wrapped = undefined;
  }
  closeTable();
  return blocks;
}
