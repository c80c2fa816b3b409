// Checks Block Kit the way Slack's Web API does, answering with Slack's error
// codes and its `[ERROR] … [json-pointer:…]` messages, so that tests catch a
// message or view that real Slack would refuse. It covers the limits dondoc
// can run into (counts, lengths, required fields, duplicate ids), not every
// rule of every element.
import { isJsonObject, type JsonObject } from "../types.js";
import { BLOCK_KIT_LIMITS as L } from "./limits.js";

export interface BlockKitRefusal {
  /** Slack's error code: invalid_blocks, msg_blocks_too_long or invalid_arguments. */
  error: string;
  /** As in Slack's `response_metadata.messages`. */
  messages: string[];
}

const BLOCK_TYPES = new Set(["section", "header", "divider", "actions", "context", "input", "image", "rich_text", "markdown", "video", "file", "table", "context_actions"]);

const OPTION_ELEMENTS: Record<string, number> = {
  static_select: L.selectOptions,
  multi_static_select: L.selectOptions,
  overflow: L.overflowOptionsMax,
  checkboxes: L.checkboxOptions,
  radio_buttons: L.radioOptions,
};

const ELEMENT_TYPES = new Set([
  "button",
  "overflow",
  "datepicker",
  "timepicker",
  "datetimepicker",
  "checkboxes",
  "radio_buttons",
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "rich_text_input",
  "file_input",
  "image",
  "workflow_button",
  "static_select",
  "multi_static_select",
  "external_select",
  "multi_external_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "multi_conversations_select",
  "channels_select",
  "multi_channels_select",
]);

class Checker {
  readonly messages: string[] = [];
  private readonly blockIds = new Set<string>();

  fail(pointer: string, message: string): void {
    this.messages.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  }

  maxLength(value: unknown, max: number, pointer: string): void {
    if (typeof value === "string" && value.length > max) {
      this.fail(pointer, `must be less than ${max + 1} characters`);
    }
  }

  /** A text object: { type: plain_text | mrkdwn, text }. */
  text(value: unknown, pointer: string, max: number, opts: { plainOnly?: boolean; required?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.fail(pointer, "missing required field");
      return;
    }
    if (!isJsonObject(value)) return this.fail(pointer, "must be an object");
    const allowed = opts.plainOnly ? ["plain_text"] : ["plain_text", "mrkdwn"];
    if (typeof value.type !== "string" || !allowed.includes(value.type)) {
      this.fail(`${pointer}/type`, "must be a valid enum value");
    }
    if (typeof value.text !== "string" || value.text.length === 0) {
      return this.fail(`${pointer}/text`, "must be more than 0 characters");
    }
    this.maxLength(value.text, max, `${pointer}/text`);
  }

  list(value: unknown, pointer: string, min: number, max: number): unknown[] {
    if (!Array.isArray(value)) {
      this.fail(pointer, "must be an array");
      return [];
    }
    if (value.length < min) this.fail(pointer, `must provide an array of at least ${min} items`);
    if (value.length > max) this.fail(pointer, `must provide an array of no more than ${max} items`);
    return value;
  }

  blocks(value: unknown, pointer: string, max: number): void {
    this.list(value, pointer, 0, max).forEach((block, i) => this.block(block, `${pointer}/${i}`));
  }

  private block(block: unknown, p: string): void {
    if (!isJsonObject(block) || typeof block.type !== "string") {
      return this.fail(p, "must be an object with a type");
    }
    if (!BLOCK_TYPES.has(block.type)) return this.fail(`${p}/type`, `unsupported type: ${block.type}`);
    if (block.block_id !== undefined) {
      const id = String(block.block_id);
      this.maxLength(id, L.blockId, `${p}/block_id`);
      if (this.blockIds.has(id)) this.fail(`${p}/block_id`, `duplicate block_id: ${id}`);
      this.blockIds.add(id);
    }
    switch (block.type) {
      case "section":
        if (block.text === undefined && block.fields === undefined) {
          this.fail(p, "must provide text or fields");
        }
        this.text(block.text, `${p}/text`, L.sectionText);
        if (block.fields !== undefined) {
          this.list(block.fields, `${p}/fields`, 1, L.sectionFields).forEach((f, i) => this.text(f, `${p}/fields/${i}`, L.sectionFieldText));
        }
        if (block.accessory !== undefined) this.element(block.accessory, `${p}/accessory`);
        return;
      case "header":
        return this.text(block.text, `${p}/text`, L.headerText, { plainOnly: true, required: true });
      case "markdown":
        if (typeof block.text !== "string") return this.fail(`${p}/text`, "missing required field");
        return this.maxLength(block.text, L.markdownBlockText, `${p}/text`);
      case "actions":
        this.list(block.elements, `${p}/elements`, 1, L.actionsElements).forEach((e, i) => this.element(e, `${p}/elements/${i}`));
        return;
      case "context":
        this.list(block.elements, `${p}/elements`, 1, L.contextElements).forEach((e, i) => {
          const ep = `${p}/elements/${i}`;
          if (isJsonObject(e) && e.type === "image") this.element(e, ep);
          else this.text(e, ep, L.sectionText);
        });
        return;
      case "input":
        this.text(block.label, `${p}/label`, L.inputLabel, { plainOnly: true, required: true });
        this.text(block.hint, `${p}/hint`, L.inputHint, { plainOnly: true });
        if (block.element === undefined) return this.fail(`${p}/element`, "missing required field");
        return this.element(block.element, `${p}/element`);
      case "image":
        if (block.image_url === undefined && block.slack_file === undefined) {
          this.fail(p, "must provide image_url or slack_file");
        }
        this.maxLength(block.image_url, L.url, `${p}/image_url`);
        if (typeof block.alt_text !== "string") this.fail(`${p}/alt_text`, "missing required field");
        this.maxLength(block.alt_text, L.imageAltText, `${p}/alt_text`);
        return;
      case "rich_text":
        this.list(block.elements, `${p}/elements`, 1, Number.MAX_SAFE_INTEGER);
        return;
      default:
        return;
    }
  }

  private element(element: unknown, p: string): void {
    if (!isJsonObject(element) || typeof element.type !== "string") {
      return this.fail(p, "must be an object with a type");
    }
    if (!ELEMENT_TYPES.has(element.type)) return this.fail(`${p}/type`, `unsupported type: ${element.type}`);
    this.maxLength(element.action_id, L.actionId, `${p}/action_id`);
    this.text(element.placeholder, `${p}/placeholder`, L.placeholder, { plainOnly: true });
    if (element.type === "button") {
      this.text(element.text, `${p}/text`, L.buttonText, { plainOnly: true, required: true });
      this.maxLength(element.value, L.buttonValue, `${p}/value`);
      this.maxLength(element.url, L.url, `${p}/url`);
      if (element.style !== undefined && element.style !== "primary" && element.style !== "danger") {
        this.fail(`${p}/style`, "must be a valid enum value");
      }
    }
    if (element.type === "image") {
      this.maxLength(element.image_url, L.url, `${p}/image_url`);
      if (typeof element.alt_text !== "string") this.fail(`${p}/alt_text`, "missing required field");
    }
    const maxOptions = OPTION_ELEMENTS[element.type];
    if (maxOptions !== undefined) {
      if (element.option_groups !== undefined) {
        this.list(element.option_groups, `${p}/option_groups`, 1, L.selectOptions).forEach((g, i) => {
          const gp = `${p}/option_groups/${i}`;
          if (isJsonObject(g)) this.options(g.options, `${gp}/options`, L.selectOptions);
        });
      } else {
        this.options(element.options, `${p}/options`, maxOptions);
      }
    }
  }

  private options(value: unknown, p: string, max: number): void {
    this.list(value, p, 1, max).forEach((option, i) => {
      const op = `${p}/${i}`;
      if (!isJsonObject(option)) return this.fail(op, "must be an object");
      this.text(option.text, `${op}/text`, L.optionText, { required: true });
      if (typeof option.value !== "string") this.fail(`${op}/value`, "missing required field");
      this.maxLength(option.value, L.optionValue, `${op}/value`);
      this.text(option.description, `${op}/description`, L.optionDescription);
    });
  }
}

/** Sum of every `text` string in the blocks: what the cumulative limit counts. */
export function blocksTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + blocksTextLength(v), 0);
  if (!isJsonObject(value)) return 0;
  let n = 0;
  for (const [key, v] of Object.entries(value)) {
    n += key === "text" && typeof v === "string" ? v.length : blocksTextLength(v);
  }
  return n;
}

/** Blocks of chat.postMessage, chat.update, chat.postEphemeral and response_url posts. */
export function checkMessageBlocks(blocks: unknown): BlockKitRefusal | undefined {
  if (blocks === undefined) return undefined;
  const checker = new Checker();
  checker.blocks(blocks, "/blocks", L.messageBlocks);
  if (checker.messages.length > 0) return { error: "invalid_blocks", messages: checker.messages };
  const length = blocksTextLength(blocks);
  if (length > L.messageBlocksText) {
    return {
      error: "msg_blocks_too_long",
      messages: [`[ERROR] blocks hold ${length} characters of text, more than ${L.messageBlocksText} [json-pointer:/blocks]`],
    };
  }
  return undefined;
}

/** The `view` of views.open, views.push, views.update and views.publish. */
export function checkView(view: unknown, expectedType: "modal" | "home"): BlockKitRefusal | undefined {
  const checker = new Checker();
  const p = "/view";
  if (!isJsonObject(view)) {
    checker.fail(p, "must be an object");
    return { error: "invalid_arguments", messages: checker.messages };
  }
  if (view.type !== expectedType) checker.fail(`${p}/type`, `must be ${expectedType}`);
  if (JSON.stringify(view).length > L.viewBytes) checker.fail(p, `must be less than ${L.viewBytes} bytes`);
  checker.blocks(view.blocks, `${p}/blocks`, L.viewBlocks);
  checker.maxLength(view.private_metadata, L.privateMetadata, `${p}/private_metadata`);
  checker.maxLength(view.callback_id, L.callbackId, `${p}/callback_id`);
  checker.maxLength(view.external_id, L.externalId, `${p}/external_id`);
  if (expectedType === "modal") checkModalFrame(checker, view, p);
  return checker.messages.length > 0 ? { error: "invalid_arguments", messages: checker.messages } : undefined;
}

function checkModalFrame(checker: Checker, view: JsonObject, p: string): void {
  checker.text(view.title, `${p}/title`, L.viewTitle, { plainOnly: true, required: true });
  checker.text(view.submit, `${p}/submit`, L.viewSubmit, { plainOnly: true });
  checker.text(view.close, `${p}/close`, L.viewClose, { plainOnly: true });
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isJsonObject(b) && b.type === "input");
  if (hasInput && view.submit === undefined) {
    checker.fail(`${p}/submit`, "submit is required when the view has input blocks");
  }
}
