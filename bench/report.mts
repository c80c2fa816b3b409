// The consolidated report at province scale: `dondoc report build` (the
// model from the database, the .docx, the streamed .xlsx, both written to a
// folder) for the largest plan of the dataset of bench/dataset.mts, on a
// throw-away PostgreSQL database (or PGlite with --db pglite).
//
// Same-run baseline: statusSummary for that plan as of the window's last day
// from the reports (what `dondoc status NUMBER --at DAY` computes, and the
// first thing the report needs). Memory: the heap's growth while the files
// are written, sampled every 2 ms.
//
//   npx tsx bench/report.mts [--db postgres|pglite] [--reps 10] [--period "Quý III/2025"]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command, Option } from "commander";
import { parseReportPeriod } from "../src/report/period.js";
import { renderReportDocx } from "../src/report/docx.js";
import { statusSummary } from "../src/services/plan-queries.js";
import { buildReportModel } from "../src/services/report-model.js";
import { writeReportFiles } from "../src/services/report-files.js";
import { datasetOptionsFrom, formatSteps, openAndGenerate, PROVINCE } from "./dataset.mjs";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { DEFAULT_PG_URL } from "./lib/scratch-db.mjs";
import { measure, ms, table } from "./lib/stats.mjs";

const AIM_MS = 2_000;

const program = new Command("report")
  .description("Time `dondoc report build` for the largest plan of the province-scale dataset, with a same-run baseline")
  .addOption(new Option("--db <kind>", "database").choices(["postgres", "pglite"]).default("postgres"))
  .option("--reps <n>", "timed repetitions", Number, 10)
  .option("--warmup <n>", "untimed repetitions first", Number, 2)
  .option("--budget <seconds>", "stop repeating a measurement after this much time (at least 5 runs)", Number, 20)
  .option("--pg-url <url>", "PostgreSQL server; a database bench_dondoc_<pid> is created and dropped", DEFAULT_PG_URL)
  .option("--period <period>", "the report's period (plans of 2025 are reported on)", "Quý III/2025")
  .parse();
const opts = program.opts<{ db: "postgres" | "pglite"; reps: number; warmup: number; budget: number; pgUrl: string; period: string }>();

const machine = await describeMachine(opts.db === "postgres" ? opts.pgUrl : undefined);
console.log(`# report benchmark (${opts.db})\n${formatMachine(machine)}\n`);
const dataset = datasetOptionsFrom({ scale: 1, asOf: PROVINCE.asOf });
const { scratch, steps, totalMs, openMs } = await openAndGenerate(opts.db, { dataset, pgUrl: opts.pgUrl });
const out = await mkdtemp(path.join(tmpdir(), "dondoc-bench-report-"));
try {
  const prisma = scratch.db.prisma;
  console.log(`open + migrations ${ms(openMs)}; dataset (${dataset.plans} plans x ${dataset.tasksPerPlan} tasks) generated in:\n${formatSteps(steps, totalMs)}\n`);
  const window = parseReportPeriod(opts.period)!;
  // The largest plan of the period's year: the most tasks, then the most reports.
  const [largest] = await prisma.$queryRaw<{ id: number; number: string; tasks: number; reports: number }[]>`
    SELECT p.id, p.number,
      (SELECT count(*)::int FROM "Task" t WHERE t."planId" = p.id) AS tasks,
      (SELECT count(*)::int FROM "ProgressReport" r JOIN "Task" t ON t.id = r."taskId" WHERE t."planId" = p.id) AS reports
    FROM "Plan" p WHERE p.year = ${window.year}
    ORDER BY tasks DESC, reports DESC, p.id LIMIT 1`;
  if (!largest) throw new Error(`no plan of ${window.year}`);
  const date = "2025-09-18";
  const build = () => buildReportModel(prisma, { plan: largest.number, window, date });
  const model = await build();
  console.log(
    `plan ${largest.number}: ${largest.tasks} tasks (${model.totals.total} counted), ${largest.reports} reports in all; ${opts.period} (${window.start}..${window.end}): ` +
      `${model.activity.reports} reports in the window, ${model.totals.counts.OVERDUE} overdue, ${model.obstacles.length} obstacles\n`,
  );

  const run = { reps: opts.reps, warmup: opts.warmup, budgetMs: opts.budget * 1000 };
  const baseline = await measure(
    "baseline: statusSummary (that plan, as of the window's end, from the reports)",
    () => statusSummary(prisma, { today: model.asOf, planIds: [largest.id] }),
    run,
  );
  const full = await measure("**report build: model + .docx + .xlsx written**", async () => writeReportFiles(await build(), out), run);
  const modelOnly = await measure("buildReportModel", build, run);
  const docxOnly = await measure("renderReportDocx", () => renderReportDocx(model), run);
  const filesOnly = await measure("writeReportFiles (.docx + streamed .xlsx)", () => writeReportFiles(model, out), run);
  console.log(`${table([baseline, full, modelOnly, docxOnly, filesOnly], baseline)}\n`);

  // Memory: the heap's peak growth while the files are written.
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
  await writeReportFiles(model, out);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(
    `heap growth while writing the files: ${((peak - before) / 1_048_576).toFixed(1)} MB (before ${(before / 1_048_576).toFixed(1)} MB${global.gc ? ", after a GC" : "; run with --expose-gc for a GC first"}); rss ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB`,
  );
  const within = full.median <= AIM_MS && full.p95 <= AIM_MS;
  console.log(`aim: the report under ${ms(AIM_MS)}: ${within ? "met" : "MISSED"} (median ${ms(full.median)}, p95 ${ms(full.p95)})`);
} finally {
  await rm(out, { recursive: true, force: true });
  await scratch.dispose();
}
console.log(`loadavg at the end: ${currentLoad()}`);
