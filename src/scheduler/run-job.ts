// Running one scheduled job for one period: plan its deliveries (once, by
// whichever instance gets there first), then send what is still unsent.
// Running it again for the same period sends nothing new.
import type { SchedulerConfig } from "../config/env.js";
import type { PrismaClient } from "../db/database.js";
import type { Occurrence } from "../domain/schedule.js";
import type { Logger } from "../log.js";
import { planDeliveries, type PlannedDelivery } from "../delivery/delivery-store.js";
import { fanOut, type FanOutResult } from "../delivery/fan-out.js";
import { plannedMessages } from "./jobs.js";
import type { DeliveryClient } from "../delivery/slack-delivery.js";

export interface JobContext {
  prisma: PrismaClient;
  log: Logger;
  client: DeliveryClient | null;
  config: Pick<SchedulerConfig, "leadershipChannel" | "digestDm" | "messagesPerMinute">;
  instance: string;
  now: () => Date;
}

export type JobOutcome =
  | { dryRun: true; occurrence: Occurrence; messages: PlannedDelivery[] }
  | {
      dryRun: false;
      occurrence: Occurrence;
      planned: number;
      alreadyPlanned: boolean;
      delivery: FanOutResult | null;
      /** Rows of this run another attempt still holds (claimed, lease not run out): not sent by this one. */
      stillSending: { count: number; lastClaimedAt: Date | null; claimedBy: string[] };
    };

export async function runJob(ctx: JobContext, occurrence: Occurrence, options: { dryRun?: boolean } = {}): Promise<JobOutcome> {
  const { prisma, log } = ctx;
  if (options.dryRun) return { dryRun: true, occurrence, messages: await plannedMessages(prisma, ctx.config, occurrence, log) };

  const existing = await prisma.jobRun.findUnique({ where: { job_period: { job: occurrence.job, period: occurrence.period } } });
  let planned = 0;
  if (!existing) {
    // Deliveries first, then the run marker: a crash in between re-plans,
    // and the unique (job, period, target) key keeps that idempotent.
    planned = await planDeliveries(prisma, occurrence.job, occurrence.period, await plannedMessages(prisma, ctx.config, occurrence, log));
    await prisma.jobRun.createMany({
      data: [{ job: occurrence.job, period: occurrence.period, dueAt: occurrence.dueAt, by: ctx.instance }],
      skipDuplicates: true,
    });
    log.info({ job: occurrence.job, period: occurrence.period, planned }, "planned a scheduled job");
  }
  const delivery = ctx.client
    ? await fanOut(
        { prisma, client: ctx.client, log, instance: ctx.instance, now: ctx.now, messagesPerMinute: ctx.config.messagesPerMinute },
        { job: occurrence.job, period: occurrence.period },
      )
    : null;
  let stillSending: Extract<JobOutcome, { dryRun: false }>["stillSending"] = { count: 0, lastClaimedAt: null, claimedBy: [] };
  if (delivery && !delivery.interrupted) {
    const held = await prisma.delivery.findMany({
      where: { job: occurrence.job, period: occurrence.period, status: "SENDING" },
      select: { claimedAt: true, claimedBy: true },
    });
    const last = Math.max(...held.map((h) => h.claimedAt?.getTime() ?? 0));
    stillSending = { count: held.length, lastClaimedAt: held.length && last > 0 ? new Date(last) : null, claimedBy: [...new Set(held.map((h) => h.claimedBy ?? "?"))] };
  }
  return { dryRun: false, occurrence, planned, alreadyPlanned: existing !== null, delivery, stillSending };
}
