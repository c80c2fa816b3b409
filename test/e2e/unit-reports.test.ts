// Issue 12's walk-through in the local workspace, in Chromium: from the
// units' reports to the approved consolidated report. (a) The report-deadline
// job, run from the page's panel on Tuesday 05/09/2023, sends each unit's
// lead the pre-filled draft of the unit's Q3/2023 report; the GDNN lead opens
// it from the direct message, attaches an evidence file with the form's file
// input and sends it; the Office's channel is told. (b) The Office types
// `/kehoach tinhhinhbaocao` and sees who has sent. (c) On 18/09/2023 the Office
// types `/kehoach baocaotonghop Quý III/2023`; each leader gets the draft by
// direct message. (d) A leader approves it ("Duyệt"). (e) The approved .docx
// and .xlsx appear in the Office's channel as download links; the .docx
// downloaded from the page is the approved version, byte for byte, with the
// units' texts in it.
// With DONDOC_SCREENSHOTS=docs it writes docs/screenshots/report-*.png.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { DEMO_MARK, loadDemoProgress } from "../../src/demo/demo-progress.js";
import { localInstant } from "../../src/domain/schedule.js";
import { schedulerJobs } from "../../src/local/scheduler-jobs.js";
import type { Started } from "../local/local-workspace.js";
import { openWorkspace, skipped, type OpenWorkspace } from "./support.js";

const PEOPLE = {
  gdnnLead: "U0GDNN001",
  ldvlLead: "U0LDVL001",
  office: "U0VP00002",
  leader: "U0LDS0001",
} as const;
const SHORTCOMINGS = "Một số cơ sở giáo dục nghề nghiệp chưa cập nhật dữ liệu tuyển sinh kịp thời do thiếu nhân lực.";
const PROPOSALS = "Đề nghị UBND tỉnh bổ sung kinh phí khảo sát doanh nghiệp năm 2024.";
const LDVL_RESULTS = "Phòng Lao động - Việc làm đã phối hợp tổ chức 02 phiên giao dịch việc làm, kết nối 350 lao động với doanh nghiệp.";
const EVIDENCE = {
  name: "Danh sách học viên lớp bồi dưỡng quý III.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% tài liệu kiểm chứng của bài kiểm thử\n%%EOF\n"),
};

async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
}

describe.skipIf(skipped !== undefined)("units' reports and the consolidated report in the local workspace, in Chromium", () => {
  let open: OpenWorkspace;
  let w: Started;
  let page: Page;
  const shot = (name: string) => open.shot(name);
  const send = (text: string) => open.send(text);
  const as = (user: string) => open.as(user);
  const openChannel = (name: string) => open.openChannel(name);
  const openMessages = async () => {
    await page.locator("#nav-home").click();
    await page.locator('.tab[data-tab="messages"]').click();
  };
  const setClock = async (value: string, label: string) => {
    await page.locator("#clock-input").fill(value);
    await page.locator("#clock-input").dispatchEvent("change");
    await expect.poll(() => page.locator("#clock-label").textContent()).toBe(label);
  };
  const message = (text: string): Locator => page.locator("article.msg:not(.ephemeral)", { hasText: text });
  const ephemeral = (text: string): Locator => page.locator("article.msg.ephemeral", { hasText: text });
  const top = (l: Locator) => l.evaluate((m) => m.scrollIntoView({ block: "start" }));
  const modal = () => page.locator("#overlay form.modal");

  beforeAll(async () => {
    open = await openWorkspace({ workspace: { jobs: schedulerJobs(loadConfig({}).scheduler) }, height: 900, shotPrefix: "report-" });
    ({ w, page } = open);
    // The units' progress up to the morning of 05/09/2023, as `npm start` loads it (marked as demo data).
    await loadDemoProgress(w.db.prisma, localInstant("2023-09-05", 7, 0));
  });
  afterAll(async () => {
    await open?.close();
  });

  it("(a) the report-deadline job sends the unit's lead the pre-filled draft; the lead attaches an evidence file and sends it to the Office", async () => {
    await as(PEOPLE.gdnnLead);
    await setClock("2023-09-05T08:00", "Thứ Ba, 05/09/2023 08:00");
    await page.locator('[data-job="report-deadlines"]').click();
    await expect.poll(() => page.locator("#job-result").textContent(), { timeout: 30_000 }).toContain("Đã gửi");

    await openMessages();
    const draft = page.locator("article.msg", { hasText: "Dự thảo báo cáo Quý III/2023 của đơn vị" }).filter({ has: page.locator('button[data-action-id="unit_report_open"]') });
    await draft.first().waitFor();
    expect(await draft.first().textContent()).toContain("Kính gửi đồng chí lãnh đạo Phòng Giáo dục nghề nghiệp");
    await top(draft.first());
    await shot("1-draft-dm");

    await draft.first().locator('button[data-action-id="unit_report_open"]').click();
    await modal().waitFor();
    await expect.poll(() => modal().locator("h2").textContent()).toBe("Báo cáo của đơn vị");
    const results = modal().locator('textarea[data-action-id="results"]');
    // Pre-filled from the window's progress reports.
    expect(await results.inputValue()).toContain(DEMO_MARK);
    await modal().locator('textarea[data-action-id="shortcomings"]').fill(SHORTCOMINGS);
    await modal().locator('textarea[data-action-id="proposals"]').fill(PROPOSALS);
    await modal().locator('input[type=file][data-action-id="evidence_files"]').setInputFiles(EVIDENCE);
    // The end of the form: the proposals, the picked file and "Gửi Văn phòng Sở" (the lead's default).
    await modal()
      .locator(".modal-body")
      .evaluate((b) => b.scrollTo(0, b.scrollHeight));
    expect(await modal().locator('input[type=radio][value="submit"]').isChecked()).toBe(true);
    await shot("2-draft-form");
    await modal().locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });

    const stored = await w.db.prisma.unitReport.findFirstOrThrow({ where: { unit: { code: "GDNN" } } });
    expect(stored).toMatchObject({ status: "SUBMITTED", submittedBy: PEOPLE.gdnnLead, period: "2023-Q3", shortcomings: SHORTCOMINGS, proposals: PROPOSALS });
    expect(stored.evidenceFiles).toMatchObject([{ name: EVIDENCE.name, size: EVIDENCE.buffer.length }]);

    // Another unit's lead sends the draft from the command, with its own results.
    await as(PEOPLE.ldvlLead);
    await openChannel("dondoc-ldvl");
    await send("/kehoach baocaodonvi");
    await modal().waitFor();
    await modal().locator('textarea[data-action-id="results"]').fill(LDVL_RESULTS);
    await modal().locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });

    await as(PEOPLE.office);
    await openChannel("dondoc-vp");
    const received = message("Văn phòng Sở đã nhận báo cáo Quý III/2023 (Kế hoạch số 1565/KH-SLĐTBXH) của Phòng Giáo dục nghề nghiệp");
    await received.first().waitFor();
    await message("của Phòng Lao động - Việc làm").first().waitFor();
    await top(received.first());
    await shot("3-received");
  });

  it("(b) the Office types /kehoach tinhhinhbaocao and sees who has sent", async () => {
    await as(PEOPLE.office);
    await openChannel("dondoc-vp");
    await send("/kehoach tinhhinhbaocao");
    const status = ephemeral("đơn vị đã gửi báo cáo về Văn phòng Sở").last();
    await status.waitFor();
    const text = (await status.textContent()) ?? "";
    expect(text).toContain("GDNN Phòng Giáo dục nghề nghiệp: đã gửi ngày 05/09/2023");
    expect(text).toContain("LĐ-VL Phòng Lao động - Việc làm: đã gửi ngày 05/09/2023");
    expect(text).toMatch(/TTDVVL .*: chưa/);
    expect(await status.locator('button[data-action-id="unit_report_remind"]').count()).toBe(1);
    await top(status);
    await shot("4-who-has-sent");
  });

  it("(c) the Office types /kehoach baocaotonghop Quý III/2023; each leader gets the draft by direct message", async () => {
    await as(PEOPLE.office);
    await setClock("2023-09-18T09:00", "Thứ Hai, 18/09/2023 09:00");
    await openChannel("dondoc-vp");
    await send("/kehoach baocaotonghop Quý III/2023");
    const built = ephemeral("phiên bản 1").last();
    await built.waitFor({ timeout: 30_000 });
    await top(built);
    await shot("5-built");
    const row = await w.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 1 } });
    expect(row.status).toBe("PENDING_APPROVAL");
  });

  it("(d) a leader approves the report from the direct message", async () => {
    await as(PEOPLE.leader);
    await openMessages();
    const request = page.locator("article.msg", { hasText: "Trình duyệt báo cáo Quý III/2023" }).filter({ has: page.locator('button[data-action-id="consolidated_approve"]') });
    await request.first().waitFor();
    await top(request.first());
    await shot("6-approval-request");
    await request.first().locator('button[data-action-id="consolidated_approve"]').click();
    await modal().waitFor();
    await expect.poll(() => modal().locator("h2").textContent()).toBe("Duyệt báo cáo");
    await modal().locator("textarea").fill("Đồng ý. Văn phòng Sở trình ký, gửi UBND tỉnh.");
    await shot("7-approve");
    await modal().locator("button[type=submit]").click();
    await page.locator("#overlay").waitFor({ state: "hidden" });
    await expect.poll(async () => (await w.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 1 } })).status).toBe("APPROVED");
  });

  it("(e) the approved .docx and .xlsx appear in the Office's channel and the .docx downloaded from the page is the approved version", async () => {
    await as(PEOPLE.office);
    await openChannel("dondoc-vp");
    const delivered = message("đã duyệt Báo cáo kết quả thực hiện Kế hoạch số 1565/KH-SLĐTBXH, Quý III/2023").filter({ has: page.locator(".file-link") });
    await delivered.first().waitFor({ timeout: 30_000 });
    const links = delivered.first().locator(".file-link a");
    expect(await links.allTextContents()).toEqual(["bao-cao-1565-khsldtbxh-quy-iii-2023.docx", "phu-luc-1565-khsldtbxh-quy-iii-2023.xlsx"]);
    // Each link says how large the file is.
    expect(await delivered.first().locator(".file-link .file-size").allTextContents()).toEqual([expect.stringMatching(/^\d+(,\d)? KB$/), expect.stringMatching(/^\d+(,\d)? KB$/)]);
    await top(delivered.first());
    await shot("8-delivered");

    const row = await w.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 1 } });
    const [download] = await Promise.all([page.waitForEvent("download"), links.first().click()]);
    expect(download.suggestedFilename()).toBe("bao-cao-1565-khsldtbxh-quy-iii-2023.docx");
    const docx = await readFile((await download.path())!);
    expect(docx.equals(Buffer.from(row.docx, "base64"))).toBe(true);
    const text = await docxText(docx);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện Kế hoạch số 1565/KH-SLĐTBXH");
    expect(text).toContain(LDVL_RESULTS);
    expect(text).toContain(SHORTCOMINGS);
    expect(text).toContain(PROPOSALS);

    const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), links.nth(1).click()]);
    const xlsx = await readFile((await xlsxDownload.path())!);
    expect(xlsx.equals(Buffer.from(row.xlsx, "base64"))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const evidence = wb.getWorksheet("Biểu 3 - Tài liệu kiểm chứng")!;
    const names: unknown[] = [];
    evidence.eachRow((r) => names.push(...(r.values as unknown[])));
    expect(names).toContain(EVIDENCE.name);
  });
});
