// Posting what a use case announces (a report to its unit's channel, an
// obstacle to the Office) once the use case has saved it: a failed post is
// logged, never shown as a failed save.
import type { WebClient } from "@slack/web-api";
import { errorInfo } from "../log.js";
import type { Message, SlackDeps } from "./context.js";

/**
 * Posts `message` to each channel in turn; `what` names the post in the log ("notify the Office").
 * Returns where each message that was posted is, to update it later.
 */
export async function postEach(
  deps: Pick<SlackDeps, "log">,
  client: WebClient,
  channels: readonly string[],
  message: Message,
  what: string,
): Promise<{ channel: string; ts: string }[]> {
  const posted: { channel: string; ts: string }[] = [];
  for (const channel of channels) {
    const r = await client.chat.postMessage({ channel, ...message }).catch((err: unknown) => {
      deps.log.error({ err: errorInfo(err), channel }, `could not ${what}`);
      return null;
    });
    if (r?.ts) posted.push({ channel: r.channel ?? channel, ts: r.ts });
  }
  return posted;
}

/**
 * Tells a person something in the channel they acted in (ephemeral), or by
 * direct message when that fails or there is none; a failure is logged.
 */
export async function tellUser(deps: Pick<SlackDeps, "log">, client: WebClient, to: { user: string; channel?: string | undefined }, message: Message): Promise<void> {
  const direct = () => client.chat.postMessage({ channel: to.user, ...message });
  await (to.channel ? client.chat.postEphemeral({ channel: to.channel, user: to.user, ...message }).catch(direct) : direct()).catch((err: unknown) =>
    deps.log.error({ err: errorInfo(err), userId: to.user }, "could not tell the user"),
  );
}
