// The three GROUP BY queries statusSummary (src/services/plan-queries.ts)
// wraps around taskStatusSql, restated here so that their plans can be
// printed with EXPLAIN ANALYZE. Keep them in step with statusSummary: if it
// changes, the plans printed here stop describing it.
import type { PrismaClient } from "../../src/db/database.js";
import { taskStatusSql, type ProgressSource } from "../../src/db/status-sql.js";
import type { Day } from "../../src/domain/day.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { UnitResolver } from "../../src/services/unit-resolver.js";

export function statusGroupQueries(today: Day, options: { planIds?: number[]; source?: ProgressSource }): Record<string, Prisma.Sql> {
  const status = taskStatusSql(today, options);
  return {
    overall: Prisma.sql`SELECT s.status, count(*)::int AS n FROM (${status}) s GROUP BY s.status`,
    "by unit": Prisma.sql`
      SELECT a."unitId", a.role::text AS role, s.status, count(*)::int AS n
      FROM (${status}) s JOIN "Assignment" a ON a."taskId" = s.id
      GROUP BY a."unitId", a.role, s.status`,
    "by index": Prisma.sql`
      SELECT i.code, i.name, s.status, count(*)::int AS n
      FROM (${status}) s JOIN "Index" i ON i.id = s."indexId"
      GROUP BY i.code, i.name, s.status ORDER BY i.code`,
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a query, as text. Lines longer than `width`
 * are cut: the status CASE expression is repeated in every Group Key and Sort
 * Key line and runs to thousands of characters.
 */
export async function explainAnalyze(prisma: PrismaClient, query: Prisma.Sql, width = 180): Promise<string> {
  const rows = await prisma.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
  return rows
    .map((r) => Object.values(r)[0] ?? "")
    .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line))
    .join("\n");
}

/**
 * A candidate rewrite, for comparison only: the same three groupings from one
 * statement that computes each task's status once (a MATERIALIZED CTE)
 * instead of three times, plus the unit look-ups statusSummary also does, so
 * that the figures compare like with like. On PGlite, whose one connection
 * runs statusSummary's three queries one after the other, this matters most.
 */
export async function oneStatementStatus(prisma: PrismaClient, today: Day, options: { planIds?: number[]; source?: ProgressSource }) {
  const status = taskStatusSql(today, options);
  return Promise.all([
    prisma.$queryRaw<{ k: string; unitId: number | null; role: string | null; code: string | null; status: string; n: number }[]>`
      WITH s AS MATERIALIZED (${status})
      SELECT 'overall' AS k, NULL::int AS "unitId", NULL::text AS role, NULL::text AS code, NULL::text AS name, s.status, count(*)::int AS n
      FROM s GROUP BY s.status
      UNION ALL
      SELECT 'unit', a."unitId", a.role::text, NULL, NULL, s.status, count(*)::int
      FROM s JOIN "Assignment" a ON a."taskId" = s.id GROUP BY a."unitId", a.role, s.status
      UNION ALL
      SELECT 'index', NULL, NULL, i.code, i.name, s.status, count(*)::int
      FROM s JOIN "Index" i ON i.id = s."indexId" GROUP BY i.code, i.name, s.status`,
    UnitResolver.load(prisma),
    prisma.unit.findMany({ select: { id: true, code: true } }),
  ]);
}
