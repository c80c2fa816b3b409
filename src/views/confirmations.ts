// The unit lead's side of a staff member's completion (issue 13): the
// buttons under the report in the unit's channel and on App Home, the
// correction form, and what the channel is told.
import type { Checkboxes, InputBlock, KnownBlock, ModalView, NumberInput, PlainTextInput } from "@slack/types";
import { formatVnDate, localDay } from "../domain/day.js";
import { PERCENT_DROP_NEEDS_REASON } from "../domain/permissions.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, message, plain, section, type SlackMessage } from "./blocks.js";
import type { Lang, PendingCompletion } from "../models/direction.js";
import { CAPS, esc, mention } from "./format.js";
import { BLOCK_KIT_LIMITS as L } from "./limits.js";

export const CORRECTION_MODAL = {
  callbackId: "report_correction",
  percent: "percent",
  done: "done",
  reason: "reason",
} as const;

const vi = {
  waiting: "⏳ Báo cáo hoàn thành đang chờ lãnh đạo đơn vị xác nhận; nhiệm vụ chỉ được tính là hoàn thành sau khi xác nhận.",
  confirm: "Xác nhận hoàn thành",
  correct: "Điều chỉnh",
  pendingTitle: "🕒 *Báo cáo hoàn thành chờ đồng chí xác nhận*",
  pendingLine: (code: string, title: string, who: string, day: string) => `*${code}* ${title}\n${who} báo cáo hoàn thành ngày ${day}`,
  confirmed: (who: string, code: string) => `✅ Đồng chí ${who} đã xác nhận hoàn thành nhiệm vụ *${code}*.`,
  already: (code: string) => `Báo cáo hoàn thành nhiệm vụ ${code} đã được xác nhận trước đó.`,
  corrected: (who: string, code: string, from: number, to: number) => `✏️ Đồng chí ${who} đã điều chỉnh báo cáo tiến độ nhiệm vụ *${code}*: từ ${from}% thành ${to}%.`,
  reasonLine: "Lý do điều chỉnh",
  kept: "Báo cáo ban đầu được lưu giữ.",
  title: "Điều chỉnh báo cáo",
  save: "Ghi nhận",
  cancel: "Hủy",
  original: (who: string, percent: number, day: string) => `Báo cáo ban đầu: ${who}, ${percent}%, ngày ${day}. Báo cáo ban đầu được lưu giữ; việc điều chỉnh được ghi lại.`,
  percent: "Tiến độ sau điều chỉnh (%)",
  done: "Đã hoàn thành",
  doneLabel: "Hoàn thành",
  reason: "Lý do điều chỉnh",
  reasonHint: `Bắt buộc khi tiến độ giảm hơn ${PERCENT_DROP_NEEDS_REASON} điểm phần trăm.`,
  correctedSaved: (code: string) => `Đã ghi nhận điều chỉnh báo cáo nhiệm vụ ${code}.`,
};

const en: typeof vi = {
  waiting: "⏳ This completion waits for the unit lead's confirmation; the task counts as done once confirmed.",
  confirm: "Confirm completion",
  correct: "Correct",
  pendingTitle: "🕒 *Completions waiting for your confirmation*",
  pendingLine: (code, title, who, day) => `*${code}* ${title}\n${who} reported it done on ${day}`,
  confirmed: (who, code) => `✅ ${who} confirmed task *${code}* as done.`,
  already: (code) => `The completion of task ${code} was confirmed already.`,
  corrected: (who, code, from, to) => `✏️ ${who} corrected the progress report on task *${code}*: from ${from}% to ${to}%.`,
  reasonLine: "Reason",
  kept: "The original report is kept.",
  title: "Correct a report",
  save: "Save",
  cancel: "Cancel",
  original: (who, percent, day) => `Original report: ${who}, ${percent}%, on ${day}. It is kept; the correction is recorded.`,
  percent: "Progress after correction (%)",
  done: "Done",
  doneLabel: "Completion",
  reason: "Reason for the correction",
  reasonHint: `Required when progress drops by more than ${PERCENT_DROP_NEEDS_REASON} points.`,
  correctedSaved: (code) => `The correction of the report on task ${code} is recorded.`,
};

export const CONFIRMATION_STRINGS = { vi, en };
const STRINGS = CONFIRMATION_STRINGS;

/** Under a pending completion: the unit lead confirms or corrects (each click is checked). */
export function confirmButtons(reportId: number, lang: Lang): KnownBlock {
  const s = STRINGS[lang];
  return actions(
    [
      button({ text: s.confirm, actionId: ACTION_IDS.reportConfirm, value: String(reportId), style: "primary" }),
      button({ text: s.correct, actionId: ACTION_IDS.reportCorrect, value: String(reportId) }),
    ],
    `report_${reportId}`,
  );
}

export function pendingWaitingBlocks(reportId: number, lang: Lang): KnownBlock[] {
  return [context(STRINGS[lang].waiting), confirmButtons(reportId, lang)];
}

/** The lead's App Home list: at most `max` (one section and one actions block each). */
export function pendingCompletionBlocks(items: readonly PendingCompletion[], lang: Lang, max = 5): KnownBlock[] {
  if (items.length === 0) return [];
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [section(`${s.pendingTitle} (${items.length})`)];
  for (const p of items.slice(0, max)) {
    blocks.push(section(s.pendingLine(esc(p.task.code, CAPS.code), esc(p.task.title, CAPS.title), mention(p.reporter), formatVnDate(localDay(p.reportedAt)))));
    blocks.push(confirmButtons(p.reportId, lang));
  }
  return blocks;
}

export function confirmedMessage(lang: Lang, who: string, code: string): SlackMessage {
  const text = STRINGS[lang].confirmed(mention(who), esc(code, CAPS.code));
  return message(text, [section(text)], lang);
}

export function alreadyConfirmedText(lang: Lang, code: string): string {
  return STRINGS[lang].already(code);
}

export function correctedMessage(lang: Lang, c: { who: string; code: string; from: number; to: number; reason: string }): SlackMessage {
  const s = STRINGS[lang];
  const text = s.corrected(mention(c.who), esc(c.code, CAPS.code), c.from, c.to);
  const blocks: KnownBlock[] = [section(text)];
  if (c.reason.trim() !== "") blocks.push(section(`*${s.reasonLine}:* ${esc(c.reason, 1_000)}`));
  blocks.push(context(s.kept));
  return message(text, blocks, lang);
}

export const correctedSavedText = (lang: Lang, code: string) => STRINGS[lang].correctedSaved(code);

export function correctionModal(
  data: { report: { percent: number; done: boolean; reporter: string; reportedAt: Date }; task: { code: string; title: string } },
  privateMetadata: string,
  lang: Lang,
): ModalView {
  const s = STRINGS[lang];
  const percent: NumberInput = {
    type: "number_input",
    action_id: CORRECTION_MODAL.percent,
    is_decimal_allowed: false,
    min_value: "0",
    max_value: "100",
    initial_value: String(data.report.percent),
  };
  const done: Checkboxes = { type: "checkboxes", action_id: CORRECTION_MODAL.done, options: [{ text: plain(s.done, L.optionText), value: "done" }] };
  const reason: PlainTextInput = { type: "plain_text_input", action_id: CORRECTION_MODAL.reason, multiline: true, max_length: 1_000 };
  const input = (id: string, label: string, element: InputBlock["element"], opts: { optional?: boolean; hint?: string } = {}): InputBlock => ({
    type: "input",
    block_id: id,
    label: plain(label, L.inputLabel),
    element,
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint, L.inputHint) } : {}),
  });
  return {
    type: "modal",
    callback_id: CORRECTION_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: plain(s.title, L.viewTitle),
    submit: plain(s.save, L.viewSubmit),
    close: plain(s.cancel, L.viewClose),
    blocks: [
      section(`*${esc(data.task.code, CAPS.code)}* ${esc(data.task.title, CAPS.title)}`),
      context(s.original(mention(data.report.reporter), data.report.percent, formatVnDate(localDay(data.report.reportedAt)))),
      input(CORRECTION_MODAL.percent, s.percent, percent),
      input(CORRECTION_MODAL.done, s.doneLabel, done, { optional: true }),
      input(CORRECTION_MODAL.reason, s.reason, reason, { optional: true, hint: s.reasonHint }),
    ],
  };
}
