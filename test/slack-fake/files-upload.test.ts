// The fake's file upload v2, driven by @slack/web-api's own files.uploadV2
// (getUploadURLExternal, the multipart POST to the upload URL,
// completeUploadExternal), files.info, the download link, and the refusals:
// a file over the size limit, a completion before the bytes arrived, a
// reused upload URL. Also a modal's file input in view.state.
import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFakeSlack, type FakeSlack } from "../../src/slack-fake/index.js";
import { elementValue } from "../../src/slack-fake/app-driver/element-values.js";
import { BOT_TOKEN, GENERAL, SEED, SIGNING_SECRET } from "./harness.js";

let fake: FakeSlack;
let client: WebClient;

beforeEach(async () => {
  fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED, fileSizeLimit: 64 * 1024 });
  client = new WebClient(BOT_TOKEN, { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
});

afterEach(async () => {
  await fake.close();
});

// Bytes that do not survive a UTF-8 round trip: the upload must be binary-safe.
const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0xc3, 0x28, ...Buffer.from("Báo cáo quý III", "utf8")]);
const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x80, 0x81, 0x82, 0x00, 0x01]);

describe("files upload v2", () => {
  it("uploads two files and shares them in one message with the comment; bytes and names intact", async () => {
    const r = await client.files.uploadV2({
      channel_id: GENERAL,
      initial_comment: "Báo cáo quý III/2023 đã được Lãnh đạo Sở duyệt.",
      file_uploads: [
        { file: docx, filename: "bao-cao-quy-iii-2023.docx", title: "Báo cáo quý III/2023" },
        { file: xlsx, filename: "phu-luc-quy-iii-2023.xlsx" },
      ],
    });
    expect(r.ok).toBe(true);
    expect(fake.calls().map((c) => c.method)).toEqual(["files.getUploadURLExternal", "files.getUploadURLExternal", "upload", "upload", "files.completeUploadExternal"]);
    const messages = fake.workspace.conversations.history(GENERAL);
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(m.text).toBe("Báo cáo quý III/2023 đã được Lãnh đạo Sở duyệt.");
    expect(m.files?.map((f) => [f.name, f.title, f.size])).toEqual([
      ["bao-cao-quy-iii-2023.docx", "Báo cáo quý III/2023", docx.length],
      ["phu-luc-quy-iii-2023.xlsx", "phu-luc-quy-iii-2023.xlsx", xlsx.length],
    ]);
    const stored = fake.workspace.files.list();
    expect(stored.map((f) => Buffer.compare(f.bytes, f.name.endsWith(".docx") ? docx : xlsx))).toEqual([0, 0]);
    expect(stored.every((f) => f.channels.includes(GENERAL))).toBe(true);
    // files.info and the download link.
    const info = await client.files.info({ file: stored[0]!.id });
    expect(info.file).toMatchObject({ id: stored[0]!.id, name: "bao-cao-quy-iii-2023.docx", size: docx.length, channels: [GENERAL] });
    const download = await fetch(String(info.file?.url_private), { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(docx)).toBe(true);
    // History shows the files as Slack does.
    const history = await client.conversations.history({ channel: GENERAL });
    expect((history.messages?.[0] as { files?: { name: string }[] } | undefined)?.files?.map((f) => f.name)).toEqual(["bao-cao-quy-iii-2023.docx", "phu-luc-quy-iii-2023.xlsx"]);
  });

  it("refuses a file over the limit before anything is uploaded or shared", async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 1);
    await expect(client.files.uploadV2({ channel_id: GENERAL, file: big, filename: "video.mp4" })).rejects.toMatchObject({ data: { error: "file_too_large" } });
    expect(fake.calls("upload")).toHaveLength(0);
    expect(fake.workspace.conversations.history(GENERAL)).toHaveLength(0);
    expect(fake.workspace.files.list()).toHaveLength(0);
  });

  it("completes nothing when a file's bytes never arrived; an upload URL works once", async () => {
    const a = await client.files.getUploadURLExternal({ filename: "a.docx", length: docx.length });
    const b = await client.files.getUploadURLExternal({ filename: "b.xlsx", length: xlsx.length });
    expect((await fetch(a.upload_url!, { method: "POST", body: new Uint8Array(docx) })).status).toBe(200);
    expect((await fetch(a.upload_url!, { method: "POST", body: new Uint8Array(docx) })).status).toBe(404);
    await expect(client.files.completeUploadExternal({ files: [{ id: a.file_id! }, { id: b.file_id! }], channel_id: GENERAL })).rejects.toMatchObject({
      data: { error: "file_upload_incomplete" },
    });
    expect(fake.workspace.files.list()).toHaveLength(0);
    expect(fake.workspace.conversations.history(GENERAL)).toHaveLength(0);
    await expect(client.files.info({ file: a.file_id! })).rejects.toMatchObject({ data: { error: "file_not_found" } });
  });
});

describe("a modal's file input", () => {
  it("reports the attached files in view.state, none by default", () => {
    const el = { type: "file_input", action_id: "evidence_files", max_files: 10 };
    expect(elementValue(el, undefined)).toEqual({ type: "file_input", files: [] });
    const f = fake.workspace.files.add({ userId: "U01ALICE", name: "Biên bản.pdf", bytes: Buffer.alloc(1234) });
    expect(elementValue(el, { files: [{ id: f.id, name: f.name, size: f.size }] })).toEqual({ type: "file_input", files: [{ id: f.id, name: "Biên bản.pdf", size: 1234 }] });
  });
});
