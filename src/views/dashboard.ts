// App Home of the Office and leadership (issue 13): the plan across units.
// Units with overdue tasks (most first) and units silent this week, each
// with "Nhắc đơn vị" for the Office (once a day per unit); obstacles waiting
// for direction, with "Cho ý kiến chỉ đạo" for leadership; extension
// requests waiting, with the decision's buttons for leadership; units that
// have not acknowledged a published plan (issue 11) and units that have not
// sent the current window's report, each with "Nhắc đơn vị"; the worst
// overdue tasks.
//
// Blocks: header, context (2); the two unit lists 11 each (a divider, a
// title, 8 units of one block, a "more" line); obstacles and extensions 19
// each (items of 2 blocks); acknowledgements 2 + 2 plans + 8 + 1 = 13;
// unit reports 2 + 2 plans + 8 + 1 = 13 (one plan runs in a window as a
// rule); the worst tasks 6; help 2: 96 in the worst case, under Slack's 100
// for a view (fitView cuts anything over with a note).
import type { HomeView, KnownBlock } from "@slack/types";
import { formatVnDate, localDay } from "../domain/day.js";
import { MEMBER_ROLE_LABELS } from "../i18n/labels.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, divider, fitView, header, section, type SlackMessage } from "./blocks.js";
import type { DashboardModel, ExtensionItem, Lang, ObstacleItem, RemindableUnit, UnitOwes } from "../models/direction.js";
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
  acks: "📨 *Đơn vị chưa xác nhận đã nhận kế hoạch* (quán triệt)",
  acksPlan: (n: string, done: number, total: number, who: string) => `Kế hoạch số ${n}: *${done}/${total}* đơn vị đã xác nhận${who ? ` — đã xác nhận: ${who}` : ""}.`,
  ackLine: (code: string, name: string, n: string, sent: string, reminded: boolean) =>
    `*${code}* ${name}: chưa xác nhận Kế hoạch số ${n} (gửi ngày ${sent}${reminded ? ", đã nhắc xác nhận" : ""})`,
  reports: (period: string) => `📝 *Đơn vị chưa gửi báo cáo ${period} về Văn phòng Sở*`,
  reportsPlan: (n: string, done: number, total: number, due: string, late: boolean) =>
    `Kế hoạch số ${n}: *${done}/${total}* đơn vị đã gửi; hạn gửi chậm nhất ngày ${due}${late ? " (đã quá hạn)" : ""}. Chi tiết: \`/kehoach tinhhinhbaocao\`.`,
  reportLine: (code: string, name: string, draft: boolean) => `*${code}* ${name}: ${draft ? "đang lập dự thảo, chưa gửi" : "chưa gửi"}`,
  owedHead: "Đơn vị còn các việc sau:",
  owedPlan: (n: string, sent: string) =>
    `• Chưa xác nhận đã nhận Kế hoạch số ${n} (gửi ngày ${sent}): đề nghị xác nhận bằng nút "Đã nhận, sẽ tổ chức thực hiện" trong tin gửi kế hoạch.`,
  owedReport: (period: string, n: string, due: string, draft: boolean) =>
    `• Chưa gửi báo cáo ${period} thực hiện Kế hoạch số ${n} về Văn phòng Sở (hạn chậm nhất ngày ${due}${draft ? "; đơn vị đang lập dự thảo" : ""}): \`/kehoach baocaodonvi\`.`,
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
  acks: "📨 *Units that have not acknowledged a plan*",
  acksPlan: (n, done, total, who) => `Plan ${n}: *${done} of ${total}* units have acknowledged${who ? ` — acknowledged: ${who}` : ""}.`,
  ackLine: (code, name, n, sent, reminded) => `*${code}* ${name}: has not acknowledged plan ${n} (sent ${sent}${reminded ? ", reminded" : ""})`,
  reports: (period) => `📝 *Units that have not sent their report for ${period} to the Office*`,
  reportsPlan: (n, done, total, due, late) =>
    `Plan ${n}: *${done} of ${total}* units have sent theirs; due by ${due}${late ? " (overdue)" : ""}. Details: \`/kehoach reportstatus\`.`,
  reportLine: (code, name, draft) => `*${code}* ${name}: ${draft ? "draft in progress, not sent" : "not sent"}`,
  owedHead: "The unit still owes:",
  owedPlan: (n, sent) => `• Acknowledging plan ${n} (sent ${sent}): the button "Received; we will carry it out" in the plan's message.`,
  owedReport: (period, n, due, draft) =>
    `• Its report for ${period} on plan ${n} to the Office (due by ${due}${draft ? "; a draft is in progress" : ""}): \`/kehoach unitreport\`.`,
  worst: "⏰ *Longest overdue tasks*",
  more: (n) => `… and ${n} more`,
  moreTasks: (n) => `… and ${n} more overdue tasks — see them all with \`/kehoach tasks all overdue\`.`,
  help: "Every unit's tasks: `/kehoach tasks all [overdue|due]` · obstacles: `/kehoach obstacle` · overview: `/kehoach overview`",
  nudgeHead: (who) => `📣 *A reminder from the Office* (sent by ${who})`,
  nudgeAsk: "The unit's lead is asked to have progress on the tasks below reported on dondoc.",
  nudgeFallback: (day) => `A reminder from the Office, ${day}`,
};

const STRINGS = { vi, en };

function unitBlock(u: RemindableUnit, line: string, model: DashboardModel, lang: Lang): KnownBlock {
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

const code = (c: string) => esc(c, CAPS.code);
const unitName = (n: string) => esc(n, CAPS.unitName);

/** Acknowledgements and unit reports outstanding: a summary line per plan, then each unit not done with its reminder. */
function outstandingBlocks(blocks: KnownBlock[], model: DashboardModel, lang: Lang): void {
  const s = STRINGS[lang];
  const d = formatVnDate;
  const units = <T extends RemindableUnit>(rows: { item: T; line: string }[]) => {
    for (const r of rows.slice(0, SHOWN)) blocks.push(unitBlock(r.item, r.line, model, lang));
    if (rows.length > SHOWN) blocks.push(context(s.more(rows.length - SHOWN)));
  };
  if (model.acknowledgements.length > 0) {
    const pending = model.acknowledgements.flatMap((a) =>
      a.pending.map((p) => ({ item: p, line: s.ackLine(code(p.unit.code), unitName(p.unit.name), code(a.plan.number), d(p.sentOn), p.reminded) })),
    );
    blocks.push(divider(), section(`${s.acks} (${pending.length})`));
    for (const a of model.acknowledgements) {
      const who =
        a.acknowledged
          .slice(0, 20)
          .map((u) => `${code(u.unit.code)} (${d(u.on)})`)
          .join(", ") + (a.acknowledged.length > 20 ? ", …" : "");
      blocks.push(context(s.acksPlan(code(a.plan.number), a.acknowledged.length, a.acknowledged.length + a.pending.length, who)));
    }
    units(pending);
  }
  if (model.unitReports.length > 0) {
    const pending = model.unitReports.flatMap((r) => r.pending.map((p) => ({ item: p, line: s.reportLine(code(p.unit.code), unitName(p.unit.name), p.state === "DRAFT") })));
    blocks.push(divider(), section(`${s.reports(model.unitReports[0]!.window.label)} (${pending.length})`));
    for (const r of model.unitReports) blocks.push(context(s.reportsPlan(code(r.plan.number), r.submitted, r.total, d(r.unitsDue), model.today > r.unitsDue)));
    units(pending);
  }
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
  outstandingBlocks(blocks, model, lang);
  if (model.overdueTasks.length > 0) {
    blocks.push(divider(), section(`${s.worst} (${model.overdueTaskCount})`));
    for (const t of model.overdueTasks.slice(0, 3)) blocks.push(section(taskLines(t, lang)));
    if (model.overdueTaskCount > 3) blocks.push(context(s.moreTasks(model.overdueTaskCount - 3)));
  }
  blocks.push(divider(), context(s.help));
  return fitView(blocks, lang);
}

/** The one-off reminder: the weekly reminder's content, headed by who in the Office sent it. */
export function nudgeMessage(base: SlackMessage, meta: { sender: string; today: string; owes?: UnitOwes }, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const d = formatVnDate;
  const owed = meta.owes
    ? [
        ...meta.owes.plans.map((p) => s.owedPlan(code(p.number), d(p.sentOn))),
        ...meta.owes.reports.map((r) => s.owedReport(esc(r.window, 60), code(r.planNumber), d(r.unitsDue), r.state === "DRAFT")),
      ]
    : [];
  return {
    text: s.nudgeFallback(formatVnDate(meta.today)),
    blocks: [section(`${s.nudgeHead(mention(meta.sender))}\n${s.nudgeAsk}`), ...(owed.length > 0 ? [section(`${s.owedHead}\n${owed.join("\n")}`)] : []), ...base.blocks].slice(
      0,
      50,
    ),
  };
}

export const nudgeDay = (at: Date) => localDay(at);
