import { findTask } from "../../services/find-task.js";
import { registered } from "../context.js";
import { openReportModal } from "../report-modal.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach baocao [MÃ]`: opens the progress-report modal. */
export const report: CommandHandler = async ({ deps, caller, rest, client, triggerId, channelId }) => {
  const c = registered(caller);
  const code = rest.trim().split(" ")[0];
  const task = code ? await findTask(deps.prisma, code) : null;
  await openReportModal(deps, client, c, { triggerId, taskId: task?.id ?? null, channelId });
  return null;
};
