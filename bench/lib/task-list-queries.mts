// The statements behind `/kehoach viec` and `/kehoach tongquan`, restated so
// that PostgreSQL's planning and execution times can be read with EXPLAIN
// ANALYZE: unitTaskSummaries' page and count queries
// (src/services/task-summaries.ts) and statusSummary's one statement
// (src/services/plan-queries.ts). Keep them in step with those files: if they
// change, the times printed here stop describing them.
//
// Also a candidate rewrite of the page query, for comparison only: the
// status computed in a MATERIALIZED CTE restricted to the unit's tasks, so
// that the outer query's DISTINCT ON and ORDER BY name a column instead of
// the whole status CASE expression (which the planner otherwise inlines and
// processes several times), with the count in the same statement.
import type { PrismaClient } from "../../src/db/database.js";
import { taskStatusSql } from "../../src/db/status-sql.js";
import type { Day } from "../../src/domain/day.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { explainAnalyze } from "./status-queries.mjs";

const PAGE = 10;

function unitBase(today: Day, unitIds: number[]): Prisma.Sql {
  return Prisma.sql`
    FROM (${taskStatusSql(today)}) s
    JOIN "Task" t ON t.id = s.id
    JOIN "Plan" p ON p.id = t."planId"
    JOIN "Assignment" a ON a."taskId" = t.id AND a."unitId" = ANY(${unitIds}::int[])
    WHERE true`;
}

const COLUMNS = Prisma.sql`
  t.id, t.code, t.title, p.number AS "planNumber", a.role::text AS role, s.status, t."dueLabel", t."dueOn",
  t.percent, t."lastReportOn", t."completedOn",
  (SELECT json_agg(json_build_object('code', u.code, 'name', u.name) ORDER BY u.code)
     FROM "Assignment" la JOIN "Unit" u ON u.id = la."unitId"
    WHERE la."taskId" = t.id AND la.role = 'LEAD') AS lead`;

export function viecQueries(today: Day, unitIds: number[], planId: number): Record<string, Prisma.Sql> {
  const base = unitBase(today, unitIds);
  return {
    "viec: unitTaskSummaries page query": Prisma.sql`
      SELECT DISTINCT ON (s.status = 'OVERDUE', t."dueOn", t.id) ${COLUMNS}
      ${base}
      ORDER BY s.status = 'OVERDUE' DESC, t."dueOn" ASC NULLS LAST, t.id
      LIMIT ${PAGE} OFFSET 0`,
    "viec: unitTaskSummaries count query": Prisma.sql`SELECT count(DISTINCT t.id)::int AS n ${base}`,
    "viec, candidate: status in a MATERIALIZED CTE of the unit's tasks, page and count in one statement": Prisma.sql`
      WITH s AS MATERIALIZED (
        SELECT x.* FROM (${taskStatusSql(today)}) x
        WHERE x.id IN (SELECT "taskId" FROM "Assignment" WHERE "unitId" = ANY(${unitIds}::int[])))
      SELECT DISTINCT ON (s.status = 'OVERDUE', t."dueOn", t.id) ${COLUMNS}, count(*) OVER () AS total
      FROM s
      JOIN "Task" t ON t.id = s.id
      JOIN "Plan" p ON p.id = t."planId"
      JOIN "Assignment" a ON a."taskId" = t.id AND a."unitId" = ANY(${unitIds}::int[])
      ORDER BY s.status = 'OVERDUE' DESC, t."dueOn" ASC NULLS LAST, t.id
      LIMIT ${PAGE} OFFSET 0`,
    "tongquan: statusSummary statement (one plan)": Prisma.sql`
      WITH s AS MATERIALIZED (${taskStatusSql(today, { planIds: [planId] })})
      SELECT 'all' AS grp, NULL::int AS "unitId", NULL AS role, NULL AS code, NULL AS name, s.status, count(*)::int AS n
        FROM s GROUP BY s.status
      UNION ALL
      SELECT 'unit', a."unitId", a.role::text, NULL, NULL, s.status, count(*)::int
        FROM s JOIN "Assignment" a ON a."taskId" = s.id GROUP BY a."unitId", a.role, s.status
      UNION ALL
      SELECT 'index', NULL, NULL, i.code, i.name, s.status, count(*)::int
        FROM s JOIN "Index" i ON i.id = s."indexId" GROUP BY i.code, i.name, s.status`,
  };
}

export interface PlanningTimes {
  name: string;
  planningMs: number;
  executionMs: number;
}

/** Median "Planning Time" and "Execution Time" of EXPLAIN ANALYZE over `reps` runs (after one untimed run). */
export async function planningTimes(prisma: PrismaClient, name: string, query: Prisma.Sql, reps = 7): Promise<PlanningTimes> {
  const planning: number[] = [];
  const execution: number[] = [];
  await explainAnalyze(prisma, query);
  for (let i = 0; i < reps; i++) {
    const text = await explainAnalyze(prisma, query);
    planning.push(Number(/Planning Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN));
    execution.push(Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? NaN));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { name, planningMs: median(planning), executionMs: median(execution) };
}
