// /kehoach through the real Bolt HTTP receiver, signed as Slack signs, on
// every test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.js";
import { startDondoc, TRANSPORTS, USERS, type Dondoc } from "./harness.js";

describe.each(backends.flatMap((backend) => TRANSPORTS.map((transport) => ({ ...backend, transport }))))("/kehoach on $name over $transport", ({ transport, ...backend }) => {
  let d: Dondoc;
  let channel: string;
  beforeAll(async () => {
    d = await startDondoc(backend, { transport });
    channel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => d?.close());

  /** Runs a command and returns what the user saw (the last ephemeral message to them). */
  async function run(user: string, text: string) {
    const before = d.fake.workspace.conversations.ephemerals({ userId: user }).length;
    const r = await d.fake.slashCommand({ userId: user, channelId: channel, command: "/kehoach", text });
    expect(r.status).toBe(200);
    expect(r.late).toBe(false);
    // Give a response_url answer (slow path) a moment to arrive.
    for (let i = 0; i < 50 && d.fake.workspace.conversations.ephemerals({ userId: user }).length === before; i++) await new Promise((res) => setTimeout(res, 20));
    const shown = d.fake.workspace.conversations.ephemerals({ userId: user });
    const last = shown[shown.length - 1];
    return { r, text: last ? JSON.stringify(last) : "", message: last };
  }

  it("answers help by default, in Vietnamese", async () => {
    const { text } = await run(USERS.gdnnStaff, "");
    expect(text).toContain("tongquan");
    expect(text).toContain("baocao");
  });

  it("suggests a command for a typo, never a trace", async () => {
    const { text } = await run(USERS.gdnnStaff, "tongqan");
    expect(text).toContain("tongquan");
    expect(text).not.toMatch(/Error|at .*\.ts/);
  });

  it("matches commands with or without diacritics and in English", async () => {
    for (const t of ["tổng quan", "tong quan", "tongquan", "overview"]) {
      const { text } = await run(USERS.gdnnStaff, t);
      expect(text, t).toContain("1565/KH-SLĐTBXH");
    }
  });

  it("lists the caller's unit's tasks, and another unit's when named", async () => {
    const own = await run(USERS.gdnnStaff, "viec");
    expect(own.text).toContain("Nhiệm vụ · GDNN");
    expect(own.text).toContain("report_open");
    expect(own.text).toContain("tasks_page"); // 31 tasks: more than one page
    const overdue = await run(USERS.gdnnStaff, "việc ldvl qua han");
    expect(overdue.text).toContain("II.2.c.2"); // due 14/09/2023 (the end of the Q3 data window), six days ago
    expect(overdue.text).toContain("II.2.a.2.2");
    const other = await run(USERS.gdnnStaff, "viec LĐ-VL sắp đến hạn");
    expect(other.text).toContain("Nhiệm vụ sắp đến hạn · LĐ-VL");
    expect(other.text).not.toContain("II.2.c.2");
  });

  it("shows a task with its lead and cooperating units", async () => {
    const { text } = await run(USERS.gdnnStaff, "xem II.2.c.2");
    expect(text).toContain("Cung cấp danh sách doanh nghiệp");
    expect(text).toContain("LĐ-VL");
    expect(text).toContain("Viện nghiên cứu phát triển tỉnh");
  });

  it("passes arguments made only of digits or punctuation to the subcommand", async () => {
    const noPlan = (await run(USERS.gdnnStaff, "tongquan 9999")).text;
    expect(noPlan).toMatch(/Không có kế hoạch số .{0,2}9999/);
    expect(noPlan).not.toContain("dondoc "); // a Slack user is never told to run the command line
    const shown = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    expect((await run(USERS.gdnnStaff, `xem #${shown.id}`)).text).toContain("Cung cấp danh sách doanh nghiệp");
    expect((await run(USERS.gdnnStaff, "xem 5")).text).toMatch(/Không có nhiệm vụ mã .{0,2}5/);
    const own = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.3.1" } });
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: `baocao #${own.id}` });
    const modal = d.fake.workspace.surfaces.topModal(USERS.gdnnStaff);
    const select = (modal?.blocks as { block_id?: string; element?: { initial_option?: { value: string } } }[] | undefined)?.find((b) => b.block_id === "task");
    expect(select?.element?.initial_option?.value).toBe(String(own.id));
    d.fake.workspace.surfaces.clearModals(USERS.gdnnStaff);
  });

  it("answers an unknown task code clearly", async () => {
    const { text } = await run(USERS.gdnnStaff, "xem IX.9");
    expect(text).toContain("Không có nhiệm vụ mã");
    expect(text).toContain("/kehoach viec");
  });

  it("tells someone not registered whom to ask", async () => {
    const { text } = await run(USERS.stranger, "viec");
    expect(text).toMatch(/Văn phòng|Office/);
    expect(text).toContain("<@U0VP0000");
  });

  it("answers in English for an English-speaking member", async () => {
    const { text } = await run(USERS.admin, "help");
    expect(text).toContain("How to use /kehoach");
  });

  it("lists indicators and units", async () => {
    expect((await run(USERS.leadership, "chiso")).text).toContain("DDCI.DTLD.01");
    expect((await run(USERS.leadership, "donvi")).text).toContain("Phòng Giáo dục nghề nghiệp");
  });

  it("raises an obstacle only on the caller's unit's tasks, and tells the Office", async () => {
    const refused = await run(USERS.gdnnStaff, "vuongmac II.2.c.2 Chưa có danh sách");
    expect(refused.text).toContain("không chủ trì hay phối hợp");
    const ok = await run(USERS.ldvlLead, "vướng mắc II.2.c.2 Chưa nhận được đề nghị của Viện");
    expect(ok.text).toContain("II.2.c.2");
    const vp = d.fake.workspace.directory.channel("dondoc-vp")!.id;
    const posted = d.fake.workspace.conversations.messages(vp);
    expect(JSON.stringify(posted[posted.length - 1])).toContain("Chưa nhận được đề nghị của Viện");
    expect(await d.db.prisma.obstacle.count()).toBe(1);
  });

  it("shows scheduled messages to the Office, and not to staff", async () => {
    expect((await run(USERS.gdnnStaff, "tinnhan")).text).toContain("Chỉ Văn phòng Sở");
    const shown = await run(USERS.office, "tin nhắn");
    expect(shown.text).toMatch(/Tin nhắn định kỳ/);
    expect((await run(USERS.office, "tinnhan guilai")).text).toContain("tin lỗi sẽ được gửi lại");
  });

  it("lets only the Office and admins manage members and channels", async () => {
    const refused = await run(USERS.gdnnStaff, `thanhvien them <@${USERS.stranger}|nguoi-la> GDNN`);
    expect(refused.text).toContain("Chỉ Văn phòng Sở");
    const added = await run(USERS.office, `thanhvien them <@${USERS.stranger}|nguoi-la> GDNN canbo`);
    expect(added.text).toContain(USERS.stranger);
    expect((await d.db.prisma.member.findUniqueOrThrow({ where: { slackUserId: USERS.stranger }, include: { unit: true } })).unit?.code).toBe("GDNN");
    const channelSet = await run(USERS.office, "kenh GDNN #phong-gdnn");
    expect(channelSet.text).toContain("#phong-gdnn");
    expect(await d.db.prisma.auditEntry.count({ where: { action: { in: ["member.create", "unit.channel"] } } })).toBe(2);
    await run(USERS.office, "kenh GDNN #dondoc-gdnn");
  });
});
