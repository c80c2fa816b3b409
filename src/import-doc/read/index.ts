// Reads a document file of any supported format into the one block
// structure. The size is checked before a byte is read, so a 50 MB file
// costs a stat call, not 50 MB of memory.
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { AppError } from "../../errors.js";
import { readDocx } from "./docx.js";
import { htmlToBlocks } from "./html.js";
import { readPdf } from "./pdf.js";
import { decodeHtml, decodeText, textToBlocks } from "./text.js";
import { MAX_DOC_CHARS, tooMuchText, type SourceDoc } from "./types.js";

export const MAX_DOC_BYTES = 50 * 1024 * 1024;

/**
 * Text formats carry nothing but text: a 100-page plan is about 0.3 MB as
 * .txt or .html. 5 MB is over ten times the longest plan in the corpus and
 * bounds what reading and parsing one costs (about 240 MB peak RSS, against
 * 940 MB for a 49 MB .txt: BENCHMARKS.md). .docx and .pdf keep 50 MB, which
 * pictures and scans inside them account for.
 */
export const MAX_TEXT_DOC_BYTES = 5 * 1024 * 1024;

/** The size limit of a format, checked before a byte of the file is read. */
export function maxBytesOf(format: DocFormat | undefined): number {
  return format === "txt" || format === "md" || format === "html" ? MAX_TEXT_DOC_BYTES : MAX_DOC_BYTES;
}

export { MAX_DOC_CHARS };

export type DocFormat = SourceDoc["format"];

export function formatOf(file: string): DocFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ({ ".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html" } as const)[ext as ".docx"];
}

export async function readDocument(file: string, limit?: number): Promise<SourceDoc> {
  const format = formatOf(file);
  if (!format) throw new AppError("DOC_UNSUPPORTED", { file, format: extname(file) || "(không có đuôi tệp / no extension)" });
  const maxBytes = limit ?? maxBytesOf(format);
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new AppError("FILE_NOT_FOUND", { file });
  }
  if (size > maxBytes) throw new AppError("DOC_TOO_LARGE", { file, size: (size / 1048576).toFixed(1), max: Math.round(maxBytes / 1048576) });
  const bytes = await readFile(file);
  return readBytes(bytes, file, format);
}

export async function readBytes(bytes: Buffer, file: string, format: DocFormat): Promise<SourceDoc> {
  const doc = await readFormat(bytes, file, format);
  const chars = doc.blocks.reduce(
    (n, b) => n + (b.kind === "para" ? b.text.length : b.rows.reduce((k, r) => k + r.reduce((m, c) => m + (c.spanned ? 0 : c.text.length), 0), 0)),
    0,
  );
  if (chars > MAX_DOC_CHARS) throw tooMuchText(file, chars);
  return doc;
}

async function readFormat(bytes: Buffer, file: string, format: DocFormat): Promise<SourceDoc> {
  switch (format) {
    case "docx":
      return { format, blocks: await readDocx(bytes, file) };
    case "pdf": {
      const { blocks, pages } = await readPdf(new Uint8Array(bytes), file);
      return { format, blocks, pages };
    }
    case "html":
      return { format, blocks: htmlToBlocks(decodeHtml(bytes, file)) };
    case "txt":
    case "md":
      return { format, blocks: textToBlocks(decodeText(bytes, file), format === "md") };
  }
}
