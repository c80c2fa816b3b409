// Once per test run (integration and e2e projects): a migrated database to
// start every test database from, instead of migrating each one.
//   PGlite: a dump of a migrated data directory (PGlite.dumpDataDir), kept
//     in the temp folder under a name derived from the migrations and the
//     PGlite version, so that later runs reuse it; each test database is an
//     in-memory PGlite loaded from it (about three times faster than
//     migrating, BENCHMARKS.md "Test suite").
//   PostgreSQL (TEST_DATABASE_URL): a migrated template database, dropped at
//     the end; each test file's database is CREATE DATABASE ... TEMPLATE it.
// Every database is still opened with openDatabase, which runs the migration
// runner: on these it finds every migration applied.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { access, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/database.js";
import { migrate, readMigrations } from "../../src/db/migrate.js";
import { createLogger } from "../../src/log.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the migrated PGlite dump. */
    pgliteImage: string;
    /** Path of the dump of a new, empty PGlite database (initdb done, no migrations). */
    pgliteEmptyImage: string;
    /** Name of the migrated PostgreSQL template database, when TEST_DATABASE_URL is set. */
    postgresTemplate: string | null;
  }
}

const log = createLogger("silent");

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const migrations = await readMigrations();
  const key = createHash("sha256")
    .update(pgliteVersion())
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex")
    .slice(0, 16);
  project.provide("pgliteImage", await pgliteImage(`dondoc-test-pglite-${key}.tar`, migrations));
  project.provide("pgliteEmptyImage", await pgliteImage(`dondoc-test-pglite-empty-${pgliteVersion()}.tar`, []));

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("postgresTemplate", null);
    return async () => undefined;
  }
  const template = `dondoc_tpl_${key}_${randomBytes(3).toString("hex")}`;
  await admin(url, `CREATE DATABASE ${template}`);
  const u = new URL(url);
  u.pathname = `/${template}`;
  const db = await openDatabase({ kind: "postgres", url: u.toString(), poolSize: 1 }, log);
  await db.close();
  project.provide("postgresTemplate", template);
  return () => admin(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}

async function pgliteImage(name: string, migrations: Awaited<ReturnType<typeof readMigrations>>): Promise<string> {
  const path = join(tmpdir(), name);
  if (
    await access(path).then(
      () => true,
      () => false,
    )
  )
    return path;
  const client = new PGlite();
  await client.waitReady;
  // No migrations: the empty image is PGlite's own fresh database, untouched.
  if (migrations.length > 0)
    await migrate({ exec: async (sql) => void (await client.exec(sql)), query: async (sql, params) => (await client.query<never>(sql, params)).rows }, log, migrations);
  const dump = await client.dumpDataDir("none");
  await client.close();
  // Written aside and renamed: another run may be reading or writing it too.
  const partial = `${path}.${process.pid}.${randomBytes(3).toString("hex")}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return path;
}

function pgliteVersion(): string {
  // The package exports no ./package.json; find it next to its entry point.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = dirname(entry);
  for (let i = 0; i < 4; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
    } catch {
      // not here; one level up
    }
  }
  return "unknown";
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
