// The state model rendered in Slack's JSON shapes, as the Web API answers and
// as interaction payloads carry them.
import { tzName, tzOffset } from "@date-fns/tz";
import type { Channel, User } from "./state/directory.js";
import type { Message } from "./state/conversations.js";
import type { View } from "./state/surfaces.js";
import type { BotIdentity, Team } from "./state/workspace.js";
import type { JsonObject } from "./types.js";

export function userJson(user: User, team: Team, opts: { includeLocale: boolean; at: Date }): JsonObject {
  return {
    id: user.id,
    team_id: team.id,
    name: user.name,
    deleted: user.deleted,
    real_name: user.realName,
    tz: user.tz,
    tz_label: tzName(user.tz, opts.at, "long"),
    tz_offset: tzOffset(user.tz, opts.at) * 60,
    profile: {
      real_name: user.realName,
      display_name: user.name,
      ...(user.email === undefined ? {} : { email: user.email }),
      team: team.id,
    },
    is_admin: false,
    is_owner: false,
    is_bot: user.isBot,
    is_app_user: false,
    ...(opts.includeLocale ? { locale: user.locale } : {}),
  };
}

export function channelJson(channel: Channel, opts: { isMember: boolean; numMembers?: number }): JsonObject {
  if (channel.kind === "im") {
    return { id: channel.id, created: channel.created, is_im: true, is_org_shared: false, user: channel.imUserId, is_user_deleted: false };
  }
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: channel.kind === "public",
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: channel.kind === "private",
    is_archived: channel.archived,
    is_general: false,
    created: channel.created,
    is_member: opts.isMember,
    topic: { value: channel.topic, creator: "", last_set: 0 },
    purpose: { value: channel.purpose, creator: "", last_set: 0 },
    ...(opts.numMembers === undefined ? {} : { num_members: opts.numMembers }),
  };
}

export function messageJson(message: Message, team: Team, bot: BotIdentity, opts: { includeMetadata?: boolean } = {}): JsonObject {
  const byBot = message.botId !== undefined;
  return {
    type: "message",
    ts: message.ts,
    text: message.text,
    blocks: message.blocks,
    team: team.id,
    user: byBot ? bot.userId : message.userId,
    ...(byBot ? { bot_id: message.botId, app_id: bot.appId } : {}),
    ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
    ...(message.edited ? { edited: { user: bot.userId, ts: message.edited.ts } } : {}),
    ...(message.files ? { files: message.files, upload: true } : {}),
    ...(opts.includeMetadata && message.metadata ? { metadata: message.metadata as unknown as JsonObject } : {}),
  };
}

export function viewJson(view: View, team: Team, bot: BotIdentity): JsonObject {
  return {
    id: view.id,
    team_id: team.id,
    type: view.type,
    blocks: view.blocks,
    private_metadata: view.privateMetadata,
    callback_id: view.callbackId,
    state: { values: view.stateValues },
    hash: view.hash,
    title: view.title ?? null,
    clear_on_close: view.clearOnClose,
    notify_on_close: view.notifyOnClose,
    close: view.close ?? null,
    submit: view.submit ?? null,
    previous_view_id: view.previousViewId ?? null,
    root_view_id: view.rootViewId,
    app_id: bot.appId,
    external_id: view.externalId,
    app_installed_team_id: team.id,
    bot_id: bot.botId,
  };
}
