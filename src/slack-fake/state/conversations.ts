// Messages in channels (with threads) and ephemeral messages, which Slack
// shows to one user in one channel and never stores in the channel's history.
import type { IdSource } from "../ids.js";
import type { Block, JsonObject } from "../types.js";
import type { ChangeFeed } from "./changes.js";

/** How a message reached the workspace. */
export type MessageVia = "web_api" | "response_url";

export interface Message {
  channelId: string;
  ts: string;
  /** Set on replies: the ts of the thread's parent. */
  threadTs?: string;
  /** The author when a person wrote it. */
  userId?: string;
  /** The author when the app wrote it. */
  botId?: string;
  text: string;
  blocks: Block[];
  edited?: { ts: string };
  /** Files shared with the message (files.completeUploadExternal), in Slack's JSON shape. */
  files?: JsonObject[];
  /** Message metadata (event_type, event_payload) as chat.postMessage takes it. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  via: MessageVia;
}

export interface EphemeralMessage {
  channelId: string;
  /** The only user who sees it. */
  userId: string;
  ts: string;
  threadTs?: string;
  botId?: string;
  text: string;
  blocks: Block[];
  via: MessageVia;
}

export interface MessageContent {
  text: string;
  blocks: Block[];
}

export class Conversations {
  private readonly byChannel = new Map<string, Message[]>();
  private ephemeralMessages: EphemeralMessage[] = [];

  constructor(
    private readonly ids: IdSource,
    private readonly changes: ChangeFeed,
  ) {}

  post(input: Omit<Message, "ts" | "edited">): Message {
    const message: Message = { ...input, ts: this.ids.nextTs() };
    const list = this.byChannel.get(message.channelId) ?? [];
    list.push(message);
    this.byChannel.set(message.channelId, list);
    this.changes.emit({ kind: "message", action: "posted", channelId: message.channelId, ts: message.ts });
    return message;
  }

  update(channelId: string, ts: string, content: MessageContent): Message | undefined {
    const message = this.message(channelId, ts);
    if (!message) return undefined;
    message.text = content.text;
    message.blocks = content.blocks;
    message.edited = { ts: this.ids.nextTs() };
    this.changes.emit({ kind: "message", action: "changed", channelId, ts });
    return message;
  }

  delete(channelId: string, ts: string): boolean {
    const list = this.byChannel.get(channelId);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.changes.emit({ kind: "message", action: "deleted", channelId, ts });
    return true;
  }

  /** Every message of a channel, replies included, oldest first; all channels when none is named. */
  messages(channelId?: string): readonly Message[] {
    if (channelId !== undefined) return [...(this.byChannel.get(channelId) ?? [])];
    return [...this.byChannel.values()].flat().sort((a, b) => compareTs(a.ts, b.ts));
  }

  /** Top-level messages, as conversations.history lists them. */
  history(channelId: string): readonly Message[] {
    return this.messages(channelId).filter((m) => m.threadTs === undefined || m.threadTs === m.ts);
  }

  /** A thread's parent followed by its replies, as conversations.replies lists them. */
  replies(channelId: string, threadTs: string): readonly Message[] {
    return this.messages(channelId).filter((m) => m.ts === threadTs || m.threadTs === threadTs);
  }

  message(channelId: string, ts: string): Message | undefined {
    return this.byChannel.get(channelId)?.find((m) => m.ts === ts);
  }

  postEphemeral(input: Omit<EphemeralMessage, "ts">): EphemeralMessage {
    const message: EphemeralMessage = { ...input, ts: this.ids.nextTs() };
    this.ephemeralMessages.push(message);
    this.changes.emit({ kind: "ephemeral", action: "posted", channelId: message.channelId, userId: message.userId, ts: message.ts });
    return message;
  }

  updateEphemeral(channelId: string, ts: string, content: MessageContent): EphemeralMessage | undefined {
    const message = this.ephemeral(channelId, ts);
    if (!message) return undefined;
    message.text = content.text;
    message.blocks = content.blocks;
    this.changes.emit({ kind: "ephemeral", action: "changed", channelId, userId: message.userId, ts });
    return message;
  }

  deleteEphemeral(channelId: string, ts: string): boolean {
    const message = this.ephemeral(channelId, ts);
    if (!message) return false;
    this.ephemeralMessages = this.ephemeralMessages.filter((m) => m !== message);
    this.changes.emit({ kind: "ephemeral", action: "deleted", channelId, userId: message.userId, ts });
    return true;
  }

  ephemeral(channelId: string, ts: string): EphemeralMessage | undefined {
    return this.ephemeralMessages.find((m) => m.channelId === channelId && m.ts === ts);
  }

  ephemerals(filter: { userId?: string; channelId?: string } = {}): readonly EphemeralMessage[] {
    return this.ephemeralMessages.filter(
      (m) => (filter.userId === undefined || m.userId === filter.userId) && (filter.channelId === undefined || m.channelId === filter.channelId),
    );
  }
}

export function compareTs(a: string, b: string): number {
  const [as = "0", af = "0"] = a.split(".");
  const [bs = "0", bf = "0"] = b.split(".");
  return Number(as) - Number(bs) || Number(af) - Number(bf);
}
