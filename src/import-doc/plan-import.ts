// The Office imports a plan in Slack: a file it shares with the bot (or picks
// in the /kehoach nhapkehoach form) is read into a preview; the flagged tasks
// are corrected in review; Ban hành imports it through the same path as
// `dondoc plan import-doc` (proposed units, then the plan: re-importing
// changes nothing) and sends it to the assigned units (services/plan-acks.ts).
// Only the Office and administrators may do any of it, checked here against
// the stored member on every step; ids from buttons and private_metadata are
// references, never trusted.
import type { PrismaClient } from "../db/database.js";
import type { Payload } from "../delivery/slack-delivery.js";
import { formatVnDate, localDay } from "../domain/day.js";
import { codeKey } from "../domain/text.js";
import { canImportPlan, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import type { PlanForUnitModel } from "../models/plan-acks.js";
import { REVIEW_PAGE, type PlanPreviewModel, type ReviewModalModel, type UnitChoice } from "../models/plan-import.js";
import { publishToUnits } from "../services/plan-acks.js";
import { isUniqueViolation } from "../services/request-key.js";
import type { ImportModel } from "./analyze.js";
import { applyCorrections, checkCorrection, CorrectionsSchema, reviewTasks, unitChoices, type Correction, type Corrections } from "./corrections.js";
import { headerOf } from "./draft.js";
import { applyImport, knownUnits, prepareImport, readPlanBytes } from "./import-doc.js";

export const slackFileKey = (fileId: string) => `slack-file:${fileId}`;

function mayImport(actor: Actor): void {
  if (!canImportPlan(actor)) throw new AppError("FORBIDDEN_IMPORT");
}

type Row = NonNullable<Awaited<ReturnType<PrismaClient["planImport"]["findUnique"]>>>;

async function load(prisma: PrismaClient, id: number): Promise<Row> {
  const row = await prisma.planImport.findUnique({ where: { id } });
  if (!row) throw new AppError("IMPORT_NOT_FOUND", { id });
  return row;
}

async function choicesFor(prisma: PrismaClient, model: ImportModel): Promise<UnitChoice[]> {
  const units = await prisma.unit.findMany({ where: { mergedIntoId: null }, orderBy: [{ active: "desc" }, { code: "asc" }], select: { code: true, name: true } });
  return unitChoices(model, units);
}

const corrections = (row: Row): Corrections => {
  const parsed = CorrectionsSchema.safeParse(row.corrections);
  return parsed.success ? parsed.data : {};
};

/** The model as it will be published: the stored reading with the corrections applied. */
async function correctedModel(prisma: PrismaClient, row: Row) {
  const model = row.model as unknown as ImportModel;
  const choices = await choicesFor(prisma, model);
  return { model, choices, corrected: applyCorrections(model, corrections(row), choices) };
}

export async function previewOf(prisma: PrismaClient, row: Row): Promise<PlanPreviewModel> {
  const { model, corrected } = await correctedModel(prisma, row);
  const h = headerOf(corrected);
  const fixes = corrections(row);
  const review = reviewTasks(model);
  return {
    importId: row.id,
    fileName: row.fileName,
    plan: { number: h.number, title: h.title, issuer: h.issuer, issuedOn: corrected.plan.issuedOn ?? null },
    counts: corrected.counts,
    newBodies: corrected.newBodies.map((b) => ({ code: b.code, name: b.name })),
    points: corrected.flags.filter((f) => f.code !== "NEW_BODY").map((f) => ({ taskCode: f.taskCode ?? f.field ?? null, flag: f.code, text: f.text })),
    review: { total: review.length, corrected: review.filter((t) => fixes[t.code]).length },
    published: row.status === "PUBLISHED" && row.publishedAt ? { at: localDay(row.publishedAt), number: row.planNumber } : null,
  };
}

/**
 * Reads a file the Office gave dondoc. The same Slack file (shared twice, or
 * an event Slack delivers again) is read once: the second time answers with
 * the first reading and downloads nothing. A file that cannot be read, or is
 * not a plan, throws its AppError and nothing is written.
 */
export async function readSharedPlan(options: {
  prisma: PrismaClient;
  actor: Actor;
  userId: string;
  sourceKey: string;
  fileName: string;
  download: () => Promise<Buffer>;
}): Promise<{ preview: PlanPreviewModel; fresh: boolean }> {
  const { prisma } = options;
  mayImport(options.actor);
  const existing = await prisma.planImport.findUnique({ where: { sourceKey: options.sourceKey } });
  if (existing) return { preview: await previewOf(prisma, existing), fresh: false };
  const bytes = await options.download();
  const model = await readPlanBytes(bytes, options.fileName, await knownUnits(prisma));
  const number = headerOf(model).number;
  try {
    const row = await prisma.planImport.create({
      data: { sourceKey: options.sourceKey, fileName: options.fileName, uploadedBy: options.userId, model: model as object, planNumber: number },
    });
    return { preview: await previewOf(prisma, row), fresh: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Two deliveries of the same file raced: the other one read it.
    const row = await prisma.planImport.findUniqueOrThrow({ where: { sourceKey: options.sourceKey } });
    return { preview: await previewOf(prisma, row), fresh: false };
  }
}

/** One page of the review modal: flagged tasks not corrected yet first, with the values they will be published with. */
export async function reviewModel(prisma: PrismaClient, actor: Actor, importId: number): Promise<ReviewModalModel> {
  mayImport(actor);
  const row = await load(prisma, importId);
  if (row.status === "PUBLISHED") throw new AppError("IMPORT_PUBLISHED", { number: row.planNumber, at: row.publishedAt ? formatVnDate(localDay(row.publishedAt)) : "" });
  const { model, choices, corrected } = await correctedModel(prisma, row);
  const fixes = corrections(row);
  const now = new Map(corrected.tasks.map((t) => [t.code, t]));
  const all = reviewTasks(model).map((t) => {
    const c = now.get(t.code) ?? t;
    return {
      code: t.code,
      text: t.text || t.title,
      flags: c.flags,
      lead: c.effective.lead[0]?.code ?? null,
      cooperating: c.effective.cooperating.map((r) => r.code),
      due: c.effective.due ?? null,
      dueAsWritten: c.flags.includes("DUE_UNKNOWN") ? (c.due ?? null) : null,
      corrected: fixes[t.code] !== undefined,
    };
  });
  const ordered = [...all.filter((t) => !t.corrected), ...all.filter((t) => t.corrected)];
  return { importId, planNumber: row.planNumber, tasks: ordered.slice(0, REVIEW_PAGE), more: Math.max(0, ordered.length - REVIEW_PAGE), choices };
}

export type ReviewErrors = Record<string, Partial<Record<keyof Correction, AppError>>>;

/**
 * Saves the corrections entered in review (by task code). Only tasks of the
 * review list are taken; units must be among the choices and deadlines
 * understood. All or nothing.
 */
export async function saveCorrections(options: {
  prisma: PrismaClient;
  actor: Actor;
  importId: number;
  entries: Record<string, Correction>;
}): Promise<{ ok: true; preview: PlanPreviewModel } | { ok: false; errors: ReviewErrors }> {
  const { prisma } = options;
  mayImport(options.actor);
  const row = await load(prisma, options.importId);
  if (row.status === "PUBLISHED") throw new AppError("IMPORT_PUBLISHED", { number: row.planNumber, at: row.publishedAt ? formatVnDate(localDay(row.publishedAt)) : "" });
  const { model, choices } = await correctedModel(prisma, row);
  const reviewable = new Set(reviewTasks(model).map((t) => t.code));
  const errors: ReviewErrors = {};
  const next = { ...corrections(row) };
  for (const [code, entry] of Object.entries(options.entries)) {
    if (!reviewable.has(code)) continue; // a forged block id: not a task under review
    if (entry.lead === undefined && entry.cooperating === undefined && entry.due === undefined) continue;
    const checked = checkCorrection(entry, choices, model.year);
    if (!checked.ok) errors[code] = checked.errors;
    else next[code] = { ...next[code], ...checked.correction };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const updated = await prisma.planImport.update({ where: { id: row.id }, data: { corrections: next } });
  return { ok: true, preview: await previewOf(prisma, updated) };
}

/**
 * Ban hành: imports the corrected plan (proposed units, then the plan) and
 * sends it to the assigned units. A second click, or two at once, changes
 * nothing: the plan import is idempotent, and the units' posts are keyed by
 * plan and channel. `render` is the units' message (src/views/plan-acks.ts).
 */
export async function publishImport(options: { prisma: PrismaClient; actor: Actor; userId: string; importId: number; now: Date; render: (m: PlanForUnitModel) => Payload }) {
  const { prisma } = options;
  mayImport(options.actor);
  const row = await load(prisma, options.importId);
  const { corrected } = await correctedModel(prisma, row);
  const prepared = prepareImport(corrected, row.fileName);
  const imported = await applyImport(prisma, prepared, `slack:${options.userId}`);
  const plan = await prisma.plan.findUniqueOrThrow({ where: { numberKey: codeKey(prepared.loadedPlan.data.number) }, select: { id: true, number: true } });
  const first = await prisma.planImport.updateMany({
    where: { id: row.id, status: "PREVIEW" },
    data: { status: "PUBLISHED", planId: plan.id, planNumber: plan.number, publishedBy: options.userId, publishedAt: options.now },
  });
  const sent = await publishToUnits(prisma, plan.id, options.now, options.render);
  const t = imported.changes.tasks;
  return {
    preview: await previewOf(prisma, await load(prisma, row.id)),
    planId: plan.id,
    number: plan.number,
    already: first.count === 0,
    tasks: { created: t?.created ?? 0, updated: t?.updated ?? 0, unchanged: t?.unchanged ?? 0 },
    ...sent,
  };
}
