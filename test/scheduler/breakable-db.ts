// Databases that can be taken away and brought back while a test runs.
//
// PGlite runs inside the process and cannot be stopped from outside: the
// client is wrapped so that, while "down", every query fails as a closed
// PGlite does. PostgreSQL: a scratch database on the test server stops
// accepting connections and its sessions are terminated, which is what
// clients see when the server stops (57P01, then refused connections); the
// shared server itself keeps running.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openDatabase, type Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { createScratchDatabase, log, pgliteImage } from "../support/databases.js";

export interface BreakableDatabase {
  db: Database;
  /** PostgreSQL: the scratch database's URL, for a CLI run against it. */
  url?: string;
  /** The database goes away: queries in flight and every later one fail. */
  cut(): Promise<void>;
  /** The database is back. */
  restore(): Promise<void>;
}

export async function breakablePglite(): Promise<BreakableDatabase> {
  // From the run's migrated dump (the migration below then finds nothing to do).
  const image = await pgliteImage();
  const client = new PGlite(image ? { loadDataDir: image } : undefined);
  await client.waitReady;
  let down = false;
  const closed = async () => {
    throw new Error("PGlite is closed");
  };
  const wrapped = new Proxy(client, {
    get(target, prop) {
      if (down && (prop === "query" || prop === "exec" || prop === "transaction")) return closed;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  await migrate({ exec: async (sql) => void (await client.exec(sql)), query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows }, log);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(wrapped) as unknown as PrismaPg });
  return {
    db: {
      kind: "pglite",
      prisma,
      async close() {
        await prisma.$disconnect();
        await client.close();
      },
    },
    cut: async () => void (down = true),
    restore: async () => void (down = false),
  };
}

export async function breakablePostgres(serverUrl: string): Promise<BreakableDatabase> {
  const scratch = await createScratchDatabase(serverUrl);
  const name = new URL(scratch.url).pathname.slice(1);
  const db = await openDatabase({ kind: "postgres", url: scratch.url, poolSize: 4 }, log);
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    url: scratch.url,
    db: {
      kind: "postgres",
      prisma: db.prisma,
      async close() {
        // A pool whose connections were terminated may never finish ending;
        // dropping the database WITH (FORCE) ends whatever is left.
        await Promise.race([db.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000).unref())]);
        await scratch.drop();
      },
    },
    async cut() {
      await admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
    },
    restore: () => admin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`),
  };
}
