// The report and obstacle use cases without Slack: the form's checks, the
// one rule for what may be reported on, and recording once per request key
// even when two copies race (the unique constraint), on every test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { raiseObstacleOnTask } from "../../src/services/raise-obstacle.js";
import { reportProgress } from "../../src/services/report-progress.js";
import { reportableTasks } from "../../src/services/reportable-tasks.js";
import { checkReportForm, NOTE_MAX, submitReport } from "../../src/services/submit-report.js";
import { NOTE_MAX_LENGTH } from "../../src/views/report-modal.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

const AT = new Date("2023-09-20T03:00:00Z");

describe("checkReportForm", () => {
  const form = { task: "12", percent: "40", done: false, note: "", evidence: "" };
  it.each(["1e1", "0x1b", "12.0", "+12", "-1", "", " ", "99999999999"])("refuses task id %j", (task) => {
    expect(checkReportForm({ ...form, task })).toMatchObject({ ok: false, errors: { task: { code: "TASK_REQUIRED" } } });
  });
  it.each(["1e2", "0x1b", "50.0", "101", "-0", "٥٠"])("refuses percent %j", (percent) => {
    expect(checkReportForm({ ...form, percent })).toMatchObject({ ok: false, errors: { percent: { code: "PERCENT_RANGE" } } });
  });
  it.each(["", " ", null])("says a missing percent is missing (%j), in words", (percent) => {
    const checked = checkReportForm({ ...form, percent });
    expect(checked).toMatchObject({ ok: false, errors: { percent: { code: "PERCENT_REQUIRED" } } });
    expect(!checked.ok && checked.errors.percent?.text("vi")).toMatch(/^Chưa nhập tỷ lệ tiến độ\. Đề nghị đồng chí/);
  });
  it("accepts decimal integers, spaces around them forgiven", () => {
    expect(checkReportForm({ ...form, task: " 12 ", percent: "007" })).toMatchObject({ ok: true, input: { taskId: 12, percent: 7 } });
  });
  it("says a done report is at 100 %", () => {
    expect(checkReportForm({ ...form, done: true, percent: "40" })).toMatchObject({ ok: false, errors: { percent: { code: "DONE_NEEDS_100" } } });
    expect(checkReportForm({ ...form, done: true, percent: "100" })).toMatchObject({ ok: true, input: { done: true, percent: 100 } });
  });
  it("strips control characters from the note and links", () => {
    expect(checkReportForm({ ...form, note: " a\u0000b\nc ", evidence: "https://x.vn/a\u0000.pdf" })).toMatchObject({
      ok: true,
      input: { note: "ab\nc", links: ["https://x.vn/a.pdf"] },
    });
  });
  it("uses the form's own note limit", () => {
    expect(NOTE_MAX).toBe(NOTE_MAX_LENGTH);
  });
});

describe.each(backends)("report and obstacle use cases on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
  });
  afterAll(async () => db?.close());

  const task = (code: string) => db.prisma.task.findFirstOrThrow({ where: { code } });

  it("refuses what the form never offers (a heading), by the form's own rule", async () => {
    const gdnn = await db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" } });
    const heading = await db.prisma.task.findFirstOrThrow({ where: { archivedAt: null, children: { some: {} }, assignments: { some: { unitId: gdnn.id } } } });
    expect((await reportableTasks(db.prisma, gdnn.id)).map((t) => t.id)).not.toContain(heading.id);
    const result = await submitReport({
      prisma: db.prisma,
      userId: "U0GDNN002",
      form: { task: String(heading.id), percent: "100", done: true },
      requestKey: "view:heading",
      at: AT,
    });
    expect(result).toMatchObject({ kind: "errors", errors: { task: { code: "TASK_NOT_REPORTABLE", params: { code: heading.code } } } });
    expect(await db.prisma.progressReport.count({ where: { taskId: heading.id } })).toBe(0);
  });

  it("records two racing copies of one submission once", async () => {
    const t = await task("II.2.c.3.1");
    const submit = () =>
      submitReport({ prisma: db.prisma, userId: "U0GDNN002", form: { task: String(t.id), percent: "45", done: false, note: "đua" }, requestKey: "view:V-RACE", at: AT });
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(results.map((r) => r.kind).sort()).toEqual(["duplicate", "duplicate", "saved"]);
    expect(await db.prisma.progressReport.count({ where: { requestKey: "view:V-RACE" } })).toBe(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "report.create", entityId: String(t.id) } })).toBe(1);
    expect(await submit()).toMatchObject({ kind: "duplicate", taskCode: "II.2.c.3.1" });
  });

  it("translates the unique violation of a racing write into the first write (reportProgress)", async () => {
    const t = await task("II.2.c.3.2");
    const gdnn = await db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" } });
    const write = () => reportProgress(db.prisma, { taskId: t.id, unitId: gdnn.id, reporter: "U0GDNN002", percent: 10, at: AT, requestKey: "view:V-WRITE" });
    const [a, b] = await Promise.all([write(), write()]);
    expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
    expect(a.report.id).toBe(b.report.id);
  });

  it("refuses a done report below 100 % at the write too", async () => {
    const t = await task("II.2.c.3.3");
    const gdnn = await db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" } });
    await expect(reportProgress(db.prisma, { taskId: t.id, unitId: gdnn.id, reporter: "x", percent: 40, done: true, at: AT })).rejects.toThrow(RangeError);
  });

  it("raises an obstacle once per request key, also when copies race", async () => {
    const ldvl = await db.prisma.unit.findUniqueOrThrow({ where: { code: "LĐ-VL" } });
    const raise = () =>
      raiseObstacleOnTask({
        prisma: db.prisma,
        caller: { userId: "U0LDVL001", actor: { role: "UNIT_LEAD", unitId: ldvl.id, active: true }, unit: ldvl },
        taskRef: "II.2.c.2",
        text: "Chưa có danh sách",
        requestKey: "command:T-RACE",
        at: AT,
      });
    const results = await Promise.all([raise(), raise()]);
    expect(results.map((r) => r.kind).sort()).toEqual(["duplicate", "raised"]);
    expect(await db.prisma.obstacle.count({ where: { requestKey: "command:T-RACE" } })).toBe(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "obstacle.raise" } })).toBe(1);
  });
});
