// Issue 13, step 2: a staff member's completion waits for the unit lead's
// confirmation before it counts as done (the one status function reads
// Task.completedOn); the lead confirms from the unit's channel or App Home,
// once; the lead corrects a report (the original kept, the change audited),
// and a drop of more than the set amount needs a reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusSummary } from "../../src/services/plan-queries.js";
import { backends } from "../support/databases.js";
import { startDondoc, USERS, type Dondoc } from "../slack/harness.js";

const GDNN_LEAD = "U0GDNN001";

describe.each(backends)("unit leads confirm on $name", (backend) => {
  let d: Dondoc;
  let gdnn: string;
  beforeAll(async () => {
    d = await startDondoc(backend);
    gdnn = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => d?.close());

  const json = (x: unknown) => JSON.stringify(x);
  const ephemeralsOf = (user: string) => json(d.fake.workspace.conversations.ephemerals({ userId: user }));
  const doneCount = async () => {
    const s = await statusSummary(d.db.prisma, { today: "2023-09-20" });
    return s.counts.DONE_ON_TIME + s.counts.DONE_LATE;
  };

  async function report(code: string, percent: string, done: boolean, note: string) {
    const task = await d.db.prisma.task.findFirstOrThrow({ where: { code } });
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: gdnn, command: "/kehoach", text: `baocao ${code}` });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.gdnnStaff), { timeout: 15_000 }).toBeTruthy();
    await d.fake.viewSubmission({
      userId: USERS.gdnnStaff,
      values: { task: { task: String(task.id) }, percent: { percent }, note: { note }, ...(done ? { done: { done: ["done"] } } : {}) },
    });
    await expect.poll(() => d.db.prisma.progressReport.findFirst({ where: { note } }), { timeout: 15_000 }).toBeTruthy();
    const r = await d.db.prisma.progressReport.findFirstOrThrow({ where: { note } });
    await expect.poll(() => d.fake.workspace.conversations.messages(gdnn).filter((m) => json(m).includes(note)).length, { timeout: 15_000 }).toBe(1);
    return { task, report: r, message: d.fake.workspace.conversations.messages(gdnn).find((m) => json(m).includes(note))! };
  }

  it("a staff member's completion does not count until the unit lead confirms it; the lead confirms once, from the channel", async () => {
    const before = await doneCount();
    const { task, report: r, message } = await report("II.2.c.3.1", "100", true, "Đã hoàn thành khảo sát tiêu chí 1");
    expect(r.confirmation).toBe("PENDING");
    expect((await d.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).completedOn).toBeNull();
    expect(await doneCount()).toBe(before);
    expect(json(message.blocks)).toContain("report_confirm");
    expect(json(message.blocks)).toContain("chờ lãnh đạo đơn vị xác nhận");

    // The lead's App Home lists it.
    await d.fake.appHomeOpened({ userId: GDNN_LEAD });
    await expect.poll(() => json(d.fake.workspace.surfaces.home(GDNN_LEAD)), { timeout: 15_000 }).toContain("chờ đồng chí xác nhận");

    // Nobody else confirms: the reporter, another unit's lead, the Office.
    for (const user of [USERS.gdnnStaff, USERS.ldvlLead, USERS.office]) {
      await d.fake.blockAction({ userId: user, actionId: "report_confirm", channelId: gdnn, messageTs: message.ts });
      await expect.poll(() => ephemeralsOf(user), { timeout: 15_000 }).toContain("không có quyền xác nhận");
    }
    expect((await d.db.prisma.progressReport.findUniqueOrThrow({ where: { id: r.id } })).confirmation).toBe("PENDING");

    // The lead confirms, twice (a double click): once.
    await d.fake.blockAction({ userId: GDNN_LEAD, actionId: "report_confirm", channelId: gdnn, messageTs: message.ts });
    await d.fake.blockAction({ userId: GDNN_LEAD, actionId: "report_confirm", channelId: gdnn, messageTs: message.ts });
    await expect.poll(async () => (await d.db.prisma.progressReport.findUniqueOrThrow({ where: { id: r.id } })).confirmation, { timeout: 15_000 }).toBe("CONFIRMED");
    await d.runtime.idle();
    const after = await d.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.completedOn?.toISOString().slice(0, 10)).toBe(r.reportedOn.toISOString().slice(0, 10));
    expect(await doneCount()).toBe(before + 1);
    expect(await d.db.prisma.auditEntry.count({ where: { action: "report.confirm", entityId: String(r.id) } })).toBe(1);
    await expect.poll(() => json(d.fake.workspace.conversations.messages(gdnn)), { timeout: 15_000 }).toContain("đã xác nhận hoàn thành nhiệm vụ");
    await expect.poll(() => ephemeralsOf(GDNN_LEAD), { timeout: 15_000 }).toContain("đã được xác nhận trước đó");
  }, 90_000);

  it("the lead corrects a report: the original is kept, the change audited, and a large drop needs a reason", async () => {
    const { task, report: r, message } = await report("II.2.c.3.2", "80", false, "Đã thu thập 80% phiếu");
    expect(r.confirmation).toBe("NOT_NEEDED");
    expect(json(message.blocks)).not.toContain("report_confirm"); // a report that is not a completion waits for nothing
    // The lead opens the correction form from a pending completion's button.
    const pending = await report("II.2.c.3.3", "100", true, "Hoàn thành tiêu chí 3");
    await d.fake.blockAction({ userId: GDNN_LEAD, actionId: "report_correct", channelId: gdnn, messageTs: pending.message.ts });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(GDNN_LEAD), { timeout: 15_000 }).toBeTruthy();
    const drop = await d.fake.viewSubmission({ userId: GDNN_LEAD, values: { percent: { percent: "50" } } });
    expect(json(drop)).toContain("đề nghị đồng chí nêu lý do");
    await d.fake.viewSubmission({ userId: GDNN_LEAD, values: { percent: { percent: "50" }, reason: { reason: "Mới có 50% phiếu hợp lệ" } } });
    await expect.poll(async () => (await d.db.prisma.progressReport.findUniqueOrThrow({ where: { id: pending.report.id } })).confirmation, { timeout: 15_000 }).toBe("CORRECTED");
    const original = await d.db.prisma.progressReport.findUniqueOrThrow({ where: { id: pending.report.id } });
    expect(original).toMatchObject({ percent: 100, done: true });
    const correction = await d.db.prisma.progressReport.findFirstOrThrow({ where: { correctsId: original.id } });
    expect(correction).toMatchObject({ percent: 50, done: false, reporter: GDNN_LEAD, note: "Mới có 50% phiếu hợp lệ" });
    const t = await d.db.prisma.task.findUniqueOrThrow({ where: { id: pending.task.id } });
    expect(t).toMatchObject({ percent: 50, completedOn: null });
    const audit = await d.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "report.correct", entityId: String(original.id) } });
    expect(audit.detail).toMatchObject({ from: { percent: 100 }, to: { percent: 50 }, reason: "Mới có 50% phiếu hợp lệ" });
    // The corrected completion can no longer be confirmed.
    await d.fake.blockAction({ userId: GDNN_LEAD, actionId: "report_confirm", channelId: gdnn, messageTs: pending.message.ts });
    await expect.poll(() => ephemeralsOf(GDNN_LEAD), { timeout: 15_000 }).toContain("không còn");
    expect(task.id).not.toBe(pending.task.id);
    expect(r.percent).toBe(80);
  }, 90_000);
});
