// Files in the fake: a DM share fires file_shared, files.info gives
// url_private, the download needs the bot token, and a modal's file_input
// reports the picked files' objects in view.state.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack } from "../../src/slack-fake/index.js";
import { ALICE, BOT_TOKEN, SEED, SIGNING_SECRET, startRecordingApp } from "./harness.js";

let fake: FakeSlack;
let app: Awaited<ReturnType<typeof startRecordingApp>>;

beforeEach(async () => {
  app = await startRecordingApp();
  fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED, appUrl: app.url });
});

afterEach(async () => {
  await fake.close();
  await app.close();
});

async function api(method: string, args: Record<string, string>, token = BOT_TOKEN) {
  const res = await fetch(`${fake.url}${method}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${token}` },
    body: new URLSearchParams(args).toString(),
  });
  return (await res.json()) as Record<string, unknown> & { ok: boolean; error?: string; file?: Record<string, unknown> };
}

describe("files", () => {
  it("a DM share posts the file and sends file_shared; files.info gives url_private; the download needs the bot token", async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x10]);
    const { fileId, event } = await fake.shareFile({ userId: ALICE, name: "kế hoạch.docx", bytes });
    expect(event.status).toBe(200);
    const sent = JSON.parse(app.requests.at(-1)!.body) as { type: string; event: Record<string, unknown> };
    expect(sent.type).toBe("event_callback");
    expect(sent.event).toMatchObject({ type: "file_shared", file_id: fileId, user_id: ALICE, file: { id: fileId } });
    const dm = sent.event.channel_id as string;
    expect(dm).toMatch(/^D/);
    expect(fake.workspace.conversations.messages(dm).at(-1)).toMatchObject({ userId: ALICE, text: "", files: [{ id: fileId, name: "kế hoạch.docx", size: 7 }] });

    const info = await api("files.info", { file: fileId });
    expect(info.ok).toBe(true);
    expect(info.file).toMatchObject({ id: fileId, name: "kế hoạch.docx", size: 7, filetype: "docx", user: ALICE, ims: [dm] });
    const url = info.file!.url_private as string;
    expect(url.startsWith(fake.origin)).toBe(true);

    const ok = await fetch(url, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(bytes);
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("text/html");
    const wrong = await fetch(url, { headers: { authorization: "Bearer xoxb-someone-else" } });
    expect(wrong.status).toBe(401);
  });

  it("files.info refuses an unknown file and a wrong token", async () => {
    expect(await api("files.info", { file: "F0NOPE" })).toMatchObject({ ok: false, error: "file_not_found" });
    const id = fake.addFile({ userId: ALICE, name: "a.txt", bytes: Buffer.from("x") });
    expect(await api("files.info", { file: id }, "xoxb-wrong")).toMatchObject({ ok: false, error: "invalid_auth" });
  });

  it("a file_input in a modal reports the picked files' objects", async () => {
    const trigger = fake.issueTrigger(ALICE);
    const opened = await api("views.open", {
      trigger_id: trigger,
      view: JSON.stringify({
        type: "modal",
        callback_id: "upload",
        title: { type: "plain_text", text: "Nạp kế hoạch" },
        submit: { type: "plain_text", text: "Đọc" },
        blocks: [
          {
            type: "input",
            block_id: "file",
            label: { type: "plain_text", text: "Tệp" },
            element: { type: "file_input", action_id: "file", filetypes: ["docx", "pdf"], max_files: 1 },
          },
        ],
      }),
    });
    expect(opened.ok).toBe(true);
    const viewId = (opened.view as { id: string }).id;
    const id = fake.addFile({ userId: ALICE, name: "plan.pdf", bytes: Buffer.from("%PDF-1.4") });
    await fake.viewSubmission({ userId: ALICE, viewId, values: { file: { file: [id] } } });
    const payload = JSON.parse(new URLSearchParams(app.requests.at(-1)!.body).get("payload")!) as {
      view: { state: { values: Record<string, Record<string, { type: string; files: Record<string, unknown>[] }>> } };
    };
    const value = payload.view.state.values.file!.file!;
    expect(value.type).toBe("file_input");
    expect(value.files).toEqual([expect.objectContaining({ id, name: "plan.pdf", filetype: "pdf", size: 8 })]);
    expect(String(value.files[0]!.url_private)).toContain(id);
  });
});
