// Reads a YAML file and validates it with a zod schema. Every problem is
// reported with the file, the line and the field, in Vietnamese and English,
// and nothing is returned unless the whole file is valid.
import { readFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { z } from "zod";
import { AppError } from "../errors.js";
import { bilingualErrors, splitWords } from "../i18n/zod.js";

export interface FileProblem {
  path: string;
  line?: number;
  message: string;
}

export interface LoadedFile<T> {
  file: string;
  data: T;
  /** Line of a value in the file, for errors found after validation (e.g. an unknown unit). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export async function readText(file: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (cause) {
    throw new AppError("FILE_NOT_FOUND", { file }, { cause });
  }
  if (!isUtf8(buf)) {
    // The first replacement character marks the first bad byte.
    const decoded = new TextDecoder("utf-8").decode(buf);
    const prefix = decoded.slice(0, decoded.indexOf("\uFFFD"));
    throw new AppError("FILE_NOT_UTF8", { file, offset: Buffer.byteLength(prefix) });
  }
  return buf
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .normalize("NFC");
}

export function parseYaml<S extends z.ZodType>(file: string, text: string, schema: S): LoadedFile<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0] ?? lineCounter.linePos(syntax.pos[0]);
    throw new AppError("YAML_SYNTAX", {
      file,
      line: pos?.line ?? 1,
      col: pos?.col ?? 1,
      reason: syntax.message.split("\n")[0]!,
    });
  }
  const lineOf = (path: readonly (string | number)[]) => lineOfPath(doc, lineCounter, path);
  const result = schema.safeParse(doc.toJS(), { error: bilingualErrors });
  if (!result.success) {
    throw invalidFile(
      file,
      result.error.issues.map((i) => ({ path: formatPath(i.path), line: lineOf(i.path as (string | number)[]), message: i.message })),
    );
  }
  return { file, data: result.data, lineOf };
}

export function invalidFile(file: string, problems: FileProblem[]): AppError {
  const details = problems.map((p) => {
    const words = splitWords(p.message);
    const where = (line: string, file: string) => `  - ${p.line ? `${line} ${p.line}, ` : ""}${p.path || file}: `;
    return { vi: `${where("dòng", "(tệp)")}${words.vi}`, en: `${where("line", "(file)")}${words.en}`, both: `${where("dòng/line", "(tệp/file)")}${p.message}` };
  });
  return new AppError("FILE_INVALID", { file, count: problems.length }, { details });
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i ? "." : ""}${String(k)}`)).join("");
}

function lineOfPath(doc: Document, lc: LineCounter, path: readonly (string | number)[]): number | undefined {
  // Walk up until a node exists: a missing field is reported at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}
