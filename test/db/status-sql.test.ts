// The SQL status (used for counts over many tasks) must agree with the
// domain function (the specification) on every kind of task and day: both
// reporting modes (data windows, calendar periods), several minimum
// coverages, plans that start mid-window, and days before a task's latest
// report ("as of" a past day, from the same single statement).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { taskStatusSql } from "../../src/db/status-sql.js";
import { addDays, fromDate, toDate, type Day } from "../../src/domain/day.js";
import type { Cadence } from "../../src/domain/period.js";
import type { PeriodMode } from "../../src/domain/reporting-window.js";
import { judgeTask, type TaskStatus } from "../../src/domain/status.js";
import { backends } from "../support/databases.js";

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

// Window and calendar edges (13th-16th, month ends), plan start and end, and a few later days.
const FIXED: Day[] = [
  "2023-06-13",
  "2023-06-14",
  "2023-06-15",
  "2023-06-30",
  "2023-07-01",
  "2023-09-14",
  "2023-09-15",
  "2023-09-30",
  "2023-10-01",
  "2023-12-14",
  "2023-12-15",
  "2023-12-16",
  "2023-12-31",
  "2024-01-01",
  "2024-03-14",
  "2024-03-31",
  "2024-07-01",
  "2026-01-05",
];

const PLANS: { issued: Day; ends: Day; mode: PeriodMode; min: number }[] = [
  { issued: "2023-06-13", ends: "2023-12-31", mode: "WINDOW", min: 30 },
  { issued: "2023-06-13", ends: "2023-12-31", mode: "CALENDAR", min: 30 },
  { issued: "2023-05-20", ends: "2023-12-10", mode: "WINDOW", min: 0 },
  { issued: "2023-07-10", ends: "2024-01-20", mode: "CALENDAR", min: 45 },
  { issued: "2023-08-25", ends: "2023-09-20", mode: "WINDOW", min: 60 },
];

describe.each(backends)("status in SQL agrees with the domain on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db?.close());

  it("for 1,000 generated tasks with reports, 5 plans' reporting rules, on 30 days", async () => {
    const r = rng(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const dayIn = (from: Day, span: number) => addDays(from, Math.floor(r() * span));
    const kinds = ["DATE", "QUARTER", "HALF", "YEAR", "ONGOING"] as const;
    const cadences: Cadence[] = ["WEEK", "MONTH", "QUARTER", "HALF", "YEAR"];
    const days = [...FIXED, ...Array.from({ length: 12 }, () => dayIn("2023-06-01", 300))];

    const plans: ((typeof PLANS)[number] & { row: { id: number } })[] = [];
    for (const [i, p] of PLANS.entries()) {
      plans.push({
        ...p,
        row: await db.prisma.plan.create({
          data: {
            number: `${i}/KH-TEST`,
            numberKey: `${i}/khtest`,
            title: "t",
            issuer: "i",
            place: "p",
            year: 2023,
            issuedOn: toDate(p.issued),
            endsOn: toDate(p.ends),
            signerName: "s",
            signerTitle: "t",
            reportingPeriods: p.mode,
            minCoverageDays: p.min,
          },
        }),
      });
    }
    const reportsOf = new Map<string, Day[]>();
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const plan = pick(plans);
      const dueKind = pick(kinds);
      const ongoing = dueKind === "ONGOING";
      const reports = r() < 0.75 ? [...new Set(Array.from({ length: 1 + Math.floor(r() * 4) }, () => dayIn(plan.issued, 320)))].sort() : [];
      reportsOf.set(`T${i}`, reports);
      // Deadlines and completions fall on and next to the days we judge on,
      // so the "on the due day" and "the day after" edges are exercised.
      const due = addDays(pick(FIXED.slice(0, 14)), pick([-1, 0, 0, 1]));
      const completed = !ongoing && reports.length > 0 && r() < 0.4 ? addDays(due, pick([-20, -1, 0, 0, 1, 15])) : null;
      const runsOn = ongoing && r() < 0.15;
      return {
        planId: plan.row.id,
        code: `T${i}`,
        codeKey: `t${i}`,
        position: i,
        depth: 0,
        title: `t${i}`,
        text: "",
        dueKind,
        dueOn: ongoing ? null : toDate(due),
        dueLabel: dueKind,
        cadence: ongoing ? pick(cadences) : null,
        startsOn: toDate(runsOn ? "2024-01-01" : plan.issued),
        endsOn: ongoing && !runsOn ? toDate(plan.ends) : null,
        firstReportOn: reports.length ? toDate(reports[0]!) : null,
        lastReportOn: reports.length ? toDate(reports.at(-1)!) : null,
        completedOn: completed ? toDate(completed) : null,
      };
    });
    await db.prisma.task.createMany({ data: rows });
    const tasks = await db.prisma.task.findMany({ where: { planId: { in: plans.map((p) => p.row.id) } }, include: { plan: true } });
    const unit = await db.prisma.unit.create({ data: { code: "U", codeKey: "u", name: "U", nameKey: "u", kind: "DIVISION" } });
    await db.prisma.progressReport.createMany({
      data: tasks.flatMap((t) =>
        reportsOf.get(t.code)!.map((d) => ({ taskId: t.id, unitId: unit.id, reporter: "t", percent: 10, period: "x", reportedOn: toDate(d), reportedAt: toDate(d) })),
      ),
    });

    let compared = 0;
    const seen = new Set<string>();
    let missing = 0;
    for (const day of days) {
      const sql = await db.prisma.$queryRaw<{ id: number; status: TaskStatus; missingFrom: Date | null }[]>`
        SELECT s.id, s.status, s."missingFrom" FROM (${taskStatusSql(day, { planIds: plans.map((p) => p.row.id) })}) s`;
      const bySql = new Map(sql.map((s) => [s.id, { status: s.status, missingFrom: s.missingFrom && fromDate(s.missingFrom) }]));
      for (const t of tasks) {
        const upTo = reportsOf.get(t.code)!.filter((d) => d <= day);
        const expected = judgeTask(
          {
            dueKind: t.dueKind,
            dueOn: t.dueOn && fromDate(t.dueOn),
            cadence: t.cadence,
            startsOn: fromDate(t.startsOn),
            endsOn: t.endsOn && fromDate(t.endsOn),
            firstReportOn: t.firstReportOn && fromDate(t.firstReportOn),
            lastReportOn: upTo.at(-1) ?? null,
            completedOn: t.completedOn && fromDate(t.completedOn),
            reporting: { periods: t.plan.reportingPeriods, minCoverageDays: t.plan.minCoverageDays },
          },
          day,
        );
        const want = { status: expected.status, missingFrom: expected.missing?.start ?? null };
        expect({ code: t.code, day, ...bySql.get(t.id) }).toEqual({ code: t.code, day, ...want });
        seen.add(expected.status);
        if (want.missingFrom) missing++;
        compared++;
      }
    }
    expect(compared).toBe(1000 * days.length);
    // Every status occurs, so no branch of either side went untested.
    expect([...seen].sort()).toEqual(["DONE_LATE", "DONE_ON_TIME", "IN_PROGRESS", "NOT_STARTED", "OVERDUE"]);
    expect(missing).toBeGreaterThan(100);
  }, 300_000);
});
