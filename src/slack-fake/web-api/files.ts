// Files, "upload v2" as @slack/web-api's files.uploadV2 drives it:
// files.getUploadURLExternal (a file id and a one-use upload URL for a
// declared length), a POST of the bytes to that URL (multipart/form-data, or
// the raw bytes), files.completeUploadExternal (the files become real and,
// with channel_id, are shared in one message with the initial comment), and
// files.info. A completion naming a file whose bytes never arrived completes
// nothing. The size limit is Slack's 1 GB unless the fake is made with
// another (`fileSizeLimit`); above it the fake answers `file_too_large`
// (Slack's own code for this case is not documented; dondoc checks sizes
// before it asks).
import { z } from "zod";
import type { CallLog } from "../call-log.js";
import type { SlackFile } from "../state/files.js";
import type { Workspace } from "../state/workspace.js";
import type { Clock, JsonObject } from "../types.js";
import type { HttpAnswer } from "./dispatch.js";
import { args, integer, jsonField } from "./args.js";
import { writableChannel } from "./channels.js";
import { ApiFailure, defineMethod } from "./method.js";

export const UPLOAD_PATH = "/upload/";
export const FILES_PATH = "/files/";
export const SLACK_FILE_SIZE_LIMIT = 1024 ** 3;

export function fileJson(file: SlackFile, origin: string, userId?: string): JsonObject {
  const url = new URL(`${FILES_PATH.slice(1)}${file.id}/${encodeURIComponent(file.name)}`, origin).toString();
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.name,
    title: file.title,
    mimetype: file.mimetype,
    filetype: file.filetype,
    user: userId ?? file.userId,
    size: file.size,
    url_private: url,
    url_private_download: url,
    permalink: url,
    channels: file.channels,
    is_public: true,
  };
}

export const getUploadURLExternal = defineMethod(
  args({ filename: z.string().optional(), length: integer.optional(), alt_txt: z.string().optional(), snippet_type: z.string().optional() }),
  (a, { workspace, origin, fileSizeLimit }) => {
    if (!a.filename) throw new ApiFailure("invalid_arguments", ["[ERROR] missing required field: filename [json-pointer:/filename]"]);
    if (a.length === undefined || a.length < 1) throw new ApiFailure("invalid_arguments", ["[ERROR] missing required field: length [json-pointer:/length]"]);
    if (a.length > (fileSizeLimit ?? SLACK_FILE_SIZE_LIMIT)) throw new ApiFailure("file_too_large");
    const r = workspace.files.reserve(a.filename, a.length);
    const base = origin?.() ?? "http://127.0.0.1/";
    return { upload_url: new URL(`${UPLOAD_PATH.slice(1)}${r.id}?s=${r.secret}`, base).toString(), file_id: r.id };
  },
);

const FileList = z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1);

export const completeUploadExternal = defineMethod(
  args({ files: jsonField, channel_id: z.string().optional(), channels: z.string().optional(), initial_comment: z.string().optional(), thread_ts: z.string().optional() }),
  (a, { workspace, origin }) => {
    const list = FileList.safeParse(a.files);
    if (!list.success) throw new ApiFailure("invalid_arguments", ["[ERROR] files must be a non-empty list of { id, title } [json-pointer:/files]"]);
    // Every file checked before any is completed: all or nothing.
    for (const f of list.data) {
      const state = workspace.files.uploaded(f.id);
      if (state !== "ok") throw new ApiFailure(state === "unknown" ? "file_not_found" : "file_upload_incomplete");
    }
    const target = a.channel_id ?? a.channels?.split(",")[0];
    const channel = target ? writableChannel(workspace, target) : undefined;
    const base = origin?.() ?? "http://127.0.0.1/";
    const files = list.data.map((f) => workspace.files.complete(f.id, workspace.bot.userId, f.title));
    if (channel) {
      for (const f of files) f.channels.push(channel.id);
      workspace.conversations.post({
        channelId: channel.id,
        botId: workspace.bot.botId,
        text: a.initial_comment ?? "",
        blocks: [],
        files: files.map((f) => fileJson(f, base)),
        ...(a.thread_ts ? { threadTs: a.thread_ts } : {}),
        via: "web_api",
      });
    }
    return { files: files.map((f) => ({ id: f.id, title: f.title })) };
  },
);

export const info = defineMethod(args({ file: z.string().optional() }), (a, { workspace, origin }) => {
  const file = a.file ? workspace.files.file(a.file) : undefined;
  if (!file) throw new ApiFailure("file_not_found");
  return { file: fileJson(file, origin?.() ?? "http://127.0.0.1/") };
});

export interface UploadDeps {
  workspace: Workspace;
  callLog: CallLog;
  now: Clock;
}

/** The POST to an upload URL: multipart/form-data (as @slack/web-api sends it) or the raw bytes. */
export async function receiveUpload(deps: UploadDeps, url: URL, contentType: string | undefined, body: Buffer): Promise<HttpAnswer> {
  const id = url.pathname.slice(UPLOAD_PATH.length);
  let bytes = body;
  if (contentType?.startsWith("multipart/form-data")) {
    // The platform's own multipart parser (undici, in Node), not a hand-written one.
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    const part = [...form.values()].find((v) => typeof v !== "string");
    bytes = part && typeof part !== "string" ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
  }
  const ok = deps.workspace.files.receive(id, url.searchParams.get("s") ?? "", bytes);
  const answer: HttpAnswer = ok ? { status: 200, headers: {}, body: { ok: true, size: bytes.length } } : { status: 404, headers: {}, body: { ok: false, error: "invalid_upload_url" } };
  deps.callLog.record({ method: "upload", args: { file_id: id, bytes: bytes.length }, at: deps.now(), status: answer.status, ok, ...(ok ? {} : { error: "invalid_upload_url" }), response: answer.body, injected: false });
  return answer;
}
