// The Office's walk-through in the local workspace, in Chromium: a plan
// document shared with dondoc in a direct message → the preview → the review
// modal → Ban hành → the plan in a unit's channel → the unit's
// acknowledgement. With DONDOC_SCREENSHOTS=docs it writes
// docs/screenshots/plan-import-*.png.
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPlanAcks } from "../../src/cli/format-acks.js";
import { planAcknowledgements } from "../../src/services/plan-acks.js";
import { startExampleWorkspace, USERS, type Started } from "../local/local-workspace.js";

const CHROMIUM = "/usr/bin/chromium";
const PLAN_FILE = fileURLToPath(new URL("../fixtures/slack-import/ke-hoach-77.txt", import.meta.url));
const SHOTS = process.env.DONDOC_SCREENSHOTS === "docs" ? fileURLToPath(new URL("../../docs/screenshots/", import.meta.url)) : `${tmpdir()}/dondoc-screenshots/`;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=vi-VN"];
const OFFICE = "U0VP00002";

const skipped = !process.env.DONDOC_E2E ? "run it with `npm run test:e2e`" : !existsSync(CHROMIUM) ? `${CHROMIUM} is missing` : undefined;

describe.skipIf(skipped !== undefined)("importing a plan in the local workspace, in Chromium", () => {
  let w: Started;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}plan-import-${name}.png` });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { chromium } = await import("playwright-core");
    [w, browser] = await Promise.all([startExampleWorkspace(), chromium.launch({ executablePath: CHROMIUM, args: ARGS })]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    page = await context.newPage();
    page.on("pageerror", (err) => {
      throw err;
    });
    await page.goto(w.local.url);
    await page.waitForSelector("body[data-ready]");
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it("file → preview → review → Ban hành → the unit's post → acknowledgement", async () => {
    await page.selectOption("#who", OFFICE);
    await page.locator('.nav-item[data-channel="home"]').click();
    await page.locator('.tab[data-tab="messages"]').click();
    await page.locator("#share-file-input").setInputFiles(PLAN_FILE);
    await page.locator("#share-file button").click();
    await page.getByText("Xem trước kế hoạch từ văn bản").last().waitFor();
    await shot("1-preview");

    await page.locator('button[data-action-id="plan_import_review"]').last().click();
    const modal = page.locator("#overlay form.modal");
    await modal.waitFor();
    await modal.locator('select[data-block-id="lead:II.3"]').selectOption("LĐ-VL");
    await modal.locator('input[data-block-id="due:II.3"]').fill("Quý IV/2023");
    await shot("2-review");
    await modal.locator("button[type=submit]").click();
    await modal.waitFor({ state: "detached" });
    await page.getByText("Đã kiểm tra").last().waitFor();

    await page.locator('button[data-action-id="plan_import_publish"]').last().click();
    await page.getByText("Đã ban hành Kế hoạch số 77/KH-SLĐTBXH").last().waitFor();
    await shot("3-published");
    await expect.poll(async () => w.db.prisma.delivery.count({ where: { job: "plan-publish", status: "SENT" } }), { timeout: 15_000 }).toBe(3);

    await page.selectOption("#who", USERS.gdnnStaff);
    await page.locator('.nav-item[data-channel]').filter({ hasText: "dondoc-gdnn" }).first().click();
    await page.getByText("Kính gửi: Phòng Giáo dục nghề nghiệp").last().waitFor();
    await page.locator('button[data-action-id="plan_ack"]').last().click();
    await page.getByText("Đã ghi nhận: Phòng Giáo dục nghề nghiệp đã nhận Kế hoạch số 77/KH-SLĐTBXH").last().waitFor();
    await shot("4-acknowledged");

    const plan = await w.db.prisma.plan.findFirstOrThrow({ where: { number: "77/KH-SLĐTBXH" } });
    const acks = await planAcknowledgements(w.db.prisma, plan.id);
    expect(acks.acknowledged.map((a) => a.code)).toEqual(["GDNN"]);
    expect(formatPlanAcks(acks, "vi")).toContain("1/3 đơn vị đã xác nhận");
  });
});
