// Answering within Slack's 3-second window, and turning failures into a
// message the user can act on (never a silent timeout or a stack trace).
import { AppError, type Lang } from "../errors.js";
import { errorMessage } from "../views/notices.js";
import type { AllMiddlewareArgs, BlockAction, ButtonAction, Context, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { errorInfo } from "../log.js";
import { resolveCaller, type Caller, type Message, type SlackDeps } from "./context.js";
import { outcomeOf, recordOutcome } from "./metrics.js";

/** Under Slack's 3 s, with room for the network on the way back. */
export const ACK_BUDGET_MS = 2_000;

type Outcome = { ok: true; message: Message | null } | { ok: false; error: unknown };

/**
 * Work that finishes within the budget answers in the acknowledgement itself
 * (one round trip); slower work is acknowledged at the budget and answered
 * through response_url when it is done.
 */
export async function answerWithin(options: {
  ack: (message?: Message & { response_type: "ephemeral" }) => Promise<void>;
  respond: (message: Message & { response_type: "ephemeral"; replace_original?: boolean }) => Promise<unknown>;
  work: () => Promise<Message | null>;
  toMessage: (error: unknown) => Message;
  budgetMs?: number;
  /** Said in the acknowledgement when the answer comes later ("Đang lập …"); nothing by default. */
  pending?: Message;
}): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), options.budgetMs ?? ACK_BUDGET_MS);
  });
  const result: Promise<Outcome> = options.work().then(
    (message) => ({ ok: true, message }),
    (error: unknown) => ({ ok: false, error }),
  );
  const first = await Promise.race([result, late]);
  clearTimeout(timer);
  const reply = (o: Outcome) => (o.ok ? o.message : options.toMessage(o.error));
  if (first !== "late") {
    const message = reply(first);
    await options.ack(message ? { ...message, response_type: "ephemeral" } : undefined);
    return first;
  }
  await options.ack(options.pending ? { ...options.pending, response_type: "ephemeral" } : undefined);
  const outcome = await result;
  const message = reply(outcome);
  if (message) await options.respond({ ...message, response_type: "ephemeral" });
  return outcome;
}

/** The user-facing message for any failure; unexpected ones are logged with a reference. */
export function failureMessage(deps: SlackDeps, error: unknown, lang: Lang, where: string, context: object = {}): Message {
  if (error instanceof AppError) return errorMessage(error.text(lang));
  // @slack/web-api errors (HTTP 5xx, network, platform errors) carry a code like "slack_webapi_http_error".
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("slack_")) {
    deps.log.warn({ err: errorInfo(error), where, ...context }, "Slack API call failed");
    deps.metrics.errors.inc({ where: `${where}:slack` });
    return errorMessage(new AppError("SLACK_UNAVAILABLE").text(lang));
  }
  const ref = `E${Date.now().toString(36).toUpperCase()}`;
  deps.log.error({ err: errorInfo(error), ref, where, ...context }, "unexpected error in a Slack handler");
  deps.metrics.errors.inc({ where });
  return errorMessage(new AppError("INTERNAL", { ref }).text(lang));
}

/** What a button's listener gets from Bolt (the part the runner uses). */
export type ButtonArgs = {
  ack: () => Promise<void>;
  body: BlockAction<ButtonAction>;
  action: ButtonAction;
  client: WebClient;
  context: Context;
  respond: (m: Message & { response_type: "ephemeral"; replace_original: boolean }) => Promise<unknown>;
};

/**
 * A button's listener, the one way: acknowledges at once, finds out who
 * clicked, runs the work, and answers where the click came from (in place
 * through response_url in messages, else an ephemeral in the channel, else a
 * direct message, as on App Home). `replace` swaps the message for the
 * answer (page buttons); a failure, in the caller's words, is always a new
 * message.
 */
export async function runButton(
  deps: SlackDeps,
  name: string,
  args: ButtonArgs,
  work: (caller: Caller) => Promise<Message | null>,
  options: { replace?: boolean } = {},
): Promise<void> {
  await args.ack();
  let caller: Caller = { userId: args.body.user.id, member: null, lang: "vi" };
  let message: Message | null;
  let replace = options.replace ?? false;
  try {
    caller = await resolveCaller(deps, args.client, args.body.user.id);
    message = await work(caller);
  } catch (error) {
    recordOutcome(args.context, outcomeOf(error));
    message = failureMessage(deps, error, caller.lang, `action:${name}`, { user: args.body.user.id });
    replace = false;
  }
  if (message)
    await tell(deps, args.client, { userId: args.body.user.id, channelId: args.body.channel?.id, respond: args.body.response_url ? args.respond : undefined, replace }, message);
}

/** runButton as a Bolt listener named by its action id, the work given Bolt's arguments too. */
export function answerAction(deps: SlackDeps, work: (args: BoltButtonArgs & { caller: Caller }) => Promise<Message | null>, options: { replace?: boolean } = {}) {
  return (args: BoltButtonArgs): Promise<void> => runButton(deps, args.action.action_id, args, (caller) => work({ ...args, caller }), options);
}

/** An ephemeral answer where the person is (in place of the message with `replace`), else a direct message; a failure is logged, never thrown. */
export async function tell(
  deps: SlackDeps,
  client: WebClient,
  to: { userId: string; channelId?: string | undefined; respond?: ButtonArgs["respond"] | undefined; replace?: boolean },
  message: Message,
): Promise<void> {
  try {
    if (to.respond) await to.respond({ ...message, response_type: "ephemeral", replace_original: to.replace ?? false });
    else if (to.channelId && !to.channelId.startsWith("D")) await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, ...message });
    else await client.chat.postMessage({ channel: to.userId, ...message });
  } catch (err) {
    deps.log.error({ err: errorInfo(err), userId: to.userId }, "could not answer the user");
  }
}

type BoltButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
