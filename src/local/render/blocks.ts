// Block Kit as HTML for the local workspace: messages, App Home and modals.
// Blocks arrive as the app sent them (any JSON), so every field is read
// defensively and every string is escaped. Interactive elements carry the
// block_id and action_id the fake Slack reports for them (the fake's own
// interactiveElements() names elements that have none), which the page sends
// back when a person clicks or types.
import { interactiveElements, type Block } from "../../slack-fake/index.js";
import { attr, escapeHtml } from "./html.js";
import { mrkdwnToHtml, plainToHtml, type Names } from "./mrkdwn.js";

type Json = { [key: string]: unknown };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export interface RenderContext {
  names: Names;
  /** A view's state (block_id → action_id → value) and errors, for inputs. */
  state?: Json;
  errors?: Record<string, string>;
}

interface ElementIds {
  blockId: string;
  actionId: string;
}

/** A text object ({type: "mrkdwn" | "plain_text", text}) as HTML. */
export function textObjectHtml(value: unknown, names: Names): string {
  if (!isObject(value)) return "";
  const text = str(value.text) ?? "";
  return value.type === "mrkdwn" ? mrkdwnToHtml(text, names) : plainToHtml(text);
}

const plainText = (value: unknown): string => (isObject(value) ? (str(value.text) ?? "") : "");

export function blocksToHtml(blocks: readonly Block[], ctx: RenderContext): string {
  const ids = new Map<unknown, ElementIds>();
  for (const e of interactiveElements(blocks)) ids.set(e.element, { blockId: e.blockId, actionId: e.actionId });
  return blocks.map((block) => blockHtml(block, ids, ctx)).join("");
}

function blockHtml(block: Json, ids: Map<unknown, ElementIds>, ctx: RenderContext): string {
  const { names } = ctx;
  switch (block.type) {
    case "header":
      return `<div class="b-header">${plainToHtml(plainText(block.text))}</div>`;
    case "divider":
      return `<hr class="b-divider">`;
    case "section": {
      const text = block.text === undefined ? "" : `<div class="b-text">${textObjectHtml(block.text, names)}</div>`;
      const fields = objects(block.fields);
      const grid = fields.length === 0 ? "" : `<div class="b-fields">${fields.map((f) => `<div class="b-field">${textObjectHtml(f, names)}</div>`).join("")}</div>`;
      const accessory = isObject(block.accessory) ? `<div class="b-accessory">${elementHtml(block.accessory, ids, ctx, false)}</div>` : "";
      return `<div class="b-section"><div class="b-main">${text}${grid}</div>${accessory}</div>`;
    }
    case "context": {
      const parts = objects(block.elements).map((e) =>
        e.type === "image" ? `<span class="b-image-alt">${escapeHtml(str(e.alt_text) ?? "")}</span>` : `<span>${textObjectHtml(e, names)}</span>`,
      );
      return `<div class="b-context">${parts.join("")}</div>`;
    }
    case "actions":
      return `<div class="b-actions">${objects(block.elements)
        .map((e) => elementHtml(e, ids, ctx, false))
        .join("")}</div>`;
    case "input":
      return inputBlockHtml(block, ids, ctx);
    case "image":
      // External images are not loaded: the workspace works offline.
      return `<div class="b-image">🖼 ${escapeHtml(str(block.alt_text) ?? "")}</div>`;
    default:
      return `<div class="b-unsupported">[${escapeHtml(String(block.type))}]</div>`;
  }
}

const OPTIONAL = `<span class="optional">(không bắt buộc · optional)</span>`;

function inputBlockHtml(block: Json, ids: Map<unknown, ElementIds>, ctx: RenderContext): string {
  const element = isObject(block.element) ? block.element : undefined;
  const blockId = (element && ids.get(element)?.blockId) ?? str(block.block_id) ?? "";
  const optional = block.optional === true;
  const error = ctx.errors?.[blockId];
  const hint = block.hint === undefined ? "" : `<div class="hint">${plainToHtml(plainText(block.hint))}</div>`;
  const control = element ? elementHtml(element, ids, ctx, true, !optional) : "";
  return (
    `<div class="b-input${error ? " has-error" : ""}"${attr("data-block-id", blockId)}>` +
    `<label class="label">${plainToHtml(plainText(block.label))}${optional ? ` ${OPTIONAL}` : ""}</label>` +
    `${control}${hint}` +
    `<div class="field-error" role="alert">${error ? escapeHtml(error) : ""}</div>` +
    `</div>`
  );
}

/** The value an element shows: what the user last gave (view state), else its initial value. */
function current(ctx: RenderContext, at: ElementIds | undefined): Json | undefined {
  if (!at || !isObject(ctx.state)) return undefined;
  const block = ctx.state[at.blockId];
  const value = isObject(block) ? block[at.actionId] : undefined;
  return isObject(value) ? value : undefined;
}

function optionValue(option: unknown): string | undefined {
  return isObject(option) ? str(option.value) : undefined;
}

function options(element: Json): Json[] {
  return [...objects(element.options), ...objects(element.option_groups).flatMap((g) => objects(g.options))];
}

/**
 * An interactive element. `input` marks an input block's element, whose value
 * is sent with the submission; elsewhere (actions, accessories) a change is an
 * action sent at once.
 */
function elementHtml(element: Json, ids: Map<unknown, ElementIds>, ctx: RenderContext, input: boolean, required = false): string {
  const at = ids.get(element);
  const type = String(element.type);
  const data =
    attr("data-block-id", at?.blockId) + attr("data-action-id", at?.actionId) + attr("data-type", type) + (input ? ` data-input${required ? " data-required" : ""}` : "");
  const state = current(ctx, at);
  const placeholder = plainText(element.placeholder);
  switch (type) {
    case "button": {
      const style = element.style === "primary" || element.style === "danger" ? ` btn-${element.style}` : "";
      return `<button type="button" class="btn${style}"${data}>${plainToHtml(plainText(element.text))}</button>`;
    }
    case "static_select":
    case "overflow": {
      const chosen = state ? optionValue(state.selected_option) : optionValue(element.initial_option);
      const first = type === "overflow" ? "⋯" : placeholder || "—";
      const list = options(element)
        .map((o) => {
          const value = str(o.value) ?? "";
          const description = o.description === undefined ? "" : ` · ${plainText(o.description)}`;
          return `<option${attr("value", value)}${value === chosen ? " selected" : ""}>${escapeHtml(plainText(o.text) + description)}</option>`;
        })
        .join("");
      return `<select class="select"${data}><option value="">${escapeHtml(first)}</option>${list}</select>`;
    }
    case "multi_static_select": {
      const chosen = new Set((state ? objects(state.selected_options) : objects(element.initial_options)).map(optionValue));
      const list = options(element)
        .map((o) => {
          const value = str(o.value) ?? "";
          return `<option${attr("value", value)}${chosen.has(value) ? " selected" : ""}>${escapeHtml(plainText(o.text))}</option>`;
        })
        .join("");
      return `<select class="select" multiple size="4"${data}>${list}</select>`;
    }
    case "file_input": {
      const types = Array.isArray(element.filetypes) ? element.filetypes.filter((t): t is string => typeof t === "string") : [];
      return `<input type="file" class="text"${data}${attr("accept", types.length ? types.map((t) => `.${t}`).join(",") : undefined)}>`;
    }
    case "checkboxes":
    case "radio_buttons": {
      const kind = type === "checkboxes" ? "checkbox" : "radio";
      const chosen = new Set(
        state
          ? kind === "checkbox"
            ? objects(state.selected_options).map(optionValue)
            : [optionValue(state.selected_option)]
          : kind === "checkbox"
            ? objects(element.initial_options).map(optionValue)
            : [optionValue(element.initial_option)],
      );
      const group = `${at?.blockId ?? ""}.${at?.actionId ?? ""}`;
      const list = options(element)
        .map((o) => {
          const value = str(o.value) ?? "";
          return (
            `<label class="choice"><input type="${kind}"${attr("name", group)}${attr("value", value)}${chosen.has(value) ? " checked" : ""}>` +
            `<span>${textObjectHtml(o.text, ctx.names)}</span></label>`
          );
        })
        .join("");
      return `<div class="choices"${data}>${list}</div>`;
    }
    case "number_input": {
      const value = state ? state.value : element.initial_value;
      const step = element.is_decimal_allowed === true ? "any" : "1";
      return `<input type="number" class="text" inputmode="numeric"${data}${attr("step", step)}${attr("min", str(element.min_value))}${attr("max", str(element.max_value))}${attr("value", str(value))}${attr("placeholder", placeholder || undefined)}>`;
    }
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input": {
      const value = str(state ? state.value : element.initial_value);
      const max = typeof element.max_length === "number" ? element.max_length : undefined;
      if (element.multiline === true) {
        return `<textarea class="text" rows="4"${data}${attr("maxlength", max)}${attr("placeholder", placeholder || undefined)}>${escapeHtml(value ?? "")}</textarea>`;
      }
      const inputType = type === "email_text_input" ? "email" : type === "url_text_input" ? "url" : "text";
      return `<input type="${inputType}" class="text"${data}${attr("maxlength", max)}${attr("value", value)}${attr("placeholder", placeholder || undefined)}>`;
    }
    case "datepicker": {
      const value = str(state ? state.selected_date : element.initial_date);
      return `<input type="date" class="text"${data}${attr("value", value)}>`;
    }
    case "image":
      return `<span class="b-image-alt">🖼 ${escapeHtml(str(element.alt_text) ?? "")}</span>`;
    default:
      return `<span class="b-unsupported">[${escapeHtml(type)}]</span>`;
  }
}
