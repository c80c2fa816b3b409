// A small report model for the tests that need no database.
import { completionRates, emptyCounts } from "../../src/domain/status.js";
import type { ReportModel, ReportTaskRow } from "../../src/report/model.js";
import { parseReportPeriod } from "../../src/report/period.js";

export function task(i: number, over: Partial<ReportTaskRow> = {}): ReportTaskRow {
  return {
    stt: i,
    code: `II.${i}`,
    title: `Nhiệm vụ ${i}`,
    depth: 1,
    heading: false,
    lead: [{ code: "VP", name: "Văn phòng Sở" }],
    cooperating: [],
    partners: [],
    due: "Quý III/2023",
    dueOn: "2023-09-30",
    percent: 40,
    status: "IN_PROGRESS",
    result: null,
    resultOn: null,
    evidence: [],
    reportsInWindow: 0,
    ...over,
  };
}

export function model(tasks: ReportTaskRow[], over: Partial<ReportModel> = {}): ReportModel {
  const counts = emptyCounts();
  for (const t of tasks) if (t.status) counts[t.status]++;
  return {
    plan: { number: "1565/KH-SLĐTBXH", title: "Nâng cao Chỉ số CCHC năm 2023", issuedOn: "2023-06-13", issuer: "Sở Lao động - Thương binh và Xã hội", place: "Thừa Thiên Huế" },
    header: { parentBody: "UBND TỈNH THỪA THIÊN HUẾ", issuingBody: "Sở Lao động - Thương binh và Xã hội", symbol: "BC-SLĐTBXH", place: "Thừa Thiên Huế", date: "2023-09-18" },
    window: parseReportPeriod("Quý III/2023")!,
    asOf: "2023-09-14",
    totals: { total: tasks.length, counts, rates: completionRates(counts) },
    byIndex: [],
    byGroup: [{ code: "II", title: "Nhiệm vụ", counts, total: tasks.length }],
    byUnit: [{ code: "VP", name: "Văn phòng Sở", lead: counts, total: tasks.length }],
    tasks,
    criteria: [],
    activity: { reports: 0, tasksReported: 0, units: 0 },
    obstacles: [],
    next: null,
    unitReports: [],
    signer: { authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Hữu Phước" },
    recipients: ["UBND tỉnh (để báo cáo)"],
    archive: "Lưu: VT, VP.",
    ...over,
  };
}
