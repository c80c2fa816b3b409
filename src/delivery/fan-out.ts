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

export async function fanOut(options: FanOutOptions, scope: FanOutScope = {}): Promise<FanOutResult> {
  // One post per interval, at 98% of the budget so that timer jitter does
  // not cross Slack's window; enough concurrency to keep that pace when each
  // post takes a few hundred milliseconds.
  const interval = Math.ceil(60_000 / (options.messagesPerMinute * 0.98));
  const concurrency = options.concurrency ?? Math.max(4, Math.ceil(1_000 / interval));
  const run = new FanOutRun(options, new PQueue({ concurrency, intervalCap: 1, interval, strict: true }));
  await run.rounds(concurrency, scope);
  if (run.interrupted) run.result.interrupted = faultSummary(run.interrupted);
  return run.result;
}

type FanOutScope = { job?: string; period?: string; ids?: number[] };
type Step = "done" | "put_back";
type Sent = { channelId: string; ts: string };

/** One run of the fan-out: its queue, its tally, and the database fault that stopped it, if one did. */
class FanOutRun {
  readonly result: FanOutResult = { sent: 0, failed: 0, rateLimited: 0, alreadyPosted: 0 };
  interrupted: unknown = null;
  private readonly lastPost = new Map<string, number>();
  private readonly deadline: number;

  constructor(
    private readonly options: FanOutOptions,
    private readonly queue: PQueue,
  ) {
    this.deadline = Date.now() + (options.maxDurationMs ?? 30 * 60_000);
  }

  private readonly interrupt = (err: unknown): void => {
    if (this.interrupted) return;
    this.interrupted = err;
    this.options.log.error({ ...faultSummary(err) }, "database failed during delivery: stopping this run; it resumes at the next tick");
  };

  private running(): boolean {
    return !this.interrupted && Date.now() < this.deadline;
  }

  /**
   * Each queued step claims one row and posts it. A step that finds nothing
   * ends the round; rows put back after a 429 start another round.
   */
  async rounds(concurrency: number, scope: FanOutScope): Promise<void> {
    for (;;) {
      const before = { sent: this.result.sent, failed: this.result.failed };
      const round = { exhausted: false, putBack: false };
      while (!round.exhausted && this.running()) {
        await this.queue.onSizeLessThan(concurrency);
        // step catches what it can foresee; this catches the rest, so that no
        // task of the queue ever rejects unhandled (that would end the process).
        if (!round.exhausted && this.running()) this.queue.add(() => this.step(round, scope)).catch(this.interrupt);
      }
      await this.queue.onIdle();
      // Another round after rows were put back (429), or after something was
      // sent or failed: a file waiting for the message it answers is claimable
      // now (to be sent, or to fail with it).
      const changed = this.result.sent !== before.sent || this.result.failed !== before.failed;
      if (this.interrupted || (!round.putBack && !changed) || Date.now() >= this.deadline) break;
    }
  }

  private async step(round: { exhausted: boolean; putBack: boolean }, scope: FanOutScope): Promise<void> {
    if (round.exhausted || !this.running()) return;
    let d: ClaimedDelivery | null;
    try {
      d = await claimNext(this.options.prisma, { instance: this.options.instance, now: this.options.now(), firstAttemptAt: new Date(), ...scope });
    } catch (err) {
      this.interrupt(err);
      return;
    }
    if (!d) {
      round.exhausted = true;
      return;
    }
    if ((await this.send(d)) === "put_back") round.putBack = true;
  }

  private async send(d: ClaimedDelivery): Promise<Step> {
    const key = deliveryKey(d);
    try {
      if (d.payload.file) return await this.sendFile(d, d.payload.file, key);
      return await this.sendMessage(d, key);
    } catch (err) {
      // The database or history look-up failed: keep the uncertainty, retry later.
      const fault = faultSummary(err);
      try {
        await markFailed(this.options.prisma, d, this.options.instance, { error: `${fault.code}: ${fault.message}`, uncertain: true, retry: true, at: this.options.now() });
      } catch (dbErr) {
        this.interrupt(dbErr);
      }
      this.result.failed++;
      this.options.log.error({ delivery: key, ...fault }, "delivery failed");
      return "done";
    }
  }

  private async sendMessage(d: ClaimedDelivery, key: string): Promise<Step> {
    const { client, log } = this.options;
    const at = this.options.now();
    if (d.uncertain) {
      // An earlier attempt may have reached Slack: look before posting again.
      const found = await client.findPosted(d.target, key, historySince(d, at));
      if (found) return this.recordFound(d, key, { ...found, at }, "found already posted; not sending again");
    }
    const gap = (this.lastPost.get(d.target) ?? 0) + PER_CHANNEL_GAP_MS - Date.now();
    if (gap > 0) await sleep(gap);
    this.lastPost.set(d.target, Date.now());
    const outcome = await client.post(d.target, d.payload, key);
    switch (outcome.kind) {
      case "sent":
        // It is in Slack whatever happens next. If the database fails
        // here the row stays claimed, and after its lease the next run
        // finds the message by its key instead of posting it again.
        return this.recordSent(d, key, outcome, "posted, but another instance had taken the claim over");
      case "rate_limited": {
        await this.putBack(d, outcome.retryAfterMs);
        log.warn({ delivery: key, retryAfterMs: outcome.retryAfterMs }, "Slack rate limit: pausing deliveries");
        return "put_back";
      }
      case "refused":
        await this.markFailed(d, outcome.error, false, false);
        log.error({ delivery: key, error: outcome.error }, "Slack refused a delivery; it needs attention");
        return "done";
      case "uncertain":
        await this.markFailed(d, outcome.error, true, true);
        log.warn({ delivery: key, error: outcome.error }, "delivery outcome unknown; will check before retrying");
        return "done";
    }
  }

  /**
   * A file into the thread of the message it answers (the digest's chart),
   * with the same record as a message: claimed once, looked for before a
   * retry whose first attempt may have reached Slack, marked sent. Its
   * failure is its own: the message it answers was sent before it and stays.
   */
  private async sendFile(d: ClaimedDelivery, file: PayloadFile, key: string): Promise<Step> {
    const { client, log } = this.options;
    const thread = await threadOf(this.options.prisma, d, file.after);
    const fail = async (error: string, uncertain: boolean, retry: boolean) => {
      await this.markFailed(d, error, uncertain, retry);
      log.error({ delivery: key, error }, "could not share a file of a delivery; the message it goes with is not affected");
      return "done" as const;
    };
    if (!thread) return fail("the message this file answers was not sent", false, false);
    if (!client.upload || !client.findUploaded) return fail("this Slack client cannot upload files", false, false);
    if (d.uncertain) {
      const found = await client.findUploaded(thread, file.name);
      if (found) return this.recordFound(d, key, { ...found, at: this.options.now() }, "file found already shared; not uploading again");
    }
    const outcome = await client.upload(thread, file, d.payload.text);
    switch (outcome.kind) {
      case "sent":
        return this.recordSent(d, key, outcome, "uploaded, but another instance had taken the claim over");
      case "rate_limited":
        await this.putBack(d, outcome.retryAfterMs);
        return "put_back";
      case "refused":
        return fail(outcome.error, false, false);
      case "uncertain":
        return fail(outcome.error, true, true);
    }
  }

  /** An earlier attempt that did reach Slack: recorded as sent, not sent again. */
  private async recordFound(d: ClaimedDelivery, key: string, found: Sent & { at: Date }, message: string): Promise<Step> {
    await markSent(this.options.prisma, d.id, this.options.instance, found);
    this.result.alreadyPosted++;
    this.options.log.info({ delivery: key }, message);
    return "done";
  }

  /** In Slack whatever the database says next: a failure to record it stops the run, and the next finds it by its key. */
  private async recordSent(d: ClaimedDelivery, key: string, sent: Sent, takenOver: string): Promise<Step> {
    this.result.sent++;
    try {
      if (!(await markSent(this.options.prisma, d.id, this.options.instance, { channelId: sent.channelId, ts: sent.ts, at: this.options.now() }))) {
        this.options.log.warn({ delivery: key }, takenOver);
      }
    } catch (err) {
      this.interrupt(err);
    }
    return "done";
  }

  /**
   * Slack's limits are per app and workspace: everyone waits, then the row
   * (put back at once, attempt not counted) goes out again.
   */
  private async putBack(d: ClaimedDelivery, retryAfterMs: number): Promise<void> {
    this.result.rateLimited++;
    if (!this.queue.isPaused) {
      this.queue.pause();
      setTimeout(() => this.queue.start(), retryAfterMs).unref();
    }
    await release(this.options.prisma, d.id, this.options.instance, this.options.now());
  }

  private async markFailed(d: ClaimedDelivery, error: string, uncertain: boolean, retry: boolean): Promise<void> {
    await markFailed(this.options.prisma, d, this.options.instance, { error, uncertain, retry, at: this.options.now() });
    this.result.failed++;
  }
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
