// Friday's summary for one unit: the reports it sent this week (with the
// change in percent), the tasks it finished, what is now overdue.
import type { PrismaClient } from "../../db/database.js";
import { toDate, type Day } from "../../domain/day.js";
import { periodOf } from "../../domain/period.js";
import type { UnitSummaryModel } from "../../models/index.js";
import { unitTaskSummaries } from "../task-summaries.js";
import type { UnitRow } from "./unit-reminder.js";

const SHOWN = 10;

export async function unitSummaryModel(prisma: PrismaClient, unit: UnitRow, today: Day): Promise<UnitSummaryModel> {
  const week = periodOf(today, "WEEK");
  const inWeek = { unitId: unit.id, reportedOn: { gte: toDate(week.start), lte: toDate(today) } };
  const [reports, reportCount, done, overdue] = await Promise.all([
    prisma.progressReport.findMany({
      where: inWeek,
      orderBy: { reportedAt: "desc" },
      take: SHOWN,
      include: { task: { include: { assignments: { where: { unitId: unit.id } } } } },
    }),
    prisma.progressReport.count({ where: inWeek }),
    unitTaskSummaries(prisma, { unitIds: [unit.id], filter: "done_since", since: week.start, today, limit: SHOWN }),
    unitTaskSummaries(prisma, { unitIds: [unit.id], filter: "overdue", today, limit: SHOWN }),
  ]);
  // The unit's last percent on each task before the week began, for the change.
  const previous = new Map<number, number>();
  for (const taskId of new Set(reports.map((r) => r.taskId))) {
    const before = await prisma.progressReport.findFirst({
      where: { taskId, unitId: unit.id, reportedOn: { lt: toDate(week.start) } },
      orderBy: { reportedAt: "desc" },
      select: { percent: true },
    });
    if (before) previous.set(taskId, before.percent);
  }
  return {
    unit: { code: unit.code, name: unit.name },
    week: week.key,
    from: week.start,
    to: today,
    reports: reports.map((r) => ({
      task: { code: r.task.code, title: r.task.title },
      role: r.task.assignments[0]?.role ?? "COOPERATING",
      reporter: r.reporter,
      percent: r.percent,
      previousPercent: previous.get(r.taskId) ?? null,
      done: r.done,
      reportedAt: r.reportedAt,
    })),
    reportCount,
    doneThisWeek: done.tasks,
    overdue: overdue.tasks,
    overdueCount: overdue.total,
  };
}
