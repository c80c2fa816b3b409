// App Home of the Office and leadership (issue 13): the plan across units.
// Units with overdue tasks (most first) and units silent this week, each
// with "Nhắc đơn vị" for the Office (once a day per unit); obstacles waiting
// for direction, with "Cho ý kiến chỉ đạo" for leadership; extension
// requests waiting, with the decision's buttons for leadership; other
// outstanding items where dondoc tracks them; the worst overdue tasks.
//
// Blocks: header, context (2), per list a divider, a title, at most 8 items
// of at most 2 blocks each and a "more" line: 2 + 4 × (3 + 16) + 3 + 5 + 2
// = 88 in the worst case, under Slack's 100 for a view (fitView cuts
// anything over with a note).
import type { HomeView, KnownBlock } from "@slack/types";
import { formatVnDate, localDay } from "../domain/day.js";
import { MEMBER_ROLE_LABELS } from "../i18n/labels.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, divider, fitView, header, section, type SlackMessage } from "./blocks.js";
import type { DashboardModel, DashboardUnit, ExtensionItem, Lang, ObstacleItem } from "../models/direction.js";
import { extensionLine } from "./extensions.js";
import { CAPS, esc, mention, taskLines } from "./format.js";
import { obstacleButtons } from "./obstacles.js";

const SHOWN = 8;

const vi = {
  title: "Bảng điều hành thực hiện kế hoạch",
  today: (day: string) => `Hôm nay ${day}`,
  window: (from: string, to: string) => `Kỳ nhắc việc hiện tại: tuần từ ${from} đến ${to}`,
  overdue: "🔴 *Đơn vị có nhiệm vụ quá hạn* (nhiều nhất trước)",
  noOverdue: "Không đơn vị nào có nhiệm vụ chủ trì quá hạn.",
  overdueLine: (code: string, name: string, n: number, leads: number) => `*${code}* ${name}: *${n}* nhiệm vụ quá hạn / ${leads} nhiệm vụ chủ trì`,
  silent: "🔕 *Đơn vị chưa báo cáo trong tuần*",
  noSilent: "Mọi đơn vị có nhiệm vụ đang thực hiện đều đã báo cáo trong tuần.",
  silentLine: (code: string, name: string, leads: number) => `*${code}* ${name}: chưa có báo cáo tiến độ nào trong tuần (${leads} nhiệm vụ chủ trì)`,
  nudge: "Nhắc đơn vị",
  nudged: "✅ đã nhắc hôm nay",
  noChannel: "đơn vị chưa có kênh",
  obstacles: "⚠️ *Khó khăn, vướng mắc chờ ý kiến chỉ đạo* (nêu lâu nhất xếp trước)",
  noObstacles: "Không có khó khăn, vướng mắc nào chờ ý kiến chỉ đạo.",
  obstacleLine: (id: number, unit: string, task: string, days: number, text: string) =>
    `*#${id}* · *${unit}* · *${task}* · ${days === 0 ? "nêu hôm nay" : `đã ${days} ngày`}\n>${text}`,
  extensions: "📅 *Đề nghị gia hạn chờ lãnh đạo Sở cho ý kiến*",
  noExtensions: "Không có đề nghị gia hạn nào đang chờ.",
  approve: "Đồng ý gia hạn",
  decline: "Không đồng ý",
  outstanding: "📋 *Việc khác đang chờ các đơn vị*",
  worst: "⏰ *Nhiệm vụ quá hạn lâu nhất*",
  more: (n: number) => `… và ${n} mục khác`,
  moreTasks: (n: number) => `… và ${n} nhiệm vụ quá hạn khác — xem đủ bằng \`/kehoach viec tatca quahan\`.`,
  help: "Danh sách nhiệm vụ toàn Sở: `/kehoach viec tatca [quahan|sapden]` · khó khăn, vướng mắc: `/kehoach vuongmac` · tổng quan: `/kehoach tongquan`",
  nudgeHead: (who: string) => `📣 *Văn phòng Sở nhắc đơn vị* (đồng chí ${who} gửi)`,
  nudgeAsk: "Đề nghị đồng chí lãnh đạo đơn vị chỉ đạo báo cáo tiến độ các nhiệm vụ dưới đây trên dondoc.",
  nudgeFallback: (day: string) => `Văn phòng Sở nhắc đơn vị ngày ${day}`,
};

const en: typeof vi = {
  title: "Plan dashboard",
  today: (day) => `Today ${day}`,
  window: (from, to) => `Current reminder window: the week from ${from} to ${to}`,
  overdue: "🔴 *Units with overdue tasks* (most first)",
  noOverdue: "No unit has an overdue task it leads.",
  overdueLine: (code, name, n, leads) => `*${code}* ${name}: *${n}* overdue of ${leads} tasks it leads`,
  silent: "🔕 *Units that have not reported this week*",
  noSilent: "Every unit with open tasks has reported this week.",
  silentLine: (code, name, leads) => `*${code}* ${name}: no progress report this week (${leads} tasks it leads)`,
  nudge: "Remind unit",
  nudged: "✅ reminded today",
  noChannel: "no channel",
  obstacles: "⚠️ *Obstacles waiting for direction* (oldest first)",
  noObstacles: "No obstacle is waiting for direction.",
  obstacleLine: (id, unit, task, days, text) => `*#${id}* · *${unit}* · *${task}* · ${days === 0 ? "raised today" : `${days} days old`}\n>${text}`,
  extensions: "📅 *Extension requests waiting for leadership*",
  noExtensions: "No extension request is waiting.",
  approve: "Approve",
  decline: "Decline",
  outstanding: "📋 *Other items the units owe*",
  worst: "⏰ *Longest overdue tasks*",
  more: (n) => `… and ${n} more`,
  moreTasks: (n) => `… and ${n} more overdue tasks — see them all with \`/kehoach tasks all overdue\`.`,
  help: "Every unit's tasks: `/kehoach tasks all [overdue|due]` · obstacles: `/kehoach obstacle` · overview: `/kehoach overview`",
  nudgeHead: (who) => `📣 *A reminder from the Office* (sent by ${who})`,
  nudgeAsk: "The unit's lead is asked to have progress on the tasks below reported on dondoc.",
  nudgeFallback: (day) => `A reminder from the Office, ${day}`,
};

const STRINGS = { vi, en };

function unitBlock(u: DashboardUnit, line: string, model: DashboardModel, lang: Lang): KnownBlock {
  const s = STRINGS[lang];
  if (!model.canNudge) return section(line);
  if (!u.reachable) return section(`${line} · _${s.noChannel}_`);
  if (u.remindedToday) return section(`${line} · ${s.nudged}`);
  return section(line, button({ text: s.nudge, actionId: ACTION_IDS.unitNudge, value: String(u.unit.id) }));
}

function obstacleBlocks(o: ObstacleItem, model: DashboardModel, lang: Lang): KnownBlock[] {
  const s = STRINGS[lang];
  const line = s.obstacleLine(o.id, esc(o.unit.code, CAPS.code), esc(o.task.code, CAPS.code), o.days, esc(o.text.trim().replace(/\n+/g, " "), 200));
  return [section(line), obstacleButtons(o.id, lang, { direct: model.canDirect, close: !model.canDirect })];
}

function extensionBlocks(e: ExtensionItem, model: DashboardModel, lang: Lang): KnownBlock[] {
  const s = STRINGS[lang];
  const line = `${extensionLine(e, model.today, lang)}\n${esc(e.reason.replace(/\n+/g, " "), 200)} — ${mention(e.requestedBy)}`;
  if (!model.canDecide) return [section(line)];
  return [
    section(line),
    actions(
      [
        button({ text: s.approve, actionId: ACTION_IDS.extensionApprove, value: String(e.id), style: "primary" }),
        button({ text: s.decline, actionId: ACTION_IDS.extensionDecline, value: String(e.id) }),
      ],
      `dashboard_extension_${e.id}`,
    ),
  ];
}

function list<T>(blocks: KnownBlock[], title: string, items: readonly T[], total: number, empty: string, render: (t: T) => KnownBlock[], more: (n: number) => string): void {
  blocks.push(divider(), section(`${title} (${total})`));
  if (total === 0) blocks.push(context(empty));
  for (const item of items.slice(0, SHOWN)) blocks.push(...render(item));
  if (total > Math.min(items.length, SHOWN)) blocks.push(context(more(total - Math.min(items.length, SHOWN))));
}

export function dashboardView(model: DashboardModel, lang: Lang): HomeView {
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [
    header(s.title),
    context(
      `${esc(model.member.name, 100)} · ${MEMBER_ROLE_LABELS[model.member.role][lang]} · ${s.today(formatVnDate(model.today))} · ${s.window(formatVnDate(model.window.start), formatVnDate(model.window.end))}`,
    ),
  ];
  list(
    blocks,
    s.overdue,
    model.overdueUnits,
    model.overdueUnits.length,
    s.noOverdue,
    (u) => [unitBlock(u, s.overdueLine(esc(u.unit.code, CAPS.code), esc(u.unit.name, CAPS.unitName), u.overdue, u.leads), model, lang)],
    s.more,
  );
  list(
    blocks,
    s.silent,
    model.silentUnits,
    model.silentUnits.length,
    s.noSilent,
    (u) => [unitBlock(u, s.silentLine(esc(u.unit.code, CAPS.code), esc(u.unit.name, CAPS.unitName), u.leads), model, lang)],
    s.more,
  );
  list(blocks, s.obstacles, model.obstaclesWaiting, model.obstaclesWaitingCount, s.noObstacles, (o) => obstacleBlocks(o, model, lang), s.more);
  list(blocks, s.extensions, model.extensionsPending, model.extensionsPending.length, s.noExtensions, (e) => extensionBlocks(e, model, lang), s.more);
  if (model.outstanding.length > 0) {
    blocks.push(divider(), section(s.outstanding), section(model.outstanding.map((o) => `• ${esc(o.label[lang], 300)}: *${o.count}*`).join("\n")));
  }
  if (model.overdueTasks.length > 0) {
    blocks.push(divider(), section(`${s.worst} (${model.overdueTaskCount})`));
    for (const t of model.overdueTasks.slice(0, 3)) blocks.push(section(taskLines(t, lang)));
    if (model.overdueTaskCount > 3) blocks.push(context(s.moreTasks(model.overdueTaskCount - 3)));
  }
  blocks.push(divider(), context(s.help));
  return fitView(blocks, lang);
}

/** The one-off reminder: the weekly reminder's content, headed by who in the Office sent it. */
export function nudgeMessage(base: SlackMessage, meta: { sender: string; today: string }, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  return {
    text: s.nudgeFallback(formatVnDate(meta.today)),
    blocks: [section(`${s.nudgeHead(mention(meta.sender))}\n${s.nudgeAsk}`), ...base.blocks].slice(0, 50),
  };
}

export const nudgeDay = (at: Date) => localDay(at);
