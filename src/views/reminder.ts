// Monday's reminder in a unit's channel, addressed to the unit ("Kính gửi")
// with its leads mentioned so the message reaches someone who can act on it.
// What the unit leads and must report on comes first: overdue, falling due in
// the next 14 days, not reported on for 7 days, each task with a "Báo cáo"
// button. Tasks it only cooperates on follow as one count line (their lead
// reports on them), with only those on which the unit has an obstacle of its
// own still open listed; then the unit's open obstacles.
//
// Blocks: header, greeting, context; per task list a title, at most
// LIST_MAX[list] tasks (one section each, the button as its accessory) and an
// "and X more" line; the cooperating line and at most COOPERATING_MAX tasks
// with its "more" line; the obstacles' title and section; a closing line:
// 3 + (1 + 8 + 1) + 2 × (1 + 6 + 1) + (1 + 3 + 1) + 2 + 1 = 37 at most, under
// Slack's 50. Text: each list has its own character budget (LIST_CHARS,
// ~7,600 in all, the cooperating tasks 1,000 more), the obstacles 1,200 and
// the greeting some 600, so the whole stays below the 11,000 characters a
// message may hold whatever the titles' length; a list always shows its
// first task.
import type { KnownBlock } from "@slack/types";
import { daysBetween, formatVnDate, localDay, type Day } from "../domain/day.js";
import { ROLE_LABELS } from "../i18n/labels.js";
import { ACTION_IDS } from "./action-ids.js";
import { blocksTextLength, button, context, header, lineSections, message, section, type SlackMessage } from "./blocks.js";
import { weekLabel, weeklyTaskLines } from "./weekly.js";
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
/** Cooperating tasks listed (those with the unit's own open obstacle), and their characters. */
const COOPERATING_MAX = 3;
const COOPERATING_CHARS = 1_000;
const OBSTACLE_TEXT_MAX = 300;
/** Leads mentioned by name; a unit with more is greeted as a whole. */
const LEADS_MENTIONED = 10;

const vi = {
  header: (week: string, unit: string) => `Nhắc việc ${week} · ${unit}`,
  greeting: (who: string, unit: string) => `Kính gửi: ${unit} (đồng chí ${who}).`,
  greetingNoLeads: (unit: string) => `Kính gửi: ${unit}.`,
  moreLeads: (n: number) => `và ${n} lãnh đạo khác`,
  intro: (week: string) => `Đề nghị đơn vị quan tâm thực hiện và báo cáo tiến độ các nhiệm vụ sau (${week}):`,
  today: (day: string) => `Hôm nay ${day}`,
  lists: {
    overdue: "🔴 *Nhiệm vụ chủ trì quá hạn*",
    dueSoon: "🟡 *Nhiệm vụ chủ trì đến hạn trong 14 ngày*",
    stale: "⏳ *Nhiệm vụ chủ trì chưa báo cáo trong 7 ngày*",
  } satisfies Record<ListKey, string>,
  cooperating: (overdue: number, dueSoon: number) =>
    `🤝 *Nhiệm vụ phối hợp* (do đơn vị khác chủ trì, đơn vị chủ trì báo cáo): ${overdue} nhiệm vụ quá hạn, ${dueSoon} nhiệm vụ đến hạn trong 14 ngày. Đề nghị đơn vị phối hợp cung cấp thông tin khi đơn vị chủ trì đề nghị.`,
  cooperatingListed: "Nhiệm vụ phối hợp đơn vị còn khó khăn, vướng mắc chưa giải quyết:",
  moreCooperating: (n: number) => `… và ${n} nhiệm vụ phối hợp khác`,
  obstacles: "⚠️ *Khó khăn, vướng mắc chưa giải quyết*",
  obstacleLine: (task: string, since: string, days: number, text: string) => `• ${task} — từ ${since} (${days} ngày): ${text}`,
  more: { overdue: "quahan", dueSoon: "sapdenhan", stale: "" } satisfies Record<ListKey, string>,
  moreTasks: (n: number, filter: string) => `… và ${n} nhiệm vụ khác — xem đủ bằng \`/kehoach viec${filter ? ` ${filter}` : ""}\`.`,
  moreObstacles: (n: number) => `… và ${n} vướng mắc khác`,
  report: "Báo cáo",
  allClear: "Tuần này đơn vị không có nhiệm vụ chủ trì quá hạn, không có nhiệm vụ chủ trì đến hạn trong 14 ngày và đã báo cáo đủ các nhiệm vụ chủ trì.",
  footer: "Đề nghị bấm *Báo cáo* bên cạnh nhiệm vụ để cập nhật tiến độ, hoặc gõ `/kehoach baocao MÃ`. Khó khăn, vướng mắc báo về Văn phòng Sở: `/kehoach vuongmac MÃ nội dung`.",
  lastReport: (day: string) => `báo cáo gần nhất ${day}`,
  noReport: "chưa có báo cáo nào",
  fallback: (unit: string, week: string, overdue: number, dueSoon: number, stale: number) =>
    `${unit}, ${week}: ${overdue} nhiệm vụ chủ trì quá hạn, ${dueSoon} nhiệm vụ chủ trì đến hạn trong 14 ngày, ${stale} nhiệm vụ chủ trì chưa báo cáo trong 7 ngày.`,
  fallbackCooperating: (overdue: number) => ` Phối hợp: ${overdue} nhiệm vụ quá hạn.`,
  fallbackClear: (unit: string, week: string) => `${unit}, ${week}: không có nhiệm vụ chủ trì cần đôn đốc.`,
};

const en: typeof vi = {
  header: (week, unit) => `Reminders, ${week} · ${unit}`,
  greeting: (who, unit) => `To: ${unit} (${who}).`,
  greetingNoLeads: (unit) => `To: ${unit}.`,
  moreLeads: (n) => `${n} more leads`,
  intro: (week) => `Please attend to and report on the following tasks (${week}):`,
  today: (day) => `Today ${day}`,
  lists: {
    overdue: "🔴 *Overdue tasks the unit leads*",
    dueSoon: "🟡 *Tasks the unit leads due in the next 14 days*",
    stale: "⏳ *Tasks the unit leads with no report for 7 days*",
  },
  cooperating: (overdue, dueSoon) =>
    `🤝 *Tasks the unit cooperates on* (led and reported on by another unit): ${overdue} overdue, ${dueSoon} due in the next 14 days. Please provide input when the lead unit asks for it.`,
  cooperatingListed: "Tasks the unit cooperates on with an open obstacle of its own:",
  moreCooperating: (n) => `… and ${n} more tasks it cooperates on`,
  obstacles: "⚠️ *Open obstacles*",
  obstacleLine: (task, since, days, text) => `• ${task} — since ${since} (${days} days): ${text}`,
  more: { overdue: "quahan", dueSoon: "sapdenhan", stale: "" },
  moreTasks: (n, filter) => `… and ${n} more tasks — see them all with \`/kehoach tasks${filter ? ` ${filter}` : ""}\`.`,
  moreObstacles: (n) => `… and ${n} more obstacles`,
  report: "Report",
  allClear: "This week the unit has no overdue task it leads, none due in the next 14 days, and has reported on every task it leads.",
  footer: "Press *Report* next to a task to update its progress, or type `/kehoach report CODE`. Obstacles go to the Office: `/kehoach obstacle CODE text`.",
  lastReport: (day) => `last report ${day}`,
  noReport: "no report yet",
  fallback: (unit, week, overdue, dueSoon, stale) => `${unit}, ${week}: ${overdue} tasks it leads overdue, ${dueSoon} due in the next 14 days, ${stale} with no report for 7 days.`,
  fallbackCooperating: (overdue) => ` Cooperating: ${overdue} tasks overdue.`,
  fallbackClear: (unit, week) => `${unit}, ${week}: no task it leads to chase this week.`,
};

const STRINGS = { vi, en };

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
  const coop = model.cooperating;
  const coopCounted = coop.overdue + coop.dueSoon > 0;
  const nothingToChase = LISTS.every((key) => total(key) === 0) && model.openObstacles.length === 0 && coop.withObstacle.length === 0;
  const coopFallback = coop.overdue > 0 ? s.fallbackCooperating(coop.overdue) : "";

  const blocks: KnownBlock[] = [header(s.header(weekPlain, model.unit.code))];
  if (nothingToChase) {
    blocks.push(section(`${greeting}\n${s.allClear}`), context(s.today(formatVnDate(model.today))));
    if (coopCounted) blocks.push(section(s.cooperating(coop.overdue, coop.dueSoon)));
    return message(`${leads === "" ? "" : `${leads} `}${s.fallbackClear(code, week)}${coopFallback}`, blocks, lang);
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
          section(weeklyTaskLines(task, model.today, lang, extraFacts(key, task, lang)), button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: String(task.id) })),
        more: (n) => s.moreTasks(n, s.more[key]),
      }),
    );
  }

  if (coopCounted || coop.withObstacle.length > 0) {
    blocks.push(section(s.cooperating(coop.overdue, coop.dueSoon)));
    if (coop.withObstacle.length > 0) {
      blocks.push(
        context(s.cooperatingListed),
        ...cappedBlocks(coop.withObstacle, coop.withObstacle.length, {
          max: COOPERATING_MAX,
          maxChars: COOPERATING_CHARS,
          block: (task) => section(weeklyTaskLines(task, model.today, lang), button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: String(task.id) })),
          more: s.moreCooperating,
        }),
      );
    }
  }

  if (model.openObstacles.length > 0) {
    const lines = model.openObstacles.map((o) => {
      const since = localDay(o.raisedAt);
      const task = `*${esc(o.task.code, CAPS.code)}* ${esc(o.task.title, 80)}`;
      return s.obstacleLine(task, formatVnDate(since), Math.max(0, daysBetween(since, model.today)), esc(o.text.trim(), OBSTACLE_TEXT_MAX));
    });
    blocks.push(section(`${s.obstacles} (${model.openObstacles.length})`), ...lineSections(lines, { maxChars: OBSTACLE_CHARS, more: s.moreObstacles }));
  }

  blocks.push(context(s.footer));
  const fallback = s.fallback(code, week, total("overdue"), total("dueSoon"), total("stale")) + coopFallback;
  return message(`${leads === "" ? "" : `${leads} `}${fallback}`, blocks, lang);
}
