// Backup and restore round trips on every database, across engines, and
// the refusals: another schema version, a database with data (without
// --force), a file cut short (nothing written).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database, PrismaClient } from "../../src/db/database.js";
import { backupDatabase, restoreDatabase } from "../../src/db/backup.js";
import { loadDemoProgress } from "../../src/demo/demo-progress.js";
import { AppError } from "../../src/errors.js";
import { parseYaml, readText } from "../../src/files/load.js";
import { CalendarFileSchema } from "../../src/files/calendar-file.js";
import { importCalendar } from "../../src/services/calendar.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

async function tables(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Every row of every table, as PostgreSQL prints it, except Plan's
 * "statusVersion": not data but the key of cached counts, which a restore
 * must move (a restored plan's numbers are new to every running instance;
 * the last test checks it does).
 */
async function snapshot(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tables(prisma)) {
    out[t] = (await prisma.$queryRawUnsafe<{ r: string }[]>(`SELECT (to_jsonb(x) - 'statusVersion')::text AS r FROM "${t}" x ORDER BY 1`)).map((r) => r.r);
  }
  return out;
}

async function wipe(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`TRUNCATE ${(await tables(prisma)).map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

const code = (e: unknown) => (e instanceof AppError ? e.code : e);

describe.each(backends)("backup and restore on $name", (backend) => {
  let db: Database;
  let dir: string;
  let before: Record<string, string[]>;
  beforeAll(async () => {
    db = await backend.open();
    dir = await mkdtemp(join(tmpdir(), "dondoc-backup-"));
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    const file = "examples/holidays-vn.yaml";
    await importCalendar(db.prisma, parseYaml(file, await readText(file), CalendarFileSchema), "test");
    await loadDemoProgress(db.prisma);
    await db.prisma.delivery.create({
      data: {
        job: "reminders",
        period: "2023-W38",
        target: "#dondoc-vp",
        payload: { text: "Nhắc việc — “ngoặc”", blocks: [] },
        status: "SENT",
        firstAttemptAt: new Date("2023-09-18T01:00:00.123Z"),
      },
    });
    before = await snapshot(db.prisma);
  }, 300_000);
  afterAll(async () => db?.close());

  it("restores every row of every table, and ids continue after them", { timeout: 300_000 }, async () => {
    expect(Object.values(before).filter((rows) => rows.length > 0).length).toBeGreaterThanOrEqual(12);
    const file = join(dir, "b.jsonl");
    const r = await backupDatabase(db.prisma, file);
    expect(r.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    await wipe(db.prisma);
    expect((await snapshot(db.prisma)).Task).toEqual([]);
    await restoreDatabase(db.prisma, file);
    expect(await snapshot(db.prisma)).toEqual(before);
    const maxUnit = (await db.prisma.unit.aggregate({ _max: { id: true } }))._max.id!;
    const u = await db.prisma.unit.create({ data: { code: "NEW", codeKey: "new", name: "Mới", nameKey: "moi", kind: "OTHER" } });
    expect(u.id).toBeGreaterThan(maxUnit);
    await db.prisma.unit.delete({ where: { id: u.id } });
  });

  it("refuses a database with data unless --force, then replaces it whole", { timeout: 300_000 }, async () => {
    const file = join(dir, "c.jsonl");
    await backupDatabase(db.prisma, file);
    expect(code(await restoreDatabase(db.prisma, file).catch((e: unknown) => e))).toBe("RESTORE_NOT_EMPTY");
    await db.prisma.unit.update({ where: { code: "VP" }, data: { name: "Đổi tên sau sao lưu" } });
    await restoreDatabase(db.prisma, file, { force: true });
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it("refuses another schema version, and a file cut short writes nothing", { timeout: 300_000 }, async () => {
    const file = join(dir, "d.jsonl");
    await backupDatabase(db.prisma, file);
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    const other = join(dir, "other-version.jsonl");
    await writeFile(other, [JSON.stringify({ ...header, migrations: [...header.migrations, "20991231000000_future"] }), ...lines.slice(1)].join("\n"));
    expect(code(await restoreDatabase(db.prisma, other, { force: true }).catch((e: unknown) => e))).toBe("BACKUP_SCHEMA_MISMATCH");
    const cut = join(dir, "cut.jsonl");
    await writeFile(cut, lines.slice(0, -1).join("\n"));
    await wipe(db.prisma);
    expect(code(await restoreDatabase(db.prisma, cut).catch((e: unknown) => e))).toBe("BACKUP_BAD_FILE");
    expect(Object.values(await snapshot(db.prisma)).every((rows) => rows.length === 0)).toBe(true);
    await restoreDatabase(db.prisma, file);
    expect(await snapshot(db.prisma)).toEqual(before);
  });

  it("gives every restored plan a status version it never had, so no instance keeps counts cached from before", { timeout: 300_000 }, async () => {
    const file = join(dir, "e.jsonl");
    await backupDatabase(db.prisma, file);
    const versions = async () => (await db.prisma.plan.findMany({ orderBy: { id: "asc" } })).map((p) => p.statusVersion);
    const was = await versions();
    await restoreDatabase(db.prisma, file, { force: true });
    const now = await versions();
    expect(now).toHaveLength(was.length);
    now.forEach((v, i) => expect(v).toBeGreaterThan(was[i]!));
  });

  it.runIf(backends.length > 1)("restores into the other engine", { timeout: 300_000 }, async () => {
    const file = join(dir, "cross.jsonl");
    await backupDatabase(db.prisma, file);
    const other = await backends.find((b) => b.name !== backend.name)!.open();
    try {
      await restoreDatabase(other.prisma, file);
      expect(await snapshot(other.prisma)).toEqual(before);
    } finally {
      await other.close();
    }
  });
});
