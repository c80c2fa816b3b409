// Records a unit's progress report on a task and keeps the task's progress
// columns (percent, first/last report day, completion day) in step, in one
// transaction with the audit entry, so status can be computed in SQL.
import type { PrismaClient } from "../db/database.js";
import { localDay, toDate, fromDate } from "../domain/day.js";
import { periodOf } from "../domain/period.js";
import { completionNeedsConfirmation, type Actor } from "../domain/permissions.js";
import { isUniqueViolation } from "./request-key.js";

export interface ProgressInput {
  taskId: number;
  unitId: number;
  reporter: string;
  memberId?: number | null;
  percent: number;
  done?: boolean;
  note?: string;
  evidenceLinks?: string[];
  at: Date;
  source?: "SLACK" | "CLI" | "IMPORT" | "DEMO";
  /** What Slack gave for the request (src/services/request-key.ts): the same key records once. */
  requestKey?: string | null;
  /**
   * Who reported, as stored: a staff member's completion waits for the unit
   * lead (completionNeedsConfirmation). Absent (the CLI, imports, the demo): counts at once.
   */
  actor?: Actor;
  /** A unit lead's correction of this report (which is kept, marked corrected); `note` holds the reason. */
  correctsId?: number;
}

/** A done report means 100 %: the one place that says so (the form's check and the write both ask it). */
export const doneNeeds100 = (done: boolean, percent: number) => done && percent !== 100;

/**
 * Saves the report, or, when a report with the same request key exists (a
 * replay, or a copy that lost the race), returns that one with
 * `duplicate: true` and writes nothing.
 */
export async function reportProgress(prisma: PrismaClient, input: ProgressInput) {
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) {
    throw new RangeError(`percent out of range: ${input.percent}`); // callers validate user input first
  }
  if (doneNeeds100(Boolean(input.done), input.percent)) throw new RangeError(`done at ${input.percent}%`);
  try {
    return { ...(await save(prisma, input)), duplicate: false };
  } catch (err) {
    const key = input.requestKey;
    if (!key || !isUniqueViolation(err)) throw err;
    const report = await prisma.progressReport.findUnique({ where: { requestKey: key }, include: { task: true } });
    if (!report) throw err;
    const { task, ...rest } = report;
    return { report: rest, task, duplicate: true };
  }
}

async function save(prisma: PrismaClient, input: ProgressInput) {
  const day = localDay(input.at);
  return prisma.$transaction(async (tx) => {
    const task = await tx.task.findUniqueOrThrow({ where: { id: input.taskId }, include: { assignments: true } });
    const lead = task.assignments.some((a) => a.unitId === input.unitId && a.role === "LEAD");
    const done = Boolean(input.done) || (lead && input.percent === 100);
    // A staff member's completion is recorded as reported but completes the task only once confirmed.
    const pending = input.actor ? completionNeedsConfirmation(input.actor, lead ? "LEAD" : "COOPERATING", done) : false;
    const report = await tx.progressReport.create({
      data: {
        taskId: task.id,
        unitId: input.unitId,
        memberId: input.memberId ?? null,
        reporter: input.reporter,
        percent: input.percent,
        done,
        note: input.note ?? "",
        evidenceLinks: input.evidenceLinks ?? [],
        period: periodOf(day, task.cadence ?? "QUARTER").key,
        reportedAt: input.at,
        reportedOn: toDate(day),
        source: input.source ?? "SLACK",
        requestKey: input.requestKey ?? null,
        confirmation: pending ? "PENDING" : "NOT_NEEDED",
        correctsId: input.correctsId ?? null,
      },
    });
    const first = task.firstReportOn ? fromDate(task.firstReportOn) : null;
    const last = task.lastReportOn ? fromDate(task.lastReportOn) : null;
    // Only the lead unit moves the task's percent and completes or reopens it;
    // cooperating units' reports count as activity on the task.
    const updated = await tx.task.update({
      where: { id: task.id },
      data: {
        firstReportOn: toDate(first && first < day ? first : day),
        lastReportOn: toDate(last && last > day ? last : day),
        ...(lead ? { percent: input.percent, completedOn: done ? (pending ? task.completedOn : (task.completedOn ?? toDate(day))) : null } : {}),
      },
    });
    await tx.auditEntry.create({
      data: {
        actor: input.reporter,
        action: "report.create",
        entity: "Task",
        entityId: String(task.id),
        at: input.at,
        detail: { reportId: report.id, unitId: input.unitId, percent: input.percent, done, ...(pending ? { confirmation: "PENDING" } : {}) },
      },
    });
    if (input.correctsId) {
      // The original stays as it was reported; it is marked corrected and the change is audited.
      const original = await tx.progressReport.update({ where: { id: input.correctsId }, data: { confirmation: "CORRECTED" } });
      await tx.auditEntry.create({
        data: {
          actor: input.reporter,
          action: "report.correct",
          entity: "ProgressReport",
          entityId: String(original.id),
          at: input.at,
          detail: { correctionId: report.id, from: { percent: original.percent, done: original.done }, to: { percent: input.percent, done }, reason: input.note ?? "" },
        },
      });
    }
    return { report, task: updated };
  });
}
