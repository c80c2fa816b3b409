// What the fake sends to an app when a user acts, and what it does with the
// app's answers, checked against a stand-in app that records requests.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifySlackRequest } from "@slack/bolt";
import { createFakeSlack, type FakeSlack } from "../../src/slack-fake/index.js";
import { ALICE, BOT_TOKEN, GENERAL, PLAN, reportModal, SEED, SIGNING_SECRET, startRecordingApp, type RecordedRequest } from "./harness.js";

let fake: FakeSlack;
let app: Awaited<ReturnType<typeof startRecordingApp>>;
let reply: (req: RecordedRequest) => { status?: number; body?: unknown };

beforeEach(async () => {
  fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED });
  reply = () => ({});
  app = await startRecordingApp((req) => reply(req));
  fake.setAppUrl(app.url);
});

afterEach(async () => {
  await app.close();
  await fake.close();
});

function lastForm(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(app.requests.at(-1)?.body ?? ""));
}

function lastPayload(): Record<string, any> {
  return JSON.parse(lastForm().payload ?? "{}") as Record<string, any>;
}

/** Web API calls as the app would make them. */
async function api(method: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await fetch(`${fake.url}${method}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify(args),
  });
  return (await res.json()) as Record<string, any>;
}

async function postTo(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

const button = (actionId: string, value: string) => ({
  type: "actions",
  block_id: "buttons",
  elements: [{ type: "button", action_id: actionId, value, text: { type: "plain_text", text: "Bấm" } }],
});

describe("slash commands", () => {
  it("sends Slack's form fields, signed so that Bolt's own check passes", async () => {
    const result = await fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc", text: "báo cáo 42" });

    const request = app.requests[0];
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(() =>
      verifySlackRequest({
        signingSecret: SIGNING_SECRET,
        body: request?.body ?? "",
        headers: {
          "x-slack-signature": String(request?.headers["x-slack-signature"]),
          "x-slack-request-timestamp": Number(request?.headers["x-slack-request-timestamp"]),
        },
      }),
    ).not.toThrow();
    expect(lastForm()).toMatchObject({
      team_id: "T0DONDOC",
      user_id: ALICE,
      user_name: "alice",
      channel_id: GENERAL,
      channel_name: "general",
      command: "/dondoc",
      text: "báo cáo 42",
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
    });
    expect(result.responseUrl?.startsWith(fake.origin)).toBe(true);
  });

  it("refuses to act for users or channels that were never seeded", async () => {
    await expect(fake.slashCommand({ userId: "U404", channelId: GENERAL, command: "/dondoc" })).rejects.toThrow(/unknown user U404/);
  });
});

describe("block actions", () => {
  it("clicks a button in a message: the button's value, the message and a response_url", async () => {
    const posted = await api("chat.postMessage", { channel: PLAN, text: "Duyệt?", blocks: [button("approve", "task-42")] });

    const result = await fake.blockAction({ userId: ALICE, channelId: PLAN, actionId: "approve" });

    const payload = lastPayload();
    expect(payload).toMatchObject({
      type: "block_actions",
      user: { id: ALICE },
      trigger_id: result.triggerId,
      container: { type: "message", message_ts: posted.ts, channel_id: PLAN, is_ephemeral: false },
      channel: { id: PLAN },
      message: { ts: posted.ts, text: "Duyệt?" },
      response_url: result.responseUrl,
      actions: [{ type: "button", action_id: "approve", block_id: "buttons", value: "task-42" }],
    });
  });

  it("cannot click what is not shown", async () => {
    await expect(fake.blockAction({ userId: ALICE, channelId: PLAN, actionId: "nothing" })).rejects.toThrow(/no element/);
  });

  it("replaces, deletes or adds to an ephemeral message through its response_url", async () => {
    await api("chat.postEphemeral", { channel: GENERAL, user: ALICE, text: "Chọn", blocks: [button("pick", "1")] });
    const { responseUrl } = await fake.blockAction({ userId: ALICE, channelId: GENERAL, actionId: "pick" });
    const url = responseUrl ?? "";
    const ephemerals = () => fake.workspace.conversations.ephemerals({ userId: ALICE }).map((m) => m.text);

    await postTo(url, { replace_original: true, text: "Đã chọn 1" });
    expect(ephemerals()).toEqual(["Đã chọn 1"]);
    await postTo(url, { response_type: "in_channel", text: "Alice chọn 1" });
    expect(fake.workspace.conversations.messages(GENERAL).map((m) => [m.text, m.via])).toEqual([["Alice chọn 1", "response_url"]]);
    await postTo(url, { delete_original: true });
    expect(ephemerals()).toEqual([]);
    expect(fake.calls("response_url")).toHaveLength(3);
  });

  it("picks an option in a modal's select and keeps it in the view's state", async () => {
    const select = {
      type: "section",
      block_id: "unit",
      text: { type: "mrkdwn", text: "Đơn vị" },
      accessory: {
        type: "static_select",
        action_id: "pick_unit",
        options: [
          { text: { type: "plain_text", text: "Văn phòng" }, value: "VP" },
          { text: { type: "plain_text", text: "Thanh tra" }, value: "TTr" },
        ],
      },
    };
    await api("views.open", { trigger_id: fake.issueTrigger(ALICE), view: { ...reportModal(), blocks: [select, ...(reportModal().blocks as object[])] } });

    await fake.blockAction({ userId: ALICE, actionId: "pick_unit", value: "TTr" });

    const selected = { type: "static_select", selected_option: { text: { type: "plain_text", text: "Thanh tra" }, value: "TTr" } };
    expect(lastPayload()).toMatchObject({ container: { type: "view" }, actions: [{ action_id: "pick_unit", ...selected }] });
    expect(fake.workspace.surfaces.topModal(ALICE)?.stateValues).toMatchObject({ unit: { pick_unit: selected } });
    await expect(fake.blockAction({ userId: ALICE, actionId: "pick_unit", value: "XX" })).rejects.toThrow(/no option/);
  });
});

describe("view submissions", () => {
  async function openReport(view = reportModal()): Promise<string> {
    const answer = await api("views.open", { trigger_id: fake.issueTrigger(ALICE), view });
    return String(answer.view.id);
  }

  it("sends the view with state values, initial values included, and closes it on an empty ack", async () => {
    const viewId = await openReport();

    const result = await fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "80" } } });

    expect(result.status).toBe(200);
    expect(lastPayload()).toMatchObject({
      type: "view_submission",
      view: {
        id: viewId,
        callback_id: "report",
        private_metadata: '{"taskId":42}',
        state: {
          values: {
            progress: { percent: { type: "plain_text_input", value: "80" } },
            due: { date: { type: "datepicker", selected_date: "2025-06-30" } },
          },
        },
      },
    });
    expect(fake.workspace.surfaces.modalStack(ALICE)).toEqual([]);
  });

  it("applies response_action update, push and clear", async () => {
    const viewId = await openReport();

    reply = () => ({ body: { response_action: "update", view: reportModal("step-2") } });
    await fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "1" } } });
    expect(fake.workspace.surfaces.topModal(ALICE)).toMatchObject({ id: viewId, callbackId: "step-2" });

    reply = () => ({ body: { response_action: "push", view: reportModal("step-3") } });
    await fake.viewSubmission({ userId: ALICE });
    expect(fake.workspace.surfaces.modalStack(ALICE).map((v) => v.callbackId)).toEqual(["step-2", "step-3"]);

    reply = () => ({ body: { response_action: "clear" } });
    await fake.viewSubmission({ userId: ALICE });
    expect(fake.workspace.surfaces.modalStack(ALICE)).toEqual([]);
  });

  it("reports Slack's refusal of a view the app answers with, leaving the modal as it was", async () => {
    await openReport();
    reply = () => ({ body: { response_action: "update", view: { ...reportModal(), blocks: Array(101).fill({ type: "divider" }) } } });

    const result = await fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "1" } } });

    expect(result.refusal).toMatchObject({ error: "invalid_arguments" });
    expect(fake.workspace.surfaces.topModal(ALICE)?.callbackId).toBe("report");
  });

  it("refuses values for inputs the view does not have", async () => {
    await openReport();

    await expect(fake.viewSubmission({ userId: ALICE, values: { nope: { x: "1" } } })).rejects.toThrow(/no input nope\/x/);
  });

  it("tells the app a modal was closed only when it asked with notify_on_close", async () => {
    await openReport();
    expect(await fake.viewClosed({ userId: ALICE })).toBeUndefined();
    expect(app.requests).toHaveLength(0);

    await openReport({ ...reportModal(), notify_on_close: true });
    const closed = await fake.viewClosed({ userId: ALICE });

    expect(closed?.status).toBe(200);
    expect(lastPayload()).toMatchObject({ type: "view_closed", is_cleared: false, view: { callback_id: "report" } });
    expect(fake.workspace.surfaces.modalStack(ALICE)).toEqual([]);
  });
});

describe("events", () => {
  it("sends app_home_opened in an event_callback, with the published view", async () => {
    await api("views.publish", { user_id: ALICE, view: { type: "home", blocks: [] } });

    await fake.appHomeOpened({ userId: ALICE });

    const request = app.requests[0];
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "{}")).toMatchObject({
      type: "event_callback",
      team_id: "T0DONDOC",
      event: { type: "app_home_opened", user: ALICE, tab: "home", channel: expect.stringMatching(/^D/), view: { type: "home" } },
      authorizations: [{ user_id: "U0DONDOCBOT", is_bot: true }],
    });
  });

  it("marks retried deliveries as Slack does", async () => {
    await fake.sendEvent({ type: "app_mention", user: ALICE, text: "hi" }, { retryNum: 1, retryReason: "http_timeout" });

    expect(app.requests[0]?.headers).toMatchObject({ "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
  });

  it("re-sends an event as Slack retries it: the same body and event_id, the retry number one higher each time", async () => {
    const first = await fake.appHomeOpened({ userId: ALICE });
    await fake.redeliverEvent(first.eventId);
    await fake.redeliverEvent(first.eventId, "http_error");

    expect(app.requests).toHaveLength(3);
    expect(new Set(app.requests.map((r) => r.body)).size).toBe(1);
    expect(JSON.parse(app.requests[0]!.body)).toMatchObject({ event_id: first.eventId });
    expect(app.requests[0]!.headers).not.toHaveProperty("x-slack-retry-num");
    expect(app.requests.slice(1).map((r) => [r.headers["x-slack-retry-num"], r.headers["x-slack-retry-reason"]])).toEqual([
      ["1", "http_timeout"],
      ["2", "http_error"],
    ]);
  });
});

describe("workspace changes", () => {
  it("are announced to subscribers, for a UI to follow", async () => {
    const seen: string[] = [];
    const stop = fake.workspace.onChange((change) => seen.push(`${change.kind}:${"action" in change ? change.action : ""}`));

    const posted = await api("chat.postMessage", { channel: GENERAL, text: "a" });
    await api("chat.update", { channel: GENERAL, ts: posted.ts, text: "b" });
    await api("views.publish", { user_id: ALICE, view: { type: "home", blocks: [] } });
    stop();
    await api("chat.delete", { channel: GENERAL, ts: posted.ts });

    expect(seen).toEqual(["message:posted", "message:changed", "home:published"]);
  });
});
