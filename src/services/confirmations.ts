// The unit lead's confirmation of a staff member's completion, and the
// lead's correction of a report (issue 13). A completion waiting for
// confirmation does not complete the task: Task.completedOn, which the one
// status function reads (src/domain/status.ts, src/db/status-sql.ts), is
// set only here, to the day the work was reported done. A correction is a
// new report by the lead that points at the one it corrects (kept as it
// was, marked corrected), audited with both values.
import type { PrismaClient } from "../db/database.js";
import { canConfirmReport, canCorrectReport, dropNeedsReason, PERCENT_DROP_NEEDS_REASON } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import type { PendingCompletion } from "../models/direction.js";
import { actorOf, activeMember } from "./obstacle-life.js";
import { reportProgress } from "./report-progress.js";

export const CORRECTION_REASON_MAX = 1_000;

async function reportOrThrow(prisma: PrismaClient, id: number) {
  const r = await prisma.progressReport.findUnique({
    where: { id },
    include: { task: { select: { id: true, code: true, title: true } }, unit: { select: { id: true, code: true, name: true, slackChannel: true } } },
  });
  if (!r) throw new AppError("REPORT_NOT_FOUND", { id });
  return r;
}

/** The unit's latest report on the task is this one: a newer report supersedes it. */
async function isLatestOfUnit(prisma: PrismaClient, r: { id: number; taskId: number; unitId: number }) {
  const latest = await prisma.progressReport.findFirst({ where: { taskId: r.taskId, unitId: r.unitId }, orderBy: [{ reportedAt: "desc" }, { id: "desc" }], select: { id: true } });
  return latest?.id === r.id;
}

export type ConfirmResult = { kind: "confirmed" | "already"; taskCode: string; unitChannel: string | null; reporter: string };

/** The unit lead confirms a pending completion; a second click changes nothing and says so. */
export async function confirmCompletion(options: { prisma: PrismaClient; userId: string; reportId: number; at: Date }): Promise<ConfirmResult> {
  const { prisma, userId, at } = options;
  const member = await activeMember(prisma, userId);
  const r = await reportOrThrow(prisma, options.reportId);
  if (!canConfirmReport(actorOf(member), r)) throw new AppError("FORBIDDEN_CONFIRM");
  const base = { taskCode: r.task.code, unitChannel: r.unit.slackChannel, reporter: r.reporter };
  if (r.confirmation === "CONFIRMED") return { kind: "already", ...base };
  if (r.confirmation !== "PENDING") throw new AppError("REPORT_NOT_PENDING", { code: r.task.code });
  if (!(await isLatestOfUnit(prisma, r))) throw new AppError("REPORT_SUPERSEDED", { code: r.task.code });
  const confirmed = await prisma.$transaction(async (tx) => {
    const u = await tx.progressReport.updateMany({ where: { id: r.id, confirmation: "PENDING" }, data: { confirmation: "CONFIRMED", confirmedBy: userId, confirmedAt: at } });
    if (u.count === 0) return false;
    // Done on the day it was reported done, as the staff member reported it.
    await tx.task.updateMany({ where: { id: r.taskId, completedOn: null }, data: { completedOn: r.reportedOn, percent: r.percent } });
    await tx.auditEntry.create({
      data: { actor: `slack:${userId}`, action: "report.confirm", entity: "ProgressReport", entityId: String(r.id), at, detail: { taskId: r.taskId, unitId: r.unitId } },
    });
    return true;
  });
  return { kind: confirmed ? "confirmed" : "already", ...base };
}

/** The report a correction form is about, checked for the caller before it opens. */
export async function reportForCorrection(prisma: PrismaClient, userId: string, reportId: number) {
  const member = await activeMember(prisma, userId);
  const r = await reportOrThrow(prisma, reportId);
  if (!canCorrectReport(actorOf(member), r)) throw new AppError("FORBIDDEN_CORRECT");
  if (r.confirmation === "CORRECTED" || !(await isLatestOfUnit(prisma, r))) throw new AppError("REPORT_SUPERSEDED", { code: r.task.code });
  return {
    report: { id: r.id, percent: r.percent, done: r.done, note: r.note, reporter: r.reporter, reportedAt: r.reportedAt },
    task: r.task,
    unit: { code: r.unit.code, name: r.unit.name },
  };
}

export type CorrectionResult =
  | { kind: "duplicate" }
  | { kind: "corrected"; taskCode: string; from: number; to: number; done: boolean; reason: string; unitChannel: string | null; reporter: string };

/** The unit lead corrects the unit's latest report on a task; a drop of more than the set amount needs a reason. */
export async function correctReport(options: {
  prisma: PrismaClient;
  userId: string;
  reportId: number;
  percent: number;
  done: boolean;
  reason: string;
  requestKey: string;
  at: Date;
}): Promise<CorrectionResult> {
  const { prisma, userId, at, requestKey } = options;
  const earlier = await prisma.progressReport.findUnique({ where: { requestKey }, select: { id: true } });
  if (earlier) return { kind: "duplicate" };
  const { report, task } = await reportForCorrection(prisma, userId, options.reportId);
  const member = await activeMember(prisma, userId);
  const reason = options.reason.trim();
  if (reason.length > CORRECTION_REASON_MAX) throw new AppError("TEXT_TOO_LONG", { max: CORRECTION_REASON_MAX });
  if (dropNeedsReason(report.percent, options.percent) && reason === "") {
    throw new AppError("REASON_REQUIRED_FOR_DROP", { from: report.percent, to: options.percent, max: PERCENT_DROP_NEEDS_REASON });
  }
  const r = await prisma.progressReport.findUniqueOrThrow({ where: { id: report.id }, select: { unitId: true, unit: { select: { slackChannel: true } } } });
  const saved = await reportProgress(prisma, {
    taskId: task.id,
    unitId: r.unitId,
    memberId: member.id,
    reporter: userId,
    percent: options.percent,
    done: options.done,
    note: reason,
    at,
    source: "SLACK",
    requestKey,
    actor: actorOf(member),
    correctsId: report.id,
  });
  if (saved.duplicate) return { kind: "duplicate" };
  return {
    kind: "corrected",
    taskCode: task.code,
    from: report.percent,
    to: options.percent,
    done: saved.report.done,
    reason,
    unitChannel: r.unit.slackChannel,
    reporter: report.reporter,
  };
}

/** A unit's completions waiting for its lead, oldest first. */
export async function pendingCompletions(prisma: PrismaClient, unitId: number, limit = 10): Promise<PendingCompletion[]> {
  const rows = await prisma.progressReport.findMany({
    where: { unitId, confirmation: "PENDING" },
    include: { task: { select: { id: true, code: true, title: true } }, unit: { select: { code: true, name: true } } },
    orderBy: { reportedAt: "asc" },
    take: limit,
  });
  return rows.map((r) => ({ reportId: r.id, task: r.task, unit: r.unit, reporter: r.reporter, percent: r.percent, note: r.note, reportedAt: r.reportedAt }));
}
