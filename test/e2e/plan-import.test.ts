// The Office's walk-through in the local workspace, in Chromium: a plan
// document shared with dondoc in a direct message → the preview → the review
// modal → Ban hành → the plan in a unit's channel → the unit's
// acknowledgement. With DONDOC_SCREENSHOTS=docs it writes
// docs/screenshots/plan-import-*.png.
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPlanAcks } from "../../src/cli/format-acks.js";
import { planAcknowledgements } from "../../src/services/plan-acks.js";
import { USERS, type Started } from "../local/local-workspace.js";
import { openWorkspace, skipped, type OpenWorkspace } from "./support.js";

const PLAN_FILE = fileURLToPath(new URL("../fixtures/slack-import/ke-hoach-77.txt", import.meta.url));
const OFFICE = "U0VP00002";

describe.skipIf(skipped !== undefined)("importing a plan in the local workspace, in Chromium", () => {
  let open: OpenWorkspace;
  let w: Started;
  let page: Page;
  const shot = (name: string) => open.shot(name);

  beforeAll(async () => {
    open = await openWorkspace({ height: 900, shotPrefix: "plan-import-" });
    ({ w, page } = open);
  });
  afterAll(async () => {
    await open?.close();
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
    await page.locator(".nav-item[data-channel]").filter({ hasText: "dondoc-gdnn" }).first().click();
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
