// Read-side use cases: plans, their tasks with who leads them, and status
// counts by unit and by index. Counts are computed in the database.
import { taskRoles, type TaskRoles } from "./task-roles.js";
import { Prisma, type Plan } from "../generated/prisma/client.js";
import type { PrismaClient } from "../db/database.js";
import type { AssignmentRole } from "../domain/permissions.js";
import { taskStatusSql } from "../db/status-sql.js";
import { fromDate, type Day } from "../domain/day.js";
import type { Period } from "../domain/period.js";
import { reportingPeriodOf } from "../domain/reporting-window.js";
import { completionRates, emptyCounts, STATUSES, type CompletionRates, type TaskStatus } from "../domain/status.js";
import { codeKey } from "../domain/text.js";
import { AppError } from "../errors.js";
import { successorsOf } from "./unit-resolver.js";

export type StatusCounts = Record<TaskStatus, number>;

/** Finds a plan by its number, typed with or without diacritics, or by the leading digits ("1565"). */
export async function findPlan(prisma: PrismaClient, number: string) {
  const key = codeKey(number);
  // Raw, like currentPlan (src/services/find-task.ts): `/kehoach tongquan SỐ` asks on every call.
  const [exact] = await prisma.$queryRaw<Plan[]>`SELECT * FROM "Plan" WHERE "numberKey" = ${key}`;
  if (exact) return exact;
  const matches = await prisma.plan.findMany({ where: { numberKey: { startsWith: key } }, take: 5, orderBy: { issuedOn: "desc" } });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new AppError("PLAN_AMBIGUOUS", { number, matches: matches.map((p) => p.number).join(", ") });
  throw new AppError("PLAN_NOT_FOUND", { number });
}

/**
 * The status of each task computed once and grouped three ways (overall, per
 * unit and role, per index), in one statement. Exported for bench/status.mts,
 * which prints its plan. With `unitIds`, only the tasks those units lead or
 * cooperate on (App Home).
 */
export function statusSummarySql(today: Day, options: { planIds?: number[]; unitIds?: number[] } = {}): Prisma.Sql {
  const mine = options.unitIds ? Prisma.sql`WHERE x.id IN (SELECT "taskId" FROM "Assignment" WHERE "unitId" = ANY(${options.unitIds}::int[]))` : Prisma.empty;
  return Prisma.sql`
      WITH s AS MATERIALIZED (SELECT x.* FROM (${taskStatusSql(today, options)}) x ${mine})
      SELECT 'all' AS grp, NULL::int AS "unitId", NULL AS role, NULL AS code, NULL AS name, s.status, count(*)::int AS n
        FROM s GROUP BY s.status
      UNION ALL
      SELECT 'unit', a."unitId", a.role::text, NULL, NULL, s.status, count(*)::int
        FROM s JOIN "Assignment" a ON a."taskId" = s.id GROUP BY a."unitId", a.role, s.status
      UNION ALL
      SELECT 'index', NULL, NULL, i.code, i.name, s.status, count(*)::int
        FROM s JOIN "Index" i ON i.id = s."indexId" GROUP BY i.code, i.name, s.status`;
}

export interface UnitStatus {
  code: string;
  name: string;
  /** Tasks the unit leads, by status; headings are never counted. */
  lead: StatusCounts;
  rates: CompletionRates;
  cooperating: number;
}

export interface StatusSummary {
  today: Day;
  total: number;
  counts: StatusCounts;
  /** done ÷ due by now and done on time ÷ due by now (completionRates). */
  rates: CompletionRates;
  byUnit: UnitStatus[];
  byIndex: { code: string; name: string; counts: StatusCounts; rates: CompletionRates }[];
}

/**
 * Counts "as of" a day: the one function behind `dondoc status`,
 * `/kehoach tongquan`, the leadership digest, App Home and the units list,
 * for today or any past day alike (src/db/status-sql.ts).
 */
export async function statusSummary(prisma: PrismaClient, options: { today: Day; planIds?: number[]; unitIds?: number[] }): Promise<StatusSummary> {
  // One statement: the status of each task is computed once and grouped
  // three ways (overall, per unit and role, per index).
  const rows = await prisma.$queryRaw<
    { grp: "all" | "unit" | "index"; unitId: number | null; role: string | null; code: string | null; name: string | null; status: TaskStatus; n: number }[]
  >(statusSummarySql(options.today, options));
  const overall = rows.filter((r) => r.grp === "all");
  const units = rows.filter((r) => r.grp === "unit") as { unitId: number; role: string; status: TaskStatus; n: number }[];
  const indices = rows.filter((r) => r.grp === "index").sort((a, b) => a.code!.localeCompare(b.code!)) as { code: string; name: string; status: TaskStatus; n: number }[];
  const counts = emptyCounts();
  for (const r of overall) counts[r.status] = r.n;

  // Merged units' work rolls up to the unit that took them over.
  const byUnit = new Map<number, UnitStatus>();
  const unitOf = await successorsOf(prisma, [...new Set(units.map((r) => r.unitId))]);
  for (const r of units) {
    const u = unitOf.get(r.unitId);
    if (!u) continue;
    const row = byUnit.get(u.id) ?? { code: u.code, name: u.name, lead: emptyCounts(), rates: completionRates(emptyCounts()), cooperating: 0 };
    if (r.role === "LEAD") row.lead[r.status] += r.n;
    else row.cooperating += r.n;
    byUnit.set(u.id, row);
  }
  for (const u of byUnit.values()) u.rates = completionRates(u.lead);
  const byIndex = new Map<string, StatusSummary["byIndex"][number]>();
  for (const r of indices) {
    const row = byIndex.get(r.code) ?? { code: r.code, name: r.name, counts: emptyCounts(), rates: completionRates(emptyCounts()) };
    row.counts[r.status] = r.n;
    byIndex.set(r.code, row);
  }
  for (const i of byIndex.values()) i.rates = completionRates(i.counts);
  return {
    today: options.today,
    total: STATUSES.reduce((sum, s) => sum + counts[s], 0),
    counts,
    rates: completionRates(counts),
    byUnit: [...byUnit.values()].sort((a, b) => a.code.localeCompare(b.code, "vi")),
    byIndex: [...byIndex.values()],
  };
}

/** A plan's numeric objective measured by a completion rate (plan 1565: "hoàn thành 100% nhiệm vụ…"). */
export interface ObjectiveProgress {
  planNumber: string;
  text: string;
  measure: "COMPLETION" | "ON_TIME_COMPLETION";
  target: number; // percent
  /** The rate now, 0–1; null when nothing is due yet. */
  actual: number | null;
  rates: CompletionRates;
}

/**
 * The measured objectives of the given plans (all plans without `planIds`),
 * against each plan's own rates: statusSummary's for the plan, or `rates`
 * when the caller has just computed them with statusSummary for the same day.
 */
export async function objectiveProgress(
  prisma: PrismaClient,
  options: { today: Day; planIds?: number[]; rates?: ReadonlyMap<number, CompletionRates> },
): Promise<ObjectiveProgress[]> {
  const objectives = await prisma.objective.findMany({
    where: { measure: { not: null }, targetValue: { not: null }, ...(options.planIds ? { planId: { in: options.planIds } } : {}) },
    include: { plan: { select: { id: true, number: true } } },
    orderBy: [{ planId: "asc" }, { kind: "asc" }, { position: "asc" }],
  });
  const out: ObjectiveProgress[] = [];
  const ratesOf = new Map<number, CompletionRates>(options.rates);
  for (const o of objectives) {
    let rates = ratesOf.get(o.planId);
    if (!rates) {
      rates = (await statusSummary(prisma, { today: options.today, planIds: [o.planId] })).rates;
      ratesOf.set(o.planId, rates);
    }
    const measure = o.measure!;
    out.push({
      planNumber: o.plan.number,
      text: o.text,
      measure,
      target: o.targetValue!.toNumber(),
      actual: measure === "COMPLETION" ? rates.doneRate : rates.onTimeRate,
      rates,
    });
  }
  return out;
}

export async function listPlans(prisma: PrismaClient, today: Day) {
  const plans = await prisma.plan.findMany({ orderBy: [{ year: "desc" }, { issuedOn: "desc" }] });
  if (plans.length === 0) return [];
  const rows = await prisma.$queryRaw<{ planId: number; status: TaskStatus; n: number }[]>`
    SELECT s."planId", s.status, count(*)::int AS n FROM (${taskStatusSql(today)}) s GROUP BY s."planId", s.status`;
  return plans.map((p) => {
    const counts = emptyCounts();
    for (const r of rows.filter((r) => r.planId === p.id)) counts[r.status] = r.n;
    return {
      number: p.number,
      title: p.title,
      year: p.year,
      issuedOn: fromDate(p.issuedOn),
      tasks: STATUSES.reduce((s, k) => s + counts[k], 0),
      counts,
      rates: completionRates(counts),
    };
  });
}

export interface TaskNode {
  code: string;
  title: string;
  text: string;
  index: string | null;
  criterion: string | null;
  due: string;
  dueOn: Day | null;
  dueNote: string | null;
  percent: number;
  status: TaskStatus | null; // null for headings: their sub-tasks carry the status
  /** For an overdue ongoing task: the window whose report is missing. */
  missing: Period | null;
  lead: { code: string; name: string; viaGroup: string | null }[];
  cooperating: { code: string; name: string; viaGroup: string | null }[];
  /** Outside bodies with their role, how the plan words the lead, the task's target. */
  roles: TaskRoles;
  children: TaskNode[];
}

export async function planDetail(prisma: PrismaClient, number: string, today: Day) {
  const plan = await findPlan(prisma, number);
  const [objectives, tasks, statuses] = await Promise.all([
    prisma.objective.findMany({ where: { planId: plan.id }, orderBy: [{ kind: "asc" }, { position: "asc" }] }),
    prisma.task.findMany({
      where: { planId: plan.id, archivedAt: null },
      orderBy: [{ depth: "asc" }, { position: "asc" }],
      include: { index: true, criterion: true, assignments: { include: { unit: true }, orderBy: { unit: { code: "asc" } } } },
    }),
    taskStatuses(prisma, today, { planIds: [plan.id] }),
  ]);
  const nodes = new Map<number, TaskNode>();
  const roots: TaskNode[] = [];
  const hasChildren = new Set(tasks.map((t) => t.parentId));
  for (const t of tasks) {
    const judged = statuses.get(t.id);
    const unitsOf = (role: AssignmentRole) => t.assignments.filter((a) => a.role === role).map((a) => ({ code: a.unit.code, name: a.unit.name, viaGroup: a.viaGroup }));
    const node: TaskNode = {
      code: t.code,
      title: t.title,
      text: t.text,
      index: t.index?.code ?? null,
      criterion: t.criterion?.code ?? null,
      due: t.dueLabel,
      dueOn: t.dueOn && fromDate(t.dueOn),
      dueNote: t.dueNote,
      percent: t.percent,
      status: hasChildren.has(t.id) ? null : (judged?.status ?? null),
      missing: judged?.missing ?? null,
      lead: unitsOf("LEAD"),
      cooperating: unitsOf("COOPERATING"),
      roles: taskRoles(t),
      children: [],
    };
    nodes.set(t.id, node);
    (t.parentId ? nodes.get(t.parentId)?.children : roots)?.push(node);
  }
  return {
    plan: {
      number: plan.number,
      title: plan.title,
      issuer: plan.issuer,
      place: plan.place,
      issuedOn: fromDate(plan.issuedOn),
      year: plan.year,
      endsOn: fromDate(plan.endsOn),
      signer: { name: plan.signerName, title: plan.signerTitle },
      legalBases: plan.legalBases,
      purposes: plan.purposes,
      recipients: plan.recipients,
    },
    reporting: {
      periods: plan.reportingPeriods,
      minCoverageDays: plan.minCoverageDays,
      unitsDueDay: plan.unitsDueDay,
      officeDueDay: plan.officeDueDay,
      superior: plan.superior,
    },
    objectives: objectives.map((o) => ({
      kind: o.kind,
      measure: o.measure,
      text: o.text,
      target: o.targetValue === null ? null : { value: o.targetValue.toNumber(), unit: o.targetUnit },
    })),
    tasks: roots,
  };
}

/**
 * Each leaf task's status and, for an overdue ongoing task, the missing
 * window, as of `today`: the SQL twin of the domain rules, for views that
 * show tasks one by one (plan show, task detail) so they agree with the counts.
 */
export async function taskStatuses(
  prisma: PrismaClient,
  today: Day,
  options: { planIds?: number[]; taskIds?: number[] },
): Promise<Map<number, { status: TaskStatus; missing: Period | null }>> {
  const rows = await prisma.$queryRaw<{ id: number; status: TaskStatus; missingFrom: Date | null; cadence: string | null; periods: "WINDOW" | "CALENDAR" }[]>`
    SELECT s.id, s.status, s."missingFrom", t.cadence::text AS cadence, p."reportingPeriods"::text AS periods
    FROM (${taskStatusSql(today, { planIds: options.planIds })}) s
    JOIN "Task" t ON t.id = s.id JOIN "Plan" p ON p.id = t."planId"
    ${options.taskIds ? Prisma.sql`WHERE s.id = ANY(${options.taskIds}::int[])` : Prisma.empty}`;
  return new Map(rows.map((r) => [r.id, { status: r.status, missing: missingWindow(r) }]));
}

/** The window a "missingFrom" day (src/db/status-sql.ts) opens. */
export function missingWindow(r: { missingFrom: Date | null; cadence: string | null; periods: "WINDOW" | "CALENDAR" }): Period | null {
  if (!r.missingFrom) return null;
  return reportingPeriodOf(fromDate(r.missingFrom), (r.cadence ?? "QUARTER") as Period["cadence"], r.periods);
}

/**
 * Units with their workload as of `today`: the tasks each leads by status
 * and its completion rates come from statusSummary (so they match tongquan,
 * the digest and App Home; headings are never counted).
 */
export async function listUnits(prisma: PrismaClient, today: Day) {
  const units = await prisma.unit.findMany({
    orderBy: { code: "asc" },
    include: { aliases: { orderBy: { alias: "asc" } }, mergedInto: true, _count: { select: { members: true } }, groups: { include: { group: true } } },
  });
  const summary = await statusSummary(prisma, { today });
  const byCode = new Map(summary.byUnit.map((u) => [u.code, u]));
  return units.map((u) => {
    const work = byCode.get(u.code);
    const lead = work?.lead ?? emptyCounts();
    return {
      code: u.code,
      name: u.name,
      kind: u.kind,
      channel: u.slackChannel,
      aliases: u.aliases.map((a) => a.alias),
      groups: u.groups.map((g) => g.group.code),
      active: u.active && u.mergedIntoId === null,
      mergedInto: u.mergedInto?.code ?? null,
      members: u._count.members,
      leads: STATUSES.reduce((n, s) => n + lead[s], 0),
      cooperates: work?.cooperating ?? 0,
      overdue: lead.OVERDUE,
      rates: completionRates(lead),
    };
  });
}
