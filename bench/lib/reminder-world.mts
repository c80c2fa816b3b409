// The world of the fan-out benchmark: a database with N units that each have
// a Slack channel and a unit lead, and a few tasks each (so that every
// Monday reminder has something to say), and a fake Slack with one channel
// per unit enforcing chat.postMessage limits.
//
// The tasks, assignments and reports come from the dataset generator
// (bench/dataset.mts) at a small scale; the generator merges about 1 unit in
// 100 into another, which is undone here so that exactly N units have a
// channel of their own.
import type { PrismaClient } from "../../src/db/database.js";
import { createFakeSlack, type FakeSlack } from "../../src/slack-fake/index.js";
import { generateDataset, type GenerationStep } from "../dataset.mjs";

export const BOT_TOKEN = "xoxb-bench-fanout";

export interface ReminderWorldOptions {
  units: number;
  /** Plans of 40 tasks each (36 leaves), with one lead and 0-3 cooperating units per task. */
  plans: number;
  reports: number;
  /** The dataset's day: no report after it. */
  asOf: string;
}

/** Fills a freshly migrated database; returns the generator's steps plus the units and members step. */
export async function seedReminderWorld(prisma: PrismaClient, o: ReminderWorldOptions): Promise<GenerationStep[]> {
  const steps = await generateDataset(prisma, { units: o.units, plans: o.plans, tasksPerPlan: 40, reports: o.reports, asOf: o.asOf });
  const start = performance.now();
  const unmerged = await prisma.$executeRawUnsafe(`UPDATE "Unit" SET "mergedIntoId" = NULL, active = true WHERE "mergedIntoId" IS NOT NULL`);
  // One unit lead per unit, mentioned in its reminder.
  const members = await prisma.$executeRawUnsafe(
    `INSERT INTO "Member" ("slackUserId", name, "unitId", role, "updatedAt")
     SELECT 'U' || lpad(id::text, 8, '0'), 'Trưởng đơn vị ' || id, id, 'UNIT_LEAD', now() FROM "Unit" ORDER BY id`,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "Unit"`);
  await prisma.$executeRawUnsafe(`ANALYZE "Member"`);
  steps.push({ step: "unmerge + leads", rows: unmerged + members, ms: performance.now() - start });
  return steps;
}

/**
 * Rows a year of weekly jobs leaves behind: `weeks` × units SENT deliveries
 * of earlier periods, with a small payload. The claim query must find the
 * few PENDING rows among them.
 */
export async function seedDeliveryHistory(prisma: PrismaClient, weeks: number, units: number): Promise<number> {
  if (weeks <= 0) return 0;
  const n = await prisma.$executeRawUnsafe(
    `INSERT INTO "Delivery" (job, period, target, "unitId", payload, status, attempts, "claimedBy", "claimedAt", "sentAt", "channelId", "messageTs", "updatedAt")
     SELECT job, '2024-W' || lpad(w::text, 2, '0'), '#dv-' || lpad(u::text, 4, '0'), u,
       '{"text": "lịch sử", "blocks": []}'::jsonb, 'SENT', 1, 'history', now(), now(), 'CHISTORY', '1.000000', now()
     FROM generate_series(1, ${Math.min(weeks, 52)}) w, generate_series(1, ${units}) u,
       unnest(ARRAY['reminders', 'summaries']) job
     ORDER BY w, job, u`,
  );
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Delivery"`);
  return n;
}

/** The channels of the units that get reminders, without '#'. */
export async function unitChannelNames(prisma: PrismaClient): Promise<string[]> {
  const units = await prisma.unit.findMany({
    where: { active: true, mergedIntoId: null, slackChannel: { not: null } },
    orderBy: { code: "asc" },
    select: { slackChannel: true },
  });
  return units.map((u) => u.slackChannel!.replace(/^#/, ""));
}

export async function reminderFake(channels: readonly string[], limits: { workspacePerMinute: number; latencyMs: number }): Promise<FakeSlack> {
  return createFakeSlack({
    signingSecret: "bench-fanout-secret",
    botToken: BOT_TOKEN,
    rateLimits: { perChannelPerSecond: 1, workspacePerMinute: limits.workspacePerMinute },
    latencyMs: limits.latencyMs,
    seed: { channels: channels.map((name) => ({ name })) },
  });
}
