// The process as an operator runs it: the built entry (dist/main.js, as
// `npm install` / `npm run build` leave it) started against a fake Slack,
// on PostgreSQL when TEST_DATABASE_URL is set, else on PGlite in a temp dir.
// - malformed signed payloads do not take the process down;
// - a refused bot token ends start-up with one line naming SLACK_BOT_TOKEN and exit code 78;
// - an unreachable Slack is waited for, one bilingual line per attempt, and SIGTERM still stops it;
// - SIGTERM to `npm start` reaches node: the port and the data directory are released.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeSlack, signRequest, type FakeSlack } from "../src/slack-fake/index.js";
import { openDatabase } from "../src/db/database.js";
import { createScratchDatabase, log, migratedDataDir } from "./support/databases.js";

const ROOT = new URL("..", import.meta.url).pathname;
const SIGNING_SECRET = "process-test-signing-secret";
const BOT_TOKEN = "xoxb-process-test-token";

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(command, args, { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, s?: Started): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${s ? `\n--- output ---\n${s.output().slice(-3000)}` : ""}`);
}

const healthy = (port: number) => async () =>
  (await fetch(`http://127.0.0.1:${port}/healthz`)
    .then((r) => r.status === 200)
    .catch(() => false)) as boolean;
const portOpen = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    () => true,
    () => false,
  );

const serverUrl = process.env.TEST_DATABASE_URL;

describe("the dondoc process", () => {
  let fake: FakeSlack;
  let dbEnv: () => Promise<NodeJS.ProcessEnv>;
  const drops: (() => Promise<void>)[] = [];
  const children: ChildProcess[] = [];
  const strays: number[] = [];

  beforeAll(async () => {
    expect(existsSync(join(ROOT, "dist/main.js")), "run `npm run build` first").toBe(true);
    fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN });
    // One database for the processes below, which run one after the other,
    // migrated and with the holiday calendar already loaded: what a process
    // does on its first start is not under test here, and a busy machine
    // makes it slow.
    let env: NodeJS.ProcessEnv;
    if (serverUrl) {
      const scratch = await createScratchDatabase(serverUrl);
      drops.push(scratch.drop);
      env = { DATABASE_URL: scratch.url };
    } else {
      env = { DONDOC_DATA_DIR: await migratedDataDir("dondoc-process-") };
    }
    const db = await openDatabase(env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.DONDOC_DATA_DIR! }, log);
    // One day is enough for main.ts to skip loading the calendar (the whole
    // file in one transaction can outlast Prisma's 5 s on a loaded machine).
    await db.prisma.calendarDay.create({ data: { day: new Date("2023-09-02T00:00:00Z"), kind: "HOLIDAY", name: "Quốc khánh", source: "test" } });
    await db.close();
    dbEnv = async () => env;
  }, 300_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    for (const pid of strays) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone, as it should be
      }
    }
    await fake?.close();
    for (const drop of drops) await drop().catch(() => undefined);
  });

  const slackEnv = (port: number, apiUrl = fake.url, token = BOT_TOKEN) => ({
    SLACK_BOT_TOKEN: token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: String(port),
    DONDOC_SCHEDULER: "off",
  });

  it("keeps serving after signed malformed payloads", async () => {
    const port = await freePort();
    const s = start("node", ["dist/main.js"], { ...slackEnv(port), ...(await dbEnv()) });
    children.push(s.child);
    await waitFor("dondoc to answer /healthz", healthy(port), 150_000, s);
    for (const [body, type] of [
      ["payload=null", "application/x-www-form-urlencoded"],
      ["null", "application/json"],
      ["[1]", "application/json"],
    ] as const) {
      const ts = Math.floor(Date.now() / 1000);
      const r = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers: { "content-type": type, "x-slack-request-timestamp": String(ts), "x-slack-signature": signRequest(SIGNING_SECRET, body, ts) },
        body,
      });
      expect(r.status).toBe(400);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await healthy(port)()).toBe(true);
    expect(s.child.exitCode).toBeNull();
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
  }, 240_000);

  it("SIGTERM to `npm start` stops node and frees the port and the data directory", async () => {
    const port = await freePort();
    const db = await dbEnv();
    // --ignore-scripts skips `prestart` (the build, done already): this runs the `start` script itself.
    const s = start("npm", ["start", "--silent", "--ignore-scripts"], { ...slackEnv(port), ...db });
    children.push(s.child);
    await waitFor("dondoc to answer /healthz", healthy(port), 240_000, s);
    // If the signal does not get through, do not leave the server behind.
    const grandchildren = execFileSync("ps", ["-o", "pid=", "--ppid", String(s.child.pid)], { encoding: "utf8" })
      .split("\n")
      .map(Number)
      .filter((n) => n > 0);
    strays.push(...grandchildren);
    // npm runs the script through sh; with `exec` node replaces sh, so npm's forwarded SIGTERM reaches it.
    s.child.kill("SIGTERM");
    await waitFor("the port to be released", async () => !(await portOpen(port)), 30_000, s);
    await waitFor("node to log that it stopped", () => /"msg":"stopped"/.test(s.output()), 30_000, s);
    if (db.DONDOC_DATA_DIR) expect(existsSync(`${db.DONDOC_DATA_DIR}.lock`)).toBe(false);
    expect(s.output()).not.toContain(BOT_TOKEN);
  }, 330_000);

  it("stops with one line naming SLACK_BOT_TOKEN and exit code 78 when Slack refuses the token", async () => {
    const s = start("node", ["dist/main.js"], { ...slackEnv(await freePort(), fake.url, "xoxb-revoked-or-wrong"), ...(await dbEnv()) });
    children.push(s.child);
    const code = await Promise.race([s.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 150_000))]);
    expect(code, s.output()).toBe(78);
    const lines = s.output().trim().split("\n");
    const plain = lines.filter((l) => !l.startsWith("{"));
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatch(/SLACK_BOT_TOKEN.*invalid_auth.*\/.*SLACK_BOT_TOKEN/);
    // No stack, no dump of the HTTP client's objects.
    expect(s.output()).not.toMatch(/\n\s+at |axios|Authorization/);
    expect(lines.length).toBeLessThan(20);
    expect(s.output()).not.toContain("xoxb-revoked-or-wrong");
  }, 180_000);

  it("waits for an unreachable Slack with one bilingual line per attempt, and stops on SIGTERM", async () => {
    const closed = await freePort(); // nothing listens there
    const s = start("node", ["dist/main.js"], { ...slackEnv(await freePort(), `http://127.0.0.1:${closed}/api/`), ...(await dbEnv()) });
    children.push(s.child);
    await waitFor("two attempts", () => (s.output().match(/Chưa kết nối được Slack/g) ?? []).length >= 2, 150_000, s);
    const attempts = s
      .output()
      .split("\n")
      .filter((l) => l.includes("Chưa kết nối được Slack"));
    for (const line of attempts) {
      const msg = (JSON.parse(line) as { msg: string }).msg;
      expect(msg).toMatch(
        /^Chưa kết nối được Slack \(ECONNREFUSED\), lần thử \d+; sẽ thử lại sau [\d.]+ giây\. \/ Cannot reach Slack yet \(ECONNREFUSED\), attempt \d+; retrying in [\d.]+ s\.$/,
      );
    }
    expect(s.child.exitCode).toBeNull();
    s.child.kill("SIGTERM");
    const code = await Promise.race([s.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 30_000))]);
    expect(code).toBe(0);
    expect(s.output()).not.toMatch(/\n\s+at |axios|Authorization/);
    expect(s.output()).not.toContain(BOT_TOKEN);
  }, 180_000);
});
