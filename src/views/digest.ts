// Friday's digest for the department's leadership: the whole plan in one
// message, for a director who reads one message a week. The first lines say
// what matters (how far the plan is, the completion rates against what is
// due as PAR INDEX counts them, the plan's own numeric objectives, the five
// statuses government reports count, the change since last week); then each index,
// the criteria against their targets, the units, the overdue tasks worst
// first, the open obstacles and the units that did not report.
//
// The words and the figures (changes, verdicts, measures) are shared with
// the terminal preview (digest-text.ts), so both say the same thing.
//
// Blocks: at most 28 (header, plans, essentials, counts, note; index title
// and fields; then per list a title and at most two or three sections; the
// closing line), under Slack's 50. Text: each part has a character budget
// (see BUDGET), about 9,900 in all with room for the titles, under the 11,000
// a message may hold, whatever the number of units, tasks or criteria: every
// list says how many it left out.
import type { KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import type { TaskStatus } from "../domain/status.js";
import { percent, RATE_LABELS, rateWithCounts, STATUS_LABELS } from "../i18n/labels.js";
import { ACTION_IDS } from "./action-ids.js";
import { extensionLine } from "./extensions.js";
import { STATUS_ORDER, actions, button, context, divider, fields, groupedSections, header, lineSections, message, section, statusEmoji, type SlackMessage } from "./blocks.js";
import { CAPS, dueText, esc, unitCodes } from "./format.js";
import { truncate } from "./limits.js";
import type { CompletionRates, DigestModel, Lang, ObjectiveProgressModel, StatusCounts, StatusSnapshot } from "../models/index.js";
import { countedSections, weekLabel } from "./weekly.js";

type Criterion = DigestModel["criteria"][number];

/** Characters of block text each part may use. */
const BUDGET = {
  planTitle: 300,
  criteria: 1_600,
  units: 1_600,
  overdue: 2_000,
  obstacles: 1_000,
  silentUnits: 500,
  extensions: 600,
} as const;
const PLANS_SHOWN = 2;
/** Index fields: one section of ten, the last kept for "and N more". */
const INDEX_FIELDS = 9;
const INDEX_NAME_MAX = 40;
const CRITERION_NAME_MAX = 100;
const TASK_TITLE_MAX = 120;
const OBSTACLE_TEXT_MAX = 200;
/** Buttons "Cho ý kiến chỉ đạo" under the waiting obstacles, oldest first; the rest are answered from the list or App Home. */
const DIRECT_BUTTONS = 3;

const vi = {
  header: (week: string) => `Tổng hợp tình hình thực hiện kế hoạch, ${week}`,
  summaryPlan: (plans: string, week: string) => `${plans}, ${week}`,
  summaryPlans: (n: number) => `${n} kế hoạch`,
  summaryDone: (done: number, total: number, share: string) => `đã hoàn thành ${done}/${total} nhiệm vụ (${share})`,
  summaryRate: (rate: string) => `tỷ lệ hoàn thành so với nhiệm vụ đến hạn ${rate}`,
  summaryIssues: (overdue: number, change: string | null, obstacles: number, silent: number) =>
    `Có ${overdue} nhiệm vụ quá hạn${change === null ? "" : ` (${change} so với tuần trước)`}; ${obstacles} khó khăn, vướng mắc chờ Lãnh đạo Sở cho ý kiến chỉ đạo; ${silent} đơn vị chưa báo cáo trong tuần.`,
  to: "Kính gửi: Lãnh đạo Sở",
  plan: (number: string, title: string) => `Kế hoạch ${number}: ${title}`,
  morePlans: (n: number) => `và ${n} kế hoạch khác`,
  progressLabel: "Tiến độ chung",
  progress: (done: number, total: number, share: string) => `${done}/${total} nhiệm vụ đã hoàn thành (${share})`,
  overdueNow: (n: number) => `${n} quá hạn`,
  onTimeLabel: "Tỷ lệ hoàn thành đúng hạn",
  doneLabel: "Tỷ lệ hoàn thành",
  rates: (done: string, onTime: string) => `${done} · đúng hạn ${onTime}`,
  objectiveLabel: "Mục tiêu của kế hoạch",
  objective: (text: string, target: number, now: string) => `${text}: chỉ tiêu ${target}%, hiện đạt ${now}`,
  thisWeekLabel: "Tuần này",
  thisWeek: (reports: number, silent: number, obstacles: number) => `${reports} báo cáo từ các đơn vị · ${silent} đơn vị chưa báo cáo · ${obstacles} vướng mắc chưa giải quyết`,
  vsLastWeek: "so với tuần trước",
  noRate: "chưa tính được (chưa có nhiệm vụ nào đến hạn)",
  firstWeek: "Đây là bản tổng hợp đầu tiên: từ tuần sau sẽ có so sánh với tuần trước.",
  total: "Tổng số nhiệm vụ",
  onTimeNote: `${RATE_LABELS.definition.vi} ▲ ▼: thay đổi so với tuần trước.`,
  byIndex: "Theo chỉ số",
  indexDone: (done: number, total: number) => `${done}/${total} hoàn thành`,
  moreIndices: (n: number) => `… và ${n} chỉ số khác`,
  criteria: "Tiêu chí: kết quả mới nhất so với chỉ tiêu",
  noCriteria: "Chưa có tiêu chí nào được theo dõi.",
  noData: "chưa có số liệu",
  latest: "mới nhất",
  target: "chỉ tiêu",
  met: "✅ đạt",
  notMet: "⚠️ chưa đạt",
  metPlain: "đạt",
  notMetPlain: "chưa đạt",
  vsPeriod: (period: string) => `so với ${period}`,
  better: "tốt lên",
  worse: "kém đi",
  moreCriteria: (n: number) => `… và ${n} tiêu chí khác — xem đủ bằng \`/kehoach chiso\``,
  byUnit: "Theo đơn vị chủ trì",
  unitLegend: "🔴 quá hạn · 🟡 đang thực hiện · ⚪ chưa thực hiện · ✅ đã hoàn thành · 📝 báo cáo trong tuần",
  leads: (n: number) => `chủ trì ${n}`,
  reports: (n: number) => `${n} báo cáo`,
  moreUnits: (n: number) => `… và ${n} đơn vị khác — xem đủ ở Trang chủ dondoc (App Home) hoặc bằng \`/kehoach tongquan\``,
  overdue: "Nhiệm vụ quá hạn (quá hạn lâu nhất xếp trước)",
  noOverdue: "Không có nhiệm vụ nào quá hạn.",
  daysOverdue: (n: number) => `quá hạn ${n} ngày`,
  due: "hạn",
  moreTasks: (n: number) => `… và ${n} nhiệm vụ quá hạn khác`,
  obstacles: "Khó khăn, vướng mắc chờ Lãnh đạo Sở cho ý kiến chỉ đạo (chờ lâu nhất xếp trước)",
  directButton: (id: number) => `Cho ý kiến chỉ đạo #${id}`,
  extensions: "Đề nghị gia hạn chờ lãnh đạo Sở cho ý kiến",
  moreExtensions: (n: number) => `… và ${n} đề nghị khác`,
  noObstacles: "Không có khó khăn, vướng mắc nào chưa giải quyết.",
  days: (n: number) => `${n} ngày`,
  moreObstacles: (n: number) => `… và ${n} vướng mắc khác`,
  silent: "Đơn vị chưa báo cáo tuần này",
  noSilent: "Mọi đơn vị có nhiệm vụ đang thực hiện đều đã báo cáo trong tuần.",
  moreSilent: (n: number) => `và ${n} đơn vị khác`,
  asOf: (day: string) => `Số liệu tính đến ngày ${day}, theo báo cáo của các đơn vị trên dondoc.`,
  more: "Chi tiết: `/kehoach tongquan`, `/kehoach chiso`, `/kehoach viec ĐƠN_VỊ quahan`.",
  unchanged: "không đổi",
  points: (n: string) => `${n} điểm`,
};

const en: typeof vi = {
  header: (week) => `Plan progress, ${week}`,
  summaryPlan: (plans, week) => `${plans}, ${week}`,
  summaryPlans: (n) => `${n} plans`,
  summaryDone: (done, total, share) => `${done}/${total} tasks done (${share})`,
  summaryRate: (rate) => `completion rate against tasks due ${rate}`,
  summaryIssues: (overdue, change, obstacles, silent) =>
    `${overdue} tasks overdue${change === null ? "" : ` (${change} vs last week)`}; ${obstacles} obstacles waiting for the leadership's direction; ${silent} units did not report this week.`,
  to: "To: the department's leadership",
  plan: (number, title) => `Plan ${number}: ${title}`,
  morePlans: (n) => `and ${n} more plans`,
  progressLabel: "Overall progress",
  progress: (done, total, share) => `${done}/${total} tasks done (${share})`,
  overdueNow: (n) => `${n} overdue`,
  onTimeLabel: "On-time completion rate",
  doneLabel: "Completion rate",
  rates: (done, onTime) => `${done} · on time ${onTime}`,
  objectiveLabel: "The plan's objectives",
  objective: (text, target, now) => `${text}: target ${target}%, now ${now}`,
  thisWeekLabel: "This week",
  thisWeek: (reports, silent, obstacles) => `${reports} reports from the units · ${silent} units did not report · ${obstacles} open obstacles`,
  vsLastWeek: "vs last week",
  noRate: "not yet (no task due)",
  firstWeek: "This is the first digest: changes since the previous week start next week.",
  total: "Tasks in total",
  onTimeNote: `${RATE_LABELS.definition.en} ▲ ▼: change since last week.`,
  byIndex: "By index",
  indexDone: (done, total) => `${done}/${total} done`,
  moreIndices: (n) => `… and ${n} more indices`,
  criteria: "Criteria: latest result against target",
  noCriteria: "No criteria are tracked yet.",
  noData: "no data yet",
  latest: "latest",
  target: "target",
  met: "✅ met",
  notMet: "⚠️ not met",
  metPlain: "met",
  notMetPlain: "not met",
  vsPeriod: (period) => `vs ${period}`,
  better: "better",
  worse: "worse",
  moreCriteria: (n) => `… and ${n} more criteria — see them all with \`/kehoach indicators\``,
  byUnit: "By lead unit",
  unitLegend: "🔴 overdue · 🟡 in progress · ⚪ not started · ✅ done · 📝 reports this week",
  leads: (n) => `leads ${n}`,
  reports: (n) => `${n} ${n === 1 ? "report" : "reports"}`,
  moreUnits: (n) => `… and ${n} more units — see them all in dondoc's App Home or with \`/kehoach overview\``,
  overdue: "Overdue tasks, longest first",
  noOverdue: "No overdue tasks.",
  daysOverdue: (n) => `${n} ${n === 1 ? "day" : "days"} overdue`,
  due: "due",
  moreTasks: (n) => `… and ${n} more overdue tasks`,
  obstacles: "Obstacles waiting for the leadership's direction, oldest first",
  directButton: (id) => `Give direction #${id}`,
  extensions: "Extension requests waiting for leadership",
  moreExtensions: (n) => `… and ${n} more requests`,
  noObstacles: "No open obstacles.",
  days: (n) => `${n} ${n === 1 ? "day" : "days"}`,
  moreObstacles: (n) => `… and ${n} more obstacles`,
  silent: "Units that did not report this week",
  noSilent: "Every unit with tasks under way reported this week.",
  moreSilent: (n) => `and ${n} more units`,
  asOf: (day) => `Figures as of ${day}, from the units' reports in dondoc.`,
  more: "Details: `/kehoach overview`, `/kehoach indicators`, `/kehoach tasks UNIT quahan`.",
  unchanged: "no change",
  points: (n) => `${n} pts`,
};

/** The digest's words, shared with the terminal preview. Plain text: callers escape data for mrkdwn. */
export const DIGEST_STRINGS = { vi, en };

/** 45.5 → "45,5" in Vietnamese, "45.5" in English, at most two decimals. */
export function decimal(value: number, lang: Lang): string {
  const n = String(Math.round(value * 100) / 100);
  return lang === "vi" ? n.replace(".", ",") : n;
}

/** "▲ 2", "▼ 1", "không đổi". */
export function change(delta: number, lang: Lang): string {
  if (delta === 0) return DIGEST_STRINGS[lang].unchanged;
  return `${delta > 0 ? "▲" : "▼"} ${decimal(Math.abs(delta), lang)}`;
}

/** The on-time rate's change in percentage points: "▲ 2,3 điểm"; null when either week has no rate. */
export function rateChange(now: number | null, before: number | null, lang: Lang): string | null {
  if (now === null || before === null) return null;
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return DIGEST_STRINGS[lang].unchanged;
  return `${points > 0 ? "▲" : "▼"} ${DIGEST_STRINGS[lang].points(decimal(Math.abs(points), lang))}`;
}

/** "77,8%", or words saying why there is no rate yet. */
function rateText(rate: number | null, lang: Lang): string {
  return rate === null ? DIGEST_STRINGS[lang].noRate : percent(rate, lang);
}

/** "43,8% (7/16) · đúng hạn 31,3% (5/16)": both rates against what is due (completionRates). */
export function ratesText(r: CompletionRates, lang: Lang): string {
  if (r.due === 0) return DIGEST_STRINGS[lang].noRate;
  return DIGEST_STRINGS[lang].rates(rateWithCounts(r.done, r.due, r.doneRate, lang), rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang));
}

/** "Phấn đấu hoàn thành 100% nhiệm vụ…: chỉ tiêu 100%, hiện đạt 43,8% (7/16)". Plain text. */
export function objectiveText(o: ObjectiveProgressModel, lang: Lang, maxText = 200): string {
  const r = o.rates;
  const now = o.measure === "COMPLETION" ? rateWithCounts(r.done, r.due, r.doneRate, lang) : rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang);
  const text = truncate(o.text.replace(/[.;]\s*$/, ""), maxText, "plain_text");
  return DIGEST_STRINGS[lang].objective(text, o.target, r.due === 0 ? DIGEST_STRINGS[lang].noRate : now);
}

/** Whether last week's figures exist: the first digest of a plan has nothing to compare with. */
export function hasLastWeek(model: Pick<DigestModel, "lastWeek">): boolean {
  return model.lastWeek.total > 0;
}

export function doneCount(counts: StatusCounts): number {
  return counts.DONE_ON_TIME + counts.DONE_LATE;
}

export function sumCounts(counts: StatusCounts): number {
  return STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
}

/** Share of a plan's tasks that are done: "21,4%". */
function doneShare(snapshot: StatusSnapshot, lang: Lang): string {
  return percent(snapshot.total === 0 ? null : doneCount(snapshot.counts) / snapshot.total, lang);
}

/** A measured value with its unit: "71%", "8,2 điểm". Plain text. */
function measure(value: number, unit: string | null, lang: Lang): string {
  const n = decimal(value, lang);
  if (unit === null || unit.trim() === "") return n;
  return unit === "%" ? `${n}%` : `${n} ${truncate(unit.trim(), 30, "plain_text")}`;
}

/** Whether a criterion's latest value meets its target; null without a value or a target. */
function targetMet(c: Pick<Criterion, "latest" | "target" | "higherIsBetter">): boolean | null {
  if (c.latest === null || c.target === null) return null;
  return c.higherIsBetter ? c.latest.value >= c.target : c.latest.value <= c.target;
}

/**
 * A criterion's figures as plain text, shared by the message and the
 * preview: the latest value "71% (2022)" (null without one), the change
 * "▼ 3,5 so với 2021 (kém đi)", the target "≥ 80%", and whether it is met.
 * Periods and units are data: mrkdwn callers escape the result.
 */
export function criterionFacts(c: Criterion, lang: Lang): { latest: string | null; change: string | null; target: string | null; met: boolean | null } {
  const s = DIGEST_STRINGS[lang];
  const latest = c.latest ? `${measure(c.latest.value, c.measureUnit, lang)} (${truncate(c.latest.period, 40, "plain_text")})` : null;
  let changed: string | null = null;
  if (c.latest && c.previous) {
    const delta = c.latest.value - c.previous.value;
    const direction = delta === 0 ? "" : ` (${delta > 0 === c.higherIsBetter ? s.better : s.worse})`;
    changed = `${change(delta, lang)} ${s.vsPeriod(truncate(c.previous.period, 40, "plain_text"))}${direction}`;
  }
  const target = c.target === null ? null : `${c.higherIsBetter ? "≥" : "≤"} ${measure(c.target, c.measureUnit, lang)}`;
  return { latest, change: changed, target, met: targetMet(c) };
}

/** Units by lead tasks overdue, most first; ties keep the caller's order. */
export function unitsWorstFirst(units: DigestModel["byUnit"]): DigestModel["byUnit"] {
  return [...units].sort((a, b) => b.lead.OVERDUE - a.lead.OVERDUE);
}

/** Criteria grouped by index, in the order the indices first appear. */
export function criteriaByIndex(criteria: readonly Criterion[]): { index: string; criteria: Criterion[] }[] {
  const groups = new Map<string, Criterion[]>();
  for (const c of criteria) groups.set(c.index, [...(groups.get(c.index) ?? []), c]);
  return [...groups].map(([index, list]) => ({ index, criteria: list }));
}

/** "🔴 2 · 🟡 5 · ⚪ 3 · ✅ 4 · 🟠 1" */
function compactCounts(counts: StatusCounts): string {
  return STATUS_ORDER.map((st) => `${statusEmoji(st)} ${counts[st]}`).join(" · ");
}

/** Items joined with ", " up to `maxChars`, the rest counted: "VP, KH-TC và 12 đơn vị khác". */
function joinCapped(items: readonly string[], maxChars: number, more: (n: number) => string): string {
  const shown: string[] = [];
  let used = 0;
  for (const item of items) {
    if (used + item.length + 2 > maxChars - 40) break;
    shown.push(item);
    used += item.length + 2;
  }
  const hidden = items.length - shown.length;
  const list = shown.join(", ");
  if (hidden === 0) return list;
  return shown.length === 0 ? more(hidden) : `${list} ${more(hidden)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function bold(label: string): string {
  return `*${label}*`;
}

/**
 * The digest's first lines as label and plain value: how far the plan is
 * (with the change since last week), the on-time rate, and the week's
 * reporting. Numbers only, so nothing needs escaping.
 */
export function headlineFacts(model: DigestModel, lang: Lang): { label: string; value: string }[] {
  const s = DIGEST_STRINGS[lang];
  const { now, lastWeek } = model;
  const done = doneCount(now.counts);
  const compare = hasLastWeek(model);
  const doneChange = compare ? `, ${change(done - doneCount(lastWeek.counts), lang)} ${s.vsLastWeek}` : "";
  const overdueChange = compare ? ` (${change(now.counts.OVERDUE - lastWeek.counts.OVERDUE, lang)})` : "";
  const rate = compare ? rateChange(now.rates.doneRate, lastWeek.rates.doneRate, lang) : null;
  return [
    { label: s.progressLabel, value: `${s.progress(done, now.total, doneShare(now, lang))}${doneChange} · ${s.overdueNow(now.counts.OVERDUE)}${overdueChange}` },
    { label: s.doneLabel, value: `${ratesText(now.rates, lang)}${rate === null ? "" : ` (${rate} ${s.vsLastWeek})`}` },
    ...model.objectives.slice(0, 3).map((o) => ({ label: s.objectiveLabel, value: objectiveText(o, lang) })),
    { label: s.thisWeekLabel, value: s.thisWeek(model.reportsThisWeek, model.silentUnits.length, obstaclesWaiting(model)) },
  ];
}

/** Obstacles waiting for leadership: all of them, not only the oldest listed. */
export function obstaclesWaiting(model: Pick<DigestModel, "openObstacles" | "openObstaclesCount">): number {
  return Math.max(model.openObstaclesCount ?? 0, model.openObstacles.length);
}

/**
 * The digest's first two lines, plain text that a director can forward as
 * is: which plan and week, how much is done and the completion rate against
 * what is due (with the change since last week); then what needs attention
 * (overdue tasks and their change, obstacles waiting, units that did not
 * report). The same figures as the lines below them.
 */
export function digestSummary(model: DigestModel, lang: Lang): [string, string] {
  const s = DIGEST_STRINGS[lang];
  const { now, lastWeek } = model;
  const compare = hasLastWeek(model);
  const plans = model.plans.length === 1 ? s.plan(model.plans[0]!.number, "").replace(/:\s*$/, "") : s.summaryPlans(model.plans.length);
  const rate = rateChange(now.rates.doneRate, lastWeek.rates.doneRate, lang);
  const rateText = ratesText(now.rates, lang) === s.noRate ? s.noRate : rateWithCounts(now.rates.done, now.rates.due, now.rates.doneRate, lang);
  const first = [
    s.summaryPlan(truncate(plans, 60, "plain_text"), weekLabel(model.week, lang)),
    s.summaryDone(doneCount(now.counts), now.total, doneShare(now, lang)),
    `${s.summaryRate(rateText)}${compare && rate !== null ? `, ${rate} ${s.vsLastWeek}` : ""}`,
  ];
  const overdueChange = compare ? change(now.counts.OVERDUE - lastWeek.counts.OVERDUE, lang) : null;
  return [`${capitalise(first[0]!)}: ${first[1]}, ${first[2]}.`, capitalise(s.summaryIssues(now.counts.OVERDUE, overdueChange, obstaclesWaiting(model), model.silentUnits.length))];
}

function statusFields(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const compare = hasLastWeek(model);
  const figure = (now: number, before: number) => (compare ? `${now} (${change(now - before, lang)})` : String(now));
  return [
    `${bold(s.total)}\n${figure(model.now.total, model.lastWeek.total)}`,
    ...STATUS_ORDER.map((st) => `${statusEmoji(st)} ${bold(STATUS_LABELS[st][lang])}\n${figure(model.now.counts[st], model.lastWeek.counts[st])}`),
    `${bold(s.doneLabel)}\n${rateText(model.now.rates.doneRate, lang)}`,
    `${bold(s.onTimeLabel)}\n${rateText(model.now.rates.onTimeRate, lang)}`,
  ];
}

function indexFields(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const all = model.byIndex;
  const shown = all.length > INDEX_FIELDS + 1 ? all.slice(0, INDEX_FIELDS) : all;
  const items = shown.map((i) => {
    const done = doneCount(i.counts);
    const progress = s.indexDone(done, sumCounts(i.counts)) + (hasLastWeek(model) ? ` (${change(done - i.lastWeekDone, lang)})` : "");
    return `${bold(esc(i.name || i.code, INDEX_NAME_MAX))}\n${progress}\n${compactCounts(i.counts)}`;
  });
  if (shown.length < all.length) items.push(s.moreIndices(all.length - shown.length));
  return items;
}

function criterionLine(c: Criterion, lang: Lang): string {
  const s = DIGEST_STRINGS[lang];
  const f = criterionFacts(c, lang);
  const target = f.target === null ? null : `${s.target} ${f.target}${f.met === null ? "" : `: ${f.met ? s.met : s.notMet}`}`;
  const facts = [f.latest === null ? s.noData : `${s.latest} ${f.latest}`, f.change, target];
  const figures = esc(facts.filter((x) => x !== null).join(" · "), 300);
  return `• \`${esc(c.code.replace(/`/g, ""), CAPS.code)}\` ${esc(c.name, CRITERION_NAME_MAX)} — ${figures}`;
}

function unitLine(u: DigestModel["byUnit"][number], lang: Lang): string {
  const s = DIGEST_STRINGS[lang];
  const l = u.lead;
  const counts = `🔴 ${l.OVERDUE} · 🟡 ${l.IN_PROGRESS} · ⚪ ${l.NOT_STARTED} · ✅ ${doneCount(l)} · 📝 ${s.reports(u.reportsThisWeek)}`;
  const rates = u.rates.due === 0 ? "" : ` · ${s.doneLabel.toLowerCase()} ${rateWithCounts(u.rates.done, u.rates.due, u.rates.doneRate, lang)}`;
  return `• *${esc(u.unit.code, CAPS.code)}* ${s.leads(sumCounts(l))}: ${counts}${rates}`;
}

function overdueLine(t: DigestModel["overdue"][number], lang: Lang): string {
  const s = DIGEST_STRINGS[lang];
  const when =
    t.missingReport !== null ? dueText(t, lang) : t.daysOverdue === null ? `${s.due} ${dueText(t, lang)}` : `${s.daysOverdue(t.daysOverdue)} · ${s.due} ${dueText(t, lang)}`;
  return `• *${esc(t.code, CAPS.code)}* ${esc(t.title, TASK_TITLE_MAX)} — *${unitCodes(t.lead, 60)}* · ${when} · ${t.percent}%`;
}

function obstacleLine(o: DigestModel["openObstacles"][number], lang: Lang): string {
  const s = DIGEST_STRINGS[lang];
  return `• #${o.id} *${esc(o.unit.code, CAPS.code)}* · *${esc(o.task.code, CAPS.code)}* (${s.days(o.days)}): ${esc(o.text.trim(), OBSTACLE_TEXT_MAX)}`;
}

export function digestMessage(model: DigestModel, lang: Lang): SlackMessage {
  const s = DIGEST_STRINGS[lang];
  const weekPlain = weekLabel(model.week, lang);
  const title = (text: string, n?: number, emoji?: string) => section(`${emoji === undefined ? "" : `${emoji} `}${bold(text)}${n === undefined ? "" : ` (${n})`}`);

  const plans = model.plans.slice(0, PLANS_SHOWN).map((p) => s.plan(esc(p.number, CAPS.code), esc(p.title, BUDGET.planTitle)));
  if (model.plans.length > PLANS_SHOWN) plans.push(s.morePlans(model.plans.length - PLANS_SHOWN));

  // The two lines a director forwards as they are, first; then the details.
  const summary = digestSummary(model, lang);
  const blocks: KnownBlock[] = [header(s.header(weekPlain))];
  blocks.push(section(summary.map((line) => esc(line, 600)).join("\n")));
  blocks.push(context(s.to, ...plans));
  blocks.push(
    section(
      headlineFacts(model, lang)
        .map((f) => `${bold(f.label)}: ${f.value}`)
        .join("\n"),
    ),
    ...fields(statusFields(model, lang)),
    context(hasLastWeek(model) ? s.onTimeNote : `${s.onTimeNote} ${s.firstWeek}`),
  );

  if (model.byIndex.length > 0) blocks.push(divider(), title(s.byIndex), ...fields(indexFields(model, lang)));

  blocks.push(title(s.criteria));
  if (model.criteria.length === 0) blocks.push(context(s.noCriteria));
  else {
    const groups = criteriaByIndex(model.criteria).map((g) => ({
      title: bold(esc(g.index, INDEX_NAME_MAX)),
      lines: g.criteria.map((c) => criterionLine(c, lang)),
    }));
    blocks.push(...groupedSections(groups, { maxChars: BUDGET.criteria, more: s.moreCriteria }));
  }

  if (model.byUnit.length > 0) {
    blocks.push(
      divider(),
      title(s.byUnit, model.byUnit.length),
      context(s.unitLegend),
      ...lineSections(
        unitsWorstFirst(model.byUnit).map((u) => unitLine(u, lang)),
        { maxChars: BUDGET.units, more: s.moreUnits },
      ),
    );
  }

  const overdueCount = Math.max(model.overdueCount, model.overdue.length);
  blocks.push(divider(), title(s.overdue, overdueCount, "🔴"));
  if (overdueCount === 0) blocks.push(context(s.noOverdue));
  else
    blocks.push(
      ...countedSections(
        model.overdue.map((t) => overdueLine(t, lang)),
        overdueCount,
        { maxChars: BUDGET.overdue, more: s.moreTasks },
      ),
    );

  blocks.push(title(s.obstacles, obstaclesWaiting(model), "⚠️"));
  if (model.openObstacles.length === 0) blocks.push(context(s.noObstacles));
  else {
    blocks.push(
      ...countedSections(
        model.openObstacles.map((o) => obstacleLine(o, lang)),
        obstaclesWaiting(model),
        { maxChars: BUDGET.obstacles, more: s.moreObstacles },
      ),
    );
    // Leadership answers from here: a button for each of the oldest.
    // Slack refuses one action_id twice in a block: each button has its own block.
    for (const o of model.openObstacles.slice(0, DIRECT_BUTTONS)) {
      blocks.push(actions([button({ text: s.directButton(o.id), actionId: ACTION_IDS.obstacleDirect, value: String(o.id) })], `digest_obstacle_${o.id}`));
    }
  }

  // Deadline extensions waiting for leadership (issue 13); leaders decide in their direct messages.
  const pendingCount = Math.max(model.extensionsPendingCount ?? 0, model.extensionsPending?.length ?? 0);
  if (pendingCount > 0) {
    const lines = (model.extensionsPending ?? []).map((e) => extensionLine(e, model.today, lang));
    blocks.push(title(s.extensions, pendingCount, "📅"), ...lineSections(lines, { maxChars: BUDGET.extensions, more: s.moreExtensions }));
  }

  if (model.silentUnits.length === 0) blocks.push(context(s.noSilent));
  else {
    const codes = model.silentUnits.map((u) => `*${esc(u.code, CAPS.code)}*`);
    blocks.push(section(`🔕 ${bold(s.silent)} (${model.silentUnits.length}): ${joinCapped(codes, BUDGET.silentUnits, s.moreSilent)}`));
  }

  blocks.push(divider(), context(s.asOf(formatVnDate(model.today)), s.more));
  // The notification and a forwarded message's text: the two summary lines.
  return message(summary.map((line) => esc(line, 600)).join("\n"), blocks, lang);
}
