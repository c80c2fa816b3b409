// The SQL status (used for counts over many tasks) must agree with the
// domain function (the specification) on every kind of task and day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { taskStatusSql } from "../../src/db/status-sql.js";
import { addDays, fromDate, toDate, type Day } from "../../src/domain/day.js";
import type { Cadence } from "../../src/domain/period.js";
import { taskStatus, type TaskStatus } from "../../src/domain/status.js";
import { backends } from "../support/databases.js";

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const DAYS: Day[] = ["2023-06-13", "2023-06-30", "2023-07-01", "2023-09-30", "2023-10-01", "2023-12-15", "2023-12-16", "2023-12-31", "2024-01-01", "2024-03-31", "2024-07-01", "2026-01-05"];

describe.each(backends)("status in SQL agrees with the domain on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db?.close());

  it("for 600 generated tasks on 12 days", async () => {
    const plan = await db.prisma.plan.create({
      data: {
        number: "1/KH-TEST", numberKey: "1/khtest", title: "t", issuer: "i", place: "p", year: 2023,
        issuedOn: toDate("2023-06-13"), endsOn: toDate("2023-12-31"), signerName: "s", signerTitle: "t",
      },
    });
    const r = rng(42);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const dayIn = (from: Day, span: number) => addDays(from, Math.floor(r() * span));
    const kinds = ["DATE", "QUARTER", "HALF", "YEAR", "ONGOING"] as const;
    const cadences: Cadence[] = ["WEEK", "MONTH", "QUARTER", "HALF", "YEAR"];
    const rows = Array.from({ length: 600 }, (_, i) => {
      const dueKind = pick(kinds);
      const ongoing = dueKind === "ONGOING";
      const first = r() < 0.7 ? dayIn("2023-06-10", 300) : null;
      const last = first ? (r() < 0.5 ? first : dayIn(first, 200)) : null;
      // Deadlines and completions fall on and next to the days we judge on,
      // so the "on the due day" and "the day after" edges are exercised.
      const due = addDays(pick(DAYS.slice(0, 9)), pick([-1, 0, 0, 1]));
      const completed = !ongoing && first && r() < 0.4 ? addDays(due, pick([-20, -1, 0, 0, 1, 15])) : null;
      const runsOn = ongoing && r() < 0.2;
      return {
        planId: plan.id, code: `T${i}`, codeKey: `t${i}`, position: i, depth: 0, title: `t${i}`, text: "",
        dueKind,
        dueOn: ongoing ? null : toDate(due),
        dueLabel: dueKind,
        cadence: ongoing ? pick(cadences) : null,
        startsOn: toDate(runsOn ? "2024-01-01" : "2023-06-13"),
        endsOn: ongoing && !runsOn ? toDate("2023-12-31") : null,
        firstReportOn: first ? toDate(first) : null,
        lastReportOn: last ? toDate(last) : null,
        completedOn: completed ? toDate(completed) : null,
      };
    });
    await db.prisma.task.createMany({ data: rows });
    const tasks = await db.prisma.task.findMany({ where: { planId: plan.id } });

    let compared = 0;
    for (const day of DAYS) {
      const sql = await db.prisma.$queryRaw<{ id: number; status: TaskStatus }[]>`SELECT s.id, s.status FROM (${taskStatusSql(day, { planIds: [plan.id] })}) s`;
      const bySql = new Map(sql.map((s) => [s.id, s.status]));
      for (const t of tasks) {
        const expected = taskStatus(
          {
            dueKind: t.dueKind, dueOn: t.dueOn && fromDate(t.dueOn), cadence: t.cadence,
            startsOn: fromDate(t.startsOn), endsOn: t.endsOn && fromDate(t.endsOn),
            firstReportOn: t.firstReportOn && fromDate(t.firstReportOn), lastReportOn: t.lastReportOn && fromDate(t.lastReportOn),
            completedOn: t.completedOn && fromDate(t.completedOn),
          },
          day,
        );
        expect({ code: t.code, day, status: bySql.get(t.id) }).toEqual({ code: t.code, day, status: expected });
        compared++;
      }
    }
    expect(compared).toBe(600 * DAYS.length);
    // Every status occurs, so no branch of either side went untested.
    const seen = new Set((await db.prisma.$queryRaw<{ status: string }[]>`SELECT DISTINCT s.status FROM (${taskStatusSql("2023-10-01", { planIds: [plan.id] })}) s`).map((s) => s.status));
    expect([...seen].sort()).toEqual(["DONE_LATE", "DONE_ON_TIME", "IN_PROGRESS", "NOT_STARTED", "OVERDUE"]);
  });
});
