// The progress-report modal's submission. The report is validated and
// written before the modal closes; invalid values are shown next to their
// field (response_action: errors). The unit and the right to report come
// from the stored member, never from private_metadata.
import type { App, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { localDay } from "../../domain/day.js";
import { reportingRole } from "../../domain/permissions.js";
import { taskStatus } from "../../domain/status.js";
import { timingOf } from "../../services/task-timing.js";
import { AppError, type Lang } from "../../errors.js";
import { homeModel } from "../../services/home.js";
import { memberBySlackId } from "../../services/members.js";
import { reportProgress } from "../../services/report-progress.js";
import { homeView } from "../../views/home.js";
import { errorMessage, reportPosted, reportSaved } from "../../views/notices.js";
import { ACK_BUDGET_MS } from "../answer.js";
import { REPORT_MODAL } from "../../views/report-modal.js";
import type { SlackDeps } from "../context.js";
import type { ReportModalMetadata } from "../report-modal.js";
import { errorInfo } from "../../log.js";

type Values = ViewSubmitAction["view"]["state"]["values"];

const T = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

function readValues(values: Values) {
  const field = (id: string) => values[id]?.[id];
  return {
    task: field(REPORT_MODAL.task)?.selected_option?.value,
    percent: field(REPORT_MODAL.percent)?.value,
    done: (field(REPORT_MODAL.done)?.selected_options ?? []).length > 0,
    note: field(REPORT_MODAL.note)?.value ?? "",
    evidence: field(REPORT_MODAL.evidence)?.value ?? "",
  };
}

function validate(raw: ReturnType<typeof readValues>, lang: Lang) {
  const errors: Record<string, string> = {};
  const taskId = z.coerce.number().int().positive().safeParse(raw.task);
  if (!taskId.success) errors[REPORT_MODAL.task] = T(lang, "Hãy chọn một nhiệm vụ.", "Choose a task.");
  const percent = z.coerce.number().int().min(0).max(100).safeParse(raw.percent?.trim() === "" ? undefined : raw.percent);
  if (!percent.success) errors[REPORT_MODAL.percent] = T(lang, "Nhập một số nguyên từ 0 đến 100.", "Enter a whole number from 0 to 100.");
  const links = raw.evidence.split(/\s+/).map((l) => l.trim()).filter(Boolean);
  const badLink = links.find((l) => !z.url({ protocol: /^https?$/ }).safeParse(l).success);
  if (badLink) errors[REPORT_MODAL.evidence] = T(lang, `"${badLink.slice(0, 60)}" không phải đường dẫn http(s).`, `"${badLink.slice(0, 60)}" is not an http(s) link.`);
  if (links.length > 20) errors[REPORT_MODAL.evidence] = T(lang, "Tối đa 20 đường dẫn.", "At most 20 links.");
  if (raw.note.length > 3000) errors[REPORT_MODAL.note] = T(lang, "Tối đa 3.000 ký tự.", "At most 3,000 characters.");
  return Object.keys(errors).length
    ? { ok: false as const, errors }
    : { ok: true as const, taskId: taskId.data!, percent: percent.data!, done: raw.done, note: raw.note.trim(), links };
}

export function registerReportSubmit(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(REPORT_MODAL.callbackId, async ({ ack, body, view, client }) => {
    const started = performance.now();
    const userId = body.user.id;
    // Slack closes the form with an error after 3 s. Normally everything
    // below takes milliseconds; should the database hang, the form is
    // closed at the budget and the outcome is sent by direct message.
    let late = false;
    const budget = setTimeout(() => {
      late = true;
      void ack().catch(() => undefined);
    }, ACK_BUDGET_MS + 500);
    const done = async (response?: { response_action: "errors"; errors: Record<string, string> }) => {
      clearTimeout(budget);
      if (!late) return ack(response);
      if (response) {
        const text = Object.values(response.errors).join("\n");
        await client.chat.postMessage({ channel: userId, ...errorMessage(text) }).catch((err: unknown) => deps.log.error({ err: errorInfo(err) }, "could not tell a late error"));
      }
    };
    const member = await memberBySlackId(deps.prisma, userId).catch(() => null);
    const lang = await deps.locale.langOf(client, userId, member?.locale);
    const refuse = async (errors: Record<string, string>, outcome: string) => {
      await done({ response_action: "errors", errors });
      deps.metrics.commands.inc({ name: "report_submit", outcome });
    };
    if (!member?.active || !member.unit) {
      return refuse({ [REPORT_MODAL.task]: new AppError(member?.active ? "NO_UNIT" : "NOT_REGISTERED").text(lang) }, "refused");
    }
    const input = validate(readValues(view.state.values), lang);
    if (!input.ok) return refuse(input.errors, "invalid");
    const task = await deps.prisma.task.findFirst({ where: { id: input.taskId, archivedAt: null }, include: { assignments: true, plan: true } });
    const role = task ? reportingRole({ role: member.role, unitId: member.unitId, active: member.active }, task.assignments) : null;
    if (!task || !role) {
      return refuse({ [REPORT_MODAL.task]: new AppError("FORBIDDEN_REPORT", { code: task?.code ?? String(input.taskId) }).text(lang) }, "refused");
    }
    try {
      await reportProgress(deps.prisma, {
        taskId: task.id,
        unitId: member.unit.id,
        memberId: member.id,
        reporter: userId,
        percent: input.percent,
        done: input.done,
        note: input.note,
        evidenceLinks: input.links,
        at: deps.now(),
        source: "SLACK",
      });
    } catch (err) {
      deps.log.error({ err: errorInfo(err), userId, taskId: task.id }, "could not save a progress report");
      deps.metrics.errors.inc({ where: "report_submit" });
      return refuse({ [REPORT_MODAL.percent]: T(lang, "Chưa lưu được báo cáo do lỗi hệ thống; vui lòng gửi lại.", "The report could not be saved (system error); please submit again.") }, "error");
    }
    await done();
    deps.metrics.commands.inc({ name: "report_submit", outcome: "ok" });
    deps.metrics.latency.observe({ name: "report_submit" }, (performance.now() - started) / 1000);
    await afterReport(deps, client, { userId, lang, memberUnit: member.unit, taskId: task.id, role, metadata: view.private_metadata, input });
  });
}

/** Announces a saved report. Failures here are logged: the report itself is safe. */
async function afterReport(
  deps: SlackDeps,
  client: WebClient,
  r: {
    userId: string;
    lang: Lang;
    memberUnit: { id: number; code: string; name: string; slackChannel: string | null };
    taskId: number;
    role: "LEAD" | "COOPERATING";
    metadata: string;
    input: { percent: number; done: boolean; note: string; links: string[] };
  },
): Promise<void> {
  const log = deps.log.child({ userId: r.userId, taskId: r.taskId });
  const t = await deps.prisma.task.findUniqueOrThrow({ where: { id: r.taskId }, include: { plan: true } });
  const day = localDay(deps.now());
  const status = taskStatus(timingOf(t), day);
  const metadata = parseMetadata(r.metadata);
  const jobs: Promise<unknown>[] = [];
  if (r.memberUnit.slackChannel) {
    const notice = reportPosted(
      {
        task: { code: t.code, title: t.title, planNumber: t.plan.number },
        unit: { code: r.memberUnit.code, name: r.memberUnit.name },
        role: r.role,
        reporter: r.userId,
        percent: r.input.percent,
        done: r.input.done,
        note: r.input.note,
        evidenceLinks: r.input.links,
        status,
      },
      "vi",
    );
    jobs.push(client.chat.postMessage({ channel: r.memberUnit.slackChannel, ...notice }).catch((err: unknown) => log.error({ err: errorInfo(err) }, "could not post the report to the unit's channel")));
  }
  const saved = reportSaved(r.lang, t.code, r.input.percent);
  jobs.push(
    (metadata.c
      ? client.chat.postEphemeral({ channel: metadata.c, user: r.userId, ...saved })
      : client.chat.postMessage({ channel: r.userId, ...saved })
    ).catch((err: unknown) => log.error({ err: errorInfo(err) }, "could not confirm the report")),
  );
  jobs.push(
    (async () => {
      const member = await memberBySlackId(deps.prisma, r.userId);
      if (member) await client.views.publish({ user_id: r.userId, view: homeView(await homeModel(deps.prisma, member, day), r.lang) });
    })().catch((err: unknown) => log.error({ err: errorInfo(err) }, "could not refresh App Home")),
  );
  await Promise.all(jobs);
}

function parseMetadata(text: string): ReportModalMetadata {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null && typeof (v as { c?: unknown }).c === "string" ? { c: (v as { c: string }).c } : {};
  } catch {
    return {};
  }
}
