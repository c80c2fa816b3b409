import { AppError } from "../../errors.js";
import { findTask } from "../../services/find-task.js";
import { taskDetail } from "../../services/task-detail.js";
import { taskDetailMessage } from "../../views/task-detail.js";
import { registered, today } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach xem MÃ`: one task in full. */
export const show: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  const code = rest.trim().split(" ")[0];
  if (!code) throw new AppError("TASK_CODE_MISSING", { usage: "/kehoach xem II.2.c.2" });
  const task = await findTask(deps.prisma, code);
  return taskDetailMessage(await taskDetail(deps.prisma, task.id, { today: today(deps), viewer: c.actor }), c.lang);
};
