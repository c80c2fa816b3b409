import { AppError } from "../../errors.js";
import { taskForExtension } from "../../services/extensions.js";
import { findTask } from "../../services/find-task.js";
import { extensionModal } from "../../views/extensions.js";
import { registered } from "../context.js";
import { formMetadata } from "../direction-kit.js";
import type { CommandHandler } from "./types.js";

const USAGE = "/kehoach giahan II.2.c.2";

/** `/kehoach giahan MÃ`: the lead unit's lead opens the extension request form (checked first, and again on submission). */
export const extension: CommandHandler = async ({ deps, caller, rest, client, triggerId, channelId }) => {
  const c = registered(caller);
  const code = rest.trim().split(" ")[0];
  if (!code) throw new AppError("TASK_CODE_MISSING", { usage: USAGE });
  const task = await findTask(deps.prisma, code);
  const { task: t } = await taskForExtension(deps.prisma, c.userId, task.id);
  await client.views.open({ trigger_id: triggerId, view: extensionModal(t, formMetadata({ id: t.id, l: c.lang, ...(/^[CG]/.test(channelId) ? { c: channelId } : {}) }), c.lang) });
  return null;
};
