// Users and channels of the fake workspace.
import type { IdSource } from "../ids.js";
import type { Clock } from "../types.js";
import type { ChangeFeed } from "./changes.js";

export interface User {
  id: string;
  name: string;
  realName: string;
  /** BCP 47 as Slack gives it with include_locale, e.g. "vi-VN". */
  locale: string;
  /** IANA time zone, e.g. "Asia/Ho_Chi_Minh". */
  tz: string;
  email?: string;
  isBot: boolean;
  deleted: boolean;
}

export interface UserInput {
  id: string;
  name: string;
  realName?: string;
  locale?: string;
  tz?: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
}

export type ChannelKind = "public" | "private" | "im";

export interface Channel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** The other party of a direct message channel. */
  imUserId?: string;
  /** "everyone": every user of the workspace is a member, like #general. */
  members: "everyone" | string[];
  archived: boolean;
  /** Unix seconds. */
  created: number;
  topic: string;
  purpose: string;
}

export interface ChannelInput {
  id?: string;
  name: string;
  isPrivate?: boolean;
  /** User ids (include the bot's to make it a member); omitted means everyone. */
  members?: string[];
  archived?: boolean;
  topic?: string;
  purpose?: string;
}

export const DEFAULT_LOCALE = "vi-VN";
export const DEFAULT_TZ = "Asia/Ho_Chi_Minh";

export class Directory {
  private readonly usersById = new Map<string, User>();
  private readonly channelsById = new Map<string, Channel>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  addUser(input: UserInput): User {
    const user: User = {
      id: input.id,
      name: input.name,
      realName: input.realName ?? input.name,
      locale: input.locale ?? DEFAULT_LOCALE,
      tz: input.tz ?? DEFAULT_TZ,
      isBot: input.isBot ?? false,
      deleted: input.deleted ?? false,
      ...(input.email === undefined ? {} : { email: input.email }),
    };
    this.usersById.set(user.id, user);
    this.changes.emit({ kind: "user", userId: user.id });
    return user;
  }

  addChannel(input: ChannelInput): Channel {
    const kind: ChannelKind = input.isPrivate ? "private" : "public";
    const channel: Channel = {
      id: input.id ?? this.ids.nextId(kind === "private" ? "G" : "C"),
      name: input.name.replace(/^#/, ""),
      kind,
      members: input.members ? [...input.members] : "everyone",
      archived: input.archived ?? false,
      created: Math.floor(this.now() / 1000),
      topic: input.topic ?? "",
      purpose: input.purpose ?? "",
    };
    this.channelsById.set(channel.id, channel);
    this.changes.emit({ kind: "channel", channelId: channel.id });
    return channel;
  }

  users(): readonly User[] {
    return [...this.usersById.values()];
  }

  user(id: string): User | undefined {
    return this.usersById.get(id);
  }

  channels(): readonly Channel[] {
    return [...this.channelsById.values()];
  }

  /** By id, or by name with or without "#", as chat.postMessage accepts. */
  channel(idOrName: string): Channel | undefined {
    const byId = this.channelsById.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, "");
    return [...this.channelsById.values()].find((c) => c.kind !== "im" && c.name === name);
  }

  isMember(channel: Channel, userId: string): boolean {
    return channel.members === "everyone" ? this.usersById.has(userId) : channel.members.includes(userId);
  }

  /** The direct message channel between the bot and a user, opened on first use. */
  imChannel(userId: string, botUserId: string): Channel {
    const existing = [...this.channelsById.values()].find((c) => c.kind === "im" && c.imUserId === userId);
    if (existing) return existing;
    const channel: Channel = {
      id: this.ids.nextId("D"),
      name: userId,
      kind: "im",
      imUserId: userId,
      members: [userId, botUserId],
      archived: false,
      created: Math.floor(this.now() / 1000),
      topic: "",
      purpose: "",
    };
    this.channelsById.set(channel.id, channel);
    this.changes.emit({ kind: "channel", channelId: channel.id });
    return channel;
  }

  join(channel: Channel, userId: string): void {
    if (channel.members === "everyone" || channel.members.includes(userId)) return;
    channel.members.push(userId);
    this.changes.emit({ kind: "channel", channelId: channel.id });
  }
}
