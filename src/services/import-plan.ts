// Loads a plan file. Validates every reference first (units, groups,
// indices, criteria, task codes, deadlines) and writes nothing unless the
// whole file is right. Re-importing the same file changes nothing; an edited
// file updates tasks by code, keeps their reports, and archives tasks that
// left the file instead of deleting their history.
import type { PrismaClient } from "../db/database.js";
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

export async function importPlan(
  prisma: PrismaClient,
  loaded: LoadedFile<PlanFile>,
  options: ImportOptions,
): Promise<{ number: string; changes: ChangeSummary; dryRun: boolean }> {
  const plan = loaded.data;
  const resolver = await UnitResolver.load(prisma);
  if (resolver.units.length === 0) throw new AppError("ORG_MISSING");
  const tasks = await flattenAndCheck(prisma, loaded, resolver);
  const counter = new ChangeCounter();
  try {
    await prisma.$transaction(
      async (tx) => {
        // Indices and criteria are shared between plans: upsert by code.
        for (const ix of plan.indices) {
          const key = codeKey(ix.code);
          const wanted = { code: ix.code, codeKey: key, name: ix.name, fullName: ix.fullName };
          const stored = await tx.index.findUnique({ where: { codeKey: key } });
          const index = stored
            ? ChangeCounter.differs(stored, wanted) ? await tx.index.update({ where: { id: stored.id }, data: wanted }) : stored
            : await tx.index.create({ data: wanted });
          counter.count("indices", !stored ? "created" : index === stored ? "unchanged" : "updated");
          for (const [position, c] of ix.criteria.entries()) {
            const wantedC = { name: c.name, measureUnit: c.unit ?? null, target: c.target ?? null, higherIsBetter: c.higherIsBetter, position };
            const storedC = await tx.criterion.findUnique({ where: { indexId_code: { indexId: index.id, code: c.code } } });
            const criterion = storedC
              ? ChangeCounter.differs(storedC, wantedC) ? await tx.criterion.update({ where: { id: storedC.id }, data: wantedC }) : storedC
              : await tx.criterion.create({ data: { indexId: index.id, code: c.code, ...wantedC } });
            counter.count("criteria", !storedC ? "created" : criterion === storedC ? "unchanged" : "updated");
            for (const v of c.values) {
              const storedV = await tx.criterionValue.findUnique({ where: { criterionId_period: { criterionId: criterion.id, period: v.period } } });
              const wantedV = { value: v.value, source: v.source ?? null };
              if (!storedV) await tx.criterionValue.create({ data: { criterionId: criterion.id, period: v.period, ...wantedV } });
              else if (ChangeCounter.differs(storedV, wantedV)) await tx.criterionValue.update({ where: { id: storedV.id }, data: wantedV });
              counter.count("criterionValues", !storedV ? "created" : ChangeCounter.differs(storedV, wantedV) ? "updated" : "unchanged");
            }
          }
        }

        const numberKey = codeKey(plan.number);
        const wantedPlan = {
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
        };
        const storedPlan = await tx.plan.findUnique({ where: { numberKey } });
        const planRow = storedPlan
          ? ChangeCounter.differs(storedPlan, wantedPlan) ? await tx.plan.update({ where: { id: storedPlan.id }, data: wantedPlan }) : storedPlan
          : await tx.plan.create({ data: wantedPlan });
        counter.count("plans", !storedPlan ? "created" : planRow === storedPlan ? "unchanged" : "updated");

        const objectives = [
          ...plan.objectives.general.map((o, position) => ({ kind: "GENERAL" as const, position, ...o })),
          ...plan.objectives.specific.map((o, position) => ({ kind: "SPECIFIC" as const, position, ...o })),
        ];
        const storedObjectives = await tx.objective.findMany({ where: { planId: planRow.id } });
        for (const o of objectives) {
          const wanted = { text: o.text, targetValue: o.target?.value ?? null, targetUnit: o.target?.unit ?? null, measure: o.target?.measure ?? null };
          const stored = storedObjectives.find((s) => s.kind === o.kind && s.position === o.position);
          if (!stored) await tx.objective.create({ data: { planId: planRow.id, kind: o.kind, position: o.position, ...wanted } });
          else if (ChangeCounter.differs(stored, wanted)) await tx.objective.update({ where: { id: stored.id }, data: wanted });
          counter.count("objectives", !stored ? "created" : ChangeCounter.differs(stored, wanted) ? "updated" : "unchanged");
        }
        const extra = storedObjectives.filter((s) => !objectives.some((o) => o.kind === s.kind && o.position === s.position));
        if (extra.length) {
          await tx.objective.deleteMany({ where: { id: { in: extra.map((s) => s.id) } } });
          for (let i = 0; i < extra.length; i++) counter.count("objectives", "archived");
        }

        const indexIds = new Map((await tx.index.findMany({ include: { criteria: true } })).map((ix) => [ix.codeKey, ix]));
        const storedTasks = new Map(
          (await tx.task.findMany({ where: { planId: planRow.id }, include: { assignments: true } })).map((t) => [t.codeKey, t]),
        );
        const idByKey = new Map<string, number>();
        for (const t of tasks) {
          const index = t.indexCode ? indexIds.get(codeKey(t.indexCode)) : undefined;
          const criterion = t.criterionCode
            ? [...indexIds.values()].flatMap((ix) => ix.criteria).find((c) => codeKey(c.code) === codeKey(t.criterionCode!) && (!index || c.indexId === index.id))
            : undefined;
          const d = t.deadline;
          const startsOn: Day = d.kind === "ONGOING" && d.from ? d.from : plan.issuedOn;
          const endsOn: Day | null = d.kind === "ONGOING" && d.from ? null : (plan.endsOn ?? `${plan.year}-12-31`);
          const wanted = {
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
          const stored = storedTasks.get(t.key);
          const row = stored
            ? ChangeCounter.differs(stored, wanted) ? await tx.task.update({ where: { id: stored.id }, data: wanted }) : stored
            : await tx.task.create({ data: { planId: planRow.id, codeKey: t.key, ...wanted } });
          idByKey.set(t.key, row.id);

          const storedAssignments = stored?.assignments ?? [];
          let assignmentsChanged = false;
          for (const a of storedAssignments) {
            const want = t.assignments.get(a.unitId);
            if (!want) {
              await tx.assignment.delete({ where: { id: a.id } });
              assignmentsChanged = true;
            } else if (want.role !== a.role || want.viaGroup !== a.viaGroup) {
              await tx.assignment.update({ where: { id: a.id }, data: want });
              assignmentsChanged = true;
            }
          }
          const missing = [...t.assignments].filter(([unitId]) => !storedAssignments.some((a) => a.unitId === unitId));
          if (missing.length) {
            await tx.assignment.createMany({ data: missing.map(([unitId, a]) => ({ taskId: row.id, unitId, ...a })) });
            assignmentsChanged = true;
          }
          counter.count("tasks", !stored ? "created" : row !== stored || assignmentsChanged ? "updated" : "unchanged");
        }
        const gone = [...storedTasks.values()].filter((t) => !idByKey.has(t.codeKey) && t.archivedAt === null);
        if (gone.length) {
          await tx.task.updateMany({ where: { id: { in: gone.map((t) => t.id) } }, data: { archivedAt: new Date() } });
          for (let i = 0; i < gone.length; i++) counter.count("tasks", "archived");
        }
        if (counter.changed) {
          await tx.auditEntry.create({
            data: {
              actor: options.actor,
              action: "plan.import",
              entity: "Plan",
              entityId: String(planRow.id),
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
      if (!deadline) problem([...path, "due"], "Nhiệm vụ chưa có thời hạn; ghi `due` ở nhiệm vụ, nhiệm vụ cha hoặc `defaults` / No deadline: set `due` on the task, a parent or `defaults`");
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
            problem([...path, field, j], `Không có đơn vị hay nhóm "${ref}"${hint ? ` (có phải "${hint}"?)` : ""}; xem \`dondoc units list\` / No unit or group "${ref}"${hint ? ` (did you mean "${hint}"?)` : ""}`);
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
      if (!eff.lead && t.tasks.length === 0)
        problem(path, "Nhiệm vụ chưa có đơn vị chủ trì (`lead`) ở nó hay nhiệm vụ cha / The task has no lead unit (`lead`) on it or a parent");
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

