// The baseline statusSummary is measured against: load every live task with
// its assignments and compute status in JavaScript with the domain's
// taskStatus, as one would without status-sql.ts. It returns the same shape
// as statusSummary so that the two can be compared for equality too.
import type { PrismaClient } from "../../src/db/database.js";
import type { Day } from "../../src/domain/day.js";
import { completionRates, emptyCounts, STATUSES, taskStatus } from "../../src/domain/status.js";
import type { StatusSummary } from "../../src/services/plan-queries.js";
import { timingOf } from "../../src/services/task-timing.js";
import { UnitResolver } from "../../src/services/unit-resolver.js";

export async function naiveStatusSummary(prisma: PrismaClient, options: { today: Day; planIds?: number[] }): Promise<StatusSummary> {
  const [tasks, resolver, units] = await Promise.all([
    prisma.task.findMany({
      where: { archivedAt: null, ...(options.planIds ? { planId: { in: options.planIds } } : {}) },
      include: {
        plan: { select: { reportingPeriods: true, minCoverageDays: true } },
        assignments: { select: { unitId: true, role: true } },
        index: { select: { code: true, name: true } },
      },
    }),
    UnitResolver.load(prisma),
    prisma.unit.findMany({ select: { id: true, code: true } }),
  ]);
  const headings = new Set(tasks.map((t) => t.parentId));
  const counts = emptyCounts();
  const unitOf = new Map(resolver.units.map((u) => [u.id, u]));
  for (const u of units) {
    const successor = resolver.resolve(u.code);
    if (successor?.kind === "unit") unitOf.set(u.id, successor.unit);
  }
  const byUnit = new Map<number, StatusSummary["byUnit"][number]>();
  const byIndex = new Map<string, StatusSummary["byIndex"][number]>();
  for (const t of tasks) {
    if (headings.has(t.id)) continue;
    const status = taskStatus(timingOf(t), options.today);
    counts[status]++;
    for (const a of t.assignments) {
      const u = unitOf.get(a.unitId);
      if (!u) continue;
      const row = byUnit.get(u.id) ?? { code: u.code, name: u.name, lead: emptyCounts(), rates: completionRates(emptyCounts()), cooperating: 0 };
      if (a.role === "LEAD") row.lead[status]++;
      else row.cooperating++;
      byUnit.set(u.id, row);
    }
    if (t.index) {
      const row = byIndex.get(t.index.code) ?? { code: t.index.code, name: t.index.name, counts: emptyCounts(), rates: completionRates(emptyCounts()) };
      row.counts[status]++;
      byIndex.set(t.index.code, row);
    }
  }
  for (const u of byUnit.values()) u.rates = completionRates(u.lead);
  for (const i of byIndex.values()) i.rates = completionRates(i.counts);
  return {
    today: options.today,
    total: STATUSES.reduce((sum, s) => sum + counts[s], 0),
    counts,
    rates: completionRates(counts),
    byUnit: [...byUnit.values()].sort((a, b) => a.code.localeCompare(b.code, "vi")),
    byIndex: [...byIndex.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
