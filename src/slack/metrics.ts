// Prometheus metrics, served at GET /metrics, and the Bolt middleware that
// counts and times what Slack users do.
import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { AppError } from "../errors.js";
import { REPORT_MODAL } from "../views/report-modal.js";
import { parseCommand } from "./commands/parse.js";

export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: "dondoc_commands_total",
    help: "Slash commands and interactions handled, by name and outcome",
    labelNames: ["name", "outcome"] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: "dondoc_command_duration_seconds",
    help: "Time from receiving a command or interaction to the user's answer",
    labelNames: ["name"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "dondoc_errors_total",
    help: "Unexpected errors, by where they happened",
    labelNames: ["where"] as const,
    registers: [this.registry],
  });
  readonly slackCalls = new Counter({
    name: "dondoc_slack_api_calls_total",
    help: "Slack Web API calls made, by method",
    labelNames: ["method"] as const,
    registers: [this.registry],
  });
  readonly slackRateLimited = new Counter({
    name: "dondoc_slack_rate_limited_total",
    help: "Slack Web API answers 429 (rate limited)",
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: "dondoc_" });
  }
}

/** How a listener's run ended, as counted in dondoc_commands_total. */
export type Outcome = "ok" | "refused" | "invalid" | "duplicate" | "error";

/** A refusal dondoc worded for the user (an AppError) or an unexpected failure. */
export function outcomeOf(error: unknown): Outcome {
  return error instanceof AppError ? "refused" : "error";
}

const OUTCOME = "dondocOutcome";

/** Tells the metrics middleware how the listener's run ended ("ok" unless told otherwise). */
export function recordOutcome(context: Context, outcome: Outcome): void {
  context[OUTCOME] = outcome;
}

/** The name a request is counted under: the /kehoach subcommand, the button's action id, the form, the event. */
function metricName(body: AnyMiddlewareArgs["body"], command: string): string | null {
  const b = body as { command?: string; text?: string; type?: string; actions?: { action_id?: string }[]; view?: { callback_id?: string }; event?: { type?: string } };
  if (b.command === command) {
    const parsed = parseCommand(b.text ?? "");
    return parsed.kind === "command" ? parsed.name : "unknown";
  }
  if (b.type === "block_actions") return b.actions?.[0]?.action_id ?? null;
  if (b.type === "view_submission") return b.view?.callback_id === REPORT_MODAL.callbackId ? "report_submit" : (b.view?.callback_id ?? null);
  if (b.type === "event_callback" && b.event?.type === "app_home_opened") return "app_home";
  return null;
}

/**
 * One Bolt global middleware counts every command, button, form and App Home
 * opening, and times it from arrival to the end of its listener (the answer
 * and whatever it posts), so that no listener repeats the metrics code.
 */
export function metricsMiddleware(metrics: Metrics, command: string): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const name = metricName(body, command);
    if (name === null) return next();
    const started = performance.now();
    try {
      await next();
    } catch (error) {
      recordOutcome(context, "error");
      throw error;
    } finally {
      metrics.commands.inc({ name, outcome: (context[OUTCOME] as Outcome | undefined) ?? "ok" });
      metrics.latency.observe({ name }, (performance.now() - started) / 1000);
    }
  };
}
