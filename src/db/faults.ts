// Telling "the database is not there" apart from other failures, and
// describing any failure in a form fit for a log line.
//
// A lost database reaches dondoc in several shapes: Prisma's own errors
// (P1001, P1017, P2024...), a DriverAdapterError (a model query) or a
// PrismaClientKnownRequestError P2010 wrapping one (a raw query), whose cause
// carries the PostgreSQL SQLSTATE (57P01 when the server terminates the
// connection, 55000 when a database refuses connections, class 08 for
// connection failures) or the adapter's kind (DatabaseNotReachable,
// ConnectionClosed...); a node socket error; or PGlite's "PGlite is closed".
import { AppError } from "../errors.js";

interface AdapterCause {
  kind?: string;
  code?: string;
  originalCode?: string;
  message?: string;
  originalMessage?: string;
  severity?: string;
}

const PRISMA_CONNECTION_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024"]);
const ADAPTER_CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
/** SQLSTATEs of a server that is going away or refusing connections. */
const SQLSTATE_CONNECTION = /^(08|57P0[1-3]|53300)/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const CONNECTION_MESSAGES = /PGlite is clos(ed|ing)|Connection terminated|connection error|not currently accepting connections|the database system is (shutting down|starting up)/i;

type ErrorLike = { name?: string; code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: AdapterCause } }; cause?: unknown };

function adapterCause(e: ErrorLike): AdapterCause | undefined {
  if (e.meta?.driverAdapterError?.cause) return e.meta.driverAdapterError.cause;
  if (e.name === "DriverAdapterError" && e.cause && typeof e.cause === "object") return e.cause as AdapterCause;
  return undefined;
}

/** True when the error means the database cannot be reached or dropped the connection. */
export function isDatabaseFault(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "DB_UNAVAILABLE";
  if (!error || typeof error !== "object") return false;
  const e = error as ErrorLike;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CONNECTION_CODES.has(e.code) || SOCKET_CODES.has(e.code))) return true;
  const cause = adapterCause(e);
  if (cause) {
    if (cause.kind && ADAPTER_CONNECTION_KINDS.has(cause.kind)) return true;
    const state = cause.originalCode ?? cause.code ?? "";
    if (SQLSTATE_CONNECTION.test(state) || (state === "55000" && cause.severity === "FATAL")) return true;
    if (CONNECTION_MESSAGES.test(cause.originalMessage ?? cause.message ?? "")) return true;
  }
  if (typeof e.message === "string" && CONNECTION_MESSAGES.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error && isDatabaseFault(e.cause);
}

/**
 * A code and a one-line message for a log or an operator: never the error
 * object itself (an HTTP client error carries the request, with its token).
 * Prisma's message starts with a quote of the calling source; the driver's
 * own message is what says what happened.
 */
export function faultSummary(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: oneLine(error.message) };
  if (!error || typeof error !== "object") return { code: "UNKNOWN", message: oneLine(String(error)) };
  const e = error as ErrorLike;
  const cause = adapterCause(e);
  const codes = [typeof e.code === "string" ? e.code : undefined, cause?.originalCode ?? cause?.code ?? cause?.kind].filter(Boolean);
  const message = cause?.originalMessage ?? cause?.message ?? lastLine(typeof e.message === "string" ? e.message : "");
  return { code: codes.length ? [...new Set(codes)].join("/") : (e.name ?? "Error"), message: oneLine(message) };
}

/** The AppError the CLI prints for a lost database. */
export function databaseUnavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const { code, message } = faultSummary(error);
  return new AppError("DB_UNAVAILABLE", { reason: `${code}: ${message}` }, { cause: error });
}

function lastLine(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? "";
}

function oneLine(text: string): string {
  const s = text.replace(/\s+/g, " ").trim();
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}
