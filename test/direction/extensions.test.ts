// Issue 13, step 3: a unit lead asks for a new deadline with a reason;
// leadership approves or declines in a direct message; an approved
// deadline applies from then on (the original kept and shown), and the one
// status function (SQL and TypeScript alike) judges by it; nobody else can
// ask or decide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromDate } from "../../src/domain/day.js";
import { taskStatus } from "../../src/domain/status.js";
import { statusSummary } from "../../src/services/plan-queries.js";
import { timingOf } from "../../src/services/task-timing.js";
import { digestModel } from "../../src/services/weekly/digest.js";
import { backends } from "../support/databases.js";
import { forgeNext, startDondoc, USERS, type Dondoc } from "../slack/harness.js";

describe.each(backends)("deadline extensions on $name", (backend) => {
  let d: Dondoc;
  let ldvl: string;
  beforeAll(async () => {
    // 05/10/2023: II.2.c.2 (LĐ-VL, Quý III/2023, due 14/09/2023, the end of the Q3 data window) is overdue.
    d = await startDondoc(backend, { now: new Date("2023-10-05T03:00:00Z") });
    ldvl = d.fake.workspace.directory.channel("dondoc-ldvl")!.id;
  });
  afterAll(async () => d?.close());

  const json = (x: unknown) => JSON.stringify(x);
  const ephemeralsOf = (user: string) => json(d.fake.workspace.conversations.ephemerals({ userId: user }));
  const dm = (user: string) => d.fake.workspace.conversations.messages(d.fake.workspace.directory.imChannel(user, "U0DONDOCBOT").id);
  const overdueOf = async (day: string) => (await statusSummary(d.db.prisma, { today: day })).counts.OVERDUE;

  it("only the lead unit's lead opens the form", async () => {
    for (const user of [USERS.gdnnStaff, "U0LDVL002", USERS.office, USERS.leadership]) {
      await d.fake.slashCommand({ userId: user, channelId: ldvl, command: "/kehoach", text: "giahan II.2.c.2" });
      await expect.poll(() => ephemeralsOf(user), { timeout: 15_000 }).toContain("không có quyền đề nghị gia hạn");
      expect(d.fake.workspace.surfaces.topModal(user)).toBeUndefined();
    }
  });

  it("the lead asks, leadership approves in a direct message, and the approved deadline counts from then on", async () => {
    const task = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    expect(fromDate(task.dueOn!)).toBe("2023-09-14");
    const overdueBefore = await overdueOf("2023-10-05");
    expect(taskStatus(timingOf(task), "2023-10-05")).toBe("OVERDUE");

    await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: ldvl, command: "/kehoach", text: "giahan II.2.c.2" });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.ldvlLead), { timeout: 15_000 }).toBeTruthy();
    // A date before the current deadline is refused next to its field.
    const early = await d.fake.viewSubmission({ userId: USERS.ldvlLead, values: { to_due_on: { to_due_on: "2023-09-15" }, reason: { reason: "x" } } });
    expect(json(early)).toContain("phải sau thời hạn hiện tại");
    await d.fake.viewSubmission({ userId: USERS.ldvlLead, values: { to_due_on: { to_due_on: "2023-10-31" }, reason: { reason: "Viện NCPT gửi đề nghị muộn" } } });
    await expect.poll(() => d.db.prisma.deadlineExtension.count({ where: { taskId: task.id } }), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => json(dm(USERS.leadership)), { timeout: 15_000 }).toContain("extension_approve");
    // Pending: nothing moved yet, and the digest lists it.
    expect(fromDate((await d.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).dueOn!)).toBe("2023-09-14");
    expect((await digestModel(d.db.prisma, { today: "2023-10-05" })).extensionsPending?.map((e) => e.task.code)).toEqual(["II.2.c.2"]);

    // Someone who is not leadership cannot decide, even clicking the leader's button.
    const request = dm(USERS.leadership).find((m) => json(m).includes("extension_approve"))!;
    await d.fake.blockAction({ userId: USERS.office, actionId: "extension_approve", channelId: request.channelId, messageTs: request.ts }).catch(() => undefined);
    await d.runtime.idle();
    expect((await d.db.prisma.deadlineExtension.findFirstOrThrow({ where: { taskId: task.id } })).state).toBe("PENDING");

    // Leadership approves (a double click decides once).
    await d.fake.blockAction({ userId: USERS.leadership, actionId: "extension_approve", channelId: request.channelId, messageTs: request.ts });
    await expect.poll(async () => (await d.db.prisma.deadlineExtension.findFirstOrThrow({ where: { taskId: task.id } })).state, { timeout: 15_000 }).toBe("APPROVED");
    await d.runtime.idle();
    expect(await d.db.prisma.auditEntry.count({ where: { action: "extension.approve" } })).toBe(1);
    const moved = await d.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect([fromDate(moved.dueOn!), fromDate(moved.originalDueOn!), fromDate(moved.dueMovedOn!)]).toEqual(["2023-10-31", "2023-09-14", "2023-10-05"]);
    // The request became the decision; the unit's channel and the requester are told, with the original deadline.
    await expect.poll(() => json(d.fake.workspace.conversations.message(request.channelId, request.ts)), { timeout: 15_000 }).toContain("đồng ý gia hạn");
    expect(json(d.fake.workspace.conversations.message(request.channelId, request.ts))).not.toContain("extension_approve");
    await expect.poll(() => json(d.fake.workspace.conversations.messages(ldvl)), { timeout: 15_000 }).toContain("thời hạn ban đầu: 14/09/2023");
    await expect.poll(() => json(dm(USERS.ldvlLead)), { timeout: 15_000 }).toContain("31/10/2023");

    // Statuses use the approved deadline from the day of approval on, in SQL and TypeScript alike; the days before keep the original.
    expect(taskStatus(timingOf(moved), "2023-10-05")).toBe("NOT_STARTED");
    expect(taskStatus(timingOf(moved), "2023-10-04")).toBe("OVERDUE");
    expect(await overdueOf("2023-10-05")).toBe(overdueBefore - 1);
    expect(await overdueOf("2023-10-04")).toBe(overdueBefore);
    expect((await digestModel(d.db.prisma, { today: "2023-10-05" })).extensionsPending ?? []).toEqual([]);

    // `/kehoach xem` shows the approved deadline with the plan's own kept, and the status it gives.
    await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: ldvl, command: "/kehoach", text: "xem II.2.c.2" });
    await expect.poll(() => ephemeralsOf(USERS.ldvlLead), { timeout: 15_000 }).toContain("31/10/2023 (đã gia hạn từ 14/09/2023)");
  }, 90_000);

  it("refuses a forged request: a staff member's form turned into an extension request records nothing", async () => {
    const task = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    const before = await d.db.prisma.deadlineExtension.count();
    await d.fake.slashCommand({ userId: "U0LDVL002", channelId: ldvl, command: "/kehoach", text: "baocao II.2.c.2" });
    await expect.poll(() => d.fake.workspace.surfaces.topModal("U0LDVL002"), { timeout: 15_000 }).toBeTruthy();
    forgeNext(d, (payload) => {
      payload.view.callback_id = "extension_request";
      payload.view.private_metadata = JSON.stringify({ id: task.id });
      payload.view.state.values = {
        to_due_on: { to_due_on: { type: "datepicker", selected_date: "2024-03-31" } },
        reason: { reason: { type: "plain_text_input", value: "Đề nghị giả mạo" } },
      };
    });
    const r = await d.fake.viewSubmission({ userId: "U0LDVL002", values: { percent: { percent: "10" } } });
    expect(r.status).toBe(200);
    expect(json(r)).toContain("không có quyền đề nghị gia hạn");
    await d.runtime.idle();
    expect(await d.db.prisma.deadlineExtension.count()).toBe(before);
    expect(json(dm(USERS.leadership))).not.toContain("Đề nghị giả mạo");
  }, 60_000);

  it("a declined request moves nothing", async () => {
    await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: ldvl, command: "/kehoach", text: "giahan II.2.c.2" });
    await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.ldvlLead), { timeout: 15_000 }).toBeTruthy();
    await d.fake.viewSubmission({ userId: USERS.ldvlLead, values: { to_due_on: { to_due_on: "2023-12-31" }, reason: { reason: "Đề nghị thêm thời gian" } } });
    await expect.poll(() => dm(USERS.leadership).filter((m) => json(m).includes("31/12/2023")).length, { timeout: 15_000 }).toBe(1);
    const request = dm(USERS.leadership).find((m) => json(m).includes("31/12/2023"))!;
    await d.fake.blockAction({ userId: USERS.leadership, actionId: "extension_decline", channelId: request.channelId, messageTs: request.ts });
    await expect
      .poll(async () => (await d.db.prisma.deadlineExtension.findFirstOrThrow({ where: { toDueOn: new Date("2023-12-31") } })).state, { timeout: 15_000 })
      .toBe("DECLINED");
    const task = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    expect(fromDate(task.dueOn!)).toBe("2023-10-31");
  }, 60_000);
});
