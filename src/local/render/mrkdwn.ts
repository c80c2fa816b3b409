// Slack's mrkdwn as HTML, for the local workspace. Only what mrkdwn defines
// becomes markup (https://docs.slack.dev/messaging/formatting-message-text);
// everything else is text, escaped, so a message can never inject HTML.
//
// Slack text escapes only `&`, `<` and `>` (as &amp; &lt; &gt;); a raw `<`
// always opens markup: <url|label>, <@U…>, <#C…>, <!date^…|fallback>, <!here>.
// Those tokens, code spans and code blocks are cut out first and replaced by
// placeholders, the rest is decoded, escaped and formatted (*bold*, _italic_,
// ~strike~, line breaks), and the placeholders are filled in last, so that
// formatting can wrap a link but never reaches inside one.
import { escapeHtml } from "./html.js";

/** Display names for mentions: a user's name, a channel's name (without "#"). */
export interface Names {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
}

export const NO_NAMES: Names = { user: () => undefined, channel: () => undefined };

const MARK = "\u0000";
const PLACEHOLDER = /\u0000(\d+)\u0000/g;

/** Slack's three entities; anything else that looks like an entity is text. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === "amp" ? "&" : name === "lt" ? "<" : ">"));
}

/** Text from a message, shown as typed. */
function textHtml(raw: string): string {
  return escapeHtml(decodeEntities(raw));
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function tokenHtml(inner: string, names: Names): string {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : inner.slice(bar + 1);
  if (target.startsWith("@")) {
    const id = target.slice(1);
    const name = names.user(id) ?? (label ? decodeEntities(label) : id);
    return `<span class="mention">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const name = names.channel(id) ?? (label ? decodeEntities(label) : id);
    return `<span class="mention channel">#${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("!")) {
    // <!date^1695168000^{date_short}|20/09/2023>: Slack shows the date in the
    // reader's time zone; here the fallback, which dondoc writes in Vietnam's.
    if (target.startsWith("!date^")) return `<span class="date">${textHtml(label ?? "")}</span>`;
    const special = /^!(here|channel|everyone)$/.exec(target);
    if (special) return `<span class="mention">@${special[1]}</span>`;
    return label === undefined ? "" : `<span class="mention">${textHtml(label)}</span>`;
  }
  const url = decodeEntities(target);
  const shown = label === undefined || label === "" ? url : decodeEntities(label);
  // Not a link a browser should follow (javascript:, data:…) or not markup at all ("<b>"): text.
  if (!SAFE_LINK.test(url)) return escapeHtml(label === undefined ? `<${url}>` : shown);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(shown)}</a>`;
}

/** *bold*, _italic_, ~strike~ as Slack reads them: not inside a word, not around spaces, within a line. */
function emphasisPattern(marker: "*" | "_" | "~"): RegExp {
  const m = marker === "*" ? "\\*" : marker;
  const word = `\\p{L}\\p{M}\\p{N}${m}`;
  return new RegExp(`(?<![${word}])${m}(?![\\s${m}])([^${m}\\n]*?[^\\s${m}])${m}(?![${word}])`, "gu");
}

const EMPHASIS: [RegExp, string][] = [
  [emphasisPattern("*"), "strong"],
  [emphasisPattern("_"), "em"],
  [emphasisPattern("~"), "s"],
];

/** Private-use characters around a quoted line while the rest is converted; stripped from the input first. */
const QUOTE = ["\uE001", "\uE002"] as const;

export function mrkdwnToHtml(source: string, names: Names = NO_NAMES): string {
  const pieces: string[] = [];
  const hold = (html: string) => `${MARK}${pieces.push(html) - 1}${MARK}`;
  let text = source.replaceAll(MARK, "").replaceAll(QUOTE[0], "").replaceAll(QUOTE[1], "");
  text = text.replace(/```([\s\S]*?)```/g, (_, code: string) => hold(`<pre>${textHtml(code.replace(/^\n/, ""))}</pre>`));
  text = text.replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code>${textHtml(code)}</code>`));
  text = text.replace(/<([^<>\n]*)>/g, (_, inner: string) => hold(tokenHtml(inner, names)));
  // A line starting with a raw ">" is a quote (an escaped "&gt;" is not), as in Slack.
  text = text.replace(/^>(.*)$/gm, (_, line: string) => `${QUOTE[0]}${line}${QUOTE[1]}`);
  let html = textHtml(text);
  for (const [pattern, tag] of EMPHASIS) html = html.replace(pattern, `<${tag}>$1</${tag}>`);
  html = html.replace(new RegExp(`${QUOTE[0]}(.*?)${QUOTE[1]}`, "g"), `<span class="quote">$1</span>`);
  html = html.replace(/\n/g, "<br>");
  // Filled in last, and never twice: a piece holds no placeholder of its own.
  return html.replace(PLACEHOLDER, (_, n: string) => pieces[Number(n)] ?? "");
}

/** A plain_text object's text: nothing is markup. */
export function plainToHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}
