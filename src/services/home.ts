// What a member's App Home shows: their unit at a glance.
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import { HOME_LIST_MAX, type HomeModel } from "../models/index.js";
import type { MemberWithUnit } from "./members.js";
import { pendingCompletions } from "./confirmations.js";
import { statusSummary } from "./plan-queries.js";
import { unitTaskSummaries } from "./task-summaries.js";

/** What App Home shows of each list (src/views/home.ts); the rest is counted. */
const PER_SECTION = HOME_LIST_MAX;

export async function homeModel(prisma: PrismaClient, member: MemberWithUnit, today: Day): Promise<HomeModel> {
  const base = {
    member: { name: member.name, role: member.role, unit: member.unit && { code: member.unit.code, name: member.unit.name } },
    today,
    canReport: member.unit !== null && member.active,
  };
  if (!member.unit) return { ...base, overdue: [], dueSoon: [], stale: [], recentlyDone: [] };
  const unitIds = [member.unit.id];
  const list = (filter: "overdue" | "due_soon" | "stale" | "recently_done") => unitTaskSummaries(prisma, { unitIds, filter, today, limit: PER_SECTION });
  const [overdue, dueSoon, stale, recentlyDone, summary] = await Promise.all([
    list("overdue"),
    list("due_soon"),
    list("stale"),
    list("recently_done"),
    // The unit's rates as tongquan and the units list count them.
    statusSummary(prisma, { today, unitIds }),
  ]);
  const pending = member.role === "UNIT_LEAD" ? await pendingCompletions(prisma, member.unit.id) : [];
  return {
    ...base,
    ...(pending.length ? { pendingCompletions: pending } : {}),
    overdue: overdue.tasks,
    dueSoon: dueSoon.tasks,
    stale: stale.tasks,
    recentlyDone: recentlyDone.tasks,
    counts: { overdue: overdue.total, dueSoon: dueSoon.total, stale: stale.total, recentlyDone: recentlyDone.total },
    unitRates: summary.byUnit.find((u) => u.code === member.unit!.code)?.rates,
  };
}
