// A user acting in the fake workspace: the requests Slack would send to the
// app for it, and what Slack would do with the app's answers.
import type { BlockKitRefusal } from "../block-kit/validate.js";
import type { IdSource } from "../ids.js";
import { applyResponseMessage } from "../response-url-posts.js";
import type { ResponseOrigin, ResponseUrls } from "../response-urls.js";
import type { Channel, User } from "../state/directory.js";
import type { View } from "../state/surfaces.js";
import type { Workspace } from "../state/workspace.js";
import type { Triggers } from "../triggers.js";
import { isJsonObject, type Clock, type JsonObject } from "../types.js";
import { messageJson, viewJson } from "../wire.js";
import type { DeliveryOptions } from "./connection.js";
import { elementValue, isStateful, mergeState, stateValues, withValue, type InputValue } from "./element-values.js";
import { channelName, eventCallback, interactionBase, slashCommandFields } from "./payloads.js";
import { applyResponseAction } from "./response-actions.js";
import { locateAction } from "./locate.js";
import type { AppTransport, Delivered } from "./transport.js";

export interface SlashCommandInput {
  userId: string;
  channelId: string;
  /** With the slash: "/dondoc". */
  command: string;
  text?: string;
}

export interface BlockActionInput {
  userId: string;
  actionId: string;
  /** Only needed when the same action_id appears in several blocks. */
  blockId?: string;
  /** An option's value for selects, a date for date pickers…; a button sends its own value. */
  value?: InputValue;
  /** Where the element is: a view (modal or App Home)… */
  viewId?: string;
  /** …or a message; with channelId alone, the newest message there showing the action. */
  channelId?: string;
  messageTs?: string;
}

export interface ViewSubmissionInput {
  userId: string;
  /** The user's top modal when omitted; only the top modal can be submitted. */
  viewId?: string;
  /** block_id → action_id → value; inputs not given keep their initial values. */
  values?: Record<string, Record<string, InputValue>>;
}

export interface InteractionResult extends Delivered {
  triggerId: string;
  responseUrl?: string;
  /** Slack's refusal of what the app answered with (a message or a view), if it refused. */
  refusal?: BlockKitRefusal;
}

export interface EventDeliveryOptions extends DeliveryOptions {
  /**
   * Marks the delivery as Slack's retry: X-Slack-Retry-Num / X-Slack-Retry-Reason
   * over HTTP, retry_attempt / retry_reason over Socket Mode. (Signature and
   * header overrides apply to HTTP only.)
   */
  retryNum?: number;
  retryReason?: string;
}

export interface EventResult extends Delivered {
  /** The event_id, for redeliverEvent(). */
  eventId: string;
}

interface SentEvent {
  body: JsonObject;
  attempts: number;
  /** The Socket Mode envelope it last travelled in. */
  envelopeId?: string;
}

export interface DriverDeps {
  workspace: Workspace;
  triggers: Triggers;
  responseUrls: ResponseUrls;
  /** The transport in use now (it can be switched between deliveries). */
  transport: () => AppTransport;
  ids: IdSource;
  now: Clock;
  /** The fake's own origin, under which response URLs live. */
  origin: () => string;
}

/** file_input values carry the picked files' objects, as Slack's do (name, size, url_private…). */
function withFileObjects(state: JsonObject, workspace: Workspace): JsonObject {
  const out: JsonObject = {};
  for (const [blockId, byAction] of Object.entries(state)) {
    if (!isJsonObject(byAction)) continue;
    out[blockId] = Object.fromEntries(
      Object.entries(byAction).map(([actionId, v]) => {
        if (!isJsonObject(v) || v.type !== "file_input" || !Array.isArray(v.files)) return [actionId, v];
        const files = v.files.map((f) => {
          const stored = isJsonObject(f) && typeof f.id === "string" ? workspace.files.get(f.id) : undefined;
          return stored ? workspace.files.json(stored) : f;
        });
        return [actionId, { ...v, files }];
      }),
    );
  }
  return out;
}

export class Interactions {
  private readonly events = new Map<string, SentEvent>();

  constructor(private readonly deps: DriverDeps) {}

  async slashCommand(input: SlashCommandInput): Promise<InteractionResult> {
    const { workspace, triggers, responseUrls, origin } = this.deps;
    const user = this.user(input.userId);
    const channel = this.channel(input.channelId);
    const triggerId = triggers.issue(user.id);
    const from: ResponseOrigin = { kind: "command", channelId: channel.id, userId: user.id };
    const responseUrl = responseUrls.issue(origin(), from);
    const fields = slashCommandFields(workspace, {
      user,
      channel,
      command: input.command,
      text: input.text ?? "",
      responseUrl,
      triggerId,
    });
    const response = await this.deps.transport().slashCommand(fields);
    // A message in the acknowledgement is shown like a post to the response_url.
    const refusal = response.status === 200 ? this.showAckMessage(from, response.body) : undefined;
    return { ...response, triggerId, responseUrl, ...(refusal ? { refusal } : {}) };
  }

  async blockAction(input: BlockActionInput): Promise<InteractionResult> {
    const { workspace, triggers, responseUrls, origin, ids } = this.deps;
    const user = this.user(input.userId);
    const { container, found } = locateAction(workspace, input);
    const triggerId = triggers.issue(user.id);
    const action: JsonObject = {
      ...elementValue(found.element, input.value),
      action_id: found.actionId,
      block_id: found.blockId,
      action_ts: ids.nextTs(),
      ...(found.element.type === "button" ? { text: found.element.text } : {}),
      ...(found.element.style === undefined ? {} : { style: found.element.style }),
    };
    const payload: JsonObject = { ...interactionBase(workspace, "block_actions", user), trigger_id: triggerId, actions: [action] };
    let responseUrl: string | undefined;
    if (container.kind === "view") {
      const { view } = container;
      if (isStateful(found.element)) {
        const value = elementValue(found.element, input.value);
        workspace.surfaces.setState(view, withValue(view.stateValues, found.blockId, found.actionId, value));
      }
      Object.assign(payload, { container: { type: "view", view_id: view.id }, view: viewJson(view, workspace.team, workspace.bot) });
    } else {
      const { channel, message } = container;
      const ephemeral = container.kind === "ephemeral";
      responseUrl = responseUrls.issue(origin(), { kind: container.kind, channelId: channel.id, userId: user.id, ts: message.ts });
      Object.assign(payload, {
        container: { type: "message", message_ts: message.ts, channel_id: channel.id, is_ephemeral: ephemeral },
        channel: { id: channel.id, name: channelName(channel) },
        ...(container.kind === "message" ? { message: messageJson(container.message, workspace.team, workspace.bot) } : {}),
        state: { values: {} },
        response_url: responseUrl,
      });
    }
    const response = await this.deps.transport().interaction(payload, false);
    return { ...response, triggerId, ...(responseUrl ? { responseUrl } : {}) };
  }

  /** Submits a modal; applies the app's response_action (errors, update, push, clear) as Slack does. */
  async viewSubmission(input: ViewSubmissionInput): Promise<InteractionResult> {
    const { workspace, triggers } = this.deps;
    const user = this.user(input.userId);
    const view = this.topModal(user.id, input.viewId);
    workspace.surfaces.setState(view, withFileObjects(mergeState(view.stateValues, stateValues(view.blocks, input.values), input.values), workspace));
    const triggerId = triggers.issue(user.id);
    const payload = {
      ...interactionBase(workspace, "view_submission", user),
      trigger_id: triggerId,
      view: viewJson(view, workspace.team, workspace.bot),
      response_urls: [],
    };
    const response = await this.deps.transport().interaction(payload, true);
    // Slack ignores an answer that comes too late or is not a 200: the modal stays as it was.
    const answered = response.status === 200 && !response.late;
    const refusal = answered ? applyResponseAction(workspace.surfaces, view, response.body) : undefined;
    return { ...response, triggerId, ...(refusal ? { refusal } : {}) };
  }

  /**
   * The user closes their top modal (clearing the stack if it has
   * clear_on_close). Slack tells the app only when the view asked with
   * notify_on_close; otherwise nothing is sent and this answers undefined.
   */
  async viewClosed(input: { userId: string; viewId?: string }): Promise<Delivered | undefined> {
    const { workspace } = this.deps;
    const user = this.user(input.userId);
    const view = this.topModal(user.id, input.viewId);
    const payload = {
      ...interactionBase(workspace, "view_closed", user),
      view: viewJson(view, workspace.team, workspace.bot),
      is_cleared: view.clearOnClose,
    };
    if (view.clearOnClose) workspace.surfaces.clearModals(user.id);
    else workspace.surfaces.closeTop(user.id);
    if (!view.notifyOnClose) return undefined;
    return this.deps.transport().interaction(payload, false);
  }

  async appHomeOpened(input: { userId: string; tab?: "home" | "messages" }): Promise<EventResult> {
    const { workspace, ids } = this.deps;
    const user = this.user(input.userId);
    const channel = workspace.directory.imChannel(user.id, workspace.bot.userId);
    const home = workspace.surfaces.home(user.id);
    return this.sendEvent({
      type: "app_home_opened",
      user: user.id,
      channel: channel.id,
      tab: input.tab ?? "home",
      event_ts: ids.nextTs(),
      ...(home ? { view: viewJson(home, workspace.team, workspace.bot) } : {}),
    });
  }

  /** Any Events API event, wrapped in its event_callback envelope. */
  async sendEvent(event: JsonObject, options: EventDeliveryOptions = {}): Promise<EventResult> {
    const { workspace, ids, now } = this.deps;
    const eventId = ids.nextId("Ev");
    const body = eventCallback(workspace, event, { eventId, eventTime: Math.floor(now() / 1000) });
    const { retryNum, retryReason, ...http } = options;
    const retry = retryNum === undefined && retryReason === undefined ? undefined : { num: retryNum ?? 1, reason: retryReason ?? "http_timeout" };
    const sent: SentEvent = { body, attempts: 1 };
    this.events.set(eventId, sent);
    const response = await this.deps.transport().event(body, { ...(retry ? { retry } : {}), http });
    if (response.envelopeId !== undefined) sent.envelopeId = response.envelopeId;
    return { ...response, eventId };
  }

  /**
   * Sends an event again as Slack retries one: the same body and event_id,
   * with X-Slack-Retry-Num over HTTP; over Socket Mode the same envelope
   * (same envelope_id) with retry_attempt one higher.
   */
  async redeliverEvent(eventId: string, retryReason?: string): Promise<EventResult> {
    const sent = this.events.get(eventId);
    if (!sent) throw new Error(`fake slack: no event ${eventId} was sent`);
    const transport = this.deps.transport();
    const retry = { num: sent.attempts, reason: retryReason ?? (transport.kind === "socket" ? "timeout" : "http_timeout") };
    sent.attempts += 1;
    const response = await transport.event(sent.body, { retry, ...(sent.envelopeId === undefined ? {} : { previous: sent.envelopeId }) });
    if (response.envelopeId !== undefined) sent.envelopeId = response.envelopeId;
    return { ...response, eventId };
  }

  private showAckMessage(from: ResponseOrigin, body: unknown): BlockKitRefusal | undefined {
    const message = typeof body === "string" ? { text: body } : isJsonObject(body) ? body : undefined;
    if (!message || (message.text === undefined && message.blocks === undefined)) return undefined;
    const result = applyResponseMessage(this.deps.workspace, from, message);
    return result.ok === true ? undefined : refusalOf(result);
  }

  private topModal(userId: string, viewId: string | undefined): View {
    const top = this.deps.workspace.surfaces.topModal(userId);
    if (!top) throw new Error(`fake slack: ${userId} has no modal open`);
    if (viewId !== undefined && top.id !== viewId) {
      throw new Error(`fake slack: view ${viewId} is not ${userId}'s top modal (${top.id} is)`);
    }
    return top;
  }

  private user(id: string): User {
    const user = this.deps.workspace.directory.user(id);
    if (!user) throw new Error(`fake slack: unknown user ${id}; seed() it first`);
    return user;
  }

  private channel(id: string): Channel {
    const channel = this.deps.workspace.directory.channel(id);
    if (!channel) throw new Error(`fake slack: unknown channel ${id}; seed() it first`);
    return channel;
  }
}

function refusalOf(result: JsonObject): BlockKitRefusal {
  const metadata = isJsonObject(result.response_metadata) ? result.response_metadata : {};
  const messages = Array.isArray(metadata.messages) ? metadata.messages.map(String) : [];
  return { error: String(result.error), messages };
}
