// Logical backup and restore, the same on PGlite and PostgreSQL.
//
// A backup is JSON Lines: a header naming the schema version (the applied
// migrations), then every row of every table as PostgreSQL's own to_jsonb,
// parents before children, then a trailer with the row counts (a file cut
// short is refused). It is read in one REPEATABLE READ transaction, so it is
// one consistent moment even while the bot writes (PostgreSQL), and restored
// with jsonb_populate_recordset in one transaction: all or nothing. Plain SQL
// on both engines means a backup taken on PGlite restores into PostgreSQL and
// the other way round. pg_dump is not used: it cannot read PGlite, and it
// would tie the file to one engine and one server version.
import { createReadStream, createWriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { PrismaClient } from "../generated/prisma/client.js";
import { AppError } from "../errors.js";

export const BACKUP_FORMAT = "dondoc-backup";
const FORMAT_VERSION = 1;
const PAGE = 2_000;
const BATCH = 500;
const LONG_TX = { maxWait: 60_000, timeout: 60 * 60_000 };

type Tx = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Applied migrations, in order: the schema version. */
  migrations: string[];
}

export interface BackupSummary {
  file: string;
  migrations: number;
  tables: Record<string, number>;
  rows: number;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function appliedMigrations(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ name: string }[]>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

/** dondoc's tables, every parent before its children (foreign keys). */
async function tablesInOrder(tx: Tx): Promise<string[]> {
  const tables = (
    await tx.$queryRawUnsafe<{ name: string }[]>(
      `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).map((t) => t.name);
  const edges = await tx.$queryRawUnsafe<{ child: string; parent: string }[]>(
    `SELECT c.relname::text AS child, p.relname::text AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return;
    visiting.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

/** Where a backup's lines go: awaited, so that a slow reader slows the reading down instead of filling memory. */
export type LineSink = (line: string) => Promise<void>;

/**
 * Writes a consistent backup, line by line, to `write`: one REPEATABLE READ
 * transaction, header first, trailer (the counts) last. The file and the
 * running bot's backup socket (backup-socket.ts) both use it.
 */
export async function writeBackup(prisma: PrismaClient, write: LineSink): Promise<Omit<BackupSummary, "file">> {
  return prisma.$transaction(
    async (tx) => {
      const migrations = await appliedMigrations(tx);
      const header: Header = { format: BACKUP_FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), migrations };
      await write(JSON.stringify(header));
      const tables: Record<string, number> = {};
      for (const table of await tablesInOrder(tx)) {
        tables[table] = 0;
        // One snapshot for the whole transaction: paging by ctid is stable.
        for (let offset = 0; ; offset += PAGE) {
          const rows = await tx.$queryRawUnsafe<{ r: string }[]>(`SELECT to_jsonb(t)::text AS r FROM ${quote(table)} t ORDER BY ctid LIMIT ${PAGE} OFFSET ${offset}`);
          for (const row of rows) await write(`{"t":${JSON.stringify(table)},"r":${row.r}}`);
          tables[table] += rows.length;
          if (rows.length < PAGE) break;
        }
      }
      await write(JSON.stringify({ end: true, tables } satisfies Trailer));
      return { migrations: migrations.length, tables, rows: Object.values(tables).reduce((a, b) => a + b, 0) };
    },
    { isolationLevel: "RepeatableRead", ...LONG_TX },
  );
}

/** The last line of a complete backup. */
export interface Trailer {
  end: true;
  tables: Record<string, number>;
}

/** The trailer, if `line` is one. */
export function parseTrailer(line: string): Trailer | null {
  try {
    const t = JSON.parse(line) as Partial<Trailer>;
    return t?.end === true && typeof t.tables === "object" && t.tables !== null ? (t as Trailer) : null;
  } catch {
    return null;
  }
}

/** Writes a consistent backup to `file` (via a temporary file, renamed when complete). */
export async function backupDatabase(prisma: PrismaClient, file: string): Promise<BackupSummary> {
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp, { encoding: "utf8", mode: 0o600 });
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await once(out, "drain");
  };
  try {
    const summary = await writeBackup(prisma, write);
    out.end();
    await once(out, "finish");
    await rename(tmp, file);
    return { file, ...summary };
  } catch (e) {
    out.destroy();
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Restores a backup into this database, in one transaction. Refuses a file
 * of another schema version, and a database that has data unless `force`
 * (which empties every table first, inside the same transaction).
 */
export async function restoreDatabase(prisma: PrismaClient, file: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const bad = (reason: string) => new AppError("BACKUP_BAD_FILE", { file, reason });
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (cause) {
    throw new AppError("FILE_NOT_FOUND", { file }, { cause });
  }
  let header: Header;
  try {
    header = JSON.parse(first.done ? "" : first.value) as Header;
  } catch {
    throw bad("header");
  }
  if (header?.format !== BACKUP_FORMAT || header.version !== FORMAT_VERSION || !Array.isArray(header.migrations)) throw bad("header");

  return prisma.$transaction(async (tx) => {
    const here = await appliedMigrations(tx);
    if (here.join("\n") !== header.migrations.join("\n")) {
      throw new AppError("BACKUP_SCHEMA_MISMATCH", { file, theirs: header.migrations.at(-1) ?? "—", ours: here.at(-1) ?? "—" });
    }
    const tables = await tablesInOrder(tx);
    const present = await Promise.all(
      tables.map(async (t) => (await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${quote(t)} LIMIT 1) x`))[0]!.n),
    );
    const nonEmpty = tables.filter((_, i) => present[i]! > 0);
    if (nonEmpty.length && !options.force) throw new AppError("RESTORE_NOT_EMPTY", { tables: nonEmpty.join(", ") });
    if (nonEmpty.length) await tx.$executeRawUnsafe(`TRUNCATE ${tables.map(quote).join(", ")} RESTART IDENTITY CASCADE`);

    const counts: Record<string, number> = {};
    let batch: unknown[] = [];
    let batchTable = "";
    const flush = async () => {
      if (!batch.length) return;
      await tx.$executeRawUnsafe(`INSERT INTO ${quote(batchTable)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(batchTable)}, $1::jsonb)`, JSON.stringify(batch));
      counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    let trailer: { end?: boolean; tables?: Record<string, number> } | null = null;
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      if (!next.value.trim()) continue;
      let line: { t?: string; r?: unknown; end?: boolean; tables?: Record<string, number> };
      try {
        line = JSON.parse(next.value) as typeof line;
      } catch {
        throw bad("line");
      }
      if (line.end) {
        trailer = line;
        break;
      }
      if (!line.t || !tables.includes(line.t) || typeof line.r !== "object") throw bad("table");
      if (line.t !== batchTable || batch.length >= BATCH) {
        await flush();
        batchTable = line.t;
      }
      batch.push(line.r);
    }
    await flush();
    if (!trailer?.tables) throw bad("end");
    for (const [t, n] of Object.entries(trailer.tables)) if ((counts[t] ?? 0) !== n) throw bad("count");
    // Sequences continue after the restored ids.
    const serials = await tx.$queryRawUnsafe<{ t: string; c: string }[]>(
      `SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      await tx.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(s.c)}) FROM ${quote(s.t)}), 0) + 1, false)`, quote(s.t), s.c);
    }
    return { file, migrations: here.length, tables: counts, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
  }, LONG_TX);
}
