// A deterministic province-scale dataset for the benchmarks: by default 1,000
// units, 500 plans, 20,000 tasks, about 50,000 assignments and 200,000
// progress reports, with Task's progress columns consistent with the reports.
//
// Generated with set-based SQL (INSERT ... SELECT over generate_series) so
// that 200,000 reports take seconds, not the hours that 200,000 calls to
// reportProgress would. Every "random" choice is a hash of a row number
// (hashint8extended, the function PostgreSQL uses for hash partitioning:
// present since PostgreSQL 11, platform independent, and returning the same
// values on PGlite and on the server), so the same options give the same
// rows on both databases; `fingerprint` proves it.
//
// Module: generateDataset(prisma, options), fingerprint(prisma),
// checkProgressColumns(prisma), openAndGenerate(kind). CLI (prints how long
// each step took):
//   npx tsx bench/dataset.mts --db pglite|postgres [--dir DIR | --pg-url URL] [--scale 1] [--keep] [--check]
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, Option } from "commander";
import type { PrismaClient } from "../src/db/database.js";
import { fromDate, type Day } from "../src/domain/day.js";
import { createLogger } from "../src/log.js";
import { DEFAULT_PG_URL, scratchPglite, scratchPostgres, type ScratchDatabase } from "./lib/scratch-db.mjs";
import { ms, timed } from "./lib/stats.mjs";

export interface DatasetOptions {
  units: number;
  plans: number;
  /** Tasks per plan; every tenth is a heading whose next nine are its leaves. */
  tasksPerPlan: number;
  reports: number;
  /** The day the data describes: no report is dated after it. Use it as statusSummary's `today`. */
  asOf: string;
}

export const PROVINCE: DatasetOptions = { units: 1_000, plans: 500, tasksPerPlan: 40, reports: 200_000, asOf: "2025-10-15" };

/** Plans issued in each year from 2023, in turn: plan p is of year FIRST_YEAR + (p - 1) % YEARS. */
const FIRST_YEAR = 2023;
const YEARS = 4;
const INDICES = [
  ["PAR_INDEX", "PAR INDEX", "Chỉ số cải cách hành chính"],
  ["SIPAS", "SIPAS", "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước"],
  ["DDCI", "DDCI", "Chỉ số năng lực cạnh tranh các sở, ban, ngành và địa phương"],
] as const;
const CRITERIA_PER_INDEX = 4;

/**
 * A deterministic integer in [0, k) from a row number and a salt. Each salt
 * names one independent choice, so changing one choice never shifts another.
 */
function rnd(expr: string, salt: number, k: number | string): string {
  return `((hashint8extended((${expr})::bigint, ${salt}) & 2147483647) % (${k}))::int`;
}

/** The lead unit of a task, and its cooperating units: formulas, so reports can name them without a join. */
function assignmentFormulas(units: number) {
  const lead = (task: string) => `(1 + ${rnd(task, 40, units)})`;
  const coopCount = (task: string) => rnd(task, 41, Math.min(4, units));
  // Cooperating unit m (1..3) is m strides past the lead; m * stride < units
  // keeps the four units of a task distinct.
  const stride = (task: string) => `(1 + ${rnd(task, 42, Math.max(1, Math.floor((units - 1) / 3)))})`;
  const coop = (task: string, m: string) => `(1 + (${lead(task)} - 1 + (${m}) * ${stride(task)}) % ${units})`;
  return { lead, coopCount, coop };
}

export interface GenerationStep {
  step: string;
  /** Rows written; null for steps that write none (sequences, VACUUM). */
  rows: number | null;
  ms: number;
}

export async function generateDataset(prisma: PrismaClient, options: DatasetOptions = PROVINCE): Promise<GenerationStep[]> {
  const { units, plans, tasksPerPlan, reports, asOf } = options;
  if (units < 4 || plans < 1 || tasksPerPlan < 2 || reports < 0) throw new RangeError("dataset too small");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD: ${asOf}`); // it goes into the SQL text
  const existing = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Task"`);
  if (existing[0]!.n > 0) throw new Error("the database already has tasks: generate into a freshly migrated database");
  const tasks = plans * tasksPerPlan;
  const a = assignmentFormulas(units);
  const day = `'${asOf}'::date`;
  // @updatedAt is set by Prisma's client, not by a column default.
  const stamp = `'${FIRST_YEAR}-01-01 00:00:00'::timestamp`;
  const steps: GenerationStep[] = [];
  const run = async (step: string, ...sql: string[]) => {
    const { value, ms } = await timed(async () => {
      let rows = 0;
      for (const s of sql) rows += await prisma.$executeRawUnsafe(s);
      return rows;
    });
    steps.push({ step, rows: value, ms });
  };
  const maintain = async (step: string, ...sql: string[]) => {
    const { ms } = await timed(async () => {
      for (const s of sql) await prisma.$executeRawUnsafe(s);
    });
    steps.push({ step, rows: null, ms });
  };

  // A few units were merged into others (history kept): about 1 in 100.
  await run(
    "units",
    `INSERT INTO "Unit" (id, code, "codeKey", name, "nameKey", kind, "slackChannel", active, "updatedAt")
     SELECT n, 'DV-' || lpad(n::text, 4, '0'), 'dv' || lpad(n::text, 4, '0'),
       'Đơn vị số ' || n, 'don vi so ' || n,
       (ARRAY['OFFICE', 'DIVISION', 'DIVISION', 'CENTER', 'OTHER'])[1 + ${rnd("n", 1, 5)}]::"UnitKind",
       '#dv-' || lpad(n::text, 4, '0'), true, ${stamp}
     FROM generate_series(1, ${units}) n`,
    `UPDATE "Unit" SET "mergedIntoId" = 1 + ${rnd("id", 2, units - 1)} % (id - 1), active = false
     WHERE id > 1 AND ${rnd("id", 3, 100)} = 0`,
  );
  await run(
    "indices",
    `INSERT INTO "Index" (id, code, "codeKey", name, "fullName")
     VALUES ${INDICES.map(([code, name, full], i) => `(${i + 1}, '${code}', '${code.toLowerCase().replace(/_/g, "")}', '${name}', '${full}')`).join(", ")}`,
    `INSERT INTO "Criterion" (id, "indexId", code, name, position)
     SELECT (i - 1) * ${CRITERIA_PER_INDEX} + c, i, 'TC.' || i || '.' || c, 'Tiêu chí ' || i || '.' || c, c - 1
     FROM generate_series(1, ${INDICES.length}) i, generate_series(1, ${CRITERIA_PER_INDEX}) c`,
  );
  await run(
    "plans",
    `INSERT INTO "Plan" (id, number, "numberKey", title, issuer, place, "issuedOn", year, "endsOn", "signerName", "signerTitle",
                         "legalBases", purposes, recipients, "updatedAt")
     SELECT p, p || '/KH-DV', p || '/khdv', 'Kế hoạch thử hiệu năng số ' || p, 'Sở thử hiệu năng', 'Huế',
       make_date(y, 1, 1) + ${rnd("p", 10, 180)}, y, make_date(y, 12, 31), 'Người ký', 'Giám đốc',
       ARRAY['Căn cứ thử hiệu năng'], ARRAY['Mục đích thử hiệu năng'], ARRAY['Như trên', 'Lưu VT'], ${stamp}
     FROM generate_series(1, ${plans}) p CROSS JOIN LATERAL (SELECT ${FIRST_YEAR} + (p - 1) % ${YEARS} AS y) yy`,
  );

  // Tasks: id i + 1; plan i / tasksPerPlan + 1; j = i % tasksPerPlan. Every
  // j divisible by 10 is a heading (due at the end of the year, like the
  // headings the importer writes); the next nine are its leaves. Leaves mix
  // the five due kinds: DATE 35 %, QUARTER 20 %, HALF 10 %, YEAR 15 %,
  // ONGOING 20 % (one in ten of those "and the following years": no end).
  await run(
    "tasks",
    `INSERT INTO "Task" (id, "planId", "parentId", code, "codeKey", position, depth, title, text, bodies, "indexId", "criterionId",
                         "dueKind", "dueOn", "dueLabel", cadence, "startsOn", "endsOn", "updatedAt")
     SELECT id, plan_id, parent_id, code, lower(replace(code, '.', '')), position, depth, title, title || ' (dữ liệu thử hiệu năng)', '[]',
       index_id,
       CASE WHEN index_id IS NOT NULL AND ${rnd("id", 22, 2)} = 0 THEN (index_id - 1) * ${CRITERIA_PER_INDEX} + 1 + ${rnd("id", 23, CRITERIA_PER_INDEX)} END,
       due_kind::"DueKind",
       due_on,
       CASE due_kind
         WHEN 'DATE' THEN 'trước ngày ' || to_char(due_on, 'DD/MM/YYYY')
         WHEN 'QUARTER' THEN 'Quý ' || (ARRAY['I', 'II', 'III', 'IV'])[extract(quarter FROM due_on)::int] || '/' || y
         WHEN 'HALF' THEN CASE WHEN extract(month FROM due_on) = 6 THEN '6 tháng đầu năm ' ELSE '6 tháng cuối năm ' END || y
         WHEN 'YEAR' THEN 'Năm ' || y
         ELSE 'Thường xuyên'
       END,
       CASE WHEN due_kind = 'ONGOING' THEN
         ((ARRAY['WEEK', 'MONTH', 'MONTH', 'QUARTER', 'QUARTER', 'QUARTER', 'HALF', 'YEAR'])[1 + ${rnd("id", 34, 8)}])::"Cadence"
       END,
       issued_on,
       CASE WHEN due_kind = 'ONGOING' AND ${rnd("id", 35, 10)} > 0 THEN ends_on END,
       ${stamp}
     FROM (
       SELECT k.*,
         CASE k.due_kind
           WHEN 'DATE' THEN k.issued_on + 30 + ${rnd("k.id", 31, "greatest(1, k.ends_on - k.issued_on - 29)")}
           WHEN 'QUARTER' THEN (make_date(k.y, 3 * greatest(extract(quarter FROM k.issued_on)::int, 1 + ${rnd("k.id", 32, 4)}), 1) + interval '1 month' - interval '1 day')::date
           WHEN 'HALF' THEN CASE WHEN extract(month FROM k.issued_on) > 6 OR ${rnd("k.id", 33, 2)} = 1 THEN make_date(k.y, 12, 31) ELSE make_date(k.y, 6, 30) END
           WHEN 'YEAR' THEN k.ends_on
         END AS due_on
       FROM (
         SELECT i + 1 AS id, pl.id AS plan_id, pl.year AS y, pl."issuedOn" AS issued_on, pl."endsOn" AS ends_on,
           CASE WHEN j % 10 = 0 THEN NULL ELSE i - j % 10 + 1 END AS parent_id,
           CASE WHEN j % 10 = 0 THEN 'M' || (j / 10 + 1) ELSE 'M' || (j / 10 + 1) || '.' || lpad((j % 10)::text, 2, '0') END AS code,
           CASE WHEN j % 10 = 0 THEN j / 10 ELSE j % 10 - 1 END AS position,
           CASE WHEN j % 10 = 0 THEN 0 ELSE 1 END AS depth,
           CASE WHEN j % 10 = 0 THEN 'Nhóm nhiệm vụ ' || (j / 10 + 1) ELSE 'Nhiệm vụ ' || (j / 10 + 1) || '.' || (j % 10) END AS title,
           CASE WHEN j % 10 <> 0 AND ${rnd("i + 1", 20, 10)} < 6 THEN 1 + ${rnd("i + 1", 21, INDICES.length)} END AS index_id,
           CASE
             WHEN j % 10 = 0 THEN 'YEAR'
             ELSE (ARRAY['DATE', 'DATE', 'DATE', 'DATE', 'DATE', 'DATE', 'DATE', 'QUARTER', 'QUARTER', 'QUARTER', 'QUARTER',
                         'HALF', 'HALF', 'YEAR', 'YEAR', 'YEAR', 'ONGOING', 'ONGOING', 'ONGOING', 'ONGOING'])[1 + ${rnd("i + 1", 30, 20)}]
           END AS due_kind
         FROM generate_series(0, ${tasks - 1}) i
         CROSS JOIN LATERAL (SELECT i % ${tasksPerPlan} AS j) jj
         JOIN "Plan" pl ON pl.id = i / ${tasksPerPlan} + 1
       ) k
     ) d
     ORDER BY id`,
  );

  // One lead and 0-3 cooperating units per task, headings included (the
  // importer gives headings the units their children inherit).
  await run(
    "assignments",
    `INSERT INTO "Assignment" ("taskId", "unitId", role)
     SELECT t.id, CASE WHEN m = 0 THEN ${a.lead("t.id")} ELSE ${a.coop("t.id", "m")} END,
       (CASE WHEN m = 0 THEN 'LEAD' ELSE 'COOPERATING' END)::"AssignmentRole"
     FROM "Task" t CROSS JOIN generate_series(0, 3) m
     WHERE m <= ${a.coopCount("t.id")}
     ORDER BY t.id, m`,
  );

  // Reports go to 80 % of the leaves that had started by asOf, uniformly; each
  // is dated between the task's start and 90 days past its deadline (late
  // work gets reported too), never after asOf. Seven in ten come from the
  // lead unit. Percent follows the time elapsed towards the deadline, shifted
  // by a per-task diligence and per-report noise, in steps of 10; a lead's
  // 100 % is a completion, as in reportProgress.
  await run(
    "reports",
    `WITH leaves AS (
       SELECT t.id, t."startsOn", t."dueOn", t."endsOn", t.cadence,
         ${a.lead("t.id")} AS lead, ${a.coopCount("t.id")} AS coops,
         row_number() OVER (ORDER BY t.id) AS rn
       FROM "Task" t
       WHERE t."parentId" IS NOT NULL AND t."startsOn" <= ${day} AND ${rnd("t.id", 50, 10)} < 8
     ),
     picked AS (
       SELECT p.r, l.id AS task_id, l."startsOn", l.cadence, l.lead,
         l."startsOn" + ${rnd("p.r", 52, `least(${day}, COALESCE(l."dueOn", l."endsOn", ${day}) + 90) - l."startsOn" + 1`)} AS reported_on,
         greatest(1, COALESCE(l."dueOn", l."endsOn", ${day}) - l."startsOn") AS horizon,
         ${rnd("l.id", 55, 61)} - 30 AS diligence,
         CASE WHEN l.coops = 0 OR ${rnd("p.r", 53, 10)} < 7 THEN l.lead ELSE ${a.coop("l.id", `1 + ${rnd("p.r", 54, "l.coops")}`)} END AS unit_id
       FROM (SELECT r, 1 + ${rnd("r", 51, "(SELECT count(*) FROM leaves)")} AS rn FROM generate_series(1, ${reports}) r) p
       JOIN leaves l ON l.rn = p.rn
     ),
     scored AS (
       SELECT k.*,
         least(100, greatest(0, round((100.0 * (k.reported_on - k."startsOn") / k.horizon + k.diligence + ${rnd("k.r", 56, 21)} - 10) / 10) * 10))::int AS percent,
         -- 08:00-18:00 in Asia/Ho_Chi_Minh (UTC+7), stored in UTC as Prisma stores DateTime.
         k.reported_on::timestamp + make_interval(secs => 3600 + ${rnd("k.r", 57, 36000)}) AS reported_at
       FROM picked k
     )
     INSERT INTO "ProgressReport" ("taskId", "unitId", reporter, percent, done, note, "evidenceLinks", period, "reportedAt", "reportedOn", source)
     SELECT task_id, unit_id, 'U' || lpad(unit_id::text, 8, '0'), percent, unit_id = lead AND percent = 100,
       CASE WHEN ${rnd("r", 58, 4)} = 0 THEN 'Đã triển khai theo kế hoạch' ELSE '' END,
       CASE WHEN ${rnd("r", 59, 5)} = 0 THEN ARRAY['https://vb.example.gov.vn/' || r] ELSE '{}' END,
       CASE COALESCE(cadence::text, 'QUARTER')
         WHEN 'WEEK' THEN to_char(reported_on, 'IYYY-"W"IW')
         WHEN 'MONTH' THEN to_char(reported_on, 'YYYY-MM')
         WHEN 'QUARTER' THEN to_char(reported_on, 'YYYY-"Q"Q')
         WHEN 'HALF' THEN to_char(reported_on, 'YYYY') || CASE WHEN extract(month FROM reported_on) <= 6 THEN '-H1' ELSE '-H2' END
         ELSE to_char(reported_on, 'YYYY')
       END,
       reported_at, reported_on,
       (CASE WHEN ${rnd("r", 60, 10)} = 0 THEN 'CLI' ELSE 'SLACK' END)::"ReportSource"
     FROM scored
     -- ids in time order, as reports arriving one by one would have them.
     ORDER BY reported_at, r`,
  );

  // Task's progress columns as reportProgress would have left them after the
  // reports in (reportedAt, id) order: first and last report day from every
  // report; percent from the lead's latest report; completedOn the first day
  // of the final run of lead reports that are done (a lead report that is
  // not done reopens the task).
  await run(
    "task progress",
    `UPDATE "Task" t SET "firstReportOn" = s.first_on, "lastReportOn" = s.last_on
     FROM (SELECT "taskId", min("reportedOn") AS first_on, max("reportedOn") AS last_on FROM "ProgressReport" GROUP BY "taskId") s
     WHERE s."taskId" = t.id`,
    `UPDATE "Task" t SET percent = l.percent, "completedOn" = l.completed_on
     FROM (
       SELECT "taskId",
         (array_agg(percent ORDER BY "reportedAt" DESC, id DESC))[1] AS percent,
         min("reportedOn") FILTER (WHERE done_from_here) AS completed_on
       FROM (
         SELECT r."taskId", r.id, r."reportedAt", r."reportedOn", r.percent,
           bool_and(r.done) OVER (PARTITION BY r."taskId" ORDER BY r."reportedAt" DESC, r.id DESC ROWS UNBOUNDED PRECEDING) AS done_from_here
         FROM "ProgressReport" r
         JOIN "Assignment" a ON a."taskId" = r."taskId" AND a."unitId" = r."unitId" AND a.role = 'LEAD'
       ) lr
       GROUP BY "taskId"
     ) l
     WHERE l."taskId" = t.id`,
  );

  // Explicit ids above: move the sequences past them, as a real history would.
  await maintain(
    "sequences",
    ...["Unit", "Index", "Criterion", "Plan", "Task"].map((table) => `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`),
  );
  // What autovacuum would do soon after a bulk load: planner statistics
  // (without them the first queries are planned on guesses) and the
  // visibility map (without it index-only scans still visit the heap).
  await maintain("vacuum analyze", "VACUUM ANALYZE");
  return steps;
}

export interface Fingerprint {
  units: number;
  plans: number;
  tasks: number;
  leaves: number;
  assignments: number;
  reports: number;
  tasksWithReports: number;
  completed: number;
  /** md5 over every task's progress columns and every report: equal on both databases for the same options. */
  md5: string;
}

export async function fingerprint(prisma: PrismaClient): Promise<Fingerprint> {
  const [row] = await prisma.$queryRawUnsafe<Fingerprint[]>(`
    SELECT
      (SELECT count(*)::int FROM "Unit") AS units,
      (SELECT count(*)::int FROM "Plan") AS plans,
      (SELECT count(*)::int FROM "Task") AS tasks,
      (SELECT count(*)::int FROM "Task" WHERE "parentId" IS NOT NULL) AS leaves,
      (SELECT count(*)::int FROM "Assignment") AS assignments,
      (SELECT count(*)::int FROM "ProgressReport") AS reports,
      (SELECT count(*)::int FROM "Task" WHERE "firstReportOn" IS NOT NULL) AS "tasksWithReports",
      (SELECT count(*)::int FROM "Task" WHERE "completedOn" IS NOT NULL) AS completed,
      md5(
        (SELECT string_agg(concat_ws(':', id, "dueKind", "dueOn", cadence, "endsOn", percent, "firstReportOn", "lastReportOn", "completedOn"), ',' ORDER BY id) FROM "Task")
        || (SELECT string_agg(concat_ws(':', "taskId", "unitId", percent, done, "reportedAt", period), ',' ORDER BY "reportedAt", "taskId", "unitId", percent) FROM "ProgressReport")
      ) AS md5`);
  return row!;
}

/**
 * Replays the reports of a sample of tasks through the rules of
 * src/services/report-progress.ts, in JavaScript, and compares the result
 * with the progress columns the SQL wrote. Returns the ids that disagree.
 */
export async function checkProgressColumns(prisma: PrismaClient, sample = 300): Promise<{ checked: number; mismatched: number[] }> {
  const tasks = await prisma.task.findMany({
    where: { reports: { some: {} } },
    orderBy: { id: "asc" },
    take: sample,
    include: { assignments: true, reports: { orderBy: [{ reportedAt: "asc" }, { id: "asc" }] } },
  });
  const mismatched: number[] = [];
  for (const t of tasks) {
    const lead = new Set(t.assignments.filter((x) => x.role === "LEAD").map((x) => x.unitId));
    let percent = 0;
    let first = null as Day | null;
    let last = null as Day | null;
    let completed = null as Day | null;
    for (const r of t.reports) {
      const on = fromDate(r.reportedOn);
      first = first !== null && first < on ? first : on;
      last = last !== null && last > on ? last : on;
      if (lead.has(r.unitId)) {
        // r.done is what reportProgress stored: done, or a lead's 100 %.
        percent = r.percent;
        completed = r.done ? (completed ?? on) : null;
      }
    }
    const day = (d: Date | null) => (d ? fromDate(d) : null);
    if (t.percent !== percent || day(t.firstReportOn) !== first || day(t.lastReportOn) !== last || day(t.completedOn) !== completed) {
      mismatched.push(t.id);
    }
  }
  return { checked: tasks.length, mismatched };
}

export async function openAndGenerate(
  kind: "pglite" | "postgres",
  options: { dataset?: DatasetOptions; dir?: string; pgUrl?: string; logLevel?: string } = {},
): Promise<{ scratch: ScratchDatabase; steps: GenerationStep[]; totalMs: number; openMs: number }> {
  const log = createLogger(options.logLevel ?? "warn");
  const opened = await timed(() => (kind === "pglite" ? scratchPglite(log, options.dir) : scratchPostgres(log, options.pgUrl)));
  try {
    const generated = await timed(() => generateDataset(opened.value.db.prisma, options.dataset));
    return { scratch: opened.value, steps: generated.value, totalMs: generated.ms, openMs: opened.ms };
  } catch (e) {
    await opened.value.dispose();
    throw e;
  }
}

export function formatSteps(steps: readonly GenerationStep[], totalMs: number): string {
  return [
    ...steps.map((s) => `  ${s.step.padEnd(14)} ${s.rows === null ? " ".repeat(13) : `${String(s.rows).padStart(8)} rows`}  ${ms(s.ms).padStart(9)}`),
    `  ${"total".padEnd(14)} ${" ".repeat(13)}  ${ms(totalMs).padStart(9)}`,
  ].join("\n");
}

export function datasetOptionsFrom(opts: { scale: number; asOf: string }): DatasetOptions {
  const scaled = (n: number) => Math.max(1, Math.round(n * opts.scale));
  return {
    units: Math.max(4, scaled(PROVINCE.units)),
    plans: scaled(PROVINCE.plans),
    tasksPerPlan: PROVINCE.tasksPerPlan,
    reports: scaled(PROVINCE.reports),
    asOf: opts.asOf,
  };
}

async function main() {
  const program = new Command("dataset")
    .description("Generate the province-scale benchmark dataset into a fresh database and report how long it took")
    .addOption(new Option("--db <kind>", "database").choices(["pglite", "postgres"]).default("pglite"))
    .option("--dir <dir>", "PGlite data directory (default: a new temp dir)")
    .option("--pg-url <url>", "PostgreSQL server; a database bench_dondoc_<pid> is created on it", DEFAULT_PG_URL)
    .option("--scale <factor>", "scale every count (1 = 1,000 units, 500 plans, 20,000 tasks, 200,000 reports)", Number, 1)
    .option("--as-of <day>", "the day the data describes", PROVINCE.asOf)
    .option("--keep", "keep the data (directory or database) and print where it is", false)
    .option("--check", "replay a sample of tasks' reports in JS and compare the progress columns", false)
    .parse();
  const o = program.opts<{ db: "pglite" | "postgres"; dir?: string; pgUrl: string; scale: number; asOf: string; keep: boolean; check: boolean }>();
  const dataset = datasetOptionsFrom(o);
  console.log(`dataset ${JSON.stringify(dataset)} on ${o.db}`);
  const { scratch, steps, totalMs, openMs } = await openAndGenerate(o.db, { dataset, dir: o.dir, pgUrl: o.pgUrl });
  try {
    console.log(`open + migrations: ${ms(openMs)}\ngeneration:\n${formatSteps(steps, totalMs)}`);
    console.log(`fingerprint ${JSON.stringify(await fingerprint(scratch.db.prisma))}`);
    if (o.check) console.log(`progress columns check ${JSON.stringify(await checkProgressColumns(scratch.db.prisma))}`);
  } finally {
    await scratch.dispose({ keep: o.keep || Boolean(o.dir) });
    if (o.keep || o.dir) console.log(`kept: ${scratch.location}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
