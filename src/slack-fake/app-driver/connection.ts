// Sends signed requests to the app, as Slack does, and reports its answer and
// how long it took. The duration is wall time (not the injectable clock): it
// measures the app, which has to acknowledge within three seconds.
import { performance } from "node:perf_hooks";
import { signRequest } from "../sign.js";
import type { Clock } from "../types.js";

/** Slack gives up on an acknowledgement after this long (the user sees operation_timeout). */
export const ACK_DEADLINE_MS = 3_000;

export interface AppResponse {
  status: number;
  /** Parsed JSON when the app answered JSON, the text otherwise, undefined when empty. */
  body: unknown;
  text: string;
  ms: number;
  /** True when the app answered after Slack's three-second deadline. */
  late: boolean;
}

export interface DeliveryOptions {
  /** Overrides the request timestamp (seconds), e.g. to send a stale request. */
  timestampSec?: number;
  /** Overrides the computed X-Slack-Signature, e.g. to forge one. */
  signature?: string;
  headers?: Record<string, string>;
}

export class AppConnection {
  private url: string | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly now: Clock,
    appUrl: string | undefined,
  ) {
    this.url = appUrl;
  }

  setUrl(url: string): void {
    this.url = url;
  }

  async post(rawBody: string, contentType: string, options: DeliveryOptions = {}): Promise<AppResponse> {
    if (!this.url) throw new Error("fake slack: no app URL; pass appUrl or call setAppUrl() first");
    const timestampSec = options.timestampSec ?? Math.floor(this.now() / 1000);
    const started = performance.now();
    const res = await fetch(this.url, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
        "x-slack-request-timestamp": String(timestampSec),
        "x-slack-signature": options.signature ?? signRequest(this.signingSecret, rawBody, timestampSec),
        ...options.headers,
      },
      body: rawBody,
    });
    const text = await res.text();
    const ms = performance.now() - started;
    return { status: res.status, body: parseBody(text), text, ms, late: ms > ACK_DEADLINE_MS };
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
