import type { Command } from "commander";
import { backupDatabase, restoreDatabase } from "../../db/backup.js";
import type { CliContext, Common } from "../context.js";

/** `dondoc db migrate | backup FILE | restore FILE [--force]`. */
export function registerDb(program: Command, { common, withDb, print, io }: CliContext): void {
  const db = program.command("db").description("cơ sở dữ liệu / database");
  db.command("migrate")
    .description("áp dụng các bản cập nhật cấu trúc / apply migrations")
    .action(async () => {
      await withDb(async () => undefined);
      io.out("Cơ sở dữ liệu đã cập nhật / Database is up to date.");
    });
  common(db.command("backup").argument("<file>", "tệp sao lưu / backup file"))
    .description("sao lưu toàn bộ dữ liệu vào một tệp (nhất quán, PGlite hoặc PostgreSQL) / back up every table to one file (consistent; PGlite or PostgreSQL)")
    .action(async (file: string, opts: Common) => {
      const r = await withDb((d) => backupDatabase(d.prisma, file));
      const tables = Object.keys(r.tables).length;
      print(opts, r, () => (opts.lang === "vi" ? `Đã sao lưu ${r.rows} dòng của ${tables} bảng vào ${file}.` : `Backed up ${r.rows} rows of ${tables} tables to ${file}.`));
    });
  common(db.command("restore").argument("<file>", "tệp sao lưu / backup file").option("--force", "thay dữ liệu hiện có / replace the data already there"))
    .description("khôi phục từ tệp sao lưu, tất cả hoặc không gì cả / restore from a backup, all or nothing")
    .action(async (file: string, opts: Common & { force?: boolean }) => {
      const r = await withDb((d) => restoreDatabase(d.prisma, file, { force: opts.force }));
      const tables = Object.keys(r.tables).length;
      print(opts, r, () => (opts.lang === "vi" ? `Đã khôi phục ${r.rows} dòng của ${tables} bảng từ ${file}.` : `Restored ${r.rows} rows of ${tables} tables from ${file}.`));
    });
}
