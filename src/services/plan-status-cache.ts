// A plan's numbers as `/kehoach tongquan` shows them (statusSummary and the
// measured objectives), cached per (plan, day, statusVersion).
//
// Plan.statusVersion is bumped in the database, at commit, by triggers on
// every table the numbers depend on (migration plan_status_version): a
// report, an obstacle, a task's deadline, an assignment, an objective, the
// plan row, a unit's or an index's name. So the key changes in the same
// transaction as the data, whoever writes it (this process, another
// instance, the CLI, a future use case), and nothing here has to be told
// about writes. A reader that saw version v gets numbers at least as recent
// as v: the summary is read after the plan row, in a later snapshot.
//
// Status depends on the day too (a deadline passes at midnight), hence the
// day in the key. The numbers themselves are computed by statusSummary and
// objectiveProgress, the functions every other view uses; this module only
// remembers their answer. test/services/plan-status-cache.test.ts checks the
// cached answer equals a fresh one after every kind of write.
import { LRUCache } from "lru-cache";
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import { objectiveProgress, statusSummary, type ObjectiveProgress, type StatusSummary } from "./plan-queries.js";

export interface PlanStatus {
  summary: StatusSummary;
  objectives: ObjectiveProgress[];
}

/** A plan as read from the database: its id and the version its numbers are at. */
export interface PlanVersion {
  id: number;
  statusVersion: number;
}

/**
 * Plans × days × versions kept per database client. Old versions are never
 * asked for again and age out; 256 covers every plan a department runs at a
 * time, for today and the days around it.
 */
const MAX_ENTRIES = 256;

type Cache = LRUCache<string, PlanStatus, { prisma: PrismaClient; planId: number; today: Day }>;

// One cache per database client, so that two databases in one process (tests,
// benchmarks) never share entries; it goes when the client does.
const caches = new WeakMap<PrismaClient, Cache>();

function cacheOf(prisma: PrismaClient): Cache {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new LRUCache({
      max: MAX_ENTRIES,
      // lru-cache runs one fetch per key at a time: 50 users asking at once
      // after a write cost one computation, not 50.
      fetchMethod: async (_key, _stale, { context }) => freeze(await computePlanStatus(context.prisma, context.planId, context.today)),
    });
    caches.set(prisma, cache);
  }
  return cache;
}

/** The plan's numbers on `today`: computed once per version of the plan, then shared (read-only). */
export async function planStatus(prisma: PrismaClient, plan: PlanVersion, today: Day): Promise<PlanStatus> {
  const status = await cacheOf(prisma).fetch(`${plan.id}|${today}|${plan.statusVersion}`, { context: { prisma, planId: plan.id, today } });
  if (!status) throw new Error(`no status computed for plan ${plan.id}`); // fetchMethod always returns one or throws
  return status;
}

/** The same numbers, computed now: what the cache stores. */
export async function computePlanStatus(prisma: PrismaClient, planId: number, today: Day): Promise<PlanStatus> {
  const summary = await statusSummary(prisma, { today, planIds: [planId] });
  const objectives = await objectiveProgress(prisma, { today, planIds: [planId], rates: new Map([[planId, summary.rates]]) });
  return { summary, objectives };
}

/** Shared between callers: a caller that changed it would change everyone's answer. */
function freeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}
