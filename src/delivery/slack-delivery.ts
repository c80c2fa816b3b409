// Posting scheduled messages to Slack so that each arrives exactly once.
//
// Slack has no idempotency key for chat.postMessage (platform.md), and
// @slack/web-api retries on its own (up to 30 minutes, also after network
// errors), so one call could post twice. This client therefore never
// retries by itself: every attempt is decided by the delivery engine, which
// knows whether an earlier attempt might have reached Slack. Each message
// carries its delivery key in Slack message metadata, and before resending
// an attempt whose outcome is unknown the engine looks for that key in the
// channel's recent history.
import { WebClient, type ChatPostMessageArguments } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import type { Logger } from "../log.js";
import { boltLogger } from "../log-slack.js";

export const DELIVERY_EVENT_TYPE = "dondoc_delivery";

export interface Payload {
  text: string;
  blocks: KnownBlock[];
  /**
   * A file to upload (files upload v2) instead of posting a message: the
   * digest's chart. It goes into the thread of the delivery of the same job
   * and period whose target is `after`, once that one is sent (claimNext
   * waits for it); `text` is the file's comment.
   */
  file?: PayloadFile;
}

export interface PayloadFile {
  name: string;
  title: string;
  /** The bytes, base64: a payload is stored as JSON. */
  base64: string;
  after: string;
}

/** Where a file goes: the channel and ts of the message it answers. */
export interface ThreadRef {
  channelId: string;
  ts: string;
}

export type PostOutcome =
  | { kind: "sent"; channelId: string; ts: string }
  /** Definitely not posted: Slack refused it for now (429). */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** Definitely not posted, and retrying will not help until someone acts (channel_not_found, invalid_auth, invalid_blocks...). */
  | { kind: "refused"; error: string }
  /** Unknown: a timeout, a network error or a 5xx; it may have been posted. */
  | { kind: "uncertain"; error: string };

export interface DeliveryClient {
  post(target: string, payload: Payload, key: string): Promise<PostOutcome>;
  /** The ts of a message already posted with this key since `since`, if any. */
  findPosted(target: string, key: string, since: Date): Promise<{ channelId: string; ts: string } | null>;
  /** Uploads a file into a message's thread (files upload v2). Absent in clients that only post. */
  upload?(thread: ThreadRef, file: PayloadFile, comment: string): Promise<PostOutcome>;
  /**
   * A file already shared in the thread under this name, if any: an upload
   * carries no metadata, so an uncertain attempt is looked for by its file
   * name, which is unique in the thread (the job's period is in it).
   */
  findUploaded?(thread: ThreadRef, name: string): Promise<ThreadRef | null>;
}

/** Errors after which Slack certainly did not post, but a later attempt may work. */
const TRANSIENT_REFUSALS = new Set(["ratelimited", "service_unavailable", "fatal_error", "internal_error", "request_timeout"]);

export function slackDeliveryClient(options: { token: string; apiUrl?: string; timeoutMs?: number; log?: Logger }): DeliveryClient {
  const client = new WebClient(options.token, {
    ...(options.log ? { logger: boltLogger(options.log, () => undefined) } : {}),
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
  });
  const channelIds = new Map<string, string>();

  async function resolveChannel(target: string): Promise<string | null> {
    if (/^[CGD][A-Z0-9]+$/.test(target)) return target;
    if (/^[UW][A-Z0-9]+$/.test(target)) {
      const im = await client.conversations.open({ users: target });
      return im.channel?.id ?? null;
    }
    const cached = channelIds.get(target);
    if (cached) return cached;
    const name = target.replace(/^#/, "");
    let cursor: string | undefined;
    do {
      const page = await client.conversations.list({ types: "public_channel,private_channel", exclude_archived: true, limit: 1000, cursor });
      for (const c of page.channels ?? []) if (c.name && c.id) channelIds.set(`#${c.name}`, c.id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor && !channelIds.has(`#${name}`));
    return channelIds.get(`#${name}`) ?? null;
  }

  return {
    async post(target, payload, key) {
      try {
        const args: ChatPostMessageArguments = {
          channel: target,
          text: payload.text,
          blocks: payload.blocks,
          metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key } },
          unfurl_links: false,
        };
        const r = await client.chat.postMessage(args);
        return { kind: "sent", channelId: r.channel ?? target, ts: r.ts ?? "" };
      } catch (error) {
        return classify(error);
      }
    },
    async upload(thread, file, comment) {
      try {
        // Shared only when the upload is completed, in one message: an error
        // before that leaves nothing in Slack. An error on the completion
        // itself is "uncertain", and the next attempt looks first.
        const r = await client.files.uploadV2({
          channel_id: thread.channelId,
          thread_ts: thread.ts,
          initial_comment: comment,
          file: Buffer.from(file.base64, "base64"),
          filename: file.name,
          title: file.title,
        });
        const completed = (r as unknown as { files?: { files?: { id?: string }[] }[] }).files ?? [];
        const id = completed.flatMap((c) => c.files ?? []).find((f) => f.id)?.id;
        return { kind: "sent", channelId: thread.channelId, ts: id ?? thread.ts };
      } catch (error) {
        return classify(error);
      }
    },
    async findUploaded(thread, name) {
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const r = await client.conversations.replies({ channel: thread.channelId, ts: thread.ts, limit: 200, cursor });
        for (const m of r.messages ?? []) {
          if (m.ts !== thread.ts && m.files?.some((f) => f.name === name)) return { channelId: thread.channelId, ts: m.ts ?? thread.ts };
        }
        cursor = r.response_metadata?.next_cursor || undefined;
        if (!r.has_more || !cursor) break;
      }
      return null;
    },
    async findPosted(target, key, since) {
      const channel = await resolveChannel(target);
      if (!channel) return null;
      const oldest = (since.getTime() / 1000 - 60).toFixed(6);
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const r = await client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, cursor });
        for (const m of r.messages ?? []) {
          const meta = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
          if (meta?.event_type === DELIVERY_EVENT_TYPE && meta.event_payload?.key === key && m.ts) return { channelId: channel, ts: m.ts };
        }
        cursor = r.response_metadata?.next_cursor || undefined;
        if (!r.has_more || !cursor) break;
      }
      return null;
    },
  };
}

function classify(error: unknown): PostOutcome {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string; statusCode?: number };
  if (e.code === "slack_webapi_rate_limited_error") return { kind: "rate_limited", retryAfterMs: (e.retryAfter ?? 1) * 1000 };
  if (e.code === "slack_webapi_platform_error") {
    const err = e.data?.error ?? "unknown_error";
    // A platform error is an answer from Slack: nothing was posted.
    return TRANSIENT_REFUSALS.has(err) ? { kind: "rate_limited", retryAfterMs: 5_000 } : { kind: "refused", error: err };
  }
  // slack_webapi_http_error (5xx), slack_webapi_request_error (network, timeout): unknown.
  return { kind: "uncertain", error: e.message ?? String(error) };
}
