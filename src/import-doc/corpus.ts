// The corpus of real plans under test/fixtures/plans/<id>/: the document
// (plan.txt|md|html|docx|pdf), its SOURCE note, its hand-checked
// expected.yaml and, when the plan's own organisation is known, org.yaml.
// Read by the accuracy test and by `npm run bench:import-doc`.
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { analyze, type ImportModel } from "./analyze.js";
import type { KnownGroup, KnownUnit } from "./parse/bodies.js";
import { parsePlan } from "./parse/structure.js";
import { readDocument } from "./read/index.js";
import { ExpectedSchema, score, type PlanScore } from "./score.js";

export interface CorpusEntry {
  id: string;
  file: string;
  expectedFile: string;
  orgFile?: string;
}

export function corpus(root: string): CorpusEntry[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const dir = join(root, d.name);
      const files = readdirSync(dir).filter((f) => /^plan\.(txt|md|html|docx|pdf)$/.test(f));
      return files.map((f) => ({
        id: files.length > 1 ? `${d.name} (${f.split(".")[1]})` : d.name,
        file: join(dir, f),
        expectedFile: join(dir, "expected.yaml"),
        ...(existsSync(join(dir, "org.yaml")) ? { orgFile: join(dir, "org.yaml") } : {}),
      }));
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function knownFromOrgFile(file: string | undefined): Promise<{ units: KnownUnit[]; groups: KnownGroup[] }> {
  if (!file) return { units: [], groups: [] };
  const org = parse(await readFile(file, "utf8")) as { units?: { code: string; name: string; aliases?: string[] }[]; groups?: { code: string; name: string }[] };
  return {
    units: (org.units ?? []).map((u) => ({ code: u.code, name: u.name, aliases: u.aliases ?? [] })),
    groups: (org.groups ?? []).map((g) => ({ code: g.code, name: g.name })),
  };
}

export async function runEntry(e: CorpusEntry): Promise<{ model: ImportModel; score: PlanScore; ms: number }> {
  const known = await knownFromOrgFile(e.orgFile);
  const t0 = performance.now();
  const doc = await readDocument(e.file);
  const model = analyze(parsePlan(doc.blocks, { year: 2025 }), known, 2025);
  const ms = performance.now() - t0;
  const expected = ExpectedSchema.parse(parse(await readFile(e.expectedFile, "utf8")));
  return { model, score: score(model, expected), ms };
}
