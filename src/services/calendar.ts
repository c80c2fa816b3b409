// The holiday calendar: imported from a file, edited by admins, read by the
// scheduler. Every change is audited.
import type { PrismaClient } from "../db/database.js";
import { WorkCalendar } from "../domain/calendar.js";
import { fromDate, toDate, type Day } from "../domain/day.js";
import type { LoadedFile } from "../files/load.js";
import type { CalendarFile } from "../files/calendar-file.js";
import { ChangeCounter, type ChangeSummary } from "./changes.js";

export async function importCalendar(prisma: PrismaClient, loaded: LoadedFile<CalendarFile>, actor: string): Promise<ChangeSummary> {
  const counter = new ChangeCounter();
  await prisma.$transaction(async (tx) => {
    for (const d of loaded.data.days) {
      const wanted = { kind: d.kind, name: d.name, source: d.source ?? null };
      const stored = await tx.calendarDay.findUnique({ where: { day: toDate(d.day) } });
      if (!stored) await tx.calendarDay.create({ data: { day: toDate(d.day), ...wanted } });
      else if (ChangeCounter.differs(stored, wanted)) await tx.calendarDay.update({ where: { day: toDate(d.day) }, data: wanted });
      counter.count("days", !stored ? "created" : ChangeCounter.differs(stored, wanted) ? "updated" : "unchanged");
    }
    if (counter.changed) await tx.auditEntry.create({ data: { actor, action: "calendar.import", entity: "CalendarDay", detail: { file: loaded.file, changes: counter.summary } as object } });
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
    await tx.calendarDay.upsert({ where: { day: toDate(input.day) }, create: { day: toDate(input.day), kind: input.kind, name: input.name }, update: { kind: input.kind, name: input.name } });
    await tx.auditEntry.create({ data: { actor: input.actor, action: "calendar.set", entity: "CalendarDay", entityId: input.day, detail: { kind: input.kind, name: input.name } } });
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
