// Tasks as lists show them: status computed in SQL, from one unit's point
// of view (its role on each task). Shared by the task list, App Home and the
// weekly reminders.
import { Prisma } from "../generated/prisma/client.js";
import type { PrismaClient } from "../db/database.js";
import type { AssignmentRole } from "../domain/permissions.js";
import { taskStatusSql } from "../db/status-sql.js";
import { addDays, fromDate, type Day } from "../domain/day.js";
import type { TaskStatus } from "../domain/status.js";
import type { TaskFilter, TaskSummary } from "../models/index.js";
import { missingWindow } from "./plan-queries.js";

export type SummaryFilter = TaskFilter | "stale" | "recently_done" | "open" | "done_since";

interface Row {
  id: number;
  code: string;
  title: string;
  planNumber: string;
  role: AssignmentRole | null;
  status: TaskStatus;
  dueLabel: string;
  dueOn: Date | null;
  percent: number;
  lastReportOn: Date | null;
  completedOn: Date | null;
  missingFrom: Date | null;
  cadence: string | null;
  periods: "WINDOW" | "CALENDAR";
  lead: { code: string; name: string }[] | null;
}

export interface SummaryOptions {
  unitIds?: number[];
  leadOnly?: boolean;
  /** The tasks the unit leads, or those it cooperates on (`leadOnly` is `role: "LEAD"`). */
  role?: "LEAD" | "COOPERATING";
  /** Only these tasks. */
  taskIds?: number[];
  filter: SummaryFilter;
  today: Day;
  since?: Day;
  planIds?: number[];
  limit?: number;
  offset?: number;
}

/**
 * A unit's tasks matching a filter, worst first (overdue, then by due day).
 * `overdue`: past deadline and not done; `due_soon`: due within 14 days and
 * not done; `stale`: tasks it leads, within deadline, with no report for 7 days;
 * `recently_done`: completed in the last 14 days; `done_since`: completed on
 * or after `since`; `open`: not done. Without `unitIds`, every unit's tasks
 * (and `role` is null).
 */
export async function unitTaskSummaries(prisma: PrismaClient, options: SummaryOptions): Promise<{ tasks: TaskSummary[]; total: number }> {
  const sql = unitTaskSummariesSql(options);
  const rows = sql.page ? await prisma.$queryRaw<(Row & { total: number })[]>(sql.page) : [];
  // No rows (a count-only call, or a page past the end): count separately.
  const count = rows.length > 0 ? [{ n: rows[0]!.total }] : await prisma.$queryRaw<{ n: number }[]>(sql.count);
  return {
    total: count[0]?.n ?? 0,
    tasks: rows.map((r) => ({
      id: r.id,
      code: r.code,
      planNumber: r.planNumber,
      title: r.title,
      role: r.role,
      status: r.status,
      dueLabel: r.dueLabel,
      dueOn: r.dueOn ? fromDate(r.dueOn) : null,
      percent: r.percent,
      lastReportOn: r.lastReportOn ? fromDate(r.lastReportOn) : null,
      missingReport: missingWindow(r)?.key ?? null,
      lead: r.lead ?? [],
    })),
  };
}

/**
 * unitTaskSummaries' statements: the page with its total (null when `limit`
 * is 0), and the count alone, run when the page is empty. Exported so that
 * bench/ explains and times exactly what production runs.
 */
export function unitTaskSummariesSql(options: SummaryOptions): { page: Prisma.Sql | null; count: Prisma.Sql } {
  const { today } = options;
  const role = options.role ?? (options.leadOnly ? "LEAD" : undefined);
  const soon = addDays(today, 14);
  const weekAgo = addDays(today, -7);
  const where = {
    all: Prisma.sql`true`,
    open: Prisma.sql`s.status NOT IN ('DONE_ON_TIME', 'DONE_LATE')`,
    overdue: Prisma.sql`s.status = 'OVERDUE'`,
    due_soon: Prisma.sql`s.status IN ('NOT_STARTED', 'IN_PROGRESS') AND t."dueOn" BETWEEN ${today}::date AND ${soon}::date`,
    // Not overdue: those are listed as overdue already.
    stale: Prisma.sql`a.role = 'LEAD' AND s.status IN ('NOT_STARTED', 'IN_PROGRESS') AND (t."lastReportOn" IS NULL OR t."lastReportOn" < ${weekAgo}::date)`,
    recently_done: Prisma.sql`s.status IN ('DONE_ON_TIME', 'DONE_LATE') AND t."completedOn" >= ${addDays(today, -14)}::date`,
    done_since: Prisma.sql`s.status IN ('DONE_ON_TIME', 'DONE_LATE') AND t."completedOn" >= ${options.since ?? today}::date`,
  }[options.filter];
  const unitJoin = options.unitIds
    ? Prisma.sql`JOIN "Assignment" a ON a."taskId" = t.id AND a."unitId" = ANY(${options.unitIds}::int[])`
    : Prisma.sql`CROSS JOIN LATERAL (SELECT NULL::text AS role) a`;
  // The status of the unit's tasks only, in a MATERIALIZED CTE, so that the
  // planner does not inline the status CASE expression into DISTINCT ON and
  // ORDER BY (planning took longer than running: BENCHMARKS.md).
  const status = taskStatusSql(today, { planIds: options.planIds });
  const mine = Prisma.sql`
    WITH s AS MATERIALIZED (
      SELECT x.* FROM (${status}) x
      ${options.unitIds ? Prisma.sql`WHERE x.id IN (SELECT "taskId" FROM "Assignment" WHERE "unitId" = ANY(${options.unitIds}::int[]))` : Prisma.empty})`;
  const base = Prisma.sql`
    FROM s
    JOIN "Task" t ON t.id = s.id
    JOIN "Plan" p ON p.id = t."planId"
    ${unitJoin}
    WHERE ${where}
    ${role ? Prisma.sql`AND a.role::text = ${role}` : Prisma.empty}
    ${options.taskIds ? Prisma.sql`AND t.id = ANY(${options.taskIds}::int[])` : Prisma.empty}`;
  const limit = options.limit ?? 1000;
  const offset = options.offset ?? 0;
  // One statement gives the page and the total (a window count before LIMIT);
  // the lead units are looked up for the page's rows only.
  const page =
    limit > 0
      ? Prisma.sql`
      ${mine},
      matching AS (
        SELECT DISTINCT ON (s.status = 'OVERDUE', t."dueOn", t.id)
          t.id, t.code, t.title, p.number AS "planNumber", a.role::text AS role, s.status, t."dueLabel", t."dueOn",
          t.percent, t."lastReportOn", t."completedOn", s."missingFrom", t.cadence::text AS cadence, p."reportingPeriods"::text AS periods
        ${base}
        ORDER BY s.status = 'OVERDUE' DESC, t."dueOn" ASC NULLS LAST, t.id
      ),
      page AS (
        SELECT m.*, count(*) OVER ()::int AS total FROM matching m
        ORDER BY m.status = 'OVERDUE' DESC, m."dueOn" ASC NULLS LAST, m.id
        LIMIT ${limit} OFFSET ${offset}
      )
      SELECT page.*,
        (SELECT json_agg(json_build_object('code', u.code, 'name', u.name) ORDER BY u.code)
           FROM "Assignment" la JOIN "Unit" u ON u.id = la."unitId"
          WHERE la."taskId" = page.id AND la.role = 'LEAD') AS lead
      FROM page
      ORDER BY page.status = 'OVERDUE' DESC, page."dueOn" ASC NULLS LAST, page.id`
      : null;
  return { page, count: Prisma.sql`${mine} SELECT count(DISTINCT t.id)::int AS n ${base}` };
}
