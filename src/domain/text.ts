// Text matching for Vietnamese input. People type with and without
// diacritics ("báo cáo" / "bao cao"), so names, codes and commands are
// compared in a folded form. Written by hand because the generic
// "remove accents" packages leave đ/Đ alone (it is a letter, not a
// combining mark) and the fold must be exactly the same everywhere: it is
// stored in the database's *Key columns.
import { distance } from "fastest-levenshtein";

/** Normalises to Unicode NFC and collapses white space (what we store). */
export function clean(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Lower case, no diacritics, đ -> d, single spaces: the form we compare. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** A text's words only, folded: for comparing two texts whatever their punctuation and diacritics. */
export function foldedWords(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Folded key for codes: also ignores spaces, dashes, dots and underscores ("LĐ-VL" = "ldvl"). */
export function codeKey(code: string): string {
  return fold(code).replace(/[\s\-_.–]/g, "");
}

/** The candidate closest to `word` (folded), if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = fold(word);
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = distance(w, fold(c));
    if (!best || d < best.d) best = { c, d };
  }
  return best && best.d <= Math.max(1, Math.floor(w.length / 3)) ? best.c : undefined;
}

/**
 * Text a person sent, made safe to store and show: well-formed Unicode in
 * NFC, CR LF as LF, and without control characters other than tab and
 * newline. PostgreSQL refuses a NUL in text, so a NUL in a note used to fail
 * every attempt to save it; ESC, backspace and the C1 controls only garble
 * what others see. Every text that comes in from Slack passes here once, at
 * the boundary. A one-line rule: no library needed.
 */
export function sanitizeText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}
