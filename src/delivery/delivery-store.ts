// Delivery rows: planning them (idempotent), claiming one to send (exclusive
// across instances), and recording the outcome.
import { Prisma } from "../generated/prisma/client.js";
import type { PrismaClient } from "../db/database.js";
import type { Payload } from "./slack-delivery.js";

export interface PlannedDelivery {
  target: string;
  unitId: number | null;
  payload: Payload;
}

export interface ClaimedDelivery {
  id: number;
  job: string;
  period: string;
  target: string;
  payload: Payload;
  attempts: number;
  uncertain: boolean;
  /** When the previous attempt was claimed, by the run's clock. */
  previousClaimAt: Date | null;
  /** When the first attempt was claimed, by the wall clock. */
  firstAttemptAt: Date | null;
}

/** After this long a claim is presumed dead (the instance crashed mid-send). */
export const CLAIM_LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 6;

export const deliveryKey = (d: { job: string; period: string; target: string }) => `${d.job}:${d.period}:${d.target}`;

/** Creates the deliveries of a run; those that exist already are left as they are. */
export async function planDeliveries(prisma: PrismaClient, job: string, period: string, planned: PlannedDelivery[]): Promise<number> {
  if (planned.length === 0) return 0;
  const r = await prisma.delivery.createMany({
    data: planned.map((p) => ({ job, period, target: p.target, unitId: p.unitId, payload: p.payload as unknown as Prisma.InputJsonValue })),
    skipDuplicates: true,
  });
  return r.count;
}

/** The message a file delivery answers in its thread: the sent delivery of the same job and period to `after`. */
export async function threadOf(prisma: PrismaClient, d: { job: string; period: string }, after: string): Promise<{ channelId: string; ts: string } | null> {
  const parent = await prisma.delivery.findUnique({
    where: { job_period_target: { job: d.job, period: d.period, target: after } },
    select: { status: true, channelId: true, messageTs: true },
  });
  return parent?.status === "SENT" && parent.channelId && parent.messageTs ? { channelId: parent.channelId, ts: parent.messageTs } : null;
}

/**
 * Claims one delivery that is ready to send: new, due for a retry, or
 * claimed by an instance that has not finished within the lease. A file
 * delivery (payload.file) is ready only once the message it answers is sent,
 * or has failed for good (then the file fails too, and `retryFailed` puts both
 * back). The row
 * lock with SKIP LOCKED lets several instances claim in parallel without
 * ever taking the same row.
 */
export async function claimNext(
  prisma: PrismaClient,
  options: { instance: string; now: Date; firstAttemptAt?: Date; job?: string; period?: string; ids?: number[] },
): Promise<ClaimedDelivery | null> {
  const { now } = options;
  const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS);
  const scope = Prisma.sql`
    ${options.job ? Prisma.sql`AND job = ${options.job}` : Prisma.empty}
    ${options.period ? Prisma.sql`AND period = ${options.period}` : Prisma.empty}
    ${options.ids ? Prisma.sql`AND id = ANY(${options.ids}::int[])` : Prisma.empty}`;
  const rows = await prisma.$queryRaw<(Omit<ClaimedDelivery, "previousClaimAt"> & { previousClaimAt: Date | null })[]>`
    WITH next AS (
      SELECT id, "claimedAt" AS previous FROM "Delivery" c
      WHERE (status = 'PENDING'
          OR (status = 'FAILED' AND "nextAttemptAt" IS NOT NULL AND "nextAttemptAt" <= ${now})
          OR (status = 'SENDING' AND "claimedAt" < ${staleBefore}))
        ${scope}
        -- A file for another delivery's thread (the digest's chart) waits until that one is sent; if that one
        -- failed for good, the file is claimed to be marked failed too (nothing is left pending for ever).
        AND NOT EXISTS (
          SELECT 1 FROM "Delivery" p
          WHERE p.job = c.job AND p.period = c.period AND p.target = c.payload->'file'->>'after' AND p.status <> 'SENT'
            AND NOT (p.status = 'FAILED' AND p."nextAttemptAt" IS NULL))
      ORDER BY id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Delivery" d
    SET status = 'SENDING', "claimedBy" = ${options.instance}, "claimedAt" = ${now}, attempts = d.attempts + 1,
        -- A claim that outlived its lease may have posted before dying.
        uncertain = d.uncertain OR d.status = 'SENDING',
        "firstAttemptAt" = COALESCE(d."firstAttemptAt", ${options.firstAttemptAt ?? new Date()}),
        "updatedAt" = ${now}
    FROM next WHERE d.id = next.id
    RETURNING d.id, d.job, d.period, d.target, d.payload, d.attempts, d.uncertain, next.previous AS "previousClaimAt", d."firstAttemptAt"`;
  return rows[0] ?? null;
}

/** False when the claim was lost (another instance took it over). */
export async function markSent(prisma: PrismaClient, id: number, instance: string, r: { channelId: string; ts: string; at: Date }): Promise<boolean> {
  const u = await prisma.delivery.updateMany({
    where: { id, claimedBy: instance, status: "SENDING" },
    data: { status: "SENT", sentAt: r.at, channelId: r.channelId, messageTs: r.ts, uncertain: false, lastError: null, nextAttemptAt: null },
  });
  return u.count === 1;
}

/**
 * Back to the queue without counting the attempt: Slack said "not now"
 * (429). It is claimable at once; the sender waits out Retry-After.
 */
export async function release(prisma: PrismaClient, id: number, instance: string, at: Date) {
  await prisma.$executeRaw`
    UPDATE "Delivery" SET status = 'PENDING', attempts = attempts - 1, "nextAttemptAt" = NULL,
      "lastError" = 'ratelimited', "updatedAt" = ${at}
    WHERE id = ${id} AND "claimedBy" = ${instance} AND status = 'SENDING'`;
}

/** Backoff between attempts: 1, 5, 15, 60, 180 minutes. */
const BACKOFF_MIN = [1, 5, 15, 60, 180];

export async function markFailed(prisma: PrismaClient, d: { id: number; attempts: number }, instance: string, r: { error: string; uncertain: boolean; retry: boolean; at: Date }) {
  const retry = r.retry && d.attempts < MAX_ATTEMPTS;
  const wait = BACKOFF_MIN[Math.min(d.attempts - 1, BACKOFF_MIN.length - 1)]! * 60_000;
  await prisma.delivery.updateMany({
    where: { id: d.id, claimedBy: instance, status: "SENDING" },
    data: {
      status: "FAILED",
      lastError: r.error.slice(0, 500),
      uncertain: r.uncertain,
      nextAttemptAt: retry ? new Date(r.at.getTime() + wait) : null,
    },
  });
}
