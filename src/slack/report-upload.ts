// Delivering the consolidated report's files to a channel with Slack's
// files upload v2 (files.getUploadURLExternal, the upload, and
// files.completeUploadExternal, which @slack/web-api's files.uploadV2
// drives). The files appear only when the upload is completed, both in one
// message, so a failure part-way shares nothing. A file over Slack's limit
// is refused before anything is sent.
import type { WebClient } from "@slack/web-api";
import { AppError } from "../errors.js";
import { formatBytes, SLACK_FILE_MAX_BYTES } from "../services/unit-reports.js";

export interface ReportFile {
  name: string;
  title: string;
  bytes: Buffer;
}

/** A channel id for files.completeUploadExternal, which takes ids only: "#name" is looked up, a user id opens the DM. */
export async function channelIdFor(client: WebClient, target: string): Promise<string | null> {
  if (/^[CGD][A-Z0-9]+$/.test(target)) return target;
  if (/^[UW][A-Z0-9]+$/.test(target)) return (await client.conversations.open({ users: target })).channel?.id ?? null;
  const name = target.replace(/^#/, "");
  let cursor: string | undefined;
  do {
    const page = await client.conversations.list({ types: "public_channel,private_channel", exclude_archived: true, limit: 1000, cursor });
    const found = page.channels?.find((c) => c.name === name);
    if (found?.id) return found.id;
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return null;
}

/** Uploads the files into the channel in one message; returns their Slack ids. */
export async function uploadReportFiles(client: WebClient, input: { target: string; comment: string; files: ReportFile[]; maxBytes?: number }): Promise<string[]> {
  const max = input.maxBytes ?? SLACK_FILE_MAX_BYTES;
  for (const f of input.files) {
    if (f.bytes.length > max) throw new AppError("REPORT_FILE_TOO_LARGE", { name: f.name, size: formatBytes(f.bytes.length), max: formatBytes(max) });
  }
  const channel = await channelIdFor(client, input.target);
  if (!channel) throw new AppError("NO_OFFICE_CHANNEL");
  try {
    const r = await client.files.uploadV2({
      channel_id: channel,
      initial_comment: input.comment,
      file_uploads: input.files.map((f) => ({ file: f.bytes, filename: f.name, title: f.title })),
    });
    const completed = (r as unknown as { files?: { files?: { id?: string }[] }[] }).files ?? [];
    return completed.flatMap((c) => c.files ?? []).flatMap((f) => (f.id ? [f.id] : []));
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error;
    if (code === "file_too_large") {
      const biggest = input.files.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
      throw new AppError("REPORT_FILE_TOO_LARGE", { name: biggest.name, size: formatBytes(biggest.bytes.length), max: "Slack" }, { cause: e });
    }
    throw e;
  }
}
