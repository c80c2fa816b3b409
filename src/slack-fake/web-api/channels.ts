// Which channel a chat.* call means, and whether the app may write there.
import type { Channel } from "../state/directory.js";
import type { Workspace } from "../state/workspace.js";
import { ApiFailure } from "./method.js";

/**
 * chat.postMessage accepts a channel id, a channel name, or a user id (which
 * opens the direct message channel with that user). The app is assumed to have
 * chat:write.public, so it may post in public channels it has not joined;
 * private channels it is not in are invisible to it, hence channel_not_found.
 */
export function writableChannel(workspace: Workspace, idOrName: string | undefined): Channel {
  if (!idOrName) throw new ApiFailure("channel_not_found");
  const { directory, bot } = workspace;
  if (directory.user(idOrName)) return directory.imChannel(idOrName, bot.userId);
  const channel = visibleChannel(workspace, idOrName);
  if (channel.archived) throw new ApiFailure("is_archived");
  return channel;
}

/** A channel the app can see: any public one, and private ones and DMs it is in. */
export function visibleChannel(workspace: Workspace, idOrName: string | undefined): Channel {
  const channel = idOrName ? workspace.directory.channel(idOrName) : undefined;
  if (!channel || !canSee(workspace, channel)) throw new ApiFailure("channel_not_found");
  return channel;
}

export function canSee(workspace: Workspace, channel: Channel): boolean {
  return channel.kind === "public" || workspace.directory.isMember(channel, workspace.bot.userId);
}
