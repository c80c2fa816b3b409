// Throw-away databases for the benchmarks: a PGlite data directory in a temp
// dir, or a fresh database on the PostgreSQL server, both migrated by
// openDatabase exactly as dondoc does at start-up.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/database.js";
import type { Logger } from "../../src/log.js";

export const DEFAULT_PG_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface ScratchDatabase {
  db: Database;
  /** Where the data is: a directory or a database URL. */
  location: string;
  /** Closes the database and deletes its data unless `keep`. */
  dispose(options?: { keep?: boolean }): Promise<void>;
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `dondoc-${prefix}-`));
}

export async function scratchPglite(log: Logger, dataDir?: string): Promise<ScratchDatabase> {
  const dir = dataDir ?? (await tempDir("bench"));
  const db = await openDatabase({ kind: "pglite", dataDir: dir }, log);
  return {
    db,
    location: dir,
    async dispose(options = {}) {
      await db.close();
      if (!options.keep) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates database `name` on the server of `serverUrl` (dropping a leftover
 * of the same name first) and opens it. The name carries the process id so
 * that two runs at once do not collide.
 */
export async function scratchPostgres(log: Logger, serverUrl = DEFAULT_PG_URL, name = `bench_dondoc_${process.pid}`): Promise<ScratchDatabase> {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new RangeError(`refusing to create database ${name}: bench databases are named bench_*`);
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let db: Database;
  try {
    db = await openDatabase({ kind: "postgres", url: url.toString() }, log);
  } catch (e) {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
    throw e;
  }
  return {
    db,
    location: url.toString(),
    async dispose(options = {}) {
      await db.close();
      if (!options.keep) await admin(serverUrl, `DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
