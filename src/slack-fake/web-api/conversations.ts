// conversations.info, conversations.list, conversations.join, conversations.history, conversations.replies.
import { z } from "zod";
import type { Channel } from "../state/directory.js";
import type { Workspace } from "../state/workspace.js";
import { channelJson, messageJson } from "../wire.js";
import { args, flag, integer } from "./args.js";
import { canSee, visibleChannel } from "./channels.js";
import { ApiFailure, defineMethod } from "./method.js";

function render(workspace: Workspace, channel: Channel, withCount = false) {
  const { directory, bot } = workspace;
  const numMembers = channel.members === "everyone" ? directory.users().length : channel.members.length;
  return channelJson(channel, {
    isMember: directory.isMember(channel, bot.userId),
    ...(withCount ? { numMembers } : {}),
  });
}

export const info = defineMethod(args({ channel: z.string().optional(), include_num_members: flag.optional() }), (a, { workspace }) => ({
  channel: render(workspace, visibleChannel(workspace, a.channel), a.include_num_members),
}));

const TYPE_OF_KIND = { public: "public_channel", private: "private_channel", im: "im" } as const;

/** Cursors are opaque to clients; here they carry the offset of the next page. */
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64");
function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64").toString());
  if (!match?.[1]) throw new ApiFailure("invalid_cursor");
  return Number(match[1]);
}

export const list = defineMethod(
  args({
    types: z.string().optional(),
    exclude_archived: flag.optional(),
    limit: integer.optional(),
    cursor: z.string().optional(),
  }),
  (a, { workspace }) => {
    const types = new Set((a.types ?? "public_channel").split(",").map((t) => t.trim()));
    const limit = Math.min(Math.max(a.limit ?? 100, 1), 1000);
    const offset = decodeCursor(a.cursor);
    const matching = workspace.directory.channels().filter((c) => types.has(TYPE_OF_KIND[c.kind]) && canSee(workspace, c) && !(a.exclude_archived && c.archived));
    const page = matching.slice(offset, offset + limit);
    const next = offset + limit < matching.length ? encodeCursor(offset + limit) : "";
    return { channels: page.map((c) => render(workspace, c)), response_metadata: { next_cursor: next } };
  },
);

export const join = defineMethod(args({ channel: z.string().optional() }), (a, { workspace }) => {
  const channel = visibleChannel(workspace, a.channel);
  if (channel.kind !== "public") throw new ApiFailure("method_not_supported_for_channel_type");
  if (channel.archived) throw new ApiFailure("is_archived");
  const { directory, bot } = workspace;
  if (directory.isMember(channel, bot.userId)) {
    return {
      channel: render(workspace, channel),
      warning: "already_in_channel",
      response_metadata: { warnings: ["already_in_channel"] },
    };
  }
  directory.join(channel, bot.userId);
  return { channel: render(workspace, channel) };
});

/**
 * Newest first, top-level messages only, like Slack. `oldest`/`latest` are
 * ts strings; `include_all_metadata` adds each message's metadata (dondoc
 * looks for its delivery keys there before resending an uncertain message).
 */
export const history = defineMethod(
  args({
    channel: z.string().optional(),
    oldest: z.string().optional(),
    latest: z.string().optional(),
    limit: integer.optional(),
    cursor: z.string().optional(),
    include_all_metadata: flag.optional(),
  }),
  (a, { workspace }) => {
    const channel = visibleChannel(workspace, a.channel);
    if (!workspace.directory.isMember(channel, workspace.bot.userId) && channel.kind !== "im") throw new ApiFailure("not_in_channel");
    const limit = Math.min(Math.max(a.limit ?? 100, 1), 999);
    const offset = decodeCursor(a.cursor);
    const matching = workspace.conversations
      .history(channel.id)
      .filter((m) => (a.oldest === undefined || Number(m.ts) >= Number(a.oldest)) && (a.latest === undefined || Number(m.ts) <= Number(a.latest)))
      .slice()
      .reverse();
    const page = matching.slice(offset, offset + limit);
    const more = offset + limit < matching.length;
    return {
      messages: page.map((m) => messageJson(m, workspace.team, workspace.bot, { includeMetadata: a.include_all_metadata === true })),
      has_more: more,
      response_metadata: { next_cursor: more ? encodeCursor(offset + limit) : "" },
    };
  },
);

/**
 * A thread, oldest first, the parent message first, like Slack. A ts that
 * is no message of the channel answers `thread_not_found`.
 */
export const replies = defineMethod(
  args({ channel: z.string().optional(), ts: z.string().optional(), limit: integer.optional(), cursor: z.string().optional(), include_all_metadata: flag.optional() }),
  (a, { workspace }) => {
    const channel = visibleChannel(workspace, a.channel);
    if (!workspace.directory.isMember(channel, workspace.bot.userId) && channel.kind !== "im") throw new ApiFailure("not_in_channel");
    if (!a.ts) throw new ApiFailure("invalid_arguments", ["[ERROR] missing required field: ts [json-pointer:/ts]"]);
    const thread = workspace.conversations.replies(channel.id, a.ts);
    if (thread.length === 0) throw new ApiFailure("thread_not_found");
    const limit = Math.min(Math.max(a.limit ?? 100, 1), 1000);
    const offset = decodeCursor(a.cursor);
    const page = thread.slice(offset, offset + limit);
    const more = offset + limit < thread.length;
    return {
      messages: page.map((m) => messageJson(m, workspace.team, workspace.bot, { includeMetadata: a.include_all_metadata === true })),
      has_more: more,
      response_metadata: { next_cursor: more ? encodeCursor(offset + limit) : "" },
    };
  },
);

/** conversations.open with one user: the app's direct message channel with them. */
export const open = defineMethod(args({ users: z.string().optional(), channel: z.string().optional() }), (a, { workspace }) => {
  const userId = a.users?.split(",")[0]?.trim();
  if (!userId) throw new ApiFailure("users_list_not_supplied");
  if (!workspace.directory.user(userId)) throw new ApiFailure("user_not_found");
  const channel = workspace.directory.imChannel(userId, workspace.bot.userId);
  return { channel: { id: channel.id } };
});
