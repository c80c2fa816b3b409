// The tests in three tiers (vitest projects), configured once:
//   unit         pure code: domain rules, views, file parsing, the fake's
//                clock-driven parts. No database, no server, no child
//                process. `npm run test:unit`, the inner loop.
//   integration  everything that opens a database (PGlite, and PostgreSQL
//                when TEST_DATABASE_URL is set), starts Bolt over HTTP, the
//                scheduler, the fake Slack or the CLI. `npm run test:integration`.
//                Its files share one module graph per worker (no isolation),
//                so each must leave the process as it found it: listeners
//                removed, fake timers and globals restored, no process.env
//                writes. The files that cannot (vi.mock replaces a module
//                for the whole graph) are listed in ISOLATED below and run
//                as the project integration-isolated, each in a fresh fork.
//   e2e          the local workspace in headless Chromium. `npm run test:e2e`;
//                skipped when /usr/bin/chromium is missing.
// `npm test` runs unit, integration and integration-isolated (what CI runs
// first, then test:e2e).
// A new test file is integration unless it is listed as unit below.
import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";
import SpawnersFirstSequencer from "./test/support/sequencer.js";

const UNIT = [
  "test/domain/**/*.test.ts",
  "test/views/**/*.test.ts",
  "test/files/**/*.test.ts",
  "test/config/**/*.test.ts",
  "test/ci-guard.test.ts",
  "test/errors.test.ts",
  "test/architecture.test.ts",
  "test/local/clock.test.ts",
  "test/local/render.test.ts",
  "test/slack-fake/block-kit.test.ts",
  "test/slack-fake/clock-driven.test.ts",
];
const E2E = ["test/e2e/**/*.test.ts"];
// Integration files that replace a module (vi.mock) or otherwise change the
// process for whoever runs after them.
const ISOLATED = ["test/scheduler/digest-chart-fault.test.ts"];

export default defineConfig({
  test: {
    // PGlite start-up plus migrations takes a second or two on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Every core, at most four. Vitest's default (cores - 1) runs one file at a
    // time on the 2-core machines this is built on: `npm test` took over five
    // minutes that way, about 3 min 20 s with two workers (BENCHMARKS.md "Test
    // suite"). A worker holds its module graph and up to two PGlite databases
    // (~0.6 GB), hence the cap. VITEST_MAX_WORKERS overrides it; CI sets 1
    // (.ci/run), the run every earlier session's CI passed with.
    maxWorkers: Math.min(Math.max(availableParallelism(), 1), 4),
    // Files that start a process of their own first: on a fresh clone vitest
    // has no timings and would start them by size, late (test/support/sequencer.ts).
    sequence: { sequencer: SpawnersFirstSequencer },
    projects: [
      // Pure code shares one module graph per worker (no isolation): most of
      // this tier's time was importing the same modules again for every file.
      { extends: true, test: { name: "unit", include: UNIT, pool: "threads", isolate: false } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...UNIT, ...E2E, ...ISOLATED],
          // Migrates one PGlite database (and the PostgreSQL template) once per run.
          globalSetup: ["test/support/global-setup.ts"],
          // A worker imports Prisma, PGlite, Bolt and the app, and reads the
          // migrated dump, once instead of once per file: a third of this
          // tier's CPU time was those imports (BENCHMARKS.md "Test suite").
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "integration-isolated", include: ISOLATED, globalSetup: ["test/support/global-setup.ts"] },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: E2E,
          env: { DONDOC_E2E: "1" },
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
