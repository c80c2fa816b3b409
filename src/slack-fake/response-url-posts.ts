// What a post to a response_url does, as Slack does it: replace or delete the
// message the interaction came from, or add a new message, ephemeral (the
// default) or in the channel for everyone.
import { z } from "zod";
import { RESPONSE_URL_METHOD, type CallLog } from "./call-log.js";
import type { ResponseOrigin, ResponseUrls } from "./response-urls.js";
import type { Workspace } from "./state/workspace.js";
import type { Clock, JsonObject } from "./types.js";
import { flag, jsonField } from "./web-api/args.js";
import { messageContent } from "./web-api/content.js";
import type { HttpAnswer } from "./web-api/dispatch.js";
import { ApiFailure } from "./web-api/method.js";

const ResponseBody = z.looseObject({
  text: z.string().optional(),
  blocks: jsonField.optional(),
  response_type: z.enum(["ephemeral", "in_channel"]).optional(),
  replace_original: flag.optional(),
  delete_original: flag.optional(),
  thread_ts: z.string().optional(),
});
type ResponseBody = z.infer<typeof ResponseBody>;

export interface ResponseUrlDeps {
  workspace: Workspace;
  responseUrls: ResponseUrls;
  callLog: CallLog;
  now: Clock;
}

export function postToResponseUrl(deps: ResponseUrlDeps, id: string, body: JsonObject): HttpAnswer {
  const at = deps.now();
  const answer = respond(deps, id, body);
  const error = typeof answer.body.error === "string" ? answer.body.error : undefined;
  deps.callLog.record({
    method: RESPONSE_URL_METHOD,
    args: body,
    at,
    status: answer.status,
    ok: answer.body.ok === true,
    ...(error === undefined ? {} : { error }),
    response: answer.body,
    injected: false,
  });
  return answer;
}

function respond(deps: ResponseUrlDeps, id: string, body: JsonObject): HttpAnswer {
  const used = deps.responseUrls.use(id);
  if ("error" in used) return { status: 404, headers: {}, body: { ok: false, error: used.error } };
  const result = applyResponseMessage(deps.workspace, used.origin, body);
  return { status: result.ok ? 200 : 400, headers: {}, body: result };
}

/**
 * Also what Slack does with a message in the body of a slash command's
 * acknowledgement. Answers `{ ok: false, error }` when Slack would refuse it.
 */
export function applyResponseMessage(workspace: Workspace, origin: ResponseOrigin, body: JsonObject): JsonObject {
  const parsed = ResponseBody.safeParse(body);
  if (!parsed.success) return { ok: false, error: "invalid_arguments" };
  try {
    apply(workspace, origin, parsed.data);
    return { ok: true };
  } catch (err) {
    if (!(err instanceof ApiFailure)) throw err;
    const metadata = err.messages.length > 0 ? { response_metadata: { messages: err.messages } } : {};
    return { ok: false, error: err.code, ...metadata };
  }
}

function apply(workspace: Workspace, origin: ResponseOrigin, body: ResponseBody): void {
  const { conversations, bot } = workspace;
  if (body.delete_original) {
    if (origin.kind === "message") conversations.delete(origin.channelId, origin.ts);
    if (origin.kind === "ephemeral") conversations.deleteEphemeral(origin.channelId, origin.ts);
    if (body.text === undefined && body.blocks === undefined) return;
  }
  const content = messageContent(body);
  if (body.replace_original && !body.delete_original && origin.kind !== "command") {
    if (origin.kind === "message") conversations.update(origin.channelId, origin.ts, content);
    else conversations.updateEphemeral(origin.channelId, origin.ts, content);
    return;
  }
  const threadTs = body.thread_ts ? { threadTs: body.thread_ts } : {};
  if (body.response_type === "in_channel") {
    conversations.post({ channelId: origin.channelId, botId: bot.botId, ...content, ...threadTs, via: "response_url" });
  } else {
    conversations.postEphemeral({
      channelId: origin.channelId,
      userId: origin.userId,
      botId: bot.botId,
      ...content,
      ...threadTs,
      via: "response_url",
    });
  }
}
