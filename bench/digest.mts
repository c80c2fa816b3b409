// Friday's leadership digest at province scale: digestModel (every query the
// digest needs), digestMessage (the Block Kit message) and the chart that goes
// with it (digestChartFile: ECharts SVG rasterised by resvg) on the dataset of
// bench/dataset.mts, on a throw-away PostgreSQL database (or PGlite with
// --db pglite), dropped afterwards. The dataset has no obstacles and no
// criterion values; 2,000 obstacles (500 open) and eight quarters of values
// per criterion are added so that every part of the digest has data.
//
// Same-run baseline: statusSummary for all plans (what `dondoc status`
// computes), which the digest runs twice (today, and a week ago from the
// reports). Then each of digestModel's queries alone, so that the time can
// be attributed; with --explain, or when the digest misses the 1 s aim, the
// plans of the raw SQL parts are printed (EXPLAIN ANALYZE).
//
//   npx tsx bench/digest.mts [--db postgres|pglite] [--reps 20] [--warmup 2] [--today 2025-10-17] [--plan 3] [--explain]
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import { addDays, type Day } from "../src/domain/day.js";
import { statusSummary } from "../src/services/plan-queries.js";
import { digestModel } from "../src/services/weekly/digest.js";
import { digestMessage } from "../src/views/digest.js";
import { weekLabel } from "../src/views/weekly.js";
import { digestChartFile } from "../src/services/weekly/digest-chart.js";
import { datasetOptionsFrom, fingerprint, formatSteps, openAndGenerate, PROVINCE } from "./dataset.mjs";
import { addDigestExtras, digestParts } from "./lib/digest-queries.mjs";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { DEFAULT_PG_URL } from "./lib/scratch-db.mjs";
import { explainAnalyze } from "./lib/status-queries.mjs";
import { measure, ms, table, timed, type Summary } from "./lib/stats.mjs";

const AIM_MS = 1_000;

interface Options {
  db: "postgres" | "pglite";
  reps: number;
  warmup: number;
  budget: number;
  pgUrl: string;
  scale: number;
  today: Day;
  plan: number;
  obstacles: number;
  explain: boolean;
  json?: string;
}

const program = new Command("digest")
  .description("Time the leadership digest (digestModel + digestMessage) on the province-scale dataset, with a same-run baseline")
  .addOption(new Option("--db <kind>", "database").choices(["postgres", "pglite"]).default("postgres"))
  .option("--reps <n>", "timed repetitions of each measurement", Number, 20)
  .option("--warmup <n>", "untimed repetitions first", Number, 2)
  .option("--budget <seconds>", "stop repeating a measurement after this much time (at least 5 runs)", Number, 10)
  .option("--pg-url <url>", "PostgreSQL server; a database bench_dondoc_<pid> is created and dropped", DEFAULT_PG_URL)
  .option("--scale <factor>", "dataset scale (1 = 1,000 units, 500 plans, 20,000 tasks, 200,000 reports)", Number, 1)
  // The Friday after the dataset's day: the digest goes out on Fridays.
  .option("--today <day>", "the digest's day (the dataset describes 2025-10-15)", addDays(PROVINCE.asOf, 2))
  .option("--plan <id>", "the plan of the single-plan digest (3 is a plan of 2025)", Number, 3)
  .option("--obstacles <n>", "obstacles to add (one in four open)", Number, 2_000)
  .option("--explain", "print the plans of the raw SQL parts even when within the aim", false)
  .option("--json <file>", "also write the figures as JSON (bench/results/ is git-ignored)")
  .parse();
const opts = program.opts<Options>();

const machine = await describeMachine(opts.db === "postgres" ? opts.pgUrl : undefined);
console.log(`# digest benchmark (${opts.db})\n${formatMachine(machine)}\n`);
const dataset = datasetOptionsFrom({ scale: opts.scale, asOf: PROVINCE.asOf });
const { scratch, steps, totalMs, openMs } = await openAndGenerate(opts.db, { dataset, pgUrl: opts.pgUrl });
let results: Record<string, unknown> = {};
try {
  const prisma = scratch.db.prisma;
  const extras = await timed(() => addDigestExtras(prisma, { obstacles: opts.obstacles, asOf: PROVINCE.asOf }));
  console.log(`open + migrations ${ms(openMs)}; dataset generation:\n${formatSteps(steps, totalMs)}`);
  console.log(`fingerprint ${JSON.stringify(await fingerprint(prisma))}`);
  console.log(`added ${extras.value.obstacles} obstacles and ${extras.value.values} criterion values in ${ms(extras.ms)}\n`);

  const today = opts.today;
  const planIds = [opts.plan];
  const run = { reps: opts.reps, warmup: opts.warmup, budgetMs: opts.budget * 1000 };
  const model = await digestModel(prisma, { today });
  const message = digestMessage(model, "vi");
  const chars = message.blocks.reduce((n, b) => n + JSON.stringify(b).length, 0);
  console.log(
    `digest of ${today} (week ${model.week}): ${model.now.total} leaf tasks, ${model.byUnit.length} units in the table, ` +
      `${model.overdueCount} overdue (${model.overdue.length} listed), ${model.openObstacles.length} obstacles listed, ` +
      `${model.silentUnits.length} silent units, ${model.reportsThisWeek} reports this week; message: ${message.blocks.length} blocks, ${chars} characters of block JSON\n`,
  );

  const baseline = await measure("baseline: statusSummary, all plans", () => statusSummary(prisma, { today }), run);
  const digest = await measure("**digestModel + digestMessage (vi), all plans**", async () => digestMessage(await digestModel(prisma, { today }), "vi"), run);
  const modelOnly = await measure("digestModel, all plans", () => digestModel(prisma, { today }), run);
  const messageOnly = await measure("digestMessage (vi) alone", async () => digestMessage(model, "vi"), run);
  const onePlan = await measure(`digestModel + digestMessage, plan ${opts.plan}`, async () => digestMessage(await digestModel(prisma, { today, planIds }), "vi"), run);
  // The chart that goes with the digest (ECharts SVG + resvg PNG), drawn once when the run is planned.
  const chart = await measure("digest chart (SVG + PNG) alone", async () => digestChartFile(model, "vi", weekLabel(model.week, "vi")), run);
  const main: Summary[] = [digest, modelOnly, messageOnly, onePlan, chart];
  console.log(`${table([baseline, ...main], baseline)}\n`);

  // Each of digestModel's queries alone, one after the other.
  const parts = digestParts(prisma, { today });
  const partRows: Summary[] = [];
  for (const p of parts) partRows.push(await measure(`  ${p.name}`, p.run, run));
  const sum = partRows.reduce((s, r) => s + r.median, 0);
  console.log(`### digestModel's queries alone (all plans)\n\n${table(partRows, baseline)}\n`);
  console.log(
    `sum of the parts' medians ${ms(sum)}; digestModel runs them concurrently (${opts.db === "postgres" ? "a pool of 10 connections" : "PGlite's one connection"}) ` +
      `and took ${ms(modelOnly.median)}: the slowest part alone is ${ms(Math.max(...partRows.map((r) => r.median)))}\n`,
  );

  const within = digest.median <= AIM_MS && digest.p95 <= AIM_MS;
  console.log(`aim: the digest under ${ms(AIM_MS)}: ${within ? "met" : "MISSED"} (median ${ms(digest.median)}, p95 ${ms(digest.p95)})\n`);
  if (opts.explain || !within) {
    for (const p of parts) {
      for (const [name, sql] of Object.entries(p.sql)) console.log(`-- EXPLAIN ANALYZE ${name}\n${await explainAnalyze(prisma, sql)}\n`);
    }
  }
  results = { machine, options: opts, baseline, main, parts: partRows, within };
} finally {
  await scratch.dispose();
}
console.log(`loadavg at the end: ${currentLoad()}`);
if (opts.json) {
  await mkdir(dirname(resolve(opts.json)), { recursive: true });
  await writeFile(opts.json, JSON.stringify(results, null, 2));
}
