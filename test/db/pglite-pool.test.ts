// The test databases a worker reuses (test/support/pglite-pool.ts): a
// database handed out again must be indistinguishable from one just opened
// from the migrated dump, or one test would see another's rows.
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { backends, pgliteImage } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";
import { pgliteOpens } from "../support/pglite-pool.js";

type Query = (sql: string) => Promise<string>;

/** Everything a test could leave behind, as JSON text: rows, sequences, the session. */
async function state(query: Query): Promise<Record<string, unknown>> {
  const parts: Record<string, string> = {
    rows: `SELECT json_object_agg(table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text ORDER BY table_name)
             FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    sequences: `SELECT json_object_agg(sequencename, coalesce(last_value::text, 'never') ORDER BY sequencename) FROM pg_sequences`,
    // plpgsql's own settings appear once a trigger has run; other dotted names are placeholders ("" unless set).
    settings: `SELECT json_object_agg(name, setting ORDER BY name) FROM pg_settings WHERE name NOT LIKE 'plpgsql.%' AND (name NOT LIKE '%.%' OR setting <> '')`,
    advisoryLocks: `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'`,
    channels: `SELECT count(*) FROM pg_listening_channels()`,
    prepared: `SELECT count(*) FROM pg_prepared_statements`,
    tempTables: `SELECT count(*) FROM pg_class WHERE relpersistence = 't'`,
  };
  const out: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(parts)) out[name] = JSON.parse(await query(`SELECT (${sql})::text AS v`));
  // Inside a transaction left open, now() stays that transaction's start.
  const before = await query("SELECT now()::text AS v");
  await new Promise((r) => setTimeout(r, 5));
  out.ownTransaction = before !== (await query("SELECT now()::text AS v"));
  return out;
}

const viaPrisma =
  (db: Database): Query =>
  async (sql) =>
    (await db.prisma.$queryRawUnsafe<{ v: string }[]>(sql))[0]!.v;

describe("a reused PGlite test database", () => {
  let fresh: Record<string, unknown>;
  let db: Database;
  beforeAll(async () => {
    const image = await pgliteImage();
    const pg = new PGlite(image ? { loadDataDir: image } : undefined);
    fresh = await state(async (sql) => (await pg.query<{ v: string }>(sql)).rows[0]!.v);
    await pg.close();
  }, 120_000);
  afterAll(async () => db?.close());

  it("comes back with no row, sequence value, setting, lock, channel or transaction of the test before", async () => {
    const used = await backends[0]!.open();
    await importOrg(used.prisma, await loadOrg(), { actor: "test" });
    await importPlan(used.prisma, await loadPlan(), { actor: "test" });
    for (const sql of [
      "SET statement_timeout = 12345",
      "SELECT set_config('TimeZone', 'America/New_York', false)",
      "SELECT set_config('dondoc.leftover', 'y', false)",
      "SELECT pg_advisory_lock(42)",
      "LISTEN dondoc_test",
      "PREPARE leftover AS SELECT 1",
      "CREATE TEMP TABLE leftover (id int)",
      "BEGIN",
      `UPDATE "Plan" SET "statusVersion" = 999`,
    ])
      await used.prisma.$executeRawUnsafe(sql);
    const dirty = await state(viaPrisma(used));
    // The test writes what a reset must undo: rows in many tables, the standalone sequence, the session.
    expect(Object.values(dirty.rows as Record<string, string>).filter((n) => n !== "0").length).toBeGreaterThan(5);
    expect((dirty.sequences as Record<string, string>).Plan_statusVersion_seq).not.toBe("never");
    expect(dirty).not.toMatchObject({ advisoryLocks: 0, channels: 0, prepared: 0, tempTables: 0, ownTransaction: true });

    const opens = pgliteOpens.count;
    await used.close();
    db = await backends[0]!.open();
    expect(await state(viaPrisma(db))).toEqual(fresh);
    expect(pgliteOpens.count).toBe(opens); // the same database, not a new one
    await expect(used.prisma.$queryRawUnsafe("SELECT 1")).rejects.toThrow(/closed/);
  });

  it("is not reused when a test changed its schema", async () => {
    await db.prisma.$executeRawUnsafe(`ALTER TABLE "Unit" ADD COLUMN leftover int`);
    const opens = pgliteOpens.count;
    await db.close();
    db = await backends[0]!.open();
    expect(pgliteOpens.count).toBe(opens + 1);
    expect(await state(viaPrisma(db))).toEqual(fresh);
    const columns = await db.prisma.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Unit' AND column_name = 'leftover'`);
    expect(columns).toEqual([]);
  });
});
