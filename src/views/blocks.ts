// Block Kit builders. Every builder truncates or splits what it is given, so
// no view can produce a block Slack would refuse, whatever the data.
//
// Block Kit is written as plain objects typed by @slack/types rather than with
// a builder library (slack-block-builder, jsx-slack): the wire format is what
// the golden tests pin and what Slack's docs describe, a builder would add a
// second vocabulary on top of it without enforcing any of the limits below
// (lengths, counts, the cumulative text limit), and these dozen functions are
// where dondoc's own rules (truncation, escaping, budgets) live.
import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  HomeView,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
  SectionBlockAccessory,
} from "@slack/types";
import type { TaskStatus } from "../domain/status.js";
import type { Lang } from "../models/index.js";
import { BLOCK_KIT_LIMITS as L, MESSAGE_BLOCKS_TEXT_BUDGET, truncate } from "./limits.js";

/** A message for chat.postMessage, chat.postEphemeral or a response_url; `text` is the notification fallback. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export const STATUS_EMOJI: Record<TaskStatus, string> = {
  OVERDUE: "🔴",
  IN_PROGRESS: "🟡",
  NOT_STARTED: "⚪",
  DONE_ON_TIME: "✅",
  DONE_LATE: "🟠",
};

/** The order statuses are shown in: what needs attention first. */
export const STATUS_ORDER: readonly TaskStatus[] = ["OVERDUE", "IN_PROGRESS", "NOT_STARTED", "DONE_ON_TIME", "DONE_LATE"];

export function statusEmoji(status: TaskStatus): string {
  return STATUS_EMOJI[status];
}

// Slack refuses empty text objects; a dash keeps the block valid and visible.
function nonEmpty(text: string): string {
  return text.trim() === "" ? "—" : text;
}

export function plain(text: string, max: number): PlainTextElement {
  return { type: "plain_text", text: truncate(nonEmpty(text), max, "plain_text"), emoji: true };
}

export function mrkdwn(text: string, max: number = L.sectionText): MrkdwnElement {
  return { type: "mrkdwn", text: truncate(nonEmpty(text), max) };
}

export function header(text: string): HeaderBlock {
  return { type: "header", text: plain(text, L.headerText) };
}

export function section(text: string, accessory?: SectionBlockAccessory): SectionBlock {
  const block: SectionBlock = { type: "section", text: mrkdwn(text) };
  if (accessory) block.accessory = accessory;
  return block;
}

/** Two-column fields, ten to a section (Slack's limit), as many sections as needed. */
export function fields(items: readonly string[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (let i = 0; i < items.length; i += L.sectionFields) {
    const chunk = items.slice(i, i + L.sectionFields);
    blocks.push({ type: "section", fields: chunk.map((f) => mrkdwn(f, L.sectionFieldText)) });
  }
  return blocks;
}

export function context(...texts: string[]): ContextBlock {
  const elements = texts.slice(0, L.contextElements).map((t) => mrkdwn(t));
  return { type: "context", elements: elements.length > 0 ? elements : [mrkdwn("—")] };
}

export function divider(): DividerBlock {
  return { type: "divider" };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  /** Sent back in the block_actions payload; at most 2,000 characters. */
  value: string;
  style?: "primary" | "danger";
}

export function button(spec: ButtonSpec): Button {
  if (spec.value.length > L.buttonValue) {
    // A value is data the listener parses; a cut one would be wrong, not short.
    throw new RangeError(`button value of ${spec.value.length} characters (Slack allows ${L.buttonValue})`);
  }
  const b: Button = { type: "button", action_id: spec.actionId, text: plain(spec.text, L.buttonText), value: spec.value };
  if (spec.style) b.style = spec.style;
  return b;
}

export function actions(elements: ActionsBlockElement[], blockId?: string): ActionsBlock {
  const block: ActionsBlock = { type: "actions", elements: elements.slice(0, L.actionsElements) };
  if (blockId !== undefined) block.block_id = blockId;
  return block;
}

/** A titled group of lines ("*LĐ-VL* Phòng Lao động - Việc làm" and its members). */
export interface LineGroup {
  title: string | null;
  lines: readonly string[];
}

/** Room kept for the "and N more" line, which must fit whatever happens. */
const MORE_RESERVE = 120;

/**
 * Lines packed into as few sections as Slack's 3,000 characters each allow,
 * stopping at `maxChars` in all; the lines left out are counted in a last line
 * (`more(n)`: "… và 12 đơn vị khác") so truncation is never silent. A line
 * longer than a section is truncated with "…".
 */
export function lineSections(lines: readonly string[], opts: { maxChars: number; more: (hidden: number) => string }): SectionBlock[] {
  return groupedSections([{ title: null, lines }], opts);
}

/**
 * As lineSections, for lines in titled groups: a group starts with a blank
 * line and its title, a title is never shown without at least its first line,
 * and `more(n)` counts the lines (not titles) left out.
 */
export function groupedSections(groups: readonly LineGroup[], opts: { maxChars: number; more: (hidden: number) => string }): SectionBlock[] {
  const maxLine = Math.max(1, Math.min(L.sectionText, opts.maxChars - MORE_RESERVE) - 1);
  const total = groups.reduce((n, g) => n + g.lines.length, 0);
  const chunks: string[] = [];
  let current = "";
  let used = 0;
  let shown = 0;

  // When everything fits, no room need be kept for the "more" line.
  const lineCost = (line: string) => Math.min(line.length, maxLine) + 2;
  const cost = groups.reduce((n, g) => n + (g.title === null ? 0 : lineCost(g.title)) + g.lines.reduce((m, l) => m + lineCost(l), 0), 0);
  const reserve = cost <= opts.maxChars ? 0 : MORE_RESERVE;
  const fits = (extra: number, last: boolean) => used + extra <= opts.maxChars - (last ? 0 : reserve);
  const append = (line: string, paragraph: boolean) => {
    const sep = current === "" ? "" : paragraph ? "\n\n" : "\n";
    if (current !== "" && current.length + sep.length + line.length > L.sectionText) {
      chunks.push(current);
      current = line;
    } else {
      current += sep + line;
    }
    used += line.length + 2;
  };

  outer: for (const group of groups) {
    const lines = group.lines.map((l) => truncate(l, maxLine));
    if (group.title !== null && lines.length > 0) {
      const title = truncate(group.title, maxLine);
      const first = lines[0] ?? "";
      if (!fits(title.length + first.length + 4, shown + 1 === total)) break;
      append(title, true);
    }
    for (const line of lines) {
      if (!fits(line.length + 2, shown + 1 === total)) break outer;
      append(line, false);
      shown += 1;
    }
  }
  const hidden = total - shown;
  if (hidden > 0) append(truncate(opts.more(hidden), MORE_RESERVE - 2), true);
  if (current !== "") chunks.push(current);
  return chunks.map((c) => section(c));
}

/** Sum of every `text` string in the blocks: what Slack's cumulative message limit counts. */
export function blocksTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + blocksTextLength(v), 0);
  if (typeof value !== "object" || value === null) return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) {
    n += key === "text" && typeof v === "string" ? v.length : blocksTextLength(v);
  }
  return n;
}

const CUT_NOTE: Record<Lang, string> = {
  vi: "… Nội dung quá dài nên đã được rút gọn.",
  en: "… This was too long to show in full and has been shortened.",
};

/**
 * The last line of defence for a message: at most 50 blocks and
 * MESSAGE_BLOCKS_TEXT_BUDGET characters of block text. Views are designed to
 * stay well inside both (their lists are capped with "và X … khác"); should one
 * not, the tail is dropped with a visible note rather than Slack refusing the
 * whole message.
 */
export function message(text: string, blocks: KnownBlock[], lang: Lang): SlackMessage {
  return {
    text: truncate(nonEmpty(text), L.sectionText),
    blocks: fitBlocks(blocks, L.messageBlocks, MESSAGE_BLOCKS_TEXT_BUDGET, lang),
  };
}

/** An App Home view: at most 100 blocks (views have no cumulative text limit, only 250 kB). */
export function fitView(blocks: KnownBlock[], lang: Lang): HomeView {
  return { type: "home", blocks: fitBlocks(blocks, L.viewBlocks, Number.POSITIVE_INFINITY, lang) };
}

function fitBlocks(blocks: KnownBlock[], maxBlocks: number, maxText: number, lang: Lang): KnownBlock[] {
  if (blocks.length <= maxBlocks && blocksTextLength(blocks) <= maxText) return blocks;
  const note = context(CUT_NOTE[lang]);
  const room = maxText - blocksTextLength(note);
  const kept: KnownBlock[] = [];
  let used = 0;
  for (const block of blocks) {
    const n = blocksTextLength(block);
    if (kept.length + 1 >= maxBlocks || used + n > room) break;
    kept.push(block);
    used += n;
  }
  return [...kept, note];
}
