// The dondoc command line: each group of commands registers itself
// (src/cli/commands); this file wires them and says their errors. Every
// command takes --json for scripting, --lang and --help.
import { userInfo } from "node:os";
import { Command } from "commander";
import type { Database } from "../db/database.js";
import type { Lang } from "../errors.js";
import { EXIT_SOFTWARE, guardCliProcess } from "../lifecycle.js";
import { createLogger, secretsFromEnv } from "../log.js";
import { registerDb } from "./commands/db.js";
import { registerDigest } from "./commands/digest.js";
import { registerHolidays } from "./commands/holidays.js";
import { registerJobs } from "./commands/jobs.js";
import { registerMembers } from "./commands/members.js";
import { registerOrg } from "./commands/org.js";
import { registerPlan } from "./commands/plan.js";
import { registerReport } from "./commands/report.js";
import { registerStatus } from "./commands/status.js";
import { registerUnits } from "./commands/units.js";
import { type CliContext, cliContext, type Io } from "./context.js";
import { type ErrorVoice, reportError } from "./errors.js";

/** The command groups, in the order --help lists them. */
const GROUPS: ((program: Command, ctx: CliContext) => void)[] = [
  registerOrg,
  registerPlan,
  registerStatus,
  registerUnits,
  registerMembers,
  registerHolidays,
  registerJobs,
  registerDigest,
  registerReport,
  registerDb,
];

const stdio: Io = {
  out: (t) => void process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => void process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
};

/**
 * Runs the CLI; returns the exit code (0 ok, 1 bad input or state, 2 usage, 69 database unavailable, 70 internal).
 * `database`: an open database to use instead of opening the configured one
 * for each command (left open); the tests pass one.
 */
export async function run(argv: string[], io: Io = stdio, env: NodeJS.ProcessEnv = process.env, database?: Database): Promise<number> {
  const log = createLogger(env.LOG_LEVEL ?? "warn", { secrets: [...secretsFromEnv(env), ...secretsFromEnv()] });
  const ctx = cliContext({ io, env, log, actor: `cli:${safeUser()}`, database });
  const program = new Command("dondoc")
    .description("dondoc (đôn đốc): theo dõi thực hiện kế hoạch / carry out a department's plan")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);
  for (const register of GROUPS) register(program, ctx);

  // The options of the command that runs, for saying its errors as asked.
  let voice: ErrorVoice = { lang: env.DONDOC_LANG === "en" ? "en" : "vi", explicit: env.DONDOC_LANG === "vi" || env.DONDOC_LANG === "en", json: false };
  program.hook("preAction", (_program, action) => {
    const opts = action.opts<{ lang?: Lang; json?: boolean }>();
    voice = { lang: opts.lang ?? voice.lang, explicit: voice.explicit || action.getOptionValueSource("lang") === "cli", json: opts.json === true };
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    return reportError(e, io, log, voice);
  }
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export async function main(argv: string[]): Promise<void> {
  const guard = guardCliProcess(createLogger(process.env.LOG_LEVEL ?? "warn"));
  const code = await run(argv);
  process.exitCode = guard.failed() && code === 0 ? EXIT_SOFTWARE : code;
}
