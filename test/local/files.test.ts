// The page shares a file with dondoc (a DM) and picks one for a modal's
// file_input, through the fake Slack, as a person in Slack would.
import { readFile } from "node:fs/promises";
import { parse as parseDisposition } from "content-disposition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExampleWorkspace, type Started } from "./local-workspace.js";

const OFFICE = "U0VP00002";
const PLAN = await readFile(new URL("../fixtures/slack-import/ke-hoach-77.txt", import.meta.url));

describe("files from the local workspace's page", () => {
  let w: Started;
  beforeAll(async () => {
    w = await startExampleWorkspace();
  });
  afterAll(async () => w?.close());

  const post = (path: string, query: Record<string, string>, body: Buffer) =>
    fetch(new URL(`api/${path}?${new URLSearchParams(query)}`, w.local.url), {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(body),
    });

  it("a file shared in the DM reaches dondoc, which answers with the preview", async () => {
    const res = await post("share", { user: OFFICE, name: "ke-hoach-77.txt" }, PLAN);
    expect(res.status).toBe(200);
    const { fileId } = (await res.json()) as { fileId: string };
    expect(fileId).toMatch(/^F/);
    const fake = w.local.fake;
    const dm = fake.workspace.directory.imChannel(OFFICE, fake.workspace.bot.userId).id;
    await expect.poll(() => fake.workspace.conversations.messages(dm).some((m) => m.botId && m.text.includes("77/KH-SLĐTBXH")), { timeout: 10_000 }).toBe(true);
    // The page shows the DM under App Home's Messages tab.
    const view = (await w.api<{ messages: { html: string }[] }>(`view?user=${OFFICE}&channel=home`)).json;
    expect(view.messages.map((m) => m.html).join("")).toContain("Xem trước kế hoạch từ văn bản");
  });

  it("the upload form of /kehoach nhapkehoach shows a file input; a picked file is stored for the submission", async () => {
    const vp = w.local.fake.workspace.directory.channel("dondoc-vp")!.id;
    await w.api("command", { user: OFFICE, channel: vp, text: "/kehoach nhapkehoach" });
    const view = (await w.api<{ modal: { html: string } | null }>(`view?user=${OFFICE}&channel=${vp}`)).json;
    expect(view.modal?.html).toContain('type="file"');
    const res = await post("file", { user: OFFICE, name: "ke-hoach-77.txt" }, PLAN);
    const { fileId } = (await res.json()) as { fileId: string };
    expect(w.local.fake.workspace.files.get(fileId)?.size).toBe(PLAN.length);
  });

  it("shows a shared document as a download link with its name and size; the download is an attachment under its Vietnamese name", async () => {
    const name = "Báo cáo tổng hợp đợt 1 (bản ký)*.xlsx";
    const bytes = Buffer.alloc(3_000, 7);
    const res = await post("share", { user: OFFICE, name }, bytes);
    expect(res.status).toBe(200);
    const { fileId } = (await res.json()) as { fileId: string };
    const view = (await w.api<{ messages: { html: string }[] }>(`view?user=${OFFICE}&channel=home`)).json;
    const shown = view.messages.map((m) => m.html).find((h) => h.includes(`/api/files/${fileId}`));
    expect(shown).toContain(`download="${name}"`);
    expect(shown).toContain(`>${name}</a> <span class="file-size">2,9 KB</span>`);

    const file = await fetch(new URL(`api/files/${fileId}`, w.local.url));
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    const disposition = file.headers.get("content-disposition")!;
    // RFC 5987: UTF-8, percent-encoded, '()*' included; an ASCII name without diacritics for older clients.
    expect(disposition).toBe(
      `attachment; filename="Bao cao tong hop dot 1 (ban ky)*.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20h%E1%BB%A3p%20%C4%91%E1%BB%A3t%201%20%28b%E1%BA%A3n%20k%C3%BD%29%2A.xlsx`,
    );
    // Read back as a browser does: the UTF-8 name wins over the ASCII one.
    const parsed = parseDisposition(disposition);
    expect([parsed.type, parsed.parameters.filename]).toEqual(["attachment", name]);
  });

  it("serves no file that was not shared in a conversation", async () => {
    const res = await post("file", { user: OFFICE, name: "nháp.pdf" }, Buffer.from("%PDF-1.4"));
    const { fileId } = (await res.json()) as { fileId: string };
    expect((await fetch(new URL(`api/files/${fileId}`, w.local.url))).status).toBe(404);
  });

  it("refuses an unknown user and a bad file name", async () => {
    expect((await post("share", { user: "U0NOBODY", name: "a.txt" }, Buffer.from("x"))).status).toBe(400);
    expect((await post("share", { user: OFFICE, name: "../a.txt" }, Buffer.from("x"))).status).toBe(400);
  });
});
