// The tasks a unit may report on: leaf tasks it leads or cooperates on, in
// live plans, leads first, most recent plan first.
import type { PrismaClient } from "../db/database.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { ReportModalModel } from "../models/index.js";

/** Slack's static select holds at most 100 options. */
const MAX_OPTIONS = 100;

/**
 * The one rule for what a unit may report on: live leaf tasks (a heading has
 * sub-tasks and is never reported on itself) that the unit leads or
 * cooperates on. The modal's list and the submission's check both use it,
 * so a submission can only name what the modal could have offered.
 */
export function reportableTaskWhere(unitId: number) {
  return { archivedAt: null, children: { none: { archivedAt: null } }, assignments: { some: { unitId } } } satisfies Prisma.TaskWhereInput;
}

export async function reportableTasks(prisma: PrismaClient, unitId: number): Promise<ReportModalModel["tasks"]> {
  const { assignments: _unit, ...task } = reportableTaskWhere(unitId);
  const assignments = await prisma.assignment.findMany({
    where: { unitId, task },
    include: { task: { select: { id: true, code: true, title: true, percent: true, completedOn: true, plan: { select: { year: true } } } } },
  });
  return assignments
    .sort(
      (a, b) =>
        Number(a.task.completedOn !== null) - Number(b.task.completedOn !== null) ||
        b.task.plan.year - a.task.plan.year ||
        (a.role === b.role ? 0 : a.role === "LEAD" ? -1 : 1) ||
        a.task.code.localeCompare(b.task.code, "vi", { numeric: true }),
    )
    .slice(0, MAX_OPTIONS)
    .map((a) => ({ id: a.task.id, code: a.task.code, title: a.task.title, role: a.role, percent: a.task.percent }));
}
