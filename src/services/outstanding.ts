// What the units owe the Office besides progress reports (issue 13 item 2,
// issue 11): the acknowledgement ("quán triệt") of the plans published
// through dondoc, and their report for the current window. The figures are
// those of planAcknowledgements (`dondoc plan acks`) and unitReportStatus
// (`/kehoach tinhhinhbaocao`): this module only selects which plans and
// which window, so the dashboard, the one-off reminder and those views
// never count differently.
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import type { OutstandingModel, UnitOwes } from "../models/direction.js";
import { currentReportWindow } from "../report/period.js";
import { planAcknowledgements, publishedPlanIds } from "./plan-acks.js";
import { unitReportStatus } from "./unit-reports.js";

/** The Office's App Home shows the latest plans published through dondoc. */
export const PLANS_SHOWN = 2;

/** Plans running during the window (issued before its end, ending after its start), oldest first. */
async function plansInWindow(prisma: PrismaClient, window: { start: Day; end: Day }) {
  return prisma.plan.findMany({
    where: { issuedOn: { lte: new Date(`${window.end}T00:00:00Z`) }, endsOn: { gte: new Date(`${window.start}T00:00:00Z`) } },
    orderBy: { issuedOn: "asc" },
    select: { id: true },
  });
}

export async function outstandingItems(prisma: PrismaClient, today: Day): Promise<OutstandingModel> {
  const window = currentReportWindow(today);
  const [published, running] = await Promise.all([publishedPlanIds(prisma, PLANS_SHOWN), plansInWindow(prisma, window)]);
  const [acks, reports] = await Promise.all([
    Promise.all(published.map((id) => planAcknowledgements(prisma, id))),
    Promise.all(running.map((p) => unitReportStatus(prisma, p.id, window.key, today))),
  ]);
  const ids = new Map((await prisma.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  return {
    acknowledgements: acks.map((a) => ({
      plan: { id: a.plan.id, number: a.plan.number },
      acknowledged: a.acknowledged.map((u) => ({ unit: { code: u.code, name: u.name }, on: u.at })),
      pending: a.pending.map((u) => ({ unit: { id: ids.get(u.code)!, code: u.code, name: u.name }, sentOn: u.sentOn, reminded: u.reminded })),
    })),
    unitReports: reports
      // A plan whose units owe no report (no task led by a unit) has nothing to chase.
      .filter((r) => r.units.length > 0)
      .map((r) => ({
        plan: r.plan,
        window: { key: r.window.key, label: r.window.label },
        unitsDue: r.unitsDue,
        submitted: r.submitted,
        total: r.units.length,
        pending: r.units.filter((u) => u.state !== "SUBMITTED").map((u) => ({ unit: u.unit, state: u.state === "DRAFT" ? ("DRAFT" as const) : ("NONE" as const) })),
      })),
  };
}

/** One unit's part of the outstanding items: what its reminder ("Nhắc đơn vị") asks for besides progress. */
export function owedBy(model: OutstandingModel, unitId: number): UnitOwes {
  return {
    plans: model.acknowledgements.flatMap((a) => a.pending.filter((p) => p.unit.id === unitId).map((p) => ({ number: a.plan.number, sentOn: p.sentOn }))),
    reports: model.unitReports.flatMap((r) =>
      r.pending.filter((p) => p.unit.id === unitId).map((p) => ({ planNumber: r.plan.number, window: r.window.label, unitsDue: r.unitsDue, state: p.state })),
    ),
  };
}
