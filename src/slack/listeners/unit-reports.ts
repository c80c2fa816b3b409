// Units' reports for a window and the consolidated report's approval:
// buttons (open the unit's report, remind the units, build the report,
// approve or ask for changes) and the two modals' submissions. Listeners
// parse, check, call a use case, answer; values from Slack are never
// trusted (the unit is the caller's, the report is checked again).
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { canApproveReport, canConsolidateReports } from "../../domain/permissions.js";
import { AppError, type Lang } from "../../errors.js";
import { errorInfo } from "../../log.js";
import { parseJsonAs } from "../../domain/json.js";
import { reportWindowOfKey } from "../../report/period.js";
import { slackDeliveryClient } from "../../delivery/slack-delivery.js";
import { approvedForRedelivery, decideConsolidatedReport, type Decision } from "../../services/consolidated-report.js";
import { actionRequestKey, viewRequestKey } from "../../services/request-key.js";
import { remindUnitsToReport } from "../../services/unit-report-reminders.js";
import { checkUnitReportInput, FIELD_NAMES, saveUnitReport, unitReportDraft, unitReportStatus } from "../../services/unit-reports.js";
import { CONSOLIDATED_ACTIONS, changesRequestedMessage, decisionModal, decisionRecorded, DECISION_MODAL, redeliveryAnswer } from "../../views/consolidated-report.js";
import { confirmation, errorMessage } from "../../views/notices.js";
import { UNIT_REPORT_ACTIONS, UNIT_REPORT_MODAL, unitReportReceived, unitReportReminderMessage, unitReportSaved } from "../../views/unit-report.js";
import type { EvidenceFile, UnitReportFields } from "../../models/unit-report.js";
import { unitReportStatusMessage } from "../../views/unit-report-status.js";
import { failureMessage } from "../answer.js";
import { deliverApproved, deliverReportFiles, submitForApproval } from "../consolidated.js";
import { listenerPace, registered, resolveCaller, today, type Caller, type Message, type SlackDeps } from "../context.js";
import { openUnitReportModal, UnitReportMetadata, UnitReportRef } from "../unit-report-modal.js";

type Values = ViewSubmitAction["view"]["state"]["values"];

const DecisionMetadata = z.object({ r: z.number().int().positive(), d: z.enum(["APPROVE", "CHANGES"]), l: z.enum(["vi", "en"]).optional() });
const ReportId = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
const SlackFile = z.object({
  id: z.string().max(40),
  name: z.string().max(300).optional(),
  title: z.string().max(300).optional(),
  size: z.number().nonnegative().optional(),
  permalink: z.string().max(3000).optional(),
  url_private: z.string().max(3000).optional(),
});

function readFields(values: Values): UnitReportFields {
  const text = (id: string) => values[id]?.[id]?.value ?? "";
  return { results: text(UNIT_REPORT_MODAL.results), shortcomings: text(UNIT_REPORT_MODAL.shortcomings), proposals: text(UNIT_REPORT_MODAL.proposals) };
}

function readFiles(values: Values): EvidenceFile[] {
  const raw = (values[UNIT_REPORT_MODAL.files]?.[UNIT_REPORT_MODAL.files] as { files?: unknown } | undefined)?.files;
  const list = z.array(SlackFile).safeParse(raw ?? []);
  if (!list.success) return [];
  return list.data.map((f) => ({ id: f.id, name: f.name ?? f.title ?? f.id, size: f.size ?? 0, permalink: f.permalink ?? f.url_private ?? null }));
}

/** What the person entered, so that nothing typed is lost when it could not be saved. */
function entered(fields: UnitReportFields, lang: Lang): string {
  const parts = (Object.keys(FIELD_NAMES) as (keyof UnitReportFields)[])
    .filter((k) => fields[k].trim() !== "")
    .map((k) => `*${FIELD_NAMES[k][lang]}:*\n${fields[k].slice(0, 900)}`);
  return parts.length ? `\n${lang === "vi" ? "Nội dung đồng chí đã nhập:" : "What you entered:"}\n${parts.join("\n")}` : "";
}

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ButtonWork = (deps: SlackDeps, caller: Caller, body: BlockAction<ButtonAction>, client: WebClient, value: string) => Promise<Message | null>;

export function registerUnitReports(app: App, deps: SlackDeps): void {
  const action = (id: string, work: ButtonWork) => app.action<BlockAction<ButtonAction>>(id, (args) => answerButton(deps, id, args, work));
  action(UNIT_REPORT_ACTIONS.open, openUnitReport);
  action(UNIT_REPORT_ACTIONS.remind, remindUnits);
  action(UNIT_REPORT_ACTIONS.build, buildConsolidated);
  action(CONSOLIDATED_ACTIONS.approve, openDecision("APPROVE"));
  action(CONSOLIDATED_ACTIONS.changes, openDecision("CHANGES"));
  action(CONSOLIDATED_ACTIONS.redeliver, redeliverReport);
  app.view<ViewSubmitAction>(UNIT_REPORT_MODAL.callbackId, (args) => submitUnitReport(deps, args));
  app.view<ViewSubmitAction>(DECISION_MODAL.callbackId, (args) => submitDecision(deps, args));
}

/** Acknowledges, finds the caller, runs the work and answers: in place through response_url, else by direct message. */
async function answerButton(
  deps: SlackDeps,
  id: string,
  { ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs,
  work: ButtonWork,
): Promise<void> {
  await ack();
  let caller: Caller = { userId: body.user.id, member: null, lang: "vi" };
  let answer: Message | null;
  try {
    caller = await resolveCaller(deps, client, body.user.id);
    answer = await work(deps, caller, body, client, action.value ?? "");
  } catch (error) {
    answer = failureMessage(deps, error, caller.lang, `action:${id}`, { user: body.user.id });
  }
  if (!answer) return;
  try {
    if (body.response_url) await respond({ ...answer, response_type: "ephemeral", replace_original: false });
    else await client.chat.postMessage({ channel: body.user.id, ...answer });
  } catch (err) {
    deps.log.error({ err: errorInfo(err), id }, "could not answer an action");
  }
}

function unitReportRef(value: string): z.infer<typeof UnitReportRef> {
  const r = parseJsonAs(UnitReportRef, value);
  if (!r) throw new AppError("UNIT_REPORT_STALE", { usage: "/kehoach baocaodonvi" });
  return r;
}

const openUnitReport: ButtonWork = async (deps, caller, body, client, value) => {
  const r = unitReportRef(value);
  await openUnitReportModal(deps, client, registered(caller), { triggerId: body.trigger_id, planId: r.p, windowKey: r.w, channelId: body.channel?.id });
  return null;
};

const remindUnits: ButtonWork = async (deps, caller, body, client, value) => {
  const c = registered(caller);
  if (!canConsolidateReports(c.actor)) throw new AppError("OFFICE_ONLY");
  const r = unitReportRef(value);
  const day = today(deps);
  const token = client.token;
  const sender = token ? slackDeliveryClient({ token, apiUrl: client.slackApiUrl, log: deps.log }) : null;
  const result = await remindUnitsToReport(
    deps.prisma,
    { actor: c.actor, userId: c.userId, planId: r.p, windowKey: r.w, clickKey: actionRequestKey(body.trigger_id), today: day, at: deps.now() },
    { client: sender, log: deps.log, instance: `slack:${c.userId}`, now: deps.now, messagesPerMinute: listenerPace(deps) },
    unitReportReminderMessage,
  );
  const status = unitReportStatusMessage(await unitReportStatus(deps.prisma, r.p, r.w, day), c.lang);
  const sent = result.delivery?.sent ?? 0;
  const note = result.replay
    ? { vi: "Lượt nhắc này đã được gửi trước đó; không gửi lại.", en: "This reminder was sent already; nothing was sent again." }
    : { vi: `Đã nhắc ${sent}/${result.planned} đơn vị chưa gửi báo cáo.`, en: `Reminded ${sent} of ${result.planned} units that have not sent their report.` };
  const head = confirmation(c.lang, note);
  return { text: head.text, blocks: [...head.blocks, ...status.blocks] };
};

const buildConsolidated: ButtonWork = async (deps, caller, body, client, value) => {
  const c = registered(caller);
  if (!canConsolidateReports(c.actor)) throw new AppError("OFFICE_ONLY");
  const r = unitReportRef(value);
  const window = reportWindowOfKey(r.w);
  if (!window) throw new AppError("UNIT_REPORT_STALE", { usage: "/kehoach baocaotonghop" });
  return submitForApproval(deps, client, { userId: c.userId, actor: c.actor, lang: c.lang }, { planId: r.p, window, requestKey: actionRequestKey(body.trigger_id) });
};

/** Leadership's Approve / Ask for changes: the form for the decision on the report's current version. */
const openDecision =
  (decision: Decision): ButtonWork =>
  async (deps, caller, body, client, value) => {
    const c = registered(caller);
    if (!canApproveReport(c.actor)) throw new AppError("LEADERSHIP_ONLY");
    const reportId = ReportId.safeParse(value);
    const row = reportId.success ? await deps.prisma.consolidatedReport.findUnique({ where: { id: reportId.data }, select: { id: true, version: true, period: true } }) : null;
    if (!row) throw new AppError("CONSOLIDATED_NOT_FOUND");
    await client.views.open({
      trigger_id: body.trigger_id,
      view: decisionModal(
        {
          decision,
          windowLabel: reportWindowOfKey(row.period)?.label ?? row.period,
          version: row.version,
          privateMetadata: JSON.stringify({ r: row.id, d: decision, l: c.lang }),
        },
        c.lang,
      ),
    });
    return null;
  };

const redeliverReport: ButtonWork = async (deps, caller, _body, client, value) => {
  const c = registered(caller);
  const reportId = ReportId.safeParse(value);
  if (!reportId.success) throw new AppError("CONSOLIDATED_NOT_FOUND");
  const { report, officeChannel } = await approvedForRedelivery(deps.prisma, { actor: c.actor, reportId: reportId.data });
  const outcome = await deliverReportFiles(deps, client, report, officeChannel, c.userId);
  return redeliveryAnswer({ windowLabel: report.windowLabel, version: report.version, ...outcome }, c.lang);
};

/** The block a refused input belongs to, so the form shows the error beside it. */
function fieldOfError(e: AppError): string {
  if (e.code !== "UNIT_REPORT_TOO_LONG") return UNIT_REPORT_MODAL.files;
  return (Object.keys(FIELD_NAMES) as (keyof UnitReportFields)[]).find((k) => FIELD_NAMES[k].vi === e.params.field_vi) ?? UNIT_REPORT_MODAL.results;
}

async function submitUnitReport(deps: SlackDeps, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const meta = parseJsonAs(UnitReportMetadata, view.private_metadata);
  const lang: Lang = meta?.l ?? "vi";
  const fields = readFields(view.state.values);
  const files = readFiles(view.state.values);
  try {
    checkUnitReportInput(fields, files);
  } catch (e) {
    if (e instanceof AppError) return void (await ack({ response_action: "errors", errors: { [fieldOfError(e)]: e.text(lang) } }));
    throw e;
  }
  await ack();
  const tell = (m: Message) =>
    (meta?.c ? client.chat.postEphemeral({ channel: meta.c, user: userId, ...m }) : client.chat.postMessage({ channel: userId, ...m }))
      .catch(() => client.chat.postMessage({ channel: userId, ...m }))
      .catch((err: unknown) => deps.log.error({ err: errorInfo(err), userId }, "could not tell the user about their unit report"));
  try {
    if (!meta) throw new AppError("UNIT_REPORT_STALE", { usage: "/kehoach baocaodonvi" });
    const submit = view.state.values[UNIT_REPORT_MODAL.action]?.[UNIT_REPORT_MODAL.action]?.selected_option?.value === "submit";
    await saveAndAnnounce(deps, client, tell, { userId, meta, fields, files, submit, viewId: view.id });
  } catch (error) {
    const m = failureMessage(deps, error, lang, "unit_report_submit", { user: userId });
    const typed = entered(fields, lang);
    await tell({
      ...m,
      text: `${m.text}${typed}`.slice(0, 3_900),
      blocks: [...m.blocks, ...(typed ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: typed.slice(0, 2_900) } }] : [])],
    });
  }
}

/** Saves the unit's report (files attached before kept), tells the person, and on submission tells the Office. */
async function saveAndAnnounce(
  deps: SlackDeps,
  client: WebClient,
  tell: (m: Message) => Promise<unknown>,
  input: { userId: string; meta: UnitReportMetadata; fields: UnitReportFields; files: EvidenceFile[]; submit: boolean; viewId: string },
): Promise<void> {
  const { userId, meta, fields, files, submit } = input;
  const caller = registered(await resolveCaller(deps, client, userId));
  const unit = caller.member.unit;
  if (!unit) throw new AppError("NO_UNIT");
  // Files attached before are kept; new ones are added (Slack's file input starts empty each time).
  const before = await unitReportDraft(deps.prisma, { planId: meta.p, unitId: unit.id, windowKey: meta.w, today: today(deps) });
  const all = [...before.evidenceFiles, ...files.filter((f) => !before.evidenceFiles.some((b) => b.id === f.id))];
  const saved = await saveUnitReport(deps.prisma, {
    actor: caller.actor,
    userId,
    planId: meta.p,
    unitId: unit.id,
    windowKey: meta.w,
    fields,
    evidenceFiles: all,
    submit,
    requestKey: viewRequestKey(input.viewId),
    at: deps.now(),
  });
  if (saved.kind === "duplicate") return;
  if (saved.submitRefused) {
    await tell(errorMessage(new AppError("UNIT_REPORT_LEAD_ONLY", { unit: saved.unit.name, lead: saved.unitLead ?? "" }).text(caller.lang)));
  } else {
    await tell(unitReportSaved({ state: saved.state, unit: saved.unit, window: saved.window, files: all.length }, caller.lang));
  }
  if (saved.state !== "SUBMITTED" || !submit) return;
  for (const channel of saved.officeChannels) {
    await client.chat
      .postMessage({ channel, ...unitReportReceived({ unit: saved.unit, window: saved.window, planNumber: saved.planNumber, by: userId, files: all }) })
      .catch((err: unknown) => deps.log.error({ err: errorInfo(err), channel }, "could not tell the Office about a unit report"));
  }
}

async function submitDecision(deps: SlackDeps, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const meta = parseJsonAs(DecisionMetadata, view.private_metadata);
  const lang: Lang = meta?.l ?? "vi";
  const comment = view.state.values[DECISION_MODAL.comment]?.[DECISION_MODAL.comment]?.value ?? "";
  if (meta?.d === "CHANGES" && comment.trim() === "") {
    await ack({ response_action: "errors", errors: { [DECISION_MODAL.comment]: new AppError("COMMENT_REQUIRED").text(lang) } });
    return;
  }
  await ack();
  let answer: Message;
  try {
    if (!meta) throw new AppError("CONSOLIDATED_NOT_FOUND");
    answer = await decide(deps, client, { userId, reportId: meta.r, decision: meta.d, comment });
  } catch (error) {
    answer = failureMessage(deps, error, lang, "consolidated_decision", { user: userId });
  }
  await client.chat.postMessage({ channel: userId, ...answer }).catch((err: unknown) => deps.log.error({ err: errorInfo(err), userId }, "could not answer a decision"));
}

/** Records leadership's decision, tells the Office of requested changes, delivers an approved report. */
async function decide(deps: SlackDeps, client: WebClient, input: { userId: string; reportId: number; decision: Decision; comment: string }): Promise<Message> {
  const { userId, decision } = input;
  const caller = registered(await resolveCaller(deps, client, userId));
  const decided = await decideConsolidatedReport(deps.prisma, { actor: caller.actor, userId, reportId: input.reportId, decision, comment: input.comment, at: deps.now() });
  const r = decided.report;
  if (decision === "CHANGES" && decided.kind === "decided" && decided.officeChannel) {
    await client.chat
      .postMessage({
        channel: decided.officeChannel,
        ...changesRequestedMessage({ windowLabel: r.windowLabel, planNumber: r.planNumber, version: r.version, decidedBy: userId, builtBy: r.builtBy, comment: r.comment ?? "" }),
      })
      .catch((err: unknown) => deps.log.error({ err: errorInfo(err) }, "could not tell the Office about the requested changes"));
  }
  const delivery = await deliverApproved(deps, client, decided, userId);
  return decisionRecorded({ decision, windowLabel: r.windowLabel, version: r.version, ...delivery }, caller.lang);
}
