// A unit's reminder ahead of a periodic reform report, with the deadlines of
// the chain (src/domain/reporting-window.ts): a unit is told when its report
// is due to the Office; the Office is told when the units' reports come in
// and when the department's report is due to its superior, never asked to
// report to itself.
import type { PrismaClient } from "../../db/database.js";
import { fromDate, type Day } from "../../domain/day.js";
import { reportChain, windowCounts } from "../../domain/reporting-window.js";
import type { ReportPeriod } from "../../domain/schedule.js";
import type { ReportDeadlineModel } from "../../models/index.js";
import { workCalendar } from "../calendar.js";
import { unitTaskSummaries } from "../task-summaries.js";
import { unitLeads, type UnitRow } from "./unit-reminder.js";

/**
 * The reminder for `unit`, or null when no plan was in force for a
 * meaningful part of the report's window (nothing to report on).
 */
export async function reportDeadlineModel(prisma: PrismaClient, unit: UnitRow, period: ReportPeriod, today: Day): Promise<ReportDeadlineModel | null> {
  const w = period.window;
  const [plans, calendar, kind] = await Promise.all([
    prisma.plan.findMany({ orderBy: [{ issuedOn: "asc" }, { id: "asc" }] }),
    workCalendar(prisma),
    prisma.unit.findUnique({ where: { id: unit.id }, select: { kind: true } }),
  ]);
  const inForce = plans.filter((p) => windowCounts(w, fromDate(p.issuedOn), fromDate(p.endsOn), p.minCoverageDays));
  if (inForce.length === 0) return null;
  const planIds = inForce.map((p) => p.id);
  const [open, overdue, leads] = await Promise.all([
    unitTaskSummaries(prisma, { unitIds: [unit.id], leadOnly: true, filter: "open", today, planIds, limit: 0 }),
    unitTaskSummaries(prisma, { unitIds: [unit.id], leadOnly: true, filter: "overdue", today, planIds, limit: 0 }),
    unitLeads(prisma, unit.id),
  ]);
  return {
    unit: { code: unit.code, name: unit.name },
    unitLeads: leads,
    recipient: kind?.kind === "OFFICE" ? "OFFICE" : "UNIT",
    period: { key: period.key, kind: period.kind, quarter: period.quarter, year: period.year },
    window: { start: w.start, end: w.end },
    plans: inForce.map((p) => {
      const chain = reportChain(w, { unitsDueDay: p.unitsDueDay, officeDueDay: p.officeDueDay, superior: p.superior }, calendar);
      return { number: p.number, unitsDue: chain.unitsDue, officeDue: chain.officeDue, superior: chain.superior };
    }),
    openLeadTasks: open.total,
    overdueLeadTasks: overdue.total,
  };
}
