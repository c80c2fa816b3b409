// Publishing a plan to its units and their acknowledgement ("quán triệt").
// Publishing creates one acknowledgement row per assigned unit and plans one
// message to each unit's channel through the scheduler's deliveries (job
// "plan-publish", keyed by plan and channel), so a retried or repeated
// publish never posts twice. A click records once (the first one wins). Units
// that have not acknowledged after a set number of working days get one
// reminder (job "plan-ack-reminder", keyed likewise), whichever instance of
// dondoc plans it first.
import type { PrismaClient } from "../db/database.js";
import { ackReminderDue } from "../domain/acknowledgement.js";
import type { WorkCalendar } from "../domain/calendar.js";
import { fromDate, localDay } from "../domain/day.js";
import { acknowledgingUnit, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { planDeliveries, type PlannedDelivery } from "../delivery/delivery-store.js";
import type { Payload } from "../delivery/slack-delivery.js";
import type { AckReminderModel, PlanAcksModel, PlanForUnitModel, PlanRef, UnitTaskLine } from "../models/plan-acks.js";

export const PUBLISH_JOB = "plan-publish";
export const ACK_REMINDER_JOB = "plan-ack-reminder";
export const planPeriod = (planId: number) => `plan-${planId}`;

async function planRef(prisma: PrismaClient, planId: number): Promise<PlanRef> {
  const p = await prisma.plan.findUnique({ where: { id: planId }, select: { id: true, number: true, title: true, issuedOn: true } });
  if (!p) throw new AppError("PLAN_NOT_FOUND", { number: `#${planId}` });
  return { id: p.id, number: p.number, title: p.title, issuedOn: fromDate(p.issuedOn) };
}

/** The units a plan assigns work to (tasks without sub-tasks), with the tasks each leads and cooperates on. */
export async function planUnits(prisma: PrismaClient, planId: number) {
  const tasks = await prisma.task.findMany({
    where: { planId, archivedAt: null, children: { none: { archivedAt: null } } },
    orderBy: { position: "asc" },
    select: { code: true, title: true, dueLabel: true, assignments: { select: { unitId: true, role: true } } },
  });
  const byUnit = new Map<number, { lead: UnitTaskLine[]; cooperating: UnitTaskLine[] }>();
  for (const t of tasks) {
    for (const a of t.assignments) {
      const entry = byUnit.get(a.unitId) ?? { lead: [], cooperating: [] };
      (a.role === "LEAD" ? entry.lead : entry.cooperating).push({ code: t.code, title: t.title, dueLabel: t.dueLabel });
      byUnit.set(a.unitId, entry);
    }
  }
  const units = await prisma.unit.findMany({ where: { id: { in: [...byUnit.keys()] } }, orderBy: { code: "asc" } });
  // Proposed units (outside the organisation) and merged ones are not sent anything.
  return units.filter((u) => u.active && u.mergedIntoId === null).map((u) => ({ unit: u, ...byUnit.get(u.id)! }));
}

/**
 * Records the plan as sent to every assigned unit and plans the posts (once
 * per unit channel, whatever happens twice). Returns what was planned. The
 * caller renders the message (src/views/plan-acks.ts): a use case does not
 * import views.
 */
export async function publishToUnits(prisma: PrismaClient, planId: number, now: Date, render: (m: PlanForUnitModel) => Payload) {
  const plan = await planRef(prisma, planId);
  const units = await planUnits(prisma, planId);
  await prisma.planAcknowledgement.createMany({ data: units.map((u) => ({ planId, unitId: u.unit.id, publishedAt: now })), skipDuplicates: true });
  const planned: PlannedDelivery[] = units
    .filter((u) => u.unit.slackChannel)
    .map((u) => ({
      target: u.unit.slackChannel!,
      unitId: u.unit.id,
      payload: render({ plan, unit: { code: u.unit.code, name: u.unit.name }, lead: u.lead, cooperating: u.cooperating }),
    }));
  await planDeliveries(prisma, PUBLISH_JOB, planPeriod(planId), planned);
  return { units: units.length, posted: planned.length, withoutChannel: units.filter((u) => !u.unit.slackChannel).map((u) => u.unit.code) };
}

/** Who has acknowledged a plan and who has not: the Office's view (App Home, `dondoc plan acks`). */
export async function planAcknowledgements(prisma: PrismaClient, planId: number): Promise<PlanAcksModel> {
  const plan = await planRef(prisma, planId);
  const rows = await prisma.planAcknowledgement.findMany({ where: { planId }, include: { unit: true }, orderBy: { unit: { code: "asc" } } });
  return {
    plan,
    acknowledged: rows.filter((r) => r.acknowledgedAt).map((r) => ({ code: r.unit.code, name: r.unit.name, at: localDay(r.acknowledgedAt!), by: r.acknowledgedBy })),
    pending: rows
      .filter((r) => !r.acknowledgedAt)
      .map((r) => ({ code: r.unit.code, name: r.unit.name, sentOn: localDay(r.publishedAt), reminded: r.remindedAt !== null, hasChannel: r.unit.slackChannel !== null })),
  };
}

/** The latest plans published through dondoc (the Office's App Home shows their acknowledgements). */
export async function publishedPlanIds(prisma: PrismaClient, take = 3): Promise<number[]> {
  const rows = await prisma.planAcknowledgement.groupBy({ by: ["planId"], _max: { publishedAt: true }, orderBy: { _max: { publishedAt: "desc" } }, take });
  return rows.map((r) => r.planId);
}

/**
 * A unit member's click on "Đã nhận, sẽ tổ chức thực hiện". The unit is the
 * member's own; the plan id from the button is only a reference, checked
 * against the plan's assignments. The first click records; later ones (a
 * double click, Slack's retry, a colleague) answer with the first.
 */
export async function acknowledgePlan(options: { prisma: PrismaClient; planId: number; actor: Actor; userId: string; requestKey: string; at: Date }) {
  const { prisma, planId, actor } = options;
  const plan = await planRef(prisma, planId);
  const rows = await prisma.planAcknowledgement.findMany({ where: { planId }, select: { unitId: true } });
  const unitId = acknowledgingUnit(
    actor,
    rows.map((r) => r.unitId),
  );
  if (unitId === null) throw new AppError("ACK_NOT_ASSIGNED", { number: plan.number });
  const r = await prisma.planAcknowledgement.updateMany({
    where: { planId, unitId, acknowledgedAt: null },
    data: { acknowledgedAt: options.at, acknowledgedBy: options.userId, requestKey: options.requestKey },
  });
  const row = await prisma.planAcknowledgement.findUniqueOrThrow({ where: { planId_unitId: { planId, unitId } }, include: { unit: true } });
  return { plan, unit: row.unit, at: localDay(row.acknowledgedAt!), already: r.count === 0 };
}

/**
 * Plans the one reminder to each unit that has not acknowledged a plan
 * `days` working days after it was sent. Safe to run on every tick and on
 * several instances: a unit's reminder is keyed by (job, plan, channel).
 */
export async function planAckReminders(
  prisma: PrismaClient,
  options: { now: Date; calendar: WorkCalendar; days: number; render: (m: AckReminderModel) => Payload },
): Promise<number> {
  const today = localDay(options.now);
  const open = await prisma.planAcknowledgement.findMany({
    where: { acknowledgedAt: null, remindedAt: null, unit: { slackChannel: { not: null }, active: true } },
    include: { unit: true, plan: { select: { id: true, number: true, title: true, issuedOn: true } } },
  });
  let planned = 0;
  for (const r of open) {
    const sentOn = localDay(r.publishedAt);
    if (!ackReminderDue(options.calendar, sentOn, today, options.days)) continue;
    const plan: PlanRef = { id: r.plan.id, number: r.plan.number, title: r.plan.title, issuedOn: fromDate(r.plan.issuedOn) };
    planned += await planDeliveries(prisma, ACK_REMINDER_JOB, planPeriod(r.planId), [
      { target: r.unit.slackChannel!, unitId: r.unitId, payload: options.render({ plan, unit: r.unit, sentOn, days: options.days }) },
    ]);
    await prisma.planAcknowledgement.updateMany({ where: { id: r.id, remindedAt: null }, data: { remindedAt: options.now } });
  }
  return planned;
}
