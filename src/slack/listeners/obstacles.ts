// The life of an obstacle in Slack: "Cho ý kiến chỉ đạo" and "Đóng vướng
// mắc" open their forms (permission checked first, and again on
// submission); a submission records once (the view id is its request key),
// then the direction goes to the unit's channel in the obstacle's thread and
// to the reporter, and a closing to that thread.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { AppError } from "../../errors.js";
import { CLOSE_NOTE_MAX, closeObstacle, DIRECTION_MAX, giveDirection, obstacleForForm, type NoticeCopy } from "../../services/obstacle-life.js";
import { viewRequestKey } from "../../services/request-key.js";
import { confirmation, obstacleRaised } from "../../views/notices.js";
import type { SlackMessage } from "../../views/blocks.js";
import {
  CLOSE_MODAL,
  closeModal,
  closeSavedText,
  DIRECTION_MODAL,
  directionGivenMessage,
  directionModal,
  directionSavedText,
  obstacleClosedMessage,
} from "../../views/obstacles.js";
import { ACTION_IDS } from "../../views/action-ids.js";
import { registered, resolveCaller, today, type SlackDeps } from "../context.js";
import { runButton, tell } from "../answer.js";
import { formMetadata, idFromButton, parseFormMetadata, post } from "../direction-kit.js";
import { errorInfo } from "../../log.js";
import { recordOutcome } from "../metrics.js";

type Values = ViewSubmitAction["view"]["state"]["values"];
const textOf = (values: Values, id: string) => (values[id]?.[id]?.value ?? "").trim();

/**
 * Every copy of the notice (the unit's channel, the Office's) shows what became of the obstacle, with no button
 * that is no longer due; a failure is logged only.
 */
async function updateNotices(deps: SlackDeps, client: WebClient, copies: readonly NoticeCopy[], notice: SlackMessage): Promise<void> {
  for (const where of copies) {
    await client.chat
      .update({ channel: where.channel, ts: where.ts, ...notice })
      .catch((err: unknown) => deps.log.error({ err: errorInfo(err), channel: where.channel }, "could not update an obstacle's notice"));
  }
}

export function registerObstacleLife(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.obstacleDirect, async (args) => {
    await runButton(deps, "obstacle_direct", args, async (caller) => {
      const c = registered(caller);
      const id = idFromButton(args.action.value);
      const { obstacle } = await obstacleForForm(deps.prisma, c.userId, id, "direct", today(deps));
      const meta = formMetadata({ id, l: c.lang, ...(args.body.channel?.id ? { c: args.body.channel.id } : {}) });
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: directionModal(obstacle, meta, DIRECTION_MAX, c.lang) });
      return null;
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.obstacleClose, async (args) => {
    await runButton(deps, "obstacle_close", args, async (caller) => {
      const c = registered(caller);
      const id = idFromButton(args.action.value);
      const { obstacle, canWithdraw } = await obstacleForForm(deps.prisma, c.userId, id, "RESOLVED", today(deps));
      const meta = formMetadata({ id, l: c.lang, ...(args.body.channel?.id ? { c: args.body.channel.id } : {}) });
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: closeModal(obstacle, canWithdraw, meta, CLOSE_NOTE_MAX, c.lang) });
      return null;
    });
  });

  app.view<ViewSubmitAction>(DIRECTION_MODAL.callbackId, async ({ ack, body, view, client, context }) => {
    const userId = body.user.id;
    const meta = parseFormMetadata(view.private_metadata);
    const caller = await resolveCaller(deps, client, userId).catch(() => ({ userId, member: null, lang: "vi" as const }));
    const lang = meta?.l ?? caller.lang;
    const text = textOf(view.state.values, DIRECTION_MODAL.text);
    const fieldError = (e: AppError) => ack({ response_action: "errors", errors: { [DIRECTION_MODAL.text]: e.text(lang) } });
    if (!meta) return void (await fieldError(new AppError("OBSTACLE_NOT_FOUND", { id: "?" })));
    let result: Awaited<ReturnType<typeof giveDirection>>;
    try {
      result = await giveDirection({ prisma: deps.prisma, userId, obstacleId: meta.id, text, requestKey: viewRequestKey(view.id), at: deps.now() });
    } catch (err) {
      if (err instanceof AppError) return void (await fieldError(err));
      deps.log.error({ err: errorInfo(err), userId }, "could not record a direction");
      return void (await fieldError(new AppError("SAVE_UNAVAILABLE", { ref: `E${Date.now().toString(36).toUpperCase()}`, what: "direction" })));
    }
    await ack();
    if (result.kind === "duplicate") return recordOutcome(context, "duplicate");
    // Recorded: what follows is told, and a failure is logged, never shown as a failed direction.
    const notice = directionGivenMessage(result.model, "vi");
    const channel = result.thread?.channel ?? result.unitChannel;
    if (channel) await post(deps, client, "post the direction to the unit's channel", { channel, ...(result.thread ? { thread_ts: result.thread.ts } : {}), ...notice });
    await post(deps, client, "send the direction to the reporter", { channel: result.model.obstacle.raisedBy, ...notice });
    await updateNotices(deps, client, result.copies, obstacleRaised(result.notice, "vi", { kind: "directed", by: userId }));
    await tell(deps, client, { userId, channelId: meta.c }, confirmation(lang, { vi: directionSavedText("vi", meta.id), en: directionSavedText("en", meta.id) }));
  });

  app.view<ViewSubmitAction>(CLOSE_MODAL.callbackId, async ({ ack, body, view, client, context }) => {
    const userId = body.user.id;
    const meta = parseFormMetadata(view.private_metadata);
    const caller = await resolveCaller(deps, client, userId).catch(() => ({ userId, member: null, lang: "vi" as const }));
    const lang = meta?.l ?? caller.lang;
    const chosen = view.state.values[CLOSE_MODAL.outcome]?.[CLOSE_MODAL.outcome]?.selected_option?.value;
    const outcome = chosen === "WITHDRAWN" ? "WITHDRAWN" : "RESOLVED";
    const note = textOf(view.state.values, CLOSE_MODAL.note);
    const fieldError = (e: AppError) => ack({ response_action: "errors", errors: { [CLOSE_MODAL.note]: e.text(lang) } });
    if (!meta) return void (await fieldError(new AppError("OBSTACLE_NOT_FOUND", { id: "?" })));
    let result: Awaited<ReturnType<typeof closeObstacle>>;
    try {
      result = await closeObstacle({ prisma: deps.prisma, userId, obstacleId: meta.id, outcome, note, requestKey: viewRequestKey(view.id), at: deps.now() });
    } catch (err) {
      if (err instanceof AppError) return void (await fieldError(err));
      deps.log.error({ err: errorInfo(err), userId }, "could not close an obstacle");
      return void (await fieldError(new AppError("SAVE_UNAVAILABLE", { ref: `E${Date.now().toString(36).toUpperCase()}`, what: "obstacle" })));
    }
    await ack();
    if (result.kind === "duplicate") return recordOutcome(context, "duplicate");
    const notice = obstacleClosedMessage(result.model, "vi");
    const channel = result.thread?.channel ?? result.unitChannel;
    if (channel) await post(deps, client, "post the closing to the unit's channel", { channel, ...(result.thread ? { thread_ts: result.thread.ts } : {}), ...notice });
    await updateNotices(deps, client, result.copies, obstacleRaised(result.notice, "vi", { kind: "closed", outcome, by: userId }));
    await tell(deps, client, { userId, channelId: meta.c }, confirmation(lang, { vi: closeSavedText("vi", meta.id, outcome), en: closeSavedText("en", meta.id, outcome) }));
  });
}
