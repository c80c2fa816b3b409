// What every command-line command works with: where to write, the
// environment, the database (opened for the command, or the one given), and
// the options every command takes (--json, --lang).
import { type Command, Option } from "commander";
import { loadConfig } from "../config/env.js";
import { type Database, openDatabase } from "../db/database.js";
import type { Lang } from "../errors.js";
import type { Logger } from "../log.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The options every command takes. */
export interface Common {
  json?: boolean;
  lang: Lang;
}

export interface CliContext {
  io: Io;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Who the audit log says did it: "cli:<user>". */
  actor: string;
  /** Whether commands run on a database given to run() (the tests') rather than the configured one. */
  usesOwnDatabase: boolean;
  /** Runs `fn` on the database: the one given to run(), or the configured one, opened and closed around it. */
  withDb<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** Prints `data` as JSON with --json, else the text. */
  print(opts: Common, data: unknown, text: () => string): void;
  /** Adds --json and --lang to a command. */
  common(cmd: Command): Command;
}

export function cliContext(options: { io: Io; env: NodeJS.ProcessEnv; log: Logger; actor: string; database?: Database }): CliContext {
  const { io, env, log, database } = options;
  return {
    io,
    env,
    log,
    actor: options.actor,
    usesOwnDatabase: database !== undefined,
    async withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
      if (database) return fn(database);
      const db = await openDatabase(loadConfig(env).database, log);
      let result: T;
      try {
        result = await fn(db);
      } catch (e) {
        // Closing a database that has gone away fails too; the first error is the one to report.
        await db.close().catch(() => undefined);
        throw e;
      }
      await db.close();
      return result;
    },
    print: (opts, data, text) => io.out(opts.json ? JSON.stringify(data, null, 2) : text()),
    common: (cmd) =>
      cmd
        .option("--json", "in kết quả dạng JSON / print JSON")
        .addOption(new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default(env.DONDOC_LANG === "en" ? "en" : "vi")),
  };
}
