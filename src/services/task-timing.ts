// A stored task's dates as the status rules read them (local days).
import { fromDate } from "../domain/day.js";
import type { TaskTiming } from "../domain/status.js";
import type { Task } from "../generated/prisma/client.js";

type StoredTiming = Pick<Task, "dueKind" | "dueOn" | "cadence" | "startsOn" | "endsOn" | "firstReportOn" | "lastReportOn" | "completedOn">;

const day = (d: Date | null) => (d ? fromDate(d) : null);

export function timingOf(t: StoredTiming): TaskTiming {
  return {
    dueKind: t.dueKind,
    dueOn: day(t.dueOn),
    cadence: t.cadence,
    startsOn: fromDate(t.startsOn),
    endsOn: day(t.endsOn),
    firstReportOn: day(t.firstReportOn),
    lastReportOn: day(t.lastReportOn),
    completedOn: day(t.completedOn),
  };
}
