// The department's consolidated report, from the Office's request to the
// approved files: the Office builds it (the same model and renderers as
// `dondoc report build`), each build a new version kept with its two files;
// leadership approves it or asks for changes, with a comment; the approved
// version is kept as built, audited, and delivered as files to the Office's
// channel. Each step records once: a build by its request key, a decision by
// a conditional update (only a version still awaiting approval, and only the
// latest, can be decided).
import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import type { PrismaClient } from "../db/database.js";
import { formatVnDate, fromDate, localDay, type Day } from "../domain/day.js";
import { canApproveReport, canConsolidateReports, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { renderReportDocx } from "../report/docx.js";
import type { ReportModel } from "../report/model.js";
import { parseReportPeriod, REPORT_PERIOD_FORMS, reportWindowOfKey, type ReportWindow } from "../report/period.js";
import { writeReportXlsx } from "../report/xlsx.js";
import { findPlan } from "./plan-queries.js";
import { reportBaseName } from "./report-files.js";
import { buildReportModel } from "./report-model.js";
import { isUniqueViolation } from "./request-key.js";
import { unitReportStatus } from "./unit-reports.js";

/** A comment leadership writes: Slack's limit for a text input. */
export const DECISION_COMMENT_MAX = 3_000;

/** The .xlsx as bytes: the streaming writer into memory (the appendix of one plan is small). */
async function xlsxBytes(m: ReportModel): Promise<Buffer> {
  const sink = new PassThrough();
  const bytes = buffer(sink);
  await writeReportXlsx(m, sink);
  sink.end();
  return bytes;
}

/**
 * The plan a report for `window` is about: the one named, or the only plan
 * running during the window. Refused with a message saying what to add.
 */
export async function planForWindow(prisma: PrismaClient, window: ReportWindow, planRef: string | null) {
  if (planRef) return findPlan(prisma, planRef);
  const plans = await prisma.plan.findMany({
    where: { issuedOn: { lte: new Date(`${window.end}T00:00:00Z`) }, endsOn: { gte: new Date(`${window.start}T00:00:00Z`) } },
    orderBy: { issuedOn: "asc" },
  });
  if (plans.length === 1) return plans[0]!;
  if (plans.length === 0) {
    const latest = await prisma.plan.findFirst({ orderBy: { issuedOn: "desc" } });
    if (!latest) throw new AppError("NO_PLANS");
    throw new AppError("NO_PLAN_FOR_WINDOW", { period: window.label, example: `/kehoach baocaotonghop Quý III/${latest.year}` });
  }
  throw new AppError("PLANS_FOR_WINDOW_AMBIGUOUS", {
    period: window.label,
    numbers: plans.map((p) => p.number).join(", "),
    example: `/kehoach baocaotonghop ${window.label} ${plans[0]!.number.split("/")[0]}`,
  });
}

/**
 * "Quý III/2023", "quy 3/2023 1565", "" (the current window): a period,
 * optionally followed by a plan number. Undefined when the period is not one
 * of the accepted forms.
 */
export function parsePeriodAndPlan(rest: string, today: Day, current: (d: Day) => ReportWindow): { window: ReportWindow; plan: string | null } | undefined {
  const text = rest.trim();
  if (text === "") return { window: current(today), plan: null };
  const whole = parseReportPeriod(text);
  if (whole) return { window: whole, plan: null };
  const words = text.split(/\s+/);
  const last = words.pop()!;
  const head = parseReportPeriod(words.join(" "));
  if (head && /^\d/.test(last)) return { window: head, plan: last };
  if (/^\d+\//.test(words[0] ?? "") || /^\d{3,}$/.test(words[0] ?? "")) {
    const tail = parseReportPeriod([...words.slice(1), last].join(" "));
    if (tail) return { window: tail, plan: words[0]! };
  }
  return undefined;
}

export function periodInvalid(text: string): AppError {
  return new AppError("REPORT_PERIOD_INVALID", { period: text.slice(0, 60), forms: REPORT_PERIOD_FORMS });
}

export interface BuiltReport {
  id: number;
  version: number;
  plan: { id: number; number: string };
  window: { key: string; label: string };
  reportDate: Day;
  docxName: string;
  xlsxName: string;
  totals: ReportModel["totals"];
  /** Units that sent their report for the window, of those that owe one. */
  units: { submitted: number; total: number; pending: string[] };
}

export type BuildResult = { kind: "built" | "duplicate"; report: BuiltReport; leaders: { slackUserId: string; locale: string | null }[] };

/**
 * Builds the report (model, .docx, .xlsx) and keeps it as a new version
 * awaiting leadership's approval. Nothing is kept when any step fails.
 */
export async function buildConsolidatedReport(
  prisma: PrismaClient,
  input: { actor: Actor; userId: string; planId: number; window: ReportWindow; date: Day; requestKey: string; at: Date },
): Promise<BuildResult> {
  if (!canConsolidateReports(input.actor)) throw new AppError("OFFICE_ONLY");
  const leaders = await prisma.member.findMany({ where: { role: "LEADERSHIP", active: true }, orderBy: { id: "asc" }, select: { slackUserId: true, locale: true } });
  if (leaders.length === 0) throw new AppError("NO_LEADERSHIP");
  const replay = await prisma.consolidatedReport.findUnique({ where: { requestKey: input.requestKey } });
  if (replay) return { kind: "duplicate", report: await describe(prisma, replay.id), leaders };
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: input.planId } });
  const model = await buildReportModel(prisma, { plan: plan.number, window: input.window, date: input.date });
  const [docx, xlsx] = await Promise.all([renderReportDocx(model), xlsxBytes(model)]);
  const base = reportBaseName(model);
  try {
    const id = await prisma.$transaction(async (tx) => {
      const last = await tx.consolidatedReport.findFirst({ where: { planId: plan.id, period: input.window.key }, orderBy: { version: "desc" }, select: { version: true } });
      const created = await tx.consolidatedReport.create({
        data: {
          planId: plan.id,
          period: input.window.key,
          version: (last?.version ?? 0) + 1,
          reportDate: new Date(`${input.date}T00:00:00Z`),
          builtBy: input.userId,
          builtAt: input.at,
          docxName: `bao-cao-${base}.docx`,
          docx: docx.toString("base64"),
          xlsxName: `phu-luc-${base}.xlsx`,
          xlsx: xlsx.toString("base64"),
          requestKey: input.requestKey,
        },
        select: { id: true, version: true },
      });
      await tx.auditEntry.create({
        data: {
          actor: `slack:${input.userId}`,
          at: input.at,
          action: "consolidated-report.build",
          entity: "ConsolidatedReport",
          entityId: String(created.id),
          detail: { plan: plan.number, period: input.window.key, version: created.version, total: model.totals.total, unitReports: model.unitReports.length },
        },
      });
      return created.id;
    });
    return { kind: "built", report: await describe(prisma, id, model), leaders };
  } catch (e) {
    if (isUniqueViolation(e)) {
      const row = await prisma.consolidatedReport.findUnique({ where: { requestKey: input.requestKey } });
      if (row) return { kind: "duplicate", report: await describe(prisma, row.id), leaders };
    }
    throw e;
  }
}

async function describe(prisma: PrismaClient, id: number, model?: ReportModel): Promise<BuiltReport> {
  const row = await prisma.consolidatedReport.findUniqueOrThrow({ where: { id }, include: { plan: { select: { id: true, number: true } } } });
  const window = reportWindowOfKey(row.period)!;
  const reportDate = fromDate(row.reportDate);
  const m = model ?? (await buildReportModel(prisma, { plan: row.plan.number, window, date: reportDate }));
  const status = await unitReportStatus(prisma, row.planId, row.period, reportDate);
  return {
    id: row.id,
    version: row.version,
    plan: row.plan,
    window: { key: window.key, label: window.label },
    reportDate,
    docxName: row.docxName,
    xlsxName: row.xlsxName,
    totals: m.totals,
    units: { submitted: status.submitted, total: status.units.length, pending: status.units.filter((u) => u.state !== "SUBMITTED").map((u) => u.unit.name) },
  };
}

export type Decision = "APPROVE" | "CHANGES";

export interface DecisionResult {
  kind: "decided" | "duplicate";
  decision: Decision;
  report: {
    id: number;
    version: number;
    planNumber: string;
    windowLabel: string;
    docxName: string;
    docx: Buffer;
    xlsxName: string;
    xlsx: Buffer;
    builtBy: string;
    comment: string | null;
    decidedAt: Date | null;
    decidedBy: string | null;
    deliveredAt: Date | null;
  };
  officeChannel: string | null;
}

type ReportRow = {
  id: number;
  version: number;
  plan: { number: string };
  docxName: string;
  docx: string;
  xlsxName: string;
  xlsx: string;
  builtBy: string;
  comment: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  deliveredAt: Date | null;
};

function reportForDelivery(r: ReportRow, windowLabel: string): DecisionResult["report"] {
  return {
    id: r.id,
    version: r.version,
    planNumber: r.plan.number,
    windowLabel,
    docxName: r.docxName,
    docx: Buffer.from(r.docx, "base64"),
    xlsxName: r.xlsxName,
    xlsx: Buffer.from(r.xlsx, "base64"),
    builtBy: r.builtBy,
    comment: r.comment,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedBy,
    deliveredAt: r.deliveredAt,
  };
}

async function officeChannel(prisma: PrismaClient): Promise<string | null> {
  const office = await prisma.unit.findFirst({ where: { kind: "OFFICE", active: true, slackChannel: { not: null } }, orderBy: { id: "asc" }, select: { slackChannel: true } });
  return office?.slackChannel ?? null;
}

/** Leadership's decision on a version awaiting approval; recorded once, with its audit entry. */
export async function decideConsolidatedReport(
  prisma: PrismaClient,
  input: { actor: Actor; userId: string; reportId: number; decision: Decision; comment: string; at: Date },
): Promise<DecisionResult> {
  if (!canApproveReport(input.actor)) throw new AppError("LEADERSHIP_ONLY");
  const comment = input.comment.normalize("NFC").trim();
  if (input.decision === "CHANGES" && comment === "") throw new AppError("COMMENT_REQUIRED");
  if (comment.length > DECISION_COMMENT_MAX) {
    throw new AppError("UNIT_REPORT_TOO_LONG", {
      field_vi: "Ý kiến",
      field_en: "Comment",
      length: comment.length.toLocaleString("vi-VN"),
      max: DECISION_COMMENT_MAX.toLocaleString("vi-VN"),
    });
  }
  const row = await prisma.consolidatedReport.findUnique({ where: { id: input.reportId }, include: { plan: { select: { number: true } } } });
  if (!row) throw new AppError("CONSOLIDATED_NOT_FOUND");
  const window = reportWindowOfKey(row.period)!;
  const status = input.decision === "APPROVE" ? "APPROVED" : "CHANGES_REQUESTED";
  const result = (kind: DecisionResult["kind"], r: typeof row, officeChannel: string | null): DecisionResult => ({
    kind,
    decision: input.decision,
    report: reportForDelivery(r, window.label),
    officeChannel,
  });
  const office = await officeChannel(prisma);
  if (row.status !== "PENDING_APPROVAL") {
    // The same person's same decision again (a double click, a replay): answered as the first.
    if (row.status === status && row.decidedBy === input.userId) return result("duplicate", row, office);
    throw alreadyDecided(row, window.label);
  }
  const latest = await prisma.consolidatedReport.findFirst({ where: { planId: row.planId, period: row.period }, orderBy: { version: "desc" }, select: { version: true } });
  if (latest && latest.version > row.version) throw new AppError("CONSOLIDATED_SUPERSEDED", { version: row.version, latest: latest.version });
  const decided = await prisma.$transaction(async (tx) => {
    const u = await tx.consolidatedReport.updateMany({
      where: { id: row.id, status: "PENDING_APPROVAL" },
      data: { status, decidedBy: input.userId, decidedAt: input.at, comment: comment === "" ? null : comment },
    });
    if (u.count === 0) return false;
    await tx.auditEntry.create({
      data: {
        actor: `slack:${input.userId}`,
        at: input.at,
        action: input.decision === "APPROVE" ? "consolidated-report.approve" : "consolidated-report.request-changes",
        entity: "ConsolidatedReport",
        entityId: String(row.id),
        detail: { plan: row.plan.number, period: row.period, version: row.version, comment: comment || null },
      },
    });
    return true;
  });
  const now = await prisma.consolidatedReport.findUniqueOrThrow({ where: { id: row.id }, include: { plan: { select: { number: true } } } });
  if (!decided) {
    if (now.status === status && now.decidedBy === input.userId) return result("duplicate", now, office);
    throw alreadyDecided(now, window.label);
  }
  return result("decided", now, office);
}

function alreadyDecided(row: { status: string; version: number; decidedAt: Date | null }, period: string): AppError {
  const approved = row.status === "APPROVED";
  return new AppError("CONSOLIDATED_ALREADY_DECIDED", {
    period,
    version: row.version,
    decision_vi: approved ? "duyệt" : "yêu cầu chỉnh sửa",
    decision_en: approved ? "approved" : "sent back for changes",
    on: row.decidedAt ? formatVnDate(localDay(row.decidedAt)) : "",
  });
}

/** The approved version's files are in the Office's channel: recorded once, audited. */
export async function recordDelivery(prisma: PrismaClient, input: { reportId: number; fileIds: string[]; channel: string; at: Date; actor: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const u = await tx.consolidatedReport.updateMany({
      where: { id: input.reportId, status: "APPROVED", deliveredAt: null },
      data: { deliveredAt: input.at, deliveredFiles: input.fileIds },
    });
    if (u.count === 0) return false;
    await tx.auditEntry.create({
      data: {
        actor: input.actor,
        at: input.at,
        action: "consolidated-report.deliver",
        entity: "ConsolidatedReport",
        entityId: String(input.reportId),
        detail: { channel: input.channel, files: input.fileIds },
      },
    });
    return true;
  });
}

/** How long an attempt to deliver may run before another may take over (a process that died part-way). */
export const DELIVERY_LEASE_MS = 2 * 60_000;

/**
 * Takes the right to deliver an approved version's files: true for exactly
 * one of any number of simultaneous attempts (a leader's repeated decision,
 * the Office's "Gửi lại tệp", a double click), none once delivered.
 */
export async function claimDelivery(prisma: PrismaClient, reportId: number, at: Date, leaseMs = DELIVERY_LEASE_MS): Promise<boolean> {
  const u = await prisma.consolidatedReport.updateMany({
    where: {
      id: reportId,
      status: "APPROVED",
      deliveredAt: null,
      OR: [{ deliveryAttemptAt: null }, { deliveryAttemptAt: { lt: new Date(at.getTime() - leaseMs) } }],
    },
    data: { deliveryAttemptAt: at },
  });
  return u.count === 1;
}

/** An attempt failed: the claim is let go (so a retry may start at once) and the failure audited. */
export async function releaseDelivery(prisma: PrismaClient, input: { reportId: number; at: Date; actor: string; reason: string }): Promise<void> {
  await prisma.$transaction([
    prisma.consolidatedReport.updateMany({ where: { id: input.reportId, deliveredAt: null }, data: { deliveryAttemptAt: null } }),
    prisma.auditEntry.create({
      data: {
        actor: input.actor,
        at: input.at,
        action: "consolidated-report.deliver-failed",
        entity: "ConsolidatedReport",
        entityId: String(input.reportId),
        detail: { reason: input.reason.slice(0, 500) },
      },
    }),
  ]);
}

/**
 * The Office asks for an approved version's files again (its "Gửi lại tệp"
 * button, after a delivery failed): the version as approved and the Office's
 * channel. Only the Office; only an approved version.
 */
export async function approvedForRedelivery(
  prisma: PrismaClient,
  input: { actor: Actor; reportId: number },
): Promise<{ report: DecisionResult["report"]; officeChannel: string | null }> {
  if (!canConsolidateReports(input.actor)) throw new AppError("OFFICE_ONLY");
  const row = await prisma.consolidatedReport.findUnique({ where: { id: input.reportId }, include: { plan: { select: { number: true } } } });
  if (!row || row.status !== "APPROVED") throw new AppError("CONSOLIDATED_NOT_FOUND");
  const window = reportWindowOfKey(row.period)!;
  return { report: reportForDelivery(row, window.label), officeChannel: await officeChannel(prisma) };
}
