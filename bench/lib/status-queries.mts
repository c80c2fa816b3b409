// EXPLAIN ANALYZE for the benchmarks. statusSummary's own statement comes
// from src/services/plan-queries.ts (statusSummarySql), so the plans printed
// always describe the code that runs.
import type { PrismaClient } from "../../src/db/database.js";
import { Prisma } from "../../src/generated/prisma/client.js";

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a query, as text. Lines longer than `width`
 * are cut: the status CASE expression is repeated in every Group Key and Sort
 * Key line and runs to thousands of characters.
 */
export async function explainAnalyze(prisma: PrismaClient, query: Prisma.Sql, width = 180): Promise<string> {
  const rows = await prisma.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
  return rows
    .map((r) => Object.values(r)[0] ?? "")
    .map((line) => (line.length > width ? `${line.slice(0, width)}…` : line))
    .join("\n");
}
