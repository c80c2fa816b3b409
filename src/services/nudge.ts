// "Nhắc đơn vị": the Office's one-off reminder to a unit, from its App Home
// (issue 13). It goes through the scheduler's deliveries like the weekly
// reminders: one Delivery row per unit and day (job "nudge", period the
// day, target the unit's channel), created once whoever clicks and however
// often, then sent by the same engine that never posts twice. So a double
// click, two Office members, or a retry post one message a day at most.
import type { PrismaClient } from "../db/database.js";
import { localDay, type Day } from "../domain/day.js";
import { canNudgeUnit } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { planDeliveries } from "../delivery/delivery-store.js";
import type { Payload } from "../delivery/slack-delivery.js";
import type { UnitOwes } from "../models/direction.js";
import type { UnitReminderModel } from "../models/index.js";
import { actorOf, activeMember } from "./obstacle-life.js";
import { outstandingItems, owedBy } from "./outstanding.js";
import { unitReminderModel } from "./weekly/unit-reminder.js";

export const NUDGE_JOB = "nudge";

export type NudgeResult = { kind: "planned" | "already"; unit: { code: string; name: string }; period: string; target: string };

/**
 * Plans today's reminder to the unit, or finds it planned already; the caller
 * then sends what is unsent. `render` is the message (src/views/dashboard.ts
 * around the weekly reminder, with what the unit owes), given by the caller:
 * a use case does not import views.
 */
export async function nudgeUnit(options: {
  prisma: PrismaClient;
  userId: string;
  unitId: number;
  at: Date;
  render: (reminder: UnitReminderModel, meta: { today: Day; owes: UnitOwes }) => Payload;
}): Promise<NudgeResult> {
  const { prisma, userId, at } = options;
  const member = await activeMember(prisma, userId);
  if (!canNudgeUnit(actorOf(member))) throw new AppError("FORBIDDEN_NUDGE");
  const unit = await prisma.unit.findFirst({ where: { id: options.unitId, active: true }, select: { id: true, code: true, name: true, slackChannel: true } });
  if (!unit) throw new AppError("UNIT_NOT_FOUND", { unit: `#${options.unitId}` });
  if (!unit.slackChannel) throw new AppError("NUDGE_NO_CHANNEL", { unit: unit.code });
  const today = localDay(at);
  const [reminder, outstanding] = await Promise.all([unitReminderModel(prisma, unit, today), outstandingItems(prisma, today)]);
  // Besides progress, what the unit owes as the dashboard shows it: a plan to acknowledge, the window's report.
  const payload = options.render(reminder, { today, owes: owedBy(outstanding, unit.id) });
  const planned = await planDeliveries(prisma, NUDGE_JOB, today, [{ target: unit.slackChannel, unitId: unit.id, payload }]);
  if (planned === 1) {
    await prisma.auditEntry.create({
      data: { actor: `slack:${userId}`, action: "unit.nudge", entity: "Unit", entityId: String(unit.id), at, detail: { day: today, channel: unit.slackChannel } },
    });
  }
  return { kind: planned === 1 ? "planned" : "already", unit: { code: unit.code, name: unit.name }, period: today, target: unit.slackChannel };
}

/** Units reminded on `day` (to show "đã nhắc hôm nay" instead of the button). */
export async function unitsNudgedOn(prisma: PrismaClient, day: string): Promise<Set<number>> {
  const rows = await prisma.delivery.findMany({ where: { job: NUDGE_JOB, period: day }, select: { unitId: true } });
  return new Set(rows.map((r) => r.unitId).filter((id): id is number => id !== null));
}
