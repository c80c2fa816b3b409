// The consolidated report read back from the files: the .docx unzipped and
// its XML parsed, the .xlsx read with exceljs. Checks the presentation the
// decree sets (A4, margins, Times New Roman, Quốc hiệu and Tiêu ngữ, the
// blank number), every heading and every task row, diacritics, and that the
// totals are those of `dondoc status NUMBER --at <window end>`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main.js";
import type { Database } from "../../src/db/database.js";
import { loadDemoProgress } from "../../src/demo/demo-progress.js";
import { STATUSES } from "../../src/domain/status.js";
import { AppError } from "../../src/errors.js";
import { STATUS_LABELS } from "../../src/i18n/labels.js";
import type { ReportModel } from "../../src/report/model.js";
import { parseReportPeriod } from "../../src/report/period.js";
import { TITLE_ROWS } from "../../src/report/xlsx.js";
import { importOrg } from "../../src/services/import-org.js";
import { raiseObstacle } from "../../src/services/obstacles.js";
import { importPlan } from "../../src/services/import-plan.js";
import { statusSummary, findPlan } from "../../src/services/plan-queries.js";
import { buildReportModel } from "../../src/services/report-model.js";
import { writeReportFiles } from "../../src/services/report-files.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

const Q3 = parseReportPeriod("Quý III/2023")!;

/** Paragraph texts of a WordprocessingML part, runs joined, entities decoded. */
function paragraphs(xml: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1]!)).join("")).filter((t) => t !== "");
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe.each(backends)("the consolidated report on $name", (backend) => {
  let db: Database & { url?: string };
  let noReports: AppError;
  let model: ReportModel;
  let dir: string;
  let files: { docx: string; xlsx: string };

  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    // Before any progress report: nothing to report on.
    noReports = await errorOf(buildReportModel(db.prisma, { plan: "1565", window: Q3, date: "2023-09-18" }));
    await loadDemoProgress(db.prisma);
    // Two obstacles in the window (one resolved within it) and one raised after it.
    const task = await db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    const unit = await db.prisma.unit.findUniqueOrThrow({ where: { code: "LĐ-VL" } });
    const raise = (text: string, at: string) => raiseObstacle(db.prisma, { taskId: task.id, unitId: unit.id, raisedBy: "U_TEST", text, at: new Date(at) });
    await raise("Chưa có danh sách doanh nghiệp của Viện nghiên cứu phát triển", "2023-07-03T03:00:00Z");
    const resolved = await raise("Thiếu kinh phí in phiếu khảo sát.", "2023-08-01T03:00:00Z");
    await db.prisma.obstacle.update({
      where: { id: resolved.obstacle.id },
      data: { resolvedAt: new Date("2023-08-20T03:00:00Z"), resolvedBy: "U_LD", resolution: "Lãnh đạo Sở đồng ý bổ sung kinh phí" },
    });
    await raise("Sau kỳ báo cáo", "2023-09-20T03:00:00Z");
    model = await buildReportModel(db.prisma, { plan: "1565", window: Q3, date: "2023-09-18" });
    dir = await mkdtemp(path.join(tmpdir(), "dondoc-report-"));
    files = await writeReportFiles(model, dir);
    // Loading the demo progress takes a minute or more on a busy machine.
  }, 400_000);
  afterAll(async () => {
    await db?.close();
  });

  it("counts as `dondoc status --at` the window's last day does", async () => {
    expect(model.asOf).toBe("2023-09-14");
    const plan = await findPlan(db.prisma, "1565");
    const status = await statusSummary(db.prisma, { today: "2023-09-14", planIds: [plan.id] });
    expect(model.totals).toEqual({ total: status.total, counts: status.counts, rates: status.rates });
    expect(model.totals.total).toBeGreaterThan(20);
    // Every status occurs in the demo's Q3 except, possibly, one: the check is not vacuous.
    expect(STATUSES.filter((s) => model.totals.counts[s] > 0).length).toBeGreaterThanOrEqual(3);
    // The task rows carry the same statuses as the totals.
    const rows = model.tasks.filter((t) => !t.heading);
    expect(rows).toHaveLength(model.totals.total);
    for (const s of STATUSES) expect(rows.filter((t) => t.status === s).length).toBe(model.totals.counts[s]);
    if (db.url) {
      // The CLI itself, on the same PostgreSQL database.
      let out = "";
      const code = await run(
        ["node", "dondoc", "status", "1565", "--at", "14/09/2023", "--json"],
        { out: (t) => void (out += t), err: () => undefined },
        { DATABASE_URL: db.url, LOG_LEVEL: "silent" },
      );
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ total: model.totals.total, counts: model.totals.counts });
    }
  });

  it("writes a .docx in the decree's presentation, with every section and the totals", async () => {
    const zip = await JSZip.loadAsync(await readFile(files.docx));
    const xml = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (in twips).
    const section = /<w:sectPr>.*<\/w:sectPr>/.exec(xml)?.[0] ?? "";
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(section).toContain('<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"');
    expect(section).toContain("<w:titlePg/>"); // no page number on the first page
    expect(styles.match(/<w:docDefaults>.*<\/w:docDefaults>/)?.[0]).toMatch(/w:ascii="Times New Roman"[^>]*\/>.*<w:sz w:val="28"\/>/);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]*)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);

    const text = paragraphs(xml);
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    at("UBND TỈNH THỪA THIÊN HUẾ");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("Số:        /BC-SLĐTBXH");
    expect(text).toContain("Thừa Thiên Huế, ngày 18 tháng 9 năm 2023");
    const order = [
      "BÁO CÁO",
      "Kết quả thực hiện Kế hoạch số 1565/KH-SLĐTBXH quý III năm 2023",
      "I. KẾT QUẢ THỰC HIỆN",
      "1. Kết quả chung",
      "2. Kết quả theo từng chỉ số",
      "3. Kết quả theo nhóm nhiệm vụ",
      "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
      "III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI",
      "IV. KIẾN NGHỊ, ĐỀ XUẤT",
      "Nơi nhận:",
      "- Lưu: VT, VPTr.",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Hữu Phước",
    ].map(at);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The Quốc hiệu bold, the Tiêu ngữ underlined, place and date in italics (their run properties).
    const runOf = (t: string) => new RegExp(`<w:rPr>((?:(?!<w:rPr>).)*?)</w:rPr><w:t[^>]*>${t}</w:t>`).exec(xml)?.[1] ?? "";
    expect(runOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toMatch(/<w:b\/>.*<w:sz w:val="24"\/>/);
    expect(runOf("Độc lập - Tự do - Hạnh phúc")).toMatch(/<w:b\/>.*<w:sz w:val="26"\/>.*<w:u w:val="single"\/>/);
    expect(runOf("Thừa Thiên Huế, ngày 18 tháng 9 năm 2023")).toContain("<w:i/>");
    expect(runOf("Nơi nhận:")).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/);
    expect(runOf("- Lưu: VT, VPTr.")).toContain('<w:sz w:val="22"/>');
    expect(runOf("BÁO CÁO")).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);

    // The totals, as written in section I.
    for (const s of STATUSES) expect(text).toContain(`- ${STATUS_LABELS[s].vi}: ${model.totals.counts[s]} nhiệm vụ${s === "NOT_STARTED" ? "." : ";"}`);
    expect(text).toContain(`Kế hoạch có ${model.totals.total} nhiệm vụ cụ thể (không tính các đề mục). Tính đến ngày 14/09/2023:`);
    // Each overdue task is named in section II with its lead unit.
    for (const t of model.tasks.filter((x) => x.status === "OVERDUE").slice(0, 20)) {
      expect(text.some((p) => p.startsWith(`- ${t.code}. ${t.title} (chủ trì: `))).toBe(true);
    }
    // Obstacles of the window with their outcome; the one raised after it is not there.
    expect(text).toContain("Trong kỳ, các đơn vị phản ánh 2 khó khăn, vướng mắc; đã giải quyết 1, còn 1 chưa giải quyết:");
    expect(text).toContain("- Phòng Lao động - Việc làm (ngày 03/07/2023, nhiệm vụ II.2.c.2): Chưa có danh sách doanh nghiệp của Viện nghiên cứu phát triển (chưa giải quyết);");
    expect(text).toContain(
      "- Phòng Lao động - Việc làm (ngày 01/08/2023, nhiệm vụ II.2.c.2): Thiếu kinh phí in phiếu khảo sát (đã giải quyết ngày 20/08/2023: Lãnh đạo Sở đồng ý bổ sung kinh phí).",
    );
    expect(text.join("\n")).not.toContain("Sau kỳ báo cáo");
    expect(text.join("\n")).not.toMatch(/\bbạn\b/i);
    // The Office's own places are marked (highlighted), and there are exactly those.
    const office = [...xml.matchAll(/<w:highlight w:val="yellow"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(office.length).toBe(3);
    for (const o of office) expect(o).toMatch(/^\[Văn phòng Sở .*\]$/);
    // Text stays NFC with its diacritics (nothing decomposed, nothing lost).
    expect(xml.normalize("NFC")).toBe(xml);
    expect(text.join("\n")).toContain("Sở Lao động - Thương binh và Xã hội báo cáo kết quả thực hiện quý III năm 2023 như sau:");
  });

  it("writes the .xlsx appendix with every task, set up for printing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.xlsx);
    const [tasks, criteria] = wb.worksheets;
    expect(tasks!.name).toBe("Biểu 1 - Nhiệm vụ");
    const header = TITLE_ROWS + 1;
    expect(tasks!.getRow(header).values).toEqual([
      undefined,
      "STT",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời hạn",
      "Tiến độ (%)",
      "Kết quả thực hiện",
      "Tình trạng",
      "Tài liệu kiểm chứng",
    ]);
    expect(tasks!.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(tasks!.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    // The header row printed on every page.
    const workbookXml = await (await JSZip.loadAsync(await readFile(files.xlsx))).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Biểu 1 - Nhiệm vụ&apos;!$${header}:$${header}</definedName>`);

    const rows: { stt: unknown; task: string; lead: string; status: string; wrap: boolean | undefined }[] = [];
    tasks!.eachRow((row, n) => {
      if (n <= header) return;
      rows.push({
        stt: row.getCell(1).value,
        task: String(row.getCell(2).value),
        lead: String(row.getCell(3).value ?? ""),
        status: String(row.getCell(8).value ?? ""),
        wrap: row.getCell(2).alignment?.wrapText,
      });
    });
    // Every task of the plan, headings included, once and in the plan's order.
    expect(rows.map((r) => r.task.trim().split(". ")[0])).toEqual(model.tasks.map((t) => t.code));
    const leaves = rows.filter((r) => r.stt !== null);
    expect(leaves.map((r) => r.stt)).toEqual(leaves.map((_, i) => i + 1));
    for (const s of STATUSES) expect(leaves.filter((r) => r.status === STATUS_LABELS[s].vi).length).toBe(model.totals.counts[s]);
    expect(rows.every((r) => r.wrap)).toBe(true);
    expect(rows.find((r) => r.task.includes("II.2.c.2."))).toMatchObject({
      task: "  II.2.c.2. Cung cấp danh sách doanh nghiệp cho khảo sát DDCI",
      lead: "Phòng Lao động - Việc làm",
    });

    expect(criteria!.name).toBe("Biểu 2 - Tiêu chí");
    const crit: unknown[][] = [];
    criteria!.eachRow((row, n) => void (n > header && crit.push((row.values as unknown[]).slice(1))));
    expect(crit).toHaveLength(model.criteria.length);
    expect(crit.length).toBe(10);
    const first = model.criteria[0]!;
    expect(crit[0]!.slice(0, 6)).toEqual([1, first.index, first.name, "%", first.latest!.value, first.latest!.period]);
    expect(crit[0]![8]).toBe(first.previous!.period);
    // Demo values say so in the appendix too.
    expect(String(crit[0]![9])).toContain("(dữ liệu minh họa)");
  });

  it("refuses bad input with clear messages and writes nothing", async () => {
    expect(noReports.code).toBe("REPORT_NO_REPORTS");
    expect(noReports.bilingual()).toContain("chưa có báo cáo tiến độ nào đến ngày 14/09/2023");

    const early = await errorOf(buildReportModel(db.prisma, { plan: "1565", window: parseReportPeriod("Quý I/2023")!, date: "2023-04-01" }));
    expect(early.code).toBe("REPORT_PERIOD_NOT_COVERED");
    expect(early.bilingual()).toContain("từ 13/06/2023 đến 31/12/2023, không có trong kỳ Quý I/2023 (số liệu từ 15/12/2022 đến 14/03/2023)");
    expect((await errorOf(buildReportModel(db.prisma, { plan: "1565", window: parseReportPeriod("Năm 2025")!, date: "2025-12-20" }))).code).toBe("REPORT_PERIOD_NOT_COVERED");
    expect((await errorOf(buildReportModel(db.prisma, { plan: "9999", window: Q3, date: "2023-09-18" }))).code).toBe("PLAN_NOT_FOUND");
    expect((await errorOf(buildReportModel(db.prisma, { plan: "1565", window: Q3, date: "2023-06-01" }))).code).toBe("REPORT_DATE_BEFORE_WINDOW");

    // An --out that is a file: refused, nothing written.
    const parent = await mkdtemp(path.join(tmpdir(), "dondoc-report-bad-"));
    const file = path.join(parent, "not-a-folder");
    await writeFile(file, "x");
    const unwritable = await errorOf(writeReportFiles(model, file));
    expect(unwritable.code).toBe("REPORT_OUT_UNWRITABLE");
    expect(unwritable.bilingual()).toContain("Không có tệp nào được tạo");
    // A failure while rendering: the folder is left as it was, no temporary file behind.
    const empty = await mkdtemp(path.join(tmpdir(), "dondoc-report-fail-"));
    const broken = { ...model, header: { ...model.header, date: "not a day" } };
    expect((await errorOf(writeReportFiles(broken, empty))).code).toBe("REPORT_OUT_UNWRITABLE");
    expect(await readdir(empty)).toEqual([]);
  });
});

describe("dondoc report build (command line)", () => {
  it("refuses a period it cannot read, before opening the database", async () => {
    let err = "";
    const code = await run(
      ["node", "dondoc", "report", "build", "--plan", "1565", "--period", "Quý V/2023", "--out", tmpdir()],
      { out: () => undefined, err: (t) => void (err += t) },
      { LOG_LEVEL: "silent", DONDOC_DATA_DIR: "/nonexistent/never-opened" },
    );
    expect(code).toBe(1);
    expect(err).toContain('"Quý V/2023" không phải kỳ báo cáo');
    expect(err).toContain('"Quý V/2023" is not a reporting period');
  });
});
