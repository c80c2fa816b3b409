// Reads a document file of any supported format into the one block
// structure. The size is checked before a byte is read, so a 50 MB file
// costs a stat call, not 50 MB of memory.
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { AppError } from "../../errors.js";
import { readDocx } from "./docx.js";
import { htmlToBlocks } from "./html.js";
import { readPdf } from "./pdf.js";
import { decodeText, textToBlocks } from "./text.js";
import type { SourceDoc } from "./types.js";

export const MAX_DOC_BYTES = 50 * 1024 * 1024;

export type DocFormat = SourceDoc["format"];

export function formatOf(file: string): DocFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ({ ".docx": "docx", ".pdf": "pdf", ".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html" } as const)[ext as ".docx"];
}

export async function readDocument(file: string, maxBytes = MAX_DOC_BYTES): Promise<SourceDoc> {
  const format = formatOf(file);
  if (!format) throw new AppError("DOC_UNSUPPORTED", { file, format: extname(file) || "(không có đuôi tệp / no extension)" });
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
  switch (format) {
    case "docx":
      return { format, blocks: await readDocx(bytes, file) };
    case "pdf": {
      const { blocks, pages } = await readPdf(new Uint8Array(bytes), file);
      return { format, blocks, pages };
    }
    case "html":
      return { format, blocks: htmlToBlocks(decodeText(bytes, file)) };
    case "txt":
    case "md":
      return { format, blocks: textToBlocks(decodeText(bytes, file), format === "md") };
  }
}
