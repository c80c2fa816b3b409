// The accuracy floor on the corpus (test/fixtures/plans): a change to the
// parser that loses tasks, gets more of them wrong, or lets an error through
// without a flag fails here. `npm run bench:import-doc` prints the details.
import { describe, expect, it } from "vitest";
import { corpus, runEntry } from "../../src/import-doc/corpus.js";

describe("import-doc corpus", () => {
  it("finds every expected task, gets at least 95 % fully right, and flags every error", async () => {
    const entries = corpus("test/fixtures/plans");
    expect(entries.length).toBeGreaterThanOrEqual(10);
    let expected = 0;
    let found = 0;
    let allRight = 0;
    let unflagged = 0;
    for (const e of entries) {
      const { score } = await runEntry(e);
      expected += score.expected;
      found += score.found;
      allRight += score.allRight;
      unflagged += score.unflaggedErrors;
    }
    expect(found).toBe(expected);
    expect(allRight / expected).toBeGreaterThanOrEqual(0.95);
    expect(unflagged).toBe(0);
  }, 60_000);
});
