import type { PrismaClient } from "../../db/database.js";
import { AppError } from "../../errors.js";
import { unitTaskSummaries } from "../../services/task-summaries.js";
import { successorsOf, UnitResolver } from "../../services/unit-resolver.js";
import type { TaskFilter, TaskListModel } from "../../views/models.js";
import { taskListMessage } from "../../views/task-list.js";
import { registered, today, type RegisteredCaller, type SlackDeps } from "../context.js";
import { parseTaskListArgs } from "./parse.js";
import type { CommandHandler } from "./types.js";

export const TASKS_PAGE_SIZE = 10;

/** `/kehoach viec [ĐƠN VỊ] [quá hạn | sắp đến hạn]`: a unit's tasks, the caller's by default. */
export const tasks: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  const args = parseTaskListArgs(rest);
  return taskListMessage(await taskListModel(deps, c, args.unit, args.filter, 0), c.lang);
};

export async function taskListModel(deps: SlackDeps, caller: RegisteredCaller, unitText: string | null, filter: TaskFilter, page: number): Promise<TaskListModel> {
  const unit = await unitFor(deps.prisma, caller, unitText);
  const day = today(deps);
  const { tasks, total } = await unitTaskSummaries(deps.prisma, {
    unitIds: unit.ids,
    filter,
    today: day,
    limit: TASKS_PAGE_SIZE,
    offset: page * TASKS_PAGE_SIZE,
  });
  const pageCount = Math.max(1, Math.ceil(total / TASKS_PAGE_SIZE));
  return {
    unit: { code: unit.code, name: unit.name },
    filter,
    today: day,
    tasks,
    page: Math.min(page, pageCount - 1),
    pageCount,
    totalCount: total,
    // Buttons only on the caller's own unit's list; the modal checks each task again.
    canReport: caller.actor.active && caller.actor.unitId !== null && unit.ids.includes(caller.actor.unitId),
  };
}

/** The unit named, or the caller's; its ids include units merged into it. */
async function unitFor(prisma: PrismaClient, caller: RegisteredCaller, text: string | null) {
  let unit: { id: number; code: string; name: string };
  if (text) {
    const r = (await UnitResolver.load(prisma)).resolve(text);
    if (r?.kind !== "unit") throw new AppError("UNIT_NOT_FOUND", { unit: text });
    unit = r.unit;
  } else {
    if (!caller.member.unit) throw new AppError("NO_UNIT");
    unit = (await successorsOf(prisma, [caller.member.unit.id])).get(caller.member.unit.id) ?? caller.member.unit;
  }
  const merged = await prisma.unit.findMany({ where: { mergedIntoId: unit.id }, select: { id: true } });
  return { ...unit, ids: [unit.id, ...merged.map((m) => m.id)] };
}
