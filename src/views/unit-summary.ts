// Friday's summary in a unit's channel: the reports the unit sent this week
// (with the change in percent), what it finished, and what is now overdue.
//
// Blocks: header, context, counts, then three lists of a title and at most
// two sections each, a report button and a closing line: 14 at most. Text:
// the lists are packed into at most REPORT_CHARS, DONE_CHARS and
// OVERDUE_CHARS characters (8,500 in all), with "và X … khác" for the rest.
import type { KnownBlock } from "@slack/types";
import { formatVnDate, localDay, parts } from "../domain/day.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, fields, header, lineSections, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, dueText, esc, person, statusText, unitLabel } from "./format.js";
import type { Lang, UnitSummaryModel } from "../models/index.js";
import { WEEKLY_TITLE_MAX, countedSections, roleMark, weekLabel, weeklyTaskLines } from "./weekly.js";

type Report = UnitSummaryModel["reports"][number];

const REPORT_CHARS = 3_500;
const DONE_CHARS = 2_000;
const OVERDUE_CHARS = 3_000;
/** A title in a report line: the line also holds who, when and the change. */
const REPORT_TITLE_MAX = 120;

const vi = {
  header: (week: string, unit: string) => `Tổng kết ${week} · ${unit}`,
  span: (from: string, to: string) => `từ ${from} đến ${to}`,
  reportsCount: "📝 *Báo cáo trong tuần*",
  doneCount: "✅ *Hoàn thành trong tuần*",
  overdueCount: "🔴 *Đang quá hạn*",
  reports: "📝 *Báo cáo đơn vị đã gửi tuần này*",
  noReports: "Tuần này đơn vị chưa gửi báo cáo nào. Đề nghị đơn vị cập nhật tiến độ các nhiệm vụ trước khi hết tuần: bấm *Báo cáo tiến độ* bên dưới hoặc gõ `/kehoach baocao`.",
  done: "✅ *Hoàn thành trong tuần*",
  overdue: "🔴 *Nhiệm vụ đang quá hạn*",
  noOverdue: "Đơn vị không có nhiệm vụ nào quá hạn.",
  newPercent: (p: number) => `mới: ${p}%`,
  unchanged: (p: number) => `${p}% (không đổi)`,
  finished: "✅ hoàn thành",
  due: "Hạn",
  moreReports: (n: number) => `… và ${n} báo cáo khác`,
  moreTasks: (n: number) => `… và ${n} nhiệm vụ khác — xem đủ bằng \`/kehoach viec\`.`,
  report: "Báo cáo tiến độ",
  thanks: "Văn phòng Sở đã nhận các báo cáo trên để tổng hợp, báo cáo Lãnh đạo Sở.",
  closing: "Xem mọi nhiệm vụ của đơn vị: `/kehoach viec`.",
  fallback: (unit: string, week: string, reports: number, done: number, overdue: number) =>
    `${unit}, ${week}: ${reports} báo cáo, ${done} nhiệm vụ hoàn thành, ${overdue} đang quá hạn.`,
  fallbackNone: (unit: string, week: string) => `${unit}, ${week}: đơn vị chưa gửi báo cáo nào trong tuần.`,
};

const en: typeof vi = {
  header: (week, unit) => `Summary, ${week} · ${unit}`,
  span: (from, to) => `from ${from} to ${to}`,
  reportsCount: "📝 *Reports this week*",
  doneCount: "✅ *Done this week*",
  overdueCount: "🔴 *Now overdue*",
  reports: "📝 *Reports the unit sent this week*",
  noReports:
    "The unit has not sent any report this week. Please take a few minutes to update your tasks' progress before the week ends: press *Report progress* below or type `/kehoach report`.",
  done: "✅ *Done this week*",
  overdue: "🔴 *Tasks now overdue*",
  noOverdue: "The unit has no overdue tasks. 👍",
  newPercent: (p) => `new: ${p}%`,
  unchanged: (p) => `${p}% (unchanged)`,
  finished: "✅ done",
  due: "Due",
  moreReports: (n) => `… and ${n} more reports`,
  moreTasks: (n) => `… and ${n} more tasks — see them all with \`/kehoach tasks\`.`,
  report: "Report progress",
  thanks: "Thank you for reporting! The Office consolidates the reports for the department's leadership.",
  closing: "All the unit's tasks: `/kehoach tasks`.",
  fallback: (unit, week, reports, done, overdue) => `${unit}, ${week}: ${reports} reports, ${done} tasks done, ${overdue} now overdue.`,
  fallbackNone: (unit, week) => `${unit}, ${week}: the unit sent no report this week.`,
};

const STRINGS = { vi, en };

/** "40% → 60%", "mới: 60%", "60% (không đổi)"; "✅ hoàn thành" when the report closes the task. */
export function percentChange(r: Pick<Report, "percent" | "previousPercent" | "done">, lang: Lang): string {
  const s = STRINGS[lang];
  const change = r.previousPercent === null ? s.newPercent(r.percent) : r.previousPercent === r.percent ? s.unchanged(r.percent) : `${r.previousPercent}% → ${r.percent}%`;
  return r.done ? `${change} ${s.finished}` : change;
}

/** "21/09": within one week the year goes without saying. */
function dayMonth(at: Date): string {
  const { day, month } = parts(localDay(at));
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}`;
}

function reportLine(r: Report, lang: Lang): string {
  const task = `*${esc(r.task.code, CAPS.code)}* ${esc(r.task.title, REPORT_TITLE_MAX)}`;
  return `• ${task} (${roleMark(r.role, lang)}) — ${person(r.reporter)} · ${percentChange(r, lang)} · ${dayMonth(r.reportedAt)}`;
}

export function unitSummaryMessage(model: UnitSummaryModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const weekPlain = weekLabel(model.week, lang);
  const week = esc(weekPlain, 60);
  const code = esc(model.unit.code, CAPS.code);
  const reportCount = Math.max(model.reportCount, model.reports.length);
  const overdueCount = Math.max(model.overdueCount, model.overdue.length);
  const doneCount = model.doneThisWeek.length;

  const blocks: KnownBlock[] = [
    header(s.header(weekPlain, model.unit.code)),
    context(`${unitLabel(model.unit)} · ${s.span(formatVnDate(model.from), formatVnDate(model.to))}`),
    ...fields([`${s.reportsCount}\n${reportCount}`, `${s.doneCount}\n${doneCount}`, `${s.overdueCount}\n${overdueCount}`]),
  ];

  if (reportCount === 0) {
    blocks.push(section(s.noReports));
  } else {
    const lines = model.reports.map((r) => reportLine(r, lang));
    blocks.push(section(`${s.reports} (${reportCount})`), ...countedSections(lines, reportCount, { maxChars: REPORT_CHARS, more: s.moreReports }));
  }

  if (doneCount > 0) {
    const lines = model.doneThisWeek.map((t) => {
      const role = roleMark(t.role, lang);
      const facts = [role, statusText(t.status, lang), `${s.due}: ${dueText(t, lang)}`].filter((f) => f !== null).join(" · ");
      return `• *${esc(t.code, CAPS.code)}* ${esc(t.title, WEEKLY_TITLE_MAX)} — ${facts}`;
    });
    blocks.push(section(`${s.done} (${doneCount})`), ...lineSections(lines, { maxChars: DONE_CHARS, more: s.moreTasks }));
  }

  blocks.push(section(`${s.overdue} (${overdueCount})`));
  if (overdueCount === 0) {
    blocks.push(context(s.noOverdue));
  } else {
    const lines = model.overdue.map((t) => weeklyTaskLines(t, model.to, lang));
    blocks.push(...countedSections(lines, overdueCount, { maxChars: OVERDUE_CHARS, more: s.moreTasks }));
  }

  blocks.push(
    actions([button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: "", style: "primary" })]),
    context(reportCount === 0 ? s.closing : `${s.thanks} ${s.closing}`),
  );
  const fallback = reportCount === 0 ? s.fallbackNone(code, week) : s.fallback(code, week, reportCount, doneCount, overdueCount);
  return message(fallback, blocks, lang);
}
