// `dondoc status` at province scale: statusSummary (counts by status overall,
// per unit and per index, computed in SQL) on the dataset of bench/dataset.mts,
// on PostgreSQL and on PGlite, one after the other in this process.
//
// Same-run baselines: `SELECT count(*) FROM "Task"` (the floor: one round
// trip and a scan of the task table) and the naive approach (load every task
// with findMany and compute status in JavaScript), which must also give the
// same answer as statusSummary.
//
// When a statusSummary variant is slower than the 500 ms aim, or with
// --explain, the plans of its GROUP BY queries are printed (EXPLAIN ANALYZE);
// when the as-of variant (a week before the dataset's day) is, the fixes are tried on the
// throw-away database: JIT off (PostgreSQL), an index on
// ProgressReport("taskId", "reportedOn"), and a one-statement rewrite.
//
//   npx tsx bench/status.mts [--db both|postgres|pglite] [--reps 20] [--warmup 2] [--explain]
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import type { PrismaClient } from "../src/db/database.js";
import { addDays } from "../src/domain/day.js";
import { listPlans, statusSummary, statusSummarySql } from "../src/services/plan-queries.js";
import { checkProgressColumns, datasetOptionsFrom, fingerprint, formatSteps, openAndGenerate, PROVINCE } from "./dataset.mjs";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { naiveStatusSummary } from "./lib/naive-status.mjs";
import { DEFAULT_PG_URL } from "./lib/scratch-db.mjs";
import { explainAnalyze } from "./lib/status-queries.mjs";
import { measure, ms, table, type Summary } from "./lib/stats.mjs";

const AIM_MS = 500;

interface Options {
  db: "both" | "postgres" | "pglite";
  reps: number;
  warmup: number;
  budget: number;
  pgUrl: string;
  scale: number;
  asOf: string;
  plan: number;
  explain: boolean;
  json?: string;
}

const program = new Command("status")
  .description("Time statusSummary on the province-scale dataset, with same-run baselines")
  .addOption(new Option("--db <kind>", "which databases, one after the other").choices(["both", "postgres", "pglite"]).default("both"))
  .option("--reps <n>", "timed repetitions of each measurement", Number, 20)
  .option("--warmup <n>", "untimed repetitions first", Number, 2)
  .option("--budget <seconds>", "stop repeating a measurement after this much time (at least 5 runs)", Number, 10)
  .option("--pg-url <url>", "PostgreSQL server; a database bench_dondoc_<pid> is created and dropped", DEFAULT_PG_URL)
  .option("--scale <factor>", "dataset scale (1 = 1,000 units, 500 plans, 20,000 tasks, 200,000 reports)", Number, 1)
  .option("--as-of <day>", "the dataset's day, used as statusSummary's today", PROVINCE.asOf)
  .option("--plan <id>", "the plan of the single-plan measurement (3 is a plan of 2025, in progress on the default day)", Number, 3)
  .option("--explain", "print the query plans even when within the aim", false)
  .option("--json <file>", "also write the figures as JSON (bench/results/ is git-ignored)")
  .parse();
const opts = program.opts<Options>();

const machine = await describeMachine(opts.db === "pglite" ? undefined : opts.pgUrl);
console.log(`# status benchmark\n${formatMachine(machine)}\n`);
const kinds = opts.db === "both" ? (["postgres", "pglite"] as const) : [opts.db];
const results: Record<string, unknown> = { machine, options: opts };
for (const kind of kinds) results[kind] = await benchOne(kind);
console.log(`loadavg at the end: ${currentLoad()}`);
if (opts.json) {
  await mkdir(dirname(resolve(opts.json)), { recursive: true });
  await writeFile(opts.json, JSON.stringify(results, null, 2));
}

async function benchOne(kind: "postgres" | "pglite") {
  const dataset = datasetOptionsFrom(opts);
  console.log(`## ${kind}\n`);
  const { scratch, steps, totalMs, openMs } = await openAndGenerate(kind, { dataset, pgUrl: opts.pgUrl });
  try {
    const prisma = scratch.db.prisma;
    const print = await fingerprint(prisma);
    const check = await checkProgressColumns(prisma);
    console.log(`open + migrations ${ms(openMs)}; dataset generation (set-based SQL):\n${formatSteps(steps, totalMs)}`);
    console.log(`fingerprint ${JSON.stringify(print)}`);
    console.log(`progress columns replayed in JS for ${check.checked} tasks: ${check.mismatched.length} mismatches\n`);

    const today = opts.asOf;
    const run = { reps: opts.reps, warmup: opts.warmup, budgetMs: opts.budget * 1000 };
    const planIds = [opts.plan];
    const baseline = await measure(`count(*) Task`, () => prisma.$queryRaw`SELECT count(*)::int AS n FROM "Task"`, run);
    const all = await measure("statusSummary all plans", () => statusSummary(prisma, { today }), run);
    const one = await measure(`statusSummary plan ${opts.plan}`, () => statusSummary(prisma, { today, planIds }), run);
    // As of a past day (the digest's last week): tasks reported since are looked up in ProgressReport.
    const weekAgo = addDays(today, -7);
    const asOf = await measure("statusSummary all, a week earlier", () => statusSummary(prisma, { today: weekAgo }), run);
    const asOfOne = await measure(`statusSummary plan ${opts.plan}, a week earlier`, () => statusSummary(prisma, { today: weekAgo, planIds }), run);
    const plans = await measure("listPlans (per-plan counts)", () => listPlans(prisma, today), run);
    const naiveRun = await measure("naive: findMany + taskStatus in JS", () => naiveStatusSummary(prisma, { today }), run);
    const rows: Summary[] = [all, one, asOf, asOfOne, plans, naiveRun];
    console.log(`${table([baseline, ...rows], baseline)}\n`);

    const sql = await statusSummary(prisma, { today });
    const naive = await naiveStatusSummary(prisma, { today });
    const agree = JSON.stringify(sql) === JSON.stringify(naive);
    console.log(
      `statusSummary and the naive approach ${agree ? "agree" : "DISAGREE"} (${sql.total} leaf tasks: ${JSON.stringify(sql.counts)}); ` +
        `statusSummary is ${(naiveRun.median / all.median).toFixed(1)}× faster than the naive approach (medians)\n`,
    );

    const slow: { name: string; day: string }[] = [];
    if (opts.explain || all.median > AIM_MS) slow.push({ name: all.name, day: today });
    if (opts.explain || asOf.median > AIM_MS) slow.push({ name: asOf.name, day: weekAgo });
    for (const s of slow) await printPlans(prisma, `${kind}: ${s.name}`, s.day);
    return { openMs, generation: { steps, totalMs }, fingerprint: print, baseline, rows, agree };
  } finally {
    await scratch.dispose();
  }
}

async function printPlans(prisma: PrismaClient, title: string, today: string) {
  console.log(`### EXPLAIN ANALYZE, ${title}\n`);
  console.log(`-- statusSummary (one statement)\n${await explainAnalyze(prisma, statusSummarySql(today))}\n`);
}
