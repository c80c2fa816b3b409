// The queries digestModel (src/services/weekly/digest.ts) runs, one by one,
// so that each can be timed alone and its plan printed with EXPLAIN ANALYZE.
// digestModel starts the first eight together (Promise.all) and the unit
// look-up after them. The calls and SQL are restated from digest.ts,
// task-summaries.ts and plan-queries.ts: keep them in step; if those change,
// the figures here stop describing them.
import type { PrismaClient } from "../../src/db/database.js";
import { taskStatusSql } from "../../src/db/status-sql.js";
import { addDays, type Day } from "../../src/domain/day.js";
import { periodOf } from "../../src/domain/period.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { statusSummary, statusSummarySql } from "../../src/services/plan-queries.js";
import { unitTaskSummaries } from "../../src/services/task-summaries.js";

const OVERDUE_SHOWN = 15;
const OBSTACLES_SHOWN = 10;

export interface DigestPart {
  name: string;
  /** What digestModel runs for this part. */
  run: () => Promise<unknown>;
  /** The SQL statements behind it, for EXPLAIN ANALYZE (raw SQL parts only). */
  sql: Record<string, Prisma.Sql>;
}

export function digestParts(prisma: PrismaClient, options: { today: Day; planIds?: number[] }): DigestPart[] {
  const { today, planIds } = options;
  const week = periodOf(today, "WEEK");
  const lastWeekDay = addDays(today, -7);
  const planSql = (column: Prisma.Sql) => (planIds ? Prisma.sql`AND ${column} = ANY(${planIds}::int[])` : Prisma.empty);
  const reportsByUnit = Prisma.sql`
    SELECT r."unitId", count(*)::int AS n FROM "ProgressReport" r
    JOIN "Task" t ON t.id = r."taskId"
    WHERE r."reportedOn" BETWEEN ${week.start}::date AND ${today}::date
      ${planSql(Prisma.sql`t."planId"`)}
    GROUP BY r."unitId"`;
  const leadUnits = Prisma.sql`
    SELECT DISTINCT u.id, u.code, u.name FROM "Unit" u
    JOIN "Assignment" a ON a."unitId" = u.id AND a.role = 'LEAD'
    JOIN "Task" t ON t.id = a."taskId" AND t."archivedAt" IS NULL AND t."completedOn" IS NULL
    WHERE u.active AND u."mergedIntoId" IS NULL
      ${planSql(Prisma.sql`t."planId"`)}
    ORDER BY u.code`;
  let codes: string[] | undefined;
  return [
    {
      name: "plans",
      run: () =>
        prisma.plan.findMany({
          where: planIds ? { id: { in: planIds } } : {},
          orderBy: [{ year: "desc" }, { issuedOn: "desc" }],
          select: { number: true, title: true },
        }),
      sql: {},
    },
    { name: "statusSummary, today", run: () => statusSummary(prisma, { today, planIds }), sql: { "status, today": statusStatement(today, { planIds }) } },
    {
      name: "statusSummary, a week ago",
      run: () => statusSummary(prisma, { today: lastWeekDay, planIds }),
      sql: { "status, a week ago": statusStatement(lastWeekDay, { planIds }) },
    },
    {
      name: `overdue list (unitTaskSummaries, limit ${OVERDUE_SHOWN})`,
      run: () => unitTaskSummaries(prisma, { filter: "overdue", today, planIds, limit: OVERDUE_SHOWN }),
      sql: overdueStatements(today, planIds),
    },
    {
      name: "open obstacles",
      run: () =>
        prisma.obstacle.findMany({
          where: { resolvedAt: null, ...(planIds ? { task: { planId: { in: planIds } } } : {}) },
          include: { task: true, unit: true },
          orderBy: { raisedAt: "asc" },
          take: OBSTACLES_SHOWN,
        }),
      sql: {},
    },
    {
      name: "criteria with latest values",
      run: () =>
        prisma.criterion.findMany({
          where: planIds ? { tasks: { some: { planId: { in: planIds } } } } : {},
          include: { index: true, values: { orderBy: { period: "desc" }, take: 2 } },
          orderBy: [{ index: { code: "asc" } }, { position: "asc" }],
        }),
      sql: {},
    },
    { name: "reports per unit this week", run: () => prisma.$queryRaw(reportsByUnit), sql: { "reports per unit": reportsByUnit } },
    { name: "units leading open tasks", run: () => prisma.$queryRaw(leadUnits), sql: { "lead units": leadUnits } },
    {
      name: "unit ids by code (after the others)",
      run: async () => {
        // digestModel passes the codes of statusSummary's units: 995 of the 1,000 here.
        codes ??= (await prisma.unit.findMany({ select: { code: true } })).map((u) => u.code);
        return prisma.unit.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
      },
      sql: {},
    },
  ];
}

/** statusSummary's one statement, from src/services/plan-queries.ts itself. */
const statusStatement = (today: Day, options: { planIds?: number[] }): Prisma.Sql => statusSummarySql(today, options);

/** unitTaskSummaries({ filter: "overdue" }) without units (src/services/task-summaries.ts): the page and the count. */
function overdueStatements(today: Day, planIds?: number[]): Record<string, Prisma.Sql> {
  const mine = Prisma.sql`WITH s AS MATERIALIZED (SELECT x.* FROM (${taskStatusSql(today, { planIds })}) x)`;
  const base = Prisma.sql`
    FROM s
    JOIN "Task" t ON t.id = s.id
    JOIN "Plan" p ON p.id = t."planId"
    CROSS JOIN LATERAL (SELECT NULL::text AS role) a
    WHERE s.status = 'OVERDUE'`;
  return {
    "overdue page": Prisma.sql`
      ${mine}
      SELECT DISTINCT ON (s.status = 'OVERDUE', t."dueOn", t.id)
        t.id, t.code, t.title, p.number AS "planNumber", a.role::text AS role, s.status, t."dueLabel", t."dueOn",
        t.percent, t."lastReportOn", t."completedOn",
        (SELECT json_agg(json_build_object('code', u.code, 'name', u.name) ORDER BY u.code)
           FROM "Assignment" la JOIN "Unit" u ON u.id = la."unitId"
          WHERE la."taskId" = t.id AND la.role = 'LEAD') AS lead
      ${base}
      ORDER BY s.status = 'OVERDUE' DESC, t."dueOn" ASC NULLS LAST, t.id
      LIMIT ${OVERDUE_SHOWN} OFFSET 0`,
    "overdue count": Prisma.sql`${mine} SELECT count(DISTINCT t.id)::int AS n ${base}`,
  };
}

/**
 * What the province dataset lacks and the digest shows: obstacles (one in
 * four still open) on leaf tasks, raised by their lead unit, and eight
 * quarters of values for every criterion.
 */
export async function addDigestExtras(prisma: PrismaClient, options: { obstacles: number; asOf: Day }): Promise<{ obstacles: number; values: number }> {
  const obstacles = await prisma.$executeRawUnsafe(
    `INSERT INTO "Obstacle" ("taskId", "unitId", "raisedBy", text, "raisedAt", "resolvedAt", "resolvedBy", resolution)
     SELECT t.id, a."unitId", 'U00000001', 'Vướng mắc số ' || k || ': thiếu kinh phí và nhân lực để triển khai',
       '${options.asOf}'::timestamp - make_interval(days => (1 + (hashint8extended(k, 70) & 2147483647) % 300)::int),
       CASE WHEN k % 4 = 0 THEN NULL ELSE '${options.asOf}'::timestamp - interval '1 day' END,
       CASE WHEN k % 4 = 0 THEN NULL ELSE 'U00000002' END,
       CASE WHEN k % 4 = 0 THEN NULL ELSE 'Đã giải quyết' END
     FROM generate_series(1, ${options.obstacles}) k
     CROSS JOIN LATERAL (SELECT 1 + (hashint8extended(k, 71) & 2147483647) % (SELECT max(id) FROM "Task") AS pick) p
     -- The dataset's headings are tasks 1, 11, 21...: take the leaf after one.
     JOIN "Task" t ON t.id = p.pick + CASE WHEN p.pick % 10 = 1 THEN 1 ELSE 0 END
     JOIN "Assignment" a ON a."taskId" = t.id AND a.role = 'LEAD'`,
  );
  const values = await prisma.$executeRawUnsafe(
    `INSERT INTO "CriterionValue" ("criterionId", period, value, source)
     SELECT c.id, y || '-Q' || q, 50 + (hashint8extended(c.id * 100 + y * 10 + q, 72) & 2147483647) % 50, 'bench'
     FROM "Criterion" c, generate_series(2024, 2025) y, generate_series(1, 4) q`,
  );
  await prisma.$executeRawUnsafe(`UPDATE "Criterion" SET target = 80, "measureUnit" = '%'`);
  await prisma.$executeRawUnsafe(`ANALYZE "Obstacle"`);
  await prisma.$executeRawUnsafe(`ANALYZE "CriterionValue"`);
  return { obstacles, values };
}
