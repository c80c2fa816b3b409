// How the long-running process (src/main.ts) stops: on SIGTERM/SIGINT, and
// on faults nothing else caught.
//
// - An unhandled promise rejection is one failed piece of work (a request, a
//   job step) whose caller dropped it; the rest of the process is intact, so
//   it is logged (code and message only) and the bot keeps serving.
// - An uncaught exception unwound a callback half-way and may have left
//   shared state inconsistent (Node's documentation: not safe to resume), so
//   the process stops as it does on SIGTERM (no new requests, work in flight
//   finishes, scheduler and database closed) and exits with EX_SOFTWARE (70)
//   for the process manager to restart it.
import { AppError } from "./errors.js";
import { errorInfo, type Logger } from "./log.js";

/** EX_SOFTWARE from sysexits.h: an internal error. */
export const EXIT_SOFTWARE = 70;

/** After this, a stop that has not finished is abandoned and the process exits anyway. */
const STOP_TIMEOUT_MS = 20_000;

export interface Lifecycle {
  /** Aborted when stopping starts: waits (such as start-up retries) give up. */
  readonly signal: AbortSignal;
  /** Things to close on stop, closed in reverse order of adding. */
  onStop(name: string, close: () => Promise<void>): void;
  /** Stops everything and ends the process with this exit code. */
  stop(reason: string, exitCode: number): Promise<void>;
}

export function createLifecycle(log: Logger, options: { exit?: (code: number) => void; onRejection?: () => void } = {}): Lifecycle {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const closers: { name: string; close: () => Promise<void> }[] = [];
  const abort = new AbortController();
  let stopping: Promise<void> | null = null;

  const stop = (reason: string, exitCode: number): Promise<void> => {
    if (stopping) return stopping;
    abort.abort(new AppError("INTERNAL", { ref: `stopping: ${reason}` }));
    log.info({ reason }, "stopping: no new requests, finishing work in flight");
    const force = setTimeout(() => {
      log.error({ reason, timeoutMs: STOP_TIMEOUT_MS }, "stop did not finish in time; exiting anyway");
      exit(exitCode || EXIT_SOFTWARE);
    }, STOP_TIMEOUT_MS);
    force.unref();
    stopping = (async () => {
      for (const { name, close } of closers.reverse()) {
        await close().catch((e: unknown) => log.error({ err: errorInfo(e), what: name }, "error while stopping"));
      }
      clearTimeout(force);
      log.info({ exitCode }, "stopped");
      exit(exitCode);
    })();
    return stopping;
  };

  process.once("SIGTERM", () => void stop("SIGTERM", 0));
  process.once("SIGINT", () => void stop("SIGINT", 0));
  process.on("unhandledRejection", (reason) => {
    log.error({ err: errorInfo(reason) }, "unhandled promise rejection; the rest keeps running");
    options.onRejection?.();
  });
  process.on("uncaughtException", (error) => {
    log.fatal({ err: errorInfo(error) }, "uncaught exception; stopping cleanly");
    if (stopping) return exit(EXIT_SOFTWARE); // a fault while stopping: stop now
    void stop("uncaught exception", EXIT_SOFTWARE);
  });

  return {
    signal: abort.signal,
    onStop: (name, close) => void closers.push({ name, close }),
    stop,
  };
}

/**
 * The command line's last resort: a rejection or exception nothing caught
 * is logged (code and message), the user gets the bilingual "unexpected
 * error" line with a reference instead of a stack (or minified source), and
 * the exit code is 70. A rejection lets the command finish (its database is
 * still closed properly); an exception ends the process at once.
 */
export function guardCliProcess(log: Logger, write: (line: string) => void = (l) => void process.stderr.write(`${l}\n`)): { failed(): boolean } {
  let failed = false;
  const report = (what: string, e: unknown) => {
    const ref = `E${Date.now().toString(36)}`;
    log.error({ err: errorInfo(e), ref }, what);
    if (!failed) write(new AppError("INTERNAL", { ref }).bilingual());
    failed = true;
    process.exitCode = EXIT_SOFTWARE;
  };
  process.on("unhandledRejection", (reason) => report("unhandled promise rejection", reason));
  process.on("uncaughtException", (error) => {
    report("uncaught exception", error);
    process.exit(EXIT_SOFTWARE);
  });
  return { failed: () => failed };
}
