// Sends the claimed deliveries to Slack within its limits: about one message
// per second per channel and a workspace-wide cap, shared by every instance
// (the cap is per app and workspace, so configure it for the whole
// deployment). A 429's Retry-After pauses everyone; a failing channel only
// delays itself.
import PQueue from "p-queue";
import type { PrismaClient } from "../db/database.js";
import type { Logger } from "../log.js";
import { claimNext, deliveryKey, markFailed, markSent, release, type ClaimedDelivery } from "./delivery-store.js";
import type { DeliveryClient } from "./slack-delivery.js";

export interface FanOutOptions {
  prisma: PrismaClient;
  client: DeliveryClient;
  log: Logger;
  instance: string;
  now: () => Date;
  /** Workspace-wide chat.postMessage budget for this instance. */
  messagesPerMinute: number;
  concurrency?: number;
  /** Give up waiting on rate limits after this long; what is left stays queued for the next tick. */
  maxDurationMs?: number;
}

export interface FanOutResult {
  sent: number;
  failed: number;
  rateLimited: number;
  alreadyPosted: number;
}

const PER_CHANNEL_GAP_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fanOut(options: FanOutOptions, scope: { job?: string; period?: string; ids?: number[] } = {}): Promise<FanOutResult> {
  const { prisma, client, log, instance } = options;
  const concurrency = options.concurrency ?? 4;
  const perSecond = Math.max(1, Math.floor(options.messagesPerMinute / 60));
  const queue = new PQueue({ concurrency, intervalCap: perSecond, interval: 1_000, strict: true });
  const lastPost = new Map<string, number>();
  const result: FanOutResult = { sent: 0, failed: 0, rateLimited: 0, alreadyPosted: 0 };
  const deadline = Date.now() + (options.maxDurationMs ?? 30 * 60_000);

  const send = async (d: ClaimedDelivery) => {
    const key = deliveryKey(d);
    const at = options.now();
    try {
      if (d.uncertain) {
        // An earlier attempt may have reached Slack: look before posting again.
        const found = await client.findPosted(d.target, key, d.previousClaimAt ?? new Date(at.getTime() - 3_600_000));
        if (found) {
          await markSent(prisma, d.id, instance, { ...found, at });
          result.alreadyPosted++;
          log.info({ delivery: key }, "found already posted; not sending again");
          return;
        }
      }
      const gap = (lastPost.get(d.target) ?? 0) + PER_CHANNEL_GAP_MS - Date.now();
      if (gap > 0) await sleep(gap);
      lastPost.set(d.target, Date.now());
      const outcome = await client.post(d.target, d.payload, key);
      switch (outcome.kind) {
        case "sent":
          await markSent(prisma, d.id, instance, { channelId: outcome.channelId, ts: outcome.ts, at: options.now() });
          result.sent++;
          return;
        case "rate_limited": {
          result.rateLimited++;
          // Slack's limits are per app and workspace: everyone waits, then
          // the row (put back at once, attempt not counted) goes out again.
          if (!queue.isPaused) {
            queue.pause();
            setTimeout(() => queue.start(), outcome.retryAfterMs).unref();
          }
          await release(prisma, d.id, instance, options.now());
          log.warn({ delivery: key, retryAfterMs: outcome.retryAfterMs }, "Slack rate limit: pausing deliveries");
          return;
        }
        case "refused":
          await markFailed(prisma, d, instance, { error: outcome.error, uncertain: false, retry: false, at: options.now() });
          result.failed++;
          log.error({ delivery: key, error: outcome.error }, "Slack refused a delivery; it needs attention");
          return;
        case "uncertain":
          await markFailed(prisma, d, instance, { error: outcome.error, uncertain: true, retry: true, at: options.now() });
          result.failed++;
          log.warn({ delivery: key, error: outcome.error }, "delivery outcome unknown; will check before retrying");
      }
    } catch (err) {
      // The database or history look-up failed: keep the uncertainty, retry later.
      await markFailed(prisma, d, instance, { error: String(err), uncertain: true, retry: true, at: options.now() }).catch(() => undefined);
      result.failed++;
      log.error({ err, delivery: key }, "delivery failed");
    }
  };

  for (;;) {
    await queue.onSizeLessThan(concurrency);
    const d = Date.now() < deadline ? await claimNext(prisma, { instance, now: options.now(), ...scope }) : null;
    if (d) {
      void queue.add(() => send(d));
      continue;
    }
    // Nothing claimable now; sends in flight may still put rows back (429).
    if (queue.size === 0 && queue.pending === 0) break;
    await queue.onIdle();
  }
  return result;
}
