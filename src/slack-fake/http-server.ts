// The fake's HTTP front: node:http on 127.0.0.1, whole bodies read as text,
// JSON answers. Routing lives in http-routes.ts.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeSlackLogger } from "./types.js";
import type { HttpAnswer } from "./web-api/dispatch.js";

/** Slack refuses Web API bodies far smaller; this only stops runaway tests (file uploads included). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How long an idle keep-alive connection stays open: longer than any client's (Node's agent: 5 s). */
export const KEEP_ALIVE_MS = 65_000;

/** `bytes` is the body as it came (a file upload is binary); `rawBody` the same decoded as UTF-8. */
export type RequestHandler = (req: IncomingMessage, rawBody: string, bytes: Buffer) => HttpAnswer | Promise<HttpAnswer>;

export interface RunningServer {
  /** "http://127.0.0.1:PORT/" */
  origin: string;
  /** The node server, for the Socket Mode WebSocket upgrades on the same port. */
  server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(opts: { host: string; port: number; latencyMs: number; logger: FakeSlackLogger; handle: RequestHandler }): Promise<RunningServer> {
  const server = createServer((req, res) => {
    readBody(req)
      .then(async (bytes) => {
        const answer = await opts.handle(req, bytes.toString("utf8"), bytes);
        if (opts.latencyMs > 0) await sleep(opts.latencyMs);
        if (answer.raw) {
          res.writeHead(answer.status, { ...answer.headers, "content-type": answer.raw.contentType });
          res.end(answer.raw.bytes);
          return;
        }
        res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
        res.end(JSON.stringify(answer.body));
      })
      .catch((err: unknown) => {
        opts.logger.error({ err, url: req.url }, "fake slack request failed");
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ ok: false, error: "internal_error" }));
      });
  });
  // Node's global agent (what @slack/web-api's axios uses) keeps idle
  // connections for 5 s, and node:http servers close them after 5 s too: a
  // request sent on a connection as the server closes it fails with
  // ECONNRESET (seen on a loaded machine as a failed delivery). The server
  // keeps them longer, so the client is always the one that closes.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${opts.host}:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Clients such as @slack/web-api keep connections alive; do not wait for them.
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
