// The unit lead confirms a staff member's completion ("Xác nhận hoàn thành")
// or corrects a report ("Điều chỉnh": a form; the original is kept). Both
// are checked against the stored member; the unit's channel is told.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { AppError } from "../../errors.js";
import { errorInfo } from "../../log.js";
import { confirmCompletion, correctReport, reportForCorrection } from "../../services/confirmations.js";
import { decimalInt } from "../../services/input.js";
import { viewRequestKey } from "../../services/request-key.js";
import { ACTION_IDS } from "../../views/action-ids.js";
import { alreadyConfirmedText, CORRECTION_MODAL, confirmedMessage, correctedMessage, correctedSavedText, correctionModal } from "../../views/confirmations.js";
import { confirmation } from "../../views/notices.js";
import { registered, resolveCaller, type SlackDeps } from "../context.js";
import { runButton, tell } from "../answer.js";
import { formMetadata, idFromButton, parseFormMetadata, post } from "../direction-kit.js";

const Percent = decimalInt(0, 100);

export function registerConfirmations(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.reportConfirm, async (args) => {
    await runButton(deps, "report_confirm", args, async (caller) => {
      const c = registered(caller);
      const result = await confirmCompletion({ prisma: deps.prisma, userId: c.userId, reportId: idFromButton(args.action.value), at: deps.now() });
      if (result.kind === "already") return confirmation(c.lang, { vi: alreadyConfirmedText("vi", result.taskCode), en: alreadyConfirmedText("en", result.taskCode) });
      const notice = confirmedMessage("vi", c.userId, result.taskCode);
      if (result.unitChannel) await post(deps, args.client, "announce a confirmation", { channel: result.unitChannel, ...notice });
      await post(deps, args.client, "tell the reporter of a confirmation", { channel: result.reporter, ...notice });
      return confirmedMessage(c.lang, c.userId, result.taskCode);
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.reportCorrect, async (args) => {
    await runButton(deps, "report_correct", args, async (caller) => {
      const c = registered(caller);
      const id = idFromButton(args.action.value);
      const data = await reportForCorrection(deps.prisma, c.userId, id);
      const meta = formMetadata({ id, l: c.lang, ...(args.body.channel?.id ? { c: args.body.channel.id } : {}) });
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: correctionModal(data, meta, c.lang) });
      return null;
    });
  });

  app.view<ViewSubmitAction>(CORRECTION_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const meta = parseFormMetadata(view.private_metadata);
    const caller = await resolveCaller(deps, client, userId).catch(() => ({ userId, member: null, lang: "vi" as const }));
    const lang = meta?.l ?? caller.lang;
    const values = view.state.values;
    const percent = Percent.safeParse(values[CORRECTION_MODAL.percent]?.[CORRECTION_MODAL.percent]?.value ?? "");
    if (!percent.success)
      return void (await ack({
        response_action: "errors",
        errors: {
          [CORRECTION_MODAL.percent]: (String(values[CORRECTION_MODAL.percent]?.[CORRECTION_MODAL.percent]?.value ?? "").trim() === ""
            ? new AppError("PERCENT_REQUIRED")
            : new AppError("PERCENT_RANGE", { value: String(values[CORRECTION_MODAL.percent]?.[CORRECTION_MODAL.percent]?.value).slice(0, 20) })
          ).text(lang),
        },
      }));
    const done = (values[CORRECTION_MODAL.done]?.[CORRECTION_MODAL.done]?.selected_options ?? []).length > 0;
    if (done && percent.data !== 100)
      return void (await ack({ response_action: "errors", errors: { [CORRECTION_MODAL.percent]: new AppError("DONE_NEEDS_100", { percent: percent.data }).text(lang) } }));
    const reason = values[CORRECTION_MODAL.reason]?.[CORRECTION_MODAL.reason]?.value ?? "";
    const fieldError = (e: AppError) => ack({ response_action: "errors", errors: { [CORRECTION_MODAL.reason]: e.text(lang) } });
    if (!meta) return void (await fieldError(new AppError("REPORT_NOT_FOUND", { id: "?" })));
    let result: Awaited<ReturnType<typeof correctReport>>;
    try {
      result = await correctReport({ prisma: deps.prisma, userId, reportId: meta.id, percent: percent.data, done, reason, requestKey: viewRequestKey(view.id), at: deps.now() });
    } catch (err) {
      if (err instanceof AppError) return void (await fieldError(err));
      deps.log.error({ err: errorInfo(err), userId }, "could not record a correction");
      return void (await fieldError(new AppError("SAVE_UNAVAILABLE", { ref: `E${Date.now().toString(36).toUpperCase()}`, what: "report" })));
    }
    await ack();
    deps.metrics.commands.inc({ name: "report_correction", outcome: result.kind === "duplicate" ? "duplicate" : "ok" });
    if (result.kind === "duplicate") return;
    const notice = correctedMessage("vi", { who: userId, code: result.taskCode, from: result.from, to: result.to, reason: result.reason });
    if (result.unitChannel) await post(deps, client, "announce a correction", { channel: result.unitChannel, ...notice });
    await post(deps, client, "tell the reporter of a correction", { channel: result.reporter, ...notice });
    await tell(deps, client, { userId, channelId: meta.c }, confirmation(lang, { vi: correctedSavedText("vi", result.taskCode), en: correctedSavedText("en", result.taskCode) }));
  });
}
