// Sends the ready deliveries to Slack within its limits: about one message
// per second per channel and a workspace-wide cap. `messagesPerMinute` is
// this instance's pace: Slack's cap is per app and workspace, so with several
// instances give each its share. A 429's Retry-After pauses this instance; a
// failing channel only delays itself. A row is claimed only when it is about
// to be posted, so a pause never holds claims that could outlive their lease.
//
// A database that goes away mid-run stops the run, never the process: no
// new row is claimed, the steps in flight finish, and the result says it was
// interrupted. What was claimed and not recorded stays "sending" until its
// lease runs out; the next run then looks for it in Slack before sending, so
// nothing is lost or sent twice.
import PQueue from "p-queue";
import type { PrismaClient } from "../db/database.js";
import { faultSummary } from "../db/faults.js";
import type { Logger } from "../log.js";
import { claimNext, deliveryKey, markFailed, markSent, release, threadOf, type ClaimedDelivery } from "./delivery-store.js";
import type { DeliveryClient, PayloadFile } from "./slack-delivery.js";

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
  /** Set when the run stopped early because the database failed: its code and message. */
  interrupted?: { code: string; message: string };
}

const PER_CHANNEL_GAP_MS = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fanOut(options: FanOutOptions, scope: { job?: string; period?: string; ids?: number[] } = {}): Promise<FanOutResult> {
  const { prisma, client, log, instance } = options;
  // One post per interval, at 98% of the budget so that timer jitter does
  // not cross Slack's window; enough concurrency to keep that pace when each
  // post takes a few hundred milliseconds.
  const interval = Math.ceil(60_000 / (options.messagesPerMinute * 0.98));
  const concurrency = options.concurrency ?? Math.max(4, Math.ceil(1_000 / interval));
  const queue = new PQueue({ concurrency, intervalCap: 1, interval, strict: true });
  const lastPost = new Map<string, number>();
  const result: FanOutResult = { sent: 0, failed: 0, rateLimited: 0, alreadyPosted: 0 };
  const deadline = Date.now() + (options.maxDurationMs ?? 30 * 60_000);
  let interrupted: unknown = null;
  const interrupt = (err: unknown) => {
    if (interrupted) return;
    interrupted = err;
    log.error({ ...faultSummary(err) }, "database failed during delivery: stopping this run; it resumes at the next tick");
  };

  const send = async (d: ClaimedDelivery): Promise<"done" | "put_back"> => {
    const key = deliveryKey(d);
    const at = options.now();
    try {
      if (d.payload.file) return await sendFile(d, d.payload.file, key);
      if (d.uncertain) {
        // An earlier attempt may have reached Slack: look before posting again.
        const found = await client.findPosted(d.target, key, historySince(d, at));
        if (found) {
          await markSent(prisma, d.id, instance, { ...found, at });
          result.alreadyPosted++;
          log.info({ delivery: key }, "found already posted; not sending again");
          return "done";
        }
      }
      const gap = (lastPost.get(d.target) ?? 0) + PER_CHANNEL_GAP_MS - Date.now();
      if (gap > 0) await sleep(gap);
      lastPost.set(d.target, Date.now());
      const outcome = await client.post(d.target, d.payload, key);
      switch (outcome.kind) {
        case "sent":
          // It is in Slack whatever happens next. If the database fails
          // here the row stays claimed, and after its lease the next run
          // finds the message by its key instead of posting it again.
          result.sent++;
          try {
            if (!(await markSent(prisma, d.id, instance, { channelId: outcome.channelId, ts: outcome.ts, at: options.now() }))) {
              log.warn({ delivery: key }, "posted, but another instance had taken the claim over");
            }
          } catch (err) {
            interrupt(err);
          }
          return "done";
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
          return "put_back";
        }
        case "refused":
          await markFailed(prisma, d, instance, { error: outcome.error, uncertain: false, retry: false, at: options.now() });
          result.failed++;
          log.error({ delivery: key, error: outcome.error }, "Slack refused a delivery; it needs attention");
          return "done";
        case "uncertain":
          await markFailed(prisma, d, instance, { error: outcome.error, uncertain: true, retry: true, at: options.now() });
          result.failed++;
          log.warn({ delivery: key, error: outcome.error }, "delivery outcome unknown; will check before retrying");
          return "done";
      }
    } catch (err) {
      // The database or history look-up failed: keep the uncertainty, retry later.
      const fault = faultSummary(err);
      try {
        await markFailed(prisma, d, instance, { error: `${fault.code}: ${fault.message}`, uncertain: true, retry: true, at: options.now() });
      } catch (dbErr) {
        interrupt(dbErr);
      }
      result.failed++;
      log.error({ delivery: key, ...fault }, "delivery failed");
      return "done";
    }
  };

  /**
   * A file into the thread of the message it answers (the digest's chart),
   * with the same record as a message: claimed once, looked for before a
   * retry whose first attempt may have reached Slack, marked sent. Its
   * failure is its own: the message it answers was sent before it and stays.
   */
  const sendFile = async (d: ClaimedDelivery, file: PayloadFile, key: string): Promise<"done" | "put_back"> => {
    const thread = await threadOf(prisma, d, file.after);
    const fail = async (error: string, uncertain: boolean, retry: boolean) => {
      await markFailed(prisma, d, instance, { error, uncertain, retry, at: options.now() });
      result.failed++;
      log.error({ delivery: key, error }, "could not share a file of a delivery; the message it goes with is not affected");
      return "done" as const;
    };
    if (!thread) return fail("the message this file answers was not sent", false, false);
    if (!client.upload || !client.findUploaded) return fail("this Slack client cannot upload files", false, false);
    if (d.uncertain) {
      const found = await client.findUploaded(thread, file.name);
      if (found) {
        await markSent(prisma, d.id, instance, { ...found, at: options.now() });
        result.alreadyPosted++;
        log.info({ delivery: key }, "file found already shared; not uploading again");
        return "done";
      }
    }
    const outcome = await client.upload(thread, file, d.payload.text);
    switch (outcome.kind) {
      case "sent":
        result.sent++;
        try {
          if (!(await markSent(prisma, d.id, instance, { channelId: outcome.channelId, ts: outcome.ts, at: options.now() }))) {
            log.warn({ delivery: key }, "uploaded, but another instance had taken the claim over");
          }
        } catch (err) {
          interrupt(err);
        }
        return "done";
      case "rate_limited":
        result.rateLimited++;
        if (!queue.isPaused) {
          queue.pause();
          setTimeout(() => queue.start(), outcome.retryAfterMs).unref();
        }
        await release(prisma, d.id, instance, options.now());
        return "put_back";
      case "refused":
        return fail(outcome.error, false, false);
      case "uncertain":
        return fail(outcome.error, true, true);
    }
  };

  // Each queued step claims one row and posts it. A step that finds nothing
  // ends the round; rows put back after a 429 start another round.
  let exhausted = false;
  let putBack = false;
  const step = async () => {
    if (exhausted || interrupted || Date.now() >= deadline) return;
    let d: ClaimedDelivery | null;
    try {
      d = await claimNext(prisma, { instance, now: options.now(), firstAttemptAt: new Date(), ...scope });
    } catch (err) {
      interrupt(err);
      return;
    }
    if (!d) {
      exhausted = true;
      return;
    }
    if ((await send(d)) === "put_back") putBack = true;
  };
  const running = () => !exhausted && !interrupted && Date.now() < deadline;
  for (;;) {
    const sentBefore = result.sent;
    while (running()) {
      await queue.onSizeLessThan(concurrency);
      // step catches what it can foresee; this catches the rest, so that no
      // task of the queue ever rejects unhandled (that would end the process).
      if (running()) queue.add(step).catch(interrupt);
    }
    await queue.onIdle();
    // Another round after rows were put back (429), or after something was
    // sent: a file waiting for the message it answers is claimable now.
    if (interrupted || (!putBack && result.sent === sentBefore) || Date.now() >= deadline) break;
    putBack = false;
    exhausted = false;
  }
  if (interrupted) result.interrupted = faultSummary(interrupted);
  return result;
}

/**
 * Where to start looking for an earlier attempt in Slack's history: the
 * earliest moment it can have been posted. The run's clock and the wall clock
 * differ under `jobs run --at` (a future --at would otherwise start the
 * search after the message it is looking for), so take the earlier of the
 * two; looking further back costs a page of history at most.
 */
export function historySince(d: Pick<ClaimedDelivery, "previousClaimAt" | "firstAttemptAt">, at: Date): Date {
  const candidates = [d.previousClaimAt, d.firstAttemptAt].filter((t): t is Date => t instanceof Date);
  return candidates.length ? new Date(Math.min(...candidates.map((t) => t.getTime()))) : new Date(at.getTime() - 3_600_000);
}
