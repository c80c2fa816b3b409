import { canRaiseObstacle } from "../../domain/permissions.js";
import { AppError } from "../../errors.js";
import { findTask } from "../../services/find-task.js";
import { officeChannels, raiseObstacle } from "../../services/obstacles.js";
import { obstacleRaised, obstacleSaved } from "../../views/notices.js";
import { registered } from "../context.js";
import type { CommandHandler } from "./types.js";
import { errorInfo } from "../../log.js";

const USAGE = "/kehoach vuongmac II.2.c.2 Chưa nhận được đề nghị của Viện";

/** `/kehoach vuongmac MÃ nội dung`: raises an obstacle to the Office, which is notified. */
export const obstacle: CommandHandler = async ({ deps, caller, rest, client }) => {
  const c = registered(caller);
  const [code, ...words] = rest.trim().split(" ");
  const text = words.join(" ").trim();
  if (!code || !text) throw new AppError("BAD_ARGUMENT", { vi: "Cần mã nhiệm vụ và nội dung vướng mắc.", en: "Give the task code and what the obstacle is.", usage: USAGE });
  if (text.length > 2000) throw new AppError("BAD_ARGUMENT", { vi: "Nội dung quá dài (tối đa 2.000 ký tự).", en: "The text is too long (2,000 characters at most).", usage: USAGE });
  const task = await findTask(deps.prisma, code);
  const assignments = await deps.prisma.assignment.findMany({ where: { taskId: task.id } });
  if (!canRaiseObstacle(c.actor, assignments)) throw new AppError("FORBIDDEN_REPORT", { code: task.code });
  const unit = c.member.unit!;
  const saved = await raiseObstacle(deps.prisma, { taskId: task.id, unitId: unit.id, raisedBy: c.userId, text, at: deps.now() });
  const plan = await deps.prisma.plan.findUniqueOrThrow({ where: { id: task.planId } });
  const notice = obstacleRaised(
    { id: saved.id, task: { code: task.code, title: task.title, planNumber: plan.number }, unit: { code: unit.code, name: unit.name }, raisedBy: c.userId, text },
    "vi",
  );
  // The obstacle is saved; a failed notice is logged, not shown as a failure.
  for (const channel of await officeChannels(deps.prisma)) {
    await client.chat.postMessage({ channel, ...notice }).catch((err: unknown) => deps.log.error({ err: errorInfo(err), channel }, "could not notify the Office"));
  }
  return obstacleSaved(c.lang, task.code);
};
