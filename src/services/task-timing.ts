// A stored task's dates as the status rules read them (local days), with its
// plan's reporting rules when the plan was loaded with it.
import { fromDate } from "../domain/day.js";
import type { ReportingRules } from "../domain/reporting-window.js";
import type { TaskTiming } from "../domain/status.js";
import type { Plan, Task } from "../generated/prisma/client.js";

type StoredTiming = Pick<Task, "dueKind" | "dueOn" | "cadence" | "startsOn" | "endsOn" | "firstReportOn" | "lastReportOn" | "completedOn"> &
  Partial<Pick<Task, "originalDueOn" | "dueMovedOn">>;
type StoredRules = Pick<Plan, "reportingPeriods" | "minCoverageDays">;

const day = (d: Date | null) => (d ? fromDate(d) : null);

export function reportingRulesOf(plan: StoredRules): ReportingRules {
  return { periods: plan.reportingPeriods, minCoverageDays: plan.minCoverageDays };
}

export function timingOf(t: StoredTiming & { plan?: StoredRules }): TaskTiming {
  return {
    dueKind: t.dueKind,
    dueOn: day(t.dueOn),
    originalDueOn: day(t.originalDueOn ?? null),
    dueMovedOn: day(t.dueMovedOn ?? null),
    cadence: t.cadence,
    startsOn: fromDate(t.startsOn),
    endsOn: day(t.endsOn),
    firstReportOn: day(t.firstReportOn),
    lastReportOn: day(t.lastReportOn),
    completedOn: day(t.completedOn),
    reporting: t.plan ? reportingRulesOf(t.plan) : undefined,
  };
}
