// The Bolt app: Socket Mode when an app-level token is configured (no public
// URL; suits closed government networks), otherwise HTTP on PORT with
// /slack/events for Slack and /healthz and /metrics for operators.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type AppOptions, HTTPModuleFunctions, HTTPReceiver } from "@slack/bolt";
import type { SlackConfig } from "../config/env.js";
import { AppError } from "../errors.js";
import { errorInfo } from "../log.js";
import { boltLogger } from "../log-slack.js";
import type { SlackDeps } from "./context.js";
import { guardSlackRequests, httpServerOptions } from "./http-guard.js";
import { isTokenError, verifyBotToken, type RetryOptions } from "./start-up.js";
import { registerActions } from "./listeners/actions.js";
import { registerCommand } from "./listeners/command.js";
import { registerHome } from "./listeners/home.js";
import { registerConfirmations } from "./listeners/confirmations.js";
import { registerDashboard } from "./listeners/dashboard.js";
import { registerExtensions } from "./listeners/extensions.js";
import { registerPlanImport } from "./listeners/plan-import.js";
import { registerObstacleLife } from "./listeners/obstacles.js";
import { registerReportSubmit } from "./listeners/report-submit.js";
import { registerUnitReports } from "./listeners/unit-reports.js";
import { metricsMiddleware } from "./metrics.js";
import { skipRedeliveries } from "./redelivery.js";
import { socketModeReceiver } from "./socket-mode.js";

export interface SlackRuntime {
  /** The HTTP port actually listened on (useful with port 0). */
  port: number;
  /** Resolves once no listener run is in flight (late answers, App Home refreshes and their retries done). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const ENDPOINTS = ["/slack/events"];

type StartOptions = {
  port: number;
  host?: string;
  healthy: () => Promise<boolean>;
  /** How long a request (headers and body) may take to arrive; REQUEST_TIMEOUT_MS by default. */
  requestTimeoutMs?: number;
  /** Waiting for Slack at start-up (auth.test retries). */
  startRetry?: RetryOptions;
  /** Socket Mode: the pause before the n-th reconnection attempt; reconnectDelayMs (1 s, 2 s, 4 s… 30 s) by default. */
  reconnectDelayMs?: (attempt: number) => number;
};

export async function startSlackApp(config: SlackConfig, deps: SlackDeps, options: StartOptions): Promise<SlackRuntime> {
  const inFlight = new Set<Promise<unknown>>();
  const logger = boltLogger(deps.log, () => deps.metrics.slackRateLimited.inc());
  const routes = operatorRoutes(deps, options.healthy);
  // Before anything listens: a wrong token stops here with one clear line.
  const identity = await verifyBotToken({ token: config.botToken, apiUrl: config.apiUrl, log: deps.log, ...options.startRetry });
  const clientOptions = slackClientOptions(config, deps);
  const receiver =
    config.mode === "http"
      ? new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: ENDPOINTS, customRoutes: routes.bolt, logger })
      : socketModeReceiver(config.appToken!, logger, clientOptions, deps.log, options.reconnectDelayMs);
  const app = new App({
    token: config.botToken,
    ...identity,
    logger,
    ...(config.mode === "socket" ? { socketMode: true } : {}),
    receiver,
    clientOptions,
  });
  useMiddleware(app, config, deps, inFlight);
  registerListeners(app, config, deps);
  const server = receiver instanceof HTTPReceiver ? guardedServer(receiver, logger, config, deps, options) : await startSocketMode(app, routes, options);
  const port = await listen(server, options.port, options.host ?? "0.0.0.0");
  deps.log.info({ mode: config.mode, port }, "Slack app started");
  return {
    port,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      if (!(receiver instanceof HTTPReceiver)) await app.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
      await Promise.race([Promise.allSettled([...inFlight]), deadline]);
      server.closeAllConnections();
      await closed;
    },
  };
}

function slackClientOptions(config: SlackConfig, deps: SlackDeps): AppOptions["clientOptions"] {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    // The default retries for up to 30 minutes. Everything here answers a
    // person who is waiting (a trigger_id lives 3 s): retry briefly, then
    // tell them. Retry-After on a 429 is still honoured.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1_000 },
    requestInterceptor: (request) => {
      deps.metrics.slackCalls.inc({ method: String(request.url ?? "").replace(/^.*\//, "") });
      return request;
    },
  };
}

/** What runs around every listener: redeliveries skipped, in-flight work tracked, metrics, unhandled errors logged. */
function useMiddleware(app: App, config: SlackConfig, deps: SlackDeps, inFlight: Set<Promise<unknown>>): void {
  // Before anything else: a delivery Slack repeats is acknowledged and skipped.
  app.use(skipRedeliveries(deps.log));
  // Track every listener run so that shutdown can let in-flight work finish.
  app.use(async ({ next }) => {
    const run = next();
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
    }
  });
  // Every command, button, form and App Home opening counted and timed in one place.
  app.use(metricsMiddleware(deps.metrics, config.command));
  app.error(async (error) => {
    deps.log.error({ err: errorInfo(error) }, "unhandled error in a Slack listener");
    deps.metrics.errors.inc({ where: "bolt" });
  });
}

function registerListeners(app: App, config: SlackConfig, deps: SlackDeps): void {
  registerCommand(app, deps, config.command);
  registerActions(app, deps);
  registerReportSubmit(app, deps);
  registerHome(app, deps);
  registerUnitReports(app, deps);
  registerPlanImport(app, deps);
  registerObstacleLife(app, deps);
  registerConfirmations(app, deps);
  registerExtensions(app, deps);
  registerDashboard(app, deps);
}

/**
 * Bolt's receiver behind dondoc's own server: the guard refuses oversized,
 * unsigned, badly timed and malformed requests before Bolt reads them,
 * and the server bounds how long a request may take (http-guard.ts says why).
 */
function guardedServer(receiver: HTTPReceiver, logger: ReturnType<typeof boltLogger>, config: SlackConfig, deps: SlackDeps, options: StartOptions): Server {
  const guarded = guardSlackRequests(receiver.requestListener, {
    signingSecret: config.signingSecret,
    endpoints: ENDPOINTS,
    log: deps.log,
    onRefused: (status) => deps.metrics.errors.inc({ where: `http:${status}` }),
  });
  return createServer(httpServerOptions(options.requestTimeoutMs), (req, res) => {
    try {
      guarded(req, res);
    } catch (error) {
      // What Bolt's own server does: 404 for paths it does not serve, 500 otherwise.
      HTTPModuleFunctions.defaultDispatchErrorHandler({ error: error as Error, logger, request: req, response: res });
    }
  });
}

/** Connects over Socket Mode; it has no HTTP server of its own, so the operator routes get one beside it. */
async function startSocketMode(app: App, routes: ReturnType<typeof operatorRoutes>, options: StartOptions): Promise<Server> {
  try {
    await app.start();
  } catch (e) {
    if (isTokenError(e)) throw new AppError("SLACK_TOKEN_INVALID", { variable: "SLACK_APP_TOKEN", error: errorInfo(e).code ?? "invalid_auth" });
    throw e;
  }
  return createServer(httpServerOptions(options.requestTimeoutMs), routes.node);
}

/** Listens, and says on which port (the one asked for, or the one given for port 0). */
async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

function operatorRoutes(deps: SlackDeps, healthy: () => Promise<boolean>) {
  const health = async (_req: IncomingMessage, res: ServerResponse) => {
    const ok = await healthy().catch(() => false);
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: ok ? "ok" : "database unreachable" }));
  };
  const metrics = async (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": deps.metrics.registry.contentType });
    res.end(await deps.metrics.registry.metrics());
  };
  return {
    bolt: [
      { path: "/healthz", method: ["GET"], handler: (req: IncomingMessage, res: ServerResponse) => void health(req, res) },
      { path: "/metrics", method: ["GET"], handler: (req: IncomingMessage, res: ServerResponse) => void metrics(req, res) },
    ],
    node: (req: IncomingMessage, res: ServerResponse) => {
      if (req.method === "GET" && req.url === "/healthz") return void health(req, res);
      if (req.method === "GET" && req.url === "/metrics") return void metrics(req, res);
      res.writeHead(404).end();
    },
  };
}
