// The holiday calendar import: set-based, so that a large file on a slow
// database (PGlite busy on a first start) stays well inside Prisma's 5 s
// interactive-transaction limit; and what it counts and stores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, PrismaClient } from "../../src/db/database.js";
import { addDays, fromDate, toDate } from "../../src/domain/day.js";
import type { CalendarFile } from "../../src/files/calendar-file.js";
import type { LoadedFile } from "../../src/files/load.js";
import { importCalendar, listCalendar } from "../../src/services/calendar.js";
import { backends } from "../support/databases.js";

const file = (days: CalendarFile["days"]): LoadedFile<CalendarFile> => ({ file: "test.yaml", data: { days }, lineOf: () => undefined });

/** 600 days off from 2030 on, named after their index. */
const manyDays = (suffix = "") =>
  Array.from({ length: 600 }, (_, i) => ({ day: addDays("2030-01-01", i), kind: "HOLIDAY" as "HOLIDAY" | "WORKDAY", name: `Ngày nghỉ ${i}${suffix}` }));

/** The database as a busy one answers: every statement 10 ms late. */
function slowed(prisma: PrismaClient, statements: { n: number }): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        statements.n++;
        await new Promise((r) => setTimeout(r, 10));
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
}

describe.each(backends)("importCalendar on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
  }, 120_000);
  afterAll(async () => db?.close());

  it("imports 600 days on a slow database in a few statements, inside the 5 s transaction limit", { timeout: 60_000 }, async () => {
    const statements = { n: 0 };
    const r = await importCalendar(slowed(db.prisma, statements), file(manyDays()), "test");
    expect(r).toEqual({ days: { created: 600, updated: 0, unchanged: 0 } });
    // One read, one insert, the audit entry (and the transaction's own statements): not two per day.
    expect(statements.n).toBeLessThanOrEqual(6);
    const stored = await listCalendar(db.prisma, 2030);
    expect(stored).toHaveLength(365);
    expect(stored[0]).toEqual({ day: "2030-01-01", kind: "HOLIDAY", name: "Ngày nghỉ 0", source: null });
  });

  it("updates what changed, keeps the rest, creates the new, and a repeated day takes its last entry", { timeout: 60_000 }, async () => {
    const statements = { n: 0 };
    const days = manyDays();
    days[5] = { ...days[5]!, name: "Tết Dương lịch (đổi)" };
    days[4] = { ...days[4]!, kind: "WORKDAY", name: "Làm bù" }; // a Saturday
    const extra = { day: "2028-05-01", kind: "HOLIDAY" as const, name: "Quốc tế Lao động", source: "Thông báo 1/2028" };
    const r = await importCalendar(slowed(db.prisma, statements), file([...days, extra, { ...extra, name: "Ngày Quốc tế Lao động" }]), "test");
    expect(r).toEqual({ days: { created: 1, updated: 2, unchanged: 598 } });
    expect(statements.n).toBeLessThanOrEqual(7);
    const byDay = new Map((await db.prisma.calendarDay.findMany()).map((d) => [fromDate(d.day), d]));
    expect(byDay.get("2030-01-06")).toMatchObject({ kind: "HOLIDAY", name: "Tết Dương lịch (đổi)", source: null });
    expect(byDay.get("2030-01-05")).toMatchObject({ kind: "WORKDAY", name: "Làm bù" });
    expect(byDay.get("2030-01-08")).toMatchObject({ kind: "HOLIDAY", name: "Ngày nghỉ 7" });
    expect(byDay.get("2028-05-01")).toMatchObject({ name: "Ngày Quốc tế Lao động", source: "Thông báo 1/2028" });
    expect(byDay.get("2030-01-06")!.day).toEqual(toDate("2030-01-06"));
    // The same file again changes nothing and writes no audit entry.
    const audits = await db.prisma.auditEntry.count({ where: { action: "calendar.import" } });
    const again = await importCalendar(db.prisma, file([...days, extra, { ...extra, name: "Ngày Quốc tế Lao động" }]), "test");
    expect(again).toEqual({ days: { created: 0, updated: 0, unchanged: 601 } });
    expect(await db.prisma.auditEntry.count({ where: { action: "calendar.import" } })).toBe(audits);
  });
});
