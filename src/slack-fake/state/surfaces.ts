// Views: each user's stack of modals (at most three deep) and each user's App
// Home tab. A view keeps its id for life; every change gives it a new hash.
import type { IdSource } from "../ids.js";
import { isJsonObject, type Block, type JsonObject } from "../types.js";
import type { ChangeFeed } from "./changes.js";

export interface View {
  id: string;
  userId: string;
  type: "modal" | "home";
  callbackId: string;
  privateMetadata: string;
  externalId: string;
  hash: string;
  title?: JsonObject;
  submit?: JsonObject;
  close?: JsonObject;
  blocks: Block[];
  notifyOnClose: boolean;
  clearOnClose: boolean;
  rootViewId: string;
  previousViewId?: string;
  /** As Slack keeps it in `view.state.values`: block_id → action_id → value. */
  stateValues: JsonObject;
  /** Errors the app answered to the last submission with, by block_id. */
  errors?: Record<string, string>;
}

export class Surfaces {
  private readonly modalStacks = new Map<string, View[]>();
  private readonly homes = new Map<string, View>();
  private readonly byId = new Map<string, View>();

  constructor(
    private readonly ids: IdSource,
    private readonly changes: ChangeFeed,
  ) {}

  /** views.open: a new stack with this view alone. */
  openModal(userId: string, definition: JsonObject): View {
    for (const old of this.modalStacks.get(userId) ?? []) this.byId.delete(old.id);
    const view = this.create(userId, "modal", definition);
    this.modalStacks.set(userId, [view]);
    this.changes.emit({ kind: "modal", action: "opened", userId, viewId: view.id });
    return view;
  }

  /** views.push and response_action "push": on top of the user's open stack. */
  pushModal(userId: string, definition: JsonObject): View | undefined {
    const stack = this.modalStacks.get(userId);
    const top = stack?.at(-1);
    if (!stack || !top) return undefined;
    const view = this.create(userId, "modal", definition, { rootViewId: top.rootViewId, previousViewId: top.id });
    stack.push(view);
    this.changes.emit({ kind: "modal", action: "pushed", userId, viewId: view.id });
    return view;
  }

  /** views.update and response_action "update": same id, new content and hash. */
  update(view: View, definition: JsonObject): View {
    Object.assign(view, fieldsOf(definition, view.type), { hash: this.ids.nextViewHash() });
    delete view.errors;
    const change =
      view.type === "home"
        ? ({ kind: "home", action: "updated", userId: view.userId, viewId: view.id } as const)
        : ({ kind: "modal", action: "updated", userId: view.userId, viewId: view.id } as const);
    this.changes.emit(change);
    return view;
  }

  /** Closes the top modal (a submission answered with an empty body, or the user closing it). */
  closeTop(userId: string): View | undefined {
    const stack = this.modalStacks.get(userId);
    const view = stack?.pop();
    if (!stack || !view) return undefined;
    if (stack.length === 0) this.modalStacks.delete(userId);
    this.byId.delete(view.id);
    this.changes.emit({ kind: "modal", action: "closed", userId, viewId: view.id });
    return view;
  }

  /** response_action "clear", or closing with clear_on_close. */
  clearModals(userId: string): View[] {
    const closed: View[] = [];
    for (let view = this.closeTop(userId); view; view = this.closeTop(userId)) closed.push(view);
    return closed;
  }

  publishHome(userId: string, definition: JsonObject): View {
    const existing = this.homes.get(userId);
    if (existing) return this.update(existing, definition);
    const view = this.create(userId, "home", definition);
    this.homes.set(userId, view);
    this.changes.emit({ kind: "home", action: "published", userId, viewId: view.id });
    return view;
  }

  setState(view: View, values: JsonObject): void {
    view.stateValues = values;
  }

  setErrors(view: View, errors: Record<string, string>): void {
    view.errors = errors;
    this.changes.emit({ kind: "modal", action: "updated", userId: view.userId, viewId: view.id });
  }

  /** Open modals and App Home views. */
  view(id: string): View | undefined {
    return this.byId.get(id);
  }

  viewByExternalId(externalId: string): View | undefined {
    return [...this.byId.values()].find((v) => v.externalId !== "" && v.externalId === externalId);
  }

  /** Bottom first; the last one is what the user sees. */
  modalStack(userId: string): readonly View[] {
    return [...(this.modalStacks.get(userId) ?? [])];
  }

  topModal(userId: string): View | undefined {
    return this.modalStacks.get(userId)?.at(-1);
  }

  home(userId: string): View | undefined {
    return this.homes.get(userId);
  }

  private create(userId: string, type: "modal" | "home", definition: JsonObject, links: { rootViewId?: string; previousViewId?: string } = {}): View {
    const id = this.ids.nextId("V");
    const view: View = {
      id,
      userId,
      type,
      hash: this.ids.nextViewHash(),
      rootViewId: links.rootViewId ?? id,
      stateValues: {},
      ...fieldsOf(definition, type),
      ...(links.previousViewId === undefined ? {} : { previousViewId: links.previousViewId }),
    };
    this.byId.set(id, view);
    return view;
  }
}

type ViewFields = Pick<View, "callbackId" | "privateMetadata" | "externalId" | "blocks" | "notifyOnClose" | "clearOnClose" | "title" | "submit" | "close">;

function fieldsOf(definition: JsonObject, type: "modal" | "home"): ViewFields {
  const text = (value: unknown): JsonObject | undefined => (isJsonObject(value) ? value : undefined);
  const fields: ViewFields = {
    callbackId: typeof definition.callback_id === "string" ? definition.callback_id : "",
    privateMetadata: typeof definition.private_metadata === "string" ? definition.private_metadata : "",
    externalId: typeof definition.external_id === "string" ? definition.external_id : "",
    blocks: Array.isArray(definition.blocks) ? (definition.blocks as Block[]) : [],
    notifyOnClose: definition.notify_on_close === true,
    clearOnClose: definition.clear_on_close === true,
  };
  if (type === "modal") {
    fields.title = text(definition.title);
    fields.submit = text(definition.submit);
    fields.close = text(definition.close);
  }
  return fields;
}
