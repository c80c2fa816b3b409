// The consolidated report's approval: the request leadership receives by
// direct message (Duyệt / Yêu cầu chỉnh sửa), the modal for the comment, and
// what the Office and the deciding leader are told. Pure functions of data.
import type { KnownBlock, ModalView, PlainTextInput } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { percent } from "../i18n/labels.js";
import { actions, button, context, header, message, plain, section, type SlackMessage } from "./blocks.js";
import { CAPS, esc, mention } from "./format.js";
import { BLOCK_KIT_LIMITS as L } from "./limits.js";
import type { Lang } from "../models/index.js";

export const CONSOLIDATED_ACTIONS = {
  /** Opens the decision modal to approve; value = String(report id). */
  approve: "consolidated_approve",
  /** Opens the decision modal to ask for changes; value = String(report id). */
  changes: "consolidated_changes",
  /** The Office uploads an approved version's files again after a delivery failed; value = String(report id). */
  redeliver: "consolidated_redeliver",
} as const;

export const DECISION_MODAL = {
  callbackId: "consolidated_decision",
  comment: "comment",
} as const;

export interface ApprovalRequestModel {
  id: number;
  version: number;
  plan: { number: string };
  window: { label: string };
  reportDate: string;
  docxName: string;
  xlsxName: string;
  totals: { total: number; counts: Record<string, number>; rates: { due: number; doneRate: number | null; onTimeRate: number | null } };
  units: { submitted: number; total: number; pending: string[] };
  builtBy: string;
}

const d = formatVnDate;

/** To each leader: the draft awaits their decision. */
export function approvalRequestMessage(m: ApprovalRequestModel, lang: Lang): SlackMessage {
  const id = String(m.id);
  const number = esc(m.plan.number, CAPS.code);
  const rate = (x: number | null) => (x === null ? "—" : percent(x, lang));
  const pending = m.units.pending.length > 0 ? esc(m.units.pending.join(", "), 600) : "";
  const t =
    lang === "vi"
      ? {
          head: `📄 Trình duyệt báo cáo ${m.window.label}`,
          body: `Kính gửi Lãnh đạo Sở,\nVăn phòng Sở trình dự thảo Báo cáo kết quả thực hiện Kế hoạch số ${number}, ${m.window.label} (phiên bản ${m.version}, ngày ${d(m.reportDate)}), do ${mention(m.builtBy)} lập. Tệp dự thảo: ${esc(m.docxName, 120)} và phụ lục ${esc(m.xlsxName, 120)}.`,
          figures: `Kế hoạch có ${m.totals.total} nhiệm vụ cụ thể; tỷ lệ hoàn thành ${rate(m.totals.rates.doneRate)}, tỷ lệ hoàn thành đúng hạn ${rate(m.totals.rates.onTimeRate)} (trên ${m.totals.rates.due} nhiệm vụ đến hạn).`,
          units: `Đã nhận báo cáo của ${m.units.submitted}/${m.units.total} đơn vị${pending ? `; chưa nhận: ${pending}` : ""}.`,
          ask: "Đề nghị Lãnh đạo Sở cho ý kiến: duyệt để Văn phòng Sở phát hành, hoặc yêu cầu chỉnh sửa kèm nội dung cần chỉnh sửa.",
          approve: "Duyệt",
          changes: "Yêu cầu chỉnh sửa",
          text: `Trình duyệt báo cáo ${m.window.label} (Kế hoạch số ${m.plan.number}), phiên bản ${m.version}.`,
        }
      : {
          head: `📄 Report for approval: ${m.window.label}`,
          body: `The Office submits the draft report on plan ${number}, ${m.window.label} (version ${m.version}, dated ${d(m.reportDate)}), prepared by ${mention(m.builtBy)}. Files: ${esc(m.docxName, 120)} and the appendix ${esc(m.xlsxName, 120)}.`,
          figures: `The plan has ${m.totals.total} tasks; completion rate ${rate(m.totals.rates.doneRate)}, on-time completion rate ${rate(m.totals.rates.onTimeRate)} (of ${m.totals.rates.due} tasks due).`,
          units: `Reports received from ${m.units.submitted} of ${m.units.total} units${pending ? `; not received: ${pending}` : ""}.`,
          ask: "Please approve it for the Office to issue, or ask for changes and say what to change.",
          approve: "Approve",
          changes: "Ask for changes",
          text: `Report ${m.window.label} (plan ${m.plan.number}), version ${m.version}, awaits your approval.`,
        };
  return message(
    t.text,
    [
      header(t.head),
      section(t.body),
      section(`${t.figures}\n${t.units}`),
      context(t.ask),
      actions([
        button({ text: t.approve, actionId: CONSOLIDATED_ACTIONS.approve, value: id, style: "primary" }),
        button({ text: t.changes, actionId: CONSOLIDATED_ACTIONS.changes, value: id }),
      ]),
    ],
    lang,
  );
}

/** The comment modal for a decision; metadata names the report and the decision (checked again on submit). */
export function decisionModal(input: { decision: "APPROVE" | "CHANGES"; windowLabel: string; version: number; privateMetadata: string }, lang: Lang): ModalView {
  const approve = input.decision === "APPROVE";
  const t =
    lang === "vi"
      ? {
          title: approve ? "Duyệt báo cáo" : "Yêu cầu chỉnh sửa",
          submit: approve ? "Duyệt" : "Gửi yêu cầu",
          close: "Hủy",
          intro: `Báo cáo ${input.windowLabel}, phiên bản ${input.version}.`,
          label: approve ? "Ý kiến (nếu có)" : "Nội dung cần chỉnh sửa",
        }
      : {
          title: approve ? "Approve the report" : "Ask for changes",
          submit: approve ? "Approve" : "Send",
          close: "Cancel",
          intro: `Report ${input.windowLabel}, version ${input.version}.`,
          label: approve ? "Comment (optional)" : "What should be changed",
        };
  const el: PlainTextInput = { type: "plain_text_input", action_id: DECISION_MODAL.comment, multiline: true, max_length: 3_000 };
  const blocks: KnownBlock[] = [section(t.intro), { type: "input", block_id: DECISION_MODAL.comment, label: plain(t.label, L.inputLabel), element: el, optional: approve }];
  return {
    type: "modal",
    callback_id: DECISION_MODAL.callbackId,
    title: plain(t.title, L.viewTitle),
    submit: plain(t.submit, L.viewSubmit),
    close: plain(t.close, L.viewClose),
    private_metadata: input.privateMetadata,
    blocks,
  };
}

/** The comment with which the approved files are delivered to the Office's channel. */
export function approvedFilesComment(r: { windowLabel: string; planNumber: string; version: number; decidedBy: string; comment: string | null }): string {
  const comment = r.comment ? ` Ý kiến của Lãnh đạo Sở: ${r.comment}` : "";
  return `Lãnh đạo Sở (${mention(r.decidedBy)}) đã duyệt Báo cáo kết quả thực hiện Kế hoạch số ${r.planNumber}, ${r.windowLabel} (phiên bản ${r.version}). Đề nghị Văn phòng Sở cho số, phát hành và gửi cấp trên theo quy định.${comment}`;
}

/** To the Office's channel: leadership approved, but the files could not be uploaded; a button tries again. */
export function deliveryFailedMessage(r: { reportId: number; windowLabel: string; planNumber: string; version: number; reason: string }): SlackMessage {
  const text = `Báo cáo ${r.windowLabel} (Kế hoạch số ${r.planNumber}, phiên bản ${r.version}) đã được Lãnh đạo Sở duyệt, nhưng dondoc chưa gửi được tệp báo cáo vào kênh này.`;
  return message(
    text,
    [
      section(`⚠️ *${esc(text, 600)}*`),
      section(
        `Lý do: ${esc(r.reason, 1_500)}\nBản đã duyệt được lưu nguyên vẹn; đề nghị Văn phòng Sở bấm *Gửi lại tệp* khi đã khắc phục (mỗi lần bấm gửi một bản, không gửi trùng).`,
      ),
      actions([button({ text: "Gửi lại tệp", actionId: CONSOLIDATED_ACTIONS.redeliver, value: String(r.reportId), style: "primary" })]),
    ],
    "vi",
  );
}

/** To the Office member who asked for the files again. */
export function redeliveryAnswer(r: { windowLabel: string; version: number; delivered: "sent" | "pending" | "failed"; reason?: string }, lang: Lang): SlackMessage {
  const vi = {
    sent: `Tệp báo cáo ${r.windowLabel} (phiên bản ${r.version}) đã ở trong kênh của Văn phòng Sở.`,
    pending: `Tệp báo cáo ${r.windowLabel} (phiên bản ${r.version}) đang được gửi; đề nghị kiểm tra lại kênh sau ít phút.`,
    failed: `Chưa gửi được tệp báo cáo ${r.windowLabel} (phiên bản ${r.version}): ${r.reason ?? ""}`,
  };
  const en = {
    sent: `The files of report ${r.windowLabel} (version ${r.version}) are in the Office's channel.`,
    pending: `The files of report ${r.windowLabel} (version ${r.version}) are being sent; please check the channel again in a few minutes.`,
    failed: `The files of report ${r.windowLabel} (version ${r.version}) could not be sent: ${r.reason ?? ""}`,
  };
  const text = (lang === "vi" ? vi : en)[r.delivered];
  return message(text, [section(esc(text, 2_000))], lang);
}

/** To the Office's channel: leadership asked for changes. */
export function changesRequestedMessage(r: { windowLabel: string; planNumber: string; version: number; decidedBy: string; builtBy: string; comment: string }): SlackMessage {
  const text = `Lãnh đạo Sở yêu cầu chỉnh sửa dự thảo báo cáo ${r.windowLabel} (Kế hoạch số ${r.planNumber}, phiên bản ${r.version}).`;
  return message(
    text,
    [
      section(`✏️ *${esc(text, 400)}*`),
      section(`Ý kiến của Lãnh đạo Sở (${mention(r.decidedBy)}): ${esc(r.comment, 2_500)}`),
      context(
        `Kính gửi ${mention(r.builtBy)}: đề nghị Văn phòng Sở chỉnh sửa theo ý kiến trên (bổ sung báo cáo của các đơn vị nếu cần) và trình lại bằng lệnh \`/kehoach baocaotonghop ${r.windowLabel}\`.`,
      ),
    ],
    "vi",
  );
}

/** To the leader who decided. */
export function decisionRecorded(
  r: { decision: "APPROVE" | "CHANGES"; windowLabel: string; version: number; delivered: "sent" | "pending" | "failed"; reason?: string },
  lang: Lang,
): SlackMessage {
  const vi =
    r.decision === "APPROVE"
      ? `Đã ghi nhận ý kiến duyệt báo cáo ${r.windowLabel} (phiên bản ${r.version}).${r.delivered === "sent" ? " Tệp báo cáo đã được gửi vào kênh của Văn phòng Sở." : r.delivered === "failed" ? ` Tệp báo cáo chưa gửi được vào kênh của Văn phòng Sở: ${r.reason ?? ""}` : ""}`
      : `Đã gửi Văn phòng Sở yêu cầu chỉnh sửa báo cáo ${r.windowLabel} (phiên bản ${r.version}).`;
  const en =
    r.decision === "APPROVE"
      ? `Your approval of report ${r.windowLabel} (version ${r.version}) is recorded.${r.delivered === "sent" ? " The files were sent to the Office's channel." : r.delivered === "failed" ? ` The files could not be sent to the Office's channel: ${r.reason ?? ""}` : ""}`
      : `Your request for changes to report ${r.windowLabel} (version ${r.version}) was sent to the Office.`;
  const text = lang === "vi" ? vi : en;
  return message(text, [section(esc(text, 2_000))], lang);
}

/** The acknowledgement of `/kehoach baocaotonghop`: the report follows when its files are built. The caller's language is not known yet. */
export function buildingReport(): SlackMessage {
  const text = "Đang lập dự thảo báo cáo tổng hợp; kết quả sẽ hiển thị sau ít giây. · Building the consolidated report; the result follows in a few seconds.";
  return message(text, [context(text)], "vi");
}

/** To the Office member who built it. */
export function reportBuiltMessage(
  r: { windowLabel: string; planNumber: string; version: number; leaders: number; units: { submitted: number; total: number }; replay: boolean },
  lang: Lang,
): SlackMessage {
  const text =
    lang === "vi"
      ? `${r.replay ? "Dự thảo này đã được trình trước đó: " : ""}Đã lập dự thảo Báo cáo kết quả thực hiện Kế hoạch số ${r.planNumber}, ${r.windowLabel} (phiên bản ${r.version}, tổng hợp từ báo cáo của ${r.units.submitted}/${r.units.total} đơn vị) và trình ${r.leaders} đồng chí Lãnh đạo Sở. Khi được duyệt, tệp báo cáo sẽ được gửi vào kênh của Văn phòng Sở.`
      : `${r.replay ? "This draft was submitted before: " : ""}Built the draft report on plan ${r.planNumber}, ${r.windowLabel} (version ${r.version}, from ${r.units.submitted} of ${r.units.total} units' reports) and sent it to ${r.leaders} leader(s) for approval. Once approved, the files will be sent to the Office's channel.`;
  return message(text, [section(esc(text, 2_000))], lang);
}
