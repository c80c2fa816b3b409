// The accuracy floor on the corpus (test/fixtures/plans): a change to the
// parser that loses tasks, gets more of them wrong, or lets an error through
// without a flag fails here, naming the plan. `npm run bench:import-doc`
// prints the details.
import { describe, expect, it } from "vitest";
import { corpus, runEntry } from "../../src/import-doc/corpus.js";
import type { PlanScore } from "../../src/import-doc/score.js";

describe("import-doc corpus", () => {
  const entries = corpus("test/fixtures/plans");
  const scores: PlanScore[] = [];

  it("holds at least ten plans", () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  // One test per plan: each has its own time limit (a long PDF on a busy
  // machine), and a failure says which plan lost a task or an unflagged error.
  it.each(entries.map((e) => [e.id, e] as const))("%s: finds every expected task and flags every error", async (_id, e) => {
    const { score } = await runEntry(e);
    scores.push(score);
    expect(score.found).toBe(score.expected);
    expect(score.unflaggedErrors).toBe(0);
  });

  it("gets at least 95 % of all tasks fully right", () => {
    expect(scores).toHaveLength(entries.length);
    const expected = scores.reduce((n, s) => n + s.expected, 0);
    const allRight = scores.reduce((n, s) => n + s.allRight, 0);
    expect(allRight / expected).toBeGreaterThanOrEqual(0.95);
  });
});
