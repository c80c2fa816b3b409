// `dondoc db backup` while the bot runs on the embedded database: the bot
// (dist/main.js, the built entry as `npm start` runs it, a process of its
// own) holds the data directory, so the command line, another process, asks
// it for the backup over its socket (src/db/backup-socket.ts). The file
// restores into an empty data directory and gives back every row. Restoring
// under the running bot is refused.
// The command line runs in this process (`run`, what bin/dondoc.js calls),
// which is another process than the bot's and costs no Node start per
// command. The directories are migrated already: first starts are not the
// subject (test/cli/main.test.ts has the bin's).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type PrismaClient } from "../../src/db/database.js";
import { socketPath } from "../../src/db/backup-socket.js";
import { run } from "../../src/cli/main.js";
import { log, migratedDataDir } from "../support/databases.js";

const ROOT = new URL("../..", import.meta.url).pathname;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "warn" };

/** `dondoc ARGS` on this data directory, as bin/dondoc.js runs it; out and err as the process would print them. */
async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const line = (t: string) => (t.endsWith("\n") ? t : `${t}\n`);
  const code = await run(["node", "dondoc", ...args], { out: (t) => void (out += line(t)), err: (t) => void (err += line(t)) }, { ...baseEnv, DONDOC_DATA_DIR: dataDir });
  return { code, out, err };
}

/**
 * Every row of every table, as PostgreSQL prints it, except Plan's
 * "statusVersion": the key of cached counts, which a restore moves on
 * purpose (test/db/backup.test.ts).
 */
async function snapshot(prisma: PrismaClient): Promise<Record<string, string[]>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables)
    out[name] = (await prisma.$queryRawUnsafe<{ r: string }[]>(`SELECT (to_jsonb(x) - 'statusVersion')::text AS r FROM "${name}" x ORDER BY 1`)).map((r) => r.r);
  return out;
}

async function snapshotOf(dataDir: string) {
  const db = await openDatabase({ kind: "pglite", dataDir }, log);
  try {
    return await snapshot(db.prisma);
  } finally {
    await db.close();
  }
}

describe("dondoc db backup while the bot runs on the embedded database", () => {
  const bots: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const b of bots) if (b.exitCode === null) b.kill("SIGKILL");
  });

  it("is served by the bot, consistent, and restores into an empty data directory; restore under the bot is refused", { timeout: 600_000 }, async () => {
    const work = await mkdtemp(join(tmpdir(), "dondoc-backup-live-"));
    expect(existsSync(join(ROOT, "dist/main.js")), "run `npm run build` first").toBe(true);
    const dataDir = await migratedDataDir("dondoc-backup-live-");
    // The bot without Slack credentials: it loads the example department, the plan and demo progress, then serves.
    // The built code, as `npm start` runs it: the sources through tsx cost 1.5 s of CPU more.
    const bot = spawn(process.execPath, ["dist/main.js"], {
      cwd: ROOT,
      env: { ...baseEnv, DONDOC_DATA_DIR: dataDir, PORT: String(await freePort()) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    bots.push(bot);
    let output = "";
    bot.stdout!.on("data", (d) => (output += d));
    bot.stderr!.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((r) => bot.on("exit", (code) => r(code)));
    for (const until = Date.now() + 400_000; !output.includes("dondoc without Slack"); ) {
      if (Date.now() > until || bot.exitCode !== null) throw new Error(`the bot did not start:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await stat(socketPath(dataDir))).mode & 0o777).toBe(0o600);

    const file = join(work, "backup.jsonl");
    const backup = await cli(dataDir, "db", "backup", file, "--json");
    expect(backup.err).toBe("");
    expect(backup.code).toBe(0);
    const summary = JSON.parse(backup.out) as { rows: number; viaRunningBot: boolean; tables: Record<string, number> };
    expect(summary.viaRunningBot).toBe(true);
    expect(summary.tables.ProgressReport).toBeGreaterThan(0);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const refused = await cli(dataDir, "db", "restore", file, "--force");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      new RegExp(`^Không khôi phục được khi dondoc đang chạy .*tiến trình ${bot.pid}.*dừng dondoc.*\\nCannot restore while dondoc runs .*process ${bot.pid}.*stop dondoc`),
    );

    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(socketPath(dataDir))).toBe(false);
    const fresh = await migratedDataDir("dondoc-backup-live-");
    const restored = await cli(fresh, "db", "restore", file);
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    const [before, after] = [await snapshotOf(dataDir), await snapshotOf(fresh)];
    expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBe(summary.rows);
    expect(after).toEqual(before);

    // No bot: the command line opens the database itself, as before.
    const direct = await cli(dataDir, "db", "backup", join(work, "direct.jsonl"), "--json");
    expect(direct.code).toBe(0);
    expect(JSON.parse(direct.out)).toMatchObject({ rows: summary.rows, viaRunningBot: false });
  });
});
