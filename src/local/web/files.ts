// Files from the page: a person shares a file with dondoc in their direct
// message (the fake Slack stores it, posts it and sends `file_shared`), or
// picks one in a modal's file_input (stored; its id goes with the
// submission). The bytes arrive raw (application/octet-stream), the file's
// name and the user in the query string; a file a little over dondoc's own
// 50 MB limit still arrives, so that dondoc's refusal can be seen.
import type { IncomingMessage } from "node:http";
import type { FakeSlack } from "../../slack-fake/index.js";
import { HttpError } from "./http.js";

/** Over dondoc's limit (50 MB), so its refusal shows; far under what would strain the page's process. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export async function readRaw(req: IncomingMessage, max = MAX_UPLOAD_BYTES): Promise<Buffer> {
  const announced = Number(req.headers["content-length"] ?? "0");
  if (announced > max) throw new HttpError(413, `tệp quá lớn cho bản chạy thử · file too large for the local workspace (${Math.round(max / 1048576)} MB)`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `tệp quá lớn cho bản chạy thử · file too large for the local workspace (${Math.round(max / 1048576)} MB)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function fileParams(fake: FakeSlack, url: URL): { user: string; name: string } {
  const user = url.searchParams.get("user") ?? "";
  const name = (url.searchParams.get("name") ?? "").trim();
  if (!fake.workspace.directory.user(user)) throw new HttpError(400, `unknown user "${user}"`);
  if (!name || name.length > 255 || /[/\\]/.test(name)) throw new HttpError(400, "tên tệp không hợp lệ · invalid file name");
  return { user, name };
}

/** POST /api/share?user=U…&name=…: the file shared in the user's DM with dondoc. */
export async function shareFromPage(fake: FakeSlack, req: IncomingMessage, url: URL, deliver: <T>(run: () => Promise<T>) => Promise<T>) {
  const { user, name } = fileParams(fake, url);
  const bytes = await readRaw(req);
  const { fileId, event } = await deliver(() => fake.shareFile({ userId: user, name, bytes }));
  return { fileId, status: event.status };
}

/** POST /api/file?user=U…&name=…: a file picked in a modal's file_input; answers its id. */
export async function storeFromPage(fake: FakeSlack, req: IncomingMessage, url: URL) {
  const { user, name } = fileParams(fake, url);
  return { fileId: fake.addFile({ userId: user, name, bytes: await readRaw(req) }) };
}
