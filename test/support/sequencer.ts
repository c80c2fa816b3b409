// The order in which vitest hands test files to its workers.
//
// With two workers the suite's wall time is set by its tail: the last file
// to start runs alone. Vitest starts the files it has timed before (its
// results cache) longest first, and files it has not by size in bytes, the
// case on every fresh clone, CI included. Size is a fair guess for a file
// whose work is its own tests, and a bad one for a file that starts another
// process: test/db/schema-drift.test.ts is 16 lines that run the Prisma CLI
// for 20 s of CPU, and started last but a few, ending the run alone.
//
// So, unless vitest has timed every file:
// - within a project, the files that start a process of their own (they
//   import node:child_process) or read a whole corpus of plan documents
//   (they import src/import-doc/corpus.js: 33 plans and growing, 15 s alone)
//   first, then vitest's order (largest first). A rule rather than a list of
//   slow files: it needs no upkeep, and a new test that spawns a process or
//   scores a corpus is put forward the day it is written.
// - the projects one after the other, the one with the most files last
//   (integration-isolated, unit, integration): its many short files fill
//   both workers to the end, where vitest's order (by name) left the unit
//   tier's long files (views/weekly, views/surfaces-within-limits) last.
//   Not interleaved: a worker that shares its module graph is kept only
//   while the next file in the queue belongs to the same project.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const HEAVY = /from\s+["'](?:node:child_process|(?:\.\.\/)+src\/import-doc\/corpus\.js)["']/;

export default class SpawnersFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const vitestOrder = await super.sort(files);
    if (files.every((spec) => this.timed(spec))) return vitestOrder;
    const rank = new Map(vitestOrder.map((spec, i) => [spec, i]));
    const count = new Map<string, number>();
    for (const spec of vitestOrder) count.set(spec.project.name, (count.get(spec.project.name) ?? 0) + 1);
    const projectRank = new Map([...count.keys()].sort((a, b) => count.get(a)! - count.get(b)!).map((name, i) => [name, i]));
    const heavy = new Map(files.map((spec) => [spec, HEAVY.test(readFileSync(spec.moduleId, "utf8"))]));
    return [...files].sort(
      (a, b) => projectRank.get(a.project.name)! - projectRank.get(b.project.name)! || Number(heavy.get(b)) - Number(heavy.get(a)) || rank.get(a)! - rank.get(b)!,
    );
  }

  /** Whether vitest has this file's duration from an earlier run. */
  private timed(spec: TestSpecification): boolean {
    return this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`) !== undefined;
  }
}
