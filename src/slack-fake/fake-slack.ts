// A fake Slack workspace on a local port: the Web API an app calls, the
// response URLs it posts to, and a user who drives the app with signed
// requests. For tests, benchmarks and a local workspace without Slack.
import { AppConnection, type AppResponse, type DeliveryOptions } from "./app-driver/connection.js";
import {
  Interactions,
  type BlockActionInput,
  type EventDeliveryOptions,
  type InteractionResult,
  type SlashCommandInput,
  type ViewSubmissionInput,
} from "./app-driver/interactions.js";
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

export interface FakeSlackOptions {
  /** Signs every request sent to the app. */
  signingSecret: string;
  /** The only token the Web API accepts (invalid_auth otherwise). */
  botToken: string;
  /** The app's request URL, e.g. http://127.0.0.1:3000/slack/events; or set it later with setAppUrl(). */
  appUrl?: string;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** chat.postMessage limits; off when omitted. */
  rateLimits?: RateLimitOptions;
  /** Delay before every Web API answer, to make benchmarks realistic. */
  latencyMs?: number;
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

export interface FakeSlack {
  /** Web API base for `clientOptions.slackApiUrl`: "http://127.0.0.1:PORT/api/". */
  readonly url: string;
  /** "http://127.0.0.1:PORT/" */
  readonly origin: string;
  /** Channels, users, messages, ephemeral messages, modal stacks, App Home views. */
  readonly workspace: Workspace;
  setAppUrl(url: string): void;
  seed(input: SeedInput): void;
  /** Web API calls and response_url posts (method "response_url"), oldest first. */
  calls(method?: string): readonly ApiCall[];
  clearCalls(): void;
  /** The next `times` calls of `method` ("*" for any) answer with `fault`. */
  failNext(method: string, fault: Fault, times?: number): void;
  /** A trigger_id as an interaction by this user would carry. */
  issueTrigger(userId: string): string;

  slashCommand(input: SlashCommandInput): Promise<InteractionResult>;
  blockAction(input: BlockActionInput): Promise<InteractionResult>;
  viewSubmission(input: ViewSubmissionInput): Promise<InteractionResult>;
  viewClosed(input: { userId: string; viewId?: string }): Promise<AppResponse | undefined>;
  appHomeOpened(input: { userId: string; tab?: "home" | "messages" }): Promise<AppResponse>;
  sendEvent(event: JsonObject, options?: EventDeliveryOptions): Promise<AppResponse>;
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
  const triggers = new Triggers(ids, now);
  const responseUrls = new ResponseUrls(ids, now);
  const callLog = new CallLog();
  const faults = new Faults();
  const webApi = new WebApi({
    context: { workspace, triggers, now },
    botToken: options.botToken,
    faults,
    rateLimiter: options.rateLimits ? new PostingRateLimiter(now, options.rateLimits) : undefined,
    callLog,
    logger,
  });
  const server = await startHttpServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    latencyMs: options.latencyMs ?? 0,
    logger,
    handle: (req, raw) => routeRequest({ webApi, responses: { workspace, responseUrls, callLog, now } }, req, raw),
  });
  const connection = new AppConnection(options.signingSecret, options.signingClock ?? now, options.appUrl);
  const interactions = new Interactions({
    workspace,
    triggers,
    responseUrls,
    connection,
    ids,
    now,
    origin: () => server.origin,
  });
  logger.info({ url: server.origin }, "fake slack listening");

  return {
    url: new URL(WEB_API_PATH, server.origin).toString(),
    origin: server.origin,
    workspace,
    setAppUrl: (url) => connection.setUrl(url),
    seed: (input) => workspace.seed(input),
    calls: (method) => callLog.list(method),
    clearCalls: () => callLog.clear(),
    failNext: (method, fault, times = 1) => faults.add(method, fault, times),
    issueTrigger: (userId) => triggers.issue(userId),
    slashCommand: (input) => interactions.slashCommand(input),
    blockAction: (input) => interactions.blockAction(input),
    viewSubmission: (input) => interactions.viewSubmission(input),
    viewClosed: (input) => interactions.viewClosed(input),
    appHomeOpened: (input) => interactions.appHomeOpened(input),
    sendEvent: (event, opts) => interactions.sendEvent(event, opts),
    postToApp: (raw, contentType, opts) => connection.post(raw, contentType, opts),
    close: () => server.close(),
  };
}
