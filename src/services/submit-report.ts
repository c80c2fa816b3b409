// Submitting a progress report (the report form's use case): checks the
// form, checks that the member may report on the task by the same rule that
// built the form's task list, records the report once per submission, and
// returns what to announce. Field errors come back as AppErrors per field,
// in no language: the listener words them for the user.
import { z } from "zod";
import type { PrismaClient } from "../db/database.js";
import { localDay } from "../domain/day.js";
import { reportingRole } from "../domain/permissions.js";
import { taskStatus } from "../domain/status.js";
import { sanitizeText } from "../domain/text.js";
import { AppError } from "../errors.js";
import type { ReportPostedModel } from "../models/index.js";
import { decimalInt, IdValue } from "./input.js";
import { memberBySlackId, type MemberWithUnit } from "./members.js";
import { doneNeeds100, reportProgress } from "./report-progress.js";
import { reportableTaskWhere } from "./reportable-tasks.js";
import { timingOf } from "./task-timing.js";

/** The form's note limit (its max_length, src/views/report-modal.ts NOTE_MAX_LENGTH, is the same; a test checks). */
export const NOTE_MAX = 3_000;
export const LINKS_MAX = 20;

export type ReportField = "task" | "percent" | "done" | "note" | "evidence";
export type FieldErrors = Partial<Record<ReportField, AppError>>;

/** The form as Slack sends it: what was typed or chosen, unchecked. */
export interface ReportForm {
  task?: string | null;
  percent?: string | null;
  done: boolean;
  note?: string | null;
  evidence?: string | null;
}

export interface ReportInput {
  taskId: number;
  percent: number;
  done: boolean;
  note: string;
  links: string[];
}

const Percent = decimalInt(0, 100);
const Link = z.url({ protocol: /^https?$/ });

/** The checks that need no database: cheap enough to answer within Slack's 3 s whatever the load. */
export function checkReportForm(form: ReportForm): { ok: true; input: ReportInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const taskId = IdValue.safeParse(form.task ?? "");
  if (!taskId.success) errors.task = new AppError("TASK_REQUIRED");
  const percent = Percent.safeParse(form.percent ?? "");
  if (!percent.success)
    errors.percent = (form.percent ?? "").trim() === "" ? new AppError("PERCENT_REQUIRED") : new AppError("PERCENT_RANGE", { value: String(form.percent).slice(0, 20) });
  else if (doneNeeds100(form.done, percent.data)) errors.percent = new AppError("DONE_NEEDS_100", { percent: percent.data });
  const note = sanitizeText(form.note ?? "").trim();
  if (note.length > NOTE_MAX) errors.note = new AppError("TEXT_TOO_LONG", { max: NOTE_MAX });
  const links = sanitizeText(form.evidence ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const bad = links.find((l) => !Link.safeParse(l).success);
  if (bad) errors.evidence = new AppError("LINK_INVALID", { link: bad.slice(0, 60) });
  else if (links.length > LINKS_MAX) errors.evidence = new AppError("LINKS_TOO_MANY", { max: LINKS_MAX });
  if (!taskId.success || !percent.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { taskId: taskId.data, percent: percent.data, done: form.done, note, links } };
}

export type SubmitReportResult =
  | { kind: "errors"; errors: FieldErrors; locale: string | null }
  /** The same submission was recorded before (a replay or a double click): nothing was written, nothing is to be announced. */
  | { kind: "duplicate"; taskCode: string; locale: string | null }
  | {
      kind: "saved";
      locale: string | null;
      member: MemberWithUnit;
      /** The unit's channel, where the report is announced, if it has one. */
      unitChannel: string | null;
      posted: ReportPostedModel;
    };

export async function submitReport(options: {
  prisma: PrismaClient;
  userId: string;
  form: ReportForm;
  /** src/services/request-key.ts: the same key records once. */
  requestKey: string;
  at: Date;
}): Promise<SubmitReportResult> {
  const { prisma, userId, requestKey, at } = options;
  const checked = checkReportForm(options.form);
  if (!checked.ok) return { kind: "errors", errors: checked.errors, locale: null };
  const input = checked.input;
  // A replay is answered as the first was, whatever changed since.
  const earlier = await prisma.progressReport.findUnique({ where: { requestKey }, select: { task: { select: { code: true } } } });
  const member = await memberBySlackId(prisma, userId);
  const locale = member?.locale ?? null;
  if (earlier) return { kind: "duplicate", taskCode: earlier.task.code, locale };
  if (!member?.active) return { kind: "errors", errors: { task: new AppError("NOT_REGISTERED") }, locale };
  const unit = member.unit;
  if (!unit) return { kind: "errors", errors: { task: new AppError("NO_UNIT") }, locale };
  const task = await prisma.task.findFirst({ where: { id: input.taskId, ...reportableTaskWhere(unit.id) }, include: { assignments: true, plan: true } });
  const role = task ? reportingRole({ role: member.role, unitId: member.unitId, active: member.active }, task.assignments) : null;
  if (!task || !role) {
    const named = await prisma.task.findUnique({ where: { id: input.taskId }, select: { code: true } });
    return { kind: "errors", errors: { task: new AppError("TASK_NOT_REPORTABLE", { code: named?.code ?? `#${input.taskId}` }) }, locale };
  }
  const saved = await reportProgress(prisma, {
    taskId: task.id,
    unitId: unit.id,
    memberId: member.id,
    reporter: userId,
    percent: input.percent,
    done: input.done,
    note: input.note,
    evidenceLinks: input.links,
    at,
    source: "SLACK",
    requestKey,
    actor: { role: member.role, unitId: member.unitId, active: member.active },
  });
  if (saved.duplicate) return { kind: "duplicate", taskCode: task.code, locale };
  return {
    kind: "saved",
    locale,
    member,
    unitChannel: unit.slackChannel,
    posted: {
      task: { code: task.code, title: task.title, planNumber: task.plan.number },
      unit: { code: unit.code, name: unit.name },
      role,
      reporter: userId,
      percent: input.percent,
      done: saved.report.done,
      note: input.note,
      evidenceLinks: input.links,
      status: taskStatus(timingOf(saved.task), localDay(at)),
      reportId: saved.report.id,
      pendingConfirmation: saved.report.confirmation === "PENDING",
    },
  };
}
