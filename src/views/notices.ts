// Short messages: what a unit's channel and the Office's channel are told, and
// the confirmations and refusals a person sees after a command.
import type { KnownBlock } from "@slack/types";
import { AppError } from "../errors.js";
import { ROLE_LABELS } from "../i18n/labels.js";
import { context, fields, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, esc, evidenceLine, mention, person, safeMrkdwn, statusText, unitLabel } from "./format.js";
import { BLOCK_KIT_LIMITS as L, truncate } from "./limits.js";
import type { Lang, ObstacleRaisedModel, ReportPostedModel } from "../models/index.js";
import { pendingWaitingBlocks } from "./confirmations.js";
import { obstacleButtons } from "./obstacles.js";

/** A person's note or obstacle in a notice: long enough to read, short enough for a channel. */
const NOTICE_TEXT_MAX = 2_500;

const vi = {
  reported: (who: string, unit: string, role: string, task: string) => `📝 ${who} (${unit}, ${role}) đã báo cáo tiến độ nhiệm vụ ${task}`,
  percent: "Tiến độ",
  done: "Hoàn thành",
  yes: "Có",
  no: "Chưa",
  status: "Trạng thái",
  evidence: "Tài liệu kiểm chứng",
  moreLinks: (n: number) => `và ${n} liên kết khác`,
  plan: (number: string) => `Kế hoạch ${number}`,
  reportedFallback: (code: string, percent: number) => `Báo cáo tiến độ nhiệm vụ ${code}: ${percent}%`,
  obstacle: (id: number) => `⚠️ *Khó khăn, vướng mắc #${id}*`,
  obstacleTask: (task: string, who: string) => `Nhiệm vụ ${task}\nNgười báo: ${who}`,
  obstacleFooter: "Văn phòng Sở tổng hợp, báo cáo Lãnh đạo Sở",
  obstacleFallback: (unit: string, code: string) => `${unit} báo khó khăn, vướng mắc ở nhiệm vụ ${code}`,
  obstacleDirected: (who: string) => `🧭 Đã có ý kiến chỉ đạo của đồng chí ${who}: xem trong chuỗi tin nhắn.`,
  obstacleResolved: (who: string) => `✅ Đã giải quyết (đồng chí ${who} xác nhận): xem trong chuỗi tin nhắn.`,
  obstacleWithdrawn: (who: string) => `↩️ Đơn vị đã rút khó khăn, vướng mắc này (đồng chí ${who}).`,
  reportSaved: (code: string, percent: number) => `✅ Đã ghi nhận báo cáo tiến độ nhiệm vụ *${code}*: ${percent}%.`,
  obstacleSaved: (code: string) => `✅ Đã gửi khó khăn, vướng mắc của nhiệm vụ *${code}* đến Văn phòng Sở để tổng hợp, báo cáo Lãnh đạo Sở.`,
  notRegistered: (contacts: string) =>
    contacts === ""
      ? "Đồng chí chưa có trong danh sách thành viên của dondoc. Đề nghị đồng chí liên hệ Văn phòng Sở để được thêm vào đơn vị."
      : `Đồng chí chưa có trong danh sách thành viên của dondoc. Đề nghị đồng chí liên hệ Văn phòng Sở (${contacts}) để được thêm vào đơn vị.`,
  forbidden: (what: string) => `⛔ Đồng chí không có quyền ${what}. Nếu cần, đề nghị đồng chí liên hệ Văn phòng Sở.`,
};

const en: typeof vi = {
  reported: (who, unit, role, task) => `📝 ${who} (${unit}, ${role}) reported progress on task ${task}`,
  percent: "Progress",
  done: "Done",
  yes: "Yes",
  no: "Not yet",
  status: "Status",
  evidence: "Evidence",
  moreLinks: (n) => `and ${n} more links`,
  plan: (number) => `Plan ${number}`,
  reportedFallback: (code, percent) => `Progress report on task ${code}: ${percent}%`,
  obstacle: (id) => `⚠️ *Obstacle #${id}*`,
  obstacleTask: (task, who) => `Task ${task}\nRaised by: ${who}`,
  obstacleFooter: "The Office consolidates obstacles and reports them to the department's leadership",
  obstacleFallback: (unit, code) => `${unit} raised an obstacle on task ${code}`,
  obstacleDirected: (who) => `🧭 Leadership (${who}) has given direction: see the thread.`,
  obstacleResolved: (who) => `✅ Resolved (marked by ${who}): see the thread.`,
  obstacleWithdrawn: (who) => `↩️ Withdrawn by the unit (${who}).`,
  reportSaved: (code, percent) => `✅ Progress report on task *${code}* recorded: ${percent}%.`,
  obstacleSaved: (code) => `✅ Your obstacle on task *${code}* has gone to the Office, which consolidates and reports to the department's leadership.`,
  notRegistered: (contacts) =>
    contacts === ""
      ? "You are not on dondoc's member list yet. Please contact the Office to be added to your unit."
      : `You are not on dondoc's member list yet. Please contact the Office: ${contacts} to be added to your unit.`,
  forbidden: (what) => `⛔ You are not allowed to ${what}. If you need to, please contact the Office.`,
};

const STRINGS = { vi, en };

function taskRef(task: { code: string; title: string }): string {
  return `*${esc(task.code, CAPS.code)}* ${esc(task.title, CAPS.title)}`;
}

/** One section, for the short answers below: no list, nothing to budget. */
function single(text: string): SlackMessage {
  return { text: truncate(text, L.sectionText), blocks: [section(text)] };
}

/** Posted to the reporting unit's channel. */
export function reportPosted(model: ReportPostedModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [
    section(s.reported(person(model.reporter), `*${esc(model.unit.code, CAPS.code)}*`, ROLE_LABELS[model.role][lang], taskRef(model.task))),
    ...fields([`*${s.percent}*\n${model.percent}%`, `*${s.done}*\n${model.done ? `✅ ${s.yes}` : s.no}`, `*${s.status}*\n${statusText(model.status, lang)}`]),
  ];
  if (model.note.trim() !== "") blocks.push(section(esc(model.note.trim(), NOTICE_TEXT_MAX)));
  const evidence = evidenceLine(model.evidenceLinks, s.evidence, s.moreLinks);
  if (evidence) blocks.push(section(evidence));
  blocks.push(context(`${unitLabel(model.unit)} · ${s.plan(esc(model.task.planNumber, CAPS.code))}`));
  // A staff member's completion waits for the unit lead, who confirms or corrects it from here.
  if (model.pendingConfirmation && model.reportId !== undefined) blocks.push(...pendingWaitingBlocks(model.reportId, lang));
  return message(s.reportedFallback(esc(model.task.code, CAPS.code), model.percent), blocks, lang);
}

/** What became of an obstacle since its notice was posted: the notice shows it in place of the buttons no longer due. */
export type ObstacleNoticeState = { kind: "open" } | { kind: "directed"; by: string } | { kind: "closed"; outcome: "RESOLVED" | "WITHDRAWN"; by: string };

/** Posted to the unit's and the Office's channels; the unit's is updated as the obstacle lives. */
export function obstacleRaised(model: ObstacleRaisedModel, lang: Lang, state: ObstacleNoticeState = { kind: "open" }): SlackMessage {
  const s = STRINGS[lang];
  const quoted = esc(model.text.trim(), NOTICE_TEXT_MAX)
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
  const blocks: KnownBlock[] = [
    section(`${s.obstacle(model.id)} — ${unitLabel(model.unit)}`),
    section(s.obstacleTask(taskRef(model.task), person(model.raisedBy))),
    section(quoted),
    context(`${s.obstacleFooter} · ${s.plan(esc(model.task.planNumber, CAPS.code))}`),
  ];
  // Leadership answers from here; the Office or the unit closes it (each click is checked).
  if (state.kind === "open") blocks.push(obstacleButtons(model.id, lang));
  else if (state.kind === "directed") blocks.push(context(s.obstacleDirected(mention(state.by))), obstacleButtons(model.id, lang, { direct: false }));
  else blocks.push(context((state.outcome === "RESOLVED" ? s.obstacleResolved : s.obstacleWithdrawn)(mention(state.by))));
  return message(s.obstacleFallback(esc(model.unit.code, CAPS.code), esc(model.task.code, CAPS.code)), blocks, lang);
}

/** Ephemeral confirmation after a progress report is saved. */
export function reportSaved(lang: Lang, taskCode: string, percent: number): SlackMessage {
  return single(STRINGS[lang].reportSaved(esc(taskCode, CAPS.code), percent));
}

/** Ephemeral confirmation after an obstacle is raised. */
export function obstacleSaved(lang: Lang, taskCode: string): SlackMessage {
  return single(STRINGS[lang].obstacleSaved(esc(taskCode, CAPS.code)));
}

/**
 * Something went wrong, said in the caller's words (an AppError's text).
 * Mentions in it (`<@U…>`, `<#C…>`) render; anything else is escaped.
 */
export function errorMessage(text: string): SlackMessage {
  return single(`⚠️ ${safeMrkdwn(text)}`);
}

/**
 * A progress report that was not saved: why, then what the person entered, so
 * that nothing they typed is lost.
 */
export function reportNotSaved(lang: Lang, reasons: AppError[], entered: { percent: number; done: boolean; note: string; links: string[] }): SlackMessage {
  const reason = reasons.map((r) => r.text(lang)).join(" ");
  const what = new AppError("REPORT_ENTERED", { percent: entered.percent, done: entered.done ? 1 : "", note: entered.note.slice(0, 500), links: entered.links.join(" ") });
  return errorMessage(`${new AppError("REPORT_NOT_SAVED", { reason }).text(lang)}\n${what.text(lang)}`);
}

/** A command succeeded; `text` in both languages, with mentions allowed (as errorMessage). */
export function confirmation(lang: Lang, text: Record<Lang, string>): SlackMessage {
  return single(`✅ ${safeMrkdwn(text[lang])}`);
}

/** The notRegistered line in one language, also shown on App Home. */
export function notRegisteredText(lang: Lang, officeContacts: { name: string; slackUserId: string }[]): string {
  const contacts = officeContacts.map((c) => mention(c.slackUserId)).join(", ");
  return STRINGS[lang].notRegistered(contacts);
}

/**
 * Someone dondoc does not know. Their language is a guess (Slack's locale), so
 * both languages are shown, theirs first.
 */
export function notRegistered(lang: Lang, officeContacts: { name: string; slackUserId: string }[]): SlackMessage {
  const other: Lang = lang === "vi" ? "en" : "vi";
  const first = notRegisteredText(lang, officeContacts);
  return { text: truncate(first, L.sectionText), blocks: [section(first), context(notRegisteredText(other, officeContacts))] };
}

/** `what` says, in `lang`, what the person tried ("thêm thành viên" / "add members"). */
export function forbidden(lang: Lang, what: string): SlackMessage {
  return single(STRINGS[lang].forbidden(esc(what, 200)));
}
