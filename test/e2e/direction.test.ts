// Issue 13's walk-through in the local workspace, in Chromium: the loop of
// the Office chasing and leadership directing. (a) A unit raises an obstacle
// and leadership answers it from the notice ("Ý kiến chỉ đạo"): the answer
// lands in the unit channel's thread. (b) The Office opens its App Home
// dashboard, sees a silent unit and reminds it ("Nhắc đơn vị"); a second
// click sends nothing more. (c) A staff member reports a task done, the unit
// lead confirms it from the channel, and it counts as done. (d) The unit
// lead asks for an extension, leadership approves it in its direct message,
// and the task shows the new deadline with the plan's own kept.
// With DONDOC_SCREENSHOTS=docs it writes docs/screenshots/direction-*.png.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acknowledgePlan, publishToUnits } from "../../src/services/plan-acks.js";
import { statusSummary } from "../../src/services/plan-queries.js";
import { planForUnitMessage } from "../../src/views/plan-acks.js";
import type { Started } from "../local/local-workspace.js";
import { openWorkspace, skipped, type OpenWorkspace } from "./support.js";

const PEOPLE = {
  ldvlStaff: "U0LDVL002",
  ldvlLead: "U0LDVL001",
  gdnnStaff: "U0GDNN002",
  gdnnLead: "U0GDNN001",
  office: "U0VP00002",
  leadership: "U0LDS0001",
} as const;
const OBSTACLE = "Viện Nghiên cứu phát triển chưa gửi văn bản đề nghị cung cấp danh sách doanh nghiệp";
const DIRECTION = "Giao Phòng LĐ-VL chủ động liên hệ Viện Nghiên cứu phát triển, thống nhất danh sách trước ngày 30/09/2023.";
const DONE_NOTE = "Đã hoàn thành khảo sát tiêu chí 1, gửi kèm biên bản tổng hợp.";

describe.skipIf(skipped !== undefined)("the direction loop in the local workspace, in Chromium", () => {
  let open: OpenWorkspace;
  let w: Started;
  let page: Page;
  const shot = (name: string) => open.shot(name);
  const send = (text: string) => open.send(text);
  const as = (user: string) => open.as(user);
  const openChannel = (name: string) => open.openChannel(name);
  const openHome = async (tab: "home" | "messages") => {
    await page.locator("#nav-home").click();
    await page.locator(`.tab[data-tab="${tab}"]`).click();
  };
  const message = (text: string): Locator => page.locator("article.msg:not(.ephemeral)", { hasText: text });
  const ephemeral = (text: string): Locator => page.locator("article.msg.ephemeral", { hasText: text });
  const top = (l: Locator) => l.evaluate((m) => m.scrollIntoView({ block: "start" }));
  const modal = () => page.locator("#overlay form.modal");

  beforeAll(async () => {
    open = await openWorkspace({ height: 860, shotPrefix: "direction-" });
    ({ w, page } = open);
  });
  afterAll(async () => {
    await open?.close();
  });

  it("(a) a unit raises an obstacle; leadership answers from the notice and the answer lands in the unit channel's thread", async () => {
    await as(PEOPLE.ldvlStaff);
    await openChannel("dondoc-ldvl");
    await send(`/kehoach vuongmac II.2.c.2 ${OBSTACLE}`);
    const notice = message(OBSTACLE).first();
    await notice.waitFor();
    expect(await notice.locator('button[data-action-id="obstacle_direct"]').count()).toBe(1);
    await top(notice);
    await shot("1-obstacle");

    await as(PEOPLE.leadership);
    await openChannel("dondoc-ldvl");
    await message(OBSTACLE).first().locator('button[data-action-id="obstacle_direct"]').click();
    await modal().waitFor();
    await expect.poll(() => modal().locator("h2").textContent()).toBe("Ý kiến chỉ đạo");
    await modal().locator("textarea").fill(DIRECTION);
    await shot("2-direction-form");
    await modal().locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });

    // The direction is a reply in the obstacle's thread, shown right under the notice.
    const reply = page.locator("article.msg.reply", { hasText: DIRECTION });
    await reply.waitFor();
    const obstacle = await w.db.prisma.obstacle.findFirstOrThrow({ where: { text: OBSTACLE } });
    expect(await reply.getAttribute("data-thread-ts")).toBe(obstacle.noticeTs);
    expect(obstacle.state).toBe("DIRECTED");
    expect(
      await page.locator("article.msg").evaluateAll((all, ts) => {
        const i = all.findIndex((m) => (m as HTMLElement).dataset.ts === ts);
        return (all[i + 1] as HTMLElement | undefined)?.classList.contains("reply") ?? false;
      }, obstacle.noticeTs),
    ).toBe(true);
    // The notice says so in place of its direction button; closing it stays possible.
    const updated = message(OBSTACLE).first();
    await updated.getByText("Đã có ý kiến chỉ đạo của đồng chí").waitFor();
    expect(await updated.locator('button[data-action-id="obstacle_direct"]').count()).toBe(0);
    expect(await updated.locator('button[data-action-id="obstacle_close"]').count()).toBe(1);
    await top(updated);
    await shot("3-direction-in-thread");
  });

  it("(b) the Office sees a silent unit on its App Home and reminds it; a second click sends nothing more", async () => {
    // The plan as the Office published it (the plan-import walk-through does it from the document), and GDNN's acknowledgement.
    const plan = await w.db.prisma.plan.findFirstOrThrow();
    await publishToUnits(w.db.prisma, plan.id, new Date("2023-09-18T02:00:00Z"), (m) => planForUnitMessage(m, "vi"));
    const gdnnStaff = await w.db.prisma.member.findFirstOrThrow({ where: { slackUserId: PEOPLE.gdnnStaff } });
    await acknowledgePlan({
      prisma: w.db.prisma,
      planId: plan.id,
      actor: { role: "STAFF", unitId: gdnnStaff.unitId, active: true },
      userId: PEOPLE.gdnnStaff,
      requestKey: "e2e-ack",
      at: new Date("2023-09-19T02:00:00Z"),
    });

    await as(PEOPLE.office);
    await openHome("home");
    const home = page.locator(".home-view");
    await home.getByText("Bảng điều hành thực hiện kế hoạch").waitFor();
    const silentTitle = home.getByText("Đơn vị chưa báo cáo trong tuần");
    await silentTitle.waitFor();
    // TTDVVL has sent nothing this week.
    const row = home.locator(".b-section", { hasText: "TTDVVL" }).filter({ hasText: "chưa có báo cáo tiến độ nào trong tuần" });
    await row.first().waitFor();
    const button = row.first().locator('button[data-action-id="unit_nudge"]');
    expect(await button.textContent()).toBe("Nhắc đơn vị");
    await top(silentTitle);
    await shot("4-dashboard");
    // Who has acknowledged the plan and who has not (issue 11), and the window's unit reports.
    const acks = home.getByText("Đơn vị chưa xác nhận đã nhận kế hoạch");
    expect(await home.textContent()).toContain("1/5 đơn vị đã xác nhận — đã xác nhận: GDNN (19/09/2023)");
    expect(
      await home
        .locator(".b-section", { hasText: "TTDVVL" })
        .filter({ hasText: "chưa xác nhận Kế hoạch số 1565/KH-SLĐTBXH" })
        .locator('button[data-action-id="unit_nudge"]')
        .count(),
    ).toBe(1);
    expect(await home.textContent()).toContain("Đơn vị chưa gửi báo cáo Quý III/2023 về Văn phòng Sở");
    await top(acks);
    await shot("4b-acknowledgements-and-reports");

    const blockId = await button.getAttribute("data-block-id");
    const viewId = await home.getAttribute("data-view-id");
    // A double click: the page's click, and a second click on the same button at once (the page
    // disables a button while its click is in flight, so the second goes through the page's API).
    const [, again] = await Promise.all([button.click(), w.api("action", { user: PEOPLE.office, actionId: "unit_nudge", blockId, viewId })]);
    expect(again.status).toBe(200);
    await row.first().getByText("đã nhắc hôm nay").waitFor();
    expect(await row.first().locator('button[data-action-id="unit_nudge"]').count()).toBe(0);
    // App Home is published again once per click: let the page settle before scrolling.
    await page.waitForTimeout(1_000);
    await top(silentTitle);
    await shot("5-reminded");
    // One of the two clicks is answered that the unit was reminded today already.
    await openHome("messages");
    await page.locator("article.msg", { hasText: "đã được nhắc hôm nay" }).first().waitFor();

    await openChannel("dondoc-ttdvvl");
    const reminder = message("Văn phòng Sở nhắc đơn vị");
    await reminder.first().waitFor();
    // It names what the unit owes besides progress.
    expect(await reminder.first().textContent()).toContain("Chưa xác nhận đã nhận Kế hoạch số 1565/KH-SLĐTBXH");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await reminder.count()).toBe(1);
    expect(await w.db.prisma.delivery.count({ where: { job: "nudge" } })).toBe(1);
    expect(await w.db.prisma.auditEntry.count({ where: { action: "unit.nudge" } })).toBe(1);
    await top(reminder.first());
    await shot("6-reminder-in-channel");
  });

  it("(c) a staff member reports a task done; the unit lead confirms it from the channel and it counts as done", async () => {
    const done = async () => {
      const s = await statusSummary(w.db.prisma, { today: "2023-09-20" });
      return s.counts.DONE_ON_TIME + s.counts.DONE_LATE;
    };
    const before = await done();
    await as(PEOPLE.gdnnStaff);
    await openChannel("dondoc-gdnn");
    await send("/kehoach baocao");
    await modal().waitFor();
    const task = modal().locator('select[data-action-id="task"]');
    await task.selectOption(await task.locator("option", { hasText: "II.2.c.3.1 ·" }).getAttribute("value"));
    await modal().locator('input[data-action-id="percent"]').fill("100");
    await modal().locator('textarea[data-action-id="note"]').fill(DONE_NOTE);
    await modal().locator('.choices[data-block-id="done"] input[type=checkbox]').check();
    await modal().locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });
    const report = message(DONE_NOTE).first();
    await report.getByText("đang chờ lãnh đạo đơn vị xác nhận").waitFor();
    expect(await done()).toBe(before);
    await top(report);
    await shot("7-completion-waiting");

    await as(PEOPLE.gdnnLead);
    await openChannel("dondoc-gdnn");
    await message(DONE_NOTE).first().locator('button[data-action-id="report_confirm"]').click();
    await message("đã xác nhận hoàn thành nhiệm vụ").first().waitFor();
    await expect.poll(done, { timeout: 15_000 }).toBe(before + 1);

    await send("/kehoach xem II.2.c.3.1");
    const detail = ephemeral("Khảo sát").last();
    await detail.waitFor();
    expect(await detail.textContent()).toContain("Hoàn thành");
    await top(message("đã xác nhận hoàn thành nhiệm vụ").first());
    await shot("8-completion-confirmed");
  });

  it("(d) the unit lead asks for an extension; leadership approves in its direct message; the task shows the new deadline with the original kept", async () => {
    await as(PEOPLE.ldvlLead);
    await openChannel("dondoc-ldvl");
    await send("/kehoach giahan II.2.c.2");
    await modal().waitFor();
    await expect.poll(() => modal().locator("h2").textContent()).toBe("Đề nghị gia hạn");
    await modal().locator('input[type="date"]').fill("2023-10-31");
    await modal().locator("textarea").fill("Viện Nghiên cứu phát triển gửi văn bản đề nghị muộn; đơn vị cần thêm thời gian tổng hợp danh sách doanh nghiệp.");
    await shot("9-extension-request");
    await modal().locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });

    await as(PEOPLE.leadership);
    await openHome("messages");
    const request = page.locator("article.msg", { hasText: "Đề nghị gia hạn" }).filter({ has: page.locator('button[data-action-id="extension_approve"]') });
    await request.first().waitFor();
    await top(request.first());
    await shot("10-extension-in-dm");
    await request.first().locator('button[data-action-id="extension_approve"]').click();
    await page.locator("article.msg", { hasText: "đồng ý gia hạn nhiệm vụ" }).first().waitFor();

    const task = await w.db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    expect([task.dueOn?.toISOString().slice(0, 10), task.originalDueOn?.toISOString().slice(0, 10)]).toEqual(["2023-10-31", "2023-09-14"]);

    await as(PEOPLE.ldvlLead);
    await openChannel("dondoc-ldvl");
    await send("/kehoach xem II.2.c.2");
    const detail = ephemeral("31/10/2023 (đã gia hạn từ 14/09/2023)").last();
    await detail.waitFor();
    // On 20/09/2023 the plan's deadline (14/09) had passed; the approved one has not.
    expect(await detail.textContent()).not.toContain("Quá hạn");
    await top(detail);
    await shot("11-extended");
  });
});
