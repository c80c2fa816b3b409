// The Office reminds the units whose report for a window has not arrived.
// One click, one reminder per unit, sent exactly once: the reminders are
// Delivery rows (src/scheduler), keyed by the click, so a click Slack
// delivers twice plans nothing new, and the delivery engine never posts a
// message twice (it looks in the channel before resending an uncertain one).
// The audit entry is written with the rows, once.
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import { canConsolidateReports, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client.js";
import type { Logger } from "../log.js";
import { fanOut, type FanOutResult } from "../delivery/fan-out.js";
import type { DeliveryClient, Payload } from "../delivery/slack-delivery.js";
import type { UnitReportReminderModel } from "../models/unit-report.js";
import { unitReportStatus } from "./unit-reports.js";

export const UNIT_REPORT_REMINDER_JOB = "unit-report-reminders";

export interface RemindUnitsInput {
  actor: Actor;
  userId: string;
  planId: number;
  windowKey: string;
  /** Names the click: what Slack gives for it (the action's trigger id). */
  clickKey: string;
  today: Day;
  at: Date;
}

export interface RemindUnitsResult {
  /** Units reminded by this click (0 when it was a replay). */
  planned: number;
  replay: boolean;
  /** Units not sent and without a channel. */
  unreachable: string[];
  delivery: FanOutResult | null;
}

export async function remindUnitsToReport(
  prisma: PrismaClient,
  input: RemindUnitsInput,
  send: { client: DeliveryClient | null; log: Logger; instance: string; now: () => Date; messagesPerMinute: number },
  /** The reminder's message (src/views/unit-report.ts), rendered by the caller: a use case does not import views. */
  render: (m: UnitReportReminderModel) => Payload,
): Promise<RemindUnitsResult> {
  if (!canConsolidateReports(input.actor)) throw new AppError("OFFICE_ONLY");
  const status = await unitReportStatus(prisma, input.planId, input.windowKey, input.today);
  const pending = status.units.filter((u) => u.state !== "SUBMITTED");
  const reachable = pending.filter((u) => u.channel !== null);
  const period = `${status.window.key}:${status.plan.id}:${input.clickKey.slice(0, 120)}`;
  const planned = await prisma.$transaction(async (tx) => {
    const r = await tx.delivery.createMany({
      data: reachable.map((u) => ({
        job: UNIT_REPORT_REMINDER_JOB,
        period,
        target: u.channel!,
        unitId: u.unit.id,
        payload: render({
          unit: u.unit,
          plan: status.plan,
          window: status.window,
          unitsDue: status.unitsDue,
          today: input.today,
          drafted: u.state === "DRAFT",
        }) as unknown as Prisma.InputJsonValue,
      })),
      skipDuplicates: true,
    });
    if (r.count > 0) {
      await tx.auditEntry.create({
        data: {
          actor: `slack:${input.userId}`,
          at: input.at,
          action: "unit-report.remind",
          entity: "Plan",
          entityId: String(status.plan.id),
          detail: { period: status.window.key, units: reachable.map((u) => u.unit.code), click: period },
        },
      });
    }
    return r.count;
  });
  const delivery = send.client
    ? await fanOut(
        { prisma, client: send.client, log: send.log, instance: send.instance, now: send.now, messagesPerMinute: send.messagesPerMinute },
        { job: UNIT_REPORT_REMINDER_JOB, period },
      )
    : null;
  return { planned, replay: reachable.length > 0 && planned === 0, unreachable: pending.filter((u) => u.channel === null).map((u) => u.unit.code), delivery };
}
