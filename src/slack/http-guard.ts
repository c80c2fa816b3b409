// The gate in front of Bolt's HTTP receiver: every POST to /slack/events is
// checked here before Bolt sees it.
//
// Bolt's HTTPReceiver reads the whole body into memory with no size limit
// (raw-body without `limit`, in HTTPModuleFunctions.bufferIncomingMessage)
// before it checks the signature, accepts timestamps any distance in the
// future, and dereferences the parsed body without checking it is an object
// (`payload=null` throws a TypeError outside any try and the rejection takes
// the process down). So, in order, cheapest first:
//   1. a timestamp header more than 5 minutes from our clock, either way: 401
//      before reading a byte of the body;
//   2. a declared Content-Length over MAX_BODY_BYTES: 413 at once; a body
//      streamed past it: 413 as soon as the count passes it (raw-body's
//      `limit`), never buffering more than the limit;
//   3. a bad signature: 401;
//   4. a body Bolt could not parse, or whose JSON is not an object (`null`,
//      a number, an array): 400.
// The body read here is handed on as `rawBody`, which Bolt uses instead of
// reading the stream again (bufferIncomingMessage checks for it).
// A body that trickles in is cut off by the server's request timeout
// (REQUEST_TIMEOUT_MS, httpServerOptions below).
//
// Why a wrapper around `receiver.requestListener` on our own server rather
// than a patched Bolt or a custom receiver: `requestListener` is the public
// entry HTTPReceiver offers for mounting it in another server, and the
// server's own options are where Node enforces request and header timeouts.
// Everything after the gate (routing, signature check again, acks) stays
// Bolt's.
import type { IncomingMessage, RequestListener, ServerOptions, ServerResponse } from "node:http";
import { HTTPModuleFunctions, isValidSlackRequest } from "@slack/bolt";
import getRawBody from "raw-body";
import { errorInfo, type Logger } from "../log.js";

/**
 * The largest request body accepted, in bytes. Slack's own payloads are far
 * smaller: a view submission with a full modal is a few tens of KB (views
 * are capped at 100 blocks, texts at 3,000 characters).
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request (headers and body) must arrive within this time; Slack sends in milliseconds. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Slack signs with the current time; the same window as Bolt's, applied to the future too. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** How long a refused client may keep sending (discarded) before the connection is closed. */
const CLOSE_GRACE_MS = 1_000;

export interface GuardOptions {
  signingSecret: string;
  /** Paths Bolt receives Slack's requests on. */
  endpoints: readonly string[];
  log: Logger;
  maxBodyBytes?: number;
  /** Wall clock in ms (tests move it). */
  now?: () => number;
  onRefused?: (status: number, reason: string) => void;
}

/** Options for node:http createServer: bounded time for headers and for the whole request. */
export function httpServerOptions(requestTimeoutMs = REQUEST_TIMEOUT_MS): ServerOptions {
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout: requestTimeoutMs,
    // Node checks the two timeouts above only this often (30 s by default).
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
  };
}

type BufferedRequest = IncomingMessage & { rawBody?: Buffer };

/**
 * Wraps Bolt's request listener. Requests to other paths (operator routes,
 * 404s) go to Bolt unchanged and synchronously, so Bolt's own error handling
 * for them still applies.
 */
export function guardSlackRequests(boltListener: RequestListener, options: GuardOptions): RequestListener {
  const max = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string, closeConnection = false) => {
    options.onRefused?.(status, reason);
    options.log.warn({ status, reason, path: pathOf(req) }, "refused a request to the Slack endpoint");
    if (res.headersSent) return void res.destroy();
    res.writeHead(status);
    res.end();
    if (closeConnection) {
      // The rest of the body is not wanted. Closing at once would reset the
      // connection with the answer still unread by the client (unread input
      // makes the kernel send RST), so discard what keeps coming (no memory
      // held) for a moment, then close if the body is still coming. A body
      // that did end leaves a healthy keep-alive connection, which the
      // client may already be using for its next request: leave that open.
      res.once("finish", () => {
        req.resume();
        setTimeout(() => {
          if (!req.complete) req.socket.destroy();
        }, CLOSE_GRACE_MS).unref();
      });
    }
  };

  const check = async (req: BufferedRequest, res: ServerResponse): Promise<boolean> => {
    const timestamp = header(req, "x-slack-request-timestamp");
    const signature = header(req, "x-slack-signature");
    if (timestamp !== undefined) {
      const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
      if (!Number.isFinite(seconds) || Math.abs(Math.floor(now() / 1000) - seconds) > MAX_CLOCK_SKEW_SECONDS) {
        refuse(req, res, 401, "timestamp outside five minutes", true);
        return false;
      }
    }
    const declared = header(req, "content-length");
    if (declared !== undefined && !(Number(declared) <= max)) {
      refuse(req, res, 413, "declared body too large", true);
      return false;
    }
    let raw: Buffer;
    try {
      raw = await getRawBody(req, { limit: max, ...(declared !== undefined ? { length: Number(declared) } : {}) });
    } catch (e) {
      const type = (e as { type?: unknown }).type;
      if (type === "entity.too.large") refuse(req, res, 413, "body too large", true);
      else if (type === "request.aborted") options.log.debug({ path: pathOf(req) }, "client aborted the request");
      else refuse(req, res, 400, `body not read: ${errorInfo(e).message}`, true);
      return false;
    }
    req.rawBody = raw;
    const contentType = header(req, "content-type");
    const text = raw.toString();
    if (timestamp === undefined || signature === undefined) {
      // Slack's ssl_check comes unsigned; Bolt answers it and strips anything else from the body.
      if (contentType === "application/x-www-form-urlencoded" && new URLSearchParams(text).get("ssl_check") === "1") return true;
      refuse(req, res, 401, "unsigned");
      return false;
    }
    if (
      !isValidSlackRequest({
        signingSecret: options.signingSecret,
        body: text,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
        nowMilliseconds: now(),
      })
    ) {
      refuse(req, res, 401, "bad signature");
      return false;
    }
    let body: unknown;
    try {
      // Bolt's own parser, so that what passes here is exactly what Bolt will see.
      body = HTTPModuleFunctions.parseHTTPRequestBody(req as IncomingMessage & { rawBody: Buffer });
    } catch {
      refuse(req, res, 400, "body is not valid JSON");
      return false;
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      refuse(req, res, 400, "payload is not a JSON object");
      return false;
    }
    return true;
  };

  return (req, res) => {
    if (req.method !== "POST" || !options.endpoints.includes(pathOf(req))) return boltListener(req, res);
    check(req, res)
      .then((pass) => {
        if (pass) boltListener(req, res);
      })
      .catch((e: unknown) => {
        options.log.error({ err: errorInfo(e) }, "the Slack request guard failed");
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === "string" ? v : undefined;
}

/** The path as Bolt routes it (WHATWG URL normalisation: `/slack/./events` is `/slack/events`). */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return req.url ?? "";
  }
}
