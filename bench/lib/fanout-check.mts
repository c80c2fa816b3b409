// What a fan-out left behind, checked from both sides: every channel of the
// fake Slack holds exactly one message carrying the delivery's key, and
// every Delivery row of the run is SENT with that message's channel and ts.
// Plus the timeline of chat.postMessage calls as the fake saw them.
import type { PrismaClient } from "../../src/db/database.js";
import { deliveryKey } from "../../src/delivery/delivery-store.js";
import { DELIVERY_EVENT_TYPE } from "../../src/delivery/slack-delivery.js";
import type { FakeSlack } from "../../src/slack-fake/index.js";

export interface ExactlyOnce {
  channels: number;
  /** Channels without their message. */
  lost: string[];
  /** Channels with more than one message. */
  duplicated: string[];
  /** Messages whose metadata key is not the one of the channel's delivery. */
  wrongKey: string[];
  rows: number;
  /** Delivery rows of the run by status: all SENT when nothing was lost. */
  rowStatus: Record<string, number>;
  /** SENT rows whose (channelId, ts) is not the message in the fake. */
  rowMismatch: number;
  /** Attempts recorded per row (a 429 is not counted as an attempt). */
  attempts: Record<string, number>;
  ok: boolean;
}

export async function checkExactlyOnce(prisma: PrismaClient, fake: FakeSlack, run: { job: string; period: string }, channels: readonly string[]): Promise<ExactlyOnce> {
  const rows = await prisma.delivery.findMany({ where: { job: run.job, period: run.period } });
  const byTarget = new Map(rows.map((r) => [r.target, r]));
  const lost: string[] = [];
  const duplicated: string[] = [];
  const wrongKey: string[] = [];
  let rowMismatch = 0;
  for (const name of channels) {
    const channel = fake.workspace.directory.channel(name);
    const messages = channel ? fake.workspace.conversations.messages(channel.id) : [];
    if (messages.length === 0) lost.push(name);
    if (messages.length > 1) duplicated.push(name);
    const target = `#${name}`;
    const key = deliveryKey({ ...run, target });
    for (const m of messages) {
      const meta = m.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
      if (meta?.event_type !== DELIVERY_EVENT_TYPE || meta.event_payload?.key !== key) wrongKey.push(name);
    }
    const row = byTarget.get(target);
    const m = messages[0];
    if (row?.status === "SENT" && (!m || row.channelId !== channel?.id || row.messageTs !== m.ts)) rowMismatch++;
  }
  const count = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
  const rowStatus = count(rows.map((r) => r.status));
  return {
    channels: channels.length,
    lost,
    duplicated,
    wrongKey,
    rows: rows.length,
    rowStatus,
    rowMismatch,
    attempts: count(rows.map((r) => String(r.attempts))),
    ok: lost.length === 0 && duplicated.length === 0 && wrongKey.length === 0 && rowMismatch === 0 && rows.length === channels.length && rowStatus.SENT === rows.length,
  };
}

export interface Timeline {
  calls: number;
  posted: number;
  rateLimited: number;
  /** From the first call's arrival to the last accepted post's arrival, ms. */
  spanMs: number;
  /** The most accepted posts in any 60 s window, and in any 1 s window. */
  maxPerMinute: number;
  maxPerSecond: number;
  /** Accepted posts per whole second since the first call: the shape of the run. */
  perSecond: number[];
}

export function postTimeline(fake: FakeSlack): Timeline {
  const calls = fake.calls("chat.postMessage");
  const accepted = calls.filter((c) => c.ok).map((c) => c.at);
  const limited = calls.filter((c) => c.status === 429);
  const first = calls[0]?.at ?? 0;
  const perSecond: number[] = [];
  for (const at of accepted) {
    const i = Math.floor((at - first) / 1000);
    while (perSecond.length <= i) perSecond.push(0);
    perSecond[i]!++;
  }
  return {
    calls: calls.length,
    posted: accepted.length,
    rateLimited: limited.length,
    spanMs: accepted.length ? accepted[accepted.length - 1]! - first : 0,
    maxPerMinute: maxInWindow(accepted, 60_000),
    maxPerSecond: maxInWindow(accepted, 1_000),
    perSecond,
  };
}

/** The most events in any half-open window [t, t + windowMs) of sorted times. */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi]! - times[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
