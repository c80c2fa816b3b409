// The Office imports a plan in Slack and units acknowledge it, through the
// real Bolt app and the fake Slack: a file shared in a DM → preview →
// review → Ban hành (once) → the units' posts (once) → acknowledgements
// (once) → one reminder; bad files and people other than the Office refused
// with nothing written.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPlanAcks } from "../../src/cli/format-acks.js";
import { WorkCalendar } from "../../src/domain/calendar.js";
import { planAckReminders, planAcknowledgements } from "../../src/services/plan-acks.js";
import { ackReminderPayload } from "../../src/scheduler/jobs.js";
import { backends } from "../support/databases.js";
import { startDondoc, USERS, type Dondoc } from "./harness.js";

const PLAN = await readFile(new URL("../fixtures/slack-import/ke-hoach-77.txt", import.meta.url));

const wait = async (check: () => boolean | Promise<boolean>, ms = 8_000) => {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("timed out waiting");
};

describe.each(backends)("importing a plan in Slack on $name", (backend) => {
  let d: Dondoc;
  const dm = (user: string) => d.fake.workspace.directory.imChannel(user, d.fake.workspace.bot.userId).id;
  const dmMessages = (user: string) => d.fake.workspace.conversations.messages(dm(user)).filter((m) => m.botId);
  const channelId = (name: string) => d.fake.workspace.directory.channel(name)!.id;

  /** Shares a file in the user's DM and returns the bot's next answer there. */
  async function share(user: string, name: string, bytes: Buffer) {
    const before = dmMessages(user).length;
    const r = await d.fake.shareFile({ userId: user, name, bytes });
    expect(r.event.status).toBe(200);
    await wait(() => dmMessages(user).length > before);
    return { answer: dmMessages(user).at(-1)!, ...r };
  }

  beforeAll(async () => {
    d = await startDondoc(backend, { now: new Date("2023-10-16T02:00:00Z") });
  });
  afterAll(async () => d?.close());

  it("refuses files that cannot be read, in Vietnamese and English, and writes nothing", async () => {
    const cases: [string, Buffer, RegExp][] = [
      ["hong.docx", Buffer.from("PK\u0003\u0004 this is not a zip"), /bị hỏng[\s\S]*damaged/],
      ["tcvn3.txt", Buffer.from([0x4b, 0xd5, 0x20, 0xb8, 0xa1, 0x63, 0x68, 0x20, 0xb8, 0xe9, 0x20, 0xa7, 0xd3, 0x20, 0xb5, 0xb6, 0x0a]), /UTF-8[\s\S]*UTF-8/],
      ["loi-chao.txt", Buffer.from("Xin chào, đây là thư mời họp.\n"), /không phải một kế hoạch[\s\S]*is not a plan/],
      ["anh.pdf", Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"), /(bị hỏng|bản quét)[\s\S]*(damaged|scan)/],
      ["ke-hoach.odt", Buffer.from("x"), /chưa được hỗ trợ[\s\S]*not supported/],
    ];
    for (const [name, bytes, expected] of cases) {
      const { answer } = await share(USERS.office, name, bytes);
      expect(answer.text, name).toMatch(expected);
    }
    expect(await d.db.prisma.planImport.count()).toBe(0);
  });

  it("refuses a file over 50 MB from its announced size, before downloading it", async () => {
    const { answer } = await share(USERS.office, "qua-lon.pdf", Buffer.alloc(51 * 1024 * 1024, 0x20));
    expect(answer.text).toMatch(/vượt giới hạn 50 MB[\s\S]*over the 50 MB limit/);
    expect(await d.db.prisma.planImport.count()).toBe(0);
  });

  it("only the Office and administrators may import: staff are told so, nothing is read", async () => {
    const { answer } = await share(USERS.gdnnStaff, "ke-hoach-77.txt", PLAN);
    expect(answer.text).toContain("Chỉ Văn phòng Sở và quản trị viên được nạp và ban hành kế hoạch");
    expect(await d.db.prisma.planImport.count()).toBe(0);
  });

  let previewTs: string;
  it("a file shared by the Office gets a preview: tasks, units matched, new bodies, points to check", async () => {
    const { answer, event } = await share(USERS.office, "ke-hoach-77.txt", PLAN);
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain("77/KH-SLĐTBXH");
    expect(text).toContain("*4* nhiệm vụ");
    expect(text).toContain("Trung tâm Y tế huyện Phú Vang");
    expect(text).toContain("thời hạn chưa hiểu được");
    expect(text).toContain("plan_import_publish");
    previewTs = answer.ts;
    // Slack delivering the event again reads nothing twice.
    await d.fake.redeliverEvent(event.eventId);
    await d.runtime.idle();
    expect(await d.db.prisma.planImport.count()).toBe(1);
    expect(await d.db.prisma.plan.count({ where: { number: "77/KH-SLĐTBXH" } })).toBe(0);
  });

  it("the review modal corrects the flagged task; a deadline it cannot read is refused at its field", async () => {
    const click = await d.fake.blockAction({ userId: USERS.office, actionId: "plan_import_review", channelId: dm(USERS.office), messageTs: previewTs });
    expect(click.status).toBe(200);
    await wait(() => d.fake.workspace.surfaces.topModal(USERS.office) !== undefined);
    const modal = d.fake.workspace.surfaces.topModal(USERS.office)!;
    expect(JSON.stringify(modal.blocks)).toContain("II.3");
    // The deadline it could not read is shown as the document writes it, for the clerk to rewrite.
    expect(JSON.stringify(modal.blocks)).toContain("Thời hạn trong văn bản: “khi điều kiện cho phép”");
    const bad = await d.fake.viewSubmission({ userId: USERS.office, values: { "due:II.3": { due: "sớm nhất có thể" } } });
    expect(JSON.stringify(bad.body)).toContain("Chưa hiểu thời hạn");
    const before = dmMessages(USERS.office).length;
    const ok = await d.fake.viewSubmission({ userId: USERS.office, values: { "lead:II.3": { lead: "LĐ-VL" }, "due:II.3": { due: "Quý IV/2023" } } });
    expect(ok.status).toBe(200);
    await wait(() => dmMessages(USERS.office).length > before);
    const preview = JSON.stringify(dmMessages(USERS.office).at(-1)!.blocks);
    expect(preview).toContain("Đã kiểm tra 2/2"); // II.2 (a new body) was saved as shown: checked too
    expect(preview).not.toContain("thời hạn chưa hiểu được");
    previewTs = dmMessages(USERS.office).at(-1)!.ts;
  });

  it("a forged button value (another import id) from staff is refused", async () => {
    const r = await d.fake.blockAction({ userId: USERS.ldvlLead, actionId: "plan_import_publish", channelId: dm(USERS.office), messageTs: previewTs });
    expect(r.status).toBe(200);
    await wait(async () => d.fake.workspace.conversations.ephemerals({ userId: USERS.ldvlLead }).length > 0);
    expect(JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.ldvlLead }).at(-1))).toContain("Chỉ Văn phòng Sở");
    expect(await d.db.prisma.plan.count({ where: { number: "77/KH-SLĐTBXH" } })).toBe(0);
  });

  it("Ban hành imports the plan and posts once to each assigned unit; a second click changes nothing", async () => {
    await d.fake.blockAction({ userId: USERS.office, actionId: "plan_import_publish", channelId: dm(USERS.office), messageTs: previewTs });
    await wait(async () => (await d.db.prisma.delivery.count({ where: { job: "plan-publish", status: "SENT" } })) === 3);
    const plan = await d.db.prisma.plan.findFirstOrThrow({ where: { number: "77/KH-SLĐTBXH" }, include: { tasks: { include: { assignments: { include: { unit: true } } } } } });
    expect(plan.tasks).toHaveLength(4);
    const t3 = plan.tasks.find((t) => t.code === "II.3")!;
    expect(t3.dueLabel).toBe("Quý IV/2023");
    expect(t3.assignments.map((a) => [a.unit.code, a.role])).toEqual([["LĐ-VL", "LEAD"]]);
    // The proposed unit is created outside the organisation; the issuer, no longer needed, is not.
    expect(await d.db.prisma.unit.findFirst({ where: { name: "Trung tâm Y tế huyện Phú Vang" } })).toMatchObject({ active: false, kind: "OTHER" });
    expect(await d.db.prisma.unit.count({ where: { name: "Sở Lao động - Thương binh và Xã hội" } })).toBe(0);
    const gdnnPost = d.fake.workspace.conversations.messages(channelId("dondoc-gdnn")).at(-1)!;
    expect(gdnnPost.text).toContain("77/KH-SLĐTBXH");
    expect(JSON.stringify(gdnnPost.blocks)).toContain("Kính gửi: Phòng Giáo dục nghề nghiệp");
    expect(JSON.stringify(gdnnPost.blocks)).toContain("Đã nhận, sẽ tổ chức thực hiện");

    // The preview clicked now records the publication, without buttons.
    await wait(() =>
      JSON.stringify(d.fake.workspace.conversations.messages(dm(USERS.office)).find((m) => m.ts === previewTs)!.blocks).includes("Đã ban hành Kế hoạch số 77/KH-SLĐTBXH"),
    );
    expect(JSON.stringify(d.fake.workspace.conversations.messages(dm(USERS.office)).find((m) => m.ts === previewTs)!.blocks)).not.toContain("plan_import_publish");

    // The first preview, still showing its button, clicked again: nothing happens twice.
    const posts = d.fake.calls("chat.postMessage").length;
    await d.fake.blockAction({ userId: USERS.office, actionId: "plan_import_publish", channelId: dm(USERS.office) });
    await wait(async () => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.office }).at(-1) ?? "").includes("đã được ban hành trước đó"));
    expect(d.fake.calls("chat.postMessage").length).toBe(posts);
    expect(await d.db.prisma.task.count({ where: { planId: plan.id } })).toBe(4);
  });

  it("a unit acknowledges once; the Office sees who has and who has not; an unassigned unit cannot", async () => {
    const plan = await d.db.prisma.plan.findFirstOrThrow({ where: { number: "77/KH-SLĐTBXH" } });
    const gdnn = channelId("dondoc-gdnn");
    await d.fake.blockAction({ userId: USERS.gdnnStaff, actionId: "plan_ack", channelId: gdnn });
    await d.fake.blockAction({ userId: USERS.gdnnStaff, actionId: "plan_ack", channelId: gdnn });
    await wait(() => d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).length >= 2);
    const shown = d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).map((m) => m.text);
    expect(shown[0]).toContain("Đã ghi nhận: Phòng Giáo dục nghề nghiệp đã nhận Kế hoạch số 77/KH-SLĐTBXH");
    expect(shown[1]).toContain("không ghi nhận lại");
    await d.fake.blockAction({ userId: "U0KHTC002", actionId: "plan_ack", channelId: gdnn });
    await wait(() => d.fake.workspace.conversations.ephemerals({ userId: "U0KHTC002" }).length > 0);
    expect(d.fake.workspace.conversations.ephemerals({ userId: "U0KHTC002" }).at(-1)!.text).toContain("không được giao nhiệm vụ nào");

    const acks = await planAcknowledgements(d.db.prisma, plan.id);
    expect(acks.acknowledged.map((a) => a.code)).toEqual(["GDNN"]);
    expect(acks.pending.map((a) => a.code).sort()).toEqual(["LĐ-VL", "VP"]);
    // `dondoc plan acks 77` prints the same.
    const printed = formatPlanAcks(acks, "vi");
    expect(printed).toContain("Kế hoạch 77/KH-SLĐTBXH: 1/3 đơn vị đã xác nhận, 2 chưa xác nhận.");
    expect(printed).toMatch(/✓ GDNN\s+Phòng Giáo dục nghề nghiệp — đã xác nhận 16\/10\/2023/);
  });

  it("units that have not acknowledged after 3 working days are reminded once", async () => {
    const calendar = new WorkCalendar();
    // Published Monday 16/10/2023: three working days later is Thursday 19/10.
    expect(await planAckReminders(d.db.prisma, { now: new Date("2023-10-18T02:00:00Z"), calendar, days: 3, render: ackReminderPayload })).toBe(0);
    expect(await planAckReminders(d.db.prisma, { now: new Date("2023-10-19T02:00:00Z"), calendar, days: 3, render: ackReminderPayload })).toBe(2);
    expect(await planAckReminders(d.db.prisma, { now: new Date("2023-10-20T02:00:00Z"), calendar, days: 3, render: ackReminderPayload })).toBe(0);
    const reminders = await d.db.prisma.delivery.findMany({ where: { job: "plan-ack-reminder" }, orderBy: { target: "asc" } });
    expect(reminders.map((r) => r.target)).toEqual(["#dondoc-ldvl", "#dondoc-vp"]);
    expect(JSON.stringify(reminders[0]!.payload)).toContain("chưa xác nhận đã nhận và quán triệt");
  });
});
