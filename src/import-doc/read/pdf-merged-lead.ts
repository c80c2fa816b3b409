// A centred table whose lead cell is merged down over all the rows of its
// body (NQ 175/NQ-CP's "STT | Đơn vị | Nhiệm vụ chủ trì | …"): the number and
// the lead stand once, centred in the part of the merged cell on the page
// where it starts, while the rows under it have no number of their own. The
// rows are then cut where the task column's own cells are (a gap wider than
// a cell's line spacing between two of its lines), not where a number is, and
// a body takes the rows its number is centred on.
import type { SourcePos } from "./types.js";
import type { CentredCells, Line } from "./pdf.js";

/** A task row: its pieces of text (a line's text in one column) and the height its lines take. */
interface TaskRow {
  page: number;
  pos: SourcePos;
  top: number;
  bottom: number;
  pieces: { c: number; text: string; y: number }[][];
}

interface Body {
  page: number;
  y: number;
  number: string;
  lead: string[];
  pos: SourcePos;
}

/**
 * The task column when it is the third, after the number's and a lead's that holds a few lines per body: the
 * column most lines have text in, with at least twice the lead's lines (-1 for any other table).
 */
function taskColumn(cells: CentredCells, lines: Line[]): number {
  const counts = cells.cols.map(() => 0);
  for (const l of lines) cells.cellsOf(l).forEach((t, c) => void (t && counts[c]!++));
  const t = counts.indexOf(Math.max(...counts.slice(1)), 1);
  return t === 2 && counts[1]! * 2 <= counts[2]! ? t : -1;
}

/**
 * The table's rows when its lead cells are merged down over rows without a number (undefined for any other
 * table): the task column comes after the number's and the lead's, every number is a plain one, there are more
 * task rows than numbers, and each page's numbers can be centred on rows of their own.
 */
export function mergedLeadRows(cells: CentredCells, lines: Line[], pitch: number): { rows: string[][]; rowPos: SourcePos[] } | undefined {
  const t = taskColumn(cells, lines);
  if (t < 0 || lines.some((l) => cells.numberOf(l) && !/^\d{1,3}\.?$/.test(cells.numberOf(l)!))) return undefined;
  const lead = t - 1;
  const rows = taskRows(cells, lines, pitch, t, lead);
  const bodies = lines
    .filter((l) => cells.numberOf(l))
    .map((l): Body => ({ page: l.page, y: cells.yOf(l, 0), number: cells.numberOf(l)!, lead: [], pos: { page: l.page, line: l.line } }));
  if (bodies.length === 0 || rows.length <= bodies.length) return undefined;
  for (const l of lines) {
    const text = cells.cellsOf(l)[lead];
    if (!text) continue;
    const y = cells.yOf(l, lead);
    const near = bodies.filter((b) => b.page === l.page).sort((a, b) => Math.abs(a.y - y) - Math.abs(b.y - y))[0];
    (near ?? bodies.findLast((b) => b.page < l.page) ?? bodies[0]!).lead.push(text);
  }
  const starts = bodyStarts(rows, bodies);
  if (!starts) return undefined;
  const out: { rows: string[][]; rowPos: SourcePos[] } = { rows: [], rowPos: [] };
  rows.forEach((r, i) => {
    const row = cells.cols.map(() => "");
    for (const line of r.pieces) for (const p of line) row[p.c] = row[p.c] ? `${row[p.c]}${/^[-+•]/.test(p.text) ? "\n" : " "}${p.text}` : p.text;
    const body = starts.get(i);
    if (body) {
      row[0] = body.number.replace(/\.$/, "");
      row[lead] = body.lead.join(" ");
    }
    out.rows.push(row);
    out.rowPos.push(r.pos);
  });
  return out;
}

/**
 * Each page's lines cut into task rows where the task column's lines are further apart than a cell's line
 * spacing; every other column's text goes to the row whose lines it sits among (nearest). A page's first row
 * with text in the task column only goes on with the row before (a row split over the page break).
 */
function taskRows(cells: CentredCells, lines: Line[], pitch: number, t: number, lead: number): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const page of new Set(lines.map((l) => l.page))) {
    const onPage = lines.filter((l) => l.page === page);
    const own: TaskRow[] = [];
    for (const l of onPage) {
      if (!cells.cellsOf(l)[t]) continue;
      const y = cells.yOf(l, t);
      const last = own.at(-1);
      if (last && last.bottom - y <= pitch * 1.1) last.bottom = y;
      else own.push({ page, pos: { page, line: l.line }, top: y, bottom: y, pieces: [] });
    }
    if (own.length === 0) continue;
    for (const l of onPage) {
      const line = new Map<TaskRow, TaskRow["pieces"][number]>();
      cells.cellsOf(l).forEach((text, c) => {
        if (!text || c === 0 || c === lead) return;
        const y = cells.yOf(l, c);
        const dist = (r: TaskRow) => (y > r.top ? y - r.top : y < r.bottom ? r.bottom - y : 0);
        const row = own.reduce((a, b) => (dist(b) < dist(a) ? b : a));
        line.set(row, [...(line.get(row) ?? []), { c, text, y }]);
      });
      for (const [row, pieces] of line) row.pieces.push(pieces);
    }
    // The row is as high as its highest cell (a short cell centred in it, or a longer one than the task's).
    for (const r of own) {
      r.top = Math.max(r.top, ...r.pieces.flat().map((p) => p.y));
      r.bottom = Math.min(r.bottom, ...r.pieces.flat().map((p) => p.y));
    }
    const first = own[0]!;
    const prev = rows.at(-1);
    if (prev && first.pieces.every((ps) => ps.every((p) => p.c === t))) {
      prev.pieces.push(...first.pieces);
      own.shift();
    }
    rows.push(...own);
  }
  return rows;
}

/**
 * Which row each body starts at. On each page, from the bottom: the last body's cell runs down to the page's
 * last row, and its number stands half-way down it, so it starts at the row that centres it; the body above
 * ends just above, and so on. The rows above a page's first body go on with the body before (its cell carried
 * over the page break).
 */
function bodyStarts(rows: TaskRow[], bodies: Body[]): Map<number, Body> | undefined {
  const starts = new Map<number, Body>();
  for (const page of new Set(bodies.map((b) => b.page))) {
    const idx = rows.flatMap((r, i) => (r.page === page ? [i] : []));
    const onPage = bodies.filter((b) => b.page === page).sort((a, b) => b.y - a.y);
    if (idx.length < onPage.length) return undefined;
    let end = idx.length - 1;
    for (let k = onPage.length - 1; k >= 0; k--) {
      const b = onPage[k]!;
      let best: [number, number] | undefined;
      for (let a = k; a <= end; a++) {
        const err = Math.abs((rows[idx[a]!]!.top + rows[idx[end]!]!.bottom) / 2 - b.y);
        if (!best || err < best[1]) best = [a, err];
      }
      if (!best) return undefined;
      starts.set(idx[best[0]]!, b);
      end = best[0] - 1;
    }
  }
  return starts;
}
