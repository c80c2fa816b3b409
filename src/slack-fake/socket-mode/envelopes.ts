// Envelopes sent over Socket Mode and what became of them: which connection
// got each attempt, the acknowledgement and its payload, and Slack's
// re-delivery of events_api envelopes nobody acknowledged in time.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ACK_DEADLINE_MS } from "../app-driver/connection.js";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface EnvelopeOptions {
  /** Slack's deadline for an ack (3 s); an events_api envelope not acknowledged by then is sent again. */
  ackDeadlineMs?: number;
  /** How long a delivery waits for its ack before answering 408 (default 10 s). */
  ackWaitMs?: number;
  /**
   * Delays before each re-delivery of an unacknowledged events_api envelope,
   * counted from the missed deadline. Slack retries three times: at once,
   * after a minute, after five minutes; that is the default. Tests shorten it.
   */
  eventRetryDelaysMs?: readonly number[];
}

export interface Attempt {
  /** 0 for the first delivery. */
  retryAttempt: number;
  retryReason: string;
  /** The connection it was sent on; undefined when none was open (not sent). */
  connectionId: string | undefined;
  sentAt: number;
}

export interface Ack {
  /** What the app sent in `payload`; undefined when it sent none or `{}`. */
  payload: unknown;
  connectionId: string;
  /** Wall-clock ms from the latest attempt to the ack. */
  ms: number;
}

export interface Envelope {
  id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  acceptsResponsePayload: boolean;
  retryAttempt: number;
  retryReason: string;
  attempts: Attempt[];
  acks: Ack[];
}

/** A delivery as the driver sees it, shaped like an HTTP answer so tests read the same on both transports. */
export interface EnvelopeResult {
  /** 200 acknowledged; 408 no ack within ackWaitMs; 503 no connection open (Slack's dispatch_failed). */
  status: 200 | 408 | 503;
  body: unknown;
  text: string;
  ms: number;
  late: boolean;
  envelopeId: string;
}

const SLACK_EVENT_RETRY_DELAYS_MS = [0, 60_000, 300_000] as const;

export class Envelopes {
  private readonly all = new Map<string, Envelope>();
  private readonly waiters = new Map<string, Set<(ack: Ack | undefined) => void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly deadlineMs: number;
  private readonly waitMs: number;
  private readonly retryDelaysMs: readonly number[];

  /** `send` puts an envelope on a connection and answers its id, or undefined when none is open. */
  constructor(
    private readonly send: (envelope: Envelope) => string | undefined,
    options: EnvelopeOptions,
  ) {
    this.deadlineMs = options.ackDeadlineMs ?? ACK_DEADLINE_MS;
    this.waitMs = options.ackWaitMs ?? 10_000;
    this.retryDelaysMs = options.eventRetryDelaysMs ?? SLACK_EVENT_RETRY_DELAYS_MS;
  }

  /** `retry` marks the first attempt as a retry already (an event first sent over HTTP, say). */
  deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    acceptsResponsePayload: boolean,
    retry: { attempt: number; reason: string } = { attempt: 0, reason: "" },
  ): Promise<EnvelopeResult> {
    const envelope: Envelope = {
      id: randomUUID(),
      type,
      payload,
      acceptsResponsePayload,
      retryAttempt: retry.attempt,
      retryReason: retry.reason,
      attempts: [],
      acks: [],
    };
    this.all.set(envelope.id, envelope);
    return this.attempt(envelope);
  }

  redeliver(envelopeId: string, retryReason: string): Promise<EnvelopeResult> {
    const envelope = this.all.get(envelopeId);
    if (!envelope) throw new Error(`fake slack: no envelope ${envelopeId} was sent`);
    envelope.retryAttempt += 1;
    envelope.retryReason = retryReason;
    return this.attempt(envelope);
  }

  acknowledge(envelopeId: string, payload: unknown, connectionId: string): void {
    const envelope = this.all.get(envelopeId);
    if (!envelope) return;
    const last = envelope.attempts.at(-1);
    const emptyPayload = payload === undefined || (typeof payload === "object" && payload !== null && Object.keys(payload).length === 0);
    const ack: Ack = { payload: emptyPayload ? undefined : payload, connectionId, ms: last ? performance.now() - last.sentAt : 0 };
    envelope.acks.push(ack);
    const waiting = this.waiters.get(envelopeId);
    this.waiters.delete(envelopeId);
    for (const resolve of waiting ?? []) resolve(ack);
  }

  list(): readonly Envelope[] {
    return [...this.all.values()];
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const waiting of this.waiters.values()) for (const resolve of waiting) resolve(undefined);
    this.waiters.clear();
  }

  private attempt(envelope: Envelope): Promise<EnvelopeResult> {
    const sentAt = performance.now();
    const acksBefore = envelope.acks.length;
    const connectionId = this.send(envelope);
    envelope.attempts.push({ retryAttempt: envelope.retryAttempt, retryReason: envelope.retryReason, connectionId, sentAt });
    if (connectionId === undefined) {
      return Promise.resolve({ status: 503, body: undefined, text: "", ms: 0, late: false, envelopeId: envelope.id });
    }
    if (envelope.type === "events_api") this.later(this.deadlineMs, () => this.retryIfUnacknowledged(envelope, acksBefore));
    return new Promise<EnvelopeResult>((resolve) => {
      const done = (ack: Ack | undefined) => {
        clearTimeout(timer);
        this.timers.delete(timer);
        const ms = performance.now() - sentAt;
        if (!ack) return resolve({ status: 408, body: undefined, text: "", ms, late: true, envelopeId: envelope.id });
        const text = ack.payload === undefined ? "" : JSON.stringify(ack.payload);
        resolve({ status: 200, body: ack.payload, text, ms, late: ms > this.deadlineMs, envelopeId: envelope.id });
      };
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiters.get(envelope.id)?.delete(done);
        done(undefined);
      }, this.waitMs);
      timer.unref();
      this.timers.add(timer);
      const set = this.waiters.get(envelope.id) ?? new Set();
      set.add(done);
      this.waiters.set(envelope.id, set);
    });
  }

  /** Slack sends an unacknowledged event again, with retry_attempt and retry_reason "timeout", up to three times. */
  private retryIfUnacknowledged(envelope: Envelope, acksBefore: number): void {
    if (envelope.acks.length > acksBefore) return;
    const delay = this.retryDelaysMs[envelope.retryAttempt];
    if (delay === undefined) return;
    this.later(delay, () => {
      if (envelope.acks.length > acksBefore) return;
      void this.redeliver(envelope.id, "timeout");
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }
}
