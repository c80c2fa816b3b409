// The statements behind `/kehoach viec` and `/kehoach tongquan`, taken from
// production itself so that PostgreSQL's planning and execution times can be
// read with EXPLAIN ANALYZE: unitTaskSummaries' page and count statements
// (unitTaskSummariesSql, src/services/task-summaries.ts) for the caller's
// unit with the page `viec` asks for, and statusSummary's one statement
// (statusSummarySql, src/services/plan-queries.ts).
import type { PrismaClient } from "../../src/db/database.js";
import type { Day } from "../../src/domain/day.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { statusSummarySql } from "../../src/services/plan-queries.js";
import { unitTaskSummariesSql } from "../../src/services/task-summaries.js";
import { explainAnalyze } from "./status-queries.mjs";

export function viecQueries(today: Day, unitIds: number[], planId: number, pageSize: number): Record<string, Prisma.Sql> {
  // The options `/kehoach viec` passes (src/slack/commands/tasks.ts): the unit's tasks, first page.
  const viec = unitTaskSummariesSql({ unitIds, filter: "all", today, limit: pageSize, offset: 0 });
  return {
    "viec: unitTaskSummaries page statement (page and total)": viec.page!,
    "viec: unitTaskSummaries count statement (run when the page is empty)": viec.count,
    "tongquan: statusSummary statement (one plan)": statusSummarySql(today, { planIds: [planId] }),
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
