// Bolt and @slack/web-api log through this adapter into dondoc's pino logger.
// @slack/web-api reports a 429 only as a log line (its RATE_LIMITED event is
// on clients Bolt creates internally), so the line is also counted.
import { LogLevel, type Logger as SlackLogger } from "@slack/logger";
import { errorInfo, type Logger } from "./log.js";

export function boltLogger(log: Logger, onRateLimited: () => void): SlackLogger {
  const child = log.child({ component: "slack" });
  let level: LogLevel = LogLevel.INFO;
  // Bolt passes errors as they are (the Web API's carry the whole request,
  // bot token included, and are circular): only their code and message.
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : m instanceof Error ? JSON.stringify(errorInfo(m)) : safeJson(m))).join(" ");
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => {
      const line = text(msg);
      if (line.includes("failed due to rate limiting")) onRateLimited();
      child.info(line);
    },
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
