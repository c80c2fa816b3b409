// The Office's view of the units' reports for a window: who has sent, who
// is preparing, who has not started; with the buttons to remind the others
// and to build the consolidated report. Shown in answer to
// `/kehoach tinhhinhbaocao`; App Home (h13) can show the same model.
import type { KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { actions, button, context, header, lineSections, message, type SlackMessage } from "./blocks.js";
import { CAPS, esc } from "./format.js";
import type { Lang } from "../models/index.js";
import { UNIT_REPORT_ACTIONS } from "./unit-report.js";
import type { UnitReportStatusModel, UnitReportStatusRow } from "../models/unit-report.js";

const d = formatVnDate;

const STRINGS = {
  vi: {
    head: (period: string) => `Tình hình gửi báo cáo ${period}`,
    summary: (m: UnitReportStatusModel) =>
      `Kế hoạch số ${esc(m.plan.number, CAPS.code)}: *${m.submitted}/${m.units.length}* đơn vị đã gửi báo cáo về Văn phòng Sở; hạn gửi chậm nhất ngày ${d(m.unitsDue)}${m.today > m.unitsDue ? " (đã quá hạn)" : ""}.`,
    row: (r: UnitReportStatusRow) =>
      r.state === "SUBMITTED"
        ? `✅ *${esc(r.unit.code, CAPS.code)}* ${esc(r.unit.name, CAPS.unitName)}: đã gửi ngày ${d(r.submittedOn!)}`
        : r.state === "DRAFT"
          ? `📝 *${esc(r.unit.code, CAPS.code)}* ${esc(r.unit.name, CAPS.unitName)}: đang lập dự thảo, chưa gửi`
          : `⚪ *${esc(r.unit.code, CAPS.code)}* ${esc(r.unit.name, CAPS.unitName)}: chưa gửi`,
    more: (n: number) => `… và ${n} đơn vị khác`,
    remind: (n: number) => `Nhắc ${n} đơn vị chưa gửi`,
    build: "Lập báo cáo tổng hợp, trình Lãnh đạo Sở",
    noChannel: (codes: string) => `Đơn vị chưa có kênh Slack nên không nhắc được: ${codes}.`,
    text: (m: UnitReportStatusModel) => `${m.submitted}/${m.units.length} đơn vị đã gửi báo cáo ${m.window.label}.`,
  },
  en: {
    head: (period: string) => `Units' reports for ${period}`,
    summary: (m: UnitReportStatusModel) =>
      `Plan ${esc(m.plan.number, CAPS.code)}: *${m.submitted} of ${m.units.length}* units have sent their report to the Office; due by ${d(m.unitsDue)}${m.today > m.unitsDue ? " (overdue)" : ""}.`,
    row: (r: UnitReportStatusRow) =>
      r.state === "SUBMITTED"
        ? `✅ *${esc(r.unit.code, CAPS.code)}* ${esc(r.unit.name, CAPS.unitName)}: sent on ${d(r.submittedOn!)}`
        : r.state === "DRAFT"
          ? `📝 *${esc(r.unit.code, CAPS.code)}* ${esc(r.unit.name, CAPS.unitName)}: draft in progress, not sent`
          : `⚪ *${esc(r.unit.code, CAPS.code)}* ${esc(r.unit.name, CAPS.unitName)}: not sent`,
    more: (n: number) => `… and ${n} more units`,
    remind: (n: number) => `Remind the ${n} unit(s) not sent`,
    build: "Build the consolidated report for leadership",
    noChannel: (codes: string) => `These units have no Slack channel and cannot be reminded: ${codes}.`,
    text: (m: UnitReportStatusModel) => `${m.submitted} of ${m.units.length} units have sent their report for ${m.window.label}.`,
  },
};

export function unitReportStatusMessage(m: UnitReportStatusModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const ref = JSON.stringify({ p: m.plan.id, w: m.window.key });
  const pending = m.units.filter((u) => u.state !== "SUBMITTED");
  const unreachable = pending.filter((u) => u.channel === null).map((u) => u.unit.code);
  const reachable = pending.length - unreachable.length;
  const blocks: KnownBlock[] = [
    header(s.head(m.window.label)),
    ...lineSections([s.summary(m)], { maxChars: 600, more: s.more }),
    ...lineSections(m.units.map(s.row), { maxChars: 6_000, more: s.more }),
  ];
  if (unreachable.length > 0) blocks.push(context(s.noChannel(esc(unreachable.join(", "), 600))));
  const buttons = [
    ...(reachable > 0 ? [button({ text: s.remind(reachable), actionId: UNIT_REPORT_ACTIONS.remind, value: ref })] : []),
    button({ text: s.build, actionId: UNIT_REPORT_ACTIONS.build, value: ref, style: "primary" }),
  ];
  blocks.push(actions(buttons));
  return message(s.text(m), blocks, lang);
}
