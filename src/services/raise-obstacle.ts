// Raising an obstacle (the `/kehoach vuongmac` use case): finds the task,
// checks that the caller's unit leads or cooperates on it, records the
// obstacle once per command, and returns what to tell the Office.
import type { PrismaClient } from "../db/database.js";
import { canRaiseObstacle, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import type { ObstacleRaisedModel } from "../models/index.js";
import { findTask } from "./find-task.js";
import { officeChannels, raiseObstacle } from "./obstacles.js";

export type RaiseObstacleResult =
  /** The same command was recorded before (a replay): nothing was written, nobody is to be told again. */
  { kind: "duplicate"; taskCode: string } | { kind: "raised"; taskCode: string; notice: ObstacleRaisedModel; officeChannels: string[]; unitChannel: string | null };

/** What an obstacle may say, at most (characters). */
export const OBSTACLE_TEXT_MAX = 2_000;

/** Throws AppError (TEXT_TOO_LONG, NO_UNIT, TASK_NOT_FOUND, FORBIDDEN_REPORT) when the obstacle cannot be raised. */
export async function raiseObstacleOnTask(options: {
  prisma: PrismaClient;
  caller: { userId: string; actor: Actor; unit: { id: number; code: string; name: string } | null };
  taskRef: string;
  /** Already sanitised (the command's text). */
  text: string;
  /** src/services/request-key.ts: the same key records once. */
  requestKey: string;
  at: Date;
}): Promise<RaiseObstacleResult> {
  const { prisma, caller, requestKey } = options;
  if (options.text.length > OBSTACLE_TEXT_MAX) throw new AppError("TEXT_TOO_LONG", { max: OBSTACLE_TEXT_MAX });
  const unit = caller.unit;
  if (!unit) throw new AppError("NO_UNIT");
  const earlier = await prisma.obstacle.findUnique({ where: { requestKey }, select: { task: { select: { code: true } } } });
  if (earlier) return { kind: "duplicate", taskCode: earlier.task.code };
  const task = await findTask(prisma, options.taskRef);
  const assignments = await prisma.assignment.findMany({ where: { taskId: task.id } });
  if (!canRaiseObstacle(caller.actor, assignments)) throw new AppError("FORBIDDEN_REPORT", { code: task.code });
  const saved = await raiseObstacle(prisma, { taskId: task.id, unitId: unit.id, raisedBy: caller.userId, text: options.text, at: options.at, requestKey });
  if (saved.duplicate) return { kind: "duplicate", taskCode: task.code };
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: task.planId }, select: { number: true } });
  return {
    kind: "raised",
    taskCode: task.code,
    notice: {
      id: saved.obstacle.id,
      task: { code: task.code, title: task.title, planNumber: plan.number },
      unit: { code: unit.code, name: unit.name },
      raisedBy: caller.userId,
      text: options.text,
    },
    officeChannels: await officeChannels(prisma),
    // The notice in the unit's own channel opens the thread leadership's direction goes to.
    unitChannel: (await prisma.unit.findUnique({ where: { id: unit.id }, select: { slackChannel: true } }))?.slackChannel ?? null,
  };
}
