// Pieces of text several views show the same way: a task line, a deadline, a
// person, a link, a date. Everything that came from a person or a file goes
// through escapeMrkdwn here, so views compose already-safe mrkdwn.
import { formatVnDate, localDay, type Day } from "../domain/day.js";
import type { TaskStatus } from "../domain/status.js";
import { missingReportText, ROLE_LABELS, STATUS_LABELS } from "../i18n/labels.js";
import { statusEmoji } from "./blocks.js";
import { escapeMrkdwn, truncate } from "./limits.js";
import type { Lang, TaskSummary, UnitRef } from "../models/index.js";

/**
 * Caps on single pieces of data inside a line. Plans have no length limit on
 * titles or names; these keep one long title from crowding out the others and
 * keep a page of ten tasks far below Slack's cumulative limit.
 */
export const CAPS = {
  title: 300,
  code: 60,
  dueLabel: 80,
  unitName: 100,
  name: 100,
  note: 500,
  field: 200,
} as const;

/** Escaped and cut: user data ready for mrkdwn. */
export function esc(text: string, max: number): string {
  return truncate(escapeMrkdwn(text), max);
}

export function statusText(status: TaskStatus, lang: Lang): string {
  return `${statusEmoji(status)} ${STATUS_LABELS[status][lang]}`;
}

/**
 * "Quý III/2023 (30/09/2023)", "31/12/2023", "Thường xuyên"; for an overdue
 * ongoing task, which window's report is missing: "Thường xuyên (chưa báo
 * cáo quý III/2023)"; for a deadline leadership extended, the approved one
 * with the plan's own kept: "30/11/2023 (đã gia hạn từ 31/10/2023)".
 */
export function dueText(task: Pick<TaskSummary, "dueLabel" | "dueOn"> & { missingReport?: string | null; extendedFrom?: Day | null }, lang: Lang = "vi"): string {
  const label = esc(task.dueLabel.trim(), CAPS.dueLabel);
  if (task.missingReport) return `${label || "—"} (${missingReportText(task.missingReport, lang)})`;
  if (task.extendedFrom && task.dueOn) {
    const from = formatVnDate(task.extendedFrom);
    return `${formatVnDate(task.dueOn)} (${lang === "vi" ? `đã gia hạn từ ${from}` : `extended from ${from}`})`;
  }
  if (task.dueOn === null) return label || "—";
  const date = formatVnDate(task.dueOn);
  if (label === "" || label === date) return date;
  return label.includes(date) ? label : `${label} (${date})`;
}

const LINE = {
  vi: { due: "Hạn" },
  en: { due: "Due" },
} satisfies Record<Lang, { due: string }>;

/**
 * One task as two lines of mrkdwn:
 *   🔴 *II.2.c.2* Cung cấp danh sách doanh nghiệp cho khảo sát DDCI
 *   Quá hạn · Hạn: Quý III/2023 (30/09/2023) · 40% · Chủ trì
 */
export function taskLines(task: TaskSummary, lang: Lang): string {
  const facts = [STATUS_LABELS[task.status][lang], `${LINE[lang].due}: ${dueText(task, lang)}`, `${task.percent}%`];
  if (task.role !== null) facts.push(ROLE_LABELS[task.role][lang]);
  return `${statusEmoji(task.status)} *${esc(task.code, CAPS.code)}* ${esc(task.title, CAPS.title)}\n${facts.join(" · ")}`;
}

export function unitCodes(units: readonly UnitRef[], max: number = CAPS.field): string {
  return units.length === 0 ? "—" : esc(units.map((u) => u.code).join(", "), max);
}

/** "*LĐ-VL* Phòng Lao động - Việc làm" */
export function unitLabel(unit: UnitRef): string {
  return `*${esc(unit.code, CAPS.code)}* ${esc(unit.name, CAPS.unitName)}`;
}

/** Below Slack's 3,000 for a URL, so that five links fit in one report. */
const LINK_MAX = 1_000;

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * A reporter as stored: a Slack user id (mentioned, so Slack shows the current
 * display name) or "cli:Name" for reports entered from the command line.
 */
export function person(reporter: string): string {
  if (SLACK_USER_ID.test(reporter)) return `<@${reporter}>`;
  const name = reporter.startsWith("cli:") ? reporter.slice(4) : reporter;
  return esc(name, CAPS.name);
}

/** A member by Slack id; a malformed id (an import typo) shows as text, never as markup. */
export function mention(slackUserId: string): string {
  return SLACK_USER_ID.test(slackUserId) ? `<@${slackUserId}>` : `\`${esc(slackUserId.replace(/`/g, ""), CAPS.name)}\``;
}

/** A channel as stored: a Slack channel id becomes a link, a "#name" stays text. */
export function channel(value: string): string {
  return /^[CG][A-Z0-9]{2,}$/.test(value) ? `<#${value}>` : esc(value, CAPS.name);
}

/**
 * An evidence link as `<url|host>`. Only http(s) URLs become links; anything
 * else a person typed is shown as (escaped) text, never as markup.
 */
export function link(raw: string): string {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return esc(text, CAPS.field);
  }
  // A link longer than LINK_MAX would crowd a message; it is shown cut, as text.
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.href.length > LINK_MAX) return esc(text, CAPS.field);
  // Inside <…|…> the URL must not hold a raw "|" or ">"; & < > are escaped as everywhere.
  const href = escapeMrkdwn(url.href.replace(/\|/g, "%7C"));
  return `<${href}|${escapeMrkdwn(url.hostname)}>`;
}

/**
 * A moment shown in the reader's own time zone by Slack, with the
 * Asia/Ho_Chi_Minh day as the fallback for clients that cannot render it.
 */
export function slackDate(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${formatVnDate(localDay(at))}>`;
}

const LINKS_SHOWN = 5;

/** "Tài liệu kiểm chứng: <url|host>, <url|host> và 2 liên kết khác", or null without links. */
export function evidenceLine(links: readonly string[], label: string, more: (n: number) => string): string | null {
  if (links.length === 0) return null;
  const shown = links.slice(0, LINKS_SHOWN).map(link);
  if (links.length > LINKS_SHOWN) shown.push(more(links.length - LINKS_SHOWN));
  return `${label}: ${shown.join(", ")}`;
}

const MENTION = /<(?:@[UW][A-Z0-9]+|#[CG][A-Z0-9]+)(?:\|[^<>|]*)?>/g;

/**
 * Text a caller composed, which may hold user and channel mentions
 * (`<@U…>`, `<#C…>`) but may also quote what a person typed: everything is
 * escaped except well-formed mentions, so a typed "<!channel>" or
 * "<https://x|bank>" shows as typed while "Đã cập nhật <@U123>" still renders.
 */
export function safeMrkdwn(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    out += escapeMrkdwn(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + escapeMrkdwn(text.slice(last));
}
