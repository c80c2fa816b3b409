// One structured logger for the whole process. Logs go to stderr so that the
// CLI's stdout stays clean for --json output.
//
// Secrets never reach the output, whatever a call site passes: errors thrown
// by the Slack Web API client carry the whole HTTP request (the bot token in
// `Authorization: Bearer xoxb-…` and in the `token=xoxb-…` form body), and
// database errors can carry the connection string. Three layers, all here:
//  1. the `err`/`error` serializers reduce any thrown value to
//     { code, method, status, message } (errorInfo below);
//  2. pino `redact` censors the known paths of headers, bodies and tokens;
//  3. the `streamWrite` hook scrubs every written line of token shapes
//     (xox[abpre]-…, xapp-…, `token=…`, `Bearer …`, passwords in database
//     URLs) and of the configured secret values themselves (bot and app
//     tokens, signing secret, database password), whatever key or message
//     they hide in.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

const REDACTED = "[redacted]";

/** Paths pino censors before serializing (one wildcard level each, as pino allows). */
const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "password",
  "*.password",
  "headers.authorization",
  "headers.Authorization",
  "*.headers.authorization",
  "*.headers.Authorization",
  "*.*.headers.authorization",
  "*.*.headers.Authorization",
  "config.data",
  "*.config.data",
  "*.*.config.data",
  "*.*.*.config.data",
  "*.config.headers.Authorization",
  "*.*.config.headers.Authorization",
  "*.*.*.config.headers.Authorization",
];

/** Shapes of secrets that are scrubbed from every line, configured or not. */
const SECRET_SHAPES: [RegExp, string][] = [
  [/xox[abpre]-[A-Za-z0-9-]+/g, `xox?-${REDACTED}`],
  [/xapp-[A-Za-z0-9-]+/g, `xapp-${REDACTED}`],
  // `token=…` in form bodies and query strings (any token, e.g. Slack's legacy verification token).
  [/(token=)[^&\s"'\\]+/gi, `$1${REDACTED}`],
  [/(Bearer\s+)[^\s"'\\]+/gi, `$1${REDACTED}`],
  // The password of any URL with credentials (postgresql://user:PASSWORD@host).
  [/([a-z][a-z0-9+.-]*:\/\/[^:/@\s"'\\]+:)[^@\s"'\\]+@/gi, `$1${REDACTED}@`],
];

/** The secret values in this environment, as they may appear in a log line. */
export function secretsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const values = [env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET, dbPassword(env.DATABASE_URL)];
  return values.filter((v): v is string => typeof v === "string" && v !== "");
}

function dbPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).password || undefined;
  } catch {
    return undefined;
  }
}

/** Every form a secret can take in a JSON log line: as is, URL-decoded, JSON-escaped. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const s of secrets) {
    // Very short values would blank out ordinary words; no real secret is that short.
    if (s.length < 4) continue;
    let decoded = s;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      // not percent-encoded
    }
    for (const f of [s, decoded]) {
      forms.add(f);
      forms.add(JSON.stringify(f).slice(1, -1));
      forms.add(encodeURIComponent(f));
    }
  }
  // Longest first, so that a secret containing another is replaced whole.
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A function that removes secrets (the given values and the known token shapes) from text. */
export function secretScrubber(secrets: readonly string[] = secretsFromEnv()): (text: string) => string {
  const forms = secretForms(secrets);
  return (text) => {
    let out = text;
    for (const f of forms) if (out.includes(f)) out = out.split(f).join(REDACTED);
    for (const [re, by] of SECRET_SHAPES) out = out.replace(re, by);
    return out;
  };
}

const scrubShapes = secretScrubber([]);

export interface ErrorInfo {
  /** The most specific code known: Slack's error (invalid_auth), a network code (ECONNREFUSED), a Prisma code (P1001), an AppError code. */
  code?: string;
  /** The Slack Web API method, when the error says which. */
  method?: string;
  /** The HTTP status of an HTTP error. */
  status?: number;
  /** The error's own kind, e.g. slack_webapi_request_error, PrismaClientKnownRequestError. */
  kind?: string;
  message: string;
  cause?: ErrorInfo;
}

const MAX_MESSAGE = 500;

/**
 * What may be logged of any thrown value: codes, the Slack method and a
 * short message with token shapes removed. Never the object itself: HTTP
 * client errors carry the request with its Authorization header and body.
 */
export function errorInfo(value: unknown, depth = 0): ErrorInfo {
  if (value === null || typeof value !== "object") return { message: scrubShapes(String(value)).slice(0, MAX_MESSAGE) };
  if (isErrorInfo(value)) return value;
  const e = value as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    retryAfter?: unknown;
    original?: { code?: unknown; config?: { url?: unknown } };
    errorCode?: unknown;
    cause?: unknown;
    originals?: unknown;
  };
  const info: ErrorInfo = { message: scrubShapes(typeof e.message === "string" ? e.message : String(value)).slice(0, MAX_MESSAGE) };
  const ownCode = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : undefined;
  const name = typeof e.name === "string" && e.name !== "Error" ? e.name : undefined;
  if (ownCode?.startsWith("slack_webapi_")) {
    info.kind = ownCode;
    if (typeof e.data?.error === "string") info.code = e.data.error;
    else if (typeof e.original?.code === "string") info.code = e.original.code;
    else if (ownCode === "slack_webapi_rate_limited_error") info.code = "ratelimited";
    else info.code = ownCode;
    if (typeof e.statusCode === "number") info.status = e.statusCode;
    const url = e.original?.config?.url;
    if (typeof url === "string") info.method = url.replace(/[?#].*$/, "").replace(/^.*\//, "");
  } else {
    if (ownCode !== undefined) info.code = ownCode;
    if (name !== undefined) info.kind = name;
  }
  if (depth < 2) {
    const cause = Array.isArray(e.originals) ? e.originals[0] : e.cause;
    if (cause !== undefined) info.cause = errorInfo(cause, depth + 1);
  }
  return info;
}

function isErrorInfo(v: object): v is ErrorInfo {
  return (
    !(v instanceof Error) &&
    Object.keys(v).every((k) => ["code", "method", "status", "kind", "message", "cause"].includes(k)) &&
    typeof (v as { message?: unknown }).message === "string"
  );
}

export interface LoggerOptions {
  /** Where lines go; stderr by default. */
  destination?: DestinationStream;
  /** Secret values to scrub; by default those in the environment (secretsFromEnv). */
  secrets?: readonly string[];
}

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", options: LoggerOptions = {}): Logger {
  const scrub = secretScrubber(options.secrets ?? secretsFromEnv());
  return pino(
    {
      level,
      base: { app: "dondoc" },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: (e: unknown) => errorInfo(e), error: (e: unknown) => (typeof e === "string" ? scrub(e) : errorInfo(e)) },
      hooks: { streamWrite: scrub },
    },
    options.destination ?? pino.destination(2),
  );
}
