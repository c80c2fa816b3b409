// chat.postMessage, chat.update, chat.postEphemeral, chat.delete.
import { z } from "zod";
import { messageJson } from "../wire.js";
import { args, jsonField } from "./args.js";
import { visibleChannel, writableChannel } from "./channels.js";
import { messageContent } from "./content.js";
import { ApiFailure, defineMethod } from "./method.js";

const content = {
  text: z.string().optional(),
  blocks: jsonField.optional(),
  attachments: jsonField.optional(),
};

const Metadata = z.object({ event_type: z.string().min(1), event_payload: z.record(z.string(), z.unknown()) });

export const postMessage = defineMethod(
  args({ channel: z.string().optional(), thread_ts: z.string().optional(), metadata: jsonField.optional(), ...content }),
  (a, { workspace }) => {
    const channel = writableChannel(workspace, a.channel);
    const metadata = a.metadata === undefined ? undefined : Metadata.safeParse(a.metadata);
    if (metadata && !metadata.success) throw new ApiFailure("invalid_metadata_format");
    const message = workspace.conversations.post({
      channelId: channel.id,
      botId: workspace.bot.botId,
      ...messageContent(a),
      ...(a.thread_ts ? { threadTs: a.thread_ts } : {}),
      ...(metadata?.success ? { metadata: metadata.data } : {}),
      via: "web_api",
    });
    return { channel: channel.id, ts: message.ts, message: messageJson(message, workspace.team, workspace.bot) };
  },
  { rateLimitKey: (a) => (typeof a.channel === "string" ? a.channel : undefined) },
);

export const update = defineMethod(args({ channel: z.string().optional(), ts: z.string().optional(), ...content }), (a, { workspace }) => {
  const channel = visibleChannel(workspace, a.channel);
  const existing = a.ts ? workspace.conversations.message(channel.id, a.ts) : undefined;
  if (!existing) throw new ApiFailure("message_not_found");
  if (existing.botId === undefined) throw new ApiFailure("cant_update_message");
  const message = workspace.conversations.update(channel.id, existing.ts, messageContent(a)) ?? existing;
  return {
    channel: channel.id,
    ts: message.ts,
    text: message.text,
    message: messageJson(message, workspace.team, workspace.bot),
  };
});

export const postEphemeral = defineMethod(
  args({ channel: z.string().optional(), user: z.string().optional(), thread_ts: z.string().optional(), ...content }),
  (a, { workspace }) => {
    const channel = writableChannel(workspace, a.channel);
    const user = a.user ? workspace.directory.user(a.user) : undefined;
    if (!user) throw new ApiFailure("user_not_found");
    if (!workspace.directory.isMember(channel, user.id)) throw new ApiFailure("user_not_in_channel");
    const message = workspace.conversations.postEphemeral({
      channelId: channel.id,
      userId: user.id,
      botId: workspace.bot.botId,
      ...messageContent(a),
      ...(a.thread_ts ? { threadTs: a.thread_ts } : {}),
      via: "web_api",
    });
    return { message_ts: message.ts };
  },
);

export const deleteMessage = defineMethod(args({ channel: z.string().optional(), ts: z.string().optional() }), (a, { workspace }) => {
  const channel = visibleChannel(workspace, a.channel);
  const existing = a.ts ? workspace.conversations.message(channel.id, a.ts) : undefined;
  if (!existing) throw new ApiFailure("message_not_found");
  if (existing.botId === undefined) throw new ApiFailure("cant_delete_message");
  workspace.conversations.delete(channel.id, existing.ts);
  return { channel: channel.id, ts: existing.ts };
});
