// The text and blocks of a message, checked as Slack checks them; shared by
// the chat.* methods and response_url posts.
import { checkMessageBlocks } from "../block-kit/validate.js";
import { BLOCK_KIT_LIMITS } from "../block-kit/limits.js";
import type { MessageContent } from "../state/conversations.js";
import type { Block } from "../types.js";
import { ApiFailure } from "./method.js";

export function messageContent(input: { text?: string | undefined; blocks?: unknown; attachments?: unknown }): MessageContent {
  const hasBlocks = Array.isArray(input.blocks) ? input.blocks.length > 0 : input.blocks !== undefined;
  const hasAttachments = Array.isArray(input.attachments) && input.attachments.length > 0;
  if (!input.text && !hasBlocks && !hasAttachments) throw new ApiFailure("no_text");
  if ((input.text?.length ?? 0) > BLOCK_KIT_LIMITS.messageText) throw new ApiFailure("msg_too_long");
  const refusal = checkMessageBlocks(input.blocks);
  if (refusal) throw new ApiFailure(refusal.error, refusal.messages);
  return { text: input.text ?? "", blocks: (input.blocks as Block[] | undefined) ?? [] };
}
