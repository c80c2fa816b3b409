// The Socket Mode receiver, built here rather than by Bolt for two reasons.
//
// 1. Each delivery carries its envelope_id into the listeners' context, so
//    that a repeated envelope is handled once (redelivery.ts).
// 2. dondoc reconnects by itself. @slack/socket-mode's own reconnection
//    (2.0.7) gives up for good, with an unhandled promise rejection, when
//    apps.connections.open fails with a network error or an HTTP 5xx while it
//    reconnects: the process dies, or stays up without a connection. Here its
//    auto-reconnect is off, and a loop with backoff calls start() again until
//    it succeeds or dondoc stops, logging one line per failed attempt (error
//    code only: the client's errors carry the app-level token).
//
// Everything else is as Bolt builds it for `socketMode: true`: the app-level
// token, the Web API options (SLACK_API_URL, retries) for
// apps.connections.open, and @slack/socket-mode's defaults for pings.
import { setTimeout as sleep } from "node:timers/promises";
import { SocketModeReceiver, type AppOptions, type SocketModeReceiverOptions } from "@slack/bolt";
import type { Logger as SlackLogger } from "@slack/logger";
import type { Logger } from "../log.js";
import { ENVELOPE_ID } from "./redelivery.js";

/** Delay before the n-th reconnection attempt (1-based): 1 s, 2 s, 4 s… up to 30 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}

/** What a failed attempt may log: the Web API error code and Slack's error, never the error itself. */
function failure(err: unknown): { code?: string; error?: string; status?: number } {
  const e = (typeof err === "object" && err !== null ? err : {}) as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  return {
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.data?.error === "string" ? { error: e.data.error } : {}),
    ...(typeof e.statusCode === "number" ? { status: e.statusCode } : {}),
  };
}

class ReconnectingReceiver extends SocketModeReceiver {
  private started = false;
  private reconnecting = false;
  private stopping = new AbortController();

  constructor(
    options: SocketModeReceiverOptions,
    private readonly log: Logger,
    private readonly delayMs: (attempt: number) => number,
  ) {
    super({ ...options, autoReconnectEnabled: false });
    this.client.on("disconnected", () => {
      if (this.started && !this.stopping.signal.aborted && !this.reconnecting) void this.reconnect();
    });
  }

  override async start(): ReturnType<SocketModeReceiver["start"]> {
    this.stopping = new AbortController();
    const opened = await super.start();
    this.started = true;
    return opened;
  }

  override stop(): Promise<void> {
    this.stopping.abort();
    this.started = false;
    return super.stop();
  }

  private async reconnect(): Promise<void> {
    this.reconnecting = true;
    const { signal } = this.stopping;
    try {
      for (let attempt = 1; !signal.aborted; attempt++) {
        try {
          await sleep(this.delayMs(attempt), undefined, { signal });
        } catch {
          return; // stopping
        }
        try {
          await this.client.start();
          this.log.info({ attempt }, "Socket Mode: reconnected to Slack");
          return;
        } catch (err) {
          this.log.warn({ attempt, ...failure(err), retryInMs: this.delayMs(attempt + 1) }, "Socket Mode: could not reconnect to Slack; trying again");
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }
}

/** `delayMs`: the back-off before each reconnection attempt (reconnectDelayMs; tests shorten it where the pause is not their subject). */
export function socketModeReceiver(
  appToken: string,
  logger: SlackLogger,
  clientOptions: AppOptions["clientOptions"],
  log: Logger,
  delayMs: (attempt: number) => number = reconnectDelayMs,
): SocketModeReceiver {
  return new ReconnectingReceiver(
    {
      appToken,
      logger,
      installerOptions: { clientOptions },
      customPropertiesExtractor: (args: { envelope_id?: unknown }) => (typeof args.envelope_id === "string" ? { [ENVELOPE_ID]: args.envelope_id } : {}),
    },
    log.child({ component: "socket-mode" }),
    delayMs,
  );
}
