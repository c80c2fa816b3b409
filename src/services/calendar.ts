// The holiday calendar: imported from a file, edited by admins, read by the
// scheduler. Every change is audited.
import type { PrismaClient } from "../db/database.js";
import { WorkCalendar } from "../domain/calendar.js";
import { fromDate, toDate, type Day } from "../domain/day.js";
import type { LoadedFile } from "../files/load.js";
import type { CalendarFile } from "../files/calendar-file.js";
import { ChangeCounter, type ChangeSummary } from "./changes.js";

/**
 * Loads or updates days from a calendar file. Set-based: one read, one
 * insert, one update and the audit entry, whatever the file's size. The row
 * by row version made two statements per day inside one interactive
 * transaction, which on a busy first start (PGlite in the bot's thread,
 * beside migrations and the demo data) could pass Prisma's 5 s limit and
 * fail the start. The limit is raised as well (30 s): the few statements
 * left still share PGlite's one thread with whatever else a start does. The
 * last entry of a day repeated in the file wins.
 */
export async function importCalendar(prisma: PrismaClient, loaded: LoadedFile<CalendarFile>, actor: string): Promise<ChangeSummary> {
  const counter = new ChangeCounter();
  const wanted = new Map<Day, { kind: "HOLIDAY" | "WORKDAY"; name: string; source: string | null }>();
  for (const d of loaded.data.days) wanted.set(d.day, { kind: d.kind, name: d.name, source: d.source ?? null });
  await prisma.$transaction(async (tx) => {
    const stored = new Map((await tx.calendarDay.findMany({ where: { day: { in: [...wanted.keys()].map(toDate) } } })).map((s) => [fromDate(s.day), s]));
    const created: { day: Date; kind: "HOLIDAY" | "WORKDAY"; name: string; source: string | null }[] = [];
    const updated: { day: Day; kind: string; name: string; source: string | null }[] = [];
    for (const [day, w] of wanted) {
      const s = stored.get(day);
      if (!s) created.push({ day: toDate(day), ...w });
      else if (ChangeCounter.differs(s, w)) updated.push({ day, ...w });
      counter.count("days", !s ? "created" : ChangeCounter.differs(s, w) ? "updated" : "unchanged");
    }
    if (created.length) await tx.calendarDay.createMany({ data: created });
    if (updated.length) {
      await tx.$executeRaw`UPDATE "CalendarDay" c SET "kind" = u.kind::"DayKind", "name" = u.name, "source" = u.source
        FROM jsonb_to_recordset(${JSON.stringify(updated)}::jsonb) AS u(day date, kind text, name text, source text) WHERE c."day" = u.day`;
    }
    if (counter.changed)
      await tx.auditEntry.create({ data: { actor, action: "calendar.import", entity: "CalendarDay", detail: { file: loaded.file, changes: counter.summary } as object } });
  });
  return counter.summary;
}

export async function listCalendar(prisma: PrismaClient, year?: number) {
  const days = await prisma.calendarDay.findMany({
    where: year ? { day: { gte: toDate(`${year}-01-01`), lte: toDate(`${year}-12-31`) } } : {},
    orderBy: { day: "asc" },
  });
  return days.map((d) => ({ day: fromDate(d.day), kind: d.kind, name: d.name, source: d.source }));
}

export async function setCalendarDay(prisma: PrismaClient, input: { actor: string; day: Day; kind: "HOLIDAY" | "WORKDAY"; name: string }) {
  await prisma.$transaction(async (tx) => {
    await tx.calendarDay.upsert({
      where: { day: toDate(input.day) },
      create: { day: toDate(input.day), kind: input.kind, name: input.name },
      update: { kind: input.kind, name: input.name },
    });
    await tx.auditEntry.create({
      data: { actor: input.actor, action: "calendar.set", entity: "CalendarDay", entityId: input.day, detail: { kind: input.kind, name: input.name } },
    });
  });
}

export async function removeCalendarDay(prisma: PrismaClient, input: { actor: string; day: Day }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const r = await tx.calendarDay.deleteMany({ where: { day: toDate(input.day) } });
    if (r.count) await tx.auditEntry.create({ data: { actor: input.actor, action: "calendar.remove", entity: "CalendarDay", entityId: input.day } });
    return r.count > 0;
  });
}

/** The working-day calendar (days off and swapped working days) as the domain reads it. */
export async function workCalendar(prisma: PrismaClient): Promise<WorkCalendar> {
  const days = await prisma.calendarDay.findMany();
  return new WorkCalendar(days.map((d) => ({ day: fromDate(d.day), kind: d.kind })));
}
