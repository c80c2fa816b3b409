// A signed request that reaches dondoc twice (a replay, a double submission,
// a retry) records once and answers the same, over the real HTTP receiver,
// at once and 1.5 s apart, on every test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.js";
import { duplicateNext, startDondoc, USERS, type Dondoc } from "./harness.js";

describe.each(backends)("replays and double submissions on $name", (backend) => {
  let d: Dondoc;
  let gdnn: string;
  let vp: string;
  beforeAll(async () => {
    d = await startDondoc(backend);
    gdnn = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
    vp = d.fake.workspace.directory.channel("dondoc-vp")!.id;
  });
  afterAll(async () => d?.close());

  const postsWith = (channel: string, text: string) => d.fake.workspace.conversations.messages(channel).filter((m) => JSON.stringify(m).includes(text)).length;
  /** Submissions recognised as a repeat of one already recorded. */
  const duplicates = async () =>
    Number(/name="report_submit",outcome="duplicate"\} (\d+)/.exec(await d.deps.metrics.registry.getSingleMetricAsString("dondoc_commands_total"))?.[1] ?? 0);
  const confirmations = (text: string) => d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).filter((m) => JSON.stringify(m).includes(text)).length;

  it.each([
    ["at once", 0],
    ["1.5 s apart", 1_500],
  ])(
    "records a view submission sent twice %s once, posts it once, and answers both the same",
    async (_, delayMs) => {
      const note = `Báo cáo gửi hai lần (${backend.name}, ${delayMs} ms)`;
      const task = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.3.1" } });
      await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: gdnn, command: "/kehoach", text: "baocao II.2.c.3.1" });
      const repeats = await duplicates();
      const both = duplicateNext(d, delayMs);
      const r = await d.fake.viewSubmission({ userId: USERS.gdnnStaff, values: { task: { task: String(task.id) }, percent: { percent: "35" }, note: { note } } });
      expect(r.status).toBe(200);
      const [first, second] = await both;
      expect(second).toEqual(first);
      expect(first.status).toBe(200);
      await expect.poll(() => postsWith(gdnn, note), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => duplicates(), { timeout: 15_000 }).toBe(repeats + 1); // the copy has been handled, not merely not yet
      await d.runtime.idle();
      expect(await d.db.prisma.progressReport.count({ where: { note } })).toBe(1);
      expect(await d.db.prisma.auditEntry.count({ where: { action: "report.create", entityId: String(task.id) } })).toBe(
        await d.db.prisma.progressReport.count({ where: { taskId: task.id } }),
      );
      expect(postsWith(gdnn, note)).toBe(1);
      expect(confirmations("35%")).toBeGreaterThan(0);
      const before = confirmations("35%");
      await d.runtime.idle();
      expect(confirmations("35%")).toBe(before);
    },
    30_000,
  );

  it.each([
    ["at once", 0],
    ["1.5 s apart", 1_500],
  ])(
    "records a /kehoach vuongmac sent twice %s once, tells the Office once, and answers both the same",
    async (_, delayMs) => {
      const text = `Thiếu số liệu khảo sát (${backend.name}, ${delayMs} ms)`;
      const both = duplicateNext(d, delayMs);
      const r = await d.fake.slashCommand({ userId: USERS.ldvlLead, channelId: gdnn, command: "/kehoach", text: `vuongmac II.2.c.2 ${text}` });
      expect(r.status).toBe(200);
      const [first, second] = await both;
      expect([first.status, second.status]).toEqual([200, 200]);
      // Each answers in its acknowledgement, or, on a machine too busy to answer within the
      // budget, through response_url: whichever way, both say the obstacle was sent.
      const answered = [first, second].filter((a) => a.text !== "");
      for (const a of answered) expect(a.text).toContain("II.2.c.2");
      if (answered.length === 2) expect(second).toEqual(first);
      await expect.poll(() => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.ldvlLead })), { timeout: 15_000 }).toContain("II.2.c.2");
      await expect.poll(() => postsWith(vp, text), { timeout: 15_000 }).toBe(1);
      await d.runtime.idle();
      expect(await d.db.prisma.obstacle.count({ where: { text } })).toBe(1);
      expect(postsWith(vp, text)).toBe(1);
    },
    30_000,
  );

  it("still records two different submissions of the same values", async () => {
    const task = await d.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.3.1" } });
    const note = `Hai báo cáo khác nhau (${backend.name})`;
    for (let i = 0; i < 2; i++) {
      await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: gdnn, command: "/kehoach", text: "baocao II.2.c.3.1" });
      await d.fake.viewSubmission({ userId: USERS.gdnnStaff, values: { task: { task: String(task.id) }, percent: { percent: "40" }, note: { note } } });
    }
    await expect.poll(() => d.db.prisma.progressReport.count({ where: { note } }), { timeout: 15_000 }).toBe(2);
  });
});
