// Which part of the fake answers a request: /api/{method} is the Web API,
// /response/{id} the response URLs it issued.
import type { IncomingMessage } from "node:http";
import { postToResponseUrl, type ResponseUrlDeps } from "./response-url-posts.js";
import { RESPONSE_URL_PATH } from "./response-urls.js";
import { downloadFile } from "./files/download.js";
import { FILE_DOWNLOAD_PATH, type FileStore } from "./files/store.js";
import { isJsonObject, type JsonObject } from "./types.js";
import { receiveUpload, UPLOAD_PATH, type UploadDeps } from "./web-api/files.js";
import type { HttpAnswer, WebApi } from "./web-api/dispatch.js";

export const WEB_API_PATH = "/api/";

export function routeRequest(
  deps: { webApi: WebApi; responses: ResponseUrlDeps; files?: { files: FileStore; botToken: string }; uploads?: UploadDeps },
  req: IncomingMessage,
  rawBody: string,
  bytes: Buffer = Buffer.from(rawBody, "utf8"),
): HttpAnswer | Promise<HttpAnswer> {
  const url = new URL(req.url ?? "/", "http://fake.invalid");
  if (deps.uploads && url.pathname.startsWith(UPLOAD_PATH) && req.method === "POST") {
    return receiveUpload(deps.uploads, url, req.headers["content-type"], bytes);
  }
  if (deps.files && url.pathname.startsWith(FILE_DOWNLOAD_PATH)) return downloadFile(deps.files, req, url.pathname);
  const decoded = decodeBody(req.headers["content-type"], rawBody);
  if (url.pathname.startsWith(WEB_API_PATH)) {
    if (decoded === undefined) return { status: 200, headers: {}, body: { ok: false, error: "invalid_json" } };
    const args = { ...Object.fromEntries(url.searchParams), ...decoded };
    return deps.webApi.call(url.pathname.slice(WEB_API_PATH.length), args, bearerToken(req, args));
  }
  if (url.pathname.startsWith(RESPONSE_URL_PATH) && req.method === "POST") {
    const body = decoded && typeof decoded.payload === "string" ? parseJson(decoded.payload) : decoded;
    if (body === undefined) return { status: 400, headers: {}, body: { ok: false, error: "invalid_json" } };
    return postToResponseUrl(deps.responses, url.pathname.slice(RESPONSE_URL_PATH.length), body);
  }
  return { status: 404, headers: {}, body: { ok: false, error: "not_found" } };
}

/** @slack/web-api sends `Authorization: Bearer xoxb-…`; older clients a `token` argument. */
function bearerToken(req: IncomingMessage, args: JsonObject): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  if (match?.[1]) return match[1];
  return typeof args.token === "string" && args.token !== "" ? args.token : undefined;
}

/** JSON or form-encoded; undefined when a JSON body does not parse. */
function decodeBody(contentType: string | undefined, raw: string): JsonObject | undefined {
  if (raw.trim() === "") return {};
  if (contentType?.includes("application/json")) return parseJson(raw);
  return Object.fromEntries(new URLSearchParams(raw));
}

function parseJson(raw: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
