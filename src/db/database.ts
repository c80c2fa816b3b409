// Opens dondoc's database: embedded PGlite in a data directory by default,
// PostgreSQL when DATABASE_URL says so. Migrations are applied on open.
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { startPgliteThread, type PgliteThread } from "./pglite-thread.js";
import { faultSummary } from "./faults.js";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Config } from "../config/env.js";
import { AppError } from "../errors.js";
import type { Logger } from "../log.js";
import { migrate, type SqlSession } from "./migrate.js";

export type { PrismaClient };
// `image`: a PGlite data directory dump (PGlite.dumpDataDir) to start an
// in-memory database from; the tests keep one of a migrated database.
export type DatabaseConfig = Config["database"] | { kind: "pglite"; dataDir: "memory"; image?: Blob } | { kind: "postgres"; url: string; poolSize?: number };

/** How the bot opens its database: PGlite in a thread of its own (pglite-thread.ts). */
export const BOT_DATABASE_OPTIONS = { pgliteThread: "worker" } as const;

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly prisma: PrismaClient;
  close(): Promise<void>;
}

export async function openDatabase(
  config: DatabaseConfig,
  log: Logger,
  /** `pgliteThread: "worker"`: run an embedded database in a thread of its own (the bot; see pglite-thread.ts). */
  options: { migrate?: boolean; pgliteThread?: "main" | "worker" } = {},
): Promise<Database> {
  const db =
    config.kind === "postgres"
      ? await openPostgres(config.url, log, config.poolSize)
      : options.pgliteThread === "worker" && config.dataDir !== "memory"
        ? await openPgliteWorker(config.dataDir, log)
        : await openPglite(config.dataDir, log, "image" in config ? config.image : undefined);
  if (options.migrate !== false) {
    try {
      await db.runMigrations();
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}

type OpenDatabase = Database & { runMigrations(): Promise<void> };

async function openPglite(dataDir: string, log: Logger, image?: Blob): Promise<OpenDatabase> {
  let release: (() => Promise<void>) | undefined;
  let client: PGlite;
  if (dataDir === "memory") {
    client = new PGlite(image ? { loadDataDir: image } : undefined);
  } else {
    const dir = resolve(dataDir);
    await mkdir(dir, { recursive: true });
    // PGlite has one connection and no lock of its own: a second process
    // opening the same directory would corrupt it, so refuse clearly instead
    // (src/db/data-dir-lock.ts: held as long as this process lives).
    release = await lockDataDir(dir);
    client = new PGlite(dir);
  }
  try {
    await client.waitReady;
  } catch (e) {
    await release?.();
    throw e;
  }
  // pglite-prisma-adapter 0.6 is typed against an older
  // @prisma/driver-adapter-utils; the interface it implements is the same at
  // run time (it ignores the newer argTypes field). test/db covers the types
  // dondoc stores (dates, arrays, decimals, JSON) on both databases.
  const adapter = new PrismaPGlite(client) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter });
  const session: SqlSession = {
    exec: async (sql) => void (await client.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
  };
  return {
    kind: "pglite",
    prisma,
    runMigrations: async () => void (await migrate(session, log)),
    async close() {
      await prisma.$disconnect();
      await client.close();
      await release?.();
    },
  };
}

async function openPgliteWorker(dataDir: string, log: Logger): Promise<OpenDatabase> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const release = await lockDataDir(dir);
  let thread: PgliteThread;
  try {
    thread = await startPgliteThread(dir);
  } catch (e) {
    await release();
    throw e;
  }
  const prisma = new PrismaClient({ adapter: thread.adapter as unknown as PrismaPg });
  return {
    kind: "pglite",
    prisma,
    runMigrations: async () => void (await migrate(thread.session, log)),
    async close() {
      await prisma.$disconnect();
      await thread.close();
      await release();
    },
  };
}

async function openPostgres(url: string, log: Logger, poolSize = 10): Promise<OpenDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // JIT compilation costs ~0.4 s per status query on a province-scale
    // dataset and saves nothing on queries this short (BENCHMARKS.md).
    options: "-c jit=off",
  });
  pool.on("error", (err) => log.error(faultSummary(err), "idle PostgreSQL connection failed"));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    async runMigrations() {
      let conn: pg.PoolClient;
      try {
        conn = await pool.connect();
      } catch (cause) {
        throw new AppError("DB_UNAVAILABLE", { reason: cause instanceof Error ? cause.message : String(cause) }, { cause });
      }
      try {
        await migrate(
          {
            exec: async (sql) => void (await conn.query(sql)),
            query: async <T>(sql: string, params?: unknown[]) => (await conn.query(sql, params)).rows as T[],
          },
          log,
        );
      } finally {
        conn.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
