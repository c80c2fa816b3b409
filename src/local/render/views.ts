// Messages, modals and App Home as the local workspace shows them.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { Block, View } from "../../slack-fake/index.js";
import { TIME_ZONE } from "../../domain/day.js";
import { formatBytes } from "../../services/unit-reports.js";
import { blocksToHtml, textObjectHtml } from "./blocks.js";
import { attr, escapeHtml } from "./html.js";
import { mrkdwnToHtml, type Names } from "./mrkdwn.js";

export interface ShownMessage {
  channelId: string;
  ts: string;
  text: string;
  blocks: readonly Block[];
  /** The app's messages carry its name and an "app" badge. */
  author: { name: string; bot: boolean };
  ephemeral: boolean;
  edited: boolean;
  /** A reply in a thread: shown under its parent message, as Slack shows an opened thread. */
  threadTs?: string | undefined;
  /** Files shared with the message (files upload v2), as Slack's JSON shows them. */
  files?: readonly Record<string, unknown>[];
}

/** Where the page fetches a file's bytes (src/local/web/api.ts). */
export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** Images inline, as Slack shows them; other files as a download link with their name and size. */
function filesHtml(files: readonly Record<string, unknown>[]): string {
  return files
    .map((f) => {
      const id = typeof f.id === "string" ? f.id : "";
      const name = typeof f.name === "string" ? f.name : id;
      const title = typeof f.title === "string" && f.title !== "" ? f.title : name;
      if (id === "") return "";
      if (typeof f.mimetype === "string" && /^image\/(png|jpeg|gif)$/.test(f.mimetype)) {
        return `<figure class="file-image"><a${attr("href", fileUrl(id))} target="_blank" rel="noopener"><img${attr("src", fileUrl(id))}${attr("alt", title)} loading="lazy"></a><figcaption>${escapeHtml(title)}</figcaption></figure>`;
      }
      // A document (the approved report's .docx and .xlsx, a PDF): its name, which is what the download is called, and its size.
      const size = typeof f.size === "number" && Number.isFinite(f.size) && f.size >= 0 ? ` <span class="file-size">${escapeHtml(formatBytes(f.size))}</span>` : "";
      return `<div class="file-link">📎 <a${attr("href", fileUrl(id))}${attr("download", name)}${attr("title", title)}>${escapeHtml(name)}</a>${size}</div>`;
    })
    .join("");
}

/** "08:30 · 20/09/2023" in Vietnam's time, from a message ts (seconds since the epoch). */
export function tsLabel(ts: string): string {
  const at = new TZDate(Math.floor(Number(ts.split(".")[0]) * 1000), TIME_ZONE);
  return format(at, "HH:mm · dd/MM/yyyy");
}

export function messageHtml(m: ShownMessage, names: Names): string {
  // A message without blocks is its text; with blocks, Slack shows the blocks only.
  const text = m.blocks.length > 0 ? blocksToHtml(m.blocks, { names }) : m.text === "" ? "" : `<div class="b-text">${mrkdwnToHtml(m.text, names)}</div>`;
  const body = text + (m.files?.length ? filesHtml(m.files) : "");
  const badge = m.author.bot ? `<span class="badge">ỨNG DỤNG · APP</span>` : "";
  const initial = escapeHtml([...m.author.name.trim()][0]?.toUpperCase() ?? "?");
  const reply = m.threadTs !== undefined && m.threadTs !== m.ts;
  const note = m.ephemeral
    ? `<div class="ephemeral-note">👁 Chỉ người dùng lệnh nhìn thấy tin nhắn này <span class="en">· Only visible to you</span></div>`
    : reply
      ? `<div class="thread-note">↳ Trả lời trong chuỗi tin nhắn <span class="en">· Reply in thread</span></div>`
      : "";
  return (
    `<article class="msg${m.ephemeral ? " ephemeral" : ""}${reply ? " reply" : ""}"${attr("data-channel-id", m.channelId)}${attr("data-ts", m.ts)}${reply ? attr("data-thread-ts", m.threadTs!) : ""}>` +
    `<div class="avatar${m.author.bot ? " bot" : ""}" aria-hidden="true">${m.author.bot ? "đ" : initial}</div>` +
    `<div class="msg-main">${note}<header class="msg-head"><strong class="author">${escapeHtml(m.author.name)}</strong>${badge}` +
    `<time>${escapeHtml(tsLabel(m.ts))}</time>${m.edited ? `<span class="edited">(đã sửa · edited)</span>` : ""}</header>` +
    `<div class="msg-body">${body}</div></div></article>`
  );
}

export function modalHtml(view: View, names: Names): string {
  const title = textObjectHtml(view.title, names);
  const close = view.close ? textObjectHtml(view.close, names) : "Đóng";
  const submit = view.submit ? `<button type="submit" class="btn btn-primary">${textObjectHtml(view.submit, names)}</button>` : "";
  const body = blocksToHtml(view.blocks, { names, state: view.stateValues, errors: view.errors ?? {} });
  return (
    `<form class="modal" novalidate${attr("data-view-id", view.id)} role="dialog" aria-modal="true">` +
    `<header class="modal-head"><h2>${title}</h2><button type="button" class="modal-x" data-close aria-label="Đóng · Close">×</button></header>` +
    `<div class="modal-body">${body}</div>` +
    `<footer class="modal-foot"><button type="button" class="btn" data-close>${close}</button>${submit}</footer>` +
    `</form>`
  );
}

export function homeHtml(view: View, names: Names): string {
  return `<div class="home-view"${attr("data-view-id", view.id)}>${blocksToHtml(view.blocks, { names, state: view.stateValues })}</div>`;
}
