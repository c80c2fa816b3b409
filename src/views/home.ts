// App Home: what a unit member should act on now: overdue tasks, tasks due in
// the next 14 days, tasks the unit leads and has not reported on for 7 days,
// and what was recently done.
//
// Blocks: header, context, report button (3), then per list a divider, a
// title, at most HOME_LIST_MAX tasks (one block each) and an "and X more"
// line, and a closing divider and help line: 3 + 4 × (3 + 10) + 2 = 57 in the
// worst case; a unit lead's completions to confirm add 2 + 5 × 2 = 12 (69),
// under Slack's 100 for a view.
import type { HomeView, KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { MEMBER_ROLE_LABELS, RATE_LABELS, rateWithCounts } from "../i18n/labels.js";
import { actions, button, context, divider, fitView, header, section } from "./blocks.js";
import { CAPS, esc, taskLines } from "./format.js";
import { HOME_LIST_MAX, type HomeModel, type Lang, type TaskSummary } from "../models/index.js";
import { notRegistered } from "./notices.js";
import { ACTION_IDS } from "./action-ids.js";
import { pendingCompletionBlocks } from "./confirmations.js";

type ListKey = "overdue" | "dueSoon" | "stale" | "recentlyDone";
const LISTS: readonly ListKey[] = ["overdue", "dueSoon", "stale", "recentlyDone"];

const vi = {
  hello: (name: string) => `Xin chào đồng chí ${name}`,
  today: (day: string) => `Hôm nay ${day}`,
  reportButton: "Báo cáo tiến độ",
  report: "Báo cáo",
  lists: {
    overdue: "🔴 *Quá hạn*",
    dueSoon: "🟡 *Đến hạn trong 14 ngày*",
    stale: "⏳ *Nhiệm vụ chủ trì chưa báo cáo trong 7 ngày*",
    recentlyDone: "✅ *Mới hoàn thành*",
  } satisfies Record<ListKey, string>,
  empty: {
    overdue: "Không có nhiệm vụ nào quá hạn.",
    dueSoon: "Không có nhiệm vụ nào đến hạn trong 14 ngày tới.",
    stale: "Đơn vị đã báo cáo mọi nhiệm vụ chủ trì trong 7 ngày qua.",
    recentlyDone: "Chưa có nhiệm vụ nào mới hoàn thành.",
  } satisfies Record<ListKey, string>,
  more: (n: number) => `… và ${n} nhiệm vụ khác — xem đủ bằng \`/kehoach viec\`.`,
  noUnit: "Trang này dành cho thành viên các đơn vị: nhiệm vụ của đơn vị, hạn sắp tới và nút báo cáo tiến độ. Để xem toàn bộ kế hoạch, dùng `/kehoach tongquan`.",
  help: "Các lệnh: `/kehoach help`",
  notRegisteredTitle: "dondoc",
  unitRates: (done: string, onTime: string) => `*Nhiệm vụ đơn vị chủ trì* — ${RATE_LABELS.done.vi}: ${done} · ${RATE_LABELS.onTime.vi.toLowerCase()}: ${onTime}`,
  noneDue: "chưa có nhiệm vụ đến hạn",
};

const en: typeof vi = {
  hello: (name) => `Hello, ${name}`,
  today: (day) => `Today ${day}`,
  reportButton: "Report progress",
  report: "Report",
  lists: {
    overdue: "🔴 *Overdue*",
    dueSoon: "🟡 *Due in the next 14 days*",
    stale: "⏳ *No report for 7 days*",
    recentlyDone: "✅ *Recently done*",
  },
  empty: {
    overdue: "No overdue tasks. 👍",
    dueSoon: "Nothing due in the next 14 days.",
    stale: "The unit has reported on every task it leads in the last 7 days.",
    recentlyDone: "Nothing done recently.",
  },
  more: (n) => `… and ${n} more tasks — see them all with \`/kehoach tasks\`.`,
  noUnit: "This page is for unit members: the unit's tasks, upcoming deadlines and the progress report button. For the whole plan, use `/kehoach overview`.",
  help: "Commands: `/kehoach help`",
  notRegisteredTitle: "dondoc",
  unitRates: (done, onTime) => `*Tasks the unit leads* — ${RATE_LABELS.done.en}: ${done} · ${RATE_LABELS.onTime.en.toLowerCase()}: ${onTime}`,
  noneDue: "no task due yet",
};

const STRINGS = { vi, en };

function taskBlock(task: TaskSummary, model: HomeModel, lang: Lang): KnownBlock {
  const text = taskLines(task, lang);
  if (!model.canReport) return section(text);
  return section(text, button({ text: STRINGS[lang].report, actionId: ACTION_IDS.reportOpen, value: String(task.id) }));
}

export function homeView(model: HomeModel, lang: Lang): HomeView {
  const s = STRINGS[lang];
  const { member } = model;
  const who: string[] = [MEMBER_ROLE_LABELS[member.role][lang]];
  if (member.unit) who.push(`*${esc(member.unit.code, CAPS.code)}* ${esc(member.unit.name, CAPS.unitName)}`);
  who.push(s.today(formatVnDate(model.today)));

  const blocks: KnownBlock[] = [header(s.hello(member.name)), context(who.join(" · "))];

  if (member.unit === null) {
    blocks.push(section(s.noUnit), context(s.help));
    return fitView(blocks, lang);
  }

  const r = model.unitRates;
  if (r) {
    const done = r.due === 0 ? s.noneDue : rateWithCounts(r.done, r.due, r.doneRate, lang);
    const onTime = r.due === 0 ? s.noneDue : rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang);
    blocks.push(section(s.unitRates(done, onTime)), context(RATE_LABELS.definition[lang]));
  }
  if (model.canReport) {
    blocks.push(actions([button({ text: s.reportButton, actionId: ACTION_IDS.reportOpen, value: "", style: "primary" })]));
  }
  // A unit lead's completions to confirm come first: until confirmed, they do not count as done.
  if (model.pendingCompletions?.length) blocks.push(divider(), ...pendingCompletionBlocks(model.pendingCompletions, lang));
  for (const key of LISTS) {
    const tasks = model[key];
    // The use case may send only the first tasks of a list with its full count.
    const total = Math.max(model.counts?.[key] ?? 0, tasks.length);
    const shown = tasks.slice(0, HOME_LIST_MAX);
    blocks.push(divider(), section(`${s.lists[key]} (${total})`));
    if (total === 0) blocks.push(context(s.empty[key]));
    for (const task of shown) blocks.push(taskBlock(task, model, lang));
    if (total > shown.length) blocks.push(context(s.more(total - shown.length)));
  }
  blocks.push(divider(), context(s.help));
  return fitView(blocks, lang);
}

/** App Home for someone dondoc does not know yet: who to ask to be added. */
export function unregisteredHomeView(lang: Lang, officeContacts: { name: string; slackUserId: string }[]): HomeView {
  return fitView([header(STRINGS[lang].notRegisteredTitle), ...notRegistered(lang, officeContacts).blocks], lang);
}
