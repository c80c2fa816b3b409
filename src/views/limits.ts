// Slack's Block Kit limits, and the two text helpers every view needs to stay
// inside them. This is the one source of truth for the numbers: the fake Slack
// (src/slack-fake/block-kit/limits.ts) re-exports BLOCK_KIT_LIMITS from here,
// so the fake that refuses a message and the views that build it agree.
// Sources: Slack's Block Kit reference, and bolt-js issues 2509/2867 for the
// undocumented cumulative limit on message blocks.
//
// No imports: the fake Slack depends on this file, and it must stay a leaf.

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** chat.postMessage refuses longer top-level `text` with msg_too_long. */
  messageText: 40_000,
  /**
   * Slack refuses a message whose blocks hold "roughly" this many characters
   * with msg_blocks_too_long; observed limits range from about 11,300 to 13,300
   * depending on the block mix. The fake counts every `text` string in the
   * blocks and refuses above this number; views aim lower still
   * (MESSAGE_BLOCKS_TEXT_BUDGET).
   */
  messageBlocksText: 12_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionFieldText: 2_000,
  headerText: 150,
  markdownBlockText: 12_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  url: 3_000,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  overflowOptionsMin: 1,
  overflowOptionsMax: 5,
  checkboxOptions: 10,
  radioOptions: 10,
  placeholder: 150,
  inputLabel: 2_000,
  inputHint: 2_000,
  imageAltText: 2_000,
  blockId: 255,
  actionId: 255,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  privateMetadata: 3_000,
  callbackId: 255,
  externalId: 255,
  /** A whole view, serialised. */
  viewBytes: 250_000,
  /** A modal stack holds at most three views; views.push beyond answers push_limit_reached. */
  modalStackDepth: 3,
} as const;

/**
 * What a view lets the blocks of one message hold, counted as the fake counts
 * (every `text` string). Below Slack's "roughly 12,000" because the real limit
 * has been seen as low as about 11,300 for some block mixes.
 */
export const MESSAGE_BLOCKS_TEXT_BUDGET = 11_000;

export const ELLIPSIS = "…";

/**
 * Slack's mrkdwn escaping for text a person typed: only `&`, `<` and `>` are
 * control characters (https://docs.slack.dev/messaging/formatting-message-text).
 * Escaped, a user's "<!channel>" or "<https://evil|bank>" shows as typed.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export type TextFormat = "mrkdwn" | "plain_text";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * `text` cut to at most `max` UTF-16 code units (what Slack counts), ending with
 * "…" when cut. The cut falls between grapheme clusters, so it never splits a
 * surrogate pair (😀), an emoji sequence (👨‍👩‍👧) or a letter from its combining
 * marks (Vietnamese typed in NFD: "e" + U+0323 + U+0302). In mrkdwn it also never
 * leaves half of a `<url|label>`, `<@U…>` or `<!date…>` (the whole markup goes)
 * or half of an `&amp;`/`&lt;`/`&gt;` entity.
 */
export function truncate(text: string, max: number, format: TextFormat = "mrkdwn"): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  const room = max - ELLIPSIS.length;
  let kept = text.slice(0, lastBoundary(text, room));
  if (format === "mrkdwn") kept = dropBrokenMarkup(kept);
  return kept.trimEnd() + ELLIPSIS;
}

// How far before the cut the grapheme boundaries are looked for: longer than any cluster text holds (the longest
// emoji ZWJ sequences are 11 code points, 22 code units; a letter with stacked combining marks a few more).
const CLUSTER_WINDOW = 64;

/**
 * The last grapheme boundary at or before `room`. Segmenting the whole text up to the cut cost a clerk's 5,000-character
 * report ~2 ms and an oversized digest of 1,000 lines a second of CPU; only a window before the cut is segmented. Its
 * first segment may be the tail of a cluster that started before the window, so its end is trusted only when the
 * window starts the text.
 */
function lastBoundary(text: string, room: number): number {
  const start = Math.max(0, room - CLUSTER_WINDOW);
  let end = start === 0 ? 0 : -1;
  let first = start > 0;
  // The window runs past the cut as well: a cluster the cut falls inside must be seen whole to be left out.
  for (const { index, segment } of graphemes.segment(text.slice(start, room + CLUSTER_WINDOW))) {
    const boundary = start + index + segment.length;
    if (boundary > room) break;
    if (!first) end = boundary;
    first = false;
  }
  // No boundary in the window but the window's start (a cluster longer than the window): cut before it.
  return end >= 0 ? end : start;
}

/**
 * In mrkdwn built from escaped text, a raw `<` only ever opens markup that we
 * wrote; if the cut left it unclosed, drop it. Likewise a trailing prefix of
 * one of the three entities escapeMrkdwn writes.
 */
function dropBrokenMarkup(kept: string): string {
  const open = kept.lastIndexOf("<");
  if (open > kept.lastIndexOf(">")) kept = kept.slice(0, open);
  return kept.replace(/&(?:a|am|amp|l|lt|g|gt)?$/, "");
}
