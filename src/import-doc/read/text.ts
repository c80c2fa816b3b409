// Plain text and Markdown. Bytes are checked before anything is read as
// text: UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they
// are; otherwise the file is decoded as windows-1258 (the Vietnamese Windows
// code page) only when the result is clearly Vietnamese, or as windows-1252
// when the only non-ASCII bytes are the typographic marks Word puts in
// otherwise plain text. Anything else (TCVN3, VNI, binary) is refused: a
// wrong guess would import mojibake as the plan's text. Written by hand
// because the detection libraries (chardet, jschardet) do not know
// windows-1258 and cannot tell it from windows-1252.
import iconv from "iconv-lite";
import { AppError } from "../../errors.js";
import { cleanLine, type Block } from "./types.js";

const VIETNAMESE_WORDS = [
  "của",
  "và",
  "các",
  "được",
  "thực hiện",
  "kế hoạch",
  "nhiệm vụ",
  "đơn vị",
  "những",
  "năm",
  "tháng",
  "ngày",
  "với",
  "trong",
  "theo",
  "công",
  "người",
  "tổ chức",
  "phối hợp",
  "chủ trì",
  "cơ quan",
  "việc",
  "đề nghị",
];
const CP1252_MARKS = new Set([0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xb0, 0xa9, 0xae, 0xb7]);

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: try the Windows code pages below
  }
  if (bytes.includes(0)) throw new AppError("DOC_ENCODING", { file });
  const vn = new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  if (looksVietnamese(vn)) return vn;
  let onlyMarks = true;
  for (const b of bytes)
    if (b >= 0x80 && !CP1252_MARKS.has(b)) {
      onlyMarks = false;
      break;
    }
  if (onlyMarks) return decodeWindows1252(bytes);
  throw new AppError("DOC_ENCODING", { file });
}

// iconv-lite, not TextDecoder: Node 20 decodes "windows-1252" as Latin-1 (0x93 → U+0093, not “).
const decodeWindows1252 = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), "windows-1252");

// The WHATWG labels of the character sets a Vietnamese page declares, by the decoder each needs.
const CHARSET_LABELS: Record<string, "utf-8" | "windows-1252" | "windows-1258"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "x-cp1252": "windows-1252",
  "iso-8859-1": "windows-1252",
  iso8859_1: "windows-1252",
  "iso8859-1": "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  ascii: "windows-1252",
  "us-ascii": "windows-1252",
  "windows-1258": "windows-1258",
  cp1258: "windows-1258",
  "x-cp1258": "windows-1258",
};

/**
 * The charset an HTML page declares near its top (`<meta charset="…">`, or `<meta http-equiv="Content-Type"
 * content="text/html; charset=…">`), as a browser's prescan finds it. Word's "Save as Web Page" declares
 * windows-1252 and writes the letters outside it (ả, ễ, ơ …) as character references: read as anything else, its
 * "ò" (0xF2) becomes a combining hook (windows-1258) and the page's text is garbled.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** An HTML page's text: a byte-order mark first, then the charset it declares, else what decodeText detects. */
export function decodeHtml(bytes: Uint8Array, file: string): string {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const charset = bom ? undefined : CHARSET_LABELS[declaredCharset(bytes) ?? ""];
  if (charset === "windows-1252") return decodeWindows1252(bytes);
  if (charset === "windows-1258") return new TextDecoder("windows-1258").decode(bytes).normalize("NFC");
  // A page that says UTF-8 and is not (saved again in another editor) goes to detection, which refuses what it cannot tell.
  return decodeText(bytes, file);
}

/** At least a handful of distinct common Vietnamese words, written with their diacritics. */
export function looksVietnamese(text: string): boolean {
  const lower = text.toLowerCase();
  let hits = 0;
  for (const w of VIETNAMESE_WORDS) if (lower.includes(w)) hits++;
  return hits >= 6;
}

/** Text or Markdown into paragraphs, one per non-empty line, with its line number. */
export function textToBlocks(text: string, markdown: boolean): Block[] {
  const blocks: Block[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    if (markdown) {
      // Markdown tables: | a | b | rows become one table block.
      if (/^\s*\|.*\|\s*$/.test(raw)) {
        const start = i;
        const rows: string[][] = [];
        while (i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]!)) {
          const cells = lines[i]!.trim()
            .slice(1, -1)
            .split("|")
            .map((c) => cleanLine(c.replace(/<br\s*\/?>/gi, "\n")));
          if (!cells.every((c) => /^:?-{2,}:?$/.test(c) || c === "")) rows.push(cells);
          i++;
        }
        i--;
        const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
        blocks.push({
          kind: "table",
          rows: rows.map((r) => Array.from({ length: width }, (_, j) => ({ text: (r[j] ?? "").replace(/ ?\\n ?/g, "\n"), spanned: false }))),
          rowPos: rows.map((_, k) => ({ line: start + 1 + k })),
          pos: { line: start + 1 },
        });
        continue;
      }
      raw = raw.replace(/^\s{0,3}#{1,6}\s+/, "").replace(/\*\*|__/g, "");
    }
    const t = cleanLine(raw);
    if (t) blocks.push({ kind: "para", text: t, pos: { line: i + 1 } });
  }
  return blocks;
}
