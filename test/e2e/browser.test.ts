// The local workspace in real headless Chromium, as a newcomer uses it:
// pick a GDNN staff member, report progress through the modal (first with a
// wrong percentage), see the report in the unit's channel and in
// `/kehoach xem`, open App Home, then move the clock and run the scheduler's
// own jobs: Monday's reminders (one message per unit channel) and Friday's
// digest (in the leadership channel). Screenshots of the main screens are
// taken along the way (see SHOTS in ./support.ts).
//
// Run with `npm run test:e2e` (the e2e project in vitest.config.ts). Needs Debian's
// Chromium: `apt-get install -y chromium fonts-noto-core fonts-noto-color-emoji`.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { schedulerJobs } from "../../src/local/scheduler-jobs.js";
import { USERS, type Started } from "../local/local-workspace.js";
import { openWorkspace, skipped, type OpenWorkspace } from "./support.js";

const UNIT_CHANNELS = ["dondoc-vp", "dondoc-ldvl", "dondoc-gdnn", "dondoc-ttdvvl", "dondoc-khtc"];

describe.skipIf(skipped !== undefined)(`the local workspace in Chromium${skipped ? ` (skipped: ${skipped})` : ""}`, () => {
  let open: OpenWorkspace;
  let w: Started;
  let page: Page;
  const shot = (name: string) => open.shot(name);
  const send = (text: string) => open.send(text);

  beforeAll(async () => {
    open = await openWorkspace({ workspace: { jobs: schedulerJobs(loadConfig({}).scheduler) } });
    ({ w, page } = open);
  });
  afterAll(async () => {
    await open?.close();
  });

  it("reports progress through the modal and shows it in the channel and in /kehoach xem", async () => {
    await page.selectOption("#who", USERS.gdnnStaff);
    await expect.poll(() => page.locator("#title").textContent()).toBe("# dondoc-gdnn");

    await send("/kehoach baocao");
    const modal = page.locator("#overlay form.modal");
    await modal.waitFor();
    await expect.poll(() => modal.locator("h2").textContent()).toBe("Báo cáo tiến độ");
    const task = modal.locator('select[data-action-id="task"]');
    const option = task.locator("option", { hasText: "II.2.c.3.1 ·" });
    await task.selectOption(await option.getAttribute("value"));
    await modal.locator('input[data-action-id="percent"]').fill("160");
    await modal.locator("button[type=submit]").click();
    const error = modal.locator('.b-input.has-error[data-block-id="percent"] .field-error');
    await expect.poll(() => error.textContent()).toBe('Tỷ lệ tiến độ "160" không hợp lệ. Đề nghị đồng chí nhập một số nguyên từ 0 đến 100.');
    await shot("modal-field-error");

    await modal.locator('input[data-action-id="percent"]').fill("60");
    await modal.locator('textarea[data-action-id="note"]').fill("Đã khảo sát 40 doanh nghiệp về miễn, giảm chi phí đào tạo nghề.");
    await modal.locator('textarea[data-action-id="evidence"]').fill("https://sldtbxh.example.gov.vn/bao-cao-gdnn-09.pdf");
    await modal.locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });
    const report = page.locator("article.msg:not(.ephemeral)", { hasText: "Đã khảo sát 40 doanh nghiệp" });
    await report.waitFor();
    expect(await report.textContent()).toContain("60%");
    await page.locator("article.msg.ephemeral", { hasText: "Đã ghi nhận báo cáo" }).waitFor();

    await send("/kehoach xem II.2.c.3.1");
    const detail = page.locator("article.msg.ephemeral", { hasText: "Đã khảo sát 40 doanh nghiệp" });
    await detail.waitFor();
    expect(await detail.textContent()).toContain("II.2.c.3.1");
    await page.locator("#feed").evaluate((feed) => (feed.scrollTop = 0));
    await shot("channel");
  });

  it("opens App Home with the member's tasks", async () => {
    await page.click("#nav-home");
    const home = page.locator(".home-view");
    await home.waitFor();
    expect(await home.textContent()).toContain("Huỳnh Văn Tài");
    await shot("app-home");
    // A button on App Home opens the same modal.
    await home.locator('button[data-action-id="report_open"]').first().click();
    await page.locator("#overlay form.modal").waitFor();
    await page.keyboard.press("Escape");
    await page.locator("#overlay").waitFor({ state: "hidden" });
  });

  const setClock = async (value: string, label: string) => {
    await page.locator("#clock-input").fill(value);
    await page.locator("#clock-input").dispatchEvent("change");
    await expect.poll(() => page.locator("#clock-label").textContent()).toBe(label);
  };
  const runJob = async (id: string) => {
    await page.click(`[data-job="${id}"]`);
    await expect.poll(() => page.locator("#job-result").getAttribute("class"), { timeout: 20_000 }).toBe("job-result ok");
    return page.locator("#job-result").textContent();
  };
  const openChannel = (name: string) => open.openChannel(name);

  it("runs Monday's reminders at the chosen time: one message in every unit's channel", async () => {
    await setClock("2023-09-25T08:00", "Thứ Hai, 25/09/2023 08:00");
    expect(await runJob("reminders")).toContain("Đã gửi: 5");
    for (const name of UNIT_CHANNELS) {
      await openChannel(name);
      const reminders = page.locator("article.msg:not(.ephemeral)", { hasText: "Nhắc việc" });
      await reminders.first().waitFor();
      expect(await reminders.count(), name).toBe(1);
    }
    await openChannel("dondoc-gdnn");
    await page
      .locator("article.msg", { hasText: "Đề nghị đơn vị quan tâm" })
      .first()
      .evaluate((m) => m.scrollIntoView({ block: "start" }));
    await shot("scheduled-job");
  });

  it("runs Friday's digest into the leadership channel", async () => {
    await setClock("2023-09-29T16:30", "Thứ Sáu, 29/09/2023 16:30");
    // The digest, and its chart in the digest's thread.
    expect(await runJob("digest")).toContain("Đã gửi: 2");
    await openChannel("dondoc-lanhdao");
    const digest = page.locator("article.msg:not(.ephemeral)", { hasText: "Tổng hợp tình hình thực hiện kế hoạch" });
    await digest.waitFor();
    expect(await digest.count()).toBe(1);
    await page.locator("#feed").evaluate((feed) => (feed.scrollTop = 0));
    await shot("leadership-digest");
    // The chart is shown as an image under the digest, decoded by the browser at its full size.
    const chart = page.locator("article.msg.reply figure.file-image img");
    await chart.waitFor();
    await chart.evaluate((img: HTMLImageElement) => (img.complete ? undefined : new Promise((r) => img.addEventListener("load", r, { once: true }))));
    expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1500);
    expect(await chart.getAttribute("alt")).toBe("Biểu đồ tiến độ tuần 39/2023");
    await page.locator("article.msg.reply").evaluate((m) => m.scrollIntoView({ block: "start" }));
    await shot("digest-chart");
  });
});
