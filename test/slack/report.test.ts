// The progress-report modal, App Home, and the permission rules around them,
// including forged button values and metadata.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.js";
import { startDondoc, TRANSPORTS, USERS, type Dondoc } from "./harness.js";

describe.each(backends.flatMap((backend) => TRANSPORTS.map((transport) => ({ ...backend, transport }))))(
  "progress reports on $name over $transport",
  ({ transport, ...backend }) => {
    let d: Dondoc;
    let gdnnChannel: string;
    beforeAll(async () => {
      d = await startDondoc(backend, { transport });
      gdnnChannel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
    });
    afterAll(async () => d?.close());

    const taskId = async (code: string) => (await d.db.prisma.task.findFirstOrThrow({ where: { code } })).id;
    const openModal = async (user: string, text = "baocao") => {
      const r = await d.fake.slashCommand({ userId: user, channelId: gdnnChannel, command: "/kehoach", text });
      expect(r.status).toBe(200);
      const modal = d.fake.workspace.surfaces.topModal(user);
      expect(modal, "a modal is open").toBeDefined();
      return modal!;
    };
    const options = (modal: { blocks: unknown }) =>
      JSON.stringify(modal.blocks)
        .match(/"value":"(\d+)"/g)
        ?.map((v) => Number(v.replace(/\D/g, ""))) ?? [];

    it("opens the modal with only the tasks the caller's unit works on", async () => {
      const modal = await openModal(USERS.gdnnStaff);
      const ids = options(modal);
      expect(ids).toContain(await taskId("II.2.c.3.1"));
      expect(ids).not.toContain(await taskId("II.2.c.2")); // LĐ-VL leads, GDNN is not assigned
      await d.fake.viewClosed({ userId: USERS.gdnnStaff });
    });

    it("shows invalid values next to their field and saves nothing", async () => {
      await openModal(USERS.gdnnStaff, "baocao II.2.c.3.1");
      const r = await d.fake.viewSubmission({ userId: USERS.gdnnStaff, values: { percent: { percent: "150" }, evidence: { evidence: "not a link" } } });
      expect(r.body).toMatchObject({ response_action: "errors", errors: { percent: expect.stringContaining("0 đến 100"), evidence: expect.stringContaining("http") } });
      expect(await d.db.prisma.progressReport.count()).toBe(0);
      await d.fake.viewClosed({ userId: USERS.gdnnStaff });
    });

    it("closes the form at once, then saves the report, confirms it, posts it to the unit's channel and audits it", async () => {
      const id = await taskId("II.2.c.3.1");
      await openModal(USERS.gdnnStaff, "báo cáo II.2.c.3.1");
      const r = await d.fake.viewSubmission({
        userId: USERS.gdnnStaff,
        values: {
          task: { task: String(id) },
          percent: { percent: "60" },
          note: { note: "Đã khảo sát 40 doanh nghiệp" },
          evidence: { evidence: "https://example.gov.vn/bc-1.pdf" },
        },
      });
      expect(r.status).toBe(200);
      expect(r.body ?? {}).not.toHaveProperty("response_action");
      await expect.poll(() => d.db.prisma.auditEntry.count({ where: { action: "report.create", entityId: String(id) } }), { timeout: 15_000 }).toBe(1);
      const report = await d.db.prisma.progressReport.findFirstOrThrow({ where: { taskId: id } });
      expect(report).toMatchObject({ percent: 60, note: "Đã khảo sát 40 doanh nghiệp", evidenceLinks: ["https://example.gov.vn/bc-1.pdf"], reporter: USERS.gdnnStaff });
      expect(await d.db.prisma.auditEntry.count({ where: { action: "report.create", entityId: String(id) } })).toBe(1);
      await expect.poll(() => JSON.stringify(d.fake.workspace.conversations.messages(gdnnChannel)), { timeout: 15_000 }).toContain("Đã khảo sát 40 doanh nghiệp");
      await expect.poll(() => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff })), { timeout: 15_000 }).toContain("60%");
      // ...and shows in /kehoach xem.
      await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: gdnnChannel, command: "/kehoach", text: "xem II.2.c.3.1" });
      const shown = d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff });
      expect(JSON.stringify(shown[shown.length - 1])).toContain("Đã khảo sát 40 doanh nghiệp");
    });

    it("closes the form in time even when the database is slow, and confirms when saved", async () => {
      const id = await taskId("II.2.c.3.2");
      await openModal(USERS.gdnnStaff, "baocao II.2.c.3.2");
      const real = d.deps.prisma;
      // The database answers only once Slack has had the form's answer (or
      // after 5 s, beyond Slack's 3 s): a save made before answering shows as late.
      let answered = () => {};
      const gate = new Promise<void>((resolve) => {
        answered = resolve;
        setTimeout(resolve, 5_000).unref();
      });
      d.deps.prisma = new Proxy(real, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          if (key !== "$transaction") return value;
          return async (...args: unknown[]) => {
            await gate;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      try {
        const r = await d.fake.viewSubmission({ userId: USERS.gdnnStaff, values: { task: { task: String(id) }, percent: { percent: "30" } } });
        answered();
        expect(r.status).toBe(200);
        expect(r.late).toBe(false);
        await expect.poll(() => d.db.prisma.progressReport.count({ where: { taskId: id } }), { timeout: 10_000 }).toBe(1);
        await expect.poll(() => JSON.stringify(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff }).at(-1)), { timeout: 10_000 }).toContain("30%");
      } finally {
        d.deps.prisma = real;
      }
    }, 30_000);

    it("refuses a submission for another unit's task, even with a forged option value", async () => {
      await openModal(USERS.gdnnStaff);
      const other = await taskId("II.2.c.2");
      const r = await d.fake
        .viewSubmission({ userId: USERS.gdnnStaff, values: { task: { task: { text: { type: "plain_text", text: "x" }, value: String(other) } }, percent: { percent: "10" } } })
        .catch((e: unknown) => e);
      // The fake may refuse a value that is not among the options; either way nothing is saved.
      if (!(r instanceof Error)) expect(JSON.stringify((r as { body: unknown }).body)).toMatch(/errors|không chủ trì/);
      expect(await d.db.prisma.progressReport.count({ where: { taskId: other } })).toBe(0);
      await d.fake.viewClosed({ userId: USERS.gdnnStaff });
    });

    it("ignores a forged button value pointing at another unit's task", async () => {
      const before = await d.db.prisma.progressReport.count();
      const home = await d.fake.appHomeOpened({ userId: USERS.gdnnStaff });
      expect(home.status).toBe(200);
      await expect.poll(() => d.fake.workspace.surfaces.home(USERS.gdnnStaff), { timeout: 15_000 }).toBeDefined();
      const homeView = d.fake.workspace.surfaces.home(USERS.gdnnStaff)!;
      const r = await d.fake
        .blockAction({ userId: USERS.gdnnStaff, actionId: "report_open", viewId: homeView.id, value: String(await taskId("II.2.c.2")) })
        .catch((e: unknown) => e);
      void r;
      await expect.poll(() => d.fake.workspace.surfaces.topModal(USERS.gdnnStaff), { timeout: 15_000 }).toBeDefined();
      const modal = d.fake.workspace.surfaces.topModal(USERS.gdnnStaff)!;
      expect(JSON.stringify(modal.blocks)).not.toContain("initial_option");
      await d.fake.viewClosed({ userId: USERS.gdnnStaff });
      expect(await d.db.prisma.progressReport.count()).toBe(before);
    });

    it("refuses someone not registered, with a message in the modal", async () => {
      // A stranger cannot open the modal: the command answers whom to ask.
      await d.fake.slashCommand({ userId: USERS.stranger, channelId: gdnnChannel, command: "/kehoach", text: "baocao" });
      expect(d.fake.workspace.surfaces.topModal(USERS.stranger)).toBeUndefined();
    });

    it("publishes App Home with the unit's tasks", async () => {
      await d.fake.appHomeOpened({ userId: USERS.ldvlLead });
      await expect.poll(() => JSON.stringify(d.fake.workspace.surfaces.home(USERS.ldvlLead)?.blocks ?? ""), { timeout: 15_000 }).toContain("II.2.c.2");
    });
  },
);
