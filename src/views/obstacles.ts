// The life of an obstacle in Slack: the buttons under its notice, the list
// (`/kehoach vuongmac`), the forms "Ý kiến chỉ đạo" and "Đóng khó khăn,
// vướng mắc", and what the unit's channel and the reporter are told.
import type { InputBlock, KnownBlock, ModalView, PlainTextInput, RadioButtons } from "@slack/types";
import { formatVnDate, localDay } from "../domain/day.js";
import { actions, button, context, header, message, plain, section, type SlackMessage } from "./blocks.js";
import { ACTION_IDS } from "./action-ids.js";
import type { DirectionGivenModel, Lang, ObstacleClosedModel, ObstacleItem, ObstacleListModel } from "../models/direction.js";
import { CAPS, esc, mention } from "./format.js";
import { BLOCK_KIT_LIMITS as L, truncate } from "./limits.js";

export const DIRECTION_MODAL = {
  callbackId: "obstacle_direction",
  /** multiline plain_text_input: the direction. */
  text: "direction",
} as const;

export const CLOSE_MODAL = {
  callbackId: "obstacle_close",
  /** radio_buttons: "RESOLVED" or "WITHDRAWN". */
  outcome: "outcome",
  /** multiline plain_text_input: how it was resolved, or why it is withdrawn. */
  note: "note",
} as const;

const QUOTE_MAX = 600;
const LIST_TEXT_MAX = 200;

const vi = {
  direct: "Cho ý kiến chỉ đạo",
  close: "Đóng vướng mắc",
  listTitle: "Khó khăn, vướng mắc chưa giải quyết",
  scopeAll: "Của tất cả các đơn vị (nêu lâu nhất xếp trước)",
  scopeUnit: (unit: string) => `Của đơn vị ${unit} (nêu lâu nhất xếp trước)`,
  none: "Không có khó khăn, vướng mắc nào chưa giải quyết.",
  more: (n: number) => `… và ${n} vướng mắc khác`,
  age: (n: number) => (n === 0 ? "nêu hôm nay" : `đã ${n} ngày`),
  waiting: "⏳ chờ ý kiến chỉ đạo",
  directed: (by: string) => `🧭 đã có ý kiến chỉ đạo của ${by}`,
  directionTitle: "Ý kiến chỉ đạo",
  directionLabel: "Ý kiến chỉ đạo của lãnh đạo Sở",
  directionHint: "Ý kiến sẽ được gửi đến kênh của đơn vị (trong chuỗi trao đổi của vướng mắc) và đến người nêu vướng mắc.",
  send: "Gửi",
  cancel: "Hủy",
  closeTitle: "Đóng vướng mắc",
  outcome: "Kết quả",
  resolved: "Đã giải quyết",
  withdrawn: "Đơn vị rút lại",
  noteLabel: "Kết quả giải quyết hoặc lý do rút lại",
  save: "Ghi nhận",
  obstacleHead: (id: number, unit: string, task: string) => `⚠️ *Khó khăn, vướng mắc #${id}* — ${unit} · nhiệm vụ ${task}`,
  givenHead: (id: number, by: string) => `🧭 *Ý kiến chỉ đạo* về khó khăn, vướng mắc #${id} của đồng chí ${by}`,
  givenTo: (reporter: string) => `Kính gửi đồng chí ${reporter}: đề nghị đơn vị triển khai thực hiện theo ý kiến chỉ đạo.`,
  givenFallback: (id: number, code: string) => `Ý kiến chỉ đạo về khó khăn, vướng mắc #${id} (nhiệm vụ ${code})`,
  closedHead: (id: number, outcome: "RESOLVED" | "WITHDRAWN", by: string) =>
    outcome === "RESOLVED" ? `✅ Khó khăn, vướng mắc #${id} đã được giải quyết (${by} ghi nhận).` : `↩️ Khó khăn, vướng mắc #${id} đã được đơn vị rút lại (${by}).`,
  directionSaved: (id: number) => `Đã gửi ý kiến chỉ đạo về khó khăn, vướng mắc #${id} đến đơn vị và người nêu vướng mắc.`,
  closeSaved: (id: number, outcome: "RESOLVED" | "WITHDRAWN") => `Đã ghi nhận khó khăn, vướng mắc #${id} ${outcome === "RESOLVED" ? "đã được giải quyết" : "đã được rút lại"}.`,
  raisedOn: (day: string) => `Nêu ngày ${day}`,
};

const en: typeof vi = {
  direct: "Give direction",
  close: "Close",
  listTitle: "Open obstacles",
  scopeAll: "Every unit's, oldest first",
  scopeUnit: (unit) => `Unit ${unit}'s, oldest first`,
  none: "No open obstacles.",
  more: (n) => `… and ${n} more obstacles`,
  age: (n) => (n === 0 ? "raised today" : `${n} days old`),
  waiting: "⏳ waiting for direction",
  directed: (by) => `🧭 direction given by ${by}`,
  directionTitle: "Direction",
  directionLabel: "The leadership's direction",
  directionHint: "It goes to the unit's channel (in the obstacle's thread) and to the person who raised it.",
  send: "Send",
  cancel: "Cancel",
  closeTitle: "Close the obstacle",
  outcome: "Outcome",
  resolved: "Resolved",
  withdrawn: "Withdrawn by the unit",
  noteLabel: "How it was resolved, or why it is withdrawn",
  save: "Save",
  obstacleHead: (id, unit, task) => `⚠️ *Obstacle #${id}* — ${unit} · task ${task}`,
  givenHead: (id, by) => `🧭 *Direction* on obstacle #${id} from ${by}`,
  givenTo: (reporter) => `To ${reporter}: please carry out the direction.`,
  givenFallback: (id, code) => `Direction on obstacle #${id} (task ${code})`,
  closedHead: (id, outcome, by) => (outcome === "RESOLVED" ? `✅ Obstacle #${id} is resolved (recorded by ${by}).` : `↩️ Obstacle #${id} was withdrawn by the unit (${by}).`),
  directionSaved: (id) => `Your direction on obstacle #${id} has gone to the unit and to the person who raised it.`,
  closeSaved: (id, outcome) => `Obstacle #${id} is recorded as ${outcome === "RESOLVED" ? "resolved" : "withdrawn"}.`,
  raisedOn: (day) => `Raised on ${day}`,
};

export const OBSTACLE_STRINGS = { vi, en };

const quote = (text: string, max: number) =>
  esc(text.trim(), max)
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");

/** The buttons under an obstacle: leadership answers, the Office or the unit closes. Each click is checked again. */
export function obstacleButtons(id: number, lang: Lang, options: { direct?: boolean; close?: boolean } = {}): KnownBlock {
  const s = STRINGS[lang];
  const elements = [];
  if (options.direct ?? true) elements.push(button({ text: s.direct, actionId: ACTION_IDS.obstacleDirect, value: String(id), style: "primary" }));
  if (options.close ?? true) elements.push(button({ text: s.close, actionId: ACTION_IDS.obstacleClose, value: String(id) }));
  return actions(elements, `obstacle_${id}`);
}

const STRINGS = OBSTACLE_STRINGS;

function itemLine(o: ObstacleItem, lang: Lang): string {
  const s = STRINGS[lang];
  const state = o.state === "OPEN" ? s.waiting : s.directed(mention(o.directedBy ?? ""));
  return `*#${o.id}* · *${esc(o.unit.code, CAPS.code)}* · *${esc(o.task.code, CAPS.code)}* · ${s.age(o.days)} · ${state}\n${quote(o.text, LIST_TEXT_MAX)}`;
}

/** `/kehoach vuongmac`: open obstacles, oldest first, each with its buttons. */
export function obstacleListMessage(model: ObstacleListModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const scope = model.scope === "all" ? s.scopeAll : s.scopeUnit(`*${esc(model.scope.code, CAPS.code)}*`);
  const blocks: KnownBlock[] = [header(`${s.listTitle} (${model.total})`), context(scope)];
  if (model.total === 0) blocks.push(section(s.none));
  for (const o of model.obstacles) {
    blocks.push(section(itemLine(o, lang)));
    blocks.push(obstacleButtons(o.id, lang, { direct: model.canDirect && o.state === "OPEN" }));
  }
  if (model.total > model.obstacles.length) blocks.push(context(s.more(model.total - model.obstacles.length)));
  return message(`${s.listTitle} (${model.total})`, blocks, lang);
}

function textInput(id: string, label: string, opts: { hint?: string; optional?: boolean; max: number; initial?: string }): InputBlock {
  const element: PlainTextInput = { type: "plain_text_input", action_id: id, multiline: true, max_length: opts.max };
  if (opts.initial) element.initial_value = opts.initial;
  const block: InputBlock = { type: "input", block_id: id, label: plain(label, L.inputLabel), element };
  if (opts.hint) block.hint = plain(opts.hint, L.inputHint);
  if (opts.optional) block.optional = true;
  return block;
}

function obstacleSummary(o: ObstacleItem, lang: Lang): KnownBlock[] {
  const s = STRINGS[lang];
  return [
    section(s.obstacleHead(o.id, `*${esc(o.unit.code, CAPS.code)}*`, `*${esc(o.task.code, CAPS.code)}* ${esc(o.task.title, 150)}`)),
    section(quote(o.text, QUOTE_MAX)),
    context(`${s.raisedOn(formatVnDate(localDay(o.raisedAt)))} · ${mention(o.raisedBy)}`),
  ];
}

/** The form "Ý kiến chỉ đạo". */
export function directionModal(o: ObstacleItem, privateMetadata: string, maxLength: number, lang: Lang): ModalView {
  const s = STRINGS[lang];
  return {
    type: "modal",
    callback_id: DIRECTION_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: plain(s.directionTitle, L.viewTitle),
    submit: plain(s.send, L.viewSubmit),
    close: plain(s.cancel, L.viewClose),
    blocks: [...obstacleSummary(o, lang), textInput(DIRECTION_MODAL.text, s.directionLabel, { hint: s.directionHint, max: maxLength })],
  };
}

/** The form that closes an obstacle: resolved (the Office or the unit) or withdrawn (the unit only). */
export function closeModal(o: ObstacleItem, canWithdraw: boolean, privateMetadata: string, maxLength: number, lang: Lang): ModalView {
  const s = STRINGS[lang];
  const options = [{ text: plain(s.resolved, L.optionText), value: "RESOLVED" }];
  if (canWithdraw) options.push({ text: plain(s.withdrawn, L.optionText), value: "WITHDRAWN" });
  const outcome: RadioButtons = { type: "radio_buttons", action_id: CLOSE_MODAL.outcome, options, initial_option: options[0]! };
  const blocks: KnownBlock[] = [...obstacleSummary(o, lang)];
  if (o.direction) blocks.push(section(`${s.directed(mention(o.directedBy ?? ""))}\n${quote(o.direction, QUOTE_MAX)}`));
  blocks.push(
    { type: "input", block_id: CLOSE_MODAL.outcome, label: plain(s.outcome, L.inputLabel), element: outcome },
    textInput(CLOSE_MODAL.note, s.noteLabel, { max: maxLength }),
  );
  return {
    type: "modal",
    callback_id: CLOSE_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: plain(s.closeTitle, L.viewTitle),
    submit: plain(s.save, L.viewSubmit),
    close: plain(s.cancel, L.viewClose),
    blocks,
  };
}

/** Posted in the obstacle's thread in the unit's channel, and sent to the reporter. */
export function directionGivenMessage(model: DirectionGivenModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const o = model.obstacle;
  return message(
    s.givenFallback(o.id, esc(o.task.code, CAPS.code)),
    [
      section(s.givenHead(o.id, mention(model.directedBy))),
      section(quote(model.direction, 2_500)),
      context(`${esc(o.unit.code, CAPS.code)} · ${esc(o.task.code, CAPS.code)} · ${s.givenTo(mention(o.raisedBy))}`),
      obstacleButtons(o.id, lang, { direct: false }),
    ],
    lang,
  );
}

/** Posted in the obstacle's thread when it is closed. */
export function obstacleClosedMessage(model: ObstacleClosedModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const head = s.closedHead(model.obstacle.id, model.outcome, mention(model.closedBy));
  const blocks: KnownBlock[] = [section(head)];
  if (model.note.trim() !== "") blocks.push(section(quote(model.note, 2_500)));
  return message(truncate(head, 300), blocks, lang);
}

export const directionSavedText = (lang: Lang, id: number) => STRINGS[lang].directionSaved(id);
export const obstacleClosedSavedText = (lang: Lang, id: number) => STRINGS[lang].closeSaved(id, "RESOLVED");
export const closeSavedText = (lang: Lang, id: number, outcome: "RESOLVED" | "WITHDRAWN") => STRINGS[lang].closeSaved(id, outcome);
