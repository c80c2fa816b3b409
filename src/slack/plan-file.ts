// Getting a file a user gave the bot: files.info for its name, size and
// url_private, then GET url_private with the bot token in the Authorization
// header (Slack answers a sign-in page without it). The size is checked
// before downloading and again while the bytes arrive, so a file over the
// limit never sits whole in memory. The token and the URL are never logged.
import type { WebClient } from "@slack/web-api";
import { AppError } from "../errors.js";
import { MAX_DOC_BYTES } from "../import-doc/read/index.js";

export interface SlackFileInfo {
  id: string;
  name: string;
  size: number;
  urlPrivate: string;
}

export async function slackFileInfo(client: WebClient, fileId: string): Promise<SlackFileInfo> {
  const r = await client.files.info({ file: fileId });
  const f = r.file;
  if (!f?.id || !f.url_private) throw new AppError("DOC_DOWNLOAD_FAILED", { file: fileId, reason: "files.info: no url_private" });
  return { id: f.id, name: f.name ?? f.title ?? f.id, size: f.size ?? 0, urlPrivate: f.url_private };
}

const tooLarge = (name: string, size: number, max: number) => new AppError("DOC_TOO_LARGE", { file: name, size: (size / 1048576).toFixed(1), max: Math.round(max / 1048576) });

/** The file's bytes; refuses one over `maxBytes` (announced or actual) before holding it. */
export async function downloadSlackFile(client: WebClient, info: SlackFileInfo, maxBytes = MAX_DOC_BYTES, timeoutMs = 60_000): Promise<Buffer> {
  if (info.size > maxBytes) throw tooLarge(info.name, info.size, maxBytes);
  let res: Response;
  try {
    res = await fetch(info.urlPrivate, { headers: { authorization: `Bearer ${client.token ?? ""}` }, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new AppError("DOC_DOWNLOAD_FAILED", { file: info.name, reason: (err as { name?: string }).name === "TimeoutError" ? "timeout" : "network" });
  }
  // A redirect or an HTML page is Slack's sign-in page: the token was refused.
  const type = res.headers.get("content-type") ?? "";
  if (res.status !== 200 || (type.startsWith("text/html") && !/\.html?$/i.test(info.name))) {
    await res.body?.cancel();
    throw new AppError("DOC_DOWNLOAD_FAILED", { file: info.name, reason: `HTTP ${res.status}` });
  }
  const announced = Number(res.headers.get("content-length") ?? "0");
  if (announced > maxBytes) {
    await res.body?.cancel();
    throw tooLarge(info.name, announced, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
    size += r.value.length;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(info.name, size, maxBytes);
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks);
}
