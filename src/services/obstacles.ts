// Obstacles (khó khăn, vướng mắc) a unit raises to the Office about a task.
import type { PrismaClient } from "../db/database.js";

export async function raiseObstacle(
  prisma: PrismaClient,
  input: { taskId: number; unitId: number; raisedBy: string; text: string; at: Date },
) {
  return prisma.$transaction(async (tx) => {
    const obstacle = await tx.obstacle.create({
      data: { taskId: input.taskId, unitId: input.unitId, raisedBy: input.raisedBy, text: input.text, raisedAt: input.at },
    });
    await tx.auditEntry.create({
      data: { actor: input.raisedBy, action: "obstacle.raise", entity: "Obstacle", entityId: String(obstacle.id), at: input.at, detail: { taskId: input.taskId, unitId: input.unitId } },
    });
    return obstacle;
  });
}

/** Channels of the Office units, where obstacles are announced. */
export async function officeChannels(prisma: PrismaClient): Promise<string[]> {
  const units = await prisma.unit.findMany({ where: { kind: "OFFICE", active: true, slackChannel: { not: null } }, select: { slackChannel: true } });
  return units.map((u) => u.slackChannel!);
}
