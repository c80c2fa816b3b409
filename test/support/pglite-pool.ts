// In-memory PGlite test databases, kept open per test worker and handed out
// again reset to the freshly migrated state. Opening one from the migrated
// dump costs about 1.4 s of user and 0.65 s of system CPU (BENCHMARKS.md
// "Where the suite's system time goes"); the reset below a few tens of
// milliseconds. The integration project shares one module graph per worker,
// so this pool outlives the file that filled it.
//
// What a reset restores, and why that is enough: every application table
// emptied and every sequence restarted (the standalone "Plan_statusVersion_seq"
// too, which TRUNCATE ... RESTART IDENTITY does not own); the session as
// new (DISCARD ALL: settings, prepared statements, LISTEN channels, advisory
// locks, temporary tables, sequence caches; an open transaction rolled back).
// A database whose schema, roles or database settings differ from the
// migrated one's after that (a test that altered them) is closed, not reused.
// Each lease gets its own PrismaClient over a view of the client that refuses
// queries once the lease is closed, so late work of one test (a timer, a
// request still in flight) cannot write into the next test's database.
import { PGlite } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { Database } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import type { Logger } from "../../src/log.js";

/** Idle databases a worker keeps (each holds ~300 MB). */
const MAX_IDLE = 2;
/** A reset that waits longer than this is stuck behind a transaction a test never ended. */
const RESET_TIMEOUT_MS = 10_000;

const idle: PGlite[] = [];
let migrated: { fingerprint: string; nonEmptyTables: string } | undefined;

/** How many databases this worker has opened (not reused); for the pool's own test. */
export const pgliteOpens = { count: 0 };

export async function leasePglite(image: Blob | undefined, log: Logger): Promise<Database> {
  const client = idle.pop() ?? (await openMigrated(image, log));
  let live = true;
  const closed = async () => {
    throw new Error("PGlite is closed");
  };
  const view = new Proxy(client, {
    get(target, prop) {
      if (!live && (prop === "query" || prop === "exec" || prop === "transaction")) return closed;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(view) as unknown as PrismaPg });
  return {
    kind: "pglite",
    prisma,
    async close() {
      if (!live) return;
      live = false;
      await prisma.$disconnect();
      await giveBack(client);
    },
  };
}

async function openMigrated(image: Blob | undefined, log: Logger): Promise<PGlite> {
  const client = new PGlite(image ? { loadDataDir: image } : undefined);
  await client.waitReady;
  pgliteOpens.count++;
  // As openDatabase does: from the dump it finds every migration applied.
  await migrate({ exec: async (sql) => void (await client.exec(sql)), query: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows }, log);
  migrated ??= { fingerprint: await fingerprint(client), nonEmptyTables: await nonEmptyTablesQuery(client) };
  return client;
}

async function giveBack(client: PGlite): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const reused = await Promise.race([
    resetToMigrated(client).then(
      () => true,
      () => false,
    ),
    new Promise<false>((r) => (timer = setTimeout(() => r(false), RESET_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (reused && idle.length < MAX_IDLE) idle.push(client);
  // Not awaited: a stuck database may never finish closing.
  else void client.close().catch(() => undefined);
}

/** Empties the database and its session back to the migrated state; throws when the schema changed. */
export async function resetToMigrated(client: PGlite): Promise<void> {
  if (client.isInTransaction()) await client.exec("ROLLBACK");
  await client.exec("DISCARD ALL"); // not in a transaction block, so on its own
  if (!migrated || (await fingerprint(client)) !== migrated.fingerprint) throw new Error("schema changed");
  const tables = await client.query<{ t: string }>(migrated.nonEmptyTables);
  const sequences = await client.query<{ s: string }>(`SELECT format('%I.%I', schemaname, sequencename) AS s FROM pg_sequences WHERE last_value IS NOT NULL`);
  const sql = [
    ...(tables.rows.length ? [`TRUNCATE ${tables.rows.map((r) => r.t).join(", ")} RESTART IDENTITY CASCADE`] : []),
    ...sequences.rows.map((r) => `ALTER SEQUENCE ${r.s} RESTART`),
  ];
  if (sql.length) await client.exec(sql.join(";\n"));
}

// One statement for every table: TRUNCATE costs ~10 ms a table even when empty.
async function nonEmptyTablesQuery(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ q: string }>(`
    SELECT string_agg(format('SELECT %L AS t WHERE EXISTS (SELECT 1 FROM %I.%I)', format('%I.%I', schemaname, tablename), schemaname, tablename), ' UNION ALL ') AS q
      FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename <> '_prisma_migrations'`);
  return rows[0]!.q;
}

/** The schema, roles and database-level settings, as one hash. */
async function fingerprint(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ f: string }>(`
    SELECT md5(string_agg(x, E'\\n' ORDER BY x)) AS f FROM (
      SELECT format('class %s.%s %s %s', n.nspname, c.relname, c.relkind, c.relrowsecurity) AS x
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
      UNION ALL
      SELECT format('column %s %s %s %s %s %s', a.attrelid::regclass, a.attname, a.atttypid::regtype, a.attnotnull, a.attisdropped, pg_get_expr(d.adbin, d.adrelid))
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%' AND a.attnum > 0
      UNION ALL
      SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace <> 'pg_catalog'::regnamespace
      UNION ALL
      SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
      UNION ALL
      SELECT format('trigger %s %s %s %s', tgrelid::regclass, tgname, tgenabled, md5(pg_get_triggerdef(oid))) FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL
      SELECT format('function %s %s', p.oid::regprocedure, md5(p.prosrc)) FROM pg_proc p WHERE p.pronamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
      UNION ALL
      SELECT format('sequence %s.%s %s %s %s %s %s %s', schemaname, sequencename, data_type, start_value, min_value, max_value, increment_by, cycle) FROM pg_sequences
      UNION ALL
      SELECT format('enum %s %s %s', enumtypid::regtype, enumsortorder, enumlabel) FROM pg_enum
      UNION ALL
      SELECT format('namespace %s', nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'
      UNION ALL
      SELECT format('extension %s %s', extname, extversion) FROM pg_extension
      UNION ALL
      SELECT format('role %s %s', rolname, rolsuper) FROM pg_roles
      UNION ALL
      SELECT format('setting %s %s %s', setdatabase, setrole, setconfig) FROM pg_db_role_setting
    ) parts`);
  return rows[0]!.f;
}
