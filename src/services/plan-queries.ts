// Read-side use cases: plans, their tasks with who leads them, and status
// counts by unit and by index. Counts are computed in the database.
import { Prisma } from "../generated/prisma/client.js";
import type { PrismaClient } from "../db/database.js";
import { taskStatusSql, type ProgressSource } from "../db/status-sql.js";
import { fromDate, type Day } from "../domain/day.js";
import { emptyCounts, onTimeRate, STATUSES, taskStatus, type TaskStatus } from "../domain/status.js";
import { codeKey } from "../domain/text.js";
import { AppError } from "../errors.js";
import { timingOf } from "./task-timing.js";
import { successorsOf, UnitResolver } from "./unit-resolver.js";

export type StatusCounts = Record<TaskStatus, number>;

/** Finds a plan by its number, typed with or without diacritics, or by the leading digits ("1565"). */
export async function findPlan(prisma: PrismaClient, number: string) {
  const key = codeKey(number);
  const exact = await prisma.plan.findUnique({ where: { numberKey: key } });
  if (exact) return exact;
  const matches = await prisma.plan.findMany({ where: { numberKey: { startsWith: key } }, take: 5, orderBy: { issuedOn: "desc" } });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new AppError("PLAN_AMBIGUOUS", { number, matches: matches.map((p) => p.number).join(", ") });
  throw new AppError("PLAN_NOT_FOUND", { number });
}

/**
 * The status of each task computed once and grouped three ways (overall, per
 * unit and role, per index), in one statement. Exported for bench/status.mts,
 * which prints its plan.
 */
export function statusSummarySql(today: Day, options: { planIds?: number[]; source?: ProgressSource } = {}): Prisma.Sql {
  return Prisma.sql`
      WITH s AS MATERIALIZED (${taskStatusSql(today, options)})
      SELECT 'all' AS grp, NULL::int AS "unitId", NULL AS role, NULL AS code, NULL AS name, s.status, count(*)::int AS n
        FROM s GROUP BY s.status
      UNION ALL
      SELECT 'unit', a."unitId", a.role::text, NULL, NULL, s.status, count(*)::int
        FROM s JOIN "Assignment" a ON a."taskId" = s.id GROUP BY a."unitId", a.role, s.status
      UNION ALL
      SELECT 'index', NULL, NULL, i.code, i.name, s.status, count(*)::int
        FROM s JOIN "Index" i ON i.id = s."indexId" GROUP BY i.code, i.name, s.status`;
}

export interface StatusSummary {
  today: Day;
  total: number;
  counts: StatusCounts;
  onTimeRate: number | null;
  byUnit: { code: string; name: string; lead: StatusCounts; cooperating: number }[];
  byIndex: { code: string; name: string; counts: StatusCounts }[];
}

export async function statusSummary(
  prisma: PrismaClient,
  options: { today: Day; planIds?: number[]; source?: ProgressSource },
): Promise<StatusSummary> {
  // One statement: the status of each task is computed once and grouped
  // three ways (overall, per unit and role, per index).
  const rows = await prisma.$queryRaw<{ grp: "all" | "unit" | "index"; unitId: number | null; role: string | null; code: string | null; name: string | null; status: TaskStatus; n: number }[]>(
    statusSummarySql(options.today, options),
  );
  const overall = rows.filter((r) => r.grp === "all");
  const units = rows.filter((r) => r.grp === "unit") as { unitId: number; role: string; status: TaskStatus; n: number }[];
  const indices = rows.filter((r) => r.grp === "index").sort((a, b) => a.code!.localeCompare(b.code!)) as { code: string; name: string; status: TaskStatus; n: number }[];
  const counts = emptyCounts();
  for (const r of overall) counts[r.status] = r.n;

  // Merged units' work rolls up to the unit that took them over.
  const byUnit = new Map<number, StatusSummary["byUnit"][number]>();
  const unitOf = await successorsOf(prisma, [...new Set(units.map((r) => r.unitId))]);
  for (const r of units) {
    const u = unitOf.get(r.unitId);
    if (!u) continue;
    const row = byUnit.get(u.id) ?? { code: u.code, name: u.name, lead: emptyCounts(), cooperating: 0 };
    if (r.role === "LEAD") row.lead[r.status] += r.n;
    else row.cooperating += r.n;
    byUnit.set(u.id, row);
  }
  const byIndex = new Map<string, StatusSummary["byIndex"][number]>();
  for (const r of indices) {
    const row = byIndex.get(r.code) ?? { code: r.code, name: r.name, counts: emptyCounts() };
    row.counts[r.status] = r.n;
    byIndex.set(r.code, row);
  }
  return {
    today: options.today,
    total: STATUSES.reduce((sum, s) => sum + counts[s], 0),
    counts,
    onTimeRate: onTimeRate(counts),
    byUnit: [...byUnit.values()].sort((a, b) => a.code.localeCompare(b.code, "vi")),
    byIndex: [...byIndex.values()],
  };
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
      onTimeRate: onTimeRate(counts),
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
  lead: { code: string; name: string; viaGroup: string | null }[];
  cooperating: { code: string; name: string; viaGroup: string | null }[];
  partners: string[];
  children: TaskNode[];
}

export async function planDetail(prisma: PrismaClient, number: string, today: Day) {
  const plan = await findPlan(prisma, number);
  const [objectives, tasks] = await Promise.all([
    prisma.objective.findMany({ where: { planId: plan.id }, orderBy: [{ kind: "asc" }, { position: "asc" }] }),
    prisma.task.findMany({
      where: { planId: plan.id, archivedAt: null },
      orderBy: [{ depth: "asc" }, { position: "asc" }],
      include: { index: true, criterion: true, assignments: { include: { unit: true }, orderBy: { unit: { code: "asc" } } } },
    }),
  ]);
  const nodes = new Map<number, TaskNode>();
  const roots: TaskNode[] = [];
  const hasChildren = new Set(tasks.map((t) => t.parentId));
  for (const t of tasks) {
    const timing = timingOf(t);
    const unitsOf = (role: "LEAD" | "COOPERATING") =>
      t.assignments.filter((a) => a.role === role).map((a) => ({ code: a.unit.code, name: a.unit.name, viaGroup: a.viaGroup }));
    const node: TaskNode = {
      code: t.code,
      title: t.title,
      text: t.text,
      index: t.index?.code ?? null,
      criterion: t.criterion?.code ?? null,
      due: t.dueLabel,
      dueOn: timing.dueOn,
      dueNote: t.dueNote,
      percent: t.percent,
      status: hasChildren.has(t.id) ? null : taskStatus(timing, today),
      lead: unitsOf("LEAD"),
      cooperating: unitsOf("COOPERATING"),
      partners: t.partners,
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
    objectives: objectives.map((o) => ({
      kind: o.kind,
      text: o.text,
      target: o.targetValue === null ? null : { value: o.targetValue.toNumber(), unit: o.targetUnit },
    })),
    tasks: roots,
  };
}

export async function listUnits(prisma: PrismaClient) {
  const units = await prisma.unit.findMany({
    orderBy: { code: "asc" },
    include: { aliases: { orderBy: { alias: "asc" } }, mergedInto: true, _count: { select: { members: true } }, groups: { include: { group: true } } },
  });
  const leads = await prisma.assignment.groupBy({ by: ["unitId", "role"], _count: { _all: true }, where: { task: { archivedAt: null } } });
  return units.map((u) => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    channel: u.slackChannel,
    aliases: u.aliases.map((a) => a.alias),
    groups: u.groups.map((g) => g.group.code),
    active: u.active && u.mergedIntoId === null,
    mergedInto: u.mergedInto?.code ?? null,
    members: u._count.members,
    leads: leads.find((l) => l.unitId === u.id && l.role === "LEAD")?._count._all ?? 0,
    cooperates: leads.find((l) => l.unitId === u.id && l.role === "COOPERATING")?._count._all ?? 0,
  }));
}

