// Applies the committed migrations in prisma/migrations to either database.
//
// Why not `prisma migrate deploy`: over @prisma/adapter-pg it fails on a real
// PostgreSQL (prisma/orm#27403), and the Prisma 7 CLI needs a native engine
// download that cannot happen here (platform.md). This runner is the one path
// for both databases: it reads the same migration.sql files, records them in
// Prisma's own `_prisma_migrations` table (same columns and sha256 checksums,
// so `prisma migrate status` still reads it), applies each in a transaction,
// and holds a PostgreSQL advisory lock so that several instances starting at
// once apply each migration exactly once.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { AppError } from "../errors.js";
import type { Logger } from "../log.js";

/** The few operations the runner needs; implemented over pg and PGlite. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Any constant works; it only has to be the same for every dondoc instance.
const MIGRATION_LOCK_KEY = 4_263_115_650;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function migrate(session: SqlSession, log: Logger, migrations?: Migration[]): Promise<{ applied: string[] }> {
  const all = migrations ?? (await readMigrations());
  await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const rows = await session.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const m of all) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) throw new AppError("MIGRATION_MODIFIED", { name: m.name });
        continue;
      }
      try {
        await session.exec("BEGIN");
        await session.exec(m.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await session.exec("COMMIT");
      } catch (cause) {
        await session.exec("ROLLBACK").catch(() => undefined);
        throw new AppError("MIGRATION_FAILED", { name: m.name, reason: cause instanceof Error ? cause.message : String(cause) }, { cause });
      }
      log.info({ migration: m.name }, "applied migration");
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}
