// The fake Slack driving a real Bolt app, both ways: signed requests into the
// app's HTTP receiver or envelopes over Socket Mode, Web API calls and
// response_url posts back. Every test runs over both transports unless it is
// about HTTP itself.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signRequest } from "../../src/slack-fake/index.js";
import { ALICE, BOB, GENERAL, PLAN, reportModal, sections, startHarness, TRANSPORTS, type Harness } from "./harness.js";

describe.each(TRANSPORTS)("Bolt over %s", (transport) => {
  let h: Harness;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    h = await startHarness(
      (app) => {
        app.command("/dondoc", async ({ ack, respond, command }) => {
          await ack();
          await respond({ text: `Đã nhận: ${command.text}` });
        });
        app.command("/ack-text", async ({ ack }) => {
          await ack({ response_type: "in_channel", text: "Xin chào cả kênh" });
        });
        app.command("/baocao", async ({ ack, client, command }) => {
          await ack();
          await client.views.open({ trigger_id: command.trigger_id, view: reportModal() as never });
        });
        app.view("report", async ({ ack, view }) => {
          const percent = view.state.values.progress?.percent?.value ?? "";
          if (!/^\d+$/.test(percent) || Number(percent) > 100) {
            await ack({ response_action: "errors", errors: { progress: "Nhập số từ 0 đến 100" } });
            return;
          }
          await ack();
        });
        app.action("approve", async ({ ack, respond }) => {
          await ack();
          await respond({ replace_original: true, text: "Đã duyệt" });
        });
        app.event("app_home_opened", async ({ event, client }) => {
          await client.views.publish({
            user_id: event.user,
            view: { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: "dondoc" } }] },
          });
        });
      },
      { fake: { now: () => Date.now() + clockOffsetMs }, transport },
    );
  });

  afterAll(async () => {
    await h.close();
  });

  describe("requests into Bolt's receiver", () => {
    it("acks a slash command and records its response_url reply as an ephemeral message", async () => {
      const result = await h.fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/dondoc", text: "xin chào" });

      expect(result.status).toBe(200);
      expect(result.late).toBe(false);
      await vi.waitFor(() => expect(h.fake.calls("response_url")).toHaveLength(1));
      expect(h.fake.workspace.conversations.ephemerals({ userId: ALICE, channelId: GENERAL }).map((m) => m.text)).toContain("Đã nhận: xin chào");
      expect(h.fake.workspace.conversations.messages(GENERAL)).toHaveLength(0);
    });

    it("shows a message given in the acknowledgement itself", async () => {
      await h.fake.slashCommand({ userId: ALICE, channelId: PLAN, command: "/ack-text" });

      expect(h.fake.workspace.conversations.messages(PLAN).map((m) => m.text)).toEqual(["Xin chào cả kênh"]);
    });

    it.runIf(transport === "http")("is refused by Bolt with 401 when the signature is forged", async () => {
      const body = new URLSearchParams({ command: "/dondoc", text: "giả", user_id: ALICE, channel_id: GENERAL }).toString();
      const ts = Math.floor(Date.now() / 1000);

      const forged = await h.fake.postToApp(body, "application/x-www-form-urlencoded", {
        signature: signRequest("not-the-secret", body, ts),
        timestampSec: ts,
      });

      expect(forged.status).toBe(401);
    });

    it.runIf(transport === "http")("is refused by Bolt with 401 when the timestamp is more than five minutes old", async () => {
      const body = new URLSearchParams({ command: "/dondoc", text: "cũ", user_id: ALICE, channel_id: GENERAL }).toString();

      const stale = await h.fake.postToApp(body, "application/x-www-form-urlencoded", {
        timestampSec: Math.floor(Date.now() / 1000) - 5 * 60 - 10,
      });

      expect(stale.status).toBe(401);
    });
  });

  describe("modals", () => {
    it("opens a modal with the trigger_id of a slash command", async () => {
      await h.fake.slashCommand({ userId: BOB, channelId: GENERAL, command: "/baocao" });

      await vi.waitFor(() => expect(h.fake.workspace.surfaces.topModal(BOB)?.callbackId).toBe("report"));
      expect(h.fake.calls("views.open").at(-1)).toMatchObject({ ok: true, status: 200 });
    });

    it("refuses a trigger_id used twice (exchanged_trigger_id) or older than 3 s (expired_trigger_id)", async () => {
      const trigger = h.fake.issueTrigger(ALICE);
      await h.app.client.views.open({ trigger_id: trigger, view: reportModal() as never });

      await expect(h.app.client.views.open({ trigger_id: trigger, view: reportModal() as never })).rejects.toMatchObject({
        data: { ok: false, error: "exchanged_trigger_id" },
      });

      const old = h.fake.issueTrigger(ALICE);
      clockOffsetMs += 3_500;
      await expect(h.app.client.views.open({ trigger_id: old, view: reportModal() as never })).rejects.toMatchObject({
        data: { error: "expired_trigger_id" },
      });
      await expect(h.app.client.views.open({ trigger_id: "1.2.made-up", view: reportModal() as never })).rejects.toMatchObject({
        data: { error: "invalid_trigger_id" },
      });
    });

    it("returns response_action errors to the caller and keeps the modal open; closes it on a plain ack", async () => {
      const opened = h.fake.calls("views.open").length;
      await h.fake.slashCommand({ userId: ALICE, channelId: GENERAL, command: "/baocao" });
      await vi.waitFor(() => expect(h.fake.calls("views.open")).toHaveLength(opened + 1));

      const refused = await h.fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "150" } } });

      expect(refused.status).toBe(200);
      expect(refused.body).toEqual({ response_action: "errors", errors: { progress: "Nhập số từ 0 đến 100" } });
      expect(h.fake.workspace.surfaces.topModal(ALICE)?.errors).toEqual({ progress: "Nhập số từ 0 đến 100" });

      const accepted = await h.fake.viewSubmission({ userId: ALICE, values: { progress: { percent: "60" } } });

      expect(accepted.status).toBe(200);
      expect(h.fake.workspace.surfaces.modalStack(ALICE)).toHaveLength(0);
    });
  });

  describe("messages", () => {
    it("refuses a message of 51 blocks with invalid_blocks and accepts 50", async () => {
      await expect(h.app.client.chat.postMessage({ channel: GENERAL, text: "quá dài", blocks: sections(51) as never })).rejects.toMatchObject({
        data: { ok: false, error: "invalid_blocks" },
      });

      const ok = await h.app.client.chat.postMessage({ channel: GENERAL, text: "vừa", blocks: sections(50) as never });
      expect(ok.ok).toBe(true);
    });

    it("refuses blocks holding more than 12,000 characters with msg_blocks_too_long", async () => {
      await expect(h.app.client.chat.postMessage({ channel: GENERAL, text: "dài", blocks: sections(5, "a".repeat(2_500)) as never })).rejects.toMatchObject({
        data: { error: "msg_blocks_too_long" },
      });
    });

    it("replaces the original message when a button's handler responds with replace_original", async () => {
      const posted = await h.app.client.chat.postMessage({
        channel: PLAN,
        text: "Duyệt báo cáo?",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: "Duyệt báo cáo?" } },
          { type: "actions", elements: [{ type: "button", action_id: "approve", value: "task-42", text: { type: "plain_text", text: "Duyệt" } }] },
        ],
      });

      const clicked = await h.fake.blockAction({ userId: ALICE, channelId: PLAN, actionId: "approve" });

      expect(clicked.status).toBe(200);
      await vi.waitFor(() => expect(h.fake.workspace.conversations.message(PLAN, posted.ts ?? "")?.text).toBe("Đã duyệt"));
    });
  });

  describe("events", () => {
    it("sends app_home_opened as an event_callback and stores the published App Home", async () => {
      const result = await h.fake.appHomeOpened({ userId: BOB });

      expect(result.status).toBe(200);
      await vi.waitFor(() => expect(h.fake.workspace.surfaces.home(BOB)?.blocks).toHaveLength(1));
    });
  });
});
