// A plan's numbers as `/kehoach tongquan` shows them (statusSummary and the
// measured objectives), cached per (plan, day, statusVersion); and the pages
// of `/kehoach viec`, cached per (unit, filter, page, day) and the epoch of
// every plan's versions.
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
// remembers their answer (likewise unitTaskSummaries for the task list).
// test/services/plan-status-cache.test.ts checks the cached answers equal
// fresh ones after every kind of write.
import { LRUCache } from "lru-cache";
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import { objectiveProgress, statusSummary, type ObjectiveProgress, type StatusSummary } from "./plan-queries.js";
import { unitTaskSummaries, type SummaryOptions } from "./task-summaries.js";

type TaskSummaries = Awaited<ReturnType<typeof unitTaskSummaries>>;

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
 * lru-cache's fetch, one cache per database client, so that two databases in
 * one process (tests, benchmarks) never share entries; a cache goes when its
 * client does. lru-cache runs one fetch per key at a time: 50 users asking at
 * once after a write cost one computation, not 50. What it keeps is frozen:
 * shared between callers, a caller that changed it would change everyone's
 * answer.
 */
function perClient<V extends object, C>(max: number, compute: (prisma: PrismaClient, context: C) => Promise<V>) {
  // The context is typed unknown inside: lru-cache's types cannot follow a generic one.
  const caches = new WeakMap<PrismaClient, LRUCache<string, V, unknown>>();
  return async (prisma: PrismaClient, key: string, context: C): Promise<V> => {
    let cache = caches.get(prisma);
    if (!cache) {
      cache = new LRUCache<string, V, unknown>({ max, fetchMethod: async (_key, _stale, options) => freeze(await compute(prisma, options.context as C)) });
      caches.set(prisma, cache);
    }
    const value = await cache.fetch(key, { context });
    if (!value) throw new Error(`nothing computed for ${key}`); // fetchMethod always returns one or throws
    return value;
  };
}

/**
 * Plans × days × versions. Old versions are never asked for again and age
 * out; 256 covers every plan a department runs at a time, for today and the
 * days around it.
 */
const planStatuses = perClient(256, (prisma, c: { planId: number; today: Day }) => computePlanStatus(prisma, c.planId, c.today));

/** The plan's numbers on `today`: computed once per version of the plan, then shared (read-only). */
export async function planStatus(prisma: PrismaClient, plan: PlanVersion, today: Day): Promise<PlanStatus> {
  return planStatuses(prisma, `${plan.id}|${today}|${plan.statusVersion}`, { planId: plan.id, today });
}

/**
 * Where every plan's data stands, in one short read: the largest
 * statusVersion and the number of plans. The versions come from one
 * sequence, so any write the triggers see (above) raises the largest; a plan
 * deleted writes no version but changes the count. Two reads with the same
 * epoch saw the same tasks, reports, assignments and units.
 */
export async function statusEpoch(prisma: PrismaClient): Promise<string> {
  const [row] = await prisma.$queryRaw<{ v: number; n: number }[]>`SELECT coalesce(max("statusVersion"), 0)::int AS v, count(*)::int AS n FROM "Plan"`;
  return `${row?.v ?? 0}.${row?.n ?? 0}`;
}

/**
 * Pages of a unit's tasks (`/kehoach viec` and its page buttons) across its
 * plans: a unit, filter, page and day × epoch. 1,024 holds the first pages of
 * every unit of a province for a day, and their filtered lists.
 */
const taskPages = perClient(1_024, (prisma, options: SummaryOptions) => unitTaskSummaries(prisma, options));

/** unitTaskSummaries' answer, computed once per epoch of the plans' data, then shared (read-only). */
export async function cachedTaskSummaries(prisma: PrismaClient, options: SummaryOptions): Promise<TaskSummaries> {
  return taskPages(prisma, `${await statusEpoch(prisma)}|${JSON.stringify(options)}`, options);
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
