// Event-driven tasks ("Khi có phát sinh", "Theo yêu cầu"): never overdue by
// date, in the domain function and in SQL alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { taskStatusSql } from "../../src/db/status-sql.js";
import { toDate, type Day } from "../../src/domain/day.js";
import { taskStatus, type TaskStatus, type TaskTiming } from "../../src/domain/status.js";
import { backends } from "../support/databases.js";

const event = (over: Partial<TaskTiming>): TaskTiming => ({
  dueKind: "EVENT",
  dueOn: null,
  cadence: null,
  startsOn: "2025-03-01",
  endsOn: null,
  firstReportOn: null,
  lastReportOn: null,
  completedOn: null,
  ...over,
});

const CASES: [string, Partial<TaskTiming>, Day, TaskStatus][] = [
  ["no report, years later", {}, "2030-01-01", "NOT_STARTED"],
  ["reported once, long ago", { firstReportOn: "2025-04-01", lastReportOn: "2025-04-01" }, "2027-06-30", "IN_PROGRESS"],
  ["done", { firstReportOn: "2025-04-01", lastReportOn: "2025-05-01", completedOn: "2025-05-01" }, "2026-01-01", "DONE_ON_TIME"],
  ["done later than asked", { firstReportOn: "2025-04-01", completedOn: "2025-12-01" }, "2025-11-30", "IN_PROGRESS"],
];

describe("event-driven tasks", () => {
  it.each(CASES)("%s", (_, over, day, status) => expect(taskStatus(event(over), day)).toBe(status));
});

describe.each(backends)("event-driven tasks in SQL on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => db?.close());

  it("agree with the domain", async () => {
    const plan = await db.prisma.plan.create({
      data: {
        number: "9/KH-EV",
        numberKey: "9/khev",
        title: "t",
        issuer: "i",
        place: "p",
        year: 2025,
        issuedOn: toDate("2025-03-01"),
        endsOn: toDate("2025-12-31"),
        signerName: "s",
        signerTitle: "t",
      },
    });
    for (const [i, [, over, day, status]] of CASES.entries()) {
      const t = event(over);
      const row = await db.prisma.task.create({
        data: {
          planId: plan.id,
          code: `E${i}`,
          codeKey: `e${i}`,
          position: i,
          depth: 0,
          title: "e",
          text: "",
          dueKind: "EVENT",
          dueOn: null,
          dueLabel: "Khi có phát sinh",
          startsOn: toDate(t.startsOn),
          firstReportOn: t.firstReportOn ? toDate(t.firstReportOn) : null,
          lastReportOn: t.lastReportOn ? toDate(t.lastReportOn) : null,
          completedOn: t.completedOn ? toDate(t.completedOn) : null,
        },
      });
      const sql = await db.prisma.$queryRaw<{ id: number; status: string }[]>`SELECT s.id, s.status FROM (${taskStatusSql(day, { planIds: [plan.id] })}) s`;
      expect(sql.find((s) => s.id === row.id)?.status).toBe(status);
    }
  });
});
