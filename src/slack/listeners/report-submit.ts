// The progress-report modal's submission. Slack waits 3 s for the answer and
// the database may be busy (PGlite runs one statement at a time), so the
// form is checked without the database and answered at once (bad values
// shown next to their field); then the report is saved and announced. What
// the database refuses after that (the task archived, the member removed
// meanwhile) or a database that is down is told to the user, with what they
// entered. Each view records once (its id is the request key).
import { setImmediate as nextTurn } from "node:timers/promises";
import type { App, ViewSubmitAction } from "@slack/bolt";
import PQueue from "p-queue";
import { errorInfo } from "../../log.js";
import { AppError, type Lang } from "../../errors.js";
import { homeModel } from "../../services/home.js";
import { viewRequestKey } from "../../services/request-key.js";
import { checkReportForm, submitReport, type FieldErrors, type ReportField, type ReportForm, type ReportInput } from "../../services/submit-report.js";
import { homeView } from "../../views/home.js";
import { errorMessage, reportPosted, reportSaved } from "../../views/notices.js";
import { REPORT_MODAL } from "../../views/report-modal.js";
import { today, type Message, type SlackDeps } from "../context.js";
import { offeredForms, parseReportMetadata } from "../report-modal.js";

type Values = ViewSubmitAction["view"]["state"]["values"];

function readForm(values: Values): ReportForm {
  const field = (id: string) => values[id]?.[id];
  return {
    task: field(REPORT_MODAL.task)?.selected_option?.value,
    percent: field(REPORT_MODAL.percent)?.value,
    done: (field(REPORT_MODAL.done)?.selected_options ?? []).length > 0,
    note: field(REPORT_MODAL.note)?.value,
    evidence: field(REPORT_MODAL.evidence)?.value,
  };
}

const byBlock = (errors: FieldErrors, lang: Lang) =>
  Object.fromEntries(Object.entries(errors).map(([field, e]) => [REPORT_MODAL[field as ReportField], e.text(lang)]));

/** Why nothing was saved, then what the user entered, so that nothing they typed is lost. */
function notSaved(reasons: AppError[], input: ReportInput, lang: Lang): Message {
  const reason = reasons.map((r) => r.text(lang)).join(" ");
  const entered = new AppError("REPORT_ENTERED", { percent: input.percent, done: input.done ? 1 : "", note: input.note.slice(0, 500), links: input.links.join(" ") });
  return errorMessage(`${new AppError("REPORT_NOT_SAVED", { reason }).text(lang)}\n${entered.text(lang)}`);
}

/**
 * Acknowledging comes before saving. The database work of a save (above all
 * on PGlite, which runs in this thread) keeps the process from reading the
 * submissions still waiting for their answer: 100 at once used to be
 * answered after Slack's 3 s, 65 to 98 of them, even with the answer sent
 * before the save. So saves run a few at a time, and only once submissions
 * have stopped arriving for 0.5 s (at most 10 s after their own): during
 * a burst, the process answers first and saves after.
 */
const SAVES_AT_ONCE = 2;
const QUIET_MS = 500;
const MAX_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function registerReportSubmit(app: App, deps: SlackDeps): void {
  const saving = new PQueue({ concurrency: SAVES_AT_ONCE });
  let lastArrival = 0;
  const quiet = async (since: number) => {
    while (performance.now() - lastArrival < QUIET_MS && performance.now() - since < MAX_WAIT_MS) await sleep(QUIET_MS / 4);
  };
  app.view<ViewSubmitAction>(REPORT_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const started = (lastArrival = performance.now());
    const userId = body.user.id;
    const count = (outcome: string) => deps.metrics.commands.inc({ name: "report_submit", outcome });
    const metadata = parseReportMetadata(view.private_metadata);
    const offered = offeredForms(deps).get(view.id);
    let lang: Lang = offered?.lang ?? metadata.l ?? "vi";
    const form = readForm(view.state.values);
    const checked = checkReportForm(form);
    // What this process's form offered (when it is the one that opened it): anything else is refused at once.
    if (checked.ok && offered?.userId === userId && !offered.taskIds.has(checked.input.taskId)) {
      await ack({ response_action: "errors", errors: byBlock({ task: new AppError("TASK_NOT_REPORTABLE", { code: `#${checked.input.taskId}` }) }, lang) });
      return count("refused");
    }
    if (!checked.ok) {
      await ack({ response_action: "errors", errors: byBlock(checked.errors, lang) });
      return count("invalid");
    }
    await ack();
    const tell = (message: Message) =>
      (metadata.c ? client.chat.postEphemeral({ channel: metadata.c, user: userId, ...message }) : client.chat.postMessage({ channel: userId, ...message }))
        .catch(() => client.chat.postMessage({ channel: userId, ...message }))
        .catch((err: unknown) => deps.log.error({ err: errorInfo(err), userId }, "could not tell the user about their report"));
    // Each database step waits its turn in the queue, after the requests already read have been answered.
    const inTurn = <T,>(step: () => Promise<T>) => saving.add(async () => (await quiet(started), await nextTurn(), step()));
    const saved = await inTurn(() => submitReport({ prisma: deps.prisma, userId, form, requestKey: viewRequestKey(view.id), at: deps.now() })).catch((err: unknown) => {
      // Saving is one transaction: when it fails, nothing was saved.
      const ref = `E${Date.now().toString(36).toUpperCase()}`;
      deps.log.error({ err: errorInfo(err), ref, userId, viewId: view.id }, "could not save a progress report");
      deps.metrics.errors.inc({ where: "report_submit" });
      return { kind: "failed" as const, ref };
    });
    if (saved.kind === "failed") {
      await tell(notSaved([new AppError("SAVE_UNAVAILABLE", { ref: saved.ref, what: "report" })], checked.input, lang));
      return count("error");
    }
    if (saved.locale === "vi" || saved.locale === "en") lang = saved.locale;
    if (saved.kind === "errors") {
      await tell(notSaved(Object.values(saved.errors), checked.input, lang));
      return count("refused");
    }
    if (saved.kind === "duplicate") return count("duplicate");
    count("ok");
    deps.metrics.latency.observe({ name: "report_submit" }, (performance.now() - started) / 1000);
    const log = deps.log.child({ userId, task: saved.posted.task.code });
    const failed = (what: string) => (err: unknown) => log.error({ err: errorInfo(err) }, `could not ${what}`);
    // The report is saved: a failure below is logged, never shown as a failed report.
    await Promise.all([
      saved.unitChannel ? client.chat.postMessage({ channel: saved.unitChannel, ...reportPosted(saved.posted, "vi") }).catch(failed("post the report to the unit's channel")) : null,
      tell(reportSaved(lang, saved.posted.task.code, saved.posted.percent)),
      inTurn(() => homeModel(deps.prisma, saved.member, today(deps)))
        .then((model) => client.views.publish({ user_id: userId, view: homeView(model, lang) }))
        .catch(failed("refresh App Home")),
    ]);
  });
}
