// A fake Slack workspace on a local port: the Web API an app calls, the
// response URLs it posts to, and a user who drives the app with signed
// requests. For tests, benchmarks and a local workspace without Slack.
import { AppConnection, type AppResponse, type DeliveryOptions } from "./app-driver/connection.js";
import {
  Interactions,
  type BlockActionInput,
  type EventDeliveryOptions,
  type EventResult,
  type InteractionResult,
  type SlashCommandInput,
  type ViewSubmissionInput,
} from "./app-driver/interactions.js";
import { httpTransport, socketTransport, type Delivered, type TransportKind } from "./app-driver/transport.js";
import { SocketModeServer, type DisconnectReason, type SocketConnection, type SocketModeOptions } from "./socket-mode/server.js";
import type { Envelope, EnvelopeResult } from "./socket-mode/envelopes.js";
import { CallLog, type ApiCall } from "./call-log.js";
import { Faults, type Fault } from "./faults.js";
import { routeRequest, WEB_API_PATH } from "./http-routes.js";
import { startHttpServer } from "./http-server.js";
import { IdSource } from "./ids.js";
import { PostingRateLimiter, type RateLimitOptions } from "./rate-limiter.js";
import { ResponseUrls } from "./response-urls.js";
import { Workspace, type BotIdentity, type SeedInput, type Team } from "./state/workspace.js";
import { Triggers } from "./triggers.js";
import { silentLogger, type Clock, type FakeSlackLogger, type JsonObject } from "./types.js";
import { WebApi } from "./web-api/dispatch.js";
import type { ApiContext } from "./web-api/method.js";
import { shareFile, type ShareFileInput } from "./files/share.js";

export interface FakeSlackOptions {
  /** Signs every request sent to the app. */
  signingSecret: string;
  /** The only token the Web API accepts (invalid_auth otherwise). */
  botToken: string;
  /** The app-level token (xapp-…) apps.connections.open accepts; FAKE_APP_TOKEN by default. */
  appToken?: string;
  /** How requests reach the app: signed HTTP posts (the default) or Socket Mode envelopes. */
  transport?: TransportKind;
  /** Socket Mode's pings, ack deadline and event re-delivery delays. */
  socketMode?: SocketModeOptions;
  /** The app's request URL, e.g. http://127.0.0.1:3000/slack/events; or set it later with setAppUrl(). */
  appUrl?: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The largest file files.getUploadURLExternal accepts; Slack's 1 GB by default. */
  fileSizeLimit?: number;
  /** chat.postMessage limits; off when omitted. */
  rateLimits?: RateLimitOptions;
  /** Delay before every Web API answer, to make benchmarks realistic. */
  latencyMs?: number;
  /**
   * How long a trigger_id can open a modal: Slack's 3 s (TRIGGER_LIFETIME_MS)
   * by default. Longer only for tests whose subject is not that deadline: on
   * a loaded machine the app can take more than 3 s to reach views.open.
   */
  triggerLifetimeMs?: number;
  now?: Clock;
  /**
   * The clock for X-Slack-Request-Timestamp; `now` when omitted. The app checks
   * that timestamp against its own wall clock (requests older than five
   * minutes are refused), so a fake whose `now` is moved to another day, as
   * the local workspace does, signs with the real time.
   */
  signingClock?: Clock;
  logger?: FakeSlackLogger;
  team?: Partial<Team>;
  bot?: Partial<BotIdentity>;
  seed?: SeedInput;
}

/** The fake's Socket Mode side: connections the app opened and envelopes sent on them. */
export interface FakeSocketMode {
  connections(): SocketConnection[];
  /** Resolves once `count` connections are open and not draining (after `hello`). */
  waitForConnections(count?: number, timeoutMs?: number): Promise<void>;
  /** Sends `disconnect` with this reason to every connection (or one); `link_disabled` also turns Socket Mode off. */
  disconnect(reason: DisconnectReason, connectionId?: string): void;
  /** Drops every connection without a close frame. */
  drop(): void;
  /** Turns Socket Mode back on after `link_disabled`. */
  enable(): void;
  /** Every envelope sent, with its attempts and acks. */
  envelopes(): readonly Envelope[];
  /** Sends an envelope again: same envelope_id, retry_attempt + 1. */
  redeliver(envelopeId: string, retryReason?: string): Promise<EnvelopeResult>;
}

export const FAKE_APP_TOKEN = "xapp-1-A0DONDOC-fake-app-token";

export interface FakeSlack {
  /** Web API base for `clientOptions.slackApiUrl`: "http://127.0.0.1:PORT/api/". */
  readonly url: string;
  /** "http://127.0.0.1:PORT/" */
  readonly origin: string;
  /** Channels, users, messages, ephemeral messages, modal stacks, App Home views. */
  readonly workspace: Workspace;
  setAppUrl(url: string): void;
  /** The transport requests to the app go by from now on. */
  readonly transport: TransportKind;
  setTransport(kind: TransportKind): void;
  readonly socketMode: FakeSocketMode;
  seed(input: SeedInput): void;
  /** Web API calls and response_url posts (method "response_url"), oldest first. */
  calls(method?: string): readonly ApiCall[];
  clearCalls(): void;
  /** The next `times` calls of `method` ("*" for any) answer with `fault`. */
  failNext(method: string, fault: Fault, times?: number): void;
  /** Drops the faults failNext queued and no call has used yet. */
  clearFaults(): void;
  /** The largest file files.getUploadURLExternal accepts from now on. */
  setFileSizeLimit(bytes: number): void;
  /** A trigger_id as an interaction by this user would carry. */
  issueTrigger(userId: string): string;

  slashCommand(input: SlashCommandInput): Promise<InteractionResult>;
  blockAction(input: BlockActionInput): Promise<InteractionResult>;
  viewSubmission(input: ViewSubmissionInput): Promise<InteractionResult>;
  viewClosed(input: { userId: string; viewId?: string }): Promise<Delivered | undefined>;
  appHomeOpened(input: { userId: string; tab?: "home" | "messages" }): Promise<EventResult>;
  /**
   * A user shares a file in a conversation (their DM with the bot by
   * default): the file is stored, a message carrying it is posted, and
   * `file_shared` is sent to the app. Returns the file's id and the event's result.
   */
  shareFile(input: ShareFileInput): Promise<{ fileId: string; event: EventResult }>;
  /** A file as a modal's file_input holds it once the user picked it (no event): its id, for viewSubmission values. */
  addFile(input: { userId: string; name: string; bytes: Buffer }): string;
  sendEvent(event: JsonObject, options?: EventDeliveryOptions): Promise<EventResult>;
  /** Slack's retry of an event: same body and event_id (over Socket Mode, the same envelope). */
  redeliverEvent(eventId: string, retryReason?: string): Promise<EventResult>;
  /** A raw request to the app, signed unless `options` forges the signature or timestamp. */
  postToApp(rawBody: string, contentType: string, options?: DeliveryOptions): Promise<AppResponse>;

  close(): Promise<void>;
}

const DEFAULT_TEAM: Team = { id: "T0DONDOC", domain: "dondoc-fake", name: "dondoc (fake)" };
const DEFAULT_BOT: BotIdentity = { userId: "U0DONDOCBOT", botId: "B0DONDOCBOT", appId: "A0DONDOC", name: "dondoc" };

export async function createFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const ids = new IdSource(now);
  const workspace = new Workspace({ ...DEFAULT_TEAM, ...options.team }, { ...DEFAULT_BOT, ...options.bot }, ids, now);
  if (options.seed) workspace.seed(options.seed);
  const triggers = new Triggers(ids, now, options.triggerLifetimeMs);
  const responseUrls = new ResponseUrls(ids, now);
  const callLog = new CallLog();
  const faults = new Faults();
  const api = webApiOf(options, { workspace, triggers, callLog, faults, now, logger });
  const server = await startHttpServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    latencyMs: options.latencyMs ?? 0,
    logger,
    handle: (req, raw, bytes) =>
      routeRequest(
        {
          webApi: api.webApi,
          responses: { workspace, responseUrls, callLog, now },
          files: { files: workspace.files, botToken: options.botToken },
          uploads: { workspace, callLog, now },
        },
        req,
        raw,
        bytes,
      ),
  });
  workspace.files.setOrigin(server.origin);
  api.origin = server.origin;
  const sockets = new SocketModeServer({ server: server.server, origin: () => server.origin, appId: workspace.bot.appId, ids, now, logger }, options.socketMode);
  api.socketMode = sockets;
  const connection = new AppConnection(options.signingSecret, options.signingClock ?? now, options.appUrl);
  const transports = { http: httpTransport(connection), socket: socketTransport(sockets) };
  const transport = { kind: options.transport ?? ("http" as TransportKind) };
  const interactions = new Interactions({
    workspace,
    triggers,
    responseUrls,
    transport: () => transports[transport.kind],
    ids,
    now,
    origin: () => server.origin,
  });
  logger.info({ url: server.origin }, "fake slack listening");
  return fakeSlackHandle({ server, workspace, sockets, connection, transport, callLog, faults, context: api.context, triggers, interactions, ids });
}

/**
 * The Web API and what it reaches. It needs Socket Mode for
 * apps.connections.open, and Socket Mode needs the HTTP server for its
 * upgrades: the API reaches both through the returned object, set once the server is up.
 */
function webApiOf(
  options: FakeSlackOptions,
  parts: { workspace: Workspace; triggers: Triggers; callLog: CallLog; faults: Faults; now: Clock; logger: FakeSlackLogger },
): { webApi: WebApi; context: ApiContext; origin: string; socketMode: SocketModeServer | undefined } {
  const { workspace, triggers, now } = parts;
  const api = { origin: "http://127.0.0.1/", socketMode: undefined as SocketModeServer | undefined };
  const context: ApiContext = {
    workspace,
    triggers,
    now,
    origin: () => api.origin,
    ...(options.fileSizeLimit === undefined ? {} : { fileSizeLimit: options.fileSizeLimit }),
    socketMode: {
      get isEnabled() {
        return api.socketMode?.isEnabled ?? false;
      },
      openUrl: () => api.socketMode!.openUrl(),
    },
  };
  const webApi = new WebApi({
    context,
    botToken: options.botToken,
    appToken: options.appToken ?? FAKE_APP_TOKEN,
    faults: parts.faults,
    rateLimiter: options.rateLimits ? new PostingRateLimiter(now, options.rateLimits) : undefined,
    callLog: parts.callLog,
    logger: parts.logger,
  });
  return Object.assign(api, { webApi, context });
}

/** What tests, benchmarks and the local workspace hold: the fake's state and the interactions a user makes. */
function fakeSlackHandle(parts: {
  server: Awaited<ReturnType<typeof startHttpServer>>;
  workspace: Workspace;
  sockets: SocketModeServer;
  connection: AppConnection;
  transport: { kind: TransportKind };
  callLog: CallLog;
  faults: Faults;
  context: ApiContext;
  triggers: Triggers;
  interactions: Interactions;
  ids: IdSource;
}): FakeSlack {
  const { server, workspace, sockets, connection, transport, callLog, faults, context, triggers, interactions, ids } = parts;
  return {
    url: new URL(WEB_API_PATH, server.origin).toString(),
    origin: server.origin,
    workspace,
    setAppUrl: (url) => connection.setUrl(url),
    get transport() {
      return transport.kind;
    },
    setTransport: (kind) => void (transport.kind = kind),
    socketMode: {
      connections: () => sockets.connections(),
      waitForConnections: (count, timeoutMs) => sockets.waitForConnections(count, timeoutMs),
      disconnect: (reason, id) => sockets.disconnect(reason, id),
      drop: () => sockets.drop(),
      enable: () => sockets.enable(),
      envelopes: () => sockets.sent(),
      redeliver: (id, reason) => sockets.redeliver(id, reason),
    },
    seed: (input) => workspace.seed(input),
    calls: (method) => callLog.list(method),
    clearCalls: () => callLog.clear(),
    failNext: (method, fault, times = 1) => faults.add(method, fault, times),
    clearFaults: () => faults.clear(),
    setFileSizeLimit: (bytes) => void (context.fileSizeLimit = bytes),
    issueTrigger: (userId) => triggers.issue(userId),
    slashCommand: (input) => interactions.slashCommand(input),
    blockAction: (input) => interactions.blockAction(input),
    viewSubmission: (input) => interactions.viewSubmission(input),
    viewClosed: (input) => interactions.viewClosed(input),
    appHomeOpened: (input) => interactions.appHomeOpened(input),
    shareFile: (input) => shareFile({ workspace, ids, interactions }, input),
    addFile: (input) => workspace.files.add(input).id,
    sendEvent: (event, opts) => interactions.sendEvent(event, opts),
    redeliverEvent: (eventId, reason) => interactions.redeliverEvent(eventId, reason),
    postToApp: (raw, contentType, opts) => connection.post(raw, contentType, opts),
    close: async () => {
      sockets.close();
      await server.close();
    },
  };
}
