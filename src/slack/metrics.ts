// Prometheus metrics, served at GET /metrics.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

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
