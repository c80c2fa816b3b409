// /kehoach tongquan: where a plan stands, counted the way government reports
// count tasks (five statuses; completion rates against what is due, as PAR
// INDEX counts them; the plan's own numeric objectives), by index and by lead unit.
import type { KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { RATE_LABELS, rateWithCounts, STATUS_LABELS } from "../i18n/labels.js";
import { STATUS_ORDER, context, fields, header, lineSections, message, section, statusEmoji, type SlackMessage } from "./blocks.js";
import { CAPS, esc } from "./format.js";
import type { CompletionRates, Lang, ObjectiveProgressModel, OverviewModel, StatusCounts } from "../models/index.js";

const vi = {
  header: (plan: string) => `Tổng quan Kế hoạch ${plan}`,
  total: "Tổng số nhiệm vụ",
  objectives: "*Mục tiêu của kế hoạch*",
  objective: (text: string, target: number, now: string) => `${text}: chỉ tiêu ${target}%, hiện đạt ${now}`,
  noneDue: "chưa có nhiệm vụ đến hạn",
  byIndex: "*Theo chỉ số*",
  byUnit: "*Theo đơn vị chủ trì*",
  unitLine: (lead: number, overdue: number, inProgress: number, done: number, rate: string, cooperating: number) =>
    `chủ trì ${lead}: 🔴 ${overdue} quá hạn · 🟡 ${inProgress} đang thực hiện · ✅ ${done} đã hoàn thành · tỷ lệ hoàn thành ${rate} · phối hợp ${cooperating}`,
  moreIndices: (n: number) => `… và ${n} chỉ số khác`,
  moreUnits: (n: number) => `… và ${n} đơn vị khác`,
  asOf: (day: string) => `Số liệu tính đến ngày ${day}.`,
  fallback: (plan: string, total: number, overdue: number, rate: string) => `Kế hoạch ${plan}: ${total} nhiệm vụ, ${overdue} quá hạn, tỷ lệ hoàn thành ${rate}.`,
};

const en: typeof vi = {
  header: (plan) => `Plan ${plan}: overview`,
  total: "Tasks in total",
  objectives: "*The plan's objectives*",
  objective: (text, target, now) => `${text}: target ${target}%, now ${now}`,
  noneDue: "no task due yet",
  byIndex: "*By index*",
  byUnit: "*By lead unit*",
  unitLine: (lead, overdue, inProgress, done, rate, cooperating) =>
    `leads ${lead}: 🔴 ${overdue} overdue · 🟡 ${inProgress} in progress · ✅ ${done} done · completion rate ${rate} · cooperates on ${cooperating}`,
  moreIndices: (n) => `… and ${n} more indices`,
  moreUnits: (n) => `… and ${n} more units`,
  asOf: (day) => `Figures as of ${day}.`,
  fallback: (plan, total, overdue, rate) => `Plan ${plan}: ${total} tasks, ${overdue} overdue, completion rate ${rate}.`,
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

/** "43,8% (7/16)": done ÷ due by now. */
function doneRate(r: CompletionRates, lang: Lang): string {
  return rateWithCounts(r.done, r.due, r.doneRate, lang);
}

function objectiveLine(o: ObjectiveProgressModel, lang: Lang): string {
  const s = STRINGS[lang];
  const r = o.rates;
  const now = r.due === 0 ? s.noneDue : o.measure === "COMPLETION" ? doneRate(r, lang) : rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang);
  return `• ${s.objective(esc(o.text.replace(/[.;]\s*$/, ""), 300), o.target, now)}`;
}

export function overviewMessage(model: OverviewModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const plan = model.plan.number;
  const r = model.rates;
  const rate = doneRate(r, lang);
  const blocks: KnownBlock[] = [header(s.header(plan)), context(esc(model.plan.title, CAPS.title))];

  blocks.push(
    ...fields([
      `*${s.total}*\n${model.total}`,
      ...STATUS_ORDER.map((st) => `${statusEmoji(st)} *${STATUS_LABELS[st][lang]}*\n${model.counts[st]}`),
      `*${RATE_LABELS.done[lang]}*\n${rate}`,
      `*${RATE_LABELS.onTime[lang]}*\n${rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang)}`,
    ]),
    context(RATE_LABELS.definition[lang]),
  );
  if (model.objectives.length > 0) blocks.push(section([s.objectives, ...model.objectives.slice(0, 5).map((o) => objectiveLine(o, lang))].join("\n")));

  if (model.byIndex.length > 0) {
    const shown = model.byIndex.length > MAX_INDEX_FIELDS + 1 ? model.byIndex.slice(0, MAX_INDEX_FIELDS) : model.byIndex;
    const items = shown.map((i) => `*${esc(i.name || i.code, CAPS.unitName)}* (${sum(i.counts)})\n${compactCounts(i.counts)}`);
    if (shown.length < model.byIndex.length) items.push(s.moreIndices(model.byIndex.length - shown.length));
    blocks.push(section(s.byIndex), ...fields(items));
  }

  if (model.byUnit.length > 0) {
    const lines = model.byUnit.map((u) => {
      const done = u.lead.DONE_ON_TIME + u.lead.DONE_LATE;
      return `• *${esc(u.code, CAPS.code)}* ${esc(u.name, CAPS.unitName)} — ${s.unitLine(sum(u.lead), u.lead.OVERDUE, u.lead.IN_PROGRESS, done, doneRate(u.rates, lang), u.cooperating)}`;
    });
    blocks.push(section(s.byUnit), ...lineSections(lines, { maxChars: 5_000, more: s.moreUnits }));
  }

  blocks.push(context(s.asOf(formatVnDate(model.today))));
  return message(s.fallback(esc(plan, CAPS.code), model.total, model.counts.OVERDUE, rate), blocks, lang);
}
