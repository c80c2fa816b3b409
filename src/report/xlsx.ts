// The report's appendix as an .xlsx: Biểu 1, every task of the plan (STT,
// nhiệm vụ, chủ trì, phối hợp, thời hạn, tiến độ, kết quả, tình trạng, tài liệu
// kiểm chứng), Biểu 2, the index criteria (latest value, target, previous),
// and Biểu 3, the evidence files units attached to their reports (when any).
// Set up for printing: A4 landscape, fit to the page width, the header row
// repeated on every page and frozen on screen, wrapped text.
//
// Library: exceljs, for its streaming WorkbookWriter: each row is committed
// (serialised and released) as soon as it is written, so memory does not grow
// with the number of tasks. Pure: model in, bytes to the given stream out.
import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import { formatVnDate } from "../domain/day.js";
import { STATUS_LABELS } from "../i18n/labels.js";
import type { ReportModel } from "./model.js";
import { reportSummaryLine } from "./outline.js";
import { placeAndDate } from "./docx.js";

export const TASK_COLUMNS = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Tiến độ (%)", "Kết quả thực hiện", "Tình trạng", "Tài liệu kiểm chứng"] as const;
export const CRITERIA_COLUMNS = ["STT", "Chỉ số", "Tiêu chí", "Đơn vị tính", "Giá trị mới nhất", "Kỳ", "Chỉ tiêu", "Giá trị kỳ trước", "Kỳ trước", "Nguồn số liệu"] as const;
export const EVIDENCE_COLUMNS = ["STT", "Đơn vị", "Tên tệp", "Ngày gửi", "Đường dẫn (Slack)"] as const;
/** Rows above each sheet's header row (title lines). */
export const TITLE_ROWS = 4;

const FONT = { name: "Times New Roman", size: 12 };
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type Sheet = ExcelJS.Worksheet;

function printSetup(title: string) {
  return {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: "landscape" as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + 1}`,
    },
    headerFooter: { oddFooter: `&C${title} — Trang &P/&N` },
    views: [{ state: "frozen" as const, ySplit: TITLE_ROWS + 1, xSplit: 0 }],
  };
}

function titleRows(ws: Sheet, m: ReportModel, heading: string, columns: number): void {
  const lines = [
    heading,
    reportSummaryLine(m),
    `(Kèm theo Báo cáo số        /${m.header.symbol} ${placeAndDate("", m.header.date).replace(/^, /, "")} của ${m.header.issuingBody}; số liệu tính đến ngày ${formatVnDate(m.asOf)})`,
    "",
  ];
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { ...FONT, size: i === 0 ? 13 : 12, bold: i < 2, italic: i === 2 };
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    row.height = i === 2 ? 30 : 18;
    ws.mergeCells(i + 1, 1, i + 1, columns);
    row.commit();
  });
}

function headerRow(ws: Sheet, names: readonly string[]): void {
  const row = ws.getRow(TITLE_ROWS + 1);
  names.forEach((name, i) => {
    const c = row.getCell(i + 1);
    c.value = name;
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = BOX;
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
  });
  row.height = 32;
  row.commit();
}

/**
 * A row's height for its wrapped text. Excel fits heights when it opens a
 * file but LibreOffice (and so the PDF a reviewer sees) does not for rows
 * streamed without one, so it is estimated here: lines per cell from the
 * column's width in characters, 15.5 points a line at 12 pt.
 */
function rowHeight(ws: Sheet, values: readonly (string | number | null)[]): number {
  let lines = 1;
  values.forEach((v, i) => {
    const width = ws.getColumn(i + 1).width ?? 10;
    const perLine = Math.max(1, Math.floor(width));
    const n = String(v ?? "")
      .split("\n")
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines * 15.5 + 2;
}

function dataRow(ws: Sheet, values: (string | number | null)[], opts: { bold?: boolean; center?: number[] } = {}): void {
  const row = ws.addRow(values);
  row.height = rowHeight(ws, values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.font = { ...FONT, bold: opts.bold };
    c.alignment = { vertical: "top", wrapText: true, horizontal: opts.center?.includes(col) ? "center" : "left" };
    c.border = BOX;
  });
  row.commit();
}

/** Writes the appendix workbook to `stream`; resolves when the last byte is handed over. */
export async function writeReportXlsx(m: ReportModel, stream: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "dondoc";
  wb.title = reportSummaryLine(m);

  const tasks = wb.addWorksheet("Biểu 1 - Nhiệm vụ", printSetup("Biểu 1"));
  tasks.columns = [6, 52, 18, 22, 14, 10, 42, 16, 30].map((width) => ({ width }));
  titleRows(tasks, m, "PHỤ LỤC - BIỂU 1: KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ", TASK_COLUMNS.length);
  headerRow(tasks, TASK_COLUMNS);
  for (const t of m.tasks) {
    const names = (us: { code: string; name: string }[]) => us.map((u) => u.name).join("; ");
    dataRow(
      tasks,
      [
        t.stt,
        `${"  ".repeat(Math.max(0, t.depth))}${t.code}. ${t.title}`,
        t.heading ? "" : names(t.lead),
        t.heading ? "" : [names(t.cooperating), ...t.partners].filter(Boolean).join("; "),
        t.heading ? "" : t.due,
        t.percent,
        t.result ?? "",
        t.status ? STATUS_LABELS[t.status].vi : "",
        t.evidence.join("\n"),
      ],
      { bold: t.heading, center: [1, 5, 6] },
    );
  }
  await tasks.commit();

  const criteria = wb.addWorksheet("Biểu 2 - Tiêu chí", printSetup("Biểu 2"));
  criteria.columns = [6, 14, 56, 9, 12, 9, 10, 12, 9, 24].map((width) => ({ width }));
  titleRows(criteria, m, "PHỤ LỤC - BIỂU 2: CÁC TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN", CRITERIA_COLUMNS.length);
  headerRow(criteria, CRITERIA_COLUMNS);
  m.criteria.forEach((c, i) => {
    dataRow(
      criteria,
      [
        i + 1,
        c.index,
        c.name,
        c.measureUnit ?? "",
        c.latest?.value ?? null,
        c.latest?.period ?? "",
        c.target,
        c.previous?.value ?? null,
        c.previous?.period ?? "",
        c.latest?.source ?? "",
      ],
      {
        center: [1, 4, 5, 6, 7, 8, 9],
      },
    );
  });
  await criteria.commit();

  // Biểu 3 only when units attached evidence to their reports for the window.
  const files = m.unitReports.flatMap((u) => u.evidenceFiles.map((f) => ({ unit: u.unit.name, on: u.submittedOn, ...f })));
  if (files.length > 0) {
    const evidence = wb.addWorksheet("Biểu 3 - Tài liệu kiểm chứng", printSetup("Biểu 3"));
    evidence.columns = [6, 40, 56, 16, 60].map((width) => ({ width }));
    titleRows(evidence, m, "PHỤ LỤC - BIỂU 3: TÀI LIỆU KIỂM CHỨNG CÁC ĐƠN VỊ GỬI KÈM BÁO CÁO", EVIDENCE_COLUMNS.length);
    headerRow(evidence, EVIDENCE_COLUMNS);
    files.forEach((f, i) => dataRow(evidence, [i + 1, f.unit, f.name, formatVnDate(f.on), f.permalink ?? ""], { center: [1, 4] }));
    await evidence.commit();
  }
  await wb.commit();
}
