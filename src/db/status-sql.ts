// Task status in SQL, for counts over many tasks without loading them. It
// mirrors src/domain/status.ts (the specification, with the reasoning);
// test/db/status-sql.test.ts checks the two agree on generated tasks.
//
// Two sources of progress dates:
//  - "current": the columns the report use case keeps on Task (fast; right
//    for today);
//  - "reports": recomputed from ProgressReport up to the given day, for
//    "as of" views such as last week's figures in a digest.
import { Prisma } from "../generated/prisma/client.js";
import type { Day } from "../domain/day.js";

export type ProgressSource = "current" | "reports";

/**
 * A subquery with one row per live leaf task: id, planId, indexId, status.
 * Tasks that have sub-tasks are headings; their children are what is counted.
 */
export function taskStatusSql(today: Day, options: { planIds?: number[]; source?: ProgressSource } = {}): Prisma.Sql {
  const d = Prisma.sql`${today}::date`;
  const planFilter = options.planIds ? Prisma.sql`AND t."planId" = ANY(${options.planIds}::int[])` : Prisma.empty;
  const progress =
    options.source === "reports"
      ? Prisma.sql`
        LEFT JOIN LATERAL (
          SELECT min(r."reportedOn") AS first_on, max(r."reportedOn") AS last_on
          FROM "ProgressReport" r WHERE r."taskId" = t.id AND r."reportedOn" <= ${d}
        ) p ON true
        CROSS JOIN LATERAL (SELECT CASE WHEN t."completedOn" <= ${d} THEN t."completedOn" END AS done_on) c`
      : Prisma.sql`
        CROSS JOIN LATERAL (SELECT t."firstReportOn" AS first_on, t."lastReportOn" AS last_on) p
        CROSS JOIN LATERAL (SELECT t."completedOn" AS done_on) c`;

  return Prisma.sql`
    SELECT t.id, t."planId", t."indexId", t."criterionId",
      CASE
        WHEN t."dueKind" = 'EVENT' THEN
          CASE
            WHEN c.done_on IS NOT NULL AND c.done_on <= ${d} THEN 'DONE_ON_TIME'
            WHEN p.first_on IS NOT NULL AND p.first_on <= ${d} THEN 'IN_PROGRESS'
            ELSE 'NOT_STARTED'
          END
        WHEN t."dueKind" <> 'ONGOING' THEN
          CASE
            WHEN c.done_on IS NOT NULL AND c.done_on <= ${d} THEN
              CASE WHEN c.done_on <= t."dueOn" THEN 'DONE_ON_TIME' ELSE 'DONE_LATE' END
            WHEN ${d} > t."dueOn" THEN 'OVERDUE'
            WHEN p.first_on IS NOT NULL AND p.first_on <= ${d} THEN 'IN_PROGRESS'
            ELSE 'NOT_STARTED'
          END
        WHEN o.ended THEN
          CASE WHEN o.last_on >= o.cur_start THEN 'DONE_ON_TIME' ELSE 'OVERDUE' END
        WHEN o.last_on >= o.cur_start THEN 'IN_PROGRESS'
        WHEN o.cur_start <= t."startsOn" THEN CASE WHEN o.last_on IS NULL THEN 'NOT_STARTED' ELSE 'IN_PROGRESS' END
        WHEN o.last_on >= o.prev_start THEN 'IN_PROGRESS'
        ELSE 'OVERDUE'
      END AS status
    FROM "Task" t
    ${progress}
    CROSS JOIN LATERAL (
      SELECT (t."endsOn" IS NOT NULL AND ${d} > t."endsOn") AS ended,
             CASE WHEN t."endsOn" IS NOT NULL AND ${d} > t."endsOn" THEN t."endsOn" ELSE ${d} END AS ref,
             COALESCE(t.cadence::text, 'QUARTER') AS cadence,
             CASE WHEN p.last_on <= ${d} THEN p.last_on END AS last_on
    ) r
    CROSS JOIN LATERAL (
      SELECT r.ended, r.last_on,
        (CASE r.cadence
          WHEN 'WEEK' THEN date_trunc('week', r.ref::timestamp)
          WHEN 'MONTH' THEN date_trunc('month', r.ref::timestamp)
          WHEN 'QUARTER' THEN date_trunc('quarter', r.ref::timestamp)
          WHEN 'HALF' THEN make_date(extract(year FROM r.ref)::int, CASE WHEN extract(month FROM r.ref) <= 6 THEN 1 ELSE 7 END, 1)::timestamp
          ELSE date_trunc('year', r.ref::timestamp)
        END)::date AS cur_start,
        (CASE r.cadence
          WHEN 'WEEK' THEN date_trunc('week', r.ref::timestamp) - interval '1 week'
          WHEN 'MONTH' THEN date_trunc('month', r.ref::timestamp) - interval '1 month'
          WHEN 'QUARTER' THEN date_trunc('quarter', r.ref::timestamp) - interval '3 months'
          WHEN 'HALF' THEN make_date(extract(year FROM r.ref)::int, CASE WHEN extract(month FROM r.ref) <= 6 THEN 1 ELSE 7 END, 1)::timestamp - interval '6 months'
          ELSE date_trunc('year', r.ref::timestamp) - interval '1 year'
        END)::date AS prev_start
    ) o
    WHERE t."archivedAt" IS NULL ${planFilter}
      AND NOT EXISTS (SELECT 1 FROM "Task" ch WHERE ch."parentId" = t.id AND ch."archivedAt" IS NULL)`;
}
