// Monday's reminder in a unit's channel: what is overdue, what falls due in
// the next 14 days, what the unit leads and has not reported on for 7 days,
// and the obstacles still open, each task with a "Báo cáo" button; the unit's
// leads are mentioned so the message reaches someone who can act on it.
//
// Blocks: header, greeting, context; per task list a title, at most
// LIST_MAX[list] tasks (one section each, the button as its accessory) and an
// "and X more" line; the obstacles' title and section; a closing line:
// 3 + (1 + 8 + 1) + 2 × (1 + 6 + 1) + 2 + 1 = 32 at most, under Slack's 50.
// Text: each list has its own character budget (LIST_CHARS, ~7,600 in all),
// the obstacles 1,200 and the greeting some 600, so the whole stays below the
// 11,000 characters a message may hold whatever the titles' length; a list
// always shows its first task.
import type { KnownBlock } from "@slack/types";
import { daysBetween, formatVnDate, localDay, type Day } from "../domain/day.js";
import { ROLE_LABELS } from "../i18n/labels.js";
import { ACTION_IDS } from "./action-ids.js";
import { blocksTextLength, button, context, header, lineSections, message, section, statusEmoji, type SlackMessage } from "./blocks.js";
import { CAPS, dueText, esc, mention, unitLabel } from "./format.js";
import { truncate } from "./limits.js";
import type { Lang, TaskSummary, UnitReminderModel } from "../models/index.js";

type ListKey = "overdue" | "dueSoon" | "stale";
const LISTS: readonly ListKey[] = ["overdue", "dueSoon", "stale"];

/** Tasks shown per list; the rest are counted. */
const LIST_MAX: Record<ListKey, number> = { overdue: 8, dueSoon: 6, stale: 6 };
/** Characters of block text per list, buttons included. */
const LIST_CHARS: Record<ListKey, number> = { overdue: 3_200, dueSoon: 2_400, stale: 2_000 };
const OBSTACLE_CHARS = 1_200;
const OBSTACLE_TEXT_MAX = 300;
/** Leads mentioned by name; a unit with more is greeted as a whole. */
const LEADS_MENTIONED = 10;
/** A title in a weekly message: enough to recognise the task, the code says the rest. */
export const WEEKLY_TITLE_MAX = 200;

const vi = {
  header: (week: string, unit: string) => `Nhắc việc ${week} · ${unit}`,
  greeting: (who: string, unit: string) => `Chào ${who} và các đồng chí ${unit}.`,
  greetingNoLeads: (unit: string) => `Chào các đồng chí ${unit}.`,
  moreLeads: (n: number) => `và ${n} lãnh đạo khác`,
  intro: (week: string) => `Đầu ${week}, dondoc nhắc những việc đơn vị cần chú ý:`,
  today: (day: string) => `Hôm nay ${day}`,
  lists: {
    overdue: "🔴 *Quá hạn*",
    dueSoon: "🟡 *Đến hạn trong 14 ngày*",
    stale: "⏳ *Chủ trì nhưng chưa báo cáo 7 ngày*",
  } satisfies Record<ListKey, string>,
  obstacles: "⚠️ *Khó khăn, vướng mắc chưa giải quyết*",
  obstacleLine: (task: string, since: string, days: number, text: string) => `• ${task} — từ ${since} (${days} ngày): ${text}`,
  more: { overdue: "quahan", dueSoon: "sapdenhan", stale: "" } satisfies Record<ListKey, string>,
  moreTasks: (n: number, filter: string) => `… và ${n} nhiệm vụ khác — xem đủ bằng \`/kehoach viec${filter ? ` ${filter}` : ""}\`.`,
  moreObstacles: (n: number) => `… và ${n} vướng mắc khác`,
  report: "Báo cáo",
  allClear:
    "Tuần này đơn vị không có nhiệm vụ quá hạn, không có việc đến hạn trong 14 ngày và đã báo cáo đủ các nhiệm vụ chủ trì. Cảm ơn các đồng chí đã giữ đúng tiến độ! 👏",
  footer: "Bấm *Báo cáo* bên cạnh nhiệm vụ để cập nhật tiến độ, hoặc gõ `/kehoach baocao MÃ`. Gặp khó khăn: `/kehoach vuongmac MÃ nội dung`.",
  due: "Hạn",
  overdueBy: (n: number) => `quá hạn ${n} ngày`,
  dueIn: (n: number) => (n === 0 ? "đến hạn hôm nay" : `còn ${n} ngày`),
  lastReport: (day: string) => `báo cáo gần nhất ${day}`,
  noReport: "chưa có báo cáo nào",
  fallback: (unit: string, week: string, overdue: number, dueSoon: number, stale: number) =>
    `${unit}, ${week}: ${overdue} nhiệm vụ quá hạn, ${dueSoon} đến hạn trong 14 ngày, ${stale} chủ trì chưa báo cáo 7 ngày.`,
  fallbackClear: (unit: string, week: string) => `${unit}, ${week}: không có việc cần đôn đốc. Cảm ơn các đồng chí!`,
};

const en: typeof vi = {
  header: (week, unit) => `Reminders, ${week} · ${unit}`,
  greeting: (who, unit) => `Hello ${who} and everyone at ${unit}.`,
  greetingNoLeads: (unit) => `Hello everyone at ${unit}.`,
  moreLeads: (n) => `${n} more leads`,
  intro: (week) => `As ${week} begins, here is what needs the unit's attention:`,
  today: (day) => `Today ${day}`,
  lists: {
    overdue: "🔴 *Overdue*",
    dueSoon: "🟡 *Due in the next 14 days*",
    stale: "⏳ *Led by the unit, no report for 7 days*",
  },
  obstacles: "⚠️ *Open obstacles*",
  obstacleLine: (task, since, days, text) => `• ${task} — since ${since} (${days} days): ${text}`,
  more: { overdue: "quahan", dueSoon: "sapdenhan", stale: "" },
  moreTasks: (n, filter) => `… and ${n} more tasks — see them all with \`/kehoach tasks${filter ? ` ${filter}` : ""}\`.`,
  moreObstacles: (n) => `… and ${n} more obstacles`,
  report: "Report",
  allClear:
    "This week the unit has nothing overdue, nothing due in the next 14 days, and has reported on every task it leads. Thank you for keeping on schedule! 👏",
  footer: "Press *Report* next to a task to update its progress, or type `/kehoach report CODE`. Stuck? `/kehoach obstacle CODE text`.",
  due: "Due",
  overdueBy: (n) => `${n} ${n === 1 ? "day" : "days"} overdue`,
  dueIn: (n) => (n === 0 ? "due today" : `${n} ${n === 1 ? "day" : "days"} left`),
  lastReport: (day) => `last report ${day}`,
  noReport: "no report yet",
  fallback: (unit, week, overdue, dueSoon, stale) =>
    `${unit}, ${week}: ${overdue} tasks overdue, ${dueSoon} due in the next 14 days, ${stale} led with no report for 7 days.`,
  fallbackClear: (unit, week) => `${unit}, ${week}: nothing to chase this week. Thank you!`,
};

const STRINGS = { vi, en };

const WEEK_KEY = /^(\d{4})-W(\d{1,2})$/;

/** "2023-W38" → "tuần 38/2023" / "week 38 of 2023"; anything else as given (plain text: escape it for mrkdwn). */
export function weekLabel(week: string, lang: Lang): string {
  const m = WEEK_KEY.exec(week.trim());
  if (!m) return truncate(week.trim(), 40, "plain_text");
  const n = Number(m[2]);
  return lang === "vi" ? `tuần ${n}/${m[1]}` : `week ${n} of ${m[1]}`;
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
 * Blocks from a list, one per item, stopping at `max` items or `maxChars`
 * characters of block text (the first item always shows); what is left of
 * `total` is counted in a last context line.
 */
function cappedBlocks<T>(
  items: readonly T[],
  total: number,
  opts: { max: number; maxChars: number; block: (item: T) => KnownBlock; more: (hidden: number) => string },
): KnownBlock[] {
  const out: KnownBlock[] = [];
  let used = 0;
  for (const item of items.slice(0, opts.max)) {
    const block = opts.block(item);
    const n = blocksTextLength(block);
    if (out.length > 0 && used + n > opts.maxChars) break;
    out.push(block);
    used += n;
  }
  const hidden = Math.max(total, items.length) - out.length;
  if (hidden > 0) out.push(context(opts.more(hidden)));
  return out;
}

/**
 * lineSections for a list the caller may have sent only the first lines of:
 * `total` is the full size, and the "and N more" line counts both the lines
 * left out for room and those never sent.
 */
export function countedSections(
  lines: readonly string[],
  total: number,
  opts: { maxChars: number; more: (hidden: number) => string },
): KnownBlock[] {
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

/** "<@U1>, <@U2>" — at most LEADS_MENTIONED, the rest counted. */
function leadMentions(ids: readonly string[], lang: Lang): string {
  const shown = ids.slice(0, LEADS_MENTIONED).map(mention);
  if (ids.length > LEADS_MENTIONED) shown.push(STRINGS[lang].moreLeads(ids.length - LEADS_MENTIONED));
  return shown.join(", ");
}

function extraFacts(key: ListKey, task: TaskSummary, lang: Lang): string[] {
  if (key !== "stale") return [];
  const s = STRINGS[lang];
  return [task.lastReportOn === null ? s.noReport : s.lastReport(formatVnDate(task.lastReportOn))];
}

export function reminderMessage(model: UnitReminderModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const weekPlain = weekLabel(model.week, lang);
  const week = esc(weekPlain, 60);
  const unit = unitLabel(model.unit);
  const code = esc(model.unit.code, CAPS.code);
  const leads = leadMentions(model.unitLeads, lang);
  const greeting = leads === "" ? s.greetingNoLeads(unit) : s.greeting(leads, unit);
  const total = (key: ListKey) => Math.max(model.counts[key], model[key].length);
  const nothingToChase = LISTS.every((key) => total(key) === 0) && model.openObstacles.length === 0;

  const blocks: KnownBlock[] = [header(s.header(weekPlain, model.unit.code))];
  if (nothingToChase) {
    blocks.push(section(`${greeting}\n${s.allClear}`), context(s.today(formatVnDate(model.today))));
    return message(`${leads === "" ? "" : `${leads} `}${s.fallbackClear(code, week)}`, blocks, lang);
  }

  blocks.push(section(`${greeting}\n${s.intro(week)}`), context(s.today(formatVnDate(model.today))));
  for (const key of LISTS) {
    if (total(key) === 0) continue;
    blocks.push(
      section(`${s.lists[key]} (${total(key)})`),
      ...cappedBlocks(model[key], model.counts[key], {
        max: LIST_MAX[key],
        maxChars: LIST_CHARS[key],
        block: (task) =>
          section(
            weeklyTaskLines(task, model.today, lang, extraFacts(key, task, lang)),
            button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: String(task.id) }),
          ),
        more: (n) => s.moreTasks(n, s.more[key]),
      }),
    );
  }

  if (model.openObstacles.length > 0) {
    const lines = model.openObstacles.map((o) => {
      const since = localDay(o.raisedAt);
      const task = `*${esc(o.task.code, CAPS.code)}* ${esc(o.task.title, 80)}`;
      return s.obstacleLine(task, formatVnDate(since), Math.max(0, daysBetween(since, model.today)), esc(o.text.trim(), OBSTACLE_TEXT_MAX));
    });
    blocks.push(
      section(`${s.obstacles} (${model.openObstacles.length})`),
      ...lineSections(lines, { maxChars: OBSTACLE_CHARS, more: s.moreObstacles }),
    );
  }

  blocks.push(context(s.footer));
  const fallback = s.fallback(code, week, total("overdue"), total("dueSoon"), total("stale"));
  return message(`${leads === "" ? "" : `${leads} `}${fallback}`, blocks, lang);
}
