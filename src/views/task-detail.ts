// /kehoach xem MÃ: one task in full: its text as the plan states it, who leads
// and cooperates, the deadline and status, the last reports and the open
// obstacles.
//
// Text budget (Slack refuses messages of roughly 12,000 characters): the
// plan's text gets a section of its own (3,000), fields ~1,500, five reports of
// at most 700 each, open obstacles 1,000: about 10,000 in the worst case.
import type { KnownBlock } from "@slack/types";
import { bodyLines, STATUS_LABELS, targetText } from "../i18n/labels.js";
import { actions, button, context, divider, fields, header, lineSections, message, section, statusEmoji, type SlackMessage } from "./blocks.js";
import { CAPS, dueText, esc, evidenceLine, person, slackDate, statusText, unitCodes } from "./format.js";
import { BLOCK_KIT_LIMITS as L, truncate } from "./limits.js";
import type { Lang, ReportEntry, TaskDetailModel } from "../models/index.js";
import { ACTION_IDS } from "./action-ids.js";

const REPORTS_SHOWN = 5;
const REPORT_MAX = 700;
const FIELD_MAX = 150;

const vi = {
  lead: "Chủ trì",
  cooperating: "Phối hợp",
  target: "Chỉ tiêu",
  index: "Chỉ số",
  criterion: "Tiêu chí",
  due: "Hạn",
  status: "Trạng thái",
  percent: "Tiến độ",
  plan: "Kế hoạch",
  dueNote: "Về thời hạn:",
  reports: "*Báo cáo gần đây*",
  noReports: "Chưa có báo cáo nào cho nhiệm vụ này.",
  done: "✅ đã hoàn thành",
  notDone: "chưa hoàn thành",
  evidence: "Tài liệu kiểm chứng",
  moreLinks: (n: number) => `và ${n} liên kết khác`,
  obstacles: "*Khó khăn, vướng mắc chưa giải quyết*",
  moreObstacles: (n: number) => `… và ${n} vướng mắc khác`,
  report: "Báo cáo tiến độ",
  fallback: (code: string, title: string, status: string) => `Nhiệm vụ ${code}: ${title} (${status})`,
};

const en: typeof vi = {
  lead: "Lead",
  cooperating: "Cooperating",
  target: "Target",
  index: "Index",
  criterion: "Criterion",
  due: "Due",
  status: "Status",
  percent: "Progress",
  plan: "Plan",
  dueNote: "On the deadline:",
  reports: "*Latest reports*",
  noReports: "No reports on this task yet.",
  done: "✅ done",
  notDone: "not done",
  evidence: "Evidence",
  moreLinks: (n) => `and ${n} more links`,
  obstacles: "*Open obstacles*",
  moreObstacles: (n) => `… and ${n} more obstacles`,
  report: "Report progress",
  fallback: (code, title, status) => `Task ${code}: ${title} (${status})`,
};

const STRINGS = { vi, en };

type Strings = typeof vi;

function reportText(r: ReportEntry, s: Strings): string {
  const head = [`*${esc(r.unit.code, CAPS.code)}*`, `${r.percent}%`, r.done ? s.done : s.notDone, person(r.reporter), slackDate(r.reportedAt)];
  const lines = [head.join(" · ")];
  if (r.note.trim() !== "") lines.push(esc(r.note.trim(), CAPS.note));
  const evidence = evidenceLine(r.evidenceLinks, s.evidence, s.moreLinks);
  if (evidence) lines.push(evidence);
  return truncate(lines.join("\n"), REPORT_MAX);
}

export function taskDetailMessage(model: TaskDetailModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const t = model.task;
  const blocks: KnownBlock[] = [header(t.code), section(`*${esc(t.title, CAPS.title)}*`)];
  if (t.text.trim() !== "" && t.text.trim() !== t.title.trim()) blocks.push(section(esc(t.text.trim(), L.sectionText)));

  const field = (label: string, value: string) => `*${label}*\n${truncate(value, FIELD_MAX)}`;
  const lead = t.leadNote ? `${unitCodes(t.lead)} (${esc(t.leadNote, FIELD_MAX)})` : unitCodes(t.lead);
  const items = [field(s.lead, lead), field(s.cooperating, unitCodes(t.cooperating))];
  for (const l of bodyLines(t.bodies, lang)) items.push(field(l.label, esc(l.names, FIELD_MAX)));
  if (t.target) items.push(field(s.target, esc(targetText(t.target, lang), FIELD_MAX)));
  if (t.index) items.push(field(s.index, esc(`${t.index.name || t.index.code}`, FIELD_MAX)));
  if (t.criterion) items.push(field(s.criterion, esc(`${t.criterion.code} ${t.criterion.name}`, FIELD_MAX)));
  items.push(field(s.due, dueText(t, lang)), field(s.status, statusText(t.status, lang)), field(s.percent, `${t.percent}%`), field(s.plan, esc(t.planNumber, FIELD_MAX)));
  blocks.push(...fields(items));
  if (t.dueNote) blocks.push(context(`${s.dueNote} ${esc(t.dueNote, CAPS.note)}`));

  blocks.push(divider(), section(s.reports));
  if (model.reports.length === 0) blocks.push(context(s.noReports));
  for (const r of model.reports.slice(0, REPORTS_SHOWN)) blocks.push(section(reportText(r, s)));

  if (model.openObstacles.length > 0) {
    const lines = model.openObstacles.map((o) => `• #${o.id} *${esc(o.unit.code, CAPS.code)}* ${person(o.raisedBy)} ${slackDate(o.raisedAt)}: ${esc(o.text, CAPS.note)}`);
    blocks.push(section(s.obstacles), ...lineSections(lines, { maxChars: 1_000, more: s.moreObstacles }));
  }

  if (model.canReport) {
    blocks.push(actions([button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: String(t.id), style: "primary" })]));
  }

  const fallback = s.fallback(esc(t.code, CAPS.code), esc(t.title, CAPS.title), `${statusEmoji(t.status)} ${STATUS_LABELS[t.status][lang]}`);
  return message(fallback, blocks, lang);
}
