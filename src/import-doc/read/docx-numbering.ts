// Word's automatic list numbers, written into the paragraphs' text before
// mammoth reads the document.
//
// Plans number their parts "I.", "1.", "1.1.", "a)", "-", "+", and the task
// tree is read from those labels. A clerk who types them leaves them in the
// text; a clerk who uses Word's numbering leaves only a reference (w:numPr)
// to a list definition in numbering.xml, and mammoth turns such paragraphs
// into <ol>/<ul> items without their labels (it keeps neither the format nor
// the counter). Without this step, "a)" items and "-" bullets of an
// auto-numbered plan would reach the parser as bare paragraphs.
//
// Hand-written because no maintained JavaScript library renders Word list
// labels (mammoth, docx and docx-preview do not expose them); it covers what
// plans use: per-list counters with restarts of deeper levels, lvlText
// templates ("%1.", "%1.%2.", "%2)"), start values and overrides, the number
// formats decimal / decimalZero / lower and upper letter / lower and upper
// roman / bullet / none, and numbering given through a paragraph style.
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

interface Level {
  numFmt: string;
  lvlText: string;
  start: number;
  isLgl: boolean;
}

type El = Element;

const children = (e: El, name: string): El[] => Array.from(e.childNodes).filter((n): n is El => n.nodeType === 1 && (n as El).localName === name);
const child = (e: El | undefined, name: string): El | undefined => (e ? children(e, name)[0] : undefined);
const val = (e: El | undefined): string | undefined => e?.getAttributeNS(W, "val") || e?.getAttribute("w:val") || undefined;
const attr = (e: El, name: string): string | undefined => e.getAttributeNS(W, name) || e.getAttribute(`w:${name}`) || undefined;

/** Returns the .docx with list labels written into the text, or the same bytes when it has no numbering. */
export async function renderListNumbers(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const numberingFile = zip.file("word/numbering.xml");
  const documentFile = zip.file("word/document.xml");
  if (!numberingFile || !documentFile) return bytes;
  const parser = new DOMParser();
  const numbering = parser.parseFromString(await numberingFile.async("string"), "text/xml");
  const styles = zip.file("word/styles.xml") ? parser.parseFromString(await zip.file("word/styles.xml")!.async("string"), "text/xml") : undefined;
  const doc = parser.parseFromString(await documentFile.async("string"), "text/xml");

  // Abstract lists: their levels' formats.
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of Array.from(numbering.getElementsByTagNameNS(W, "abstractNum"))) {
    const levels = new Map<number, Level>();
    for (const l of children(a, "lvl")) {
      levels.set(Number(attr(l, "ilvl") ?? 0), {
        numFmt: val(child(l, "numFmt")) ?? "decimal",
        lvlText: val(child(l, "lvlText")) ?? "",
        start: Number(val(child(l, "start")) ?? 1),
        isLgl: !!child(l, "isLgl"),
      });
    }
    abstract.set(attr(a, "abstractNumId") ?? "", levels);
  }
  // List instances: an abstract list and its start overrides.
  const nums = new Map<string, { levels: Map<number, Level> }>();
  for (const n of Array.from(numbering.getElementsByTagNameNS(W, "num"))) {
    const base = abstract.get(val(child(n, "abstractNumId")) ?? "");
    if (!base) continue;
    const levels = new Map(base);
    for (const o of children(n, "lvlOverride")) {
      const ilvl = Number(attr(o, "ilvl") ?? 0);
      const start = val(child(o, "startOverride"));
      const lvl = levels.get(ilvl);
      if (lvl && start !== undefined) levels.set(ilvl, { ...lvl, start: Number(start) });
    }
    nums.set(attr(n, "numId") ?? "", { levels });
  }
  // Paragraph styles that carry numbering (headings numbered by their style).
  const styleNum = new Map<string, { numId: string; ilvl: number }>();
  const basedOn = new Map<string, string>();
  if (styles) {
    for (const s of Array.from(styles.getElementsByTagNameNS(W, "style"))) {
      const id = attr(s, "styleId");
      if (!id) continue;
      const b = val(child(s, "basedOn"));
      if (b) basedOn.set(id, b);
      const numPr = child(child(s, "pPr"), "numPr");
      if (numPr) styleNum.set(id, { numId: val(child(numPr, "numId")) ?? "0", ilvl: Number(val(child(numPr, "ilvl")) ?? 0) });
    }
  }
  const fromStyle = (id: string | undefined): { numId: string; ilvl: number } | undefined => {
    for (let s = id, depth = 0; s && depth < 10; s = basedOn.get(s), depth++) {
      const n = styleNum.get(s);
      if (n) return n;
    }
    return undefined;
  };

  const counters = new Map<string, number[]>();
  let changed = false;
  for (const p of Array.from(doc.getElementsByTagNameNS(W, "p"))) {
    const pPr = child(p, "pPr");
    const numPr = child(pPr, "numPr");
    const own = numPr ? { numId: val(child(numPr, "numId")) ?? "0", ilvl: Number(val(child(numPr, "ilvl")) ?? 0) } : undefined;
    const ref = own ?? fromStyle(val(child(pPr, "pStyle")));
    if (!ref || ref.numId === "0") continue;
    const list = nums.get(ref.numId);
    const level = list?.levels.get(ref.ilvl);
    if (!list || !level) continue;
    const count = counters.get(ref.numId) ?? [];
    for (let i = 0; i <= ref.ilvl; i++) if (count[i] === undefined) count[i] = (list.levels.get(i)?.start ?? 1) - (i === ref.ilvl ? 1 : 0);
    count[ref.ilvl] = count[ref.ilvl]! + 1;
    count.length = ref.ilvl + 1; // deeper levels restart
    counters.set(ref.numId, count);
    const label = labelOf(level, list.levels, count);
    if (numPr) pPr!.removeChild(numPr);
    if (!label) continue;
    const r = doc.createElementNS(W, "w:r");
    const t = doc.createElementNS(W, "w:t");
    t.setAttribute("xml:space", "preserve");
    t.appendChild(doc.createTextNode(`${label} `));
    r.appendChild(t);
    p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
    changed = true;
  }
  if (!changed) return bytes;
  zip.file("word/document.xml", new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const BULLETS = new Set(["-", "–", "—", "+", "•", "*", "·"]);

/** A level's label: its lvlText with each "%n" replaced by level n's counter in that level's format. */
export function labelOf(level: Level, levels: Map<number, Level>, count: number[]): string {
  if (level.numFmt === "bullet") return BULLETS.has(level.lvlText.trim()) ? level.lvlText.trim() : "-";
  if (level.numFmt === "none") return level.lvlText.replace(/%\d/g, "").trim();
  return level.lvlText
    .replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      const fmt = level.isLgl ? "decimal" : (levels.get(i)?.numFmt ?? "decimal");
      return formatNumber(count[i] ?? levels.get(i)?.start ?? 1, fmt);
    })
    .trim();
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    default:
      return String(n);
  }
}

/** Word's letter numbering: a…z, then aa…zz, aaa… */
function letters(n: number): string {
  if (n < 1) return String(n);
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}
