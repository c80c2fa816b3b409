// Issue 13, step 1: an obstacle's life in Slack, over the real app and the
// fake Slack. A unit raises it (notice in its channel), leadership answers
// from the notice ("Ý kiến chỉ đạo"), the direction lands in the notice's
// thread and with the reporter, the Office marks it resolved; each step is
// audited, recorded once under a double submission, and refused to whoever
// may not take it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestModel } from "../../src/services/weekly/digest.js";
import { backends } from "../support/databases.js";
import { duplicateNext, forgeNext, startDondoc, USERS, type Dondoc } from "../slack/harness.js";

const LDVL_STAFF = "U0LDVL002";

describe.each(backends)("the life of an obstacle on $name", (backend) => {
  let d: Dondoc;
  let ldvl: string;
  let vp: string;
  beforeAll(async () => {
    d = await startDondoc(backend);
    ldvl = d.fake.workspace.directory.channel("dondoc-ldvl")!.id;
    vp = d.fake.workspace.directory.channel("dondoc-vp")!.id;
  });
  afterAll(async () => d?.close());

  const json = (x: unknown) => JSON.stringify(x);
  const ephemeralsOf = (user: string) => json(d.fake.workspace.conversations.ephemerals({ userId: user }));
  const dmOf = (user: string) => json(d.fake.workspace.conversations.messages(d.fake.workspace.directory.imChannel(user, "U0DONDOCBOT").id));

  async function raise(text: string) {
    await d.fake.slashCommand({ userId: LDVL_STAFF, channelId: ldvl, command: "/kehoach", text: `vuongmac II.2.c.2 ${text}` });
    await expect.poll(() => d.db.prisma.obstacle.findFirst({ where: { text } }), { timeout: 15_000 }).toBeTruthy();
    const obstacle = await d.db.prisma.obstacle.findFirstOrThrow({ where: { text } });
    await expect.poll(async () => (await d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } })).noticeTs, { timeout: 15_000 }).toBeTruthy();
    return d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: obstacle.id } });
  }

  it("posts the notice with its buttons in the unit's channel and the Office's, and keeps the unit's as the thread", async () => {
    const o = await raise("Chưa nhận được đề nghị của Viện NCPT");
    expect(o.state).toBe("OPEN");
    expect(o.noticeChannel).toBe(ldvl);
    const notice = d.fake.workspace.conversations.message(ldvl, o.noticeTs!)!;
    expect(json(notice.blocks)).toContain("obstacle_direct");
    expect(json(d.fake.workspace.conversations.messages(vp))).toContain("Chưa nhận được đề nghị của Viện NCPT");
  });

  it("refuses the direction form to anyone but leadership, in words", async () => {
    const o = await raise("Thiếu kinh phí khảo sát");
    for (const user of [USERS.office, LDVL_STAFF, USERS.ldvlLead]) {
      await d.fake.blockAction({ userId: user, actionId: "obstacle_direct", channelId: ldvl, messageTs: o.noticeTs! });
      await expect.poll(() => ephemeralsOf(user), { timeout: 15_000 }).toContain("không có quyền cho ý kiến chỉ đạo");
      expect(d.fake.workspace.surfaces.topModal(user)).toBeUndefined();
    }
  });

  it("leadership answers from the notice: the direction goes to the thread and to the reporter, once, audited", async () => {
    const o = await raise("Chưa thống nhất mẫu phiếu khảo sát");
    await d.fake.blockAction({ userId: USERS.leadership, actionId: "obstacle_direct", channelId: ldvl, messageTs: o.noticeTs! });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.leadership), { timeout: 15_000 }).toBeTruthy();
    expect(json(d.fake.workspace.surfaces.topModal(USERS.leadership))).toContain("Ý kiến chỉ đạo");
    // A second leader opens the form from the Office channel's copy of the notice at the same time.
    const officeCopy = () => d.fake.workspace.conversations.messages(vp).find((m) => json(m).includes("Chưa thống nhất mẫu phiếu khảo sát"))!;
    await d.fake.blockAction({ userId: "U0LDS0002", actionId: "obstacle_direct", channelId: vp, messageTs: officeCopy().ts });
    await expect.poll(() => d.fake.workspace.surfaces.topModal("U0LDS0002"), { timeout: 15_000 }).toBeTruthy();
    const direction = `Giao Phòng LĐ-VL thống nhất mẫu phiếu với Viện trước ngày 30/09/2023 (${backend.name})`;
    const both = duplicateNext(d, 0);
    await d.fake.viewSubmission({ userId: USERS.leadership, values: { direction: { direction } } });
    const [first, second] = await both;
    expect([first.status, second.status]).toEqual([200, 200]);
    await expect.poll(() => d.fake.workspace.conversations.replies(ldvl, o.noticeTs!).filter((m) => json(m).includes(direction)).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => dmOf(LDVL_STAFF), { timeout: 15_000 }).toContain(direction);
    await d.runtime.idle();
    expect(d.fake.workspace.conversations.replies(ldvl, o.noticeTs!).filter((m) => json(m).includes(direction))).toHaveLength(1);
    const after = await d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({ state: "DIRECTED", direction, directedBy: USERS.leadership });
    expect(await d.db.prisma.auditEntry.count({ where: { action: "obstacle.direct", entityId: String(o.id) } })).toBe(1);

    // The notice in the unit's channel says so, in place of the direction button; closing stays.
    await expect.poll(() => json(d.fake.workspace.conversations.message(ldvl, o.noticeTs!)), { timeout: 15_000 }).toContain("Đã có ý kiến chỉ đạo");
    expect(json(d.fake.workspace.conversations.message(ldvl, o.noticeTs!))).not.toContain("obstacle_direct");
    expect(json(d.fake.workspace.conversations.message(ldvl, o.noticeTs!))).toContain("obstacle_close");

    // So does the copy in the Office's channel; the second leader, submitting late, is told it has been answered.
    await expect.poll(() => json(officeCopy()), { timeout: 15_000 }).toContain("Đã có ý kiến chỉ đạo");
    expect(json(officeCopy())).not.toContain("obstacle_direct");
    const late = await d.fake.viewSubmission({ userId: "U0LDS0002", values: { direction: { direction: "Ý kiến thứ hai" } } });
    expect(json(late)).toContain("đã có ý kiến chỉ đạo");
    expect((await d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: o.id } })).direction).toBe(direction);

    // The Office marks it resolved with a note, in the same thread.
    await d.fake.blockAction({ userId: USERS.office, actionId: "obstacle_close", channelId: ldvl, messageTs: o.noticeTs! });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.office), { timeout: 15_000 }).toBeTruthy();
    await d.fake.viewSubmission({ userId: USERS.office, values: { note: { note: "Viện đã gửi mẫu phiếu thống nhất." } } });
    await expect.poll(async () => (await d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: o.id } })).state, { timeout: 15_000 }).toBe("RESOLVED");
    await expect.poll(() => json(d.fake.workspace.conversations.replies(ldvl, o.noticeTs!)), { timeout: 15_000 }).toContain("đã được giải quyết");
    await expect.poll(() => json(d.fake.workspace.conversations.message(ldvl, o.noticeTs!)), { timeout: 15_000 }).toContain("Đã giải quyết");
    expect(json(d.fake.workspace.conversations.message(ldvl, o.noticeTs!))).not.toContain("obstacle_close");
    await expect.poll(() => json(officeCopy()), { timeout: 15_000 }).toContain("Đã giải quyết");
    expect(json(officeCopy())).not.toContain("obstacle_close");
    expect(await d.db.prisma.obstacleNotice.count({ where: { obstacleId: o.id } })).toBe(2);
    expect(await d.db.prisma.auditEntry.count({ where: { action: "obstacle.resolve", entityId: String(o.id) } })).toBe(1);
  }, 60_000);

  it("refuses the closing form to another unit's staff; the unit itself withdraws it", async () => {
    const o = await raise("Chưa có danh sách doanh nghiệp");
    // Another unit's staff gets the form refused, and a forged submission (the form opened by the unit) is checked again.
    await d.fake.blockAction({ userId: USERS.gdnnStaff, actionId: "obstacle_close", channelId: ldvl, messageTs: o.noticeTs! });
    await expect.poll(() => ephemeralsOf(USERS.gdnnStaff), { timeout: 15_000 }).toContain("không có quyền");
    await d.fake.blockAction({ userId: LDVL_STAFF, actionId: "obstacle_close", channelId: ldvl, messageTs: o.noticeTs! });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(LDVL_STAFF), { timeout: 15_000 }).toBeTruthy();
    const r = await d.fake.viewSubmission({ userId: LDVL_STAFF, values: { outcome: { outcome: "WITHDRAWN" }, note: { note: "Đơn vị tự xử lý được" } } });
    expect(r.status).toBe(200);
    await expect.poll(async () => (await d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: o.id } })).state, { timeout: 15_000 }).toBe("WITHDRAWN");
    expect(await d.db.prisma.auditEntry.count({ where: { action: "obstacle.withdraw", entityId: String(o.id) } })).toBe(1);
  }, 60_000);

  it("refuses a forged submission: a form turned into a direction by a staff member records nothing", async () => {
    const o = await raise("Chưa bố trí được cán bộ đầu mối");
    await d.fake.blockAction({ userId: LDVL_STAFF, actionId: "obstacle_close", channelId: ldvl, messageTs: o.noticeTs! });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(LDVL_STAFF), { timeout: 15_000 }).toBeTruthy();
    forgeNext(d, (payload) => {
      payload.view.callback_id = "obstacle_direction";
      payload.view.state.values = { direction: { direction: { type: "plain_text_input", value: "Ý kiến giả mạo" } } };
    });
    const r = await d.fake.viewSubmission({ userId: LDVL_STAFF, values: { note: { note: "x" } } });
    expect(r.status).toBe(200);
    await d.runtime.idle();
    const after = await d.db.prisma.obstacle.findUniqueOrThrow({ where: { id: o.id } });
    expect(after.state).toBe("OPEN");
    expect(after.direction).toBeNull();
    expect(json(d.fake.workspace.conversations.replies(ldvl, o.noticeTs!))).not.toContain("Ý kiến giả mạo");
  }, 60_000);

  it("`/kehoach vuongmac` lists the open obstacles with their age; the digest shows only those waiting, oldest first", async () => {
    d.setNow(new Date("2023-09-25T03:00:00Z"));
    await d.fake.slashCommand({ userId: USERS.office, channelId: vp, command: "/kehoach", text: "vuongmac" });
    await expect.poll(() => ephemeralsOf(USERS.office), { timeout: 15_000 }).toContain("Khó khăn, vướng mắc chưa giải quyết");
    const list = ephemeralsOf(USERS.office);
    expect(list).toContain("Thiếu kinh phí khảo sát");
    expect(list).toContain("đã 5 ngày");
    expect(list).not.toContain("Đơn vị tự xử lý được");
    const digest = await digestModel(d.db.prisma, { today: "2023-09-25" });
    const waiting = await d.db.prisma.obstacle.findMany({ where: { state: "OPEN" }, orderBy: { raisedAt: "asc" } });
    expect(digest.openObstacles.map((o) => o.id)).toEqual(waiting.map((o) => o.id));
    expect(waiting.length).toBeGreaterThan(0);
    expect(await d.db.prisma.obstacle.count({ where: { state: { not: "OPEN" } } })).toBeGreaterThan(0);
  });
});
