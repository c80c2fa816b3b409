// Checking the bot token before anything listens. Bolt, given only a token,
// calls auth.test from its constructor and leaves the promise for later: when
// Slack is unreachable the rejection is unhandled (a 460-line axios dump and
// the process gone), and when it is not, every request fails authorisation
// for good. Here auth.test is called first, retried while Slack cannot be
// reached, and its answer handed to Bolt (botId, botUserId) so that Bolt
// never calls it itself.
import { WebClient } from "@slack/web-api";
import { AppError } from "../errors.js";
import { errorInfo, type Logger } from "../log.js";

/** Slack's answers that mean the token itself is wrong: retrying cannot help. */
export const TOKEN_ERRORS = new Set(["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type", "team_access_not_granted"]);

/** Slack's answers after which a later attempt may work. */
const TRANSIENT_ERRORS = new Set(["ratelimited", "fatal_error", "internal_error", "service_unavailable", "request_timeout"]);

/** EX_CONFIG from sysexits.h: the configuration is wrong; restarting as is will not help. */
export const EXIT_CONFIG = 78;

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export interface RetryOptions {
  /** First wait; doubled after each failure up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Stop waiting (shutdown requested): throws the signal's reason. */
  signal?: AbortSignal;
}

/** True when an error from Slack means a token is wrong. */
export function isTokenError(error: unknown): boolean {
  const info = errorInfo(error);
  return info.kind === "slack_webapi_platform_error" && info.code !== undefined && TOKEN_ERRORS.has(info.code);
}

function isRetryable(error: unknown): boolean {
  const info = errorInfo(error);
  if (info.kind === "slack_webapi_request_error" || info.kind === "slack_webapi_rate_limited_error") return true;
  if (info.kind === "slack_webapi_http_error") return info.status === undefined || info.status >= 500 || info.status === 429 || info.status === 408;
  if (info.kind === "slack_webapi_platform_error") return info.code !== undefined && TRANSIENT_ERRORS.has(info.code);
  return false;
}

/**
 * auth.test with the bot token until Slack answers. Network errors, 5xx
 * and 429 are retried with exponential backoff (one log line per attempt,
 * Vietnamese and English); a refused token throws AppError
 * SLACK_TOKEN_INVALID naming SLACK_BOT_TOKEN (exit code EXIT_CONFIG).
 */
export async function verifyBotToken(options: { token: string; apiUrl?: string; log: Logger } & RetryOptions): Promise<BotIdentity> {
  const client = new WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    // Retries are ours (below), so that each one is reported.
    retryConfig: { retries: 0 },
    timeout: 10_000,
    // The library's own logger would print the failed request.
    logger: silentSlackLogger,
  });
  const initial = options.initialDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      const r = await client.auth.test();
      if (!r.bot_id || !r.user_id) {
        throw new AppError("SLACK_TOKEN_INVALID", { variable: "SLACK_BOT_TOKEN", error: "not_a_bot_token" });
      }
      options.log.info({ team: r.team_id, botUserId: r.user_id }, "Slack accepted the bot token");
      return { botId: r.bot_id, botUserId: r.user_id };
    } catch (e) {
      if (e instanceof AppError) throw e;
      const info = errorInfo(e);
      if (isTokenError(e) || !isRetryable(e)) {
        // Anything else that retrying cannot fix (a 404 from a wrong SLACK_API_URL, say) is configuration too.
        const variable = isTokenError(e) || !options.apiUrl ? "SLACK_BOT_TOKEN" : "SLACK_BOT_TOKEN / SLACK_API_URL";
        throw new AppError("SLACK_TOKEN_INVALID", { variable, error: info.status ? `HTTP ${info.status}` : (info.code ?? info.message) });
      }
      const delay = Math.min(max, initial * 2 ** (attempt - 1));
      const line = new AppError("SLACK_UNREACHABLE_RETRY", {
        reason: info.status ? `HTTP ${info.status}` : (info.code ?? "error"),
        attempt,
        seconds: Math.round(delay / 100) / 10,
      });
      options.log.warn({ code: info.code, status: info.status, attempt, retryInMs: delay }, `${line.text("vi")} / ${line.text("en")}`);
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const silentSlackLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => "error" as never,
  setName: () => undefined,
};
