import { taskList } from "../../services/task-list.js";
import { taskListMessage } from "../../views/task-list.js";
import { registered, today } from "../context.js";
import { parseTaskListArgs } from "./parse.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach viec [ĐƠN VỊ] [quá hạn | sắp đến hạn]`: a unit's tasks, the caller's by default. */
export const tasks: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  const args = parseTaskListArgs(rest);
  const model = await taskList(deps.prisma, { viewer: c, unit: args.unit, filter: args.filter, page: 0, today: today(deps) });
  return taskListMessage(model, c.lang);
};
