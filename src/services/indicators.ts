// Criteria of every index with their targets and latest measured values.
import type { PrismaClient } from "../db/database.js";
import type { IndicatorsModel } from "../models/index.js";

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
      criteria: ix.criteria.map((c) => ({
        code: c.code,
        name: c.name,
        measureUnit: c.measureUnit,
        target: c.target?.toNumber() ?? null,
        higherIsBetter: c.higherIsBetter,
        latest: c.values[0] ? { period: c.values[0].period, value: c.values[0].value.toNumber() } : null,
      })),
    })),
  };
}
