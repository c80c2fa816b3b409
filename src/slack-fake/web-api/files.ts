// Files upload v2, as @slack/web-api's files.uploadV2 drives it:
// files.getUploadURLExternal (a file id and a one-use upload URL for a
// declared length), a POST of the bytes to that URL (multipart/form-data, or
// the raw bytes), files.completeUploadExternal (the files become real, in the
// workspace's file store, and, with channel_id, are shared in one message
// with the initial comment). A completion naming a file whose bytes never
// arrived completes nothing. The size limit is Slack's 1 GB unless the fake
// is made with another (`fileSizeLimit`); above it the fake answers
// `file_too_large` (Slack's own code for this case is not documented; dondoc
// checks sizes before it asks). files.info is in files-info.ts.
import { z } from "zod";
import type { CallLog } from "../call-log.js";
import type { Workspace } from "../state/workspace.js";
import type { Clock } from "../types.js";
import type { HttpAnswer } from "./dispatch.js";
import { args, integer, jsonField } from "./args.js";
import { writableChannel } from "./channels.js";
import { ApiFailure, defineMethod } from "./method.js";

export const UPLOAD_PATH = "/upload/";
export const SLACK_FILE_SIZE_LIMIT = 1024 ** 3;

interface Reservation {
  id: string;
  name: string;
  length: number;
  secret: string;
  bytes: Buffer | null;
}

// Uploads not completed yet, per workspace: invisible to files.info and never shared.
const reservations = new WeakMap<Workspace, Map<string, Reservation>>();
function pending(workspace: Workspace): Map<string, Reservation> {
  let m = reservations.get(workspace);
  if (!m) reservations.set(workspace, (m = new Map()));
  return m;
}

let counter = 0;
const secret = () => `${Date.now().toString(36)}${(++counter).toString(36)}${Math.random().toString(36).slice(2, 10)}`;

export const getUploadURLExternal = defineMethod(
  args({ filename: z.string().optional(), length: integer.optional(), alt_txt: z.string().optional(), snippet_type: z.string().optional() }),
  (a, { workspace, origin, fileSizeLimit }) => {
    if (!a.filename) throw new ApiFailure("invalid_arguments", ["[ERROR] missing required field: filename [json-pointer:/filename]"]);
    if (a.length === undefined || a.length < 1) throw new ApiFailure("invalid_arguments", ["[ERROR] missing required field: length [json-pointer:/length]"]);
    if (a.length > (fileSizeLimit ?? SLACK_FILE_SIZE_LIMIT)) throw new ApiFailure("file_too_large");
    const r: Reservation = {
      id: `F${secret()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "")
        .slice(0, 10)}`,
      name: a.filename,
      length: a.length,
      secret: secret(),
      bytes: null,
    };
    pending(workspace).set(r.id, r);
    const base = origin?.() ?? "http://127.0.0.1/";
    return { upload_url: new URL(`${UPLOAD_PATH.slice(1)}${r.id}?s=${r.secret}`, base).toString(), file_id: r.id };
  },
);

const FileList = z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1);

export const completeUploadExternal = defineMethod(
  args({ files: jsonField, channel_id: z.string().optional(), channels: z.string().optional(), initial_comment: z.string().optional(), thread_ts: z.string().optional() }),
  (a, { workspace }) => {
    const list = FileList.safeParse(a.files);
    if (!list.success) throw new ApiFailure("invalid_arguments", ["[ERROR] files must be a non-empty list of { id, title } [json-pointer:/files]"]);
    const uploads = pending(workspace);
    // Every file checked before any is completed: all or nothing.
    for (const f of list.data) {
      const r = uploads.get(f.id);
      if (!r) throw new ApiFailure("file_not_found");
      if (r.bytes === null) throw new ApiFailure("file_upload_incomplete");
    }
    const target = a.channel_id ?? a.channels?.split(",")[0];
    const channel = target ? writableChannel(workspace, target) : undefined;
    const files = list.data.map((f) => {
      const r = uploads.get(f.id)!;
      uploads.delete(f.id);
      return workspace.files.add({
        id: r.id,
        name: r.name,
        bytes: r.bytes!,
        userId: workspace.bot.userId,
        ...(f.title ? { title: f.title } : {}),
        ...(channel ? { channelId: channel.id } : {}),
      });
    });
    if (channel) {
      workspace.conversations.post({
        channelId: channel.id,
        botId: workspace.bot.botId,
        text: a.initial_comment ?? "",
        blocks: [],
        files: files.map((f) => workspace.files.json(f)),
        ...(a.thread_ts ? { threadTs: a.thread_ts } : {}),
        via: "web_api",
      });
    }
    return { files: files.map((f) => ({ id: f.id, title: f.title })) };
  },
);

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
    // @slack/web-api sends the bytes as the field "body"; other clients as "file".
    const part = form.get("body") ?? form.get("file");
    bytes = part && typeof part !== "string" ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
  }
  const r = pending(deps.workspace).get(id);
  const ok = r !== undefined && r.secret === (url.searchParams.get("s") ?? "") && r.bytes === null;
  if (ok) r.bytes = bytes;
  const answer: HttpAnswer = ok
    ? { status: 200, headers: {}, body: { ok: true, size: bytes.length } }
    : { status: 404, headers: {}, body: { ok: false, error: "invalid_upload_url" } };
  deps.callLog.record({
    method: "upload",
    args: { file_id: id, bytes: bytes.length },
    at: deps.now(),
    status: answer.status,
    ok,
    ...(ok ? {} : { error: "invalid_upload_url" }),
    response: answer.body,
    injected: false,
  });
  return answer;
}
