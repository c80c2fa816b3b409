// Monday's reminder for one unit. What the unit leads, and must report on,
// comes first: its overdue tasks, those falling due within 14 days, those
// without a report for 7 days. Tasks it only cooperates on are counted, not
// listed (their lead reports on them), except those on which the unit has
// something to do: an obstacle of its own still open. Then its open obstacles.
import type { PrismaClient } from "../../db/database.js";
import type { Day } from "../../domain/day.js";
import { periodOf } from "../../domain/period.js";
import type { UnitReminderModel } from "../../models/index.js";
import { unitTaskSummaries } from "../task-summaries.js";

const SHOWN = 8;

export interface UnitRow {
  id: number;
  code: string;
  name: string;
}

export async function unitLeads(prisma: PrismaClient, unitId: number): Promise<string[]> {
  const leads = await prisma.member.findMany({ where: { unitId, role: "UNIT_LEAD", active: true }, select: { slackUserId: true }, orderBy: { id: "asc" } });
  return leads.map((m) => m.slackUserId);
}

export async function unitReminderModel(prisma: PrismaClient, unit: UnitRow, today: Day): Promise<UnitReminderModel> {
  const unitIds = [unit.id];
  const led = (filter: "overdue" | "due_soon" | "stale") => unitTaskSummaries(prisma, { unitIds, role: "LEAD", filter, today, limit: SHOWN });
  const cooperatingCount = (filter: "overdue" | "due_soon") => unitTaskSummaries(prisma, { unitIds, role: "COOPERATING", filter, today, limit: 0 });
  const [overdue, dueSoon, stale, coopOverdue, coopDueSoon, leads, obstacles] = await Promise.all([
    led("overdue"),
    led("due_soon"),
    led("stale"),
    cooperatingCount("overdue"),
    cooperatingCount("due_soon"),
    unitLeads(prisma, unit.id),
    prisma.obstacle.findMany({ where: { unitId: unit.id, resolvedAt: null }, include: { task: true }, orderBy: { raisedAt: "asc" } }),
  ]);
  const obstacleTaskIds = [...new Set(obstacles.map((o) => o.taskId))];
  const withObstacle =
    obstacleTaskIds.length === 0 ? { tasks: [] } : await unitTaskSummaries(prisma, { unitIds, role: "COOPERATING", taskIds: obstacleTaskIds, filter: "open", today, limit: SHOWN });
  return {
    unit: { code: unit.code, name: unit.name },
    unitLeads: leads,
    week: periodOf(today, "WEEK").key,
    today,
    overdue: overdue.tasks,
    dueSoon: dueSoon.tasks,
    stale: stale.tasks,
    counts: { overdue: overdue.total, dueSoon: dueSoon.total, stale: stale.total },
    cooperating: { overdue: coopOverdue.total, dueSoon: coopDueSoon.total, withObstacle: withObstacle.tasks },
    openObstacles: obstacles.slice(0, 5).map((o) => ({ task: { code: o.task.code, title: o.task.title }, text: o.text, raisedAt: o.raisedAt })),
  };
}
