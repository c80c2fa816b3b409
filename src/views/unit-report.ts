// A unit's report to the Office for a reporting window: the modal in which
// the unit prepares and its lead sends it, the pre-filled draft a lead
// receives by direct message ahead of the units' deadline, the reminder in a
// unit's channel, and the notices. Pure functions of data.
//
// Every input's block_id equals its action_id, so a listener reads
// view.state.values[id][id]. The three free fields take at most 3,000
// characters each, Slack's own limit for a text input.
import type { FileInput, InputBlock, KnownBlock, ModalView, PlainTextInput, RadioButtons } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { STATUS_LABELS } from "../i18n/labels.js";
import { actions, button, context, header, lineSections, message, plain, section, statusEmoji, type SlackMessage } from "./blocks.js";
import { CAPS, esc } from "./format.js";
import { BLOCK_KIT_LIMITS as L } from "./limits.js";
import type { Lang } from "../models/index.js";
import type { EvidenceFile, UnitReportDraft, UnitReportReminderModel, UnitReportTaskLine } from "../models/unit-report.js";

export const UNIT_REPORT_MODAL = {
  callbackId: "unit_report",
  results: "results",
  shortcomings: "shortcomings",
  proposals: "proposals",
  /** file_input: tài liệu kiểm chứng; Slack gives `files`. */
  files: "evidence_files",
  /** radio_buttons for the lead: "submit" or "draft". */
  action: "send_action",
} as const;

export const UNIT_REPORT_ACTIONS = {
  /** Opens the unit's report; value = JSON UnitReportRef. */
  open: "unit_report_open",
  /** The Office reminds the units that have not sent; value = JSON UnitReportRef. */
  remind: "unit_report_remind",
  /** The Office builds the consolidated report and sends it to leadership; value = JSON UnitReportRef. */
  build: "consolidated_build",
} as const;

/** What a button or the modal's metadata names: a plan and a window. Never trusted: the unit is the caller's. */
export interface UnitReportRef {
  p: number;
  w: string;
}

export const FIELD_MAX = 3_000;
const FILES_MAX = 10;
const TASKS_CHARS = 2_400;

const d = formatVnDate;

const vi = {
  title: "Báo cáo của đơn vị",
  submit: "Gửi",
  saveDraft: "Lưu dự thảo",
  close: "Hủy",
  heading: (number: string, period: string) => `*Báo cáo kết quả thực hiện Kế hoạch số ${number}, ${period}*`,
  unitLine: (unit: string, start: string, end: string, due: string) => `Đơn vị: ${unit}. Số liệu từ ngày ${start} đến ngày ${end}; gửi Văn phòng Sở chậm nhất ngày ${due}.`,
  state: {
    NONE: "Dự thảo do dondoc lập từ các báo cáo tiến độ trong kỳ; đồng chí chỉnh sửa nếu cần.",
    DRAFT: "Dự thảo đã lưu, chưa gửi Văn phòng Sở.",
    SUBMITTED: (on: string) => `Đã gửi Văn phòng Sở ngày ${on}; gửi lại sẽ thay báo cáo đã gửi.`,
  },
  tasksTitle: (n: number) => `*Nhiệm vụ đơn vị chủ trì (${n})*`,
  taskLine: (t: UnitReportTaskLine) =>
    `${statusEmoji(t.status)} *${esc(t.code, CAPS.code)}* ${esc(t.title, 160)}: ${t.percent}%, ${STATUS_LABELS[t.status].vi.toLocaleLowerCase("vi")}${t.reports.length ? `; ${t.reports.length} báo cáo trong kỳ` : "; chưa báo cáo trong kỳ"}${t.evidence.length ? `; ${t.evidence.length} tài liệu kiểm chứng` : ""}`,
  moreTasks: (n: number) => `… và ${n} nhiệm vụ khác`,
  results: "Kết quả thực hiện",
  shortcomings: "Tồn tại, hạn chế và nguyên nhân",
  proposals: "Kiến nghị, đề xuất (nếu có)",
  files: "Tài liệu kiểm chứng",
  filesHint: "Tối đa 10 tệp mỗi lần, mỗi tệp không quá 10 MB; tệp đã đính kèm trước được giữ lại.",
  attached: (list: string) => `Tài liệu kiểm chứng đã đính kèm: ${list}`,
  action: "Đồng chí muốn",
  actionSubmit: "Gửi Văn phòng Sở",
  actionDraft: "Lưu dự thảo, gửi sau",
  staffNote: "Đồng chí lập dự thảo; lãnh đạo đơn vị xem và gửi Văn phòng Sở.",
};

const en: typeof vi = {
  title: "Unit report",
  submit: "Send",
  saveDraft: "Save draft",
  close: "Cancel",
  heading: (number, period) => `*Report on plan ${number}, ${period}*`,
  unitLine: (unit, start, end, due) => `Unit: ${unit}. Data from ${start} to ${end}; send to the Office by ${due}.`,
  state: {
    NONE: "Draft prepared by dondoc from the window's progress reports; edit it as needed.",
    DRAFT: "Draft saved, not yet sent to the Office.",
    SUBMITTED: (on) => `Sent to the Office on ${on}; sending again replaces it.`,
  },
  tasksTitle: (n) => `*Tasks the unit leads (${n})*`,
  taskLine: (t) =>
    `${statusEmoji(t.status)} *${esc(t.code, CAPS.code)}* ${esc(t.title, 160)}: ${t.percent}%, ${STATUS_LABELS[t.status].en.toLowerCase()}${t.reports.length ? `; ${t.reports.length} report(s) in the window` : "; no report in the window"}${t.evidence.length ? `; ${t.evidence.length} evidence link(s)` : ""}`,
  moreTasks: (n) => `… and ${n} more tasks`,
  results: "Results",
  shortcomings: "Shortcomings and their causes",
  proposals: "Proposals (if any)",
  files: "Evidence files",
  filesHint: "Up to 10 files of at most 10 MB at a time; files attached earlier are kept.",
  attached: (list) => `Evidence attached: ${list}`,
  action: "You want to",
  actionSubmit: "Send to the Office",
  actionDraft: "Save a draft, send later",
  staffNote: "You prepare the draft; the unit's lead reviews it and sends it to the Office.",
};

const STRINGS = { vi, en };

function input(id: string, label: string, element: InputBlock["element"], opts: { optional?: boolean; hint?: string } = {}): InputBlock {
  const block: InputBlock = { type: "input", block_id: id, label: plain(label, L.inputLabel), element };
  if (opts.optional) block.optional = true;
  if (opts.hint) block.hint = plain(opts.hint, L.inputHint);
  return block;
}

function textArea(id: string, value: string): PlainTextInput {
  const el: PlainTextInput = { type: "plain_text_input", action_id: id, multiline: true, max_length: FIELD_MAX };
  // Slack refuses an initial value longer than max_length; stored values are never longer (checked on save).
  if (value !== "") el.initial_value = value.slice(0, FIELD_MAX);
  return el;
}

/** A file as a link to it in Slack, or its name. */
export function fileLabel(f: EvidenceFile): string {
  const name = esc(f.name, 80);
  return f.permalink && /^https?:\/\//.test(f.permalink) ? `<${f.permalink.replace(/[|>]/g, "")}|${name.replace(/[|>]/g, "")}>` : name;
}

export function unitReportModal(draft: UnitReportDraft, options: { canSubmit: boolean; privateMetadata: string }, lang: Lang): ModalView {
  const s = STRINGS[lang];
  if (options.privateMetadata.length > L.privateMetadata) throw new RangeError("private_metadata too long");
  const state = draft.state === "SUBMITTED" ? s.state.SUBMITTED(d(draft.submittedOn ?? draft.window.end)) : s.state[draft.state];
  const blocks: KnownBlock[] = [
    section(
      `${s.heading(esc(draft.plan.number, CAPS.code), draft.window.label)}\n${s.unitLine(esc(draft.unit.name, CAPS.unitName), d(draft.window.start), d(draft.window.end), d(draft.unitsDue))}`,
    ),
    context(state),
    section(s.tasksTitle(draft.tasks.length)),
    ...lineSections(draft.tasks.map(s.taskLine), { maxChars: TASKS_CHARS, more: s.moreTasks }),
    input(UNIT_REPORT_MODAL.results, s.results, textArea(UNIT_REPORT_MODAL.results, draft.fields.results)),
    input(UNIT_REPORT_MODAL.shortcomings, s.shortcomings, textArea(UNIT_REPORT_MODAL.shortcomings, draft.fields.shortcomings), { optional: true }),
    input(UNIT_REPORT_MODAL.proposals, s.proposals, textArea(UNIT_REPORT_MODAL.proposals, draft.fields.proposals), { optional: true }),
  ];
  const files: FileInput = { type: "file_input", action_id: UNIT_REPORT_MODAL.files, max_files: FILES_MAX };
  blocks.push(input(UNIT_REPORT_MODAL.files, s.files, files, { optional: true, hint: s.filesHint }));
  if (draft.evidenceFiles.length > 0) blocks.push(context(s.attached(draft.evidenceFiles.map(fileLabel).join(", "))));
  if (options.canSubmit) {
    const submit = { text: plain(s.actionSubmit, L.optionText), value: "submit" };
    const radio: RadioButtons = {
      type: "radio_buttons",
      action_id: UNIT_REPORT_MODAL.action,
      options: [submit, { text: plain(s.actionDraft, L.optionText), value: "draft" }],
      initial_option: submit,
    };
    blocks.push(input(UNIT_REPORT_MODAL.action, s.action, radio));
  } else {
    blocks.push(context(s.staffNote));
  }
  return {
    type: "modal",
    callback_id: UNIT_REPORT_MODAL.callbackId,
    title: plain(s.title, L.viewTitle),
    submit: plain(options.canSubmit ? s.submit : s.saveDraft, L.viewSubmit),
    close: plain(s.close, L.viewClose),
    private_metadata: options.privateMetadata,
    blocks,
  };
}

const openButton = (ref: UnitReportRef, text: string) => button({ text, actionId: UNIT_REPORT_ACTIONS.open, value: JSON.stringify(ref), style: "primary" });

/** The pre-filled draft a unit's lead receives by direct message ahead of the units' deadline. */
export function unitReportDraftMessage(draft: UnitReportDraft, lang: Lang): SlackMessage {
  const reported = draft.tasks.filter((t) => t.reports.length > 0).length;
  const ref = { p: draft.plan.id, w: draft.window.key };
  const period = draft.window.label;
  const number = esc(draft.plan.number, CAPS.code);
  const unit = esc(draft.unit.name, CAPS.unitName);
  const t =
    lang === "vi"
      ? {
          head: `📝 Dự thảo báo cáo ${period} của đơn vị`,
          body: `Kính gửi đồng chí lãnh đạo ${unit}:\ndondoc đã lập dự thảo báo cáo kết quả thực hiện Kế hoạch số ${number}, ${period}, từ các báo cáo tiến độ trong kỳ (${reported}/${draft.tasks.length} nhiệm vụ chủ trì đã có báo cáo). Đề nghị đồng chí xem, chỉnh sửa nếu cần, đính kèm tài liệu kiểm chứng và gửi Văn phòng Sở chậm nhất ngày *${d(draft.unitsDue)}*.`,
          results: "*Kết quả thực hiện (dự thảo)*",
          shortcomings: "*Tồn tại, hạn chế (dự thảo)*",
          open: "Xem và gửi báo cáo",
          text: `Dự thảo báo cáo ${period} của ${draft.unit.name}: đề nghị xem và gửi Văn phòng Sở chậm nhất ngày ${d(draft.unitsDue)}.`,
        }
      : {
          head: `📝 Draft of the unit's report, ${period}`,
          body: `Dear lead of ${unit}:\ndondoc has drafted the unit's report on plan ${number}, ${period}, from the window's progress reports (${reported} of ${draft.tasks.length} led tasks reported). Please review it, edit it as needed, attach the evidence and send it to the Office by *${d(draft.unitsDue)}*.`,
          results: "*Results (draft)*",
          shortcomings: "*Shortcomings (draft)*",
          open: "Review and send",
          text: `Draft of ${draft.unit.name}'s report for ${period}: please review it and send it to the Office by ${d(draft.unitsDue)}.`,
        };
  const excerpt = (s: string) => esc(s, 1_200) || "—";
  return message(
    t.text,
    [
      header(t.head),
      section(t.body),
      section(`${t.results}\n${excerpt(draft.fields.results)}`),
      ...(draft.fields.shortcomings ? [section(`${t.shortcomings}\n${excerpt(draft.fields.shortcomings)}`)] : []),
      actions([openButton(ref, t.open)]),
    ],
    lang,
  );
}

/** At most this many plans are listed in one draft message (each a section with its button); the rest are named by count. */
const DRAFT_PLANS_SHOWN = 20;

/**
 * The lead's direct message ahead of the units' deadline, for every plan in
 * force in the window: one plan reads as unitReportDraftMessage; several (a
 * department may run more than one plan a year) are listed in one message,
 * each with its own button, so the lead is asked once and no plan is missed.
 */
export function unitReportDraftsMessage(drafts: readonly UnitReportDraft[], lang: Lang): SlackMessage {
  if (drafts.length === 1) return unitReportDraftMessage(drafts[0]!, lang);
  const first = drafts[0]!;
  const period = first.window.label;
  const unit = esc(first.unit.name, CAPS.unitName);
  const earliest = drafts.map((x) => x.unitsDue).reduce((a, b) => (b < a ? b : a));
  const shown = drafts.slice(0, DRAFT_PLANS_SHOWN);
  const more = drafts.length - shown.length;
  const t =
    lang === "vi"
      ? {
          head: `📝 Dự thảo báo cáo ${period} của đơn vị (${drafts.length} kế hoạch)`,
          body: `Kính gửi đồng chí lãnh đạo ${unit}:\ndondoc đã lập dự thảo báo cáo kết quả thực hiện ${drafts.length} kế hoạch, ${period}, từ các báo cáo tiến độ trong kỳ. Đề nghị đồng chí xem, chỉnh sửa nếu cần, đính kèm tài liệu kiểm chứng và gửi Văn phòng Sở từng báo cáo theo thời hạn dưới đây (hạn gần nhất: ngày *${d(earliest)}*).`,
          line: (x: UnitReportDraft, reported: number) =>
            `*Kế hoạch số ${esc(x.plan.number, CAPS.code)}*: ${reported}/${x.tasks.length} nhiệm vụ chủ trì đã có báo cáo; gửi chậm nhất ngày ${d(x.unitsDue)}.`,
          open: "Xem và gửi",
          more: `Còn ${more} kế hoạch khác: đề nghị dùng lệnh \`/kehoach baocaodonvi\`.`,
          text: `Dự thảo báo cáo ${period} của ${first.unit.name} cho ${drafts.length} kế hoạch: đề nghị xem và gửi Văn phòng Sở; hạn gần nhất ngày ${d(earliest)}.`,
        }
      : {
          head: `📝 Drafts of the unit's reports, ${period} (${drafts.length} plans)`,
          body: `Dear lead of ${unit}:\ndondoc has drafted the unit's reports on ${drafts.length} plans, ${period}, from the window's progress reports. Please review each, edit it as needed, attach the evidence and send it to the Office by its deadline below (the nearest is *${d(earliest)}*).`,
          line: (x: UnitReportDraft, reported: number) => `*Plan ${esc(x.plan.number, CAPS.code)}*: ${reported} of ${x.tasks.length} led tasks reported; send by ${d(x.unitsDue)}.`,
          open: "Review and send",
          more: `${more} more plans: use \`/kehoach baocaodonvi\`.`,
          text: `Drafts of ${first.unit.name}'s reports for ${period} on ${drafts.length} plans: please review and send them to the Office, the nearest deadline ${d(earliest)}.`,
        };
  const lines = shown.map((x) =>
    section(
      t.line(x, x.tasks.filter((task) => task.reports.length > 0).length),
      // action_id needs to be unique within a block only: each plan's button is in its own section.
      openButton({ p: x.plan.id, w: x.window.key }, t.open),
    ),
  );
  return message(t.text, [header(t.head), section(t.body), ...lines, ...(more > 0 ? [context(t.more)] : [])], lang);
}

/** The Office's reminder in a unit's channel: its report for the window has not reached the Office. */
export function unitReportReminderMessage(m: UnitReportReminderModel): SlackMessage {
  const number = esc(m.plan.number, CAPS.code);
  const late = m.today > m.unitsDue;
  const ask = late
    ? `Hạn gửi là ngày ${d(m.unitsDue)}; đề nghị lãnh đạo đơn vị gửi báo cáo ngay để Văn phòng Sở tổng hợp, tham mưu Lãnh đạo Sở báo cáo cấp trên đúng hạn.`
    : `Đề nghị lãnh đạo đơn vị gửi báo cáo chậm nhất ngày *${d(m.unitsDue)}*.`;
  return message(
    `Kính gửi: ${m.unit.name}. Văn phòng Sở chưa nhận được báo cáo ${m.window.label} của đơn vị.`,
    [
      section(`*Kính gửi: ${esc(m.unit.name, CAPS.unitName)}*`),
      section(
        `Đến ngày ${d(m.today)}, Văn phòng Sở chưa nhận được báo cáo kết quả thực hiện Kế hoạch số ${number}, ${m.window.label} của đơn vị${m.drafted ? " (đơn vị đã lưu dự thảo, chưa gửi)" : ""}. ${ask}`,
      ),
      actions([openButton({ p: m.plan.id, w: m.window.key }, "Lập báo cáo của đơn vị")]),
    ],
    "vi",
  );
}

/** To the person who saved: what happened. */
export function unitReportSaved(r: { state: "DRAFT" | "SUBMITTED"; unit: { name: string }; window: { label: string }; files: number }, lang: Lang): SlackMessage {
  const files = r.files > 0 ? (lang === "vi" ? `, kèm ${r.files} tệp tài liệu kiểm chứng` : `, with ${r.files} evidence file(s)`) : "";
  const text =
    lang === "vi"
      ? r.state === "SUBMITTED"
        ? `Đã gửi Văn phòng Sở báo cáo ${r.window.label} của ${r.unit.name}${files}.`
        : `Đã lưu dự thảo báo cáo ${r.window.label} của ${r.unit.name}${files}; báo cáo chưa được gửi Văn phòng Sở.`
      : r.state === "SUBMITTED"
        ? `Sent ${r.unit.name}'s report for ${r.window.label} to the Office${files}.`
        : `Saved the draft of ${r.unit.name}'s report for ${r.window.label}${files}; it has not been sent to the Office.`;
  return message(text, [section(esc(text, 600))], lang);
}

/** In the Office's channel: a unit's report has arrived. */
export function unitReportReceived(r: { unit: { name: string }; window: { label: string }; planNumber: string; by: string; files: EvidenceFile[] }): SlackMessage {
  const text = `Văn phòng Sở đã nhận báo cáo ${r.window.label} (Kế hoạch số ${r.planNumber}) của ${r.unit.name}.`;
  const blocks: KnownBlock[] = [section(`📥 ${esc(text, 600)}`), context(`Người gửi: <@${r.by.replace(/[^A-Z0-9]/g, "")}>`)];
  if (r.files.length > 0) blocks.push(context(vi.attached(r.files.map(fileLabel).join(", "))));
  return message(text, blocks, "vi");
}
