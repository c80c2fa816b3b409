// HTML into blocks. Used for .html files and for .docx (mammoth turns Word
// into HTML, keeping tables with their merged cells as rowspan/colspan).
// htmlparser2 is a well-kept, forgiving parser (legal-library pages are far
// from valid HTML); the walk over its tree is ours because what counts as a
// paragraph or a table row here is specific to these documents.
import { parseDocument } from "htmlparser2";
import type { ChildNode, Element } from "domhandler";
import { formatNumber } from "./docx-numbering.js";
import { cleanLine, type Block, type TableCell } from "./types.js";

const BLOCK = new Set([
  "p",
  "div",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "ul",
  "ol",
  "pre",
  "center",
  "dd",
  "dt",
  "dl",
  "body",
  "html",
  "form",
  "aside",
  "nav",
  "figure",
  "figcaption",
  "address",
]);
const SKIP = new Set(["script", "style", "head", "noscript", "template", "svg", "button", "select", "iframe"]);

export interface HtmlOptions {
  /**
   * Write each <li>'s label ("I.", "1.", "a)", "-") before its text, as a browser shows it. A page saved from a
   * word processor keeps a plan's automatic numbering only as <ol type="I"> / <ol type="a"> lists, and the task
   * tree is read from those labels. Off for .docx, whose labels are written into the text before mammoth runs.
   */
  listLabels?: boolean;
}

export function htmlToBlocks(html: string, options: HtmlOptions = {}): Block[] {
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  const lists: ListState[] = [];
  let tables = 0;
  let line = 0;
  let buf = "";
  // An <li>'s label, until the first text inside it (often in a <p> of its own) takes it.
  let label = "";
  const flush = () => {
    for (const part of buf.split("\n")) {
      const text = cleanLine(part);
      if (!text) continue;
      blocks.push({ kind: "para", text: label ? `${label} ${text}` : text, pos: { line: ++line } });
      label = "";
    }
    buf = "";
  };
  const walk = (nodes: ChildNode[], pre = false) => {
    for (const n of nodes) {
      if (n.type === "text") buf += pre ? n.data : collapse(n.data);
      else if (n.type === "tag" || n.type === "script" || n.type === "style") {
        const el = n as Element;
        const name = el.name.toLowerCase();
        if (SKIP.has(name)) continue;
        if (name === "br") buf += "\n";
        else if (name === "table") {
          flush();
          const table = readTable(el);
          if (table.length) {
            const t = ++tables;
            blocks.push({ kind: "table", rows: table, rowPos: table.map((_, i) => ({ table: t, row: i + 1 })), pos: { table: t } });
          }
        } else if (BLOCK.has(name) || name === "tr") {
          flush();
          const list = options.listLabels !== false && (name === "ol" || name === "ul");
          if (list) lists.push(listState(el, lists));
          if (options.listLabels !== false && name === "li" && lists.length) label = itemLabel(lists.at(-1)!, el);
          walk(el.children, pre || name === "pre");
          if (list) lists.pop();
          flush();
          if (name === "li") label = "";
        } else walk(el.children, pre);
      }
    }
  };
  walk(doc.children);
  flush();
  return blocks;
}

interface ListState {
  ordered: boolean;
  /** <ol type>: "1", "a", "A", "i", "I"; for <ul>, its depth among the enclosing bullet lists. */
  type: string;
  next: number;
}

function listState(el: Element, open: ListState[]): ListState {
  if (el.name.toLowerCase() === "ul") return { ordered: false, type: String(open.filter((l) => !l.ordered).length), next: 1 };
  const start = Number.parseInt(el.attribs.start ?? "1", 10);
  return { ordered: true, type: el.attribs.type ?? "1", next: Number.isFinite(start) ? start : 1 };
}

/** The label an item of the list shows: "I.", "2.", "a)", "-" (a bullet list inside another, "+"), as plans write them. */
function itemLabel(list: ListState, li: Element): string {
  if (!list.ordered) return list.type === "0" ? "-" : "+";
  const value = Number.parseInt(li.attribs.value ?? "", 10);
  const n = Number.isFinite(value) && value > 0 ? value : list.next;
  list.next = n + 1;
  if (list.type === "a" || list.type === "A") {
    const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return list.type === "a" ? `${letter})` : `${letter.toUpperCase()}.`;
  }
  if (list.type === "i" || list.type === "I") return `${formatNumber(n, list.type === "I" ? "upperRoman" : "lowerRoman")}.`;
  return `${n}.`;
}

/**
 * A text node's whitespace as a browser shows it: runs of spaces, tabs and newlines are one space. Pages and
 * word processors wrap their source lines anywhere (LibreOffice's "Save as HTML" at about 60 characters); only
 * <br> and block elements end a line.
 */
const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, " ");

/** Text of a cell: its paragraphs joined by "\n" (a cell listing bodies one per line keeps them apart). */
function cellText(el: Element): string {
  let out = "";
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === "text") out += collapse(n.data);
      else if (n.type === "tag") {
        const name = n.name.toLowerCase();
        if (SKIP.has(name)) continue;
        if (name === "br") out += "\n";
        else if (BLOCK.has(name) || name === "tr" || name === "table") {
          out += "\n";
          walk(n.children);
          out += "\n";
        } else if (name === "td" || name === "th") {
          walk(n.children);
          out += "\n";
        } else walk(n.children);
      }
    }
  };
  walk(el.children);
  return out.split("\n").map(cleanLine).filter(Boolean).join("\n");
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type !== "tag") continue;
      const name = n.name.toLowerCase();
      if (name === "tr") rows.push(n);
      else if (name === "thead" || name === "tbody" || name === "tfoot") walk(n.children);
    }
  };
  walk(table.children);
  return rows;
}

/** Resolves rowspan/colspan into a rectangular grid. */
export function readTable(table: Element): TableCell[][] {
  const grid: (TableCell | undefined)[][] = [];
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const n of tr.children) {
      if (n.type !== "tag" || (n.name !== "td" && n.name !== "th")) continue;
      while (grid[r]![c]) c++;
      const rs = clampSpan(n.attribs.rowspan);
      const cs = clampSpan(n.attribs.colspan);
      const text = cellText(n);
      for (let i = 0; i < rs; i++)
        for (let j = 0; j < cs; j++) {
          grid[r + i] ??= [];
          grid[r + i]![c + j] = { text, spanned: i > 0 || j > 0 };
        }
      c += cs;
    }
  });
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  return grid.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? { text: "", spanned: false })).filter((row) => row.some((cell) => cell.text !== ""));
}

function clampSpan(v: string | undefined): number {
  const n = Number.parseInt(v ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
}
