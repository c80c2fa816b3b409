// The progress-report modal's submission. Slack waits 3 s for the answer and
// the database may be busy (PGlite runs one statement at a time), so the
// form is checked without the database and answered at once (bad values
// shown next to their field); then the report is saved (in its turn, see
// save-queue.ts) and announced. What the database refuses after that (the
// task archived, the member removed meanwhile) or a database that is down is
// told to the user, with what they entered. Each view records once (its id
// is the request key).
import type { App, ViewSubmitAction } from "@slack/bolt";
import { AppError, type Lang } from "../../errors.js";
import { errorInfo } from "../../log.js";
import { homeModel } from "../../services/home.js";
import { viewRequestKey } from "../../services/request-key.js";
import { checkReportForm, submitReport, type FieldErrors } from "../../services/submit-report.js";
import { homeView } from "../../views/home.js";
import { reportNotSaved, reportPosted, reportSaved } from "../../views/notices.js";
import { REPORT_MODAL, reportFieldErrors } from "../../views/report-modal.js";
import { today, type SlackDeps } from "../context.js";
import { recordOutcome } from "../metrics.js";
import { postEach, tellUser } from "../post.js";
import { offeredForms, parseReportMetadata, readReportForm } from "../report-modal.js";
import { SaveQueue } from "../save-queue.js";

const worded = (errors: FieldErrors, lang: Lang) => reportFieldErrors(Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.text(lang)])));

export function registerReportSubmit(app: App, deps: SlackDeps): void {
  const saves = new SaveQueue();
  app.view<ViewSubmitAction>(REPORT_MODAL.callbackId, async ({ ack, body, view, client, context }) => {
    const arrived = saves.arrived();
    const userId = body.user.id;
    const metadata = parseReportMetadata(view.private_metadata);
    const offered = offeredForms(deps).get(view.id);
    let lang: Lang = offered?.lang ?? metadata.l ?? "vi";
    const form = readReportForm(view.state.values);
    const checked = checkReportForm(form);
    // What this process's form offered (when it is the one that opened it): anything else is refused at once.
    if (checked.ok && offered?.userId === userId && !offered.taskIds.has(checked.input.taskId)) {
      await ack({ response_action: "errors", errors: worded({ task: new AppError("TASK_NOT_REPORTABLE", { code: `#${checked.input.taskId}` }) }, lang) });
      return recordOutcome(context, "refused");
    }
    if (!checked.ok) {
      await ack({ response_action: "errors", errors: worded(checked.errors, lang) });
      return recordOutcome(context, "invalid");
    }
    await ack();
    const tell = (message: Parameters<typeof tellUser>[3]) => tellUser(deps, client, { user: userId, channel: metadata.c }, message);
    const saved = await saves
      .inTurn(arrived, () => submitReport({ prisma: deps.prisma, userId, form, requestKey: viewRequestKey(view.id), at: deps.now() }))
      .catch((err: unknown) => {
        // Saving is one transaction: when it fails, nothing was saved.
        const ref = `E${Date.now().toString(36).toUpperCase()}`;
        deps.log.error({ err: errorInfo(err), ref, userId, viewId: view.id }, "could not save a progress report");
        deps.metrics.errors.inc({ where: "report_submit" });
        return { kind: "failed" as const, ref };
      });
    if (saved.kind === "failed") {
      recordOutcome(context, "error");
      return tell(reportNotSaved(lang, [new AppError("SAVE_UNAVAILABLE", { ref: saved.ref, what: "report" })], checked.input));
    }
    if (saved.locale === "vi" || saved.locale === "en") lang = saved.locale;
    if (saved.kind === "errors") {
      recordOutcome(context, "refused");
      return tell(reportNotSaved(lang, Object.values(saved.errors), checked.input));
    }
    if (saved.kind === "duplicate") return recordOutcome(context, "duplicate");
    // The report is saved: a failure below is logged, never shown as a failed report.
    await Promise.all([
      postEach(deps, client, saved.unitChannel ? [saved.unitChannel] : [], reportPosted(saved.posted, "vi"), "post the report to the unit's channel"),
      tell(reportSaved(lang, saved.posted.task.code, saved.posted.percent)),
      saves
        .inTurn(arrived, () => homeModel(deps.prisma, saved.member, today(deps)))
        .then((model) => client.views.publish({ user_id: userId, view: homeView(model, lang) }))
        .catch((err: unknown) => deps.log.error({ err: errorInfo(err), userId, task: saved.posted.task.code }, "could not refresh App Home")),
    ]);
  });
}
