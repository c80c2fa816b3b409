// .docx through mammoth: it turns Word paragraphs and tables into HTML and
// keeps merged cells (gridSpan, vMerge) as colspan/rowspan, which the
// assignment tables of plans use all the time (one lead unit merged over
// the rows of a section). Reading document.xml ourselves would mean
// re-implementing numbering, merged cells and field codes for nothing.
import mammoth from "mammoth";
import { AppError } from "../../errors.js";
import { renderListNumbers } from "./docx-numbering.js";
import { htmlToBlocks } from "./html.js";
import type { Block } from "./types.js";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: "" }));
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

export async function readDocx(bytes: Buffer, file: string): Promise<Block[]> {
  if (startsWith(bytes, CFB)) {
    // An OLE compound file: either an encrypted .docx (Word wraps encrypted
    // OOXML in one, with an "EncryptionInfo" stream) or a legacy .doc.
    if (bytes.includes(Buffer.from("EncryptionInfo", "utf16le"))) throw new AppError("DOC_ENCRYPTED", { file });
    throw new AppError("DOC_UNSUPPORTED", { file, format: ".doc (Word 97-2003)" });
  }
  if (!startsWith(bytes, ZIP)) throw new AppError("DOC_CORRUPT", { file, format: "DOCX", reason: "không phải tệp nén Office Open XML / not an Office Open XML zip" });
  let html: string;
  try {
    // Word's automatic list labels ("1.", "a)", "-") are written into the text first: mammoth drops them.
    // Pictures are left unread: by default mammoth inlines each as a base64 data URI, which for the
    // scans and photos that make .docx files large cost several times their size in memory.
    html = (await mammoth.convertToHtml({ buffer: await renderListNumbers(bytes) }, { ignoreEmptyParagraphs: true, convertImage: NO_IMAGES })).value;
  } catch (e) {
    throw new AppError("DOC_CORRUPT", { file, format: "DOCX", reason: shortReason(e) });
  }
  return htmlToBlocks(html, { listLabels: false });
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((m, i) => b[i] === m);
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/\s+/g, " ").slice(0, 120);
}
