// The cached numbers of `/kehoach tongquan` and the cached pages of
// `/kehoach viec` (src/services/plan-status-cache.ts) equal a fresh
// computation after every kind of write, in any order: random
// sequences of reports, deleted reports, obstacles raised and resolved,
// deadlines moved, completions confirmed or withdrawn outside the report
// use case, assignments changed, tasks archived, plan rules, objectives,
// unit renames and merges, index renames. The cache is never told about a
// write: the database's triggers move Plan.statusVersion, so without them
// these tests fail on the first report. On PostgreSQL, two instances (two
// clients, two caches) see each other's writes.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database, type PrismaClient } from "../../src/db/database.js";
import { addDays, toDate, type Day } from "../../src/domain/day.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { raiseObstacle } from "../../src/services/obstacles.js";
import { TASK_LIST_PAGE_SIZE } from "../../src/models/index.js";
import { cachedTaskSummaries, computePlanStatus, planStatus, statusEpoch } from "../../src/services/plan-status-cache.js";
import { unitTaskSummaries } from "../../src/services/task-summaries.js";
import { reportProgress } from "../../src/services/report-progress.js";
import { backends, log } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

/** Days the numbers are checked on: during the plan, at its end, and after it. */
const DAYS: Day[] = ["2023-08-20", "2023-10-01", "2024-01-10"];
const FIRST_DAY: Day = "2023-06-15";

interface World {
  planId: number;
  leaves: { id: number; dueKind: string; assignments: { id: number; unitId: number; role: "LEAD" | "COOPERATING" }[] }[];
  units: { id: number; code: string; name: string }[];
  indices: { id: number; name: string }[];
}

async function worldOf(prisma: PrismaClient): Promise<World> {
  const plan = await prisma.plan.findFirstOrThrow();
  const leaves = await prisma.task.findMany({
    where: { planId: plan.id, children: { none: {} } },
    select: { id: true, dueKind: true, assignments: { select: { id: true, unitId: true, role: true } } },
    orderBy: { id: "asc" },
  });
  const units = await prisma.unit.findMany({ select: { id: true, code: true, name: true }, orderBy: { id: "asc" } });
  const indices = await prisma.index.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } });
  return { planId: plan.id, leaves, units, indices };
}

type Write = { name: string; run: (prisma: PrismaClient, w: World) => Promise<unknown> };

const pick = <T>(xs: T[], i: number): T => xs[i % xs.length]!;
const day = fc.integer({ min: 0, max: 240 }).map((n) => addDays(FIRST_DAY, n));
const at = (d: Day) => new Date(`${d}T03:00:00Z`);

/** Every kind of write the numbers depend on, each with random targets. */
const writes: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ t: fc.nat(), a: fc.nat(), percent: fc.integer({ min: 0, max: 100 }), done: fc.boolean(), d: day }).map(
    ({ t, a, percent, done, d }): Write => ({
      name: `report ${percent}%${done ? " done" : ""} on ${d}`,
      run: (prisma, w) => {
        const task = pick(w.leaves, t);
        const unit = pick(task.assignments, a);
        return reportProgress(prisma, { taskId: task.id, unitId: unit.unitId, reporter: "U0TEST", percent: done ? 100 : percent, done, at: at(d) });
      },
    }),
  ),
  fc.nat().map(
    (n): Write => ({
      name: "delete a report",
      run: async (prisma) => {
        const reports = await prisma.progressReport.findMany({ select: { id: true }, orderBy: { id: "asc" } });
        if (reports.length) await prisma.progressReport.delete({ where: { id: pick(reports, n).id } });
      },
    }),
  ),
  fc.record({ t: fc.nat(), d: day }).map(
    ({ t, d }): Write => ({
      name: `raise an obstacle on ${d}`,
      run: (prisma, w) => {
        const task = pick(w.leaves, t);
        return raiseObstacle(prisma, { taskId: task.id, unitId: task.assignments[0]!.unitId, raisedBy: "U0TEST", text: "Thiếu kinh phí", at: at(d) });
      },
    }),
  ),
  fc.nat().map(
    (n): Write => ({
      name: "resolve an obstacle",
      run: async (prisma) => {
        const open = await prisma.obstacle.findMany({ where: { resolvedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
        if (open.length) await prisma.obstacle.update({ where: { id: pick(open, n).id }, data: { resolvedAt: new Date(), resolvedBy: "U0OFFICE", resolution: "Đã xử lý" } });
      },
    }),
  ),
  fc.record({ t: fc.nat(), d: day }).map(
    ({ t, d }): Write => ({
      name: `move a deadline to ${d} (an extension)`,
      run: (prisma, w) => {
        const fixed = w.leaves.filter((x) => x.dueKind !== "ONGOING" && x.dueKind !== "EVENT");
        return prisma.task.update({ where: { id: pick(fixed, t).id }, data: { dueOn: toDate(d) } });
      },
    }),
  ),
  fc.record({ t: fc.nat(), d: fc.option(day) }).map(
    ({ t, d }): Write => ({
      name: d ? `confirm a completion on ${d}` : "withdraw a completion",
      run: (prisma, w) => prisma.task.update({ where: { id: pick(w.leaves, t).id }, data: { completedOn: d ? toDate(d) : null } }),
    }),
  ),
  fc.record({ t: fc.nat(), a: fc.nat(), u: fc.nat(), kind: fc.constantFrom("role", "remove", "add") }).map(
    ({ t, a, u, kind }): Write => ({
      name: `assignment: ${kind}`,
      run: async (prisma, w) => {
        const task = pick(w.leaves, t);
        const current = await prisma.assignment.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } });
        if (kind === "add") {
          const unit = pick(w.units, u);
          if (!current.some((c) => c.unitId === unit.id)) await prisma.assignment.create({ data: { taskId: task.id, unitId: unit.id, role: "COOPERATING" } });
        } else if (current.length > 1) {
          const one = pick(current, a);
          if (kind === "remove") await prisma.assignment.delete({ where: { id: one.id } });
          else await prisma.assignment.update({ where: { id: one.id }, data: { role: one.role === "LEAD" ? "COOPERATING" : "LEAD" } });
        }
      },
    }),
  ),
  fc.record({ t: fc.nat(), archived: fc.boolean() }).map(
    ({ t, archived }): Write => ({
      name: archived ? "archive a task" : "bring a task back",
      run: (prisma, w) => prisma.task.update({ where: { id: pick(w.leaves, t).id }, data: { archivedAt: archived ? new Date() : null } }),
    }),
  ),
  fc.record({ days: fc.integer({ min: 1, max: 90 }), windows: fc.boolean() }).map(
    ({ days, windows }): Write => ({
      name: `plan rules: ${windows ? "windows" : "calendar"}, ${days} days`,
      run: (prisma, w) => prisma.plan.update({ where: { id: w.planId }, data: { minCoverageDays: days, reportingPeriods: windows ? "WINDOW" : "CALENDAR" } }),
    }),
  ),
  fc.record({ target: fc.integer({ min: 50, max: 100 }), onTime: fc.boolean() }).map(
    ({ target, onTime }): Write => ({
      name: `objective target ${target}%`,
      run: async (prisma, w) => {
        const o = await prisma.objective.findFirst({ where: { planId: w.planId }, orderBy: { id: "asc" } });
        if (o) await prisma.objective.update({ where: { id: o.id }, data: { targetValue: target, targetUnit: "%", measure: onTime ? "ON_TIME_COMPLETION" : "COMPLETION" } });
      },
    }),
  ),
  fc.record({ u: fc.nat(), into: fc.option(fc.nat()) }).map(
    ({ u, into }): Write => ({
      name: into === null ? "rename a unit" : "merge a unit into another, or undo it",
      run: async (prisma, w) => {
        const unit = pick(w.units, u);
        if (into === null) return prisma.unit.update({ where: { id: unit.id }, data: { name: `${unit.name} (mới)` } });
        const target = pick(w.units, into);
        const current = await prisma.unit.findUniqueOrThrow({ where: { id: unit.id } });
        const targetRow = await prisma.unit.findUniqueOrThrow({ where: { id: target.id } });
        // No cycles: merge only into a unit that is itself not merged.
        const mergedIntoId = current.mergedIntoId !== null || target.id === unit.id || targetRow.mergedIntoId !== null ? null : target.id;
        return prisma.unit.update({ where: { id: unit.id }, data: { mergedIntoId } });
      },
    }),
  ),
  fc.nat().map(
    (i): Write => ({
      name: "rename an index",
      run: (prisma, w) => {
        const index = pick(w.indices, i);
        return prisma.index.update({ where: { id: index.id }, data: { name: `${index.name}*` } });
      },
    }),
  ),
);

/** The task list's pages checked after each write: three units' lists, all and overdue, the first page. */
const LISTED_UNITS = ["GDNN", "LĐ-VL", "VP"];

async function expectCachedEqualsFresh(prisma: PrismaClient, planId: number, context: string) {
  const units = await prisma.unit.findMany({ where: { code: { in: LISTED_UNITS } }, select: { id: true, code: true } });
  for (const d of DAYS) {
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const cached = await planStatus(prisma, plan, d);
    const fresh = await computePlanStatus(prisma, planId, d);
    expect(cached, `${context}, as of ${d}`).toEqual(fresh);
    for (const unit of units) {
      for (const filter of ["all", "overdue"] as const) {
        const options = { unitIds: [unit.id], filter, today: d, limit: TASK_LIST_PAGE_SIZE, offset: 0 };
        expect(await cachedTaskSummaries(prisma, options), `${context}: ${unit.code}'s ${filter} tasks as of ${d}`).toEqual(await unitTaskSummaries(prisma, options));
      }
    }
  }
}

describe.each(backends)("a plan's cached numbers on $name", (backend) => {
  let db: Database;
  let world: World;
  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    world = await worldOf(db.prisma);
  });
  afterAll(async () => db?.close());

  it("moves the plan's version in the same transaction as a report, once however many rows it wrote", async () => {
    const version = async () => (await db.prisma.plan.findUniqueOrThrow({ where: { id: world.planId } })).statusVersion;
    const before = await version();
    const task = world.leaves[0]!;
    await reportProgress(db.prisma, { taskId: task.id, unitId: task.assignments[0]!.unitId, reporter: "U0TEST", percent: 30, at: at("2023-08-01") });
    const after = await version();
    expect(after).not.toBe(before);
    // A read changes nothing.
    await planStatus(db.prisma, await db.prisma.plan.findUniqueOrThrow({ where: { id: world.planId } }), DAYS[0]!);
    expect(await version()).toBe(after);
    // A rolled-back write changes nothing either.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.task.update({ where: { id: task.id }, data: { completedOn: toDate("2023-08-02") } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await version()).toBe(after);
  });

  it("answers from the cache while nothing is written: the same object", async () => {
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: world.planId } });
    const first = await planStatus(db.prisma, plan, DAYS[1]!);
    expect(await planStatus(db.prisma, plan, DAYS[1]!)).toBe(first);
    expect(Object.isFrozen(first.summary.counts)).toBe(true);
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { code: "GDNN" } });
    const options = { unitIds: [unit.id], filter: "all" as const, today: DAYS[1]!, limit: TASK_LIST_PAGE_SIZE, offset: 0 };
    const page = await cachedTaskSummaries(db.prisma, options);
    expect(page.tasks.length).toBeGreaterThan(0);
    expect(await cachedTaskSummaries(db.prisma, options)).toBe(page);
    expect(Object.isFrozen(page.tasks[0])).toBe(true);
  });

  it("moves the epoch of the task list with any write to any plan, and not with a read", async () => {
    const before = await statusEpoch(db.prisma);
    await cachedTaskSummaries(db.prisma, { filter: "overdue", today: DAYS[0]!, limit: TASK_LIST_PAGE_SIZE, offset: 0 });
    expect(await statusEpoch(db.prisma)).toBe(before);
    const task = world.leaves[1]!;
    await reportProgress(db.prisma, { taskId: task.id, unitId: task.assignments[0]!.unitId, reporter: "U0TEST", percent: 10, at: at("2023-08-03") });
    expect(await statusEpoch(db.prisma)).not.toBe(before);
  });

  it("equals a fresh computation after any sequence of writes", async () => {
    await expectCachedEqualsFresh(db.prisma, world.planId, "before any write");
    await fc.assert(
      fc.asyncProperty(fc.array(writes, { minLength: 1, maxLength: 6 }), async (sequence) => {
        for (const write of sequence) {
          await write.run(db.prisma, world);
          await expectCachedEqualsFresh(db.prisma, world.planId, `after "${write.name}"`);
        }
      }),
      { numRuns: 8, seed: 9 },
    );
  }, 240_000);

  it("re-importing an edited plan file refreshes the numbers", async () => {
    await expectCachedEqualsFresh(db.prisma, world.planId, "before the import");
    const plan = await loadPlan();
    plan.data.tasks = plan.data.tasks.slice(1); // the first section leaves the file: its tasks are archived
    await importPlan(db.prisma, plan, { actor: "test" });
    await expectCachedEqualsFresh(db.prisma, world.planId, "after the import");
  });

  it.runIf(backend.name === "postgres")("sees another instance's writes at once (two clients, two caches)", async () => {
    const url = (db as Database & { url?: string }).url!;
    const other = await openDatabase({ kind: "postgres", url }, log, { migrate: false });
    try {
      const plan = () => db.prisma.plan.findUniqueOrThrow({ where: { id: world.planId } });
      const task = world.leaves.find((t) => t.dueKind !== "ONGOING")!;
      const lead = await db.prisma.assignment.findFirst({ where: { taskId: task.id }, orderBy: { role: "asc" } });
      await db.prisma.task.update({ where: { id: task.id }, data: { archivedAt: null, completedOn: null, dueOn: toDate("2023-09-01") } });
      await db.prisma.assignment.update({ where: { id: lead!.id }, data: { role: "LEAD" } });
      const before = await planStatus(db.prisma, await plan(), DAYS[1]!);
      await reportProgress(other.prisma, { taskId: task.id, unitId: lead!.unitId, reporter: "U0OTHER", percent: 100, done: true, at: at("2023-08-15") });
      const after = await planStatus(db.prisma, await plan(), DAYS[1]!);
      expect(after).toEqual(await computePlanStatus(db.prisma, world.planId, DAYS[1]!));
      expect(after).not.toEqual(before);
    } finally {
      await other.close();
    }
  });
});
