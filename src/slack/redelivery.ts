// Slack delivers at least once. It sends an event again, with the same
// event_id, when it thinks the first delivery was not acknowledged
// (X-Slack-Retry-Num over HTTP, retry_attempt over Socket Mode), and a Socket
// Mode envelope may arrive again with the same envelope_id. This global
// middleware remembers what it has let through and acknowledges a repeat
// without running the listeners again.
//
// The memory is per process: a bounded LRU (lru-cache) with a time-to-live
// well beyond Slack's last retry (five minutes after the first attempt).
// With several instances, a retry that reaches another instance runs there
// once more. That is a deliberate choice rather than a database claim: the
// only event dondoc subscribes to is app_home_opened, whose handling writes
// nothing and publishes the same App Home again; interactions (commands,
// buttons, forms) are not retried by Slack, and the writes they make are made
// idempotent where they are stored.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { LRUCache } from "lru-cache";
import type { Logger } from "../log.js";

/** The context key the Socket Mode receiver puts the envelope id under (see socket-mode.ts). */
export const ENVELOPE_ID = "envelopeId";

export interface RedeliveryOptions {
  /** Deliveries remembered; the oldest are forgotten first. */
  max?: number;
  ttlMs?: number;
}

/** The keys a delivery is known by: its event_id (events) and its envelope_id (Socket Mode). */
export function deliveryKeys(body: unknown, context: Record<string, unknown>): string[] {
  const keys: string[] = [];
  if (typeof body === "object" && body !== null && "event_id" in body && typeof body.event_id === "string") keys.push(`event:${body.event_id}`);
  const envelope = context[ENVELOPE_ID];
  if (typeof envelope === "string" && envelope !== "") keys.push(`envelope:${envelope}`);
  return keys;
}

export function skipRedeliveries(log: Logger, options: RedeliveryOptions = {}): Middleware<AnyMiddlewareArgs> {
  const seen = new LRUCache<string, true>({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 60 * 60_000 });
  return async (args) => {
    const keys = deliveryKeys(args.body, args.context);
    if (keys.some((k) => seen.has(k))) {
      log.info({ keys, retryNum: args.context.retryNum, retryReason: args.context.retryReason }, "Slack delivered this again; handled already, acknowledged and skipped");
      // Events were acknowledged by Bolt before any middleware ran; the rest need it here.
      if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
      return;
    }
    // Remembered before the listeners run, so that a repeat arriving while the
    // first is still being handled is skipped too.
    for (const k of keys) seen.set(k, true);
    await args.next();
  };
}
