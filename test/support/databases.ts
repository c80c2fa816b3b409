// The databases persistence tests run on: embedded PGlite always, and a
// fresh PostgreSQL database when TEST_DATABASE_URL points at a server
// (.ci/run sets it). Each test file gets a database in the migrated state:
// PGlite, one a worker already has open, emptied (test/support/pglite-pool.ts),
// or a new one from the migrated dump test/support/global-setup.ts makes once
// per run (a fresh migration when there is none, as in a test run without
// that setup); PostgreSQL, a new database copied from the migrated template.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.js";
import { createLogger } from "../../src/log.js";
import { leasePglite } from "./pglite-pool.js";

export const log = createLogger("silent");

export interface Backend {
  name: "pglite" | "postgres";
  open(): Promise<Database & { url?: string }>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

export const backends: Backend[] = [
  // One of this worker's open databases, reset (test/support/pglite-pool.ts).
  { name: "pglite", open: async () => leasePglite(await pgliteImage(), log) },
  ...(serverUrl ? [{ name: "postgres" as const, open: () => openFreshPostgres(serverUrl) }] : []),
];

/**
 * A dump held as bytes, handed to PGlite as its `loadDataDir` Blob. PGlite
 * reads the Blob once with arrayBuffer(), which Node 20 answers by reading
 * its stored copy back in chunks and joining them: 0.4 s of CPU, half of it
 * system time, for the 42 MB dump, on every database a test opens
 * (BENCHMARKS.md "Test suite"). Copying the bytes costs a few milliseconds.
 */
class DumpBlob extends Blob {
  readonly #dump: Uint8Array<ArrayBuffer>;
  constructor(dump: Uint8Array) {
    super([]);
    this.#dump = new Uint8Array(dump); // a plain copy: a Buffer's slice() is a view
  }
  override get size(): number {
    return this.#dump.byteLength;
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#dump.slice().buffer;
  }
}

async function readDump(path: string | undefined): Promise<Blob | undefined> {
  return path ? new DumpBlob(await readFile(path)) : undefined;
}

let image: Promise<Blob | undefined> | undefined;

/** The migrated PGlite dump, read once per test worker. */
export function pgliteImage(): Promise<Blob | undefined> {
  image ??= readDump(inject("pgliteImage"));
  return image;
}

let emptyImage: Promise<Blob | undefined> | undefined;

/** A new, empty in-memory PGlite (no migrations), started from a dump instead of running initdb. */
export async function emptyPglite(): Promise<PGlite> {
  emptyImage ??= readDump(inject("pgliteEmptyImage"));
  const dump = await emptyImage;
  const pg = new PGlite(dump ? { loadDataDir: dump } : undefined);
  await pg.waitReady;
  return pg;
}

/**
 * A new embedded data directory on disk that already holds the migrated
 * database, as `dondoc db migrate` leaves one: the run's migrated dump
 * unpacked into it (the dump is a tar of the data directory). For tests whose
 * subject is not the first start: a fresh directory costs initdb and every
 * migration in whatever opens it (about 5 s of CPU, 25 s on a busy machine).
 * Returns `<new temp dir>/data`; without the dump, an empty one (migrated on open).
 */
export async function migratedDataDir(prefix = "dondoc-data-"): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), prefix)), "data");
  await mkdir(dir);
  const path = inject("pgliteImage");
  if (path) await promisify(execFile)("tar", ["-xf", path, "-C", dir]);
  return dir;
}

/** Creates a new database on the test server (empty, or a copy of `template`); dropped again on close. */
export async function createScratchDatabase(url: string, template?: string | null): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dondoc_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function openFreshPostgres(url: string): Promise<Database & { url: string }> {
  const scratch = await createScratchDatabase(url, inject("postgresTemplate"));
  const db = await openDatabase({ kind: "postgres", url: scratch.url }, log);
  return {
    kind: db.kind,
    prisma: db.prisma,
    url: scratch.url,
    async close() {
      await db.close();
      await scratch.drop();
    },
  };
}
