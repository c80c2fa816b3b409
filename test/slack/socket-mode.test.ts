// dondoc in Socket Mode against the fake Slack: the connection it opens with
// its app-level token, what happens when Slack drops or recycles it, and
// `npm start`'s own process (`node dist/main.js`, the built entry as `npm
// install` / `npm run build` leave it) started with SLACK_APP_TOKEN.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeSlack } from "../../src/slack-fake/index.js";
import { reconnectDelayMs } from "../../src/slack/socket-mode.js";
import { backends, migratedDataDir } from "../support/databases.js";
import { APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, startDondoc, USERS, type Dondoc } from "./harness.js";

describe("the reconnection back-off", () => {
  it("doubles from 1 s and stays at 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(reconnectDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe("dondoc over Socket Mode", () => {
  let d: Dondoc;
  let channel: string;
  beforeAll(async () => {
    // The reconnections are the subject here, not their pauses (above): a
    // tenth of them, so that five attempts take 3 s instead of 31 s.
    d = await startDondoc(backends[0]!, { transport: "socket", reconnectDelayMs: (attempt) => reconnectDelayMs(attempt) / 10 });
    channel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => d?.close());

  const help = async () => {
    const before = d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).length;
    const r = await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "help" });
    expect(r.status).toBe(200);
    expect(r.late).toBe(false);
    await expect.poll(() => d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).length).toBeGreaterThan(before);
    return JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).at(-1));
  };

  it("opens one connection with its app-level token and answers over it; /healthz is served beside it", async () => {
    expect(d.fake.calls("apps.connections.open").filter((c) => c.ok)).toHaveLength(1);
    expect(d.fake.socketMode.connections()).toHaveLength(1);
    expect(await help()).toContain("baocao");
    const health = await fetch(`http://127.0.0.1:${d.runtime.port}/healthz`);
    expect(health.status).toBe(200);
  });

  it("reconnects when the connection is dropped without a close frame", async () => {
    d.fake.socketMode.drop();
    expect((await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "help" })).status).toBe(503);
    await d.fake.socketMode.waitForConnections(1);
    expect(d.fake.calls("apps.connections.open").filter((c) => c.ok)).toHaveLength(2);
    expect(await help()).toContain("baocao");
  }, 30_000);

  it("reconnects when Slack asks it to (disconnect refresh_requested)", async () => {
    const [old] = d.fake.socketMode.connections();
    d.fake.socketMode.disconnect("refresh_requested");
    await d.fake.socketMode.waitForConnections(1);
    const now = d.fake.socketMode.connections();
    expect(now).toHaveLength(1);
    expect(now[0]!.id).not.toBe(old!.id);
    expect(await help()).toContain("baocao");
  }, 30_000);

  it("reconnects when Slack's API fails while it reconnects (HTTP 500), and does not crash", async () => {
    const before = d.fake.calls("apps.connections.open").length;
    d.fake.failNext("apps.connections.open", { status: 500 }, 4);
    d.fake.socketMode.drop();
    await d.fake.socketMode.waitForConnections(1, 40_000);
    expect(d.fake.calls("apps.connections.open").length - before).toBeGreaterThanOrEqual(5);
    expect(await help()).toContain("baocao");
  }, 60_000);

  it("keeps running while Socket Mode is turned off (link_disabled), and reconnects once it is on again", async () => {
    const refusedBefore = d.fake.calls("apps.connections.open").filter((c) => !c.ok).length;
    d.fake.socketMode.disconnect("link_disabled");
    await expect.poll(() => d.fake.calls("apps.connections.open").filter((c) => !c.ok).length, { timeout: 20_000, interval: 200 }).toBeGreaterThan(refusedBefore);
    expect((await fetch(`http://127.0.0.1:${d.runtime.port}/healthz`)).status).toBe(200);
    d.fake.socketMode.enable();
    await d.fake.socketMode.waitForConnections(1, 40_000);
    expect(await help()).toContain("baocao");
  }, 60_000);
});

describe("npm start in Socket Mode", () => {
  it("connects to Slack with SLACK_APP_TOKEN, answers /kehoach, and closes the connection on SIGTERM", async () => {
    const fake = await createFakeSlack({
      signingSecret: SIGNING_SECRET,
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      transport: "socket",
      seed: { users: [{ id: "U0SOMEONE", name: "ai-do" }], channels: [{ id: "C0GENERAL", name: "general" }] },
    });
    expect(existsSync("dist/main.js"), "run `npm run build` first").toBe(true);
    const dataDir = await migratedDataDir("dondoc-socket-");
    // What `npm start` runs after its build, without npm's own Node start
    // (test/process.test.ts has `npm start` itself): the built code, not the
    // sources through tsx, which cost 1.5 s of CPU more per start.
    const child = spawn(process.execPath, ["dist/main.js"], {
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: fake.url,
        DONDOC_DATA_DIR: dataDir,
        DONDOC_SCHEDULER: "off",
        PORT: String(await freePort()),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => void (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      await fake.socketMode.waitForConnections(1, 90_000);
      const r = await fake.slashCommand({ userId: "U0SOMEONE", channelId: "C0GENERAL", command: "/kehoach", text: "help" });
      expect(r.status).toBe(200);
      await expect.poll(() => fake.workspace.conversations.ephemerals({ userId: "U0SOMEONE" }).length, { timeout: 10_000 }).toBeGreaterThan(0);

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(fake.socketMode.connections()).toHaveLength(0);
      expect(stderr).not.toContain(APP_TOKEN);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await fake.close();
      await rm(dirname(dataDir), { recursive: true, force: true });
    }
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
