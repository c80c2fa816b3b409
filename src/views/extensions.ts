// Deadline extensions in Slack (issue 13): the unit lead's form, the
// request leadership decides on in a direct message, and what the unit is
// told; plus the lines the digest and the dashboard list.
import type { Datepicker, InputBlock, KnownBlock, ModalView, PlainTextInput } from "@slack/types";
import { formatVnDate, localDay, type Day } from "../domain/day.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, message, plain, section, type SlackMessage } from "./blocks.js";
import type { ExtensionItem, Lang } from "../models/direction.js";
import { CAPS, esc, mention } from "./format.js";
import { BLOCK_KIT_LIMITS as L } from "./limits.js";

export const EXTENSION_MODAL = {
  callbackId: "extension_request",
  /** datepicker: the deadline asked for (YYYY-MM-DD). */
  date: "to_due_on",
  /** multiline plain_text_input: the reason. */
  reason: "reason",
} as const;

const vi = {
  title: "Đề nghị gia hạn",
  send: "Gửi đề nghị",
  cancel: "Hủy",
  current: (due: string, original: string | null) => `Thời hạn hiện tại: ${due}${original ? ` (thời hạn ban đầu theo kế hoạch: ${original})` : ""}`,
  date: "Thời hạn đề nghị",
  reason: "Lý do đề nghị gia hạn",
  reasonHint: "Lãnh đạo Sở xem xét, cho ý kiến; thời hạn chỉ thay đổi khi được đồng ý.",
  requestHead: (unit: string, code: string) => `📅 *Đề nghị gia hạn* — đơn vị ${unit}, nhiệm vụ ${code}`,
  requestTo: "Kính gửi Lãnh đạo Sở",
  requestLine: (from: string, to: string, who: string) => `Đề nghị gia hạn từ ${from} đến *${to}* (đồng chí ${who} đề nghị)`,
  reasonLabel: "Lý do",
  approve: "Đồng ý gia hạn",
  decline: "Không đồng ý",
  approved: (code: string, to: string, by: string, original: string | null) =>
    `✅ Lãnh đạo Sở (đồng chí ${by}) đồng ý gia hạn nhiệm vụ *${code}* đến ngày *${to}*${original ? ` (thời hạn ban đầu: ${original})` : ""}. Thời hạn mới áp dụng từ hôm nay.`,
  declined: (code: string, to: string, by: string) =>
    `⛔ Lãnh đạo Sở (đồng chí ${by}) không đồng ý gia hạn nhiệm vụ *${code}* đến ngày ${to}; thời hạn giữ nguyên. Đề nghị đơn vị tập trung hoàn thành đúng thời hạn.`,
  requested: (code: string, to: string) => `Đã gửi Lãnh đạo Sở đề nghị gia hạn nhiệm vụ ${code} đến ngày ${to}. Thời hạn chỉ thay đổi khi được đồng ý.`,
  pendingLine: (code: string, unit: string, from: string, to: string, days: string) => `• *${code}* · *${unit}*: ${from} → ${to} ${days}`,
  asked: (n: number) => (n === 0 ? "(đề nghị hôm nay)" : `(đề nghị ${n} ngày trước)`),
};

const en: typeof vi = {
  title: "Extension request",
  send: "Send",
  cancel: "Cancel",
  current: (due, original) => `Current deadline: ${due}${original ? ` (the plan's deadline: ${original})` : ""}`,
  date: "New deadline asked for",
  reason: "Reason",
  reasonHint: "Leadership decides; the deadline changes only once approved.",
  requestHead: (unit, code) => `📅 *Extension request* — unit ${unit}, task ${code}`,
  requestTo: "To the department's leadership",
  requestLine: (from, to, who) => `From ${from} to *${to}* (asked by ${who})`,
  reasonLabel: "Reason",
  approve: "Approve",
  decline: "Decline",
  approved: (code, to, by, original) =>
    `✅ Leadership (${by}) approved extending task *${code}* to *${to}*${original ? ` (the plan's deadline: ${original})` : ""}. The new deadline applies from today.`,
  declined: (code, to, by) => `⛔ Leadership (${by}) declined extending task *${code}* to ${to}; the deadline stands.`,
  requested: (code, to) => `Your request to extend task ${code} to ${to} has gone to leadership. The deadline changes only once approved.`,
  pendingLine: (code, unit, from, to, days) => `• *${code}* · *${unit}*: ${from} → ${to} ${days}`,
  asked: (n) => (n === 0 ? "(asked today)" : `(asked ${n} days ago)`),
};

const STRINGS = { vi, en };
const d = (day: Day) => formatVnDate(day);

export function extensionModal(task: { code: string; title: string; dueOn: Day; originalDueOn: Day | null }, privateMetadata: string, lang: Lang): ModalView {
  const s = STRINGS[lang];
  const picker: Datepicker = { type: "datepicker", action_id: EXTENSION_MODAL.date };
  const reason: PlainTextInput = { type: "plain_text_input", action_id: EXTENSION_MODAL.reason, multiline: true, max_length: 2_000 };
  const dateBlock: InputBlock = { type: "input", block_id: EXTENSION_MODAL.date, label: plain(s.date, L.inputLabel), element: picker };
  const reasonBlock: InputBlock = {
    type: "input",
    block_id: EXTENSION_MODAL.reason,
    label: plain(s.reason, L.inputLabel),
    element: reason,
    hint: plain(s.reasonHint, L.inputHint),
  };
  return {
    type: "modal",
    callback_id: EXTENSION_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: plain(s.title, L.viewTitle),
    submit: plain(s.send, L.viewSubmit),
    close: plain(s.cancel, L.viewClose),
    blocks: [
      section(`*${esc(task.code, CAPS.code)}* ${esc(task.title, CAPS.title)}`),
      context(s.current(d(task.dueOn), task.originalDueOn ? d(task.originalDueOn) : null)),
      dateBlock,
      reasonBlock,
    ],
  };
}

/** Sent to each leader by direct message, with the decision's buttons. */
export function extensionRequestMessage(e: ExtensionItem, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const head = s.requestHead(`*${esc(e.unit.code, CAPS.code)}*`, `*${esc(e.task.code, CAPS.code)}*`);
  return message(
    head.replace(/\*/g, ""),
    [
      context(s.requestTo),
      section(`${head}\n${esc(e.task.title, CAPS.title)}`),
      section(`${s.requestLine(d(e.fromDueOn), d(e.toDueOn), mention(e.requestedBy))}\n*${s.reasonLabel}:* ${esc(e.reason, 2_000)}`),
      actions(
        [
          button({ text: s.approve, actionId: ACTION_IDS.extensionApprove, value: String(e.id), style: "primary" }),
          button({ text: s.decline, actionId: ACTION_IDS.extensionDecline, value: String(e.id), style: "danger" }),
        ],
        `extension_${e.id}`,
      ),
    ],
    lang,
  );
}

/** The decision, for the unit's channel, the requester, and in place of the leader's request. */
export function extensionDecidedMessage(e: ExtensionItem, originalDueOn: Day | null, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const code = esc(e.task.code, CAPS.code);
  const text =
    e.state === "APPROVED"
      ? s.approved(code, d(e.toDueOn), mention(e.decidedBy ?? ""), originalDueOn ? d(originalDueOn) : null)
      : s.declined(code, d(e.toDueOn), mention(e.decidedBy ?? ""));
  const blocks: KnownBlock[] = [section(text), context(`${esc(e.unit.code, CAPS.code)} · ${esc(e.task.title, 150)}`)];
  return message(text.replace(/\*/g, ""), blocks, lang);
}

export const extensionRequestedText = (lang: Lang, code: string, to: Day) => STRINGS[lang].requested(code, d(to));

/** One line per pending request, oldest first (the digest and the dashboard). */
export function extensionLine(e: ExtensionItem, today: Day, lang: Lang): string {
  const s = STRINGS[lang];
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(localDay(e.requestedAt))) / 86_400_000));
  return s.pendingLine(esc(e.task.code, CAPS.code), esc(e.unit.code, CAPS.code), d(e.fromDueOn), d(e.toDueOn), s.asked(days));
}
