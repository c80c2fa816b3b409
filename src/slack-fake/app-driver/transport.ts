// How requests reach the app: signed HTTP posts to its request URL, or
// envelopes over a Socket Mode connection. The driver (interactions.ts) builds
// the same payloads for both and reads the answers the same way, so one test
// can run over either.
import type { SocketModeServer } from "../socket-mode/server.js";
import type { JsonObject } from "../types.js";
import type { AppConnection, AppResponse, DeliveryOptions } from "./connection.js";

export type TransportKind = "http" | "socket";

export interface Delivered extends AppResponse {
  /** Socket Mode only: the envelope it travelled in (for redeliver()). */
  envelopeId?: string;
}

export interface RetryInfo {
  /** X-Slack-Retry-Num over HTTP, retry_attempt over Socket Mode. */
  num: number;
  /** X-Slack-Retry-Reason / retry_reason, e.g. "http_timeout", "timeout". */
  reason: string;
}

export interface AppTransport {
  readonly kind: TransportKind;
  slashCommand(fields: Record<string, string>): Promise<Delivered>;
  /** `acceptsResponsePayload`: Slack reads the ack's payload (view_submission) or ignores it (block_actions, view_closed). */
  interaction(payload: JsonObject, acceptsResponsePayload: boolean): Promise<Delivered>;
  /**
   * An event_callback body. `previous` is the envelope an earlier attempt of
   * the same event travelled in, which Socket Mode sends again as it is.
   */
  event(body: JsonObject, options: { retry?: RetryInfo; previous?: string; http?: DeliveryOptions }): Promise<Delivered>;
}

const FORM = "application/x-www-form-urlencoded";

export function httpTransport(connection: AppConnection): AppTransport {
  return {
    kind: "http",
    slashCommand: (fields) => connection.post(new URLSearchParams(fields).toString(), FORM),
    interaction: (payload) => connection.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM),
    event: (body, { retry, http = {} }) =>
      connection.post(JSON.stringify(body), "application/json", {
        ...http,
        headers: {
          ...http.headers,
          ...(retry ? { "x-slack-retry-num": String(retry.num), "x-slack-retry-reason": retry.reason } : {}),
        },
      }),
  };
}

export function socketTransport(server: SocketModeServer): AppTransport {
  return {
    kind: "socket",
    slashCommand: (fields) => server.deliver("slash_commands", fields, true),
    interaction: (payload, accepts) => server.deliver("interactive", payload, accepts),
    event: (body, { retry, previous }) =>
      previous !== undefined
        ? server.redeliver(previous, retry?.reason ?? "timeout")
        : server.deliver("events_api", body, false, retry ? { attempt: retry.num, reason: retry.reason } : undefined),
  };
}
