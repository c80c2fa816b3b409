// Task status in SQL, for counts over many tasks without loading them. It
// mirrors src/domain/status.ts and src/domain/reporting-window.ts (the
// specification, with the reasoning); test/db/status-sql.test.ts checks the
// two agree on generated tasks, reports and days.
//
// "As of a day" is one rule for every caller: the progress columns the
// report use case keeps on Task (firstReportOn, lastReportOn, completedOn)
// are used as they are when they are not later than the day; only a task
// whose last report is later than the day has its last report on or before
// that day looked up in ProgressReport (a scalar subquery PostgreSQL runs
// only in that branch, on the (taskId, reportedOn) index). So today's
// figures cost no report scan, and a past day's figures are right.
import { Prisma } from "../generated/prisma/client.js";
import type { Day } from "../domain/day.js";

/**
 * A subquery with one row per live leaf task: id, planId, indexId,
 * criterionId, status, and for an overdue ongoing task the first day of the
 * window whose report is missing ("missingFrom"; null otherwise; the window
 * itself is reportingPeriodOf(missingFrom, cadence, the plan's periods)).
 * Tasks that have sub-tasks are headings; their children are what is counted.
 */
export function taskStatusSql(today: Day, options: { planIds?: number[] } = {}): Prisma.Sql {
  const d = Prisma.sql`${today}::date`;
  const planFilter = options.planIds ? Prisma.sql`AND t."planId" = ANY(${options.planIds}::int[])` : Prisma.empty;
  return Prisma.sql`
    SELECT t.id, t."planId", t."indexId", t."criterionId",
      ${statusCase(d)} AS status,
      ${MISSING_FROM} AS "missingFrom"
    FROM "Task" t
    JOIN "Plan" pl ON pl.id = t."planId"
    ${progressAsOf(d)}
    ${windowOfDay(d)}
    ${WINDOW_BOUNDS}
    WHERE t."archivedAt" IS NULL ${planFilter}
      AND NOT EXISTS (SELECT 1 FROM "Task" ch WHERE ch."parentId" = t.id AND ch."archivedAt" IS NULL)`;
}

/** The status (status.ts's taskStatus): by due date for dated tasks, by the reporting windows (w) for ongoing ones. */
const statusCase = (d: Prisma.Sql) => Prisma.sql`
      CASE
        WHEN t."dueKind" = 'EVENT' THEN
          CASE
            WHEN p.done_on IS NOT NULL THEN 'DONE_ON_TIME'
            WHEN p.first_on IS NOT NULL AND p.first_on <= ${d} THEN 'IN_PROGRESS'
            ELSE 'NOT_STARTED'
          END
        WHEN t."dueKind" <> 'ONGOING' THEN
          CASE
            WHEN p.done_on IS NOT NULL THEN
              CASE WHEN p.done_on <= p.due_on THEN 'DONE_ON_TIME' ELSE 'DONE_LATE' END
            WHEN ${d} > p.due_on THEN 'OVERDUE'
            WHEN p.first_on IS NOT NULL THEN 'IN_PROGRESS'
            ELSE 'NOT_STARTED'
          END
        WHEN w.ended THEN CASE WHEN p.last_on >= w.final_start THEN 'DONE_ON_TIME' ELSE 'OVERDUE' END
        WHEN p.last_on >= w.cur_start THEN 'IN_PROGRESS'
        WHEN NOT w.prev_counts THEN CASE WHEN p.last_on IS NULL THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END
        WHEN p.last_on >= w.prev_start THEN 'IN_PROGRESS'
        ELSE 'OVERDUE'
      END`;

/** For an overdue ongoing task, the first day of the window whose report is missing; null otherwise. */
const MISSING_FROM = Prisma.sql`
      CASE
        WHEN t."dueKind" <> 'ONGOING' THEN NULL
        WHEN w.ended THEN CASE WHEN p.last_on >= w.final_start THEN NULL ELSE w.final_window END
        WHEN p.last_on >= w.cur_start OR NOT w.prev_counts OR p.last_on >= w.prev_start THEN NULL
        ELSE w.prev_start
      END`;

/** p: the task's progress as of the day — first and last report, completion, and the due date in force (an extension counts from its approval). */
const progressAsOf = (d: Prisma.Sql) => Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN t."firstReportOn" <= ${d} THEN t."firstReportOn" END AS first_on,
        CASE
          WHEN t."lastReportOn" <= ${d} THEN t."lastReportOn"
          WHEN t."firstReportOn" <= ${d} THEN
            (SELECT max(r."reportedOn") FROM "ProgressReport" r WHERE r."taskId" = t.id AND r."reportedOn" <= ${d})
        END AS last_on,
        CASE WHEN t."completedOn" <= ${d} THEN t."completedOn" END AS done_on,
        -- An approved extension applies from the day it was approved (effectiveDue in status.ts).
        CASE WHEN t."dueMovedOn" IS NOT NULL AND ${d} < t."dueMovedOn" THEN t."originalDueOn" ELSE t."dueOn" END AS due_on
    ) p`;

/**
 * r, v, c: the day the windows are taken at (the task's end once it has
 * ended), the cadence and the plan's mode; cs is the start of the calendar
 * period reported on (for data windows, the period of the month a day from
 * the 15th on moves into), span its length in months.
 */
const windowOfDay = (d: Prisma.Sql) => Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT (t."endsOn" IS NOT NULL AND ${d} > t."endsOn") AS ended,
             CASE WHEN t."endsOn" IS NOT NULL AND ${d} > t."endsOn" THEN t."endsOn" ELSE ${d} END AS ref,
             COALESCE(t.cadence::text, 'QUARTER') AS cadence,
             pl."reportingPeriods"::text = 'WINDOW' AS windows,
             pl."minCoverageDays" AS min_days
    ) r
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN r.windows THEN date_trunc('month', (r.ref - 14) + interval '1 month') ELSE date_trunc('month', r.ref::timestamp) END AS vm,
        CASE r.cadence WHEN 'MONTH' THEN 1 WHEN 'QUARTER' THEN 3 WHEN 'HALF' THEN 6 ELSE 12 END AS span
    ) v
    CROSS JOIN LATERAL (
      SELECT CASE r.cadence
          WHEN 'MONTH' THEN v.vm
          WHEN 'QUARTER' THEN date_trunc('quarter', v.vm)
          WHEN 'HALF' THEN make_date(extract(year FROM v.vm)::int, CASE WHEN extract(month FROM v.vm) <= 6 THEN 1 ELSE 7 END, 1)::timestamp
          ELSE date_trunc('year', v.vm)
        END AS cs
      OFFSET 0
    ) c`;

/** b, k, w: the current and previous windows, whether each counts for the task, and which decides once it has ended. */
const WINDOW_BOUNDS = Prisma.sql`
    CROSS JOIN LATERAL (
      -- [cur_start, cur_end] is the window of ref, [prev_start, prev_end] the one before.
      SELECT
        CASE WHEN r.cadence = 'WEEK' THEN date_trunc('week', r.ref::timestamp)::date
             WHEN r.windows THEN (c.cs - interval '1 month' + interval '14 days')::date
             ELSE c.cs::date END AS cur_start,
        CASE WHEN r.cadence = 'WEEK' THEN date_trunc('week', r.ref::timestamp)::date + 6
             WHEN r.windows THEN (c.cs + make_interval(months => v.span - 1) + interval '13 days')::date
             ELSE (c.cs + make_interval(months => v.span))::date - 1 END AS cur_end,
        CASE WHEN r.cadence = 'WEEK' THEN date_trunc('week', r.ref::timestamp)::date - 7
             WHEN r.windows THEN (c.cs - make_interval(months => v.span + 1) + interval '14 days')::date
             ELSE (c.cs - make_interval(months => v.span))::date END AS prev_start
      -- OFFSET 0 keeps this a subquery of its own: inlined, each later
      -- reference would repeat the window arithmetic above, and planning the
      -- statement took 100-250 ms instead of about 1 ms (BENCHMARKS.md).
      OFFSET 0
    ) b
    CROSS JOIN LATERAL (
      -- A window counts when the task was in force for min(minCoverageDays, its length) of its days, and at least one.
      SELECT
        (least(b.cur_end, COALESCE(t."endsOn", b.cur_end)) - greatest(b.cur_start, t."startsOn") + 1)
          >= greatest(1, least(r.min_days, b.cur_end - b.cur_start + 1)) AS cur_counts,
        (least(b.cur_start - 1, COALESCE(t."endsOn", b.cur_start - 1)) - greatest(b.prev_start, t."startsOn") + 1)
          >= greatest(1, least(r.min_days, b.cur_start - b.prev_start)) AS prev_counts
    ) k
    CROSS JOIN LATERAL (
      SELECT r.ended, b.cur_start, b.prev_start, k.prev_counts,
        -- After the end: the last window that counts decides (a plan too short for any: any report).
        CASE WHEN k.cur_counts THEN b.cur_start WHEN k.prev_counts THEN b.prev_start ELSE t."startsOn" END AS final_start,
        CASE WHEN k.cur_counts OR NOT k.prev_counts THEN b.cur_start ELSE b.prev_start END AS final_window
      OFFSET 0
    ) w`;
