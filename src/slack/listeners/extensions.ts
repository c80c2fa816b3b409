// Deadline extensions: the unit lead's form (opened by `/kehoach giahan`)
// records the request once and sends it to each leader by direct message;
// a leader's "Đồng ý gia hạn" / "Không đồng ý" decides it once, replaces the
// request with the decision, and tells the unit's channel and the requester.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { makeDay } from "../../domain/day.js";
import { AppError } from "../../errors.js";
import { errorInfo } from "../../log.js";
import { decideExtension, requestExtension } from "../../services/extensions.js";
import { viewRequestKey } from "../../services/request-key.js";
import { ACTION_IDS } from "../../views/action-ids.js";
import { EXTENSION_MODAL, extensionDecidedMessage, extensionRequestedText, extensionRequestMessage } from "../../views/extensions.js";
import { confirmation } from "../../views/notices.js";
import { registered, resolveCaller, type SlackDeps } from "../context.js";
import { runButton, tell } from "../answer.js";
import { idFromButton, parseFormMetadata, post } from "../direction-kit.js";

export function registerExtensions(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(EXTENSION_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const meta = parseFormMetadata(view.private_metadata);
    const caller = await resolveCaller(deps, client, userId).catch(() => ({ userId, member: null, lang: "vi" as const }));
    const lang = meta?.l ?? caller.lang;
    const values = view.state.values;
    const raw = values[EXTENSION_MODAL.date]?.[EXTENSION_MODAL.date]?.selected_date ?? "";
    // A date picker sends YYYY-MM-DD; anything else (a forged value) is refused in words.
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    const day = m ? makeDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (!day)
      return void (await ack({ response_action: "errors", errors: { [EXTENSION_MODAL.date]: new AppError("DATE_INVALID", { value: raw.slice(0, 20), exists: "" }).text(lang) } }));
    const reason = values[EXTENSION_MODAL.reason]?.[EXTENSION_MODAL.reason]?.value ?? "";
    const fieldError = (e: AppError) => {
      const block = e.code === "EXTENSION_NOT_LATER" ? EXTENSION_MODAL.date : EXTENSION_MODAL.reason;
      return ack({ response_action: "errors", errors: { [block]: e.text(lang) } });
    };
    if (!meta) return void (await fieldError(new AppError("TASK_NOT_FOUND", { code: "?" })));
    let result: Awaited<ReturnType<typeof requestExtension>>;
    try {
      result = await requestExtension({ prisma: deps.prisma, userId, taskId: meta.id, toDueOn: day, reason, requestKey: viewRequestKey(view.id), at: deps.now() });
    } catch (err) {
      if (err instanceof AppError) return void (await fieldError(err));
      deps.log.error({ err: errorInfo(err), userId }, "could not record an extension request");
      return void (await fieldError(new AppError("SAVE_UNAVAILABLE", { ref: `E${Date.now().toString(36).toUpperCase()}`, what: "request" })));
    }
    await ack();
    deps.metrics.commands.inc({ name: "extension_request", outcome: result.kind === "duplicate" ? "duplicate" : "ok" });
    if (result.kind === "duplicate") return;
    for (const leader of result.leaders) await post(deps, client, "send an extension request to a leader", { channel: leader, ...extensionRequestMessage(result.extension, "vi") });
    const e = result.extension;
    await tell(
      deps,
      client,
      { userId, channelId: meta.c },
      confirmation(lang, { vi: extensionRequestedText("vi", e.task.code, e.toDueOn), en: extensionRequestedText("en", e.task.code, e.toDueOn) }),
    );
  });

  for (const [actionId, approve] of [
    [ACTION_IDS.extensionApprove, true],
    [ACTION_IDS.extensionDecline, false],
  ] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await runButton(deps, actionId, args, async (caller) => {
        const c = registered(caller);
        const result = await decideExtension({ prisma: deps.prisma, userId: c.userId, extensionId: idFromButton(args.action.value), approve, at: deps.now() });
        const decided = extensionDecidedMessage(result.extension, result.originalDueOn, "vi");
        // The request in the leader's direct messages becomes the decision (its buttons go).
        const where = args.body.channel?.id && args.body.message?.ts ? { channel: args.body.channel.id, ts: args.body.message.ts } : null;
        if (where)
          await args.client.chat
            .update({ ...where, ...extensionDecidedMessage(result.extension, result.originalDueOn, c.lang) })
            .catch((err: unknown) => deps.log.warn({ err: errorInfo(err) }, "could not update the request"));
        if (result.kind === "decided") {
          if (result.unitChannel) await post(deps, args.client, "announce an extension decision", { channel: result.unitChannel, ...decided });
          await post(deps, args.client, "tell the requester of the decision", { channel: result.extension.requestedBy, ...decided });
        }
        return where ? null : extensionDecidedMessage(result.extension, result.originalDueOn, c.lang);
      });
    });
  }
}
