// App Home of the Office and leadership (issue 13): the plan across units.
// Every figure comes from the functions the digest and the other views use
// (statusSummary, silentUnits, openObstacles, pendingExtensions,
// unitTaskSummaries, and through outstandingItems planAcknowledgements and
// unitReportStatus), so the dashboard never counts differently.
import type { PrismaClient } from "../db/database.js";
import { addDays, localDay, type Day } from "../domain/day.js";
import { periodOf } from "../domain/period.js";
import { canDecideExtension, canDirectObstacle, canNudgeUnit } from "../domain/permissions.js";
import type { DashboardModel, DashboardUnit, RemindableUnit } from "../models/direction.js";
import { pendingExtensions } from "./extensions.js";
import type { MemberWithUnit } from "./members.js";
import { unitsNudgedOn } from "./nudge.js";
import { actorOf, openObstacles } from "./obstacle-life.js";
import { outstandingItems } from "./outstanding.js";
import { statusSummary } from "./plan-queries.js";
import { unitTaskSummaries } from "./task-summaries.js";
import { silentUnits } from "./weekly/digest.js";

const SHOWN = 8;

export async function dashboardModel(prisma: PrismaClient, member: MemberWithUnit, today: Day): Promise<DashboardModel> {
  const actor = actorOf(member);
  const week = periodOf(today, "WEEK");
  const [summary, silent, obstacles, extensions, overdueTasks, nudged, units, owed] = await Promise.all([
    statusSummary(prisma, { today }),
    silentUnits(prisma, { today }),
    openObstacles(prisma, { today, waitingOnly: true, limit: SHOWN }),
    pendingExtensions(prisma, { limit: SHOWN }),
    unitTaskSummaries(prisma, { filter: "overdue", today, limit: 5 }),
    unitsNudgedOn(prisma, today),
    prisma.unit.findMany({ where: { active: true, mergedIntoId: null }, select: { id: true, code: true, name: true, slackChannel: true } }),
    outstandingItems(prisma, today),
  ]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const row = (u: { id: number; code: string; name: string; slackChannel: string | null }, overdue: number, leads: number): DashboardUnit => ({
    unit: { id: u.id, code: u.code, name: u.name },
    overdue,
    leads,
    reachable: u.slackChannel !== null,
    remindedToday: nudged.has(u.id),
  });
  const leadTotal = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  const overdueUnits = summary.byUnit
    .filter((u) => u.lead.OVERDUE > 0 && byCode.has(u.code))
    .sort((a, b) => b.lead.OVERDUE - a.lead.OVERDUE || a.code.localeCompare(b.code))
    .map((u) => row(byCode.get(u.code)!, u.lead.OVERDUE, leadTotal(u.lead)));
  const overdueOf = new Map(summary.byUnit.map((u) => [u.code, u.lead]));
  const silentRows = silent
    .filter((u) => byId.has(u.id))
    .map((u) => {
      const lead = overdueOf.get(u.code);
      return row(byId.get(u.id)!, lead?.OVERDUE ?? 0, lead ? leadTotal(lead) : 0);
    });
  const remindable = (u: { id: number; code: string; name: string }): RemindableUnit => ({
    unit: { id: u.id, code: u.code, name: u.name },
    reachable: byId.get(u.id)?.slackChannel != null,
    remindedToday: nudged.has(u.id),
  });
  const role = member.role === "OFFICE" || member.role === "LEADERSHIP" ? member.role : "ADMIN";
  return {
    member: { name: member.name, role },
    today,
    window: { start: week.start, end: addDays(week.start, 6), key: week.key },
    overdueUnits,
    silentUnits: silentRows,
    obstaclesWaiting: obstacles.obstacles,
    obstaclesWaitingCount: obstacles.total,
    extensionsPending: extensions.extensions,
    acknowledgements: owed.acknowledgements.map((a) => ({ ...a, pending: a.pending.map((p) => ({ ...remindable(p.unit), sentOn: p.sentOn, reminded: p.reminded })) })),
    unitReports: owed.unitReports.map((r) => ({ ...r, pending: r.pending.map((p) => ({ ...remindable(p.unit), state: p.state })) })),
    canNudge: canNudgeUnit(actor),
    canDirect: canDirectObstacle(actor),
    canDecide: canDecideExtension(actor),
    overdueTasks: overdueTasks.tasks,
    overdueTaskCount: overdueTasks.total,
  };
}

export const dashboardDay = (at: Date) => localDay(at);
