// GET url_private: the file's bytes to a request with the bot token in the
// Authorization header. Slack answers a request without it with a sign-in
// page (HTTP 200, text/html) rather than an error; the fake answers 401 with
// a short HTML page too, so an app that forgets the header sees a failure.
import type { IncomingMessage } from "node:http";
import type { HttpAnswer } from "../web-api/dispatch.js";
import type { FileStore } from "./store.js";

export function downloadFile(deps: { files: FileStore; botToken: string }, req: IncomingMessage, pathname: string): HttpAnswer {
  const html = (status: number, text: string): HttpAnswer => ({
    status,
    headers: {},
    body: {},
    raw: { contentType: "text/html; charset=utf-8", bytes: Buffer.from(`<!doctype html><title>${text}</title><p>${text}</p>`) },
  });
  if (req.method !== "GET") return html(405, "method not allowed");
  const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (token !== deps.botToken) return html(401, "sign in to Slack");
  const id = deps.files.idFromPath(pathname);
  const file = id ? deps.files.get(id) : undefined;
  if (!file) return html(404, "file not found");
  return { status: 200, headers: { "content-length": String(file.size) }, body: {}, raw: { contentType: file.mimetype, bytes: file.bytes } };
}
