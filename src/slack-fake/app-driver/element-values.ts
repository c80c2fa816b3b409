// What Slack reports for an interactive element: in `actions[]` when the user
// acts on it, and in `view.state.values` for every input of a view. Tests give
// plain values (an option's value, a date, user ids); this turns them into
// Slack's shapes, picking the option objects out of the element itself.
import { isJsonObject, type Block, type JsonObject } from "../types.js";

/** A plain value, or an object already in Slack's shape (passed through). */
export type InputValue = string | string[] | JsonObject;

/** Elements that act but hold no value, so never appear in view.state. */
const STATELESS = new Set(["button", "overflow", "workflow_button"]);

const SINGLE_OPTION = new Set(["static_select", "external_select", "radio_buttons", "overflow"]);
const MULTI_OPTION = new Set(["multi_static_select", "multi_external_select", "checkboxes"]);

const SELECTED: Record<string, { field: string; initial: string; multi: boolean }> = {
  users_select: { field: "selected_user", initial: "initial_user", multi: false },
  multi_users_select: { field: "selected_users", initial: "initial_users", multi: true },
  conversations_select: { field: "selected_conversation", initial: "initial_conversation", multi: false },
  multi_conversations_select: { field: "selected_conversations", initial: "initial_conversations", multi: true },
  channels_select: { field: "selected_channel", initial: "initial_channel", multi: false },
  multi_channels_select: { field: "selected_channels", initial: "initial_channels", multi: true },
  datepicker: { field: "selected_date", initial: "initial_date", multi: false },
  timepicker: { field: "selected_time", initial: "initial_time", multi: false },
  datetimepicker: { field: "selected_date_time", initial: "initial_date_time", multi: false },
};

function options(element: JsonObject): JsonObject[] {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups) ? element.option_groups.flatMap((g: unknown) => (isJsonObject(g) && Array.isArray(g.options) ? g.options : [])) : [];
  return [...direct, ...grouped].filter(isJsonObject);
}

function option(element: JsonObject, value: string): JsonObject {
  const found = options(element).find((o) => o.value === value);
  if (found) return found;
  if (element.type === "external_select" || element.type === "multi_external_select") {
    return { text: { type: "plain_text", text: value }, value };
  }
  throw new Error(`fake slack: element ${String(element.action_id)} has no option with value "${value}"`);
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const single = (value: string | string[]): string => (Array.isArray(value) ? (value[0] ?? "") : value);

/** The value fields of an element's state: `{ type, value }`, `{ type, selected_option }`… */
export function elementValue(element: JsonObject, input: InputValue | undefined): JsonObject {
  const type = String(element.type);
  if (isJsonObject(input)) return { type, ...input };
  if (type === "button") return { type, value: input === undefined ? element.value : single(input) };
  if (SINGLE_OPTION.has(type)) {
    return { type, selected_option: input === undefined ? (element.initial_option ?? null) : option(element, single(input)) };
  }
  if (MULTI_OPTION.has(type)) {
    return { type, selected_options: input === undefined ? (element.initial_options ?? []) : list(input).map((v) => option(element, v)) };
  }
  const selected = SELECTED[type];
  if (selected) {
    const initial = element[selected.initial] ?? (selected.multi ? [] : null);
    const given = input === undefined ? initial : selected.multi ? list(input) : single(input);
    const value = type === "datetimepicker" && typeof given === "string" ? Number(given) : given;
    return { type, [selected.field]: value };
  }
  // A file_input holds the files the user picked: given as file ids, reported as file objects ({ id, name… } when known).
  if (type === "file_input") return { type, files: input === undefined ? [] : list(input).map((id) => ({ id })) };
  if (type === "number_input" || type.endsWith("text_input")) {
    return { type, value: input === undefined ? (element.initial_value ?? null) : single(input) };
  }
  return { type, value: input === undefined ? null : single(input) };
}

export interface LocatedElement {
  blockId: string;
  actionId: string;
  element: JsonObject;
  /** The block holding the element. */
  block: Block;
}

/**
 * Every interactive element of some blocks, with the ids Slack would report.
 * Slack makes up block and action ids when the app gives none; so does this.
 */
export function interactiveElements(blocks: readonly Block[]): LocatedElement[] {
  const found: LocatedElement[] = [];
  blocks.forEach((block, b) => {
    const blockId = typeof block.block_id === "string" ? block.block_id : `block-${b}`;
    const elements = elementsOf(block);
    elements.forEach((element, e) => {
      if (!isJsonObject(element) || typeof element.type !== "string" || element.type === "image") return;
      const actionId = typeof element.action_id === "string" ? element.action_id : `action-${b}-${e}`;
      found.push({ blockId, actionId, element, block });
    });
  });
  return found;
}

function elementsOf(block: Block): unknown[] {
  if (block.type === "input") return [block.element];
  if (block.type === "section") return [block.accessory];
  if (block.type === "actions" && Array.isArray(block.elements)) return block.elements;
  return [];
}

/** `view.state.values` for the stateful elements of a view, after the user entered `inputs`. */
export function stateValues(blocks: readonly Block[], inputs: Record<string, Record<string, InputValue>> = {}): JsonObject {
  const values: Record<string, JsonObject> = {};
  for (const { blockId, actionId, element } of interactiveElements(blocks)) {
    if (!isStateful(element)) continue;
    const byAction = values[blockId] ?? {};
    byAction[actionId] = elementValue(element, inputs[blockId]?.[actionId]);
    values[blockId] = byAction;
  }
  for (const blockId of Object.keys(inputs)) {
    for (const actionId of Object.keys(inputs[blockId] ?? {})) {
      if (values[blockId]?.[actionId] === undefined) {
        throw new Error(`fake slack: the view has no input ${blockId}/${actionId}`);
      }
    }
  }
  return values;
}

export function isStateful(element: JsonObject): boolean {
  return !STATELESS.has(String(element.type));
}

/** A copy of a view's state with one element's value set. */
export function withValue(state: JsonObject, blockId: string, actionId: string, value: JsonObject): JsonObject {
  const block = isJsonObject(state[blockId]) ? state[blockId] : {};
  return { ...state, [blockId]: { ...block, [actionId]: value } };
}

/**
 * The state of a view after new input: what the user set earlier (through
 * block actions) stands unless `given` sets it again.
 */
export function mergeState(earlier: JsonObject, fresh: JsonObject, given: Record<string, Record<string, InputValue>> = {}): JsonObject {
  const merged: JsonObject = { ...fresh };
  for (const [blockId, byAction] of Object.entries(earlier)) {
    if (!isJsonObject(byAction)) continue;
    const block: JsonObject = isJsonObject(merged[blockId]) ? { ...merged[blockId] } : {};
    for (const [actionId, value] of Object.entries(byAction)) {
      if (given[blockId]?.[actionId] === undefined) block[actionId] = value;
    }
    merged[blockId] = block;
  }
  return merged;
}
