// The Bolt app: Socket Mode when an app-level token is configured (no public
// URL; suits closed government networks), otherwise HTTP on PORT with
// /slack/events for Slack and /healthz and /metrics for operators.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type AppOptions } from "@slack/bolt";
import type { SlackConfig } from "../config/env.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackDeps } from "./context.js";
import { registerActions } from "./listeners/actions.js";
import { registerCommand } from "./listeners/command.js";
import { registerHome } from "./listeners/home.js";
import { registerReportSubmit } from "./listeners/report-submit.js";
import { skipRedeliveries } from "./redelivery.js";
import { socketModeReceiver } from "./socket-mode.js";


export interface SlackRuntime {
  /** The HTTP port actually listened on (useful with port 0). */
  port: number;
  stop(): Promise<void>;
}

export async function startSlackApp(
  config: SlackConfig,
  deps: SlackDeps,
  options: { port: number; host?: string; healthy: () => Promise<boolean> },
): Promise<SlackRuntime> {
  const inFlight = new Set<Promise<unknown>>();
  const logger = boltLogger(deps.log, () => deps.metrics.slackRateLimited.inc());
  const routes = operatorRoutes(deps, options.healthy);
  const clientOptions: AppOptions["clientOptions"] = {
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
  const app = new App({
    token: config.botToken,
    signingSecret: config.signingSecret,
    logger,
    ...(config.mode === "socket"
      ? { socketMode: true, receiver: socketModeReceiver(config.appToken!, logger, clientOptions, deps.log) }
      : { customRoutes: routes.bolt }),
    clientOptions,
  });
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
  app.error(async (error) => {
    deps.log.error({ err: error }, "unhandled error in a Slack listener");
    deps.metrics.errors.inc({ where: "bolt" });
  });
  registerCommand(app, deps, config.command);
  registerActions(app, deps);
  registerReportSubmit(app, deps);
  registerHome(app, deps);

  let port: number;
  let sideServer: Server | undefined;
  if (config.mode === "socket") {
    await app.start();
    // Socket Mode has no HTTP server of its own: serve the operator routes beside it.
    sideServer = createServer(routes.node);
    await new Promise<void>((resolve) => sideServer!.listen(options.port, options.host ?? "0.0.0.0", resolve));
    port = (sideServer.address() as AddressInfo).port;
  } else {
    const server = (await app.start(options.host ? { port: options.port, host: options.host } : options.port)) as Server;
    port = (server.address() as AddressInfo).port;
  }
  deps.log.info({ mode: config.mode, port }, "Slack app started");

  return {
    port,
    async stop() {
      await app.stop();
      await new Promise<void>((resolve) => (sideServer ? sideServer.close(() => resolve()) : resolve()));
      const deadline = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
      await Promise.race([Promise.allSettled([...inFlight]), deadline]);
    },
  };
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
