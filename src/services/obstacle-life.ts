// The life of an obstacle (khó khăn, vướng mắc): raised (OPEN), leadership
// gives its direction (DIRECTED, "ý kiến chỉ đạo"), then the Office or the
// unit marks it resolved, or the unit withdraws it (both set resolvedAt).
// Each step is one conditional update with its audit entry in one
// transaction, keyed by the request that made it (src/services/request-key.ts):
// a replay or a double submission records once and is answered as the first.
import type { PrismaClient } from "../db/database.js";
import { daysBetween, localDay, type Day } from "../domain/day.js";
import { canCloseObstacle, canDirectObstacle, canRead, seesAcrossUnits, type Actor, type ObstacleOutcome } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import type { DirectionGivenModel, ObstacleClosedModel, ObstacleItem, ObstacleListModel } from "../models/direction.js";
import type { ObstacleRaisedModel } from "../models/index.js";
import { memberBySlackId, type MemberWithUnit } from "./members.js";
import { isUniqueViolation } from "./request-key.js";

export const DIRECTION_MAX = 2_000;
export const CLOSE_NOTE_MAX = 2_000;
const LIST_MAX = 20;

export const actorOf = (m: MemberWithUnit): Actor => ({ role: m.role, unitId: m.unitId, active: m.active });

/** The caller as stored; NOT_REGISTERED unless an active member. */
export async function activeMember(prisma: PrismaClient, userId: string): Promise<MemberWithUnit> {
  const member = await memberBySlackId(prisma, userId);
  if (!member?.active) throw new AppError("NOT_REGISTERED");
  return member;
}

const withTask = { task: { select: { code: true, title: true } }, unit: { select: { code: true, name: true } } } as const;

type StoredObstacle = NonNullable<Awaited<ReturnType<typeof loadObstacle>>>;

async function loadObstacle(prisma: PrismaClient, id: number) {
  return prisma.obstacle.findUnique({ where: { id }, include: withTask });
}

async function obstacleOrThrow(prisma: PrismaClient, id: number): Promise<StoredObstacle> {
  const o = await loadObstacle(prisma, id);
  if (!o) throw new AppError("OBSTACLE_NOT_FOUND", { id });
  return o;
}

function closedError(o: StoredObstacle): AppError {
  return new AppError("OBSTACLE_CLOSED", { id: o.id, state: o.state, by: o.resolvedBy ? `<@${o.resolvedBy}>` : "" });
}

export function obstacleItem(o: StoredObstacle, today: Day): ObstacleItem {
  return {
    id: o.id,
    task: o.task,
    unit: o.unit,
    raisedBy: o.raisedBy,
    text: o.text,
    raisedAt: o.raisedAt,
    days: Math.max(0, daysBetween(localDay(o.raisedAt), today)),
    state: o.state,
    direction: o.direction,
    directedBy: o.directedBy,
  };
}

/**
 * A posted copy of the obstacle's notice, shown in place what became of the
 * obstacle later. `thread`: the copy in the unit's channel, whose thread gets
 * the direction (the first one recorded stays the thread).
 */
export async function recordObstacleNotice(prisma: PrismaClient, id: number, copy: NoticeCopy, options: { thread: boolean }): Promise<void> {
  await prisma.obstacleNotice.createMany({ data: [{ obstacleId: id, channel: copy.channel, ts: copy.ts }], skipDuplicates: true });
  if (options.thread) await prisma.obstacle.updateMany({ where: { id, noticeTs: null }, data: { noticeChannel: copy.channel, noticeTs: copy.ts } });
}

export interface NoticeCopy {
  channel: string;
  ts: string;
}

/** Every posted copy of the notice: those recorded, and the thread's (an obstacle raised before copies were recorded has only that). */
async function noticeCopies(prisma: PrismaClient, o: { id: number; noticeChannel: string | null; noticeTs: string | null }): Promise<NoticeCopy[]> {
  const rows = await prisma.obstacleNotice.findMany({ where: { obstacleId: o.id }, select: { channel: true, ts: true }, orderBy: { id: "asc" } });
  const copies = o.noticeChannel && o.noticeTs ? [{ channel: o.noticeChannel, ts: o.noticeTs }, ...rows] : rows;
  return [...new Map(copies.map((c) => [`${c.channel} ${c.ts}`, c])).values()];
}

/** The obstacle's notice as first posted, to show its new state in place (chat.update). */
async function noticeModel(prisma: PrismaClient, id: number): Promise<ObstacleRaisedModel> {
  const o = await prisma.obstacle.findUniqueOrThrow({
    where: { id },
    include: { unit: { select: { code: true, name: true } }, task: { select: { code: true, title: true, plan: { select: { number: true } } } } },
  });
  return { id: o.id, task: { code: o.task.code, title: o.task.title, planNumber: o.task.plan.number }, unit: o.unit, raisedBy: o.raisedBy, text: o.text };
}

export type DirectionResult =
  | { kind: "duplicate"; obstacleId: number }
  | {
      kind: "directed";
      /** Every copy of the notice, to show in place what became of the obstacle. */
      copies: NoticeCopy[];
      model: DirectionGivenModel;
      notice: ObstacleRaisedModel;
      unitChannel: string | null;
      thread: { channel: string; ts: string } | null;
    };

/** Leadership's direction on an open obstacle. Throws AppError when it may not be given. */
export async function giveDirection(options: { prisma: PrismaClient; userId: string; obstacleId: number; text: string; requestKey: string; at: Date }): Promise<DirectionResult> {
  const { prisma, userId, requestKey, at } = options;
  const earlier = await prisma.obstacle.findUnique({ where: { directionKey: requestKey }, select: { id: true } });
  if (earlier) return { kind: "duplicate", obstacleId: earlier.id };
  const member = await activeMember(prisma, userId);
  if (!canDirectObstacle(actorOf(member))) throw new AppError("FORBIDDEN_DIRECTION");
  const text = options.text.trim();
  if (text === "") throw new AppError("DIRECTION_TEXT_REQUIRED");
  if (text.length > DIRECTION_MAX) throw new AppError("TEXT_TOO_LONG", { max: DIRECTION_MAX });
  const o = await obstacleOrThrow(prisma, options.obstacleId);
  if (o.resolvedAt) throw closedError(o);
  try {
    const written = await prisma.$transaction(async (tx) => {
      const u = await tx.obstacle.updateMany({
        where: { id: o.id, state: "OPEN", resolvedAt: null },
        data: { state: "DIRECTED", direction: text, directedAt: at, directedBy: userId, directionKey: requestKey },
      });
      if (u.count === 0) return false;
      await tx.auditEntry.create({ data: { actor: `slack:${userId}`, action: "obstacle.direct", entity: "Obstacle", entityId: String(o.id), at, detail: { direction: text } } });
      return true;
    });
    if (!written) {
      const now = await obstacleOrThrow(prisma, o.id);
      if (now.directionKey === requestKey) return { kind: "duplicate", obstacleId: o.id };
      if (now.resolvedAt) throw closedError(now);
      throw new AppError("OBSTACLE_DIRECTED", { id: o.id, by: `<@${now.directedBy}>`, direction: (now.direction ?? "").slice(0, 300) });
    }
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: "duplicate", obstacleId: o.id };
    throw err;
  }
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: o.unitId }, select: { slackChannel: true } });
  return {
    kind: "directed",
    model: { obstacle: { id: o.id, task: o.task, unit: o.unit, raisedBy: o.raisedBy, text: o.text }, direction: text, directedBy: userId },
    notice: await noticeModel(prisma, o.id),
    copies: await noticeCopies(prisma, o),
    unitChannel: unit.slackChannel,
    thread: o.noticeChannel && o.noticeTs ? { channel: o.noticeChannel, ts: o.noticeTs } : null,
  };
}

export type CloseResult =
  | { kind: "duplicate"; obstacleId: number }
  | {
      kind: "closed";
      /** Every copy of the notice, to show in place what became of the obstacle. */
      copies: NoticeCopy[];
      model: ObstacleClosedModel;
      notice: ObstacleRaisedModel;
      unitChannel: string | null;
      thread: { channel: string; ts: string } | null;
    };

/** Marks an obstacle resolved (the Office or the unit) or withdrawn (the unit). */
export async function closeObstacle(options: {
  prisma: PrismaClient;
  userId: string;
  obstacleId: number;
  outcome: ObstacleOutcome;
  note: string;
  requestKey: string;
  at: Date;
}): Promise<CloseResult> {
  const { prisma, userId, requestKey, at, outcome } = options;
  const earlier = await prisma.obstacle.findUnique({ where: { closeKey: requestKey }, select: { id: true } });
  if (earlier) return { kind: "duplicate", obstacleId: earlier.id };
  const member = await activeMember(prisma, userId);
  const o = await obstacleOrThrow(prisma, options.obstacleId);
  if (!canCloseObstacle(actorOf(member), o, outcome)) {
    throw new AppError(outcome === "WITHDRAWN" ? "FORBIDDEN_WITHDRAW" : "FORBIDDEN_RESOLVE");
  }
  const note = options.note.trim();
  if (note.length > CLOSE_NOTE_MAX) throw new AppError("TEXT_TOO_LONG", { max: CLOSE_NOTE_MAX });
  if (outcome === "RESOLVED" && note === "") throw new AppError("RESOLUTION_TEXT_REQUIRED");
  if (o.resolvedAt) throw closedError(o);
  try {
    const written = await prisma.$transaction(async (tx) => {
      const u = await tx.obstacle.updateMany({
        where: { id: o.id, resolvedAt: null },
        data: { state: outcome, resolvedAt: at, resolvedBy: userId, resolution: note, closeKey: requestKey },
      });
      if (u.count === 0) return false;
      await tx.auditEntry.create({
        data: {
          actor: `slack:${userId}`,
          action: outcome === "RESOLVED" ? "obstacle.resolve" : "obstacle.withdraw",
          entity: "Obstacle",
          entityId: String(o.id),
          at,
          detail: { note },
        },
      });
      return true;
    });
    if (!written) {
      const now = await obstacleOrThrow(prisma, o.id);
      if (now.closeKey === requestKey) return { kind: "duplicate", obstacleId: o.id };
      throw closedError(now);
    }
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: "duplicate", obstacleId: o.id };
    throw err;
  }
  const unit = await prisma.unit.findUniqueOrThrow({ where: { id: o.unitId }, select: { slackChannel: true } });
  return {
    kind: "closed",
    model: { obstacle: { id: o.id, task: o.task, unit: o.unit }, outcome, note, closedBy: userId },
    notice: await noticeModel(prisma, o.id),
    copies: await noticeCopies(prisma, o),
    unitChannel: unit.slackChannel,
    thread: o.noticeChannel && o.noticeTs ? { channel: o.noticeChannel, ts: o.noticeTs } : null,
  };
}

/** The obstacle a form is about, checked for the caller before the form opens. */
export async function obstacleForForm(prisma: PrismaClient, userId: string, obstacleId: number, purpose: "direct" | ObstacleOutcome, today: Day) {
  const member = await activeMember(prisma, userId);
  const o = await obstacleOrThrow(prisma, obstacleId);
  const actor = actorOf(member);
  if (purpose === "direct" && !canDirectObstacle(actor)) throw new AppError("FORBIDDEN_DIRECTION");
  if (purpose !== "direct" && !canCloseObstacle(actor, o, "RESOLVED") && !canCloseObstacle(actor, o, "WITHDRAWN")) {
    throw new AppError("FORBIDDEN_CLOSE");
  }
  if (o.resolvedAt) throw closedError(o);
  if (purpose === "direct" && o.state !== "OPEN") throw new AppError("OBSTACLE_DIRECTED", { id: o.id, by: `<@${o.directedBy}>`, direction: (o.direction ?? "").slice(0, 300) });
  return { obstacle: obstacleItem(o, today), member, canWithdraw: canCloseObstacle(actor, o, "WITHDRAWN") };
}

/**
 * Obstacles not yet closed, oldest first: every unit's for the Office,
 * leadership and administrators, the caller's unit's for the others.
 * `waitingOnly`: only those still waiting for direction.
 */
export async function openObstacles(prisma: PrismaClient, options: { today: Day; unitId?: number | null; waitingOnly?: boolean; planIds?: number[]; limit?: number }) {
  const where = {
    resolvedAt: null,
    ...(options.waitingOnly ? { state: "OPEN" as const } : {}),
    ...(options.unitId != null ? { unitId: options.unitId } : {}),
    ...(options.planIds ? { task: { planId: { in: options.planIds } } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.obstacle.findMany({ where, include: withTask, orderBy: [{ raisedAt: "asc" }, { id: "asc" }], take: options.limit ?? LIST_MAX }),
    prisma.obstacle.count({ where }),
  ]);
  return { obstacles: rows.map((o) => obstacleItem(o, options.today)), total };
}

/** `/kehoach vuongmac` without arguments. */
export async function obstacleListModel(prisma: PrismaClient, member: MemberWithUnit, today: Day): Promise<ObstacleListModel> {
  const actor = actorOf(member);
  if (!canRead(actor)) throw new AppError("NOT_REGISTERED");
  const all = seesAcrossUnits(actor);
  if (!all && !member.unit) throw new AppError("NO_UNIT");
  const { obstacles, total } = await openObstacles(prisma, { today, unitId: all ? null : member.unitId });
  return { today, scope: all ? "all" : { code: member.unit!.code, name: member.unit!.name }, obstacles, total, canDirect: canDirectObstacle(actor) };
}
