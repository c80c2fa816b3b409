import type { WebClient } from "@slack/web-api";
import type { Caller, Message, SlackDeps } from "../context.js";

export interface CommandContext {
  deps: SlackDeps;
  caller: Caller;
  /** The text after the subcommand word. */
  rest: string;
  client: WebClient;
  channelId: string;
  triggerId: string;
}

/** Returns the ephemeral answer, or null when the handler answered otherwise (a modal). */
export type CommandHandler = (ctx: CommandContext) => Promise<Message | null>;
