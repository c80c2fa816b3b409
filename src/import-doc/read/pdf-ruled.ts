// Ruled tables of a PDF page read from their drawn borders, as the "lattice"
// mode of pdfplumber and camelot does: the horizontal and vertical rules the
// page draws (stroked lines, rectangles, and the thin filled rectangles Word
// draws its borders with) make a grid; a cell whose border is missing is
// merged with its neighbour; each text item goes into the cell it sits in.
// A plan printed from Word (PHỤ LỤC: STT | Nhiệm vụ | Sản phẩm | Thời gian |
// Chủ trì | Phối hợp, cells centred vertically, text wrapped over many lines,
// rows split over pages) is then read as its .docx is, table rows and merged
// cells included, where reading positions of text alone cannot tell a wrapped
// line of one row from the next row.
//
// Written here rather than taken from npm: the one maintained JavaScript
// library that finds tables from rules on pdf.js (pdf-parse 2's getTable)
// bundles its own pdf.js, so the document would be opened and parsed twice,
// and it returns cell texts without the merged cells (rowspan/colspan) and the
// paragraph breaks inside a cell that the parser needs; pdf-table-extractor
// (2017) runs on a pdf.js five major versions old. The operator list of the
// page the reader already holds gives the rules directly.
import { startsBody } from "../parse/bodies.js";
import { cleanLine, type TableCell, wrapJoin } from "./types.js";

/** A horizontal (`at` = y, from/to = x) or vertical (`at` = x, from/to = y) rule, in page space. */
export interface Rule {
  at: number;
  from: number;
  to: number;
}

/** pdf.js's operator codes this file reads (OPS of the pdf.js build in use). */
export type Ops = Record<string, number>;

type Matrix = [number, number, number, number, number, number];

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** A filled rectangle at most this thick (points) is a rule: Word draws table borders so. */
const THIN = 2.5;
/** Positions closer than this (points) are one rule line / one grid line. */
const SNAP = 2;

/**
 * The page's rules, from its operator list (pdf.js 5: constructPath carries the painting operator, then the
 * path as [op, x, y, …] with DrawOPS moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4). The
 * current transformation (cm, q/Q, form XObjects) is applied: paths are given in user space. White is not
 * drawn (a page or a cell painted white).
 */
export function pageRules(fnArray: ArrayLike<number>, argsArray: readonly unknown[], OPS: Ops): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let fillWhite = false;
  let strokeWhite = false;
  const stack: { ctm: Matrix; fillWhite: boolean; strokeWhite: boolean }[] = [];
  const stroking = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filling = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const white = (c: unknown) => typeof c === "string" && /^#f[ef]f[ef]f[ef]$/i.test(c);
  const segment = (x0: number, y0: number, x1: number, y1: number) => {
    if (Math.abs(y0 - y1) <= 0.5 && Math.abs(x1 - x0) > 0.5) h.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    else if (Math.abs(x0 - x1) <= 0.5 && Math.abs(y1 - y0) > 0.5) v.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, fillWhite, strokeWhite });
    else if (fn === OPS.restore) ({ ctm, fillWhite, strokeWhite } = stack.pop() ?? { ctm, fillWhite, strokeWhite });
    else if (fn === OPS.transform && args) ctm = times(args as unknown as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push({ ctm, fillWhite, strokeWhite });
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = times(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, fillWhite, strokeWhite } = stack.pop() ?? { ctm, fillWhite, strokeWhite });
    else if (fn === OPS.setFillRGBColor && args) fillWhite = white(args[0]);
    else if (fn === OPS.setStrokeRGBColor && args) strokeWhite = white(args[0]);
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const strokes = stroking.has(paint) && !strokeWhite;
      const fills = filling.has(paint) && !fillWhite;
      if (!strokes && !fills) continue;
      for (const data of (args[1] as ArrayLike<number>[] | undefined) ?? []) {
        if (!data || typeof data.length !== "number") continue;
        // Subpaths as lists of points in page space.
        const paths: number[][] = [];
        let cur: number[] = [];
        const point = (x: number, y: number) => cur.push(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
        for (let k = 0; k < data.length; ) {
          const op = data[k]!;
          if (op === 0) {
            if (cur.length) paths.push(cur);
            cur = [];
            point(data[k + 1]!, data[k + 2]!);
            k += 3;
          } else if (op === 1) {
            point(data[k + 1]!, data[k + 2]!);
            k += 3;
          } else if (op === 2) {
            // A curve is no rule: end the subpath there.
            if (cur.length) paths.push(cur);
            cur = [];
            k += 7;
          } else if (op === 3) {
            if (cur.length) paths.push(cur);
            cur = [];
            k += 5;
          } else if (op === 4) {
            if (cur.length >= 4) cur.push(cur[0]!, cur[1]!);
            k += 1;
          } else break;
        }
        if (cur.length) paths.push(cur);
        for (const p of paths) {
          if (strokes) for (let k = 2; k < p.length; k += 2) segment(p[k - 2]!, p[k - 1]!, p[k]!, p[k + 1]!);
          if (fills) {
            const box = thinBox(p);
            if (box) {
              const [x0, y0, x1, y1] = box;
              if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) h.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
              else if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) v.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
            }
          }
        }
      }
    }
  }
  return { h, v };
}

/** The box of a subpath that is an upright rectangle (4 corners, closed or not), else undefined. */
function thinBox(p: number[]): [number, number, number, number] | undefined {
  const n = p.length / 2;
  if (n < 4 || n > 5) return undefined;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < p.length; k += 2) {
    xs.push(p[k]!);
    ys.push(p[k + 1]!);
  }
  for (let k = 1; k < n; k++) if (Math.abs(xs[k]! - xs[k - 1]!) > 0.5 && Math.abs(ys[k]! - ys[k - 1]!) > 0.5) return undefined;
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Rules on one line joined where they touch or overlap (a border drawn cell by cell is one rule). */
function joinRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: Rule[][] = [];
  for (const r of sorted) {
    const last = lines.at(-1);
    if (last && r.at - last[0]!.at <= SNAP) last.push(r);
    else lines.push([r]);
  }
  const out: Rule[] = [];
  for (const line of lines) {
    const at = line.reduce((s, r) => s + r.at, 0) / line.length;
    line.sort((a, b) => a.from - b.from);
    let cur: Rule | undefined;
    for (const r of line) {
      if (cur && r.from <= cur.to + SNAP) cur.to = Math.max(cur.to, r.to);
      else {
        cur = { at, from: r.from, to: r.to };
        out.push(cur);
      }
    }
  }
  return out.filter((r) => r.to - r.from >= 3);
}

/** Positions within SNAP of one another, as one (their mean), ascending. */
function snap(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const x of sorted) {
    const g = groups.at(-1);
    if (g && x - g.at(-1)! <= SNAP) g.push(x);
    else groups.push([x]);
  }
  return groups.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
}

/** A text item of the page: its start, end and baseline, its font size. */
export interface PageItem {
  x: number;
  end: number;
  y: number;
  size: number;
  text: string;
}

/** A ruled table found on a page: its box, and its rows with merged cells resolved as the .docx reader gives them. */
export interface RuledTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column boundaries, left to right. */
  xs: number[];
  rows: TableCell[][];
  /** For each row (same length), whether each cell is the top of its cell (false: a merged cell going on from the row above). */
  tops: boolean[][];
}

class Sets {
  private readonly up: number[];
  constructor(n: number) {
    this.up = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.up[i] !== i) i = this.up[i] = this.up[this.up[i]!]!;
    return i;
  }
  join(i: number, j: number): void {
    this.up[this.find(i)] = this.find(j);
  }
}

const touches = (hr: Rule, vr: Rule) => vr.at >= hr.from - SNAP && vr.at <= hr.to + SNAP && hr.at >= vr.from - SNAP && hr.at <= vr.to + SNAP;

/**
 * The ruled tables of a page, top to bottom, and the text items that are in none of them. A table is a set of
 * rules that cross one another with at least two columns (three vertical lines): an underline, a frame round a
 * paragraph, a lone rule are not tables.
 */
export function ruledTables(rules: { h: Rule[]; v: Rule[] }, items: PageItem[]): { tables: RuledTable[]; rest: PageItem[] } {
  if (rules.h.length < 2 || rules.v.length < 3) return { tables: [], rest: items };
  const h = joinRules(rules.h);
  const v = joinRules(rules.v);
  const sets = new Sets(h.length + v.length);
  for (let i = 0; i < h.length; i++) for (let j = 0; j < v.length; j++) if (touches(h[i]!, v[j]!)) sets.join(i, h.length + j);
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  h.forEach((r, i) => {
    const g = groups.get(sets.find(i)) ?? { h: [], v: [] };
    g.h.push(r);
    groups.set(sets.find(i), g);
  });
  v.forEach((r, j) => {
    const g = groups.get(sets.find(h.length + j)) ?? { h: [], v: [] };
    g.v.push(r);
    groups.set(sets.find(h.length + j), g);
  });
  const tables: RuledTable[] = [];
  let rest = items;
  for (const g of groups.values()) {
    const xs = snap(g.v.map((r) => r.at));
    const ys = snap(g.h.map((r) => r.at)).reverse();
    if (xs.length < 3 || ys.length < 2) continue;
    const inside: PageItem[] = [];
    const outside: PageItem[] = [];
    for (const it of rest) {
      const cx = (it.x + it.end) / 2;
      const cy = it.y + it.size * 0.3;
      (cx > xs[0]! && cx < xs.at(-1)! && cy < ys[0]! && cy > ys.at(-1)! ? inside : outside).push(it);
    }
    // Rules with no text inside (a frame drawn round text set at a turn, a box left empty) are no table.
    if (inside.length === 0) continue;
    rest = outside;
    tables.push(grid(xs, ys, g.h, g.v, inside));
  }
  tables.sort((a, b) => b.top - a.top);
  return { tables, rest };
}

/** The grid's cells, merged where a border is missing, with their text. */
function grid(xs: number[], ys: number[], h: Rule[], v: Rule[], items: PageItem[]): RuledTable {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const covered = (rules: Rule[], at: number, mid: number) => rules.some((r) => Math.abs(r.at - at) <= SNAP && r.from - SNAP <= mid && r.to + SNAP >= mid);
  const sets = new Sets(nr * nc);
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && !covered(v, xs[c + 1]!, (ys[r]! + ys[r + 1]!) / 2)) sets.join(r * nc + c + 1, r * nc + c);
      if (r + 1 < nr && !covered(h, ys[r + 1]!, (xs[c]! + xs[c + 1]!) / 2)) sets.join((r + 1) * nc + c, r * nc + c);
    }
  // Each merged cell: its box in grid lines, and its items.
  const boxes = new Map<number, { r0: number; c0: number; r1: number; c1: number; items: PageItem[] }>();
  for (let r = 0; r < nr; r++)
    for (let c = 0; c < nc; c++) {
      const k = sets.find(r * nc + c);
      const b = boxes.get(k);
      if (b) {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
      } else boxes.set(k, { r0: r, c0: c, r1: r, c1: c, items: [] });
    }
  for (const it of items) {
    const cx = (it.x + it.end) / 2;
    const cy = it.y + it.size * 0.3;
    let c = 0;
    while (c < nc - 1 && cx >= xs[c + 1]!) c++;
    let r = 0;
    while (r < nr - 1 && cy <= ys[r + 1]!) r++;
    boxes.get(sets.find(r * nc + c))!.items.push(it);
  }
  const pad = cellPadding(xs, boxes.values());
  const rows: TableCell[][] = Array.from({ length: nr }, () => Array.from({ length: nc }, () => ({ text: "", spanned: false })));
  const tops: boolean[][] = Array.from({ length: nr }, () => Array.from({ length: nc }, () => true));
  for (const b of boxes.values()) {
    const text = cellText(b.items, xs[b.c1 + 1]! - xs[b.c0]! - 2 * pad);
    for (let r = b.r0; r <= b.r1; r++)
      for (let c = b.c0; c <= b.c1; c++) {
        rows[r]![c] = { text, spanned: r > b.r0 || c > b.c0 };
        tops[r]![c] = r === b.r0;
      }
  }
  return { top: ys[0]!, bottom: ys.at(-1)!, left: xs[0]!, right: xs.at(-1)!, xs, rows, tops };
}

/** The space between a cell's border and its text: the least gap between a cell's left border and its text (cells left-aligned). */
function cellPadding(xs: number[], boxes: Iterable<{ c0: number; items: PageItem[] }>): number {
  let pad = Number.POSITIVE_INFINITY;
  for (const b of boxes) for (const it of b.items) pad = Math.min(pad, it.x - xs[b.c0]!);
  return Number.isFinite(pad) ? Math.max(0, Math.min(pad, 10)) : 5;
}

/**
 * A cell's text: its items in lines (baselines within half a font size), the lines joined as one paragraph
 * where the layout wrapped them, with a line break where the next line's first word would still have fitted
 * on the line before and it opens as a paragraph does (the cell's text goes on in a new paragraph: "Sở Nội vụ" /
 * "Sở Tài chính", one body a paragraph), or where it opens with a bullet.
 */
export function cellText(items: PageItem[], width: number): string {
  if (items.length === 0) return "";
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PageItem[] }[] = [];
  for (const it of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - it.y) <= Math.max(1.5, it.size * 0.5)) last.items.push(it);
    else lines.push({ y: it.y, size: it.size, items: [it] });
  }
  const texts = lines.map((l) => {
    l.items.sort((a, b) => a.x - b.x);
    let text = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const it of l.items) {
      text += text && it.x - end > l.size * 0.15 && !text.endsWith(" ") && !it.text.startsWith(" ") ? ` ${it.text}` : it.text;
      end = Math.max(end, it.end);
    }
    return { text: cleanLine(text), x: l.items[0]!.x, end: Math.max(...l.items.map((it) => it.x + textWidth(it, it.text.trimEnd().length))), first: l.items[0]! };
  });
  let out = "";
  texts.forEach((t, i) => {
    if (!t.text) return;
    if (!out) {
      out = t.text;
      return;
    }
    const before = texts[i - 1]!;
    const word = t.text.split(" ")[0]!;
    const wordWidth = textWidth(t.first, word.length);
    const fitted = before.end - before.x + t.first.size * 0.25 + wordWidth < width - 1;
    // A line set short on purpose inside one name ("Các bộ," / "cơ quan ngang bộ", centred) goes on: a new
    // paragraph opens with a capital, a body's name or after a full stop.
    const opens = /^\p{Lu}/u.test(t.text) && (startsBody(t.text) || /[.;:!?]$/.test(before.text));
    out = /^[-+•]/.test(t.text) || (fitted && opens) ? `${out}\n${t.text}` : wrapJoin(out, t.text);
  });
  return out;
}

/** The width of the first `chars` characters of an item (its width shared evenly among its characters). */
function textWidth(it: PageItem, chars: number): number {
  return ((it.end - it.x) * chars) / Math.max(1, it.text.length);
}

/**
 * Rules turned as text set at `turn` is turned back to be read (pdf.ts turnBack: a table set on its side is read
 * in its own frame, its rules with it): at a quarter turn, horizontal rules become vertical and the other way.
 */
export function turnRules(rules: { h: Rule[]; v: Rule[] }, turn: number, back: (x: number, y: number) => [number, number]): { h: Rule[]; v: Rule[] } {
  if (turn === 0) return rules;
  const out: { h: Rule[]; v: Rule[] } = { h: [], v: [] };
  const put = (x0: number, y0: number, x1: number, y1: number) => {
    const [a, b] = back(x0, y0);
    const [c, d] = back(x1, y1);
    if (Math.abs(b - d) < Math.abs(a - c)) out.h.push({ at: (b + d) / 2, from: Math.min(a, c), to: Math.max(a, c) });
    else out.v.push({ at: (a + c) / 2, from: Math.min(b, d), to: Math.max(b, d) });
  };
  for (const r of rules.h) put(r.from, r.at, r.to, r.at);
  for (const r of rules.v) put(r.at, r.from, r.at, r.to);
  return out;
}
