// One task in full, with its last reports and open obstacles, as
// `/kehoach xem` shows it.
import { taskRoles } from "./task-roles.js";
import type { PrismaClient } from "../db/database.js";
import { fromDate, type Day } from "../domain/day.js";
import { reportingRole, type Actor } from "../domain/permissions.js";
import { effectiveDue, taskStatus } from "../domain/status.js";
import { AppError } from "../errors.js";
import type { TaskDetailModel } from "../models/index.js";
import { taskStatuses } from "./plan-queries.js";
import { timingOf } from "./task-timing.js";

/** Throws TASK_NOT_FOUND when there is no such task, or it has left its plan (archived). */
export async function taskDetail(prisma: PrismaClient, taskId: number, options: { today: Day; viewer: Actor }): Promise<TaskDetailModel> {
  const t = await prisma.task.findFirst({
    where: { id: taskId, archivedAt: null },
    include: {
      plan: true,
      index: true,
      criterion: true,
      assignments: { include: { unit: true }, orderBy: { unit: { code: "asc" } } },
      reports: { orderBy: { reportedAt: "desc" }, take: 5, include: { unit: true } },
      obstacles: { where: { resolvedAt: null }, orderBy: { raisedAt: "asc" }, include: { unit: true } },
      _count: { select: { children: { where: { archivedAt: null } } } },
    },
  });
  if (!t) throw new AppError("TASK_NOT_FOUND", { code: `#${taskId}` });
  const role = reportingRole(options.viewer, t.assignments);
  // A leaf's status as the counts have it (as of the day, with the plan's
  // windows); a heading has none of its own, shown as its rule gives it.
  const judged = (await taskStatuses(prisma, options.today, { planIds: [t.planId], taskIds: [t.id] })).get(t.id);
  // The deadline in force on the day (an approved extension applies from its approval on), and the plan's own when extended.
  const timing = timingOf(t);
  const due = effectiveDue(timing, options.today);
  const extendedFrom = timing.originalDueOn && due === timing.dueOn && due !== timing.originalDueOn ? timing.originalDueOn : null;
  const unitRef = (u: { code: string; name: string }) => ({ code: u.code, name: u.name });
  return {
    today: options.today,
    canReport: role !== null && t._count.children === 0,
    task: {
      id: t.id,
      code: t.code,
      planNumber: t.plan.number,
      title: t.title,
      text: t.text,
      role,
      status: judged?.status ?? taskStatus(timing, options.today),
      missingReport: judged?.missing?.key ?? null,
      dueLabel: t.dueLabel,
      dueOn: due,
      extendedFrom,
      dueNote: t.dueNote,
      percent: t.percent,
      lastReportOn: t.lastReportOn && fromDate(t.lastReportOn),
      lead: t.assignments.filter((a) => a.role === "LEAD").map((a) => unitRef(a.unit)),
      cooperating: t.assignments.filter((a) => a.role === "COOPERATING").map((a) => unitRef(a.unit)),
      ...taskRoles(t),
      index: t.index && { code: t.index.code, name: t.index.name },
      criterion: t.criterion && { code: t.criterion.code, name: t.criterion.name },
    },
    reports: t.reports.map((r) => ({
      unit: unitRef(r.unit),
      reporter: r.reporter,
      percent: r.percent,
      done: r.done,
      note: r.note,
      evidenceLinks: r.evidenceLinks,
      reportedAt: r.reportedAt,
    })),
    openObstacles: t.obstacles.map((o) => ({ id: o.id, unit: unitRef(o.unit), text: o.text, raisedBy: o.raisedBy, raisedAt: o.raisedAt })),
  };
}
