// Deadline extensions (đề nghị gia hạn, issue 13): the lead unit's lead asks
// for a new deadline with a reason; leadership approves or declines it. An
// approved deadline becomes Task.dueOn from the day of approval on; the
// plan's own deadline is kept in Task.originalDueOn and still judges the
// days before (effectiveDue in src/domain/status.ts, and its SQL twin), so
// every count uses the approved deadline through the one status function.
// Nothing else in Slack moves a deadline.
import type { PrismaClient } from "../db/database.js";
import { formatVnDate, fromDate, localDay, toDate, type Day } from "../domain/day.js";
import { canDecideExtension, canRequestExtension } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import type { ExtensionItem } from "../models/direction.js";
import { actorOf, activeMember } from "./obstacle-life.js";
import { isUniqueViolation } from "./request-key.js";

export const EXTENSION_REASON_MAX = 2_000;

const include = { task: { select: { id: true, code: true, title: true, dueLabel: true } }, unit: { select: { code: true, name: true, slackChannel: true } } } as const;

type Stored = NonNullable<Awaited<ReturnType<typeof load>>>;
const load = (prisma: PrismaClient, id: number) => prisma.deadlineExtension.findUnique({ where: { id }, include });

export function extensionItem(e: Stored): ExtensionItem {
  return {
    id: e.id,
    task: e.task,
    unit: { code: e.unit.code, name: e.unit.name },
    requestedBy: e.requestedBy,
    requestedAt: e.requestedAt,
    fromDueOn: fromDate(e.fromDueOn),
    toDueOn: fromDate(e.toDueOn),
    reason: e.reason,
    state: e.state,
    decidedBy: e.decidedBy,
  };
}

/** The task an extension form is for, checked for the caller before the form opens. */
export async function taskForExtension(prisma: PrismaClient, userId: string, taskId: number) {
  const member = await activeMember(prisma, userId);
  const task = await prisma.task.findFirst({ where: { id: taskId, archivedAt: null }, include: { assignments: true } });
  if (!task) throw new AppError("TASK_NOT_FOUND", { code: `#${taskId}` });
  if (!canRequestExtension(actorOf(member), task.assignments)) {
    throw new AppError("FORBIDDEN_EXTENSION_REQUEST", { code: task.code });
  }
  if (task.dueOn === null) throw new AppError("EXTENSION_NO_DEADLINE", { code: task.code, label: task.dueLabel });
  const pending = await prisma.deadlineExtension.findFirst({ where: { taskId: task.id, state: "PENDING" } });
  if (pending) throw new AppError("EXTENSION_PENDING", { code: task.code, to: formatVnDate(fromDate(pending.toDueOn)) });
  return {
    task: {
      id: task.id,
      code: task.code,
      title: task.title,
      dueLabel: task.dueLabel,
      dueOn: fromDate(task.dueOn),
      originalDueOn: task.originalDueOn ? fromDate(task.originalDueOn) : null,
    },
    member,
  };
}

export type RequestResult = { kind: "duplicate" } | { kind: "requested"; extension: ExtensionItem; leaders: string[] };

export async function requestExtension(options: {
  prisma: PrismaClient;
  userId: string;
  taskId: number;
  toDueOn: Day;
  reason: string;
  requestKey: string;
  at: Date;
}): Promise<RequestResult> {
  const { prisma, userId, requestKey, at } = options;
  if (await prisma.deadlineExtension.findUnique({ where: { requestKey }, select: { id: true } })) return { kind: "duplicate" };
  const { task, member } = await taskForExtension(prisma, userId, options.taskId);
  const reason = options.reason.trim();
  if (reason === "") throw new AppError("EXTENSION_REASON_REQUIRED");
  if (reason.length > EXTENSION_REASON_MAX) throw new AppError("TEXT_TOO_LONG", { max: EXTENSION_REASON_MAX });
  const today = localDay(at);
  if (options.toDueOn <= task.dueOn || options.toDueOn <= today) {
    throw new AppError("EXTENSION_NOT_LATER", { to: formatVnDate(options.toDueOn), from: formatVnDate(task.dueOn), today: formatVnDate(today) });
  }
  let created: Stored;
  try {
    created = await prisma.$transaction(async (tx) => {
      const e = await tx.deadlineExtension.create({
        data: {
          taskId: task.id,
          unitId: member.unitId!,
          requestedBy: userId,
          requestedAt: at,
          fromDueOn: toDate(task.dueOn),
          toDueOn: toDate(options.toDueOn),
          reason,
          requestKey,
        },
        include,
      });
      await tx.auditEntry.create({
        data: {
          actor: `slack:${userId}`,
          action: "extension.request",
          entity: "DeadlineExtension",
          entityId: String(e.id),
          at,
          detail: { taskId: task.id, from: task.dueOn, to: options.toDueOn, reason },
        },
      });
      return e;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: "duplicate" };
    throw err;
  }
  const leaders = await prisma.member.findMany({ where: { role: "LEADERSHIP", active: true }, orderBy: { id: "asc" }, select: { slackUserId: true } });
  return { kind: "requested", extension: extensionItem(created), leaders: leaders.map((l) => l.slackUserId) };
}

export type DecisionResult = { kind: "decided" | "already"; extension: ExtensionItem; unitChannel: string | null; originalDueOn: Day | null };

/** Leadership approves or declines; a second click changes nothing and says who decided. */
export async function decideExtension(options: { prisma: PrismaClient; userId: string; extensionId: number; approve: boolean; at: Date }): Promise<DecisionResult> {
  const { prisma, userId, at, approve } = options;
  const member = await activeMember(prisma, userId);
  if (!canDecideExtension(actorOf(member))) throw new AppError("FORBIDDEN_EXTENSION_DECISION");
  const e = await load(prisma, options.extensionId);
  if (!e) throw new AppError("EXTENSION_NOT_FOUND", { id: options.extensionId });
  const decided = await prisma.$transaction(async (tx) => {
    const u = await tx.deadlineExtension.updateMany({
      where: { id: e.id, state: "PENDING" },
      data: { state: approve ? "APPROVED" : "DECLINED", decidedBy: userId, decidedAt: at },
    });
    if (u.count === 0) return false;
    if (approve) {
      const task = await tx.task.findUniqueOrThrow({ where: { id: e.taskId } });
      await tx.task.update({ where: { id: e.taskId }, data: { dueOn: e.toDueOn, originalDueOn: task.originalDueOn ?? task.dueOn, dueMovedOn: toDate(localDay(at)) } });
    }
    await tx.auditEntry.create({
      data: {
        actor: `slack:${userId}`,
        action: approve ? "extension.approve" : "extension.decline",
        entity: "DeadlineExtension",
        entityId: String(e.id),
        at,
        detail: { taskId: e.taskId, from: fromDate(e.fromDueOn), to: fromDate(e.toDueOn) },
      },
    });
    return true;
  });
  const now = (await load(prisma, e.id))!;
  const task = await prisma.task.findUniqueOrThrow({ where: { id: e.taskId }, select: { originalDueOn: true } });
  if (!decided && now.state !== "PENDING" && now.decidedBy === userId && now.state === (approve ? "APPROVED" : "DECLINED")) {
    return { kind: "already", extension: extensionItem(now), unitChannel: now.unit.slackChannel, originalDueOn: task.originalDueOn ? fromDate(task.originalDueOn) : null };
  }
  if (!decided) throw new AppError("EXTENSION_DECIDED", { id: e.id, state: now.state, by: now.decidedBy ? `<@${now.decidedBy}>` : "" });
  return { kind: "decided", extension: extensionItem(now), unitChannel: now.unit.slackChannel, originalDueOn: task.originalDueOn ? fromDate(task.originalDueOn) : null };
}

/** Requests waiting for leadership, oldest first. */
export async function pendingExtensions(prisma: PrismaClient, options: { planIds?: number[]; limit?: number } = {}) {
  const where = { state: "PENDING" as const, ...(options.planIds ? { task: { planId: { in: options.planIds } } } : {}) };
  const [rows, total] = await Promise.all([
    prisma.deadlineExtension.findMany({ where, include, orderBy: { requestedAt: "asc" }, take: options.limit ?? 10 }),
    prisma.deadlineExtension.count({ where }),
  ]);
  return { extensions: rows.map(extensionItem), total };
}
