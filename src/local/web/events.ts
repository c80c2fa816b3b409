// Server-Sent Events: every change in the fake workspace (a message posted, a
// modal opened, App Home published) and every move of the clock is pushed to
// the open pages, which then fetch what they show again.
import type { ServerResponse } from "node:http";
import type { WorkspaceChange } from "../../slack-fake/index.js";

export type PageEvent = WorkspaceChange | { kind: "clock" };

const HEARTBEAT_MS = 20_000;

export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // Comments keep proxies and browsers from closing an idle stream.
    this.heartbeat = setInterval(() => this.write(": ping\n\n"), HEARTBEAT_MS).unref();
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    res.write("retry: 1000\n\n");
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  publish(event: PageEvent): void {
    this.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}
