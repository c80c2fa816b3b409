// The progress-report modal ("Báo cáo tiến độ"): choose one of the unit's
// tasks, give a percentage, tick "done", add a note and evidence links.
// Every input's block_id equals its action_id, so a listener reads
// view.state.values[id][id].
import type { Checkboxes, InputBlock, KnownBlock, ModalView, NumberInput, PlainTextInput, PlainTextOption, StaticSelect } from "@slack/types";
import { ROLE_LABELS } from "../i18n/labels.js";
import { context, plain, section } from "./blocks.js";
import { CAPS, esc } from "./format.js";
import { BLOCK_KIT_LIMITS as L } from "./limits.js";
import type { Lang, ReportModalModel } from "../models/index.js";

export const REPORT_MODAL = {
  callbackId: "progress_report",
  /** static_select; selected_option.value = String(task.id). */
  task: "task",
  /** number_input, integer 0–100. */
  percent: "percent",
  /** checkboxes, one option (value "done"); ticked = done. */
  done: "done",
  /** multiline plain_text_input, optional, at most 3,000 characters. */
  note: "note",
  /** multiline plain_text_input, optional, one link per line. */
  evidence: "evidence",
} as const;

export const DONE_OPTION_VALUE = "done";

/** The field errors of a submission, keyed by the block that shows each (response_action "errors"). */
export function reportFieldErrors(errors: Partial<Record<Exclude<keyof typeof REPORT_MODAL, "callbackId">, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, text]) => [REPORT_MODAL[field as keyof typeof errors], text]));
}
export const NOTE_MAX_LENGTH = 3_000;

const vi = {
  title: "Báo cáo tiến độ",
  submit: "Gửi",
  close: "Hủy",
  closeOnly: "Đóng",
  unit: (unit: string) => `Đơn vị: ${unit}`,
  noTasks: "Đơn vị của đồng chí chưa chủ trì hay phối hợp nhiệm vụ nào, nên chưa có nhiệm vụ để báo cáo.",
  tooMany: (shown: number, total: number) => `Chỉ hiện ${shown} trong ${total} nhiệm vụ (Slack cho tối đa ${shown} lựa chọn). Nhiệm vụ khác: \`/kehoach baocao MÃ\`.`,
  task: "Nhiệm vụ",
  taskPlaceholder: "Chọn nhiệm vụ",
  percent: "Tiến độ (%)",
  percentHint: "Số nguyên từ 0 đến 100.",
  done: "Đã hoàn thành",
  doneLabel: "Hoàn thành",
  note: "Kết quả thực hiện, khó khăn (nếu có)",
  notePlaceholder: "Kết quả thực hiện trong kỳ; khó khăn, vướng mắc (nếu có)",
  evidence: "Tài liệu kiểm chứng",
  evidenceHint: "Mỗi dòng một đường dẫn đến tài liệu",
};

const en: typeof vi = {
  title: "Progress report",
  submit: "Submit",
  close: "Cancel",
  closeOnly: "Close",
  unit: (unit) => `Unit: ${unit}`,
  noTasks: "Your unit neither leads nor cooperates on any task, so there is nothing to report yet.",
  tooMany: (shown, total) => `Showing ${shown} of ${total} tasks (Slack allows ${shown} choices). For another task: \`/kehoach report CODE\`.`,
  task: "Task",
  taskPlaceholder: "Choose a task",
  percent: "Progress (%)",
  percentHint: "A whole number from 0 to 100.",
  done: "Done",
  doneLabel: "Completion",
  note: "Results, obstacles (if any)",
  notePlaceholder: "Results in the period; obstacles, if any",
  evidence: "Evidence documents",
  evidenceHint: "One link to a document per line",
};

const STRINGS = { vi, en };

type ModalTask = ReportModalModel["tasks"][number];

function taskOption(task: ModalTask, lang: Lang): PlainTextOption {
  return {
    text: plain(`${task.code} · ${task.title}`, L.optionText),
    value: String(task.id),
    description: plain(`${ROLE_LABELS[task.role][lang]} · ${task.percent}%`, L.optionDescription),
  };
}

/** The first 100 tasks, keeping the preselected one even when it comes later. */
function selectable(tasks: readonly ModalTask[], selectedTaskId: number | null): ModalTask[] {
  const first = tasks.slice(0, L.selectOptions);
  const selected = tasks.find((t) => t.id === selectedTaskId);
  if (!selected || first.includes(selected)) return first;
  return [...first.slice(0, L.selectOptions - 1), selected];
}

function input(id: string, label: string, element: InputBlock["element"], opts: { optional?: boolean; hint?: string } = {}): InputBlock {
  const block: InputBlock = { type: "input", block_id: id, label: plain(label, L.inputLabel), element };
  if (opts.optional) block.optional = true;
  if (opts.hint) block.hint = plain(opts.hint, L.inputHint);
  return block;
}

export function reportModal(model: ReportModalModel, lang: Lang): ModalView {
  const s = STRINGS[lang];
  if (model.privateMetadata.length > L.privateMetadata) {
    // Metadata is signed and parsed by the listener; cutting it would corrupt it.
    throw new RangeError(`private_metadata of ${model.privateMetadata.length} characters (Slack allows ${L.privateMetadata})`);
  }
  const frame = {
    type: "modal" as const,
    callback_id: REPORT_MODAL.callbackId,
    title: plain(s.title, L.viewTitle),
    private_metadata: model.privateMetadata,
  };
  const unitLine = context(s.unit(`*${esc(model.unit.code, CAPS.code)}* ${esc(model.unit.name, CAPS.unitName)}`));

  if (model.tasks.length === 0) {
    return { ...frame, close: plain(s.closeOnly, L.viewClose), blocks: [unitLine, section(s.noTasks)] };
  }

  const tasks = selectable(model.tasks, model.selectedTaskId);
  const options = tasks.map((t) => taskOption(t, lang));
  const selectedIndex = tasks.findIndex((t) => t.id === model.selectedTaskId);
  const selected = selectedIndex >= 0 ? tasks[selectedIndex] : undefined;

  const taskSelect: StaticSelect = {
    type: "static_select",
    action_id: REPORT_MODAL.task,
    placeholder: plain(s.taskPlaceholder, L.placeholder),
    options,
  };
  // Slack requires initial_option to equal one of the options exactly.
  const initial = options[selectedIndex];
  if (initial) taskSelect.initial_option = initial;

  const percent: NumberInput = {
    type: "number_input",
    action_id: REPORT_MODAL.percent,
    is_decimal_allowed: false,
    min_value: "0",
    max_value: "100",
  };
  if (selected) percent.initial_value = String(selected.percent);

  const done: Checkboxes = {
    type: "checkboxes",
    action_id: REPORT_MODAL.done,
    options: [{ text: plain(s.done, L.optionText), value: DONE_OPTION_VALUE }],
  };
  const note: PlainTextInput = {
    type: "plain_text_input",
    action_id: REPORT_MODAL.note,
    multiline: true,
    max_length: NOTE_MAX_LENGTH,
    placeholder: plain(s.notePlaceholder, L.placeholder),
  };
  const evidence: PlainTextInput = {
    type: "plain_text_input",
    action_id: REPORT_MODAL.evidence,
    multiline: true,
    placeholder: plain("https://…", L.placeholder),
  };

  const blocks: KnownBlock[] = [unitLine];
  if (model.tasks.length > tasks.length) blocks.push(context(s.tooMany(tasks.length, model.tasks.length)));
  blocks.push(
    input(REPORT_MODAL.task, s.task, taskSelect),
    input(REPORT_MODAL.percent, s.percent, percent, { hint: s.percentHint }),
    input(REPORT_MODAL.done, s.doneLabel, done, { optional: true }),
    input(REPORT_MODAL.note, s.note, note, { optional: true }),
    input(REPORT_MODAL.evidence, s.evidence, evidence, { optional: true, hint: s.evidenceHint }),
  );
  return { ...frame, submit: plain(s.submit, L.viewSubmit), close: plain(s.close, L.viewClose), blocks };
}
