// The use case behind `dondoc plan import-doc`: read the document, parse
// it, match its bodies against the organisation, then either write the
// draft files, or report (dry run), or import: proposed units through the
// organisation import, then the plan through the plan import, so the same
// validation, idempotence and update-by-task-code apply as for a
// hand-written plan file.
import { writeFile } from "node:fs/promises";
import type { PrismaClient } from "../db/database.js";
import { AppError } from "../errors.js";
import { parseYaml } from "../files/load.js";
import { OrgFileSchema } from "../files/org-file.js";
import { PlanFileSchema } from "../files/plan-file.js";
import type { ChangeSummary } from "../services/changes.js";
import { importOrg } from "../services/import-org.js";
import { importPlan } from "../services/import-plan.js";
import { analyze, type ImportModel } from "./analyze.js";
import { planYaml, unitsYaml } from "./draft.js";
import { notAPlan } from "./genre.js";
import type { KnownGroup, KnownUnit } from "./parse/bodies.js";
import { parsePlan } from "./parse/structure.js";
import { extname } from "node:path";
import { formatOf, maxBytesOf, readBytes, readDocument } from "./read/index.js";
import type { SourceDoc } from "./read/types.js";

export async function knownUnits(prisma: PrismaClient): Promise<{ units: KnownUnit[]; groups: KnownGroup[] }> {
  const units = await prisma.unit.findMany({ include: { aliases: true }, orderBy: { id: "asc" } });
  const groups = await prisma.unitGroup.findMany({ orderBy: { id: "asc" } });
  return {
    units: units.map((u) => ({ code: u.code, name: u.name, aliases: u.aliases.map((a) => a.alias) })),
    groups: groups.map((g) => ({ code: g.code, name: g.name })),
  };
}

/** Reads and parses a document; refuses one that is not a plan. */
export async function readPlanDocument(file: string, known: { units: KnownUnit[]; groups?: KnownGroup[] }, fallbackYear?: number): Promise<ImportModel> {
  return modelOf(await readDocument(file), file, known, fallbackYear);
}

/** The same from bytes already in memory (a file downloaded from Slack); `name` gives the format. */
export async function readPlanBytes(bytes: Buffer, name: string, known: { units: KnownUnit[]; groups?: KnownGroup[] }, fallbackYear?: number): Promise<ImportModel> {
  const format = formatOf(name);
  if (!format) throw new AppError("DOC_UNSUPPORTED", { file: name, format: extname(name) || "(không có đuôi tệp / no extension)" });
  const max = maxBytesOf(format);
  if (bytes.length > max) throw new AppError("DOC_TOO_LARGE", { file: name, size: (bytes.length / 1048576).toFixed(1), max: Math.round(max / 1048576) });
  return modelOf(await readBytes(bytes, name, format), name, known, fallbackYear);
}

function modelOf(doc: SourceDoc, file: string, known: { units: KnownUnit[]; groups?: KnownGroup[] }, fallbackYear?: number): ImportModel {
  const parsed = parsePlan(doc.blocks, fallbackYear ? { year: fallbackYear } : {});
  const not = parsed.title ? undefined : notAPlan(doc.blocks, parsed.number);
  if (not) throw new AppError("DOC_NOT_A_PLAN", { file, reason_vi: not.vi, reason_en: not.en });
  if (parsed.tasks.length === 0) {
    const hasTitle = Boolean(parsed.title);
    throw new AppError("DOC_NOT_A_PLAN", {
      file,
      reason_vi: hasTitle ? "không tìm thấy nhiệm vụ nào (mục đánh số I, 1, a, - hoặc bảng phân công có cột chủ trì)" : 'không có tiêu đề "KẾ HOẠCH" và không có nhiệm vụ nào',
      reason_en: hasTitle ? "no task found (numbered items I, 1, a, - or an assignment table with a lead column)" : 'no "KẾ HOẠCH" title and no task',
    });
  }
  return analyze(parsed, known, fallbackYear);
}

export interface ImportDocResult {
  number: string;
  counts: ImportModel["counts"];
  flags: ImportModel["flags"];
  newBodies: ImportModel["newBodies"];
  written?: string[];
  units?: ChangeSummary;
  changes?: ChangeSummary;
  dryRun: boolean;
}

/**
 * The plan file and the proposed units' file of a model, both validated as
 * `plan import` and `org import` would, before anything is written.
 */
export function prepareImport(model: ImportModel, source: string, unitsFile?: string) {
  const plan = planYaml(model, { source, ...(unitsFile ? { unitsFile } : {}) });
  const units = unitsYaml(model, source);
  const loadedPlan = parseYaml(`${source} → plan`, plan, PlanFileSchema);
  const loadedUnits = model.newBodies.length ? parseYaml(`${source} → units`, units, OrgFileSchema) : undefined;
  return { plan, units, loadedPlan, loadedUnits };
}

/** Imports a prepared model: proposed units first, then the plan (idempotent; updates by task code). */
export async function applyImport(prisma: PrismaClient, prepared: ReturnType<typeof prepareImport>, actor: string) {
  const unitChanges = prepared.loadedUnits ? (await importOrg(prisma, prepared.loadedUnits, { actor })).changes : undefined;
  const r = await importPlan(prisma, prepared.loadedPlan, { actor });
  return { units: unitChanges, changes: r.changes };
}

export async function importDoc(prisma: PrismaClient, file: string, options: { out?: string; dryRun?: boolean; actor: string }): Promise<ImportDocResult> {
  const known = await knownUnits(prisma);
  const model = await readPlanDocument(file, known);
  const unitsFile = model.newBodies.length && options.out ? options.out.replace(/(\.ya?ml)?$/i, ".units.yaml") : undefined;
  const prepared = prepareImport(model, file, unitsFile);
  const { plan, units, loadedPlan } = prepared;
  const base = { number: loadedPlan.data.number, counts: model.counts, flags: model.flags, newBodies: model.newBodies };
  if (options.dryRun) return { ...base, dryRun: true };
  if (options.out) {
    await writeFile(options.out, plan);
    if (unitsFile) await writeFile(unitsFile, units);
    return { ...base, written: [options.out, ...(unitsFile ? [unitsFile] : [])], dryRun: false };
  }
  const r = await applyImport(prisma, prepared, options.actor);
  return { ...base, ...(r.units ? { units: r.units } : {}), changes: r.changes, dryRun: false };
}
