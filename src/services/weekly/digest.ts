// Friday's digest for leadership: the whole plan (or every plan) on one
// page, with the change against a week earlier.
import { Prisma } from "../../generated/prisma/client.js";
import type { PrismaClient } from "../../db/database.js";
import { addDays, daysBetween, toDate, type Day } from "../../domain/day.js";
import { periodOf } from "../../domain/period.js";
import { emptyCounts } from "../../domain/status.js";
import type { DigestModel, StatusSnapshot } from "../../models/index.js";
import { objectiveProgress, statusSummary, type StatusSummary } from "../plan-queries.js";
import { pendingExtensions } from "../extensions.js";
import { unitTaskSummaries, type SummaryOptions } from "../task-summaries.js";
import { criterionFields, measured } from "../indicators.js";

const OVERDUE_SHOWN = 15;
const OBSTACLES_SHOWN = 10;
const EXTENSIONS_SHOWN = 5;

const snapshot = (s: StatusSummary): StatusSnapshot => ({ total: s.total, counts: s.counts, rates: s.rates });

export async function digestModel(prisma: PrismaClient, options: { today: Day; planIds?: number[] }): Promise<DigestModel> {
  const { today } = options;
  const week = periodOf(today, "WEEK");
  const reads = digestReads(prisma, options);
  const [plans, now, lastWeek, overdue, obstacles, criteria, reportsByUnit, leadUnits, objectives] = await Promise.all([
    reads.plans(),
    // Now and a week earlier, counted by the same function (as of a day).
    reads.now(),
    reads.lastWeek(),
    reads.overdue(),
    reads.obstacles(),
    reads.criteria(),
    reads.reportsByUnit(),
    reads.leadUnits(),
    reads.objectives(),
  ]);
  const obstaclesWaiting = await prisma.obstacle.count({ where: waitingObstacles(options.planIds) });
  const extensions = await pendingExtensions(prisma, { planIds: options.planIds, limit: EXTENSIONS_SHOWN });
  const reportsOf = new Map(reportsByUnit.map((r) => [r.unitId, r.n]));
  const units = await reads.unitIds(now.byUnit.map((u) => u.code));
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  const lastWeekIndex = new Map(lastWeek.byIndex.map((i) => [i.code, i.counts]));
  const lastWeekUnit = new Map(lastWeek.byUnit.map((u) => [u.code, u.lead]));
  return {
    today,
    week: week.key,
    plans,
    now: snapshot(now),
    lastWeek: snapshot(lastWeek),
    byIndex: now.byIndex.map((i) => {
      const before = lastWeekIndex.get(i.code) ?? emptyCounts();
      return {
        code: i.code,
        name: i.name,
        counts: i.counts,
        lastWeekDone: before.DONE_ON_TIME + before.DONE_LATE,
        lastWeekTotal: Object.values(before).reduce((a, b) => a + b, 0),
      };
    }),
    criteria: criteria.map((c) => ({ index: c.index.name, ...criterionFields(c), latest: measured(c.values[0]), previous: measured(c.values[1]) })),
    byUnit: now.byUnit.map((u) => ({
      unit: { code: u.code, name: u.name },
      lead: u.lead,
      lastWeekLead: lastWeekUnit.get(u.code) ?? emptyCounts(),
      rates: u.rates,
      reportsThisWeek: reportsOf.get(idOf.get(u.code) ?? -1) ?? 0,
    })),
    objectives,
    overdue: overdue.tasks.map((t) => ({ ...t, daysOverdue: t.dueOn ? daysBetween(t.dueOn, today) : null })),
    overdueCount: overdue.total,
    openObstacles: obstacles.map((o) => ({
      id: o.id,
      task: { code: o.task.code, title: o.task.title },
      unit: { code: o.unit.code, name: o.unit.name },
      text: o.text,
      raisedAt: o.raisedAt,
      days: Math.max(0, Math.floor((toDate(today).getTime() - o.raisedAt.getTime()) / 86_400_000)),
    })),
    openObstaclesCount: Math.max(obstaclesWaiting, obstacles.length),
    silentUnits: leadUnits.filter((u) => !reportsOf.has(u.id)).map((u) => ({ code: u.code, name: u.name })),
    reportsThisWeek: reportsByUnit.reduce((s, r) => s + r.n, 0),
    ...(extensions.total > 0 ? { extensionsPending: extensions.extensions, extensionsPendingCount: extensions.total } : {}),
  };
}

/**
 * Every read digestModel makes, one function each: digestModel runs all but
 * `unitIds` together, and `unitIds` after them. Exported, with the raw
 * statements below, so that bench/digest.mts times and explains exactly what
 * production runs.
 */
export function digestReads(prisma: PrismaClient, options: { today: Day; planIds?: number[] }) {
  const { today, planIds } = options;
  return {
    plans: () => prisma.plan.findMany({ where: planIds ? { id: { in: planIds } } : {}, orderBy: [{ year: "desc" }, { issuedOn: "desc" }], select: { number: true, title: true } }),
    now: () => statusSummary(prisma, { today, planIds }),
    lastWeek: () => statusSummary(prisma, { today: addDays(today, -7), planIds }),
    overdue: () => unitTaskSummaries(prisma, overdueListOptions(options)),
    obstacles: () =>
      prisma.obstacle.findMany({
        // Only those still waiting for leadership's direction, oldest first.
        where: waitingObstacles(planIds),
        include: { task: true, unit: true },
        orderBy: { raisedAt: "asc" },
        take: OBSTACLES_SHOWN,
      }),
    criteria: () =>
      prisma.criterion.findMany({
        where: planIds ? { tasks: { some: { planId: { in: planIds } } } } : {},
        include: { index: true, values: { orderBy: { period: "desc" }, take: 2 } },
        orderBy: [{ index: { code: "asc" } }, { position: "asc" }],
      }),
    reportsByUnit: () => prisma.$queryRaw<{ unitId: number; n: number }[]>(digestSql.reportsByUnit(options)),
    leadUnits: () => prisma.$queryRaw<{ id: number; code: string; name: string }[]>(digestSql.leadUnits(options)),
    objectives: () => objectiveProgress(prisma, { today, planIds }),
    unitIds: (codes: string[]) => prisma.unit.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } }),
  };
}

/** Obstacles still waiting for leadership's direction, in the given plans. */
const waitingObstacles = (planIds?: number[]) => ({ resolvedAt: null, state: "OPEN" as const, ...(planIds ? { task: { planId: { in: planIds } } } : {}) });

/** The overdue list's options for unitTaskSummaries: every unit's overdue tasks, worst first. */
export const overdueListOptions = (options: { today: Day; planIds?: number[] }): SummaryOptions => ({
  filter: "overdue",
  today: options.today,
  planIds: options.planIds,
  limit: OVERDUE_SHOWN,
});

/** The digest's own raw statements (the others are statusSummarySql's and unitTaskSummariesSql's). */
export const digestSql = {
  /** Progress reports per unit this week. */
  reportsByUnit: ({ today, planIds }: { today: Day; planIds?: number[] }) => Prisma.sql`
      SELECT r."unitId", count(*)::int AS n FROM "ProgressReport" r
      JOIN "Task" t ON t.id = r."taskId"
      WHERE r."reportedOn" BETWEEN ${periodOf(today, "WEEK").start}::date AND ${today}::date
        ${planIds ? Prisma.sql`AND t."planId" = ANY(${planIds}::int[])` : Prisma.empty}
      GROUP BY r."unitId"`,
  /** Units that lead open (not done) tasks: the ones expected to report. */
  leadUnits: ({ planIds }: { planIds?: number[] }) => Prisma.sql`
      SELECT DISTINCT u.id, u.code, u.name FROM "Unit" u
      JOIN "Assignment" a ON a."unitId" = u.id AND a.role = 'LEAD'
      JOIN "Task" t ON t.id = a."taskId" AND t."archivedAt" IS NULL AND t."completedOn" IS NULL
      WHERE u.active AND u."mergedIntoId" IS NULL
        ${planIds ? Prisma.sql`AND t."planId" = ANY(${planIds}::int[])` : Prisma.empty}
      ORDER BY u.code`,
};

/** Units expected to report that sent nothing this week: the digest's "silent units", and the dashboard's (issue 13). */
export async function silentUnits(prisma: PrismaClient, options: { today: Day; planIds?: number[] }) {
  const reads = digestReads(prisma, options);
  const [reports, expected] = await Promise.all([reads.reportsByUnit(), reads.leadUnits()]);
  const reported = new Set(reports.map((r) => r.unitId));
  return expected.filter((u) => !reported.has(u.id));
}
