// The page server: the static page under src/local/public and its JSON/SSE API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { errorInfo, type Logger } from "../../log.js";
import type { LocalApi } from "./api.js";
import { hostAllowed, HttpError, sendJson, sendStatic } from "./http.js";

// Two levels under the package root both in src/local/web (tsx, vitest) and
// in dist/local/web (npm start); tsc does not copy the page, so it is served
// from src/ in both cases.
export const PUBLIC_DIR = fileURLToPath(new URL("../../../src/local/public/", import.meta.url));

const FILES: Record<string, string> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/style.css": "style.css",
  "/favicon.svg": "favicon.svg",
};

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export async function startPageServer(options: { host: string; port: number; api: LocalApi; log: Logger; onClose: () => void }): Promise<PageServer> {
  const { api, log } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, options.host)) throw new HttpError(403, "unexpected Host header");
    const url = new URL(req.url ?? "/", "http://local");
    const file = FILES[url.pathname];
    if (req.method === "GET" && file) return sendStatic(res, PUBLIC_DIR, file);
    if (await api.handle(req, res, url)) return;
    throw new HttpError(404, "not found");
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) log.error({ err: errorInfo(err), url: req.url }, "local workspace request failed");
      else log.debug({ status, url: req.url, message: (err as Error).message }, "local workspace request refused");
      if (res.headersSent) return void res.end();
      sendJson(res, status, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host === "0.0.0.0" ? "127.0.0.1" : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        options.onClose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
