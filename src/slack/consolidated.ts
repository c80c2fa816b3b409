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
import { buildConsolidatedReport, recordDelivery, type DecisionResult } from "../services/consolidated-report.js";
import { approvalRequestMessage, approvedFilesComment, reportBuiltMessage } from "../views/consolidated-report.js";
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
    actor: caller.actor, userId: caller.userId, planId: input.planId, window: input.window, date: today(deps), requestKey: input.requestKey, at: deps.now(),
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

/** A decision whose delivery is this long overdue is presumed failed and may be retried by a repeat of the decision. */
const DELIVERY_LEASE_MS = 2 * 60_000;

/**
 * The approved version's files into the Office's channel, once: only the
 * decision that won the update delivers, or a repeat after an earlier
 * attempt failed (not delivered after the lease). Returns what happened.
 */
export async function deliverApproved(deps: SlackDeps, client: WebClient, decided: DecisionResult, decidedBy: string): Promise<{ delivered: "sent" | "pending" | "failed"; reason?: string }> {
  const r = decided.report;
  if (decided.decision !== "APPROVE") return { delivered: "pending" };
  if (r.deliveredAt) return { delivered: "sent" };
  const retry = decided.kind === "duplicate" && r.decidedAt !== null && deps.now().getTime() - r.decidedAt.getTime() > DELIVERY_LEASE_MS;
  if (decided.kind === "duplicate" && !retry) return { delivered: "pending" };
  try {
    if (!decided.officeChannel) throw new AppError("NO_OFFICE_CHANNEL");
    const ids = await uploadReportFiles(client, {
      target: decided.officeChannel,
      comment: approvedFilesComment({ windowLabel: r.windowLabel, planNumber: r.planNumber, version: r.version, decidedBy, comment: r.comment }),
      files: [
        { name: r.docxName, title: `Báo cáo ${r.windowLabel} (đã duyệt)`, bytes: r.docx },
        { name: r.xlsxName, title: `Phụ lục báo cáo ${r.windowLabel} (đã duyệt)`, bytes: r.xlsx },
      ],
    });
    await recordDelivery(deps.prisma, { reportId: r.id, fileIds: ids, channel: decided.officeChannel, at: deps.now(), actor: `slack:${decidedBy}` });
    return { delivered: "sent" };
  } catch (err) {
    deps.log.error({ err: errorInfo(err), report: r.id }, "could not deliver the approved report to the Office's channel");
    return { delivered: "failed", reason: err instanceof AppError ? err.text("vi") : "Slack không phản hồi; đề nghị thử lại sau ít phút." };
  }
}
