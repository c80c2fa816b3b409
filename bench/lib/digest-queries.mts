// The reads digestModel (src/services/weekly/digest.ts) makes, one by one,
// so that each can be timed alone and its raw SQL printed with EXPLAIN
// ANALYZE. Both come from src itself (digestReads, digestSql,
// statusSummarySql, unitTaskSummariesSql): the figures describe what
// production runs. digestModel starts all but the unit look-up together
// (Promise.all) and the unit look-up after them.
import type { PrismaClient } from "../../src/db/database.js";
import { addDays, type Day } from "../../src/domain/day.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { statusSummarySql } from "../../src/services/plan-queries.js";
import { unitTaskSummariesSql } from "../../src/services/task-summaries.js";
import { digestReads, digestSql, overdueListOptions } from "../../src/services/weekly/digest.js";

export interface DigestPart {
  name: string;
  /** What digestModel runs for this part. */
  run: () => Promise<unknown>;
  /** The SQL statements behind it, for EXPLAIN ANALYZE (raw SQL parts only). */
  sql: Record<string, Prisma.Sql>;
}

export function digestParts(prisma: PrismaClient, options: { today: Day; planIds?: number[] }): DigestPart[] {
  const { today, planIds } = options;
  const reads = digestReads(prisma, options);
  const overdue = unitTaskSummariesSql(overdueListOptions(options));
  let codes: string[] | undefined;
  return [
    { name: "plans", run: reads.plans, sql: {} },
    { name: "statusSummary, today", run: reads.now, sql: { "status, today": statusSummarySql(today, { planIds }) } },
    { name: "statusSummary, a week ago", run: reads.lastWeek, sql: { "status, a week ago": statusSummarySql(addDays(today, -7), { planIds }) } },
    {
      name: `overdue list (unitTaskSummaries, limit ${overdueListOptions(options).limit})`,
      run: reads.overdue,
      sql: { "overdue page": overdue.page!, "overdue count (when the page is empty)": overdue.count },
    },
    { name: "open obstacles", run: reads.obstacles, sql: {} },
    { name: "criteria with latest values", run: reads.criteria, sql: {} },
    { name: "reports per unit this week", run: reads.reportsByUnit, sql: { "reports per unit": digestSql.reportsByUnit(options) } },
    { name: "units leading open tasks", run: reads.leadUnits, sql: { "lead units": digestSql.leadUnits(options) } },
    { name: "measured objectives (objectiveProgress)", run: reads.objectives, sql: {} },
    {
      name: "unit ids by code (after the others)",
      run: async () => {
        // digestModel passes the codes of statusSummary's units: 995 of the 1,000 here.
        codes ??= (await prisma.unit.findMany({ select: { code: true } })).map((u) => u.code);
        return reads.unitIds(codes);
      },
      sql: {},
    },
  ];
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
