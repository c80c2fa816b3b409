// What the scheduler sent, and what failed: for operators (CLI) and the
// Office (/kehoach tinnhan).
import type { PrismaClient } from "../db/database.js";

export async function recentDeliveries(prisma: PrismaClient, options: { limit?: number; failedOnly?: boolean } = {}) {
  const rows = await prisma.delivery.findMany({
    where: options.failedOnly ? { status: "FAILED" } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    select: { id: true, job: true, period: true, target: true, status: true, attempts: true, uncertain: true, lastError: true, sentAt: true, nextAttemptAt: true, createdAt: true },
  });
  const counts = await prisma.delivery.groupBy({ by: ["status"], _count: { _all: true } });
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<"PENDING" | "SENDING" | "SENT" | "FAILED", number>>,
    deliveries: rows,
  };
}

/** An operator's retry: failed deliveries become due now (and keep their uncertainty). */
export async function retryFailed(prisma: PrismaClient, now: Date, ids?: number[]): Promise<number> {
  const r = await prisma.delivery.updateMany({
    where: { status: "FAILED", ...(ids ? { id: { in: ids } } : {}) },
    data: { nextAttemptAt: now, attempts: 0 },
  });
  return r.count;
}
