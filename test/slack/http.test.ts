// The HTTP receiver as Slack and operators see it: signatures, health,
// metrics, and Slack failing underneath.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../src/slack-fake/index.js";
import { backends } from "../support/databases.js";
import { SIGNING_SECRET, startDondoc, USERS, type Dondoc } from "./harness.js";

describe("HTTP receiver", () => {
  let d: Dondoc;
  let base: string;
  let channel: string;
  beforeAll(async () => {
    d = await startDondoc(backends[0]!);
    base = `http://127.0.0.1:${d.runtime.port}`;
    channel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => d?.close());

  const body = () =>
    new URLSearchParams({
      command: "/kehoach",
      text: "help",
      user_id: USERS.gdnnStaff,
      channel_id: channel,
      team_id: "T1",
      response_url: "http://127.0.0.1:1/x",
      trigger_id: "t",
    }).toString();

  it("refuses a forged signature", async () => {
    const r = await d.fake.postToApp(body(), "application/x-www-form-urlencoded", { signature: `v0=${"0".repeat(64)}` });
    expect(r.status).toBe(401);
  });

  it("refuses a stale timestamp even when correctly signed", async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const r = await d.fake.postToApp(body(), "application/x-www-form-urlencoded", { timestampSec: stale });
    expect(r.status).toBe(401);
  });

  it("accepts a correctly signed request", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const raw = body();
    const res = await fetch(`${base}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": signRequest(SIGNING_SECRET, raw, ts) },
      body: raw,
    });
    expect(res.status).toBe(200);
  });

  it("serves /healthz and /metrics", async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "tongquan" });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/dondoc_commands_total\{name="overview",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/dondoc_command_duration_seconds_bucket/);
    expect(metrics).toMatch(/dondoc_slack_api_calls_total\{method="users.info"\}/);
  });

  it("tells the user when Slack fails to open the modal (500)", async () => {
    d.fake.failNext("views.open", { status: 500 }, 20);
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "baocao" });
    await expect.poll(() => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).at(-1)), { timeout: 15_000 }).toMatch(/Slack đang bận/);
    d.fake.failNext("views.open", { status: 500 }, 0);
  }, 30_000);

  it("answers in time with a clear message when the database fails", async () => {
    const real = d.deps.prisma;
    d.deps.prisma = new Proxy(real, {
      get: () => {
        throw new Error("connection terminated unexpectedly");
      },
    });
    try {
      const r = await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "tongquan" });
      expect(r.status).toBe(200);
      expect(r.late).toBe(false);
      await expect.poll(() => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).at(-1))).toMatch(/Đã có lỗi không mong muốn \(E[0-9A-Z]+\)/);
    } finally {
      d.deps.prisma = real;
    }
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/dondoc_errors_total\{where="command:overview"\} [1-9]/);
  });

  it("waits out a 429 with Retry-After and delivers the Office notice once", async () => {
    const vp = d.fake.workspace.directory.channel("dondoc-vp")!.id;
    d.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, 1);
    await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: channel, command: "/kehoach", text: "vuongmac II.2.c.2 Thiếu kinh phí khảo sát" });
    await expect.poll(() => d.fake.workspace.conversations.messages(vp).filter((m) => JSON.stringify(m).includes("Thiếu kinh phí khảo sát")).length, { timeout: 10_000 }).toBe(1);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/dondoc_slack_rate_limited_total [1-9]/);
  }, 30_000);
});
