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
import type { AppConnection, AppResponse, DeliveryOptions } from "./connection.js";
import { elementValue, isStateful, mergeState, stateValues, withValue, type InputValue } from "./element-values.js";
import { channelName, eventCallback, interactionBase, interactionForm, slashCommandForm } from "./payloads.js";
import { applyResponseAction } from "./response-actions.js";
import { locateAction } from "./locate.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

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

export interface InteractionResult extends AppResponse {
  triggerId: string;
  responseUrl?: string;
  /** Slack's refusal of what the app answered with (a message or a view), if it refused. */
  refusal?: BlockKitRefusal;
}

export interface EventDeliveryOptions extends DeliveryOptions {
  /** Sent as X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack does when it retries. */
  retryNum?: number;
  retryReason?: string;
}

export interface DriverDeps {
  workspace: Workspace;
  triggers: Triggers;
  responseUrls: ResponseUrls;
  connection: AppConnection;
  ids: IdSource;
  now: Clock;
  /** The fake's own origin, under which response URLs live. */
  origin: () => string;
}

export class Interactions {
  constructor(private readonly deps: DriverDeps) {}

  async slashCommand(input: SlashCommandInput): Promise<InteractionResult> {
    const { workspace, triggers, responseUrls, connection, origin } = this.deps;
    const user = this.user(input.userId);
    const channel = this.channel(input.channelId);
    const triggerId = triggers.issue(user.id);
    const from: ResponseOrigin = { kind: "command", channelId: channel.id, userId: user.id };
    const responseUrl = responseUrls.issue(origin(), from);
    const body = slashCommandForm(workspace, {
      user,
      channel,
      command: input.command,
      text: input.text ?? "",
      responseUrl,
      triggerId,
    });
    const response = await connection.post(body, FORM);
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
    const response = await this.deps.connection.post(interactionForm(payload), FORM);
    return { ...response, triggerId, ...(responseUrl ? { responseUrl } : {}) };
  }

  /** Submits a modal; applies the app's response_action (errors, update, push, clear) as Slack does. */
  async viewSubmission(input: ViewSubmissionInput): Promise<InteractionResult> {
    const { workspace, triggers } = this.deps;
    const user = this.user(input.userId);
    const view = this.topModal(user.id, input.viewId);
    workspace.surfaces.setState(view, mergeState(view.stateValues, stateValues(view.blocks, input.values), input.values));
    const triggerId = triggers.issue(user.id);
    const payload = {
      ...interactionBase(workspace, "view_submission", user),
      trigger_id: triggerId,
      view: viewJson(view, workspace.team, workspace.bot),
      response_urls: [],
    };
    const response = await this.deps.connection.post(interactionForm(payload), FORM);
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
  async viewClosed(input: { userId: string; viewId?: string }): Promise<AppResponse | undefined> {
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
    return this.deps.connection.post(interactionForm(payload), FORM);
  }

  async appHomeOpened(input: { userId: string; tab?: "home" | "messages" }): Promise<AppResponse> {
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
  async sendEvent(event: JsonObject, options: EventDeliveryOptions = {}): Promise<AppResponse> {
    const { workspace, ids, now, connection } = this.deps;
    const body = eventCallback(workspace, event, { eventId: ids.nextId("Ev"), eventTime: Math.floor(now() / 1000) });
    const { retryNum, retryReason, ...delivery } = options;
    const headers = {
      ...delivery.headers,
      ...(retryNum === undefined ? {} : { "x-slack-retry-num": String(retryNum) }),
      ...(retryReason === undefined ? {} : { "x-slack-retry-reason": retryReason }),
    };
    return connection.post(JSON.stringify(body), JSON_TYPE, { ...delivery, headers });
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
