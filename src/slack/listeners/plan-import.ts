// The Office imports a plan in Slack, and units acknowledge it:
// - a file shared with the bot in a direct message (file_shared), or the
//   /kehoach nhapkehoach form (a file_input) → the preview, by direct message;
// - "Sửa các điểm cần kiểm tra" → the review modal → corrections saved;
// - "Ban hành" → the plan imported and sent to its units;
// - "Đã nhận, sẽ tổ chức thực hiện" → the unit's acknowledgement.
// Each listener parses, asks the service (which checks the permission on the
// stored member), and answers; ids from the client are references only.
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { parseJsonAs } from "../../domain/json.js";
import { AppError, type Lang } from "../../errors.js";
import type { Correction } from "../../import-doc/corrections.js";
import { errorInfo } from "../../log.js";
import { extname } from "node:path";
import { formatOf, maxBytesOf } from "../../import-doc/read/index.js";
import { fanOut } from "../../delivery/fan-out.js";
import { slackDeliveryClient } from "../../delivery/slack-delivery.js";
import { acknowledgePlan, planPeriod, PUBLISH_JOB } from "../../services/plan-acks.js";
import { publishImport, readSharedPlan, reviewModel, saveCorrections, slackFileKey } from "../../import-doc/plan-import.js";
import { IdValue } from "../../services/input.js";
import { ACTION_IDS } from "../../views/action-ids.js";
import { ackRecorded, planForUnitMessage } from "../../views/plan-acks.js";
import { PLAN_REVIEW_MODAL, PLAN_UPLOAD_MODAL, planPreviewMessage, publishedNotice, reviewModal } from "../../views/plan-import.js";
import { errorMessage } from "../../views/notices.js";
import { failureMessage, runButton } from "../answer.js";
import { listenerPace, registered, resolveCaller, type Message, type SlackDeps } from "../context.js";
import { downloadSlackFile, slackFileInfo } from "../plan-file.js";

const Metadata = z.object({ i: z.number().int().positive().optional(), l: z.enum(["vi", "en"]).optional() });
const metadata = (text: string) => parseJsonAs(Metadata, text) ?? {};

/** A button's id, or the error a forged one is answered with. */
function idOf(value: string | undefined, notFound: (shown: string) => AppError): number {
  const id = IdValue.safeParse(value);
  if (!id.success) throw notFound(String(value).slice(0, 12));
  return id.data;
}

/** A bad file gets both languages: it is the Office's first contact with the import. */
function fileFailure(deps: SlackDeps, error: unknown, lang: Lang, where: string, userId: string): Message {
  if (error instanceof AppError && error.code.startsWith("DOC_")) return errorMessage(`${error.text("vi")}\n${error.text("en")}`);
  return failureMessage(deps, error, lang, where, { user: userId });
}

/** Reads a Slack file the caller gave and sends them the preview (or why not) by direct message. */
async function readAndPreview(deps: SlackDeps, client: WebClient, userId: string, fileId: string): Promise<void> {
  let lang: Lang = "vi";
  let message: Message;
  try {
    const caller = await resolveCaller(deps, client, userId);
    lang = caller.lang;
    const c = registered(caller);
    const info = await slackFileInfo(client, fileId);
    // A format dondoc cannot read is refused before anything is downloaded; each format has its own size limit.
    const format = formatOf(info.name);
    if (!format) throw new AppError("DOC_UNSUPPORTED", { file: info.name, format: extname(info.name) || "(không có đuôi tệp / no extension)" });
    const { preview } = await readSharedPlan({
      prisma: deps.prisma,
      actor: c.actor,
      userId,
      sourceKey: slackFileKey(info.id),
      fileName: info.name,
      download: () => downloadSlackFile(client, info, maxBytesOf(format)),
    });
    message = planPreviewMessage(preview, lang);
    deps.log.info({ userId, fileId, importId: preview.importId, tasks: preview.counts.tasks }, "plan document read");
  } catch (error) {
    message = fileFailure(deps, error, lang, "plan_import_read", userId);
  }
  await client.chat.postMessage({ channel: userId, ...message }).catch((err: unknown) => deps.log.error({ err: errorInfo(err), userId }, "could not send the plan preview"));
}

/** Sends the units' posts planned by a publish now, rather than at the scheduler's next tick. */
async function sendNow(deps: SlackDeps, client: WebClient, planId: number): Promise<void> {
  const delivery = slackDeliveryClient({ token: client.token ?? "", apiUrl: client.slackApiUrl, log: deps.log });
  const r = await fanOut(
    { prisma: deps.prisma, client: delivery, log: deps.log, instance: `slack:${process.pid}`, now: deps.now, messagesPerMinute: listenerPace(deps), maxDurationMs: 5 * 60_000 },
    { job: PUBLISH_JOB, period: planPeriod(planId) },
  );
  deps.log.info({ planId, ...r }, "plan sent to its units");
}

function readCorrections(values: ViewSubmitAction["view"]["state"]["values"]): Record<string, Correction> {
  const entries: Record<string, Correction> = {};
  for (const [blockId, byAction] of Object.entries(values)) {
    const m = /^(lead|cooperating|due):(.{1,80})$/.exec(blockId);
    if (!m) continue;
    const [, field, code] = m as unknown as [string, "lead" | "cooperating" | "due", string];
    const v = byAction[PLAN_REVIEW_MODAL[field]];
    const entry = (entries[code] ??= {});
    if (field === "lead" && v?.selected_option?.value) entry.lead = v.selected_option.value;
    if (field === "cooperating" && v?.selected_options?.length) entry.cooperating = v.selected_options.map((o) => o.value ?? "").filter(Boolean);
    if (field === "due" && typeof v?.value === "string" && v.value.trim()) entry.due = v.value;
  }
  return entries;
}

export function registerPlanImport(app: App, deps: SlackDeps): void {
  // A file shared with the bot in a direct message. Bolt acknowledges events at once; the work follows.
  app.event("file_shared", async ({ event, client }) => {
    if (!event.channel_id?.startsWith("D") || !event.user_id) return;
    await readAndPreview(deps, client, event.user_id, event.file_id);
  });

  // The /kehoach nhapkehoach form: close it at once (reading can take longer than Slack's 3 s), then read.
  app.view<ViewSubmitAction>(PLAN_UPLOAD_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const files = (view.state.values[PLAN_UPLOAD_MODAL.file]?.[PLAN_UPLOAD_MODAL.file] as { files?: { id?: string }[] } | undefined)?.files ?? [];
    const fileId = files[0]?.id;
    const lang = metadata(view.private_metadata).l ?? "vi";
    if (!fileId || !/^F[A-Z0-9]{2,30}$/.test(fileId)) {
      await ack({ response_action: "errors", errors: { [PLAN_UPLOAD_MODAL.file]: lang === "vi" ? "Đề nghị đồng chí chọn một tệp văn bản." : "Please choose a document file." } });
      return;
    }
    await ack();
    await readAndPreview(deps, client, body.user.id, fileId);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.planImportReview, async (args) => {
    await runButton(deps, "plan_import_review", args, async (caller) => {
      const c = registered(caller);
      const id = idOf(args.action.value, (shown) => new AppError("IMPORT_NOT_FOUND", { id: shown }));
      await args.client.views.open({ trigger_id: args.body.trigger_id, view: reviewModal(await reviewModel(deps.prisma, c.actor, id), c.lang) });
      return null;
    });
  });

  app.view<ViewSubmitAction>(PLAN_REVIEW_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const meta = metadata(view.private_metadata);
    const lang = meta.l ?? "vi";
    try {
      if (!meta.i) throw new AppError("IMPORT_NOT_FOUND", { id: "?" });
      const caller = registered(await resolveCaller(deps, client, body.user.id));
      const saved = await saveCorrections({ prisma: deps.prisma, actor: caller.actor, importId: meta.i, entries: readCorrections(view.state.values) });
      if (!saved.ok) {
        const errors: Record<string, string> = {};
        for (const [code, byField] of Object.entries(saved.errors)) for (const [field, e] of Object.entries(byField)) errors[`${field}:${code}`] = e.text(lang);
        await ack({ response_action: "errors", errors });
        return;
      }
      await ack();
      await client.chat.postMessage({ channel: body.user.id, ...planPreviewMessage(saved.preview, lang) });
    } catch (error) {
      await ack().catch(() => {});
      await client.chat.postMessage({ channel: body.user.id, ...failureMessage(deps, error, lang, "view:plan_import_review", { user: body.user.id }) }).catch(() => {});
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.planImportPublish, async (args) => {
    let sendTo: number | null = null;
    await runButton(deps, "plan_import_publish", args, async (caller) => {
      const c = registered(caller);
      const importId = idOf(args.action.value, (shown) => new AppError("IMPORT_NOT_FOUND", { id: shown }));
      const r = await publishImport({ prisma: deps.prisma, actor: c.actor, userId: c.userId, importId, now: deps.now(), render: (m) => planForUnitMessage(m, "vi") });
      deps.log.info({ userId: c.userId, importId, planId: r.planId, already: r.already, units: r.units }, "plan published");
      // The preview becomes the record of the publication (no buttons left), then the notice.
      await args.respond({ ...planPreviewMessage(r.preview, c.lang), replace_original: true }).catch(() => {});
      if (!r.already) sendTo = r.planId;
      return publishedNotice(c.lang, r);
    });
    // After the answer: sending to the units can take a while.
    if (sendTo !== null) await sendNow(deps, args.client, sendTo);
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.planAck, async (args) => {
    await runButton(deps, "plan_ack", args, async (caller) => {
      const c = registered(caller);
      const r = await acknowledgePlan({
        prisma: deps.prisma,
        planId: idOf(args.action.value, (shown) => new AppError("PLAN_NOT_FOUND", { number: shown })),
        actor: c.actor,
        userId: c.userId,
        requestKey: `action:${c.userId}:${args.action.action_ts}`,
        at: deps.now(),
      });
      return ackRecorded(c.lang, { number: r.plan.number, unitName: r.unit.name, at: r.at, already: r.already });
    });
  });
}
