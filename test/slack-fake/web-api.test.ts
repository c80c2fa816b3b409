// The fake's Web API over plain HTTP: both body encodings, authentication,
// Slack's answer shapes and errors, and the state each method leaves.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack } from "../../src/slack-fake/index.js";
import { ALICE, BOB, BOT_TOKEN, GENERAL, PLAN, reportModal, SECRET, SEED, SIGNING_SECRET, startRecordingApp } from "./harness.js";

let fake: FakeSlack;
let now: number;

beforeEach(async () => {
  now = 1_700_000_000_000;
  fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED, now: () => now });
});

afterEach(async () => {
  await fake.close();
});

type Answer = { ok: boolean; error?: string; [key: string]: unknown };

/** As @slack/web-api sends: form-encoded, objects as JSON strings, Bearer token. */
async function form(method: string, args: Record<string, unknown>, token: string | null = BOT_TOKEN): Promise<Answer> {
  const body = new URLSearchParams(Object.entries(args).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString();
  const res = await fetch(`${fake.url}${method}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return (await res.json()) as Answer;
}

async function json(method: string, args: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${fake.url}${method}`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Answer;
}

describe("authentication", () => {
  it("takes the token from the Authorization header or the token field", async () => {
    expect(await form("auth.test", {})).toMatchObject({ ok: true, user_id: "U0DONDOCBOT", team_id: "T0DONDOC" });
    expect(await form("auth.test", { token: BOT_TOKEN }, null)).toMatchObject({ ok: true });
  });

  it("answers not_authed without a token and invalid_auth with a wrong one", async () => {
    expect(await form("auth.test", {}, null)).toEqual({ ok: false, error: "not_authed" });
    expect(await form("auth.test", {}, "xoxb-wrong")).toEqual({ ok: false, error: "invalid_auth" });
  });

  it("answers unknown_method for methods it does not have", async () => {
    expect(await form("chat.scheduleMessage", {})).toEqual({ ok: false, error: "unknown_method" });
  });

  it("records calls without the token", async () => {
    await form("users.info", { user: ALICE, token: BOT_TOKEN });

    expect(fake.calls("users.info")).toEqual([expect.objectContaining({ method: "users.info", args: { user: ALICE }, at: now, status: 200, ok: true, injected: false })]);
  });
});

describe("chat", () => {
  it("posts with form or JSON bodies alike and answers Slack's shape", async () => {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Kế hoạch*" } }];
    const a = await form("chat.postMessage", { channel: GENERAL, text: "một", blocks });
    const b = await json("chat.postMessage", { channel: "#general", text: "hai", blocks });

    expect(a).toMatchObject({ ok: true, channel: GENERAL, message: { type: "message", text: "một", blocks, bot_id: "B0DONDOCBOT" } });
    expect(b).toMatchObject({ ok: true, channel: GENERAL });
    expect(fake.workspace.conversations.messages(GENERAL).map((m) => [m.text, m.blocks])).toEqual([
      ["một", blocks],
      ["hai", blocks],
    ]);
  });

  it("gives unique, increasing ts in Slack's format even within one millisecond", async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await form("chat.postMessage", { channel: GENERAL, text: String(i) }));
    const ts = answers.map((a) => String(a.ts));

    expect(ts).toEqual(["1700000000.000000", "1700000000.000001", "1700000000.000002", "1700000000.000003", "1700000000.000004"]);
    now += 1_234;
    expect((await form("chat.postMessage", { channel: GENERAL, text: "sau" })).ts).toBe("1700000001.234000");
  });

  it("opens a direct message channel when posting to a user id", async () => {
    const answer = await form("chat.postMessage", { channel: ALICE, text: "Nhắc việc" });

    expect(answer.channel).toMatch(/^D/);
    expect(fake.workspace.directory.channel(String(answer.channel))).toMatchObject({ kind: "im", imUserId: ALICE });
  });

  it("refuses unknown and invisible channels, and messages without text", async () => {
    expect(await form("chat.postMessage", { channel: "C404", text: "x" })).toEqual({ ok: false, error: "channel_not_found" });
    expect(await form("chat.postMessage", { channel: SECRET, text: "x" })).toEqual({ ok: false, error: "channel_not_found" });
    expect(await form("chat.postMessage", { channel: GENERAL })).toEqual({ ok: false, error: "no_text" });
  });

  it("keeps replies in threads", async () => {
    const parent = await form("chat.postMessage", { channel: PLAN, text: "Nhiệm vụ 1" });
    await form("chat.postMessage", { channel: PLAN, text: "Đã xong 50%", thread_ts: String(parent.ts) });
    await form("chat.postMessage", { channel: PLAN, text: "Nhiệm vụ 2" });

    expect(fake.workspace.conversations.history(PLAN).map((m) => m.text)).toEqual(["Nhiệm vụ 1", "Nhiệm vụ 2"]);
    expect(fake.workspace.conversations.replies(PLAN, String(parent.ts)).map((m) => m.text)).toEqual(["Nhiệm vụ 1", "Đã xong 50%"]);
  });

  it("updates and deletes the app's messages", async () => {
    const posted = await form("chat.postMessage", { channel: GENERAL, text: "cũ" });

    expect(await form("chat.update", { channel: GENERAL, ts: String(posted.ts), text: "mới" })).toMatchObject({
      ok: true,
      ts: posted.ts,
      text: "mới",
    });
    expect(fake.workspace.conversations.message(GENERAL, String(posted.ts))?.edited).toBeDefined();
    expect(await form("chat.delete", { channel: GENERAL, ts: String(posted.ts) })).toEqual({ ok: true, channel: GENERAL, ts: posted.ts });
    expect(await form("chat.update", { channel: GENERAL, ts: String(posted.ts), text: "x" })).toEqual({
      ok: false,
      error: "message_not_found",
    });
  });

  it("posts ephemeral messages only to members of the channel", async () => {
    const answer = await form("chat.postEphemeral", { channel: PLAN, user: ALICE, text: "Chỉ bạn thấy" });

    expect(answer).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(fake.workspace.conversations.ephemerals({ userId: ALICE })).toEqual([expect.objectContaining({ channelId: PLAN, text: "Chỉ bạn thấy", ts: answer.message_ts })]);
    expect(fake.workspace.conversations.messages(PLAN)).toHaveLength(0);
    expect(await form("chat.postEphemeral", { channel: PLAN, user: BOB, text: "x" })).toEqual({ ok: false, error: "user_not_in_channel" });
  });

  it("refuses invalid blocks with Slack's messages", async () => {
    const answer = await form("chat.postMessage", {
      channel: GENERAL,
      text: "x",
      blocks: [{ type: "header", text: { type: "plain_text", text: "a".repeat(151) } }],
    });

    expect(answer).toEqual({
      ok: false,
      error: "invalid_blocks",
      response_metadata: { messages: ["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]"] },
    });
  });
});

describe("users and conversations", () => {
  it("gives locale and time zone with include_locale", async () => {
    const withLocale = await form("users.info", { user: BOB, include_locale: "true" });
    const without = await form("users.info", { user: ALICE });

    expect(withLocale).toMatchObject({ ok: true, user: { id: BOB, locale: "en-US", tz: "Europe/London", tz_offset: 0 } });
    expect(without.user).toMatchObject({ tz: "Asia/Ho_Chi_Minh", tz_offset: 7 * 3600, real_name: "Nguyễn Thị An" });
    expect(without.user).not.toHaveProperty("locale");
    expect(await form("users.info", { user: "U404" })).toEqual({ ok: false, error: "user_not_found" });
  });

  it("lists channels a page at a time, hiding private channels the app is not in", async () => {
    fake.seed({ channels: [{ id: "C03MORE", name: "them" }] });

    const first = await form("conversations.list", { limit: "2", types: "public_channel,private_channel" });
    const cursor = (first.response_metadata as { next_cursor: string }).next_cursor;
    const second = await form("conversations.list", { limit: "2", types: "public_channel,private_channel", cursor });

    const ids = [...(first.channels as { id: string }[]), ...(second.channels as { id: string }[])].map((c) => c.id);
    expect(ids).toEqual([GENERAL, PLAN, "C03MORE"]);
    expect((second.response_metadata as { next_cursor: string }).next_cursor).toBe("");
  });

  it("tells whether the app is a member, and joins public channels", async () => {
    expect((await form("conversations.info", { channel: PLAN })).channel).toMatchObject({ id: PLAN, name: "ke-hoach", is_member: false });

    expect(await form("conversations.join", { channel: PLAN })).toMatchObject({ ok: true, channel: { is_member: true } });
    expect(await form("conversations.join", { channel: PLAN })).toMatchObject({ ok: true, warning: "already_in_channel" });
    expect(await form("conversations.info", { channel: SECRET })).toEqual({ ok: false, error: "channel_not_found" });
  });
});

describe("views", () => {
  it("stacks at most three modals with views.push", async () => {
    await form("views.open", { trigger_id: fake.issueTrigger(ALICE), view: reportModal("a") });
    await form("views.push", { trigger_id: fake.issueTrigger(ALICE), view: reportModal("b") });
    await form("views.push", { trigger_id: fake.issueTrigger(ALICE), view: reportModal("c") });

    expect(await form("views.push", { trigger_id: fake.issueTrigger(ALICE), view: reportModal("d") })).toEqual({
      ok: false,
      error: "push_limit_reached",
    });
    const stack = fake.workspace.surfaces.modalStack(ALICE);
    expect(stack.map((v) => v.callbackId)).toEqual(["a", "b", "c"]);
    expect(stack[2]).toMatchObject({ rootViewId: stack[0]?.id, previousViewId: stack[1]?.id });
  });

  it("updates a view by id, refusing a stale hash", async () => {
    const opened = await form("views.open", { trigger_id: fake.issueTrigger(ALICE), view: reportModal("a") });
    const view = opened.view as { id: string; hash: string };

    const updated = await form("views.update", { view_id: view.id, hash: view.hash, view: reportModal("a2") });

    expect(updated).toMatchObject({ ok: true, view: { id: view.id, callback_id: "a2" } });
    expect(await form("views.update", { view_id: view.id, hash: view.hash, view: reportModal("a3") })).toEqual({
      ok: false,
      error: "hash_conflict",
    });
    expect(await form("views.update", { view_id: "V404", view: reportModal() })).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses a modal whose title is longer than 24 characters", async () => {
    const view = { ...reportModal(), title: { type: "plain_text", text: "Báo cáo tiến độ thực hiện kế hoạch" } };

    expect(await form("views.open", { trigger_id: fake.issueTrigger(ALICE), view })).toMatchObject({
      ok: false,
      error: "invalid_arguments",
      response_metadata: { messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"] },
    });
  });

  it("publishes one App Home per user, keeping its id", async () => {
    const home = { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "Việc của bạn" } }] };

    const first = await form("views.publish", { user_id: ALICE, view: home });
    const second = await form("views.publish", { user_id: ALICE, view: { ...home, blocks: [] } });

    expect((second.view as { id: string }).id).toBe((first.view as { id: string }).id);
    expect(fake.workspace.surfaces.home(ALICE)?.blocks).toEqual([]);
    expect(fake.workspace.surfaces.home(BOB)).toBeUndefined();
  });
});

describe("response URLs", () => {
  it("takes five posts and refuses the sixth, and refuses any after 30 minutes", async () => {
    const { responseUrl } = await fakeCommandResponseUrl();

    for (let i = 0; i < 5; i++) {
      const res = await fetch(responseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: `${i}` }) });
      expect(res.status).toBe(200);
    }
    const sixth = await fetch(responseUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "6" }) });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: "used_url" });

    const { responseUrl: later } = await fakeCommandResponseUrl();
    now += 31 * 60 * 1000;
    const expired = await fetch(later, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: "x" }) });
    expect(await expired.json()).toEqual({ ok: false, error: "expired_url" });
  });
});

/** A slash command to an app that only acknowledges, for its response_url. */
async function fakeCommandResponseUrl(): Promise<{ responseUrl: string }> {
  const app = await startRecordingApp();
  fake.setAppUrl(app.url);
  try {
    const result = await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" });
    return { responseUrl: result.responseUrl ?? "" };
  } finally {
    await app.close();
  }
}

describe("the fake's connections", () => {
  it("keeps an idle keep-alive connection open longer than Node's agent does, so the client always closes first", async () => {
    // Equal 5 s timeouts on both sides let a request go out on a connection
    // the server is closing: ECONNRESET, a delivery failed for no reason.
    const { startHttpServer } = await import("../../src/slack-fake/http-server.js");
    const { silentLogger } = await import("../../src/slack-fake/types.js");
    const { globalAgent } = await import("node:http");
    const server = await startHttpServer({ host: "127.0.0.1", port: 0, latencyMs: 0, logger: silentLogger, handle: () => ({ status: 200, headers: {}, body: {} }) });
    try {
      const clientIdle = (globalAgent as unknown as { options: { timeout: number } }).options.timeout;
      expect(clientIdle).toBeGreaterThan(0);
      expect(server.server.keepAliveTimeout).toBeGreaterThan(clientIdle);
    } finally {
      await server.close();
    }
  });
});
