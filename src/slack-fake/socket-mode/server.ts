// Slack's Socket Mode, on the fake's own port: apps.connections.open hands out
// a one-use ws:// URL, the app connects, gets `hello`, receives envelopes and
// acknowledges them by envelope_id (with a payload where Slack accepts one).
// Uses `ws`, the library @slack/socket-mode itself connects with. Envelope
// bookkeeping (acks, re-delivery) lives in envelopes.ts.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { IdSource } from "../ids.js";
import { isJsonObject, type Clock, type FakeSlackLogger } from "../types.js";
import { Envelopes, type Envelope, type EnvelopeOptions, type EnvelopeResult, type EnvelopeType } from "./envelopes.js";

/** Where the fake serves WebSocket connections; Slack's own URLs are wss://wss-primary.slack.com/link/?ticket=… */
export const SOCKET_MODE_PATH = "/link/";
/** A ticket from apps.connections.open must be used within this long. */
export const TICKET_LIFETIME_MS = 30_000;

/** Slack's reasons in `{"type":"disconnect","reason":…}`. */
export type DisconnectReason = "warning" | "refresh_requested" | "link_disabled" | "too_many_websockets";

export interface SocketModeOptions extends EnvelopeOptions {
  /** How often the fake pings each connection (Slack pings; the client notices when pings stop). 0 = never. Default 10 s. */
  pingIntervalMs?: number;
}

export interface SocketConnection {
  id: string;
  /** Set once `hello` was sent. */
  openedAt: number;
  /** A connection told to disconnect gets no new envelopes, but its acks still count. */
  draining: boolean;
}

interface Live extends SocketConnection {
  ws: WebSocket;
}

export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly tickets = new Map<string, number>();
  private readonly live = new Map<string, Live>();
  private readonly waiters = new Set<() => void>();
  private readonly envelopes: Envelopes;
  private readonly pingTimer: NodeJS.Timeout | undefined;
  private enabled = true;
  private connectionCount = 0;
  private sends = 0;

  constructor(
    private readonly deps: { server: Server; origin: () => string; appId: string; ids: IdSource; now: Clock; logger: FakeSlackLogger },
    options: SocketModeOptions = {},
  ) {
    this.envelopes = new Envelopes((envelope) => this.send(envelope), options);
    deps.server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    const interval = options.pingIntervalMs ?? 10_000;
    if (interval > 0) {
      this.pingTimer = setInterval(() => {
        for (const c of this.live.values()) c.ws.ping(`fake-slack ${Date.now()}`);
      }, interval);
      this.pingTimer.unref();
    }
  }

  /** False after `disconnect("link_disabled")` until enable(): Socket Mode turned off in the app's settings. */
  get isEnabled(): boolean {
    return this.enabled;
  }

  enable(): void {
    this.enabled = true;
  }

  /** apps.connections.open: a one-use ws:// URL (the method refuses while Socket Mode is off). */
  openUrl(): string {
    // Wall time, not the injectable clock: a ticket outlives no real connection
    // attempt, whatever day a test has moved the workspace to.
    const now = Date.now();
    for (const [t, expires] of this.tickets) if (expires < now) this.tickets.delete(t);
    const ticket = this.deps.ids.nextSecret();
    this.tickets.set(ticket, now + TICKET_LIFETIME_MS);
    const url = new URL(SOCKET_MODE_PATH, this.deps.origin().replace(/^http/, "ws"));
    url.searchParams.set("ticket", ticket);
    url.searchParams.set("app_id", this.deps.appId);
    return url.toString();
  }

  /** Open connections that received `hello`, oldest first. */
  connections(): SocketConnection[] {
    return [...this.live.values()].map(({ id, openedAt, draining }) => ({ id, openedAt, draining }));
  }

  /** Resolves when at least `count` connections (not draining) are open; rejects after `timeoutMs`. */
  async waitForConnections(count = 1, timeoutMs = 20_000): Promise<void> {
    const ready = () => [...this.live.values()].filter((c) => !c.draining).length >= count;
    if (ready()) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake slack: no Socket Mode connection within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  deliver(type: EnvelopeType, payload: Record<string, unknown>, acceptsResponsePayload: boolean, retry?: { attempt: number; reason: string }): Promise<EnvelopeResult> {
    return this.envelopes.deliver(type, payload, acceptsResponsePayload, retry);
  }

  /** Sends an envelope again, as Slack does when it was not acknowledged: same envelope_id, retry_attempt + 1. */
  redeliver(envelopeId: string, retryReason = "timeout"): Promise<EnvelopeResult> {
    return this.envelopes.redeliver(envelopeId, retryReason);
  }

  /** Every envelope sent, with its attempts and ack, oldest first. */
  sent(): readonly Envelope[] {
    return this.envelopes.list();
  }

  /**
   * Sends `{"type":"disconnect","reason":…}` to every open connection (or one)
   * and stops giving them envelopes, as Slack does before it recycles a
   * connection. `link_disabled` also turns Socket Mode off: apps.connections.open
   * is then refused until enable().
   */
  disconnect(reason: DisconnectReason, connectionId?: string): void {
    if (reason === "link_disabled") this.enabled = false;
    for (const c of this.live.values()) {
      if (connectionId !== undefined && c.id !== connectionId) continue;
      c.draining = true;
      c.ws.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake-slack" } }));
    }
  }

  /** Drops every connection without a close frame, as a network failure would. */
  drop(): void {
    for (const c of [...this.live.values()]) {
      this.live.delete(c.id);
      c.ws.terminate();
    }
  }

  close(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.envelopes.close();
    for (const c of this.live.values()) c.ws.terminate();
    this.wss.close();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const ticket = url.searchParams.get("ticket") ?? "";
    const expires = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (url.pathname !== SOCKET_MODE_PATH || expires === undefined || expires < Date.now() || !this.enabled) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.connectionCount += 1;
    const connection: Live = { id: `conn-${this.connectionCount}`, openedAt: this.deps.now(), draining: false, ws };
    this.live.set(connection.id, connection);
    ws.on("message", (data, isBinary) => {
      if (isBinary) return;
      this.onMessage(connection, data.toString());
    });
    // An envelope lost with its connection is not sent again by the fake
    // itself: events_api envelopes are re-delivered when their ack deadline
    // passes, the others time out (408), as Slack shows the user an error.
    ws.on("close", () => this.live.delete(connection.id));
    ws.on("error", (err) => this.deps.logger.warn({ err: err.message, connection: connection.id }, "fake slack socket error"));
    ws.send(
      JSON.stringify({
        type: "hello",
        num_connections: this.live.size,
        debug_info: { host: "fake-slack", build_number: 1, approximate_connection_time: 18_060 },
        connection_info: { app_id: this.deps.appId },
      }),
    );
    this.deps.logger.debug({ connection: connection.id, open: this.live.size }, "fake slack socket connected");
    for (const wake of [...this.waiters]) wake();
  }

  private onMessage(connection: Live, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      this.deps.logger.warn({ connection: connection.id }, "fake slack: a Socket Mode message that is not JSON");
      return;
    }
    if (!isJsonObject(message) || typeof message.envelope_id !== "string") return;
    this.envelopes.acknowledge(message.envelope_id, message.payload, connection.id);
  }

  /** Picks a connection round-robin among those not draining; undefined when there is none. */
  private send(envelope: Envelope): string | undefined {
    const open = [...this.live.values()].filter((c) => !c.draining && c.ws.readyState === c.ws.OPEN);
    if (open.length === 0) return undefined;
    const target = open[this.sends++ % open.length]!;
    const wire = {
      envelope_id: envelope.id,
      payload: envelope.payload,
      type: envelope.type,
      accepts_response_payload: envelope.acceptsResponsePayload,
      ...(envelope.type === "events_api" ? { retry_attempt: envelope.retryAttempt, retry_reason: envelope.retryReason } : {}),
    };
    target.ws.send(JSON.stringify(wire));
    return target.id;
  }
}
