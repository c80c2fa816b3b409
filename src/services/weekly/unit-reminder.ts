// Monday's reminder for one unit: what is overdue, what falls due within 14
// days, what it leads without a report for 7 days, its open obstacles.
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
  const list = (filter: "overdue" | "due_soon" | "stale") => unitTaskSummaries(prisma, { unitIds, filter, today, limit: SHOWN });
  const [overdue, dueSoon, stale, leads, obstacles] = await Promise.all([
    list("overdue"),
    list("due_soon"),
    list("stale"),
    unitLeads(prisma, unit.id),
    prisma.obstacle.findMany({ where: { unitId: unit.id, resolvedAt: null }, include: { task: true }, orderBy: { raisedAt: "asc" }, take: 5 }),
  ]);
  return {
    unit: { code: unit.code, name: unit.name },
    unitLeads: leads,
    week: periodOf(today, "WEEK").key,
    today,
    overdue: overdue.tasks,
    dueSoon: dueSoon.tasks,
    stale: stale.tasks,
    counts: { overdue: overdue.total, dueSoon: dueSoon.total, stale: stale.total },
    openObstacles: obstacles.map((o) => ({ task: { code: o.task.code, title: o.task.title }, text: o.text, raisedAt: o.raisedAt })),
  };
}
