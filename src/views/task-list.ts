// /kehoach viec: one page of a unit's tasks, with a report button on each when
// the viewer may report, and page buttons.
//
// Blocks per page: header, context, two per task (text, buttons), a "more"
// line if the caller sent more than fit, two page buttons and the page line:
// 25 for the ten tasks a page holds (TASK_LIST_PAGE_SIZE), 36 at most whatever
// the caller sends (MAX_TASKS_SHOWN), below Slack's 50. Text:
// each task line is capped (format.ts CAPS) near 550 characters, so ten tasks
// with titles of any length stay near 6,000 of the 11,000 characters a message
// may hold, and fifteen near 9,000.
import type { ActionsBlockElement, KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { actions, button, context, header, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, esc, taskLines } from "./format.js";
import { z } from "zod";
import { parseJsonAs } from "../domain/json.js";
import { TASK_FILTERS, TASK_LIST_PAGE_SIZE, type Lang, type TaskFilter, type TaskListModel } from "../models/index.js";
import { ACTION_IDS } from "./action-ids.js";

/** Tasks a page can show whatever the caller sends; the rest are counted, not shown. */
const MAX_TASKS_SHOWN = 15;

/** The value of a page button: unit code, filter, and the 0-based page to show. */
export interface TasksPageValue {
  u: string;
  f: TaskFilter;
  p: number;
}

export function tasksPageValue(v: TasksPageValue): string {
  return JSON.stringify({ u: v.u, f: v.f, p: v.p });
}

const PageValue = z.object({ u: z.string().max(100), f: z.enum(TASK_FILTERS), p: z.number().int().min(0).max(10_000) });

/** A page button's value as it comes back from Slack (it can be forged): the value tasksPageValue wrote, or null. */
export function parseTasksPageValue(text: string | undefined): TasksPageValue | null {
  return parseJsonAs(PageValue, text);
}

const vi = {
  title: { all: "Nhiệm vụ", overdue: "Nhiệm vụ quá hạn", due_soon: "Nhiệm vụ sắp đến hạn" } satisfies Record<TaskFilter, string>,
  empty: {
    all: "Đơn vị chưa được giao nhiệm vụ nào.",
    overdue: "Không có nhiệm vụ nào quá hạn. 👍",
    due_soon: "Không có nhiệm vụ nào sắp đến hạn trong 14 ngày tới.",
  } satisfies Record<TaskFilter, string>,
  summary: (total: number, day: string) => `${total} nhiệm vụ · tính đến ngày ${day}`,
  report: "Báo cáo",
  show: "Xem",
  prev: "◀ Trước",
  next: "Sau ▶",
  page: (page: number, count: number) => `Trang ${page}/${count}`,
  more: (n: number) => `… và ${n} nhiệm vụ khác không hiện ở đây.`,
};

const en: typeof vi = {
  title: { all: "Tasks", overdue: "Overdue tasks", due_soon: "Tasks due soon" },
  empty: {
    all: "This unit has no tasks.",
    overdue: "No overdue tasks. 👍",
    due_soon: "No tasks due in the next 14 days.",
  },
  summary: (total, day) => `${total} tasks · as of ${day}`,
  report: "Report",
  show: "View",
  prev: "◀ Previous",
  next: "Next ▶",
  page: (page, count) => `Page ${page}/${count}`,
  more: (n) => `… and ${n} more tasks not shown here.`,
};

const STRINGS = { vi, en };

export function taskListMessage(model: TaskListModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const title = `${s.title[model.filter]} · ${model.unit.code}`;
  const blocks: KnownBlock[] = [header(title), context(`${esc(model.unit.name, CAPS.unitName)} · ${s.summary(model.totalCount, formatVnDate(model.today))}`)];

  if (model.tasks.length === 0) blocks.push(section(s.empty[model.filter]));

  const shown = model.tasks.slice(0, MAX_TASKS_SHOWN);
  for (const task of shown) {
    const id = String(task.id);
    const buttons: ActionsBlockElement[] = [];
    if (model.canReport) buttons.push(button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: id, style: "primary" }));
    buttons.push(button({ text: s.show, actionId: ACTION_IDS.taskShow, value: id }));
    blocks.push(section(taskLines(task, lang)), actions(buttons));
  }
  if (shown.length < model.tasks.length) blocks.push(context(s.more(model.tasks.length - shown.length)));

  if (model.pageCount > 1) {
    const at = (p: number) => tasksPageValue({ u: model.unit.code, f: model.filter, p });
    if (model.page > 0) blocks.push(actions([button({ text: s.prev, actionId: ACTION_IDS.tasksPage, value: at(model.page - 1) })]));
    if (model.page < model.pageCount - 1) blocks.push(actions([button({ text: s.next, actionId: ACTION_IDS.tasksPage, value: at(model.page + 1) })]));
    blocks.push(context(s.page(model.page + 1, model.pageCount)));
  }

  const fallback =
    model.tasks.length === 0 ? s.empty[model.filter] : `${s.title[model.filter]} · ${esc(model.unit.code, CAPS.code)}: ${s.summary(model.totalCount, formatVnDate(model.today))}`;
  return message(fallback, blocks, lang);
}
