// The local workspace end to end without a browser: the page's JSON API in
// front of the fake Slack and dondoc's real Slack app, on PGlite with the
// example organisation and plan, the clock in September 2023.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeJobs, startExampleWorkspace, USERS, type Started } from "./local-workspace.js";

interface Workspace {
  command: string;
  clock: { label: string; input: string };
  channels: { id: string; name: string; label: { vi: string; en: string } }[];
  groups: { label: { vi: string; en: string }; people: { id: string; name: string; role: { vi: string } }[] }[];
  defaultUserId: string | null;
  jobs: { id: string }[] | null;
}
interface ShownMessage {
  ts: string;
  ephemeral: boolean;
  text: string;
  html: string;
}
interface View {
  messages: ShownMessage[];
  modal: { id: string; key: string; html: string } | null;
  home?: { id: string; html: string } | null;
}

describe("the local workspace API", () => {
  let w: Started;
  let ws: Workspace;
  const channel = (name: string) => ws.channels.find((c) => c.name === name)!.id;
  const view = async (user: string, where: string) => (await w.api<View>(`view?user=${user}&channel=${where}`)).json;
  const command = (user: string, where: string, text: string) => w.api("command", { user, channel: where, text });
  /** Waits for what dondoc does after acknowledging (posts, modals) to show. */
  const until = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    let last: T | undefined;
    await expect.poll(async () => ok((last = await read())), { timeout: 10_000, interval: 50 }).toBe(true);
    return last!;
  };
  const taskId = async (code: string) => String((await w.db.prisma.task.findFirstOrThrow({ where: { code } })).id);

  beforeAll(async () => {
    w = await startExampleWorkspace({ jobs: fakeJobs });
    ws = (await w.api<Workspace>("workspace")).json;
  });
  afterAll(async () => w?.close());

  it("seeds a channel per unit plus the leadership's, and people by leadership, Office and unit", () => {
    expect(ws.command).toBe("/kehoach");
    expect(ws.channels.map((c) => c.name).sort()).toEqual(["dondoc-gdnn", "dondoc-khtc", "dondoc-lanhdao", "dondoc-ldvl", "dondoc-ttdvvl", "dondoc-vp"]);
    expect(ws.channels.find((c) => c.name === "dondoc-gdnn")!.label.vi).toBe("GDNN · Phòng Giáo dục nghề nghiệp");
    const labels = ws.groups.map((g) => g.label.vi);
    expect(labels.slice(0, 2)).toEqual(["Lãnh đạo Sở", "Văn phòng Sở"]);
    expect(labels).toContain("Phòng Giáo dục nghề nghiệp");
    const gdnn = ws.groups.find((g) => g.label.vi === "Phòng Giáo dục nghề nghiệp")!;
    expect(gdnn.people.map((p) => [p.id, p.role.vi])).toEqual([
      ["U0GDNN001", "Lãnh đạo đơn vị"],
      ["U0GDNN002", "Cán bộ"],
    ]);
    expect(ws.jobs).toEqual([{ id: "reminders", label: { vi: "Nhắc việc thứ Hai", en: "Monday reminders" } }]);
    expect(ws.clock.label).toBe("Thứ Tư, 20/09/2023 10:00");
  });

  it("answers /kehoach tongquan privately to the caller, in the channel it was typed in", async () => {
    const gdnn = channel("dondoc-gdnn");
    const r = await command(USERS.gdnnStaff, gdnn, "/kehoach tongquan");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 200, late: false });
    const shown = await until(
      () => view(USERS.gdnnStaff, gdnn),
      (v) => v.messages.some((m) => m.ephemeral),
    );
    const answer = shown.messages.find((m) => m.ephemeral)!;
    expect(answer.html).toContain("Tổng số nhiệm vụ");
    expect(answer.html).toContain("Chỉ người dùng lệnh nhìn thấy");
    // Someone else in the channel does not see it.
    expect((await view(USERS.leadership, gdnn)).messages).toEqual([]);
  });

  it("opens the report form, shows the app's field error, then posts the report to the unit's channel", async () => {
    const gdnn = channel("dondoc-gdnn");
    const id = await taskId("II.2.c.3.1");
    await command(USERS.gdnnStaff, gdnn, "/kehoach baocao II.2.c.3.1");
    const opened = await until(
      () => view(USERS.gdnnStaff, gdnn),
      (v) => v.modal !== null,
    );
    expect(opened.modal!.html).toContain("Báo cáo tiến độ");
    expect(opened.modal!.html).toMatch(/<option value="\d+" selected>II\.2\.c\.3\.1/);

    const invalid = await w.api("submit", { user: USERS.gdnnStaff, viewId: opened.modal!.id, values: { task: { task: id }, percent: { percent: "150" } } });
    expect(invalid.json).toMatchObject({ status: 200, responseAction: "errors", open: true, errors: { percent: expect.stringContaining("0 đến 100") } });
    const withError = await view(USERS.gdnnStaff, gdnn);
    expect(withError.modal!.html).toContain('class="b-input has-error" data-block-id="percent"');
    expect(withError.modal!.html).toContain("Tỷ lệ tiến độ &quot;150&quot; không hợp lệ. Đề nghị đồng chí nhập một số nguyên từ 0 đến 100.");
    expect(withError.modal!.html).toContain('value="150"'); // what was typed stays in the form

    const valid = await w.api("submit", {
      user: USERS.gdnnStaff,
      viewId: opened.modal!.id,
      values: {
        task: { task: id },
        percent: { percent: "60" },
        done: { done: [] },
        note: { note: "Đã khảo sát 40 doanh nghiệp <script>alert(1)</script>" },
        evidence: { evidence: { value: null } },
      },
    });
    expect(valid.json).toMatchObject({ status: 200, open: false });
    const posted = await until(
      () => view(USERS.leadership, gdnn),
      (v) => v.messages.some((m) => m.html.includes("Đã khảo sát 40 doanh nghiệp")),
    );
    const report = posted.messages.find((m) => m.html.includes("Đã khảo sát"))!;
    expect(report.ephemeral).toBe(false);
    expect(report.html).toContain("60%");
    expect(report.html).toContain('<span class="mention">@Huỳnh Văn Tài</span>');
    expect(report.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(report.html).not.toContain("<script");
    expect((await view(USERS.gdnnStaff, gdnn)).modal).toBeNull();

    await command(USERS.gdnnStaff, gdnn, "/kehoach xem II.2.c.3.1");
    await until(
      () => view(USERS.gdnnStaff, gdnn),
      (v) => v.messages.filter((m) => m.ephemeral).some((m) => m.html.includes("II.2.c.3.1") && m.html.includes("Đã khảo sát 40 doanh nghiệp")),
    );
  });

  it("closes a modal without submitting it", async () => {
    const gdnn = channel("dondoc-gdnn");
    await command(USERS.gdnnStaff, gdnn, "/kehoach baocao");
    const opened = await until(
      () => view(USERS.gdnnStaff, gdnn),
      (v) => v.modal !== null,
    );
    expect((await w.api("close", { user: USERS.gdnnStaff, viewId: opened.modal!.id })).status).toBe(200);
    expect((await view(USERS.gdnnStaff, gdnn)).modal).toBeNull();
  });

  it("opens App Home, and its buttons act on the home view", async () => {
    expect((await w.api("home", { user: USERS.gdnnStaff })).json).toMatchObject({ status: 200 });
    const home = await until(
      () => view(USERS.gdnnStaff, "home"),
      (v) => v.home != null,
    );
    expect(home.home!.html).toContain("Huỳnh Văn Tài");
    const button = /<button type="button" class="btn[^"]*" data-block-id="([^"]+)" data-action-id="report_open"/.exec(home.home!.html);
    expect(button, "a report button").not.toBeNull();
    const r = await w.api("action", { user: USERS.gdnnStaff, actionId: "report_open", blockId: button![1], viewId: home.home!.id });
    expect(r.json).toMatchObject({ status: 200 });
    const opened = await until(
      () => view(USERS.gdnnStaff, "home"),
      (v) => v.modal !== null,
    );
    await w.api("close", { user: USERS.gdnnStaff, viewId: opened.modal!.id });
  });

  it("moves the clock and runs a job at that time, which posts in every unit's channel", async () => {
    const set = await w.api<{ clock: { label: string; iso: string } }>("clock", { at: "2023-09-25T08:00" });
    expect(set.json.clock.label).toBe("Thứ Hai, 25/09/2023 08:00");
    const run = await w.api<{ summary: string; at: { iso: string } }>("jobs/reminders", {});
    expect(run.status).toBe(200);
    expect(run.json.summary).toBe("Đã gửi 5 tin nhắc việc · 5 reminders sent");
    expect(Date.parse(run.json.at.iso) - Date.parse("2023-09-25T01:00:00Z")).toBeLessThan(60_000);
    for (const name of ["dondoc-vp", "dondoc-ldvl", "dondoc-gdnn", "dondoc-ttdvvl", "dondoc-khtc"]) {
      const messages = (await view(USERS.leadership, channel(name))).messages.filter((m) => m.text.startsWith("🔔"));
      expect(messages, name).toHaveLength(1);
      expect(messages[0]!.html).toContain("08:00 · 25/09/2023");
    }
    expect((await w.api("jobs/nope", {})).status).toBe(404);
    expect((await w.api("clock", { at: "2023-02-31T08:00" })).status).toBe(400);
  });

  it("pushes workspace changes to the page as Server-Sent Events", async () => {
    const controller = new AbortController();
    const res = await fetch(new URL("api/events", w.local.url), { signal: controller.signal });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    await command(USERS.gdnnStaff, channel("dondoc-ldvl"), "/kehoach help");
    let received = "";
    const decoder = new TextDecoder();
    while (!received.includes('"kind":"ephemeral"')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    controller.abort();
    expect(received).toContain(`"channelId":"${channel("dondoc-ldvl")}"`);
  });

  it("refuses what is not a /kehoach command, other sites, and unknown people", async () => {
    const gdnn = channel("dondoc-gdnn");
    const plain = await command(USERS.gdnnStaff, gdnn, "xin chào");
    expect(plain.status).toBe(400);
    expect(plain.json.error).toContain("/kehoach help");
    expect((await command(USERS.gdnnStaff, gdnn, "/giphy mèo")).json.error).toContain("/giphy không phải là lệnh hợp lệ");
    expect((await command("U0NOBODY1", gdnn, "/kehoach")).status).toBe(400);
    expect((await w.api("view?user=U0NOBODY1&channel=home")).status).toBe(400);
    expect((await w.api("submit", { user: USERS.gdnnStaff })).status).toBe(400);

    const form = await fetch(new URL("api/command", w.local.url), { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect(form.status).toBe(415);
    // A page on another domain resolving to 127.0.0.1 (DNS rebinding) sends its own Host.
    const rebound = await new Promise<number>((resolve, reject) => {
      const url = new URL("api/workspace", w.local.url);
      request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: "evil.example:3000" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
    expect(rebound).toBe(403);
    expect((await fetch(new URL("../../etc/passwd", w.local.url))).status).toBe(404);
  });

  it("serves the page with a strict content security policy", async () => {
    const page = await fetch(w.local.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    for (const file of ["app.js", "style.css", "favicon.svg"]) expect((await fetch(new URL(file, w.local.url))).status).toBe(200);
  });

  it("shows an unregistered person what dondoc tells them", async () => {
    const guest = ws.groups.at(-1)!.people[0]!;
    expect(guest.id).toBe("U0KHACH01");
    await command(guest.id, channel("dondoc-vp"), "/kehoach tongquan");
    const shown = await until(
      () => view(guest.id, channel("dondoc-vp")),
      (v) => v.messages.some((m) => m.ephemeral),
    );
    expect(shown.messages.find((m) => m.ephemeral)!.html).toContain("Đồng chí chưa có trong danh sách thành viên của dondoc");
  });
});
