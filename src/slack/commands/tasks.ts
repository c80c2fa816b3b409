import { fold } from "../../domain/text.js";
import { ALL_UNITS, taskList } from "../../services/task-list.js";
import { taskListMessage } from "../../views/task-list.js";
import { registered, today } from "../context.js";
import { parseTaskListArgs } from "./parse.js";
import type { CommandHandler } from "./types.js";

/** "tatca", "tất cả", "all" as the first word(s): every unit's tasks (issue 13); the rest is the filter. */
function acrossUnits(rest: string): string | null {
  const words = rest.trim().split(/\s+/);
  if (["tatca", "all"].includes(fold(words[0] ?? ""))) return words.slice(1).join(" ");
  if (fold(words[0] ?? "") === "tat" && fold(words[1] ?? "") === "ca") return words.slice(2).join(" ");
  return null;
}

/**
 * `/kehoach viec [ĐƠN VỊ] [quá hạn | sắp đến hạn]`: a unit's tasks, the
 * caller's by default; `/kehoach viec tatca [quahan|sapden]`: every unit's,
 * for the Office and leadership.
 */
export const tasks: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  const all = acrossUnits(rest);
  const args = all === null ? parseTaskListArgs(rest) : { unit: ALL_UNITS.code, filter: parseTaskListArgs(all).filter };
  const model = await taskList(deps.prisma, { viewer: c, unit: args.unit, filter: args.filter, page: 0, today: today(deps) });
  return taskListMessage(model, c.lang);
};
