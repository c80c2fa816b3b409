// The bodies Slack sends to an app, in Slack's shapes: slash commands
// (form fields), interactions (form field `payload` holding JSON) and Events
// API callbacks (JSON).
import type { Channel, User } from "../state/directory.js";
import type { Workspace } from "../state/workspace.js";
import type { JsonObject } from "../types.js";

/** Deprecated by Slack in favour of signatures, but still sent. */
export const VERIFICATION_TOKEN = "fake-verification-token";

export function userRef(user: User, workspace: Workspace): JsonObject {
  return { id: user.id, username: user.name, name: user.name, team_id: workspace.team.id };
}

export function teamRef(workspace: Workspace): JsonObject {
  return { id: workspace.team.id, domain: workspace.team.domain };
}

export function channelName(channel: Channel): string {
  if (channel.kind === "im") return "directmessage";
  return channel.kind === "private" ? "privategroup" : channel.name;
}

/** A slash command's fields: form-encoded over HTTP, a JSON object of strings over Socket Mode. */
export function slashCommandFields(
  workspace: Workspace,
  input: { user: User; channel: Channel; command: string; text: string; responseUrl: string; triggerId: string },
): Record<string, string> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: workspace.team.id,
    team_domain: workspace.team.domain,
    channel_id: input.channel.id,
    channel_name: channelName(input.channel),
    user_id: input.user.id,
    user_name: input.user.name,
    command: input.command,
    text: input.text,
    api_app_id: workspace.bot.appId,
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  };
}

/** Fields every interaction payload carries. */
export function interactionBase(workspace: Workspace, type: string, user: User): JsonObject {
  return {
    type,
    token: VERIFICATION_TOKEN,
    api_app_id: workspace.bot.appId,
    team: teamRef(workspace),
    user: userRef(user, workspace),
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function eventCallback(workspace: Workspace, event: JsonObject, ids: { eventId: string; eventTime: number }): JsonObject {
  return {
    token: VERIFICATION_TOKEN,
    team_id: workspace.team.id,
    api_app_id: workspace.bot.appId,
    event,
    type: "event_callback",
    event_id: ids.eventId,
    event_time: ids.eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: workspace.team.id,
        user_id: workspace.bot.userId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}
