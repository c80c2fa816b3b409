// The floor on the plans printed to PDF (test/fixtures/plans-printed: the corpus's .docx plans printed with
// LibreOffice, ruled tables and all, read by the PDF reader): held at what the reader reaches when this was
// written (358 of 387 tasks fully right, no error without a flag; the commune MTTQ plan's
// header, a line starting "Phần VI …" mid-sentence and "NĐ-" / "CP" wrapped in a cell were read in session 7, a
// ward's header whose date line is cut by a blank in session 8). A change that loses any of it fails here.
import { describe, expect, it } from "vitest";
import { corpus, runEntry } from "../../src/import-doc/corpus.js";
import type { PlanScore } from "../../src/import-doc/score.js";

describe("import-doc corpus printed to PDF", () => {
  const entries = corpus("test/fixtures/plans-printed");
  const scores: PlanScore[] = [];

  it.each(entries.map((e) => [e.id, e] as const))("%s: reads the printed plan", async (_id, e) => {
    expect(e.file.endsWith("plan.pdf")).toBe(true);
    const { score } = await runEntry(e);
    scores.push(score);
  });

  it("holds its floor: 387 of 387 tasks found, 358 fully right, no error without a flag", () => {
    expect(scores).toHaveLength(entries.length);
    const sum = (k: keyof PlanScore) => scores.reduce((n, s) => n + (s[k] as number), 0);
    expect(sum("expected")).toBe(387);
    expect(sum("found")).toBe(387);
    expect(sum("allRight")).toBeGreaterThanOrEqual(358);
    expect(sum("unflaggedErrors")).toBe(0);
  });
});
