// The one structure every reader produces: the document as a sequence of
// paragraphs and tables, each with where it came from, so the parser never
// knows (or cares) whether it read a .docx, a PDF or a web page.
import { AppError } from "../../errors.js";

/** Where a block came from: page and line for PDFs and text, table and row for tables. */
export interface SourcePos {
  /** 1-based page (PDF only). */
  page?: number;
  /** 1-based line within the page (PDF) or the file (text). */
  line?: number;
  /** 1-based table number in the document. */
  table?: number;
  /** 1-based row within the table. */
  row?: number;
}

export interface Paragraph {
  kind: "para";
  text: string;
  pos: SourcePos;
}

/**
 * A table with merged cells resolved: every row has the same number of
 * cells; a cell covered by a rowspan/colspan repeats the text of the cell
 * that spans it and is marked `spanned` (so a lead unit merged over three
 * rows counts for all three, and nothing is read twice by accident).
 */
export interface Table {
  kind: "table";
  rows: TableCell[][];
  /** Source position of each row (same length as rows). */
  rowPos: SourcePos[];
  pos: SourcePos;
}

export interface TableCell {
  text: string;
  spanned: boolean;
}

export type Block = Paragraph | Table;

export interface SourceDoc {
  format: "docx" | "pdf" | "txt" | "md" | "html";
  blocks: Block[];
  /** Pages (PDF), else undefined. */
  pages?: number;
}

/** Normalises a line of text as every reader hands it on: NFC, single spaces, no NBSP or zero-width marks. */
/**
 * A line the layout wrapped, joined to the text before it: with a space, except after a hyphen that ends a
 * word or number ("Nghị định số 52/2015/NĐ-" / "CP", "Năm 2026-" / "2030"), where the word goes on unbroken,
 * as the document's own text (a .docx's) has it. A spaced dash ("Quý IV/2025 -") keeps its space.
 */
export function wrapJoin(before: string, next: string): string {
  return /[\p{L}\p{N}]-$/u.test(before) && /^[\p{L}\p{N}]/u.test(next) ? `${before}${next}` : `${before} ${next}`;
}

export function cleanLine(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/**
 * The text a document may hold once read (any format): about 1,500 pages.
 * Checked before parsing, so a small .docx that unpacks into a huge text is
 * refused before the parser holds a task per line.
 */
export const MAX_DOC_CHARS = 3_000_000;

/**
 * The refusal of a document over MAX_DOC_CHARS. A reader that counts as it
 * goes stops at the limit (`stoppedAt`): the message then says "more than".
 */
export function tooMuchText(file: string, chars: number, stoppedAt = false, max = MAX_DOC_CHARS): AppError {
  return new AppError("DOC_TOO_MUCH_TEXT", { file, chars: (stoppedAt ? max : chars).toLocaleString("vi-VN"), max: max.toLocaleString("vi-VN"), atLeast: stoppedAt ? "1" : "" });
}
