// /kehoach tongquan: where a plan stands, counted the way government reports
// count tasks (five statuses, on-time rate), by index and by lead unit.
import type { KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { STATUS_LABELS, percent } from "../i18n/labels.js";
import { STATUS_ORDER, context, fields, header, lineSections, message, section, statusEmoji, type SlackMessage } from "./blocks.js";
import { CAPS, esc } from "./format.js";
import type { Lang, OverviewModel, StatusCounts } from "./models.js";

const vi = {
  header: (plan: string) => `Tổng quan Kế hoạch ${plan}`,
  total: "Tổng số nhiệm vụ",
  onTime: "Tỷ lệ hoàn thành đúng hạn",
  onTimeNote: "số nhiệm vụ hoàn thành đúng hạn / số nhiệm vụ đã hoàn thành",
  byIndex: "*Theo chỉ số*",
  byUnit: "*Theo đơn vị chủ trì*",
  unitLine: (lead: number, overdue: number, inProgress: number, done: number, cooperating: number) =>
    `chủ trì ${lead}: 🔴 ${overdue} quá hạn · 🟡 ${inProgress} đang thực hiện · ✅ ${done} đã hoàn thành · phối hợp ${cooperating}`,
  moreIndices: (n: number) => `… và ${n} chỉ số khác`,
  moreUnits: (n: number) => `… và ${n} đơn vị khác`,
  asOf: (day: string) => `Số liệu tính đến ngày ${day}.`,
  fallback: (plan: string, total: number, overdue: number, rate: string) =>
    `Kế hoạch ${plan}: ${total} nhiệm vụ, ${overdue} quá hạn, hoàn thành đúng hạn ${rate}.`,
};

const en: typeof vi = {
  header: (plan) => `Plan ${plan}: overview`,
  total: "Tasks in total",
  onTime: "On-time rate",
  onTimeNote: "tasks done on time / tasks done",
  byIndex: "*By index*",
  byUnit: "*By lead unit*",
  unitLine: (lead, overdue, inProgress, done, cooperating) =>
    `leads ${lead}: 🔴 ${overdue} overdue · 🟡 ${inProgress} in progress · ✅ ${done} done · cooperates on ${cooperating}`,
  moreIndices: (n) => `… and ${n} more indices`,
  moreUnits: (n) => `… and ${n} more units`,
  asOf: (day) => `Figures as of ${day}.`,
  fallback: (plan, total, overdue, rate) => `Plan ${plan}: ${total} tasks, ${overdue} overdue, on-time rate ${rate}.`,
};

const STRINGS = { vi, en };

/** Indices shown as fields: two sections of ten at most, the rest counted. */
const MAX_INDEX_FIELDS = 19;

/** "🔴 2 · 🟡 5 · ⚪ 3 · ✅ 4 · 🟠 1" */
function compactCounts(counts: StatusCounts): string {
  return STATUS_ORDER.map((s) => `${statusEmoji(s)} ${counts[s]}`).join(" · ");
}

function sum(counts: StatusCounts): number {
  return STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
}

export function overviewMessage(model: OverviewModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const plan = model.plan.number;
  const rate = percent(model.onTimeRate, lang);
  const blocks: KnownBlock[] = [header(s.header(plan)), context(esc(model.plan.title, CAPS.title))];

  blocks.push(
    ...fields([
      `*${s.total}*\n${model.total}`,
      ...STATUS_ORDER.map((st) => `${statusEmoji(st)} *${STATUS_LABELS[st][lang]}*\n${model.counts[st]}`),
      `*${s.onTime}*\n${rate}`,
    ]),
    context(`${s.onTime} = ${s.onTimeNote}`),
  );

  if (model.byIndex.length > 0) {
    const shown = model.byIndex.length > MAX_INDEX_FIELDS + 1 ? model.byIndex.slice(0, MAX_INDEX_FIELDS) : model.byIndex;
    const items = shown.map((i) => `*${esc(i.name || i.code, CAPS.unitName)}* (${sum(i.counts)})\n${compactCounts(i.counts)}`);
    if (shown.length < model.byIndex.length) items.push(s.moreIndices(model.byIndex.length - shown.length));
    blocks.push(section(s.byIndex), ...fields(items));
  }

  if (model.byUnit.length > 0) {
    const lines = model.byUnit.map((u) => {
      const done = u.lead.DONE_ON_TIME + u.lead.DONE_LATE;
      return `• *${esc(u.code, CAPS.code)}* ${esc(u.name, CAPS.unitName)} — ${s.unitLine(sum(u.lead), u.lead.OVERDUE, u.lead.IN_PROGRESS, done, u.cooperating)}`;
    });
    blocks.push(section(s.byUnit), ...lineSections(lines, { maxChars: 5_000, more: s.moreUnits }));
  }

  blocks.push(context(s.asOf(formatVnDate(model.today))));
  return message(s.fallback(esc(plan, CAPS.code), model.total, model.counts.OVERDUE, rate), blocks, lang);
}
