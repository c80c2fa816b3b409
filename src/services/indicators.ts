// Criteria of every index with their targets and latest measured values;
// and how any use case maps a criterion row to what views and reports show.
import type { PrismaClient } from "../db/database.js";
import type { CriterionSummary, IndicatorsModel, MeasuredValue } from "../models/index.js";

/** A criterion as read from the database (Prisma's Decimal for numbers). */
interface CriterionRecord {
  code: string;
  name: string;
  measureUnit: string | null;
  target: { toNumber(): number } | null;
  higherIsBetter: boolean;
}

interface ValueRecord {
  period: string;
  value: { toNumber(): number };
  source: string | null;
}

/** A measured value as models carry it; `withSource` keeps where it came from (the consolidated report shows it). */
export function measured(v: ValueRecord | undefined): MeasuredValue | null;
export function measured(v: ValueRecord | undefined, withSource: true): (MeasuredValue & { source: string | null }) | null;
export function measured(v: ValueRecord | undefined, withSource = false) {
  if (!v) return null;
  return withSource ? { period: v.period, value: v.value.toNumber(), source: v.source } : { period: v.period, value: v.value.toNumber() };
}

/** A criterion's own fields: what it measures and its target. */
export function criterionFields(c: CriterionRecord): Omit<CriterionSummary, "latest"> {
  return { code: c.code, name: c.name, measureUnit: c.measureUnit, target: c.target?.toNumber() ?? null, higherIsBetter: c.higherIsBetter };
}

export async function indicators(prisma: PrismaClient): Promise<IndicatorsModel> {
  const indices = await prisma.index.findMany({
    orderBy: { code: "asc" },
    include: { criteria: { orderBy: [{ position: "asc" }, { code: "asc" }], include: { values: { orderBy: { period: "desc" }, take: 1 } } } },
  });
  return {
    indices: indices.map((ix) => ({
      code: ix.code,
      name: ix.name,
      fullName: ix.fullName,
      criteria: ix.criteria.map((c) => ({ ...criterionFields(c), latest: measured(c.values[0]) })),
    })),
  };
}
