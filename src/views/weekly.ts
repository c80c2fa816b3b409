// What the weekly messages share (the reminder, the digest, the unit's
// summary): the week in words, a task's two lines, a role in bold or
// italics, and counted lists.
import type { KnownBlock } from "@slack/types";
import { daysBetween, type Day } from "../domain/day.js";
import { periodName, ROLE_LABELS } from "../i18n/labels.js";
import { context, lineSections, statusEmoji } from "./blocks.js";
import { CAPS, dueText, esc } from "./format.js";
import { truncate } from "./limits.js";
import type { Lang, TaskSummary } from "../models/index.js";

const vi = {
  due: "Hạn",
  overdueBy: (n: number) => `quá hạn ${n} ngày`,
  dueIn: (n: number) => (n === 0 ? "đến hạn hôm nay" : `còn ${n} ngày`),
};

const en: typeof vi = {
  due: "Due",
  overdueBy: (n) => `${n} ${n === 1 ? "day" : "days"} overdue`,
  dueIn: (n) => (n === 0 ? "due today" : `${n} ${n === 1 ? "day" : "days"} left`),
};

const STRINGS = { vi, en };

/** A title in a weekly message: enough to recognise the task, the code says the rest. */
export const WEEKLY_TITLE_MAX = 200;

const WEEK_KEY = /^(\d{4})-W(\d{1,2})$/;

/** "2023-W38" → "tuần 38/2023" / "week 38 of 2023"; anything else as given (plain text: escape it for mrkdwn). */
export function weekLabel(week: string, lang: Lang): string {
  const m = WEEK_KEY.exec(week.trim());
  if (!m) return truncate(week.trim(), 40, "plain_text");
  return periodName(`${m[1]}-W${m[2]!.padStart(2, "0")}`, lang);
}

/** "*Chủ trì*" in bold, "_Phối hợp_" in italics: who carries the task is seen at a glance. */
export function roleMark(role: TaskSummary["role"], lang: Lang): string | null {
  if (role === null) return null;
  return role === "LEAD" ? `*${ROLE_LABELS.LEAD[lang]}*` : `_${ROLE_LABELS.COOPERATING[lang]}_`;
}

/** "quá hạn 5 ngày" / "còn 7 ngày", from the due day and today; null for ongoing or finished tasks. */
function timeLeft(task: Pick<TaskSummary, "dueOn" | "status">, today: Day, lang: Lang): string | null {
  if (task.dueOn === null || task.status === "DONE_ON_TIME" || task.status === "DONE_LATE") return null;
  const left = daysBetween(today, task.dueOn);
  return left < 0 ? STRINGS[lang].overdueBy(-left) : STRINGS[lang].dueIn(left);
}

/**
 * A task in a weekly message, two lines of mrkdwn:
 *   🔴 *II.2.c.2* Cung cấp danh sách doanh nghiệp cho khảo sát DDCI
 *   *Chủ trì* · Hạn: Quý III/2023 (30/09/2023) · quá hạn 5 ngày · 40%
 */
export function weeklyTaskLines(task: TaskSummary, today: Day, lang: Lang, extra: readonly string[] = []): string {
  const s = STRINGS[lang];
  const facts: string[] = [];
  const role = roleMark(task.role, lang);
  if (role) facts.push(role);
  facts.push(`${s.due}: ${dueText(task, lang)}`);
  const left = timeLeft(task, today, lang);
  if (left) facts.push(left);
  facts.push(`${task.percent}%`, ...extra);
  return `${statusEmoji(task.status)} *${esc(task.code, CAPS.code)}* ${esc(task.title, WEEKLY_TITLE_MAX)}\n${facts.join(" · ")}`;
}

/**
 * lineSections for a list the caller may have sent only the first lines of:
 * `total` is the full size, and the "and N more" line counts both the lines
 * left out for room and those never sent.
 */
export function countedSections(lines: readonly string[], total: number, opts: { maxChars: number; more: (hidden: number) => string }): KnownBlock[] {
  const unsent = Math.max(0, total - lines.length);
  let counted = false;
  const blocks: KnownBlock[] = lineSections(lines, {
    maxChars: opts.maxChars,
    more: (n) => {
      counted = true;
      return opts.more(n + unsent);
    },
  });
  if (!counted && unsent > 0) blocks.push(context(opts.more(unsent)));
  return blocks;
}
