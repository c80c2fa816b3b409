// The fake's Socket Mode server as Slack's is seen from the wire: a raw `ws`
// client checks apps.connections.open, hello, envelope shapes, acks with
// payloads, disconnects and re-delivery; a real Bolt app checks that
// @slack/socket-mode reconnects to it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { App, LogLevel, SocketModeReceiver } from "@slack/bolt";
import { createFakeSlack, FAKE_APP_TOKEN, SOCKET_MODE_DISABLED, type FakeSlack, type FakeSlackOptions } from "../../src/slack-fake/index.js";
import { ALICE, BOT_TOKEN, GENERAL, reportModal, SEED, SIGNING_SECRET } from "./harness.js";

type Message = Record<string, unknown> & { type?: string; envelope_id?: string; payload?: Record<string, unknown> };

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.close();
});

async function fakeSlack(options: Partial<FakeSlackOptions> = {}): Promise<FakeSlack> {
  const fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED, transport: "socket", ...options });
  open.push(fake);
  return fake;
}

async function connectionsOpen(fake: FakeSlack, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${fake.url}apps.connections.open`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as Record<string, unknown>;
}

/** A bare client: records every message, acknowledges with `reply` (nothing when it answers null). */
async function rawClient(url: string, reply: (m: Message) => Record<string, unknown> | null = () => ({})) {
  const ws = new WebSocket(url);
  const messages: Message[] = [];
  const pings: string[] = [];
  ws.on("ping", (data) => pings.push(data.toString()));
  ws.on("message", (data) => {
    const m = JSON.parse(data.toString()) as Message;
    messages.push(m);
    if (m.envelope_id === undefined) return;
    const payload = reply(m);
    if (payload !== null) ws.send(JSON.stringify({ envelope_id: m.envelope_id, payload }));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  await vi.waitFor(() => expect(messages[0]?.type).toBe("hello"));
  const client = { ws, messages, pings, close: () => ws.terminate() };
  open.push(client);
  return client;
}

describe("apps.connections.open", () => {
  it("answers a one-use ws:// URL on loopback for the app-level token, and refuses the bot token", async () => {
    const fake = await fakeSlack();
    const ok = await connectionsOpen(fake, FAKE_APP_TOKEN);
    expect(ok.ok).toBe(true);
    expect(String(ok.url)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[0-9a-f]+&app_id=A0DONDOC$/);
    expect(await connectionsOpen(fake, BOT_TOKEN)).toEqual({ ok: false, error: "not_allowed_token_type" });
    expect(await connectionsOpen(fake, "xapp-1-forged")).toEqual({ ok: false, error: "invalid_auth" });
    // …and the app-level token is no good for the bot's methods.
    const post = await fetch(`${fake.url}chat.postMessage`, { method: "POST", headers: { authorization: `Bearer ${FAKE_APP_TOKEN}` } });
    expect(await post.json()).toEqual({ ok: false, error: "not_allowed_token_type" });

    await rawClient(String(ok.url));
    const reused = new WebSocket(String(ok.url));
    const refused = await new Promise<string>((resolve) => reused.once("error", (e) => resolve(e.message)));
    expect(refused).toMatch(/401/);
  });

  it("says hello with num_connections, debug_info and connection_info, and pings", async () => {
    const fake = await fakeSlack({ socketMode: { pingIntervalMs: 50 } });
    const first = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url));
    const second = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url));
    expect(first.messages[0]).toEqual({
      type: "hello",
      num_connections: 1,
      debug_info: { host: "fake-slack", build_number: 1, approximate_connection_time: 18_060 },
      connection_info: { app_id: "A0DONDOC" },
    });
    expect(second.messages[0]).toMatchObject({ type: "hello", num_connections: 2 });
    await vi.waitFor(() => expect(first.pings.length).toBeGreaterThan(0));
  });
});

describe("envelopes", () => {
  it("wraps slash commands, interactions and events as Slack does", async () => {
    const fake = await fakeSlack();
    const client = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url));

    const command = await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc", text: "xin chào" });
    expect(command.status).toBe(200);
    const slash = client.messages.find((m) => m.type === "slash_commands")!;
    expect(slash).toMatchObject({ accepts_response_payload: true, envelope_id: command.envelopeId });
    expect(slash).not.toHaveProperty("retry_attempt");
    expect(slash.payload).toMatchObject({ command: "/dondoc", text: "xin chào", user_id: ALICE, channel_id: GENERAL, trigger_id: command.triggerId });

    const home = await fake.appHomeOpened({ userId: ALICE });
    const event = client.messages.find((m) => m.type === "events_api")!;
    expect(event).toMatchObject({ envelope_id: home.envelopeId, accepts_response_payload: false, retry_attempt: 0, retry_reason: "" });
    expect(event.payload).toMatchObject({ type: "event_callback", event_id: home.eventId, event: { type: "app_home_opened", user: ALICE } });

    fake.workspace.surfaces.openModal(ALICE, reportModal());
    await fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "60" } } });
    const interactive = client.messages.filter((m) => m.type === "interactive");
    expect(interactive.map((m) => [m.payload?.type, m.accepts_response_payload])).toEqual([["view_submission", true]]);
    expect(fake.workspace.surfaces.modalStack(ALICE)).toHaveLength(0);
  });

  it("honours the payload of an ack as it honours an HTTP answer: a command's message, a submission's errors", async () => {
    const fake = await fakeSlack();
    await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url), (m) => {
      if (m.type === "slash_commands") return { text: "Đã nhận" };
      if (m.payload?.type === "view_submission") return { response_action: "errors", errors: { progress: "Nhập số từ 0 đến 100" } };
      return {};
    });
    const command = await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" });
    expect(command.body).toEqual({ text: "Đã nhận" });
    expect(fake.workspace.conversations.ephemerals({ userId: ALICE }).map((e) => e.text)).toContain("Đã nhận");

    fake.workspace.surfaces.openModal(ALICE, reportModal());
    const submitted = await fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "150" } } });
    expect(submitted).toMatchObject({ status: 200, late: false, body: { response_action: "errors" } });
    expect(fake.workspace.surfaces.topModal(ALICE)?.errors).toEqual({ progress: "Nhập số từ 0 đến 100" });
  });

  it("re-delivers an unacknowledged event with the same envelope_id, retry_attempt and retry_reason, and gives up on other envelopes", async () => {
    const fake = await fakeSlack({ socketMode: { ackDeadlineMs: 100, ackWaitMs: 400, eventRetryDelaysMs: [0, 50] } });
    let answer = false;
    const client = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url), () => (answer ? {} : null));

    const home = await fake.appHomeOpened({ userId: ALICE });
    // Not acknowledged within ackWaitMs: the driver reports 408…
    expect(home.status).toBe(408);
    // …and Slack sent it again, twice (the configured retries), then stopped.
    await vi.waitFor(() => expect(client.messages.filter((m) => m.type === "events_api")).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 300));
    const events = client.messages.filter((m) => m.type === "events_api");
    expect(events).toHaveLength(3);
    expect(events.map((m) => [m.envelope_id, m.retry_attempt, m.retry_reason])).toEqual([
      [home.envelopeId, 0, ""],
      [home.envelopeId, 1, "timeout"],
      [home.envelopeId, 2, "timeout"],
    ]);
    expect(new Set(events.map((m) => (m.payload as { event_id: string }).event_id))).toEqual(new Set([home.eventId]));

    // A slash command nobody acknowledges is not sent again (Slack shows the user an error).
    const command = await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" });
    expect(command.status).toBe(408);
    await new Promise((r) => setTimeout(r, 300));
    expect(client.messages.filter((m) => m.type === "slash_commands")).toHaveLength(1);

    // Re-delivered on demand, it is acknowledged this time.
    answer = true;
    const again = await fake.socketMode.redeliver(command.envelopeId!);
    expect(again.status).toBe(200);
    expect(client.messages.filter((m) => m.type === "slash_commands").map((m) => m.envelope_id)).toEqual([command.envelopeId, command.envelopeId]);
    expect(fake.socketMode.envelopes().find((e) => e.id === command.envelopeId)?.acks).toHaveLength(1);
  });

  it("answers 503 (Slack's dispatch_failed) when no connection is open", async () => {
    const fake = await fakeSlack();
    const r = await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" });
    expect(r.status).toBe(503);
  });
});

describe("disconnects", () => {
  it("sends disconnect refresh_requested and gives the draining connection no new envelopes", async () => {
    const fake = await fakeSlack();
    const old = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url));
    fake.socketMode.disconnect("refresh_requested");
    await vi.waitFor(() => expect(old.messages.at(-1)).toMatchObject({ type: "disconnect", reason: "refresh_requested" }));
    expect((await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" })).status).toBe(503);
    const fresh = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url));
    expect((await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" })).status).toBe(200);
    expect(fresh.messages.filter((m) => m.type === "slash_commands")).toHaveLength(1);
    expect(old.messages.filter((m) => m.type === "slash_commands")).toHaveLength(0);
  });

  it("turns Socket Mode off with link_disabled until enabled again", async () => {
    const fake = await fakeSlack();
    const client = await rawClient(String((await connectionsOpen(fake, FAKE_APP_TOKEN)).url));
    fake.socketMode.disconnect("link_disabled");
    await vi.waitFor(() => expect(client.messages.at(-1)).toMatchObject({ type: "disconnect", reason: "link_disabled" }));
    expect(await connectionsOpen(fake, FAKE_APP_TOKEN)).toEqual({ ok: false, error: SOCKET_MODE_DISABLED });
    fake.socketMode.enable();
    expect((await connectionsOpen(fake, FAKE_APP_TOKEN)).ok).toBe(true);
  });

  it("is reconnected to by @slack/socket-mode after a drop and after refresh_requested", async () => {
    const fake = await fakeSlack();
    // @slack/socket-mode waits its ping timeout (5 s by default) before reconnecting: 2 s here (it is
    // also how long a pong may be late, and the fake answers from this busy thread).
    const receiver = new SocketModeReceiver({
      appToken: FAKE_APP_TOKEN,
      logLevel: LogLevel.ERROR,
      clientPingTimeout: 2_000,
      installerOptions: { clientOptions: { slackApiUrl: fake.url } },
    });
    const app = new App({ token: BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.url } });
    app.command("/dondoc", async ({ ack }) => ack("đã nhận"));
    await app.start();
    open.push({ close: () => app.stop() });
    const opened = () => fake.calls("apps.connections.open").length;
    expect(opened()).toBe(1);

    fake.socketMode.drop();
    await fake.socketMode.waitForConnections(1);
    expect(opened()).toBe(2);
    expect((await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" })).body).toEqual({ text: "đã nhận" });

    fake.socketMode.disconnect("refresh_requested");
    await fake.socketMode.waitForConnections(1);
    expect(opened()).toBe(3);
    expect(fake.socketMode.connections()).toHaveLength(1);
    expect((await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc" })).status).toBe(200);
  }, 30_000);
});
