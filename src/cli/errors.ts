// How the command line says an error and which exit code it ends with:
// 1 bad input or state, 2 usage (commander's own message), 69 the database
// cannot be reached, 70 unexpected.
import { CommanderError } from "commander";
import { databaseUnavailable, isDatabaseFault } from "../db/faults.js";
import { AppError, type Lang } from "../errors.js";
import { errorInfo, type Logger } from "../log.js";
import type { Io } from "./context.js";

/**
 * How an error is said: in the language asked for (--lang, DONDOC_LANG) alone,
 * in both (Vietnamese first) when none was asked for, as JSON with --json.
 */
export interface ErrorVoice {
  lang: Lang;
  explicit: boolean;
  json: boolean;
}

function say(e: AppError, io: Io, voice: ErrorVoice): void {
  if (voice.json) io.err(JSON.stringify({ error: e.json("cli") }, null, 2));
  else io.err(voice.explicit ? e.text(voice.lang, "cli") : e.bilingual("cli"));
}

/** Says the error; returns the exit code. */
export function reportError(e: unknown, io: Io, log: Logger, voice: ErrorVoice): number {
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; usage mistakes are already printed.
    return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : 2;
  }
  // A lost database is said in one line per language, never with Prisma's
  // quote of the calling source; exit 69 (EX_UNAVAILABLE): try again later.
  if (isDatabaseFault(e) || (e instanceof AppError && e.code === "JOB_INTERRUPTED")) {
    say(databaseUnavailable(e), io, voice);
    return 69;
  }
  if (e instanceof AppError) {
    say(e, io, voice);
    return 1;
  }
  const ref = `E${Date.now().toString(36)}`;
  log.error({ err: errorInfo(e), ref }, "unexpected error");
  say(new AppError("INTERNAL", { ref }), io, voice);
  return 70;
}
