// The report form's submission against what a forged or careless request
// can carry, and against a database that fails or refuses after the form is
// answered: nothing wrong is saved, nothing right is lost, and the user is
// told, in the administrative register.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offeredForms } from "../../src/slack/report-modal.js";
import { backends } from "../support/databases.js";
import { forgeNext, startDondoc, USERS, type Dondoc } from "./harness.js";

describe.each(backends)("report submissions on $name", (backend) => {
  let d: Dondoc;
  let gdnn: string;
  beforeAll(async () => {
    d = await startDondoc(backend);
    gdnn = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => d?.close());

  const taskId = async (code: string) => (await d.db.prisma.task.findFirstOrThrow({ where: { code } })).id;
  const open = async (text = "baocao II.2.c.3.1") => {
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: gdnn, command: "/kehoach", text });
    // The form opens after the acknowledgement (views.open with the trigger id): wait for it on a busy machine.
    await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.gdnnStaff), { timeout: 15_000 }).toBeTruthy();
    return d.fake.workspace.surfaces.topModal(USERS.gdnnStaff)!;
  };
  const lastTold = () => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).at(-1) ?? "");
  const toldCount = () => d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).length;
  /** Sets the submitted value of one input in a forged payload. */
  const setValue = (payload: Record<string, any>, block: string, value: Record<string, unknown>) => {
    payload.view.state.values[block] = { [block]: value };
  };
  const closeAll = () => d.fake.workspace.surfaces.clearModals(USERS.gdnnStaff);

  async function headingOfGdnn() {
    const gdnnUnit = await d.db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" } });
    return d.db.prisma.task.findFirstOrThrow({ where: { archivedAt: null, children: { some: {} }, assignments: { some: { unitId: gdnnUnit.id } } } });
  }

  it.each([
    ["refused in the form when this process opened it", true],
    ["refused after the acknowledgement when another instance did", false],
  ])("never saves a forged report on a heading: %s", async (_, cached) => {
    const heading = await headingOfGdnn();
    const modal = await open();
    if (!cached) offeredForms(d.deps).delete(modal.id);
    const told = toldCount();
    forgeNext(d, (p) => {
      setValue(p, "task", { type: "static_select", selected_option: { text: { type: "plain_text", text: heading.code }, value: String(heading.id) } });
      setValue(p, "percent", { type: "number_input", value: "100" });
      setValue(p, "done", { type: "checkboxes", selected_options: [{ text: { type: "plain_text", text: "x" }, value: "done" }] });
    });
    const r = await d.fake.viewSubmission({ userId: USERS.gdnnStaff });
    expect(r.late).toBe(false);
    if (cached) {
      expect(r.body).toMatchObject({ response_action: "errors", errors: { task: expect.stringContaining("không có trong danh sách báo cáo") } });
    } else {
      expect(r.body ?? {}).not.toHaveProperty("response_action");
      await expect.poll(() => toldCount(), { timeout: 15_000 }).toBeGreaterThan(told);
      expect(lastTold()).toContain("chưa được lưu");
      expect(lastTold()).toContain(heading.code);
    }
    await d.runtime.idle();
    expect(await d.db.prisma.progressReport.count({ where: { taskId: heading.id } })).toBe(0);
    expect((await d.db.prisma.task.findUniqueOrThrow({ where: { id: heading.id } })).completedOn).toBeNull();
    closeAll();
  });

  it.each([
    ["task", "1e1"],
    ["task", "0x1b"],
    ["task", " 12.0"],
    ["percent", "1e2"],
    ["percent", "0x1b"],
    ["percent", "5e1"],
  ])("accepts only decimal integers: %s %j is a field error", async (field, value) => {
    const id = await taskId("II.2.c.3.1");
    await open();
    const before = await d.db.prisma.progressReport.count();
    forgeNext(d, (p) => {
      if (field === "task") setValue(p, "task", { type: "static_select", selected_option: { text: { type: "plain_text", text: "x" }, value } });
      else setValue(p, "task", { type: "static_select", selected_option: { text: { type: "plain_text", text: "x" }, value: String(id) } });
      setValue(p, "percent", { type: "number_input", value: field === "percent" ? value : "50" });
    });
    const r = await d.fake.viewSubmission({ userId: USERS.gdnnStaff });
    expect(r.body).toMatchObject({ response_action: "errors", errors: { [field]: expect.any(String) } });
    expect(await d.db.prisma.progressReport.count()).toBe(before);
    closeAll();
  });

  it("refuses done at 40 % with a field error, and saves done at 100 %", async () => {
    const id = await taskId("II.2.c.3.2");
    await open("baocao II.2.c.3.2");
    const refused = await d.fake.viewSubmission({ userId: USERS.gdnnStaff, values: { percent: { percent: "40" }, done: { done: ["done"] } } });
    expect(refused.body).toMatchObject({ response_action: "errors", errors: { percent: expect.stringContaining("100%") } });
    expect(await d.db.prisma.progressReport.count({ where: { taskId: id } })).toBe(0);
    const saved = await d.fake.viewSubmission({ userId: USERS.gdnnStaff, values: { percent: { percent: "100" }, done: { done: ["done"] } } });
    expect(saved.body ?? {}).not.toHaveProperty("response_action");
    await expect.poll(() => d.db.prisma.progressReport.findFirst({ where: { taskId: id } }), { timeout: 15_000 }).toMatchObject({ percent: 100, done: true });
  });

  it("strips NUL and other control characters from a note, keeping new lines and tabs", async () => {
    const id = await taskId("II.2.c.3.1");
    await open();
    const r = await d.fake.viewSubmission({
      userId: USERS.gdnnStaff,
      values: { task: { task: String(id) }, percent: { percent: "20" }, note: { note: "Đã\u0000 khảo\u001b[31m sát\u0007\nDòng\thai\u007f" } },
    });
    expect(r.body ?? {}).not.toHaveProperty("response_action");
    await expect
      .poll(() => d.db.prisma.progressReport.findFirst({ where: { taskId: id, percent: 20 } }), { timeout: 15_000 })
      .toMatchObject({ note: "Đã khảo[31m sát\nDòng\thai" });
  });

  it("says the service is unavailable and nothing was saved when the database is down, never 'not registered'", async () => {
    const id = await taskId("II.2.c.3.1");
    await open();
    const before = toldCount();
    const real = d.deps.prisma;
    d.deps.prisma = new Proxy(real, {
      get: () => {
        throw new Error("connection terminated unexpectedly");
      },
    });
    try {
      const r = await d.fake.viewSubmission({
        userId: USERS.gdnnStaff,
        values: { task: { task: String(id) }, percent: { percent: "70" }, note: { note: "Ghi chú không được mất" } },
      });
      expect(r.status).toBe(200);
      expect(r.late).toBe(false);
      await expect.poll(() => toldCount(), { timeout: 15_000 }).toBeGreaterThan(before);
    } finally {
      d.deps.prisma = real;
    }
    const told = lastTold();
    expect(told).toContain("tạm thời");
    expect(told).toContain("chưa được lưu");
    expect(told).toContain("Ghi chú không được mất"); // what they typed comes back to them
    expect(told).not.toContain("chưa có trong danh sách thành viên");
    expect(told).not.toMatch(/\bbạn\b/i);
    expect(await d.db.prisma.progressReport.count({ where: { percent: 70 } })).toBe(0);
  });

  it("tells the user, with what they entered, when the task was archived after the form opened", async () => {
    const id = await taskId("II.2.c.3.3");
    await open("baocao II.2.c.3.3");
    await d.db.prisma.task.update({ where: { id }, data: { archivedAt: new Date() } });
    const before = toldCount();
    try {
      const r = await d.fake.viewSubmission({
        userId: USERS.gdnnStaff,
        values: { task: { task: String(id) }, percent: { percent: "55" }, note: { note: "Nội dung cần giữ lại" } },
      });
      expect(r.body ?? {}).not.toHaveProperty("response_action");
      await expect.poll(() => toldCount(), { timeout: 15_000 }).toBeGreaterThan(before);
      expect(lastTold()).toContain("II.2.c.3.3");
      expect(lastTold()).toContain("Nội dung cần giữ lại");
      expect(await d.db.prisma.progressReport.count({ where: { taskId: id } })).toBe(0);
    } finally {
      await d.db.prisma.task.update({ where: { id }, data: { archivedAt: null } });
    }
  });

  it("strips control characters from an obstacle instead of failing every time", async () => {
    const r = await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: gdnn, command: "/kehoach", text: "vuongmac II.2.c.2 Chưa\u0000 có danh\u0001 sách" });
    expect(r.status).toBe(200);
    expect(JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.ldvlLead }).at(-1))).toContain("II.2.c.2");
    expect(await d.db.prisma.obstacle.count({ where: { text: "Chưa có danh sách" } })).toBe(1);
  });
});
