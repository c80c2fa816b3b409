// A unit's reminder ahead of a reform report's data cut-off.
import type { PrismaClient } from "../../db/database.js";
import type { Day } from "../../domain/day.js";
import type { ReportPeriod } from "../../domain/schedule.js";
import type { ReportDeadlineModel } from "../../views/models.js";
import { unitTaskSummaries } from "../task-summaries.js";
import { unitLeads, type UnitRow } from "./unit-reminder.js";

export async function reportDeadlineModel(prisma: PrismaClient, unit: UnitRow, period: ReportPeriod, today: Day): Promise<ReportDeadlineModel> {
  const [open, overdue, leads] = await Promise.all([
    unitTaskSummaries(prisma, { unitIds: [unit.id], leadOnly: true, filter: "open", today, limit: 0 }),
    unitTaskSummaries(prisma, { unitIds: [unit.id], leadOnly: true, filter: "overdue", today, limit: 0 }),
    unitLeads(prisma, unit.id),
  ]);
  return {
    unit: { code: unit.code, name: unit.name },
    unitLeads: leads,
    period: { key: period.key, kind: period.kind, quarter: period.quarter, year: period.year },
    cutoff: period.cutoff,
    due: period.due,
    openLeadTasks: open.total,
    overdueLeadTasks: overdue.total,
  };
}
