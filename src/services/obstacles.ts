// Obstacles (khó khăn, vướng mắc) a unit raises to the Office about a task.
import type { PrismaClient } from "../db/database.js";
import { isUniqueViolation } from "./request-key.js";

/**
 * Records an obstacle with its audit entry; with a request key already used
 * (a replayed command, or a copy that lost the race), returns the first
 * obstacle with `duplicate: true` and writes nothing.
 */
export async function raiseObstacle(prisma: PrismaClient, input: { taskId: number; unitId: number; raisedBy: string; text: string; at: Date; requestKey?: string | null }) {
  try {
    const obstacle = await prisma.$transaction(async (tx) => {
      const obstacle = await tx.obstacle.create({
        data: { taskId: input.taskId, unitId: input.unitId, raisedBy: input.raisedBy, text: input.text, raisedAt: input.at, requestKey: input.requestKey ?? null },
      });
      await tx.auditEntry.create({
        data: {
          actor: input.raisedBy,
          action: "obstacle.raise",
          entity: "Obstacle",
          entityId: String(obstacle.id),
          at: input.at,
          detail: { taskId: input.taskId, unitId: input.unitId },
        },
      });
      return obstacle;
    });
    return { obstacle, duplicate: false };
  } catch (err) {
    const key = input.requestKey;
    if (!key || !isUniqueViolation(err)) throw err;
    const obstacle = await prisma.obstacle.findUnique({ where: { requestKey: key } });
    if (!obstacle) throw err;
    return { obstacle, duplicate: true };
  }
}

/** Channels of the Office units, where obstacles are announced. */
export async function officeChannels(prisma: PrismaClient): Promise<string[]> {
  const units = await prisma.unit.findMany({ where: { kind: "OFFICE", active: true, slackChannel: { not: null } }, select: { slackChannel: true } });
  return units.map((u) => u.slackChannel!);
}
