// Importing a plan from its document in Slack: the form to give the file,
// the preview of what was read (tasks, units matched, new bodies, points to
// check), the review modal for the flagged tasks, and the answer once the
// plan is published (Ban hành).
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { formatVnDate, type Day } from "../domain/day.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, divider, header, lineSections, message, plain, section, type SlackMessage } from "./blocks.js";
import { IMPORT_FLAG_LABELS } from "../i18n/labels.js";
import { esc } from "./format.js";
import { BLOCK_KIT_LIMITS as L, truncate } from "./limits.js";
import type { Lang } from "../models/index.js";
import { REVIEW_PAGE, type PlanPreviewModel, type ReviewModalModel, type UnitChoice } from "../models/plan-import.js";

export const PLAN_UPLOAD_MODAL = { callbackId: "plan_import_upload", file: "plan_file" } as const;
export const PLAN_REVIEW_MODAL = { callbackId: "plan_import_review_submit", lead: "lead", cooperating: "cooperating", due: "due" } as const;

export const FLAG_LABELS: Record<string, Record<Lang, string>> = IMPORT_FLAG_LABELS;

export function uploadModal(lang: Lang): ModalView {
  const vi = lang === "vi";
  return {
    type: "modal",
    callback_id: PLAN_UPLOAD_MODAL.callbackId,
    private_metadata: JSON.stringify({ l: lang }),
    title: plain(vi ? "Nạp kế hoạch" : "Import a plan", L.viewTitle),
    submit: plain(vi ? "Đọc văn bản" : "Read it", L.viewSubmit),
    close: plain(vi ? "Đóng" : "Close", L.viewSubmit),
    blocks: [
      section(
        vi
          ? "Đề nghị đồng chí chọn văn bản kế hoạch (.docx, .pdf có lớp chữ, .txt, .md, .html). dondoc đọc văn bản và gửi bản xem trước qua tin nhắn riêng; chưa có gì được ghi cho đến khi đồng chí bấm *Ban hành*."
          : "Choose the plan document (.docx, .pdf with a text layer, .txt, .md, .html). dondoc reads it and sends a preview by direct message; nothing is recorded until you click *Publish*.",
      ),
      {
        type: "input",
        block_id: PLAN_UPLOAD_MODAL.file,
        label: plain(vi ? "Văn bản kế hoạch" : "Plan document", L.inputLabel),
        element: { type: "file_input", action_id: PLAN_UPLOAD_MODAL.file, filetypes: ["docx", "pdf", "txt", "md", "html", "htm"], max_files: 1 },
      } as KnownBlock,
    ],
  };
}

/** The preview sent to the Office member who gave the file. */
export function planPreviewMessage(m: PlanPreviewModel, lang: Lang): SlackMessage {
  const vi = lang === "vi";
  const c = m.counts;
  const blocks: KnownBlock[] = [
    header(vi ? "Xem trước kế hoạch từ văn bản" : "Preview of the plan read from the document"),
    section(
      `*${esc(m.plan.number, 60)}* — ${esc(m.plan.title, 400)}\n${esc(m.plan.issuer, 150)}${m.plan.issuedOn ? `, ${formatVnDate(m.plan.issuedOn)}` : ""}\n_${vi ? "Tệp" : "File"}: ${esc(m.fileName, 150)}_`,
    ),
    section(
      vi
        ? `*${c.tasks}* nhiệm vụ (${c.leaves} nhiệm vụ cụ thể, ${c.headings} đầu mục) · *${c.matchedBodies}* đơn vị khớp danh sách · *${c.newBodies}* cơ quan mới đề xuất · *${c.flagged}* điểm cần kiểm tra`
        : `*${c.tasks}* tasks (${c.leaves} items, ${c.headings} headings) · *${c.matchedBodies}* units matched · *${c.newBodies}* new bodies proposed · *${c.flagged}* points to check`,
    ),
  ];
  if (m.newBodies.length) {
    blocks.push(
      section(
        vi ? "*Cơ quan chưa có trong danh sách đơn vị (sẽ tạo thành đơn vị ngoài tổ chức):*" : "*Bodies not among the units (to be created as units outside the organisation):*",
      ),
    );
    blocks.push(
      ...lineSections(
        m.newBodies.map((b) => `• \`${esc(b.code, 20)}\` ${esc(b.name, 150)}`),
        { maxChars: 1_500, more: (n) => (vi ? `… và ${n} cơ quan khác` : `… and ${n} more`) },
      ),
    );
  }
  if (m.points.length) {
    blocks.push(section(vi ? "*Điểm cần kiểm tra:*" : "*Points to check:*"));
    blocks.push(
      ...lineSections(
        m.points.map((p) => `• ${p.taskCode ? `*${esc(p.taskCode, 40)}* ` : ""}${FLAG_LABELS[p.flag]?.[lang] ?? p.flag}${p.text ? `: ${esc(p.text, 90)}` : ""}`),
        { maxChars: 3_000, more: (n) => (vi ? `… và ${n} điểm khác` : `… and ${n} more`) },
      ),
    );
  }
  if (m.published) {
    blocks.push(
      section(
        vi
          ? `✅ Đã ban hành Kế hoạch số ${esc(m.published.number, 60)} ngày ${formatVnDate(m.published.at)}.`
          : `✅ Plan ${esc(m.published.number, 60)} was published on ${formatVnDate(m.published.at)}.`,
      ),
    );
  } else {
    if (m.review.total)
      blocks.push(context(vi ? `Đã kiểm tra ${m.review.corrected}/${m.review.total} nhiệm vụ cần kiểm tra.` : `${m.review.corrected}/${m.review.total} flagged tasks checked.`));
    const review = m.review.total
      ? [button({ text: vi ? "Sửa các điểm cần kiểm tra" : "Correct the flagged points", actionId: ACTION_IDS.planImportReview, value: String(m.importId) })]
      : [];
    const publish = button({ text: vi ? "Ban hành" : "Publish", actionId: ACTION_IDS.planImportPublish, value: String(m.importId), style: "primary" });
    publish.confirm = {
      title: plain(vi ? "Ban hành kế hoạch" : "Publish the plan", L.viewTitle),
      text: plain(
        vi
          ? `Ban hành Kế hoạch số ${m.plan.number}: nạp ${c.tasks} nhiệm vụ và gửi tới các đơn vị được giao để quán triệt.`
          : `Publish plan ${m.plan.number}: import ${c.tasks} tasks and send them to the assigned units for acknowledgement.`,
        300,
      ),
      confirm: plain(vi ? "Ban hành" : "Publish", L.viewSubmit),
      deny: plain(vi ? "Để sau" : "Not now", L.viewSubmit),
    };
    blocks.push(divider(), actions([...review, publish], `plan_import:${m.importId}`));
  }
  return message(
    vi
      ? `Xem trước Kế hoạch ${m.plan.number}: ${c.tasks} nhiệm vụ, ${c.flagged} điểm cần kiểm tra`
      : `Preview of plan ${m.plan.number}: ${c.tasks} tasks, ${c.flagged} points to check`,
    blocks,
    lang,
  );
}

const option = (c: UnitChoice, lang: Lang): PlainTextOption => ({
  text: plain(`${c.code} — ${c.name}${c.proposed ? (lang === "vi" ? " (mới)" : " (new)") : ""}`, L.optionText),
  value: c.code,
});

/** The review modal: lead, cooperating units and deadline of each flagged task (one page). */
export function reviewModal(m: ReviewModalModel, lang: Lang): ModalView {
  const vi = lang === "vi";
  const options = m.choices.slice(0, L.selectOptions).map((c) => option(c, lang));
  const byCode = new Map(options.map((o) => [o.value, o]));
  const blocks: KnownBlock[] = [
    context(
      vi
        ? `Kế hoạch ${esc(m.planNumber, 60)}: ${m.tasks.length + m.more} nhiệm vụ cần kiểm tra${m.more ? `; hiện ${m.tasks.length}, lưu rồi mở lại để sửa tiếp` : ""}. Để trống là giữ như văn bản.`
        : `Plan ${esc(m.planNumber, 60)}: ${m.tasks.length + m.more} tasks to check${m.more ? `; ${m.tasks.length} shown, save and reopen for the rest` : ""}. Leave a field empty to keep what the document says.`,
    ),
  ];
  for (const t of m.tasks.slice(0, REVIEW_PAGE)) {
    const flags = t.flags.map((f) => FLAG_LABELS[f]?.[lang] ?? f).join("; ");
    const asWritten = t.dueAsWritten ? `\n${vi ? "Thời hạn trong văn bản" : "Deadline as written"}: “${esc(t.dueAsWritten, 200)}”` : "";
    blocks.push(section(`${t.corrected ? "✅" : "⚠"} *${esc(t.code, 40)}* ${esc(t.text, 400)}\n_${esc(flags || (vi ? "đã sửa" : "corrected"), 300)}_${asWritten}`));
    const lead = t.lead ? byCode.get(t.lead) : undefined;
    blocks.push({
      type: "input",
      block_id: `${PLAN_REVIEW_MODAL.lead}:${t.code}`,
      optional: true,
      label: plain(vi ? "Đơn vị chủ trì" : "Lead unit", L.inputLabel),
      element: { type: "static_select", action_id: PLAN_REVIEW_MODAL.lead, options, ...(lead ? { initial_option: lead } : {}) },
    });
    const coop = t.cooperating.map((c) => byCode.get(c)).filter((o) => o !== undefined);
    blocks.push({
      type: "input",
      block_id: `${PLAN_REVIEW_MODAL.cooperating}:${t.code}`,
      optional: true,
      label: plain(vi ? "Đơn vị phối hợp" : "Cooperating units", L.inputLabel),
      element: { type: "multi_static_select", action_id: PLAN_REVIEW_MODAL.cooperating, options, ...(coop.length ? { initial_options: coop } : {}) },
    });
    blocks.push({
      type: "input",
      block_id: `${PLAN_REVIEW_MODAL.due}:${t.code}`,
      optional: true,
      label: plain(vi ? "Thời hạn" : "Deadline", L.inputLabel),
      hint: plain(vi ? "Ví dụ: 15/12/2025, Quý IV/2025, Năm 2025, Thường xuyên, Khi có phát sinh" : "E.g. 15/12/2025, Quý IV/2025, Năm 2025, Thường xuyên, Khi có phát sinh", 150),
      element: { type: "plain_text_input", action_id: PLAN_REVIEW_MODAL.due, max_length: 200, ...(t.due ? { initial_value: truncate(t.due, 200, "plain_text") } : {}) },
    });
  }
  return {
    type: "modal",
    callback_id: PLAN_REVIEW_MODAL.callbackId,
    private_metadata: JSON.stringify({ i: m.importId, l: lang }),
    title: plain(vi ? "Kiểm tra kế hoạch" : "Check the plan", L.viewTitle),
    submit: plain(vi ? "Lưu" : "Save", L.viewSubmit),
    close: plain(vi ? "Đóng" : "Close", L.viewSubmit),
    blocks,
  };
}

/** Told to the Office member once the file was read (the preview follows by direct message). */
export function readingNotice(lang: Lang, fileName: string): SlackMessage {
  const text = lang === "vi" ? `Đang đọc văn bản ${fileName}; bản xem trước sẽ được gửi qua tin nhắn riêng.` : `Reading ${fileName}; the preview will come by direct message.`;
  return message(text, [context(esc(text, 500))], lang);
}

/** After Ban hành. */
export function publishedNotice(
  lang: Lang,
  m: { number: string; tasks: { created: number; updated: number; unchanged: number }; units: number; posted: number; withoutChannel: string[]; already: boolean },
): SlackMessage {
  const vi = lang === "vi";
  const text = m.already
    ? vi
      ? `Kế hoạch số ${m.number} đã được ban hành trước đó; không có gì thay đổi.`
      : `Plan ${m.number} was already published; nothing changed.`
    : vi
      ? `Đã ban hành Kế hoạch số ${m.number}: nhiệm vụ tạo mới ${m.tasks.created}, cập nhật ${m.tasks.updated}, không đổi ${m.tasks.unchanged}. Đã gửi tới ${m.posted}/${m.units} đơn vị được giao để quán triệt.${m.withoutChannel.length ? ` Đơn vị chưa có kênh: ${m.withoutChannel.join(", ")}.` : ""}`
      : `Published plan ${m.number}: tasks created ${m.tasks.created}, updated ${m.tasks.updated}, unchanged ${m.tasks.unchanged}. Sent to ${m.posted}/${m.units} assigned units for acknowledgement.${m.withoutChannel.length ? ` Units without a channel: ${m.withoutChannel.join(", ")}.` : ""}`;
  return message(text, [section(esc(text, 2_900))], lang);
}
