// Units' reports for a window: the pre-filled draft, saving and sending
// (staff prepare, the lead sends), the Office's view of who has sent, the
// reminders (one per click, exactly once), bad input refused with nothing
// written, and the consolidated report's sections fed by what units sent,
// read back from the .docx and .xlsx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/database.js";
import type { Actor } from "../../src/domain/permissions.js";
import { AppError } from "../../src/errors.js";
import { parseReportPeriod } from "../../src/report/period.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { findPlan } from "../../src/services/plan-queries.js";
import { reportProgress } from "../../src/services/report-progress.js";
import { buildReportModel } from "../../src/services/report-model.js";
import { writeReportFiles } from "../../src/services/report-files.js";
import { remindUnitsToReport, UNIT_REPORT_REMINDER_JOB } from "../../src/services/unit-report-reminders.js";
import { FILE_INPUT_MAX_BYTES, saveUnitReport, unitReportDraft, unitReportStatus } from "../../src/services/unit-reports.js";
import type { DeliveryClient } from "../../src/delivery/slack-delivery.js";
import { unitReportReminderMessage } from "../../src/views/unit-report.js";
import { backends, log } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

const Q3 = parseReportPeriod("Quý III/2023")!;

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Paragraph texts of the .docx body. */
async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(await readFile(file))).file("word/document.xml")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join("")).filter((t) => t !== "");
}

describe.each(backends)("units' reports for a window on $name", (backend) => {
  let db: Database;
  let planId: number;
  let gdnn: { id: number; code: string; name: string };
  let ldvl: { id: number };
  const actor = (role: Actor["role"], unitId: number): Actor => ({ role, unitId, active: true });
  const sent: { target: string; text: string }[] = [];
  const client: DeliveryClient = {
    post: async (target, payload) => {
      sent.push({ target, text: payload.text });
      return { kind: "sent", channelId: target, ts: `${sent.length}.0` };
    },
    findPosted: async () => null,
  };
  const send = { client, log, instance: "test", now: () => new Date("2023-09-06T02:00:00Z"), messagesPerMinute: 600 };

  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    planId = (await findPlan(db.prisma, "1565")).id;
    gdnn = await db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" }, select: { id: true, code: true, name: true } });
    ldvl = await db.prisma.unit.findUniqueOrThrow({ where: { code: "LĐ-VL" }, select: { id: true } });
    // Two progress reports of GDNN in the window on tasks it leads.
    const led = await db.prisma.task.findMany({
      where: { planId, archivedAt: null, children: { none: {} }, assignments: { some: { unitId: gdnn.id, role: "LEAD" } } },
      orderBy: { id: "asc" },
      take: 2,
    });
    expect(led.length).toBe(2);
    await reportProgress(db.prisma, {
      taskId: led[0]!.id,
      unitId: gdnn.id,
      reporter: "U0GDNN002",
      percent: 60,
      note: "Đã tổ chức 02 lớp tập huấn cho giáo viên",
      evidenceLinks: ["https://vb.example.vn/123"],
      at: new Date("2023-07-10T03:00:00Z"),
    });
    await reportProgress(db.prisma, {
      taskId: led[1]!.id,
      unitId: gdnn.id,
      reporter: "U0GDNN002",
      percent: 100,
      done: true,
      note: "Hoàn thành khảo sát",
      at: new Date("2023-08-20T03:00:00Z"),
    });
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("pre-fills the draft from the window's progress reports", async () => {
    const draft = await unitReportDraft(db.prisma, { planId, unitId: gdnn.id, windowKey: "2023-Q3", today: "2023-09-05" });
    expect(draft.state).toBe("NONE");
    expect(draft.prefilled).toBe(true);
    expect(draft.window).toMatchObject({ key: "2023-Q3", start: "2023-06-15", end: "2023-09-14" });
    expect(draft.unitsDue).toBe("2023-09-08"); // the 10th is a Sunday: the working day before
    expect(draft.tasks.length).toBeGreaterThanOrEqual(2);
    expect(draft.fields.results).toContain("Đã tổ chức 02 lớp tập huấn cho giáo viên (tiến độ 60%).");
    expect(draft.fields.results).toContain("Hoàn thành khảo sát (tiến độ 100%).");
    expect(draft.fields.shortcomings).toContain("chưa triển khai");
    expect(draft.fields.proposals).toBe("");
  });

  it("lets staff save a draft but not send it; the lead sends; a replay records once", async () => {
    const fields = { results: "Kết quả của phòng.", shortcomings: "Chưa bố trí đủ kinh phí.", proposals: "Đề nghị bổ sung kinh phí khảo sát." };
    const staff = await saveUnitReport(db.prisma, {
      actor: actor("STAFF", gdnn.id),
      userId: "U0GDNN002",
      planId,
      unitId: gdnn.id,
      windowKey: "2023-Q3",
      fields,
      evidenceFiles: [],
      submit: true,
      requestKey: "view:V1",
      at: new Date("2023-09-05T03:00:00Z"),
    });
    expect(staff).toMatchObject({ kind: "saved", state: "DRAFT", submitRefused: true });
    const file = { id: "F0001", name: "Biên bản tập huấn.pdf", size: 120_000, permalink: "https://fake.slack/files/F0001" };
    const input = {
      actor: actor("UNIT_LEAD", gdnn.id),
      userId: "U0GDNN001",
      planId,
      unitId: gdnn.id,
      windowKey: "2023-Q3",
      fields,
      evidenceFiles: [file],
      submit: true,
      requestKey: "view:V2",
      at: new Date("2023-09-06T03:00:00Z"),
    };
    expect(await saveUnitReport(db.prisma, input)).toMatchObject({ kind: "saved", state: "SUBMITTED", submitRefused: false });
    expect(await saveUnitReport(db.prisma, input)).toEqual({ kind: "duplicate" });
    const audits = await db.prisma.auditEntry.findMany({ where: { entity: "UnitReport" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["unit-report.save", "unit-report.submit"]);
    const draft = await unitReportDraft(db.prisma, { planId, unitId: gdnn.id, windowKey: "2023-Q3", today: "2023-09-06" });
    expect(draft).toMatchObject({ state: "SUBMITTED", prefilled: false, submittedOn: "2023-09-06", submittedBy: "U0GDNN001", fields, evidenceFiles: [file] });
    // Once sent, staff cannot overwrite it.
    const e = await errorOf(saveUnitReport(db.prisma, { ...input, actor: actor("STAFF", gdnn.id), userId: "U0GDNN002", requestKey: "view:V3" }));
    expect(e.code).toBe("UNIT_REPORT_ALREADY_SUBMITTED");
  });

  it("refuses another unit's report, whatever the role, and a forged unit", async () => {
    for (const role of ["STAFF", "UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"] as const) {
      const e = await errorOf(
        saveUnitReport(db.prisma, {
          actor: actor(role, ldvl.id),
          userId: "U0LDVL001",
          planId,
          unitId: gdnn.id,
          windowKey: "2023-Q3",
          fields: { results: "x", shortcomings: "", proposals: "" },
          evidenceFiles: [],
          submit: true,
          requestKey: `view:F-${role}`,
          at: new Date(),
        }),
      );
      expect(e.code).toBe("UNIT_REPORT_FORBIDDEN");
    }
  });

  it("refuses 20,000 characters, a file over Slack's limit, a period the plan does not cover: clear messages, nothing written", async () => {
    const before = await db.prisma.unitReport.findMany({ orderBy: { id: "asc" } });
    const base = {
      actor: actor("UNIT_LEAD", ldvl.id),
      userId: "U0LDVL001",
      planId,
      unitId: ldvl.id,
      windowKey: "2023-Q3",
      fields: { results: "Kết quả", shortcomings: "", proposals: "" },
      evidenceFiles: [],
      submit: true,
      at: new Date("2023-09-06T03:00:00Z"),
    };
    const long = await errorOf(saveUnitReport(db.prisma, { ...base, fields: { ...base.fields, shortcomings: "ồ".repeat(20_000) }, requestKey: "view:L1" }));
    expect(long.code).toBe("UNIT_REPORT_TOO_LONG");
    expect(long.text("vi")).toBe(
      'Mục "Tồn tại, hạn chế và nguyên nhân" dài 20.000 ký tự, vượt giới hạn 3.000 ký tự của một mục. Đề nghị đồng chí rút gọn, hoặc đưa phần chi tiết vào tài liệu kiểm chứng đính kèm. Báo cáo chưa được lưu.',
    );
    expect(long.text("en")).toContain("over the 3.000-character limit");
    const big = await errorOf(
      saveUnitReport(db.prisma, {
        ...base,
        evidenceFiles: [{ id: "F9", name: "Video hội nghị.mp4", size: FILE_INPUT_MAX_BYTES + 2 * 1024 * 1024, permalink: null }],
        requestKey: "view:L2",
      }),
    );
    expect(big.code).toBe("EVIDENCE_FILE_TOO_LARGE");
    expect(big.text("vi")).toContain('Tệp "Video hội nghị.mp4" có dung lượng 12 MB, vượt giới hạn 10 MB');
    const notCovered = await errorOf(saveUnitReport(db.prisma, { ...base, windowKey: "2022-Q3", requestKey: "view:L3" }));
    expect(notCovered.code).toBe("REPORT_PERIOD_NOT_COVERED");
    expect(notCovered.bilingual()).toMatch(/Kế hoạch số 1565\/KH-SLĐTBXH thực hiện từ 13\/06\/2023[\s\S]*Plan 1565\/KH-SLĐTBXH runs from/);
    expect((await errorOf(unitReportDraft(db.prisma, { planId, unitId: ldvl.id, windowKey: "2024-Q3", today: "2024-09-01" }))).code).toBe("REPORT_PERIOD_NOT_COVERED");
    expect((await errorOf(saveUnitReport(db.prisma, { ...base, windowKey: "2023-Q9", requestKey: "view:L4" }))).code).toBe("REPORT_PERIOD_INVALID");
    expect(await db.prisma.unitReport.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("shows the Office who has sent, and reminds the others once per click, exactly once", async () => {
    const status = await unitReportStatus(db.prisma, planId, "2023-Q3", "2023-09-06");
    expect(status.units.find((u) => u.unit.code === "GDNN")).toMatchObject({ state: "SUBMITTED", submittedOn: "2023-09-06" });
    expect(status.submitted).toBe(1);
    const pending = status.units.filter((u) => u.state !== "SUBMITTED" && u.channel !== null);
    expect(pending.length).toBeGreaterThan(0);
    const office = actor("OFFICE", (await db.prisma.unit.findUniqueOrThrow({ where: { code: "VP" } })).id);
    const click = { actor: office, userId: "U0VP00002", planId, windowKey: "2023-Q3", clickKey: "trigger-1", today: "2023-09-06", at: new Date("2023-09-06T02:00:00Z") };
    const first = await remindUnitsToReport(db.prisma, click, send, unitReportReminderMessage);
    expect(first).toMatchObject({ planned: pending.length, replay: false });
    expect(first.delivery?.sent).toBe(pending.length);
    expect(sent.map((s) => s.target).sort()).toEqual(pending.map((u) => u.channel).sort());
    expect(sent[0]!.text).toMatch(/^Kính gửi: .+\. Văn phòng Sở chưa nhận được báo cáo Quý III\/2023 của đơn vị\.$/);
    // Slack delivers the same click again: nothing new is planned, sent or audited.
    const again = await remindUnitsToReport(db.prisma, click, send, unitReportReminderMessage);
    expect(again).toMatchObject({ planned: 0, replay: true });
    expect(sent.length).toBe(pending.length);
    // A second click reminds again, once.
    await remindUnitsToReport(db.prisma, { ...click, clickKey: "trigger-2" }, send, unitReportReminderMessage);
    expect(sent.length).toBe(2 * pending.length);
    expect(await db.prisma.delivery.count({ where: { job: UNIT_REPORT_REMINDER_JOB, status: "SENT" } })).toBe(2 * pending.length);
    expect(await db.prisma.auditEntry.count({ where: { action: "unit-report.remind" } })).toBe(2);
    // Only the Office reminds.
    expect((await errorOf(remindUnitsToReport(db.prisma, { ...click, actor: actor("UNIT_LEAD", gdnn.id), clickKey: "t3" }, send, unitReportReminderMessage))).code).toBe(
      "OFFICE_ONLY",
    );
  });

  it("feeds the consolidated report: results in I.5, shortcomings in II.3, proposals in IV, files in Biểu 3", async () => {
    const model = await buildReportModel(db.prisma, { plan: "1565", window: Q3, date: "2023-09-12" });
    expect(model.unitReports).toHaveLength(1);
    const files = await writeReportFiles(model, await mkdtemp(path.join(tmpdir(), "dondoc-unit-")));
    const text = await docxParagraphs(files.docx);
    const following = (heading: string) => text.slice(text.indexOf(heading) + 1);
    expect(text).toContain("5. Kết quả do các đơn vị báo cáo");
    expect(following("5. Kết quả do các đơn vị báo cáo").slice(0, 3)).toEqual([
      "Văn phòng Sở nhận được báo cáo của 1 đơn vị; kết quả các đơn vị báo cáo như sau:",
      `${gdnn.name}:`,
      "- Kết quả của phòng.",
    ]);
    expect(following("3. Nguyên nhân").slice(0, 3)).toEqual(["Các đơn vị báo cáo tồn tại, hạn chế và nguyên nhân như sau:", `${gdnn.name}:`, "- Chưa bố trí đủ kinh phí."]);
    expect(following("IV. KIẾN NGHỊ, ĐỀ XUẤT").slice(0, 3)).toEqual([
      "Trên cơ sở đề xuất của các đơn vị, Sở Lao động - Thương binh và Xã hội kiến nghị, đề xuất:",
      `${gdnn.name}:`,
      "- Đề nghị bổ sung kinh phí khảo sát.",
    ]);
    // No place is left for the Office to fill in II.3 and IV.
    expect(text.filter((t) => t.startsWith("[Văn phòng Sở"))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.xlsx);
    const sheet = wb.getWorksheet("Biểu 3 - Tài liệu kiểm chứng")!;
    expect(sheet).toBeDefined();
    expect(sheet.getRow(6).values).toEqual([undefined, 1, gdnn.name, "Biên bản tập huấn.pdf", "06/09/2023", "https://fake.slack/files/F0001"]);
  });
});
