// A user shares a file: stored, posted in the conversation as a message with
// `files`, and announced to the app with a `file_shared` event, the shape
// Slack sends (file_id, user_id, file: { id }, channel_id, event_ts).
import type { Interactions, EventResult } from "../app-driver/interactions.js";
import type { IdSource } from "../ids.js";
import type { Workspace } from "../state/workspace.js";

export interface ShareFileInput {
  userId: string;
  name: string;
  bytes: Buffer;
  /** Where it is shared; the user's DM with the bot when omitted. */
  channelId?: string;
  /** The message text typed with the file. */
  text?: string;
}

export async function shareFile(deps: { workspace: Workspace; ids: IdSource; interactions: Interactions }, input: ShareFileInput): Promise<{ fileId: string; event: EventResult }> {
  const { workspace, ids, interactions } = deps;
  if (!workspace.directory.user(input.userId)) throw new Error(`fake slack: unknown user ${input.userId}`);
  const channelId = input.channelId ?? workspace.directory.imChannel(input.userId, workspace.bot.userId).id;
  const file = workspace.files.add({ name: input.name, bytes: input.bytes, userId: input.userId, channelId });
  workspace.conversations.post({
    channelId,
    userId: input.userId,
    // As Slack posts a file share: the typed text (often none) and the file in `files`.
    text: input.text ?? "",
    blocks: [],
    files: [workspace.files.json(file)],
    via: "web_api",
  });
  const event = await interactions.sendEvent({
    type: "file_shared",
    file_id: file.id,
    user_id: input.userId,
    file: { id: file.id },
    channel_id: channelId,
    event_ts: ids.nextTs(),
  });
  return { fileId: file.id, event };
}
