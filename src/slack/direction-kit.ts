// What the direction loop's listeners share (issue 13): running a button
// after its ack with the answer as an ephemeral (or a direct message on App
// Home), the forms' private_metadata, and telling a person something.
import type { BlockAction, ButtonAction, Context } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError, type Lang } from "../errors.js";
import { errorInfo } from "../log.js";
import { IdValue } from "../services/input.js";
import { failureMessage } from "./answer.js";
import { resolveCaller, type Caller, type Message, type SlackDeps } from "./context.js";
import { outcomeOf, recordOutcome } from "./metrics.js";

/** Opaque to Slack and never trusted for permission: an id to check again, where to answer, the language. */
const FormMetadata = z.object({
  id: z.number().int().min(1).max(2_147_483_647),
  c: z
    .string()
    .regex(/^[CDG][A-Z0-9]{2,30}$/)
    .optional(),
  l: z.enum(["vi", "en"]).optional(),
});
export type FormMetadata = z.infer<typeof FormMetadata>;

export function formMetadata(m: FormMetadata): string {
  return JSON.stringify(m);
}

export function parseFormMetadata(text: string | undefined): FormMetadata | null {
  try {
    const parsed = FormMetadata.safeParse(JSON.parse(text ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A button's value as an id; a forged one is refused in words. */
export function idFromButton(value: string | undefined): number {
  const parsed = IdValue.safeParse(value ?? "");
  if (!parsed.success) throw new AppError("BUTTON_INVALID");
  return parsed.data;
}

export type ButtonArgs = {
  ack: () => Promise<void>;
  body: BlockAction<ButtonAction>;
  action: ButtonAction;
  client: WebClient;
  context: Context;
  respond: (m: Message & { response_type: "ephemeral"; replace_original: boolean }) => Promise<unknown>;
};

/**
 * Acks, then runs the work; its message (or the failure in the caller's
 * words) answers in place where the click came from a message, or by direct
 * message from App Home.
 */
export async function runButton(deps: SlackDeps, name: string, args: ButtonArgs, work: (caller: Caller) => Promise<Message | null>): Promise<void> {
  await args.ack();
  let caller: Caller = { userId: args.body.user.id, member: null, lang: "vi" };
  let message: Message | null;
  try {
    caller = await resolveCaller(deps, args.client, args.body.user.id);
    message = await work(caller);
  } catch (error) {
    recordOutcome(args.context, outcomeOf(error));
    message = failureMessage(deps, error, caller.lang, `action:${name}`, { user: args.body.user.id });
  }
  if (message) await tell(deps, args.client, { userId: args.body.user.id, channelId: args.body.channel?.id, respond: args.body.response_url ? args.respond : undefined }, message);
}

/** An ephemeral answer where the person is, else a direct message; a failure is logged, never thrown. */
export async function tell(
  deps: SlackDeps,
  client: WebClient,
  to: { userId: string; channelId?: string | undefined; respond?: ButtonArgs["respond"] | undefined },
  message: Message,
): Promise<void> {
  try {
    if (to.respond) await to.respond({ ...message, response_type: "ephemeral", replace_original: false });
    else if (to.channelId && !to.channelId.startsWith("D")) await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, ...message });
    else await client.chat.postMessage({ channel: to.userId, ...message });
  } catch (err) {
    deps.log.error({ err: errorInfo(err), userId: to.userId }, "could not answer the user");
  }
}

/** Posts, logging a failure: what was recorded stays recorded. */
export async function post(deps: SlackDeps, client: WebClient, what: string, args: { channel: string; thread_ts?: string } & Message): Promise<string | null> {
  try {
    const r = await client.chat.postMessage(args);
    return r.ts ?? null;
  } catch (err) {
    deps.log.error({ err: errorInfo(err), channel: args.channel }, `could not ${what}`);
    return null;
  }
}

export const langOf = (caller: Caller, metadata: FormMetadata | null): Lang => metadata?.l ?? caller.lang;
