// The embedded database's lock holds for as long as its holder lives, even
// when the holder cannot run for longer than the old 15 s staleness (a long
// PGlite import keeps the event loop busy; SIGSTOP does the same here), and
// is taken over once the holder is dead.
//
// The 16 s are on the newcomer's clock: Date is moved 16 s on (fake timers
// for Date only) while it tries the lock, so whatever it compares with the
// holder's files (their mtimes, times written in them: proper-lockfile's
// staleness is `mtime < Date.now() - stale`) is that old. A newcomer that
// instead waited in real time for the holder to show life would still wait,
// and still be let in, and the test would still fail.
import { afterEach, describe, expect, it, vi } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { openDatabase } from "../../src/db/database.js";
import { AppError } from "../../src/errors.js";
import { log, migratedDataDir } from "../support/databases.js";

const HOLDER = new URL("./fixtures/hold-data-dir.ts", import.meta.url).pathname;

function holder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", HOLDER, dir], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => b.toString().includes("ready") && resolve(child));
    child.once("exit", (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));

describe("the embedded database's lock", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    vi.useRealTimers();
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
    }
  });

  it("refuses a second process while the first is alive but unable to run for 16 s, naming its PID", { timeout: 120_000 }, async () => {
    const dir = await migratedDataDir("dondoc-lock-");
    child = await holder(dir);
    child.kill("SIGSTOP"); // like a 35 s import: alive, refreshing nothing
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 16_000);
    const err = await openDatabase({ kind: "pglite", dataDir: dir }, log).catch((e: unknown) => e);
    vi.useRealTimers();
    if (!(err instanceof AppError)) await (err as { close?: () => Promise<void> }).close?.();
    expect(err instanceof AppError ? err.code : "let in").toBe("DB_IN_USE");
    expect((err as AppError).params.pid).toBe(child.pid);
    expect((err as AppError).bilingual()).toMatch(
      new RegExp(`^Cơ sở dữ liệu nhúng .* đang được tiến trình ${child.pid} .*\\nThe embedded database .* is in use by process ${child.pid} `),
    );

    // The holder resumes, and its write is there after it stops.
    child.kill("SIGCONT");
    child.kill("SIGTERM");
    await exited(child);
    const db = await openDatabase({ kind: "pglite", dataDir: dir }, log);
    expect(await db.prisma.calendarDay.count({ where: { name: "holder" } })).toBe(1);
    await db.close();
  });

  it("is taken over at once when its holder was killed with -9", { timeout: 120_000 }, async () => {
    const dir = await migratedDataDir("dondoc-lock-");
    child = await holder(dir);
    child.kill("SIGKILL");
    await exited(child);
    const db = await openDatabase({ kind: "pglite", dataDir: dir }, log);
    expect(await db.prisma.calendarDay.count({ where: { name: "holder" } })).toBe(1);
    await db.close();
  });
});
