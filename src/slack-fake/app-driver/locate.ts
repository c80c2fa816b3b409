// Finding the element a user acts on. A user can only click what Slack shows
// them, so an action on an element that is not on screen is a test mistake,
// reported as an error rather than sent to the app.
import { compareTs, type EphemeralMessage, type Message } from "../state/conversations.js";
import type { View } from "../state/surfaces.js";
import type { Workspace } from "../state/workspace.js";
import type { Block } from "../types.js";
import { interactiveElements, type LocatedElement } from "./element-values.js";
import type { Channel } from "../state/directory.js";

export type Container = { kind: "view"; view: View } | { kind: "message"; channel: Channel; message: Message } | { kind: "ephemeral"; channel: Channel; message: EphemeralMessage };

export interface ActionTarget {
  userId: string;
  actionId: string;
  blockId?: string;
  viewId?: string;
  channelId?: string;
  messageTs?: string;
}

export function locateAction(workspace: Workspace, target: ActionTarget): { container: Container; found: LocatedElement } {
  for (const container of candidates(workspace, target)) {
    const blocks: readonly Block[] = container.kind === "view" ? container.view.blocks : container.message.blocks;
    const found = interactiveElements(blocks).find((e) => e.actionId === target.actionId && (target.blockId === undefined || e.blockId === target.blockId));
    if (found) return { container, found };
  }
  const inMessage = target.messageTs === undefined ? "" : `/${target.messageTs}`;
  const where = target.viewId ?? (target.channelId ? `${target.channelId}${inMessage}` : `${target.userId}'s modal or App Home`);
  throw new Error(`fake slack: no element with action_id "${target.actionId}" is shown in ${where}`);
}

/** Where the user could be clicking, most likely first: the newest message, the top modal. */
function candidates(workspace: Workspace, target: ActionTarget): Container[] {
  const { surfaces, conversations, directory } = workspace;
  if (target.viewId !== undefined) {
    const view = surfaces.view(target.viewId);
    if (!view || view.userId !== target.userId) throw new Error(`fake slack: ${target.userId} has no open view ${target.viewId}`);
    return [{ kind: "view", view }];
  }
  if (target.channelId !== undefined) {
    const channel = directory.channel(target.channelId);
    if (!channel) throw new Error(`fake slack: unknown channel ${target.channelId}; seed() it first`);
    const shown = (m: { ts: string }) => target.messageTs === undefined || m.ts === target.messageTs;
    const ephemerals = conversations
      .ephemerals({ userId: target.userId, channelId: channel.id })
      .filter(shown)
      .map((message): Container => ({ kind: "ephemeral", channel, message }));
    const messages = conversations
      .messages(channel.id)
      .filter(shown)
      .map((message): Container => ({ kind: "message", channel, message }));
    return [...ephemerals, ...messages].sort((a, b) => compareTs(tsOf(b), tsOf(a)));
  }
  return [surfaces.topModal(target.userId), surfaces.home(target.userId)].filter((v): v is View => v !== undefined).map((view) => ({ kind: "view", view }));
}

function tsOf(container: Container): string {
  return container.kind === "view" ? "0" : container.message.ts;
}
