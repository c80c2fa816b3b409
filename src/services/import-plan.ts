// Loads a plan file. Validates every reference first (units, groups,
// indices, criteria, task codes, deadlines) and writes nothing unless the
// whole file is right. Re-importing the same file changes nothing; an edited
// file updates tasks by code, keeps their reports, and archives tasks that
// left the file instead of deleting their history.
import type { PrismaClient } from "../db/database.js";
import type { Prisma } from "../generated/prisma/client.js";
import { toDate, type Day } from "../domain/day.js";
import { parseDeadline, type Deadline } from "../domain/deadline.js";
import type { Cadence } from "../domain/period.js";
import { storedBodies, type OutsideBody, type TaskTarget } from "../domain/outside-bodies.js";
import { closest, codeKey } from "../domain/text.js";
import { AppError } from "../errors.js";
import { formatPath, invalidFile, type FileProblem, type LoadedFile } from "../files/load.js";
import type { PlanFile, PlanTaskInput } from "../files/plan-file.js";
import { ChangeCounter, DryRunRollback, type ChangeSummary } from "./changes.js";
import type { ImportOptions } from "./import-org.js";
import { syncRows, type Tx } from "./sync-rows.js";
import { UnitResolver } from "./unit-resolver.js";

type Role = "LEAD" | "COOPERATING";

interface FlatTask {
  code: string;
  key: string;
  parentKey: string | null;
  position: number;
  depth: number;
  title: string;
  text: string;
  bodies: OutsideBody[];
  leadNote: string | null;
  target: TaskTarget | null;
  indexCode: string | null;
  criterionCode: string | null;
  deadline: Deadline;
  dueNote: string | null;
  assignments: Map<number, { role: Role; viaGroup: string | null }>;
}

export async function importPlan(prisma: PrismaClient, loaded: LoadedFile<PlanFile>, options: ImportOptions): Promise<{ number: string; changes: ChangeSummary; dryRun: boolean }> {
  const plan = loaded.data;
  const resolver = await UnitResolver.load(prisma);
  if (resolver.units.length === 0) throw new AppError("ORG_MISSING");
  const tasks = await flattenAndCheck(prisma, loaded, resolver);
  const counter = new ChangeCounter();
  const now = (options.now ?? (() => new Date()))();
  try {
    await prisma.$transaction(
      async (tx) => {
        const planRow = await syncPlanRows(tx, plan, tasks, counter, now);
        if (counter.changed) {
          await tx.auditEntry.create({
            data: {
              actor: options.actor,
              action: "plan.import",
              entity: "Plan",
              entityId: String(planRow.id),
              at: now,
              detail: { file: loaded.file, number: plan.number, changes: counter.summary } as object,
            },
          });
        }
        if (options.dryRun) throw new DryRunRollback(counter.summary);
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
  } catch (e) {
    if (e instanceof DryRunRollback) return { number: plan.number, changes: e.summary, dryRun: true };
    throw e;
  }
  return { number: plan.number, changes: counter.summary, dryRun: false };
}

/**
 * Writes the checked file: each kind of record synced by key (syncRows), in
 * sets, parents before children. Indices and criteria are shared between
 * plans; tasks that left the file are archived, objectives deleted.
 */
async function syncPlanRows(tx: Tx, plan: PlanFile, tasks: FlatTask[], counter: ChangeCounter, now: Date) {
  await syncIndicators(tx, plan, counter);
  const planRow = await syncPlan(tx, plan, counter, now);
  await syncObjectives(tx, plan, planRow.id, counter);
  await syncTasks(tx, plan, planRow.id, tasks, counter, now);
  return planRow;
}

/** Indices, their criteria and the criteria's measured values. */
async function syncIndicators(tx: Tx, plan: PlanFile, counter: ChangeCounter): Promise<void> {
  const indices = await syncRows(tx, {
    kind: "indices",
    counter,
    table: "Index",
    stored: await tx.index.findMany({ where: { codeKey: { in: plan.indices.map((ix) => codeKey(ix.code)) } } }),
    storedKey: (ix) => ix.codeKey,
    wanted: plan.indices.map((ix) => ({ key: codeKey(ix.code), fields: { code: ix.code, codeKey: codeKey(ix.code), name: ix.name, fullName: ix.fullName } })),
    create: (data) => tx.index.createManyAndReturn({ data }),
  });
  const criterionKey = (indexId: number, code: string) => `${indexId}|${code}`;
  const wantedCriteria = plan.indices.flatMap((ix) => {
    const indexId = indices.byKey.get(codeKey(ix.code))!.id;
    return ix.criteria.map((c, position) => ({
      key: criterionKey(indexId, c.code),
      fields: { name: c.name, measureUnit: c.unit ?? null, target: c.target ?? null, higherIsBetter: c.higherIsBetter, position },
      onCreate: { indexId, code: c.code },
      values: c.values,
    }));
  });
  const criteria = await syncRows(tx, {
    kind: "criteria",
    counter,
    table: "Criterion",
    stored: await tx.criterion.findMany({ where: { indexId: { in: [...indices.byKey.values()].map((ix) => ix.id) } } }),
    storedKey: (c) => criterionKey(c.indexId, c.code),
    wanted: wantedCriteria,
    create: (data) => tx.criterion.createManyAndReturn({ data: data as Prisma.CriterionCreateManyInput[] }),
  });
  const criterionIds = [...criteria.byKey.values()].map((c) => c.id);
  await syncRows(tx, {
    kind: "criterionValues",
    counter,
    table: "CriterionValue",
    stored: await tx.criterionValue.findMany({ where: { criterionId: { in: criterionIds } } }),
    storedKey: (v) => `${v.criterionId}|${v.period}`,
    wanted: wantedCriteria.flatMap((c) => {
      const criterionId = criteria.byKey.get(c.key)!.id;
      return c.values.map((v) => ({ key: `${criterionId}|${v.period}`, fields: { value: v.value, source: v.source ?? null }, onCreate: { criterionId, period: v.period } }));
    }),
    create: (data) => tx.criterionValue.createManyAndReturn({ data: data as Prisma.CriterionValueCreateManyInput[] }),
  });
}

/** The plan's own row: its number, title, signer and reporting rules. */
async function syncPlan(tx: Tx, plan: PlanFile, counter: ChangeCounter, now: Date) {
  const numberKey = codeKey(plan.number);
  const plans = await syncRows(tx, {
    kind: "plans",
    counter,
    table: "Plan",
    stored: await tx.plan.findMany({ where: { numberKey } }),
    storedKey: (p) => p.numberKey,
    wanted: [
      {
        key: numberKey,
        fields: {
          number: plan.number,
          numberKey,
          title: plan.title,
          issuer: plan.issuer,
          place: plan.place,
          issuedOn: toDate(plan.issuedOn),
          year: plan.year,
          endsOn: toDate(plan.endsOn ?? `${plan.year}-12-31`),
          signerName: plan.signer.name,
          signerTitle: plan.signer.title,
          legalBases: plan.legalBases,
          purposes: plan.purposes,
          recipients: plan.recipients,
          reportingPeriods: plan.reporting.periods,
          minCoverageDays: plan.reporting.minCoverageDays,
          unitsDueDay: plan.reporting.unitsDueDay,
          officeDueDay: plan.reporting.officeDueDay,
          superior: plan.reporting.superior,
        },
      },
    ],
    create: (data) => tx.plan.createManyAndReturn({ data }),
    updatedAt: now,
  });
  return plans.byKey.get(numberKey)!;
}

/** The general and specific objectives, by kind and position; those that left the file are deleted. */
async function syncObjectives(tx: Tx, plan: PlanFile, planId: number, counter: ChangeCounter): Promise<void> {
  const objectiveKey = (kind: string, position: number) => `${kind}|${position}`;
  const objectives = await syncRows(tx, {
    kind: "objectives",
    counter,
    table: "Objective",
    stored: await tx.objective.findMany({ where: { planId } }),
    storedKey: (o) => objectiveKey(o.kind, o.position),
    wanted: [
      ...plan.objectives.general.map((o, position) => ({ kind: "GENERAL" as const, position, ...o })),
      ...plan.objectives.specific.map((o, position) => ({ kind: "SPECIFIC" as const, position, ...o })),
    ].map((o) => ({
      key: objectiveKey(o.kind, o.position),
      fields: { text: o.text, targetValue: o.target?.value ?? null, targetUnit: o.target?.unit ?? null, measure: o.target?.measure ?? null },
      onCreate: { planId, kind: o.kind, position: o.position },
    })),
    create: (data) => tx.objective.createManyAndReturn({ data: data as Prisma.ObjectiveCreateManyInput[] }),
  });
  if (objectives.extra.length) {
    await tx.objective.deleteMany({ where: { id: { in: objectives.extra.map((o) => o.id) } } });
    for (const _ of objectives.extra) counter.count("objectives", "archived");
  }
}

type StoredTask = Awaited<ReturnType<typeof storedTasksOf>>[number];
const storedTasksOf = (tx: Tx, planId: number) => tx.task.findMany({ where: { planId }, include: { assignments: true } });

/** The tasks and their assignments; a task counts as updated when its row or its assignments changed; tasks that left the file are archived. */
async function syncTasks(tx: Tx, plan: PlanFile, planId: number, tasks: FlatTask[], counter: ChangeCounter, now: Date): Promise<void> {
  const storedTasks = await storedTasksOf(tx, planId);
  const storedByKey = new Map(storedTasks.map((t) => [t.codeKey, t]));
  const { idByKey, created, changed } = await syncTaskRows(tx, plan, planId, tasks, storedByKey, now);
  for (const key of await syncAssignments(tx, tasks, storedByKey, idByKey)) changed.add(key);
  for (const t of tasks) counter.count("tasks", created.has(t.key) ? "created" : changed.has(t.key) ? "updated" : "unchanged");
  const gone = storedTasks.filter((t) => !idByKey.has(t.codeKey) && t.archivedAt === null);
  if (gone.length) {
    await tx.task.updateMany({ where: { id: { in: gone.map((t) => t.id) } }, data: { archivedAt: now, updatedAt: now } });
    for (const _ of gone) counter.count("tasks", "archived");
  }
}

/** Task rows level by level, so that a sub-task's parent has its id. */
async function syncTaskRows(tx: Tx, plan: PlanFile, planId: number, tasks: FlatTask[], storedByKey: Map<string, StoredTask>, now: Date) {
  const allIndices = await tx.index.findMany({ include: { criteria: true } });
  const indexByKey = new Map(allIndices.map((ix) => [ix.codeKey, ix]));
  const idByKey = new Map<string, number>();
  const changed = new Set<string>();
  const created = new Set<string>();
  for (let depth = 0; tasks.some((t) => t.depth >= depth); depth++) {
    const level = tasks.filter((t) => t.depth === depth);
    const result = await syncRows(tx, {
      table: "Task",
      stored: level.flatMap((t) => storedByKey.get(t.key) ?? []).map(({ assignments: _, ...task }) => task),
      storedKey: (t) => t.codeKey,
      wanted: level.map((t) => ({
        key: t.key,
        fields: keepExtension(storedByKey.get(t.key), taskFields(plan, t, idByKey, indexByKey, allIndices)),
        onCreate: { planId, codeKey: t.key },
      })),
      create: (data) => tx.task.createManyAndReturn({ data: data as unknown as Prisma.TaskCreateManyInput[] }),
      updatedAt: now,
    });
    for (const [key, row] of result.byKey) idByKey.set(key, row.id);
    for (const key of result.created) created.add(key);
    for (const key of result.updated) changed.add(key);
  }
  return { idByKey, created, changed };
}

/** Assignments of the tasks in the file (tasks that left it keep theirs); returns the keys of the tasks whose assignments changed. */
async function syncAssignments(tx: Tx, tasks: FlatTask[], storedByKey: Map<string, StoredTask>, idByKey: Map<string, number>): Promise<string[]> {
  const assignmentKey = (taskId: number, unitId: number) => `${taskId}|${unitId}`;
  const keyOfTaskId = new Map(tasks.map((t) => [idByKey.get(t.key)!, t.key]));
  const assignments = await syncRows(tx, {
    table: "Assignment",
    stored: tasks.flatMap((t) => storedByKey.get(t.key)?.assignments ?? []),
    storedKey: (a) => assignmentKey(a.taskId, a.unitId),
    wanted: tasks.flatMap((t) => {
      const taskId = idByKey.get(t.key)!;
      return [...t.assignments].map(([unitId, a]) => ({ key: assignmentKey(taskId, unitId), fields: { role: a.role, viaGroup: a.viaGroup }, onCreate: { taskId, unitId } }));
    }),
    create: (data) => tx.assignment.createManyAndReturn({ data: data as Prisma.AssignmentCreateManyInput[] }),
  });
  if (assignments.extra.length) await tx.assignment.deleteMany({ where: { id: { in: assignments.extra.map((a) => a.id) } } });
  const taskOfAssignment = (key: string) => keyOfTaskId.get(Number(key.split("|")[0]))!;
  return [...[...assignments.created, ...assignments.updated].map(taskOfAssignment), ...assignments.extra.map((a) => keyOfTaskId.get(a.taskId)!)];
}

/** The columns of a task the plan file owns. */
function taskFields(
  plan: PlanFile,
  t: FlatTask,
  idByKey: Map<string, number>,
  indexByKey: Map<string, { id: number }>,
  allIndices: { id: number; criteria: { id: number; code: string; indexId: number }[] }[],
) {
  const index = t.indexCode ? indexByKey.get(codeKey(t.indexCode)) : undefined;
  const criterion = t.criterionCode
    ? allIndices.flatMap((ix) => ix.criteria).find((c) => codeKey(c.code) === codeKey(t.criterionCode!) && (!index || c.indexId === index.id))
    : undefined;
  const d = t.deadline;
  const startsOn: Day = d.kind === "ONGOING" && d.from ? d.from : plan.issuedOn;
  const endsOn: Day | null = d.kind === "ONGOING" && d.from ? null : (plan.endsOn ?? `${plan.year}-12-31`);
  return {
    code: t.code,
    parentId: t.parentKey ? idByKey.get(t.parentKey)! : null,
    position: t.position,
    depth: t.depth,
    title: t.title,
    text: t.text,
    bodies: storedBodies(t.bodies),
    leadNote: t.leadNote,
    targetValue: t.target?.value ?? null,
    targetUnit: t.target?.unit ?? null,
    targetText: t.target?.of ?? null,
    indexId: index?.id ?? null,
    criterionId: criterion?.id ?? null,
    dueKind: d.kind,
    dueOn: d.kind === "ONGOING" || d.kind === "EVENT" ? null : toDate(d.dueOn),
    dueLabel: d.label,
    cadence: d.kind === "ONGOING" ? d.cadence : null,
    dueNote: t.dueNote,
    startsOn: toDate(startsOn),
    endsOn: d.kind === "ONGOING" && endsOn ? toDate(endsOn) : null,
    archivedAt: null,
  };
}

async function flattenAndCheck(prisma: PrismaClient, loaded: LoadedFile<PlanFile>, resolver: UnitResolver): Promise<FlatTask[]> {
  const plan = loaded.data;
  const problems: FileProblem[] = [];
  const problem = (path: (string | number)[], message: string) => problems.push({ path: formatPath(path), line: loaded.lineOf(path), message });

  const storedIndices = await prisma.index.findMany({ include: { criteria: true } });
  const indices = new Map<string, Set<string>>();
  for (const ix of storedIndices) indices.set(ix.codeKey, new Set(ix.criteria.map((c) => codeKey(c.code))));
  for (const ix of plan.indices) {
    const set = indices.get(codeKey(ix.code)) ?? new Set<string>();
    ix.criteria.forEach((c) => set.add(codeKey(c.code)));
    indices.set(codeKey(ix.code), set);
  }

  const out: FlatTask[] = [];
  const seen = new Map<string, string>();
  type Inherited = Pick<PlanTaskInput, "lead" | "cooperating" | "index" | "due" | "cadence" | "dueNote">;

  const walk = (list: PlanTaskInput[], base: (string | number)[], parentKey: string | null, depth: number, inh: Inherited) => {
    list.forEach((t, position) => {
      const path = [...base, position];
      const key = codeKey(t.code);
      if (seen.has(key)) problem([...path, "code"], `Mã nhiệm vụ "${t.code}" trùng với ${seen.get(key)} / Duplicate task code "${t.code}" (also at ${seen.get(key)})`);
      seen.set(key, formatPath(path));
      const eff: Inherited = {
        lead: t.lead ?? inh.lead,
        cooperating: t.cooperating ?? (t.lead ? undefined : inh.cooperating),
        index: t.index ?? inh.index,
        due: t.due ?? inh.due,
        cadence: t.cadence ?? inh.cadence,
        dueNote: t.dueNote ?? (t.due ? undefined : inh.dueNote),
      };
      const deadline = eff.due ? parseDeadline(eff.due, (eff.cadence ?? "QUARTER") as Cadence, { year: plan.year }) : undefined;
      if (!deadline)
        problem([...path, "due"], "Nhiệm vụ chưa có thời hạn; ghi `due` ở nhiệm vụ, nhiệm vụ cha hoặc `defaults` / No deadline: set `due` on the task, a parent or `defaults`");
      if (deadline?.kind === "ONGOING" && eff.cadence) deadline.cadence = eff.cadence as Cadence;
      if (eff.index && !indices.has(codeKey(eff.index)))
        problem([...path, "index"], `Không có chỉ số "${eff.index}"; khai báo ở mục indices / Unknown index "${eff.index}"; declare it under indices`);
      if (t.criterion) {
        const inIndex = eff.index ? indices.get(codeKey(eff.index)) : undefined;
        const found = inIndex ? inIndex.has(codeKey(t.criterion)) : [...indices.values()].some((s) => s.has(codeKey(t.criterion!)));
        if (!found) problem([...path, "criterion"], `Không có tiêu chí "${t.criterion}" trong chỉ số ${eff.index ?? ""} / Unknown criterion "${t.criterion}"`);
      }
      const assignments = new Map<number, { role: Role; viaGroup: string | null }>();
      const assign = (refs: string[] | undefined, role: Role, field: "lead" | "cooperating") =>
        refs?.forEach((ref, j) => {
          const r = resolver.resolve(ref);
          if (!r) {
            if (!t[field]) return; // inherited: already reported where it is written
            const hint = closest(ref, resolver.vocabulary);
            problem(
              [...path, field, j],
              `Không có đơn vị hay nhóm "${ref}"${hint ? ` (có phải "${hint}"?)` : ""}; xem \`dondoc units list\` / No unit or group "${ref}"${hint ? ` (did you mean "${hint}"?)` : ""}`,
            );
            return;
          }
          const units = r.kind === "unit" ? [r.unit] : r.units;
          for (const u of units) {
            if (role === "COOPERATING" && assignments.get(u.id)?.role === "LEAD") continue; // a group "of the other units" excludes the lead
            assignments.set(u.id, { role, viaGroup: r.kind === "group" ? r.code : null });
          }
        });
      assign(eff.lead, "LEAD", "lead");
      assign(eff.cooperating, "COOPERATING", "cooperating");
      // A heading (a task with sub-tasks) may leave the lead to its sub-tasks,
      // as plans do when each bullet names its own lead unit.
      if (!eff.lead && t.tasks.length === 0) problem(path, "Nhiệm vụ chưa có đơn vị chủ trì (`lead`) ở nó hay nhiệm vụ cha / The task has no lead unit (`lead`) on it or a parent");
      if (deadline) {
        out.push({
          code: t.code,
          key,
          parentKey,
          position,
          depth,
          title: t.title,
          text: t.text ?? t.title,
          // `partners` is the older form of cooperating outside bodies.
          bodies: [...t.partners.map((name) => ({ name, role: "COOPERATING" as const })), ...t.bodies],
          leadNote: t.leadNote ?? null,
          target: t.target ?? null,
          indexCode: eff.index ?? null,
          criterionCode: t.criterion ?? null,
          deadline,
          dueNote: eff.dueNote ?? null,
          assignments,
        });
      }
      walk(t.tasks, [...path, "tasks"], key, depth + 1, eff);
    });
  };
  walk(plan.tasks, ["tasks"], null, 0, { due: plan.defaults.due, cadence: plan.defaults.cadence, dueNote: plan.defaults.dueNote });
  if (problems.length) throw invalidFile(loaded.file, problems);
  return out;
}

/**
 * A deadline moved by an approved extension (src/services/extensions.ts)
 * stays moved while the file still gives the plan's own deadline (kept in
 * originalDueOn); a plan amended with another deadline replaces both.
 */
function keepExtension<F extends { dueOn: Date | null }>(stored: { dueOn: Date | null; originalDueOn: Date | null } | undefined, fields: F): F {
  if (!stored?.originalDueOn) return fields;
  if (fields.dueOn && stored.originalDueOn.getTime() === fields.dueOn.getTime()) return { ...fields, dueOn: stored.dueOn };
  return { ...fields, originalDueOn: null, dueMovedOn: null };
}
