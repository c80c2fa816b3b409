// The Slack side of the consolidated report: build it and send it to
// leadership (from `/kehoach baocaotonghop` or the Office's button), and
// deliver the approved version's files to the Office's channel. The use
// cases are in src/services/consolidated-report.ts; this file only talks to
// Slack around them.
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { errorInfo } from "../log.js";
import type { ReportWindow } from "../report/period.js";
import { buildConsolidatedReport, claimDelivery, recordDelivery, releaseDelivery, type DecisionResult } from "../services/consolidated-report.js";
import { approvalRequestMessage, approvedFilesComment, deliveryFailedMessage, reportBuiltMessage } from "../views/consolidated-report.js";
import type { Lang } from "../models/index.js";
import { today, type Message, type SlackDeps } from "./context.js";
import { channelIdFor, uploadReportFiles } from "./report-upload.js";

/** Builds the report and, the first time only, sends it to each leader by direct message with its draft files. */
export async function submitForApproval(
  deps: SlackDeps,
  client: WebClient,
  caller: { userId: string; actor: Actor; lang: Lang },
  input: { planId: number; window: ReportWindow; requestKey: string },
): Promise<Message> {
  const built = await buildConsolidatedReport(deps.prisma, {
    actor: caller.actor,
    userId: caller.userId,
    planId: input.planId,
    window: input.window,
    date: today(deps),
    requestKey: input.requestKey,
    at: deps.now(),
  });
  const r = built.report;
  if (built.kind === "built") {
    const row = await deps.prisma.consolidatedReport.findUniqueOrThrow({ where: { id: r.id }, select: { docx: true, xlsx: true } });
    await Promise.all(
      built.leaders.map(async (leader) => {
        const lang: Lang = leader.locale === "en" ? "en" : "vi";
        try {
          const dm = await channelIdFor(client, leader.slackUserId);
          if (!dm) throw new Error("no direct message channel");
          await client.chat.postMessage({ channel: dm, ...approvalRequestMessage({ ...r, builtBy: caller.userId }, lang) });
          await uploadReportFiles(client, {
            target: dm,
            comment: lang === "vi" ? `Tệp dự thảo báo cáo ${r.window.label}, phiên bản ${r.version}.` : `Draft files of report ${r.window.label}, version ${r.version}.`,
            files: [
              { name: r.docxName, title: `Dự thảo báo cáo ${r.window.label} (phiên bản ${r.version})`, bytes: Buffer.from(row.docx, "base64") },
              { name: r.xlsxName, title: `Phụ lục báo cáo ${r.window.label} (phiên bản ${r.version})`, bytes: Buffer.from(row.xlsx, "base64") },
            ],
          });
        } catch (err) {
          // The build is kept; the Office is told how many leaders it reached.
          deps.log.error({ err: errorInfo(err), leader: leader.slackUserId, report: r.id }, "could not send the report to a leader");
        }
      }),
    );
  }
  return reportBuiltMessage(
    { windowLabel: r.window.label, planNumber: r.plan.number, version: r.version, leaders: built.leaders.length, units: r.units, replay: built.kind === "duplicate" },
    caller.lang,
  );
}

export type DeliveryOutcome = { delivered: "sent" | "pending" | "failed"; reason?: string };

/** The approved version's files into the Office's channel, once, after leadership's decision (see deliverReportFiles). */
export async function deliverApproved(deps: SlackDeps, client: WebClient, decided: DecisionResult, decidedBy: string): Promise<DeliveryOutcome> {
  if (decided.decision !== "APPROVE") return { delivered: "pending" };
  return deliverReportFiles(deps, client, decided.report, decided.officeChannel, decidedBy);
}

/**
 * Uploads an approved version's two files to the Office's channel, once: an
 * attempt first claims the delivery (src/services/consolidated-report.ts), so
 * a leader's repeated decision, the Office's "Gửi lại tệp" and a double click
 * upload one copy between them. When the upload fails, the claim is let go,
 * the failure audited, and the Office's channel told, with a button to try
 * again; nothing is lost: the approved files stay kept as approved.
 */
export async function deliverReportFiles(deps: SlackDeps, client: WebClient, r: DecisionResult["report"], officeChannel: string | null, by: string): Promise<DeliveryOutcome> {
  if (r.deliveredAt) return { delivered: "sent" };
  if (!(await claimDelivery(deps.prisma, r.id, deps.now()))) {
    // Delivered meanwhile, or another attempt is under way.
    const now = await deps.prisma.consolidatedReport.findUnique({ where: { id: r.id }, select: { deliveredAt: true } });
    return { delivered: now?.deliveredAt ? "sent" : "pending" };
  }
  try {
    if (!officeChannel) throw new AppError("NO_OFFICE_CHANNEL");
    const ids = await uploadReportFiles(client, {
      target: officeChannel,
      comment: approvedFilesComment({ windowLabel: r.windowLabel, planNumber: r.planNumber, version: r.version, decidedBy: r.decidedBy ?? by, comment: r.comment }),
      files: [
        { name: r.docxName, title: `Báo cáo ${r.windowLabel} (đã duyệt)`, bytes: r.docx },
        { name: r.xlsxName, title: `Phụ lục báo cáo ${r.windowLabel} (đã duyệt)`, bytes: r.xlsx },
      ],
    });
    await recordDelivery(deps.prisma, { reportId: r.id, fileIds: ids, channel: officeChannel, at: deps.now(), actor: `slack:${by}` });
    return { delivered: "sent" };
  } catch (err) {
    deps.log.error({ err: errorInfo(err), report: r.id }, "could not deliver the approved report to the Office's channel");
    const reason = err instanceof AppError ? err.text("vi") : "Slack không phản hồi; đề nghị thử lại sau ít phút.";
    await releaseDelivery(deps.prisma, { reportId: r.id, at: deps.now(), actor: `slack:${by}`, reason }).catch((e: unknown) =>
      deps.log.error({ err: errorInfo(e), report: r.id }, "could not record a failed delivery"),
    );
    if (officeChannel) {
      await client.chat
        .postMessage({ channel: officeChannel, ...deliveryFailedMessage({ reportId: r.id, windowLabel: r.windowLabel, planNumber: r.planNumber, version: r.version, reason }) })
        .catch((e: unknown) => deps.log.error({ err: errorInfo(e), report: r.id }, "could not tell the Office that a delivery failed"));
    }
    return { delivered: "failed", reason };
  }
}
