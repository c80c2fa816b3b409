// The migration runner: idempotent, safe when several instances start at
// once, all-or-nothing per migration, and strict about edited history.
import { afterAll, describe, expect, it } from "vitest";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../src/db/database.js";
import { migrate, readMigrations, type SqlSession } from "../../src/db/migrate.js";
import { AppError } from "../../src/errors.js";
import { createScratchDatabase, emptyPglite, log, migratedDataDir } from "../support/databases.js";

function pgliteSession(db: PGlite): SqlSession {
  return { exec: async (sql) => void (await db.exec(sql)), query: async (sql, params) => (await db.query<never>(sql, params)).rows };
}

describe("migration runner (PGlite)", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const pg = await emptyPglite();
    const s = pgliteSession(pg);
    const all = await readMigrations();
    expect((await migrate(s, log)).applied).toEqual(all.map((m) => m.name));
    expect((await migrate(s, log)).applied).toEqual([]);
    const rows = (await pg.query<{ migration_name: string; checksum: string }>(`SELECT migration_name, checksum FROM "_prisma_migrations"`)).rows;
    expect(rows).toEqual(all.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    await pg.close();
  });

  it("keeps every partner of a task as a cooperating outside body (issue 10: bodies carry roles)", async () => {
    const pg = await emptyPglite();
    const s = pgliteSession(pg);
    const all = await readMigrations();
    const at = all.findIndex((m) => m.name.endsWith("_task_targets_outside_bodies"));
    expect(at).toBeGreaterThan(0);
    await migrate(s, log, all.slice(0, at));
    await pg.exec(`
      INSERT INTO "Plan" (number, "numberKey", title, issuer, place, "issuedOn", year, "endsOn", "signerName", "signerTitle", "updatedAt")
        VALUES ('1/KH', '1kh', 't', 'i', 'p', '2023-06-13', 2023, '2023-12-31', 's', 'st', now());
      INSERT INTO "Task" ("planId", code, "codeKey", position, depth, title, text, partners, "dueKind", "dueLabel", "startsOn", "updatedAt")
        VALUES (1, 'A', 'a', 0, 0, 't', 't', ARRAY['UBND các xã, phường, thị trấn', 'Viện NCPT'], 'DATE', 'Năm 2023', '2023-06-13', now()),
               (1, 'B', 'b', 1, 0, 't', 't', ARRAY[]::text[], 'DATE', 'Năm 2023', '2023-06-13', now());`);
    await migrate(s, log, all.slice(0, at + 1));
    const rows = (await pg.query<{ code: string; bodies: unknown }>(`SELECT code, bodies FROM "Task" ORDER BY code`)).rows;
    expect(rows).toEqual([
      {
        code: "A",
        bodies: [
          { name: "UBND các xã, phường, thị trấn", role: "COOPERATING" },
          { name: "Viện NCPT", role: "COOPERATING" },
        ],
      },
      { code: "B", bodies: [] },
    ]);
    await pg.close();
  });

  it("rolls back a failing migration entirely", async () => {
    const pg = await emptyPglite();
    const s = pgliteSession(pg);
    const bad = { name: "20990101000000_bad", sql: `CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";`, checksum: "x" };
    const err = await migrate(s, log, [bad]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("MIGRATION_FAILED");
    expect((await pg.query(`SELECT to_regclass('"Half"') AS t`)).rows).toEqual([{ t: null }]);
    expect((await pg.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows).toEqual([{ n: 0 }]);
    await pg.close();
  });

  it("refuses a migration edited after it was applied", async () => {
    const pg = await emptyPglite();
    const s = pgliteSession(pg);
    const m = { name: "20990101000000_t", sql: `CREATE TABLE "T" (id int);`, checksum: "a".repeat(64) };
    await migrate(s, log, [m]);
    const err = await migrate(s, log, [{ ...m, checksum: "b".repeat(64) }]).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("MIGRATION_MODIFIED");
    await pg.close();
  });

  it("refuses a second process on the same data directory", async () => {
    // Migrated already: what a first open costs is the test above's subject.
    const dir = await migratedDataDir("dondoc-lock-");
    const first = await openDatabase({ kind: "pglite", dataDir: dir }, log);
    const err = await openDatabase({ kind: "pglite", dataDir: dir }, log).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("DB_IN_USE");
    expect((err as AppError).params.pid).toBe(process.pid);
    await first.close();
    const again = await openDatabase({ kind: "pglite", dataDir: dir }, log);
    expect(await again.prisma.unit.count()).toBe(0);
    await again.close();
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("migration runner (PostgreSQL)", () => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it("three instances starting at once apply each migration exactly once", async () => {
    const scratch = await createScratchDatabase(serverUrl!);
    drops.push(scratch.drop);
    const dbs = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: "postgres", url: scratch.url }, log)));
    const rows = await dbs[0]!.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations"`;
    expect(rows[0]!.n).toBe((await readMigrations()).length);
    await Promise.all(dbs.map((d) => d.close()));
  });

  it("reports an unreachable server clearly", async () => {
    const err = await openDatabase({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:1/none" }, log).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("DB_UNAVAILABLE");
    expect((err as AppError).bilingual()).toMatch(/DATABASE_URL/);
  });
});
