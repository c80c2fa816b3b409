// The databases persistence tests run on: embedded PGlite always, and a
// fresh PostgreSQL database when TEST_DATABASE_URL points at a server
// (.ci/run sets it). Each test file gets its own database.
import pg from "pg";
import { randomBytes } from "node:crypto";
import { openDatabase, type Database } from "../../src/db/database.js";
import { createLogger } from "../../src/log.js";

export const log = createLogger("silent");

export interface Backend {
  name: "pglite" | "postgres";
  open(): Promise<Database & { url?: string }>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

export const backends: Backend[] = [
  { name: "pglite", open: () => openDatabase({ kind: "pglite", dataDir: "memory" }, log) },
  ...(serverUrl ? [{ name: "postgres" as const, open: () => openFreshPostgres(serverUrl) }] : []),
];

/** Creates a new, empty database on the test server; dropped again on close. */
export async function createScratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `dondoc_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
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
  const scratch = await createScratchDatabase(url);
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
