import type { Command } from "commander";
import { loadConfig } from "../../config/env.js";
import { backupDatabase, restoreDatabase } from "../../db/backup.js";
import { backupFromRunningBot } from "../../db/backup-socket.js";
import { AppError } from "../../errors.js";
import type { CliContext, Common } from "../context.js";

/** `dondoc db migrate | backup FILE | restore FILE [--force]`. */
export function registerDb(program: Command, { common, withDb, print, io, env, usesOwnDatabase }: CliContext): void {
  const db = program.command("db").description("cơ sở dữ liệu / database");
  db.command("migrate")
    .description("áp dụng các bản cập nhật cấu trúc / apply migrations")
    .action(async () => {
      await withDb(async () => undefined);
      io.out("Cơ sở dữ liệu đã cập nhật / Database is up to date.");
    });
  common(db.command("backup").argument("<file>", "tệp sao lưu / backup file"))
    .description(
      "sao lưu toàn bộ dữ liệu vào một tệp (nhất quán, PGlite hoặc PostgreSQL, kể cả khi bot đang chạy) / back up every table to one file (consistent; PGlite or PostgreSQL, also while the bot runs)",
    )
    .action(async (file: string, opts: Common) => {
      // The embedded database while the bot runs: the bot serves the backup (src/db/backup-socket.ts).
      const config = usesOwnDatabase ? null : loadConfig(env).database;
      const viaBot = config?.kind === "pglite" ? await backupFromRunningBot(config.dataDir, file) : null;
      const r = viaBot ?? (await withDb((d) => backupDatabase(d.prisma, file)));
      const how = viaBot ? (opts.lang === "vi" ? " (do dondoc đang chạy cung cấp)" : " (served by the running dondoc)") : "";
      const tables = Object.keys(r.tables).length;
      print(opts, { ...r, viaRunningBot: viaBot !== null }, () =>
        opts.lang === "vi" ? `Đã sao lưu ${r.rows} dòng của ${tables} bảng vào ${file}${how}.` : `Backed up ${r.rows} rows of ${tables} tables to ${file}${how}.`,
      );
    });
  common(db.command("restore").argument("<file>", "tệp sao lưu / backup file").option("--force", "thay dữ liệu hiện có / replace the data already there"))
    .description("khôi phục từ tệp sao lưu, tất cả hoặc không gì cả (dừng bot trước) / restore from a backup, all or nothing (stop the bot first)")
    .action(async (file: string, opts: Common & { force?: boolean }) => {
      const r = await withDb((d) => restoreDatabase(d.prisma, file, { force: opts.force })).catch((e: unknown) => {
        // A restore replaces what a running bot is using: never under it.
        if (e instanceof AppError && e.code === "DB_IN_USE") throw new AppError("RESTORE_BOT_RUNNING", { dir: e.params.dir!, pid: e.params.pid! }, { cause: e });
        throw e;
      });
      const tables = Object.keys(r.tables).length;
      print(opts, r, () => (opts.lang === "vi" ? `Đã khôi phục ${r.rows} dòng của ${tables} bảng từ ${file}.` : `Restored ${r.rows} rows of ${tables} tables from ${file}.`));
    });
}
