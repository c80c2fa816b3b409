// What the consolidated report says, as a list of blocks: the administrative
// text of sections I–IV, built from the model only. The .docx renderer lays
// these blocks out; tests read the text from here and from the file.
//
// Where the database has the facts (counts, overdue tasks and their units,
// obstacles raised and their outcome, tasks due in the next window) the text
// states them. Where only the Office can write (causes, proposals to the
// superior) there is an OFFICE block: bracketed, italic and highlighted in the
// file, so it can never pass for data. Once units have sent their reports
// for the window (src/services/unit-reports.ts), their results, shortcomings
// and causes, and proposals take those places, under each unit's name.
import { formatVnDate } from "../domain/day.js";
import { STATUSES, type TaskStatus } from "../domain/status.js";
import { percent, STATUS_LABELS } from "../i18n/labels.js";
import type { ReportModel, ReportTaskRow, StatusCounts } from "./model.js";

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  /** `keepWithNext`: on the same page as what follows (the closing paragraph and the signer's block). */
  | { kind: "para"; text: string; keepWithNext?: boolean }
  | { kind: "item"; text: string }
  | { kind: "table"; head: string[]; rows: string[][]; widths: number[]; totalRow?: boolean }
  | { kind: "office"; text: string };

/** Overdue tasks listed one by one in section II; the rest are in the appendix. */
export const OVERDUE_LISTED = 20;
export const NEXT_LISTED = 20;

const d = formatVnDate;
const n = (x: number) => x.toLocaleString("vi-VN");
// Units by name in running text; codes ("VP") only in tables (docs/glossary.md).
const units = (r: ReportTaskRow) => r.lead.map((u) => u.name).join(", ") || "—";
const lcFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);

/** "Kết quả thực hiện Kế hoạch số 1565/KH-SLĐTBXH quý III năm 2023": the summary line (trích yếu). */
export function reportSummaryLine(m: ReportModel): string {
  return `Kết quả thực hiện Kế hoạch số ${m.plan.number} ${m.window.phrase}`;
}

const COUNT_HEAD = ["Tổng số", ...(["DONE_ON_TIME", "DONE_LATE", "IN_PROGRESS", "OVERDUE", "NOT_STARTED"] as const).map((s) => STATUS_LABELS[s].vi)];
const ORDER: TaskStatus[] = ["DONE_ON_TIME", "DONE_LATE", "IN_PROGRESS", "OVERDUE", "NOT_STARTED"];
/** Name column wide enough for a task group's title; the status columns narrow. */
const WIDTHS = [34, 10, 11, 11, 12, 10, 11];
const countCells = (total: number, c: StatusCounts) => [n(total), ...ORDER.map((s) => n(c[s]))];

/**
 * A unit's own text under its name, one item a line, as the unit wrote it
 * (its own "-" or "+" kept; other lines get "-"), ending with ";" except the
 * list's last item, which the punctuation pass below ends with ".".
 */
function unitText(b: Block[], unitName: string, text: string): void {
  b.push({ kind: "para", text: `${unitName}:` });
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/[.;,:]+$/, "");
    if (line === "") continue;
    b.push({ kind: "item", text: `${/^[-+•*]\s/.test(line) ? line.replace(/^[•*]/, "-") : `- ${line}`};` });
  }
}

export function reportOutline(m: ReportModel): Block[] {
  const b: Block[] = [
    {
      kind: "para",
      text: `Thực hiện Kế hoạch số ${m.plan.number} ngày ${d(m.plan.issuedOn)} về ${lcFirst(m.plan.title)}, ${m.header.issuingBody} báo cáo kết quả thực hiện ${m.window.phrase} như sau:`,
    },
    { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN" },
    ...overallResults(m),
    ...resultsByIndex(m),
    ...resultsByGroupAndUnit(m),
    ...unitsResults(m),
    { kind: "heading", level: 1, text: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN" },
    ...shortcomings(m),
    ...obstacles(m),
    ...causes(m),
    { kind: "heading", level: 1, text: "III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI" },
    ...nextSteps(m),
    // IV. Proposals: from the units' reports; without them, only the Office can write these.
    { kind: "heading", level: 1, text: "IV. KIẾN NGHỊ, ĐỀ XUẤT" },
    ...proposals(m),
  ];
  // A list's items end with ";" and its last item with ".", as administrative texts punctuate them.
  b.forEach((x, i) => {
    if (x.kind === "item" && b[i + 1]?.kind !== "item") x.text = x.text.replace(/;$/, ".");
  });
  b.push({ kind: "para", keepWithNext: true, text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch số ${m.plan.number} ${m.window.phrase} của ${m.header.issuingBody}./.` });
  return b;
}

/** I.1: where the figures come from, the counts by status and the completion rates. */
function overallResults(m: ReportModel): Block[] {
  const b: Block[] = [];
  const c = m.totals.counts;
  b.push({ kind: "heading", level: 2, text: "1. Kết quả chung" });
  b.push({
    kind: "para",
    text:
      m.activity.reports > 0
        ? `Số liệu báo cáo tính từ ngày ${d(m.window.start)} đến ngày ${d(m.asOf)}, tổng hợp từ ${n(m.activity.reports)} lượt báo cáo tiến độ của ${n(m.activity.units)} đơn vị về ${n(m.activity.tasksReported)} nhiệm vụ.`
        : `Số liệu báo cáo tính từ ngày ${d(m.window.start)} đến ngày ${d(m.asOf)}; trong kỳ, các đơn vị chưa gửi báo cáo tiến độ nào về Văn phòng Sở.`,
  });
  b.push({ kind: "para", text: `Kế hoạch có ${n(m.totals.total)} nhiệm vụ cụ thể (không tính các đề mục). Tính đến ngày ${d(m.asOf)}:` });
  for (const s of ORDER) b.push({ kind: "item", text: `- ${STATUS_LABELS[s].vi}: ${n(c[s])} nhiệm vụ;` });
  b.push({
    kind: "para",
    text:
      m.totals.rates.due === 0 || m.totals.rates.doneRate === null || m.totals.rates.onTimeRate === null
        ? "Chưa có nhiệm vụ nào đến hạn nên chưa tính tỷ lệ hoàn thành."
        : `Tỷ lệ hoàn thành (số nhiệm vụ đã hoàn thành trên số nhiệm vụ đến hạn) đạt ${percent(m.totals.rates.doneRate, "vi")} (${n(m.totals.rates.done)}/${n(m.totals.rates.due)}); tỷ lệ hoàn thành đúng hạn (số nhiệm vụ hoàn thành đúng hạn trên số nhiệm vụ đến hạn) đạt ${percent(m.totals.rates.onTimeRate, "vi")} (${n(m.totals.rates.doneOnTime)}/${n(m.totals.rates.due)}).`,
  });
  return b;
}

/** I.2: the counts per index (tasks in no index on a row of their own), and how many criteria are measured. */
function resultsByIndex(m: ReportModel): Block[] {
  const b: Block[] = [];
  const c = m.totals.counts;
  b.push({ kind: "heading", level: 2, text: "2. Kết quả theo từng chỉ số" });
  const indexRows = m.byIndex.map((i) => [i.name, ...countCells(i.total, i.counts)]);
  const inIndex = m.byIndex.reduce((s, i) => s + i.total, 0);
  if (inIndex < m.totals.total) {
    const rest = Object.fromEntries(STATUSES.map((s) => [s, c[s] - m.byIndex.reduce((x, i) => x + i.counts[s], 0)])) as StatusCounts;
    indexRows.push(["Nhiệm vụ chung, không gắn với chỉ số", ...countCells(m.totals.total - inIndex, rest)]);
  }
  indexRows.push(["Cộng", ...countCells(m.totals.total, c)]);
  b.push({ kind: "table", head: ["Chỉ số", ...COUNT_HEAD], rows: indexRows, widths: WIDTHS, totalRow: true });
  const measured = m.criteria.filter((x) => x.latest !== null).length;
  if (m.criteria.length > 0) {
    b.push({
      kind: "para",
      text: `Kế hoạch theo dõi ${n(m.criteria.length)} tiêu chí, tiêu chí thành phần; ${n(measured)} tiêu chí đã có kết quả đo lường. Giá trị mới nhất, chỉ tiêu và giá trị kỳ trước của từng tiêu chí tại Biểu 2 của Phụ lục.`,
    });
  }
  return b;
}

/** I.3 and I.4: the counts per group of tasks and per lead unit. */
function resultsByGroupAndUnit(m: ReportModel): Block[] {
  const b: Block[] = [];
  const c = m.totals.counts;
  b.push({ kind: "heading", level: 2, text: "3. Kết quả theo nhóm nhiệm vụ" });
  b.push({
    kind: "table",
    head: ["Nhóm nhiệm vụ", ...COUNT_HEAD],
    rows: [...m.byGroup.map((g) => [`${g.code}. ${g.title}`, ...countCells(g.total, g.counts)]), ["Cộng", ...countCells(m.totals.total, c)]],
    widths: WIDTHS,
    totalRow: true,
  });

  b.push({ kind: "heading", level: 2, text: "4. Kết quả theo đơn vị chủ trì" });
  b.push({
    kind: "table",
    head: ["Đơn vị chủ trì", ...COUNT_HEAD],
    rows: m.byUnit.map((u) => [u.name, ...countCells(u.total, u.lead)]),
    widths: WIDTHS,
  });
  if (m.byUnit.reduce((s, u) => s + u.total, 0) > m.totals.total) {
    b.push({ kind: "para", text: "Nhiệm vụ do nhiều đơn vị cùng chủ trì được tính cho mỗi đơn vị chủ trì." });
  }
  b.push({ kind: "para", text: "Kết quả thực hiện từng nhiệm vụ tại Biểu 1 của Phụ lục kèm theo Báo cáo này." });
  return b;
}

/** I.5: the results the units reported, under each unit's name (only when some did). */
function unitsResults(m: ReportModel): Block[] {
  const b: Block[] = [];
  const withResults = m.unitReports.filter((u) => u.results.trim() !== "");
  if (withResults.length > 0) {
    b.push({ kind: "heading", level: 2, text: "5. Kết quả do các đơn vị báo cáo" });
    b.push({ kind: "para", text: `Văn phòng Sở nhận được báo cáo của ${n(m.unitReports.length)} đơn vị; kết quả các đơn vị báo cáo như sau:` });
    for (const u of withResults) unitText(b, u.unit.name, u.results);
    const files = m.unitReports.reduce((k, u) => k + u.evidenceFiles.length, 0);
    if (files > 0) b.push({ kind: "para", text: `Tài liệu kiểm chứng các đơn vị gửi kèm: ${n(files)} tệp, danh mục tại Biểu 3 của Phụ lục.` });
  }
  return b;
}

/** II.1: overdue tasks (the first ones listed), late and unstarted ones. */
function shortcomings(m: ReportModel): Block[] {
  const b: Block[] = [];
  const c = m.totals.counts;
  const overdue = m.tasks.filter((t) => !t.heading && t.status === "OVERDUE");
  b.push({ kind: "heading", level: 2, text: "1. Tồn tại, hạn chế" });
  if (c.OVERDUE > 0) {
    b.push({ kind: "para", text: `Còn ${n(c.OVERDUE)} nhiệm vụ quá hạn chưa hoàn thành, gồm:` });
    for (const t of overdue.slice(0, OVERDUE_LISTED)) {
      // An ongoing task is overdue for a missed window, not for its percent.
      const progress = t.dueOn === null ? "" : `; tiến độ: ${t.percent ?? 0}%`;
      b.push({ kind: "item", text: `- ${t.code}. ${t.title} (chủ trì: ${units(t)}; thời hạn: ${t.due}${progress});` });
    }
    if (overdue.length > OVERDUE_LISTED) b.push({ kind: "item", text: `- ${n(overdue.length - OVERDUE_LISTED)} nhiệm vụ khác tại Biểu 1 của Phụ lục.` });
    const byUnit = m.byUnit.filter((u) => u.lead.OVERDUE > 0).map((u) => `${u.name} (${n(u.lead.OVERDUE)})`);
    if (byUnit.length > 0) b.push({ kind: "para", text: `Đơn vị chủ trì còn nhiệm vụ quá hạn: ${byUnit.join(", ")}.` });
  }
  if (c.DONE_LATE > 0) b.push({ kind: "para", text: `Có ${n(c.DONE_LATE)} nhiệm vụ hoàn thành nhưng chậm so với thời hạn.` });
  if (c.NOT_STARTED > 0) b.push({ kind: "para", text: `Có ${n(c.NOT_STARTED)} nhiệm vụ chưa có báo cáo triển khai thực hiện.` });
  if (c.OVERDUE === 0 && c.DONE_LATE === 0) b.push({ kind: "para", text: "Không có nhiệm vụ quá hạn; các nhiệm vụ đã hoàn thành đều đúng thời hạn." });
  return b;
}

/** II.2: the obstacles raised, each with its outcome. */
function obstacles(m: ReportModel): Block[] {
  const b: Block[] = [];
  const open = m.obstacles.filter((o) => o.resolvedOn === null);
  b.push({ kind: "heading", level: 2, text: "2. Khó khăn, vướng mắc" });
  if (m.obstacles.length === 0) {
    b.push({ kind: "para", text: "Trong kỳ, không có khó khăn, vướng mắc nào được các đơn vị phản ánh về Văn phòng Sở." });
  } else {
    b.push({
      kind: "para",
      text: `Trong kỳ, các đơn vị phản ánh ${n(m.obstacles.length)} khó khăn, vướng mắc; đã giải quyết ${n(m.obstacles.length - open.length)}, còn ${n(open.length)} chưa giải quyết:`,
    });
    for (const o of m.obstacles) {
      const outcome = o.resolvedOn ? `đã giải quyết ngày ${d(o.resolvedOn)}${o.resolution ? `: ${o.resolution}` : ""}` : "chưa giải quyết";
      b.push({ kind: "item", text: `- ${o.unit.name} (ngày ${d(o.raisedOn)}, nhiệm vụ ${o.task.code}): ${o.text.replace(/[.;\s]+$/, "")} (${outcome});` });
    }
  }
  return b;
}

/** II.3: the causes the units gave; without their reports, a place for the Office to write them. */
function causes(m: ReportModel): Block[] {
  const b: Block[] = [];
  b.push({ kind: "heading", level: 2, text: "3. Nguyên nhân" });
  const withShortcomings = m.unitReports.filter((u) => u.shortcomings.trim() !== "");
  if (withShortcomings.length > 0) {
    b.push({ kind: "para", text: "Các đơn vị báo cáo tồn tại, hạn chế và nguyên nhân như sau:" });
    for (const u of withShortcomings) unitText(b, u.unit.name, u.shortcomings);
  } else if (m.unitReports.length > 0) {
    b.push({ kind: "para", text: "Các đơn vị không báo cáo thêm tồn tại, hạn chế nào ngoài các nội dung nêu trên." });
  } else {
    b.push({ kind: "office", text: "[Văn phòng Sở bổ sung nguyên nhân khách quan, chủ quan của các tồn tại, hạn chế nêu trên, trên cơ sở báo cáo của các đơn vị.]" });
  }
  return b;
}

/** III: numbered steps, each only when there is something to say: overdue tasks, tasks due next, ongoing tasks, open obstacles. */
function nextSteps(m: ReportModel): Block[] {
  const b: Block[] = [];
  const c = m.totals.counts;
  const ongoing = m.tasks.filter((t) => !t.heading && t.dueOn === null);
  const open = m.obstacles.filter((o) => o.resolvedOn === null);
  let k = 0;
  if (c.OVERDUE > 0) {
    b.push({ kind: "para", text: `${++k}. Các đơn vị chủ trì tập trung hoàn thành dứt điểm ${n(c.OVERDUE)} nhiệm vụ quá hạn nêu tại điểm 1 Mục II.` });
  }
  if (m.next && m.next.tasks.length > 0) {
    b.push({
      kind: "para",
      text: `${++k}. Triển khai, hoàn thành ${n(m.next.tasks.length)} nhiệm vụ đến hạn trong kỳ báo cáo ${m.next.window.phrase} (từ ngày ${d(m.next.window.start)} đến ngày ${d(m.next.window.end)}):`,
    });
    for (const t of m.next.tasks.slice(0, NEXT_LISTED)) b.push({ kind: "item", text: `- ${t.code}. ${t.title} (chủ trì: ${units(t)}; thời hạn: ${t.due});` });
    if (m.next.tasks.length > NEXT_LISTED) b.push({ kind: "item", text: `- ${n(m.next.tasks.length - NEXT_LISTED)} nhiệm vụ khác tại Biểu 1 của Phụ lục.` });
  }
  if (ongoing.length > 0) {
    b.push({ kind: "para", text: `${++k}. Duy trì thực hiện ${n(ongoing.length)} nhiệm vụ thường xuyên; các đơn vị báo cáo kết quả theo từng kỳ, kèm tài liệu kiểm chứng.` });
  }
  if (open.length > 0) {
    b.push({
      kind: "para",
      text: `${++k}. Văn phòng Sở theo dõi, tham mưu Lãnh đạo Sở giải quyết ${n(open.length)} khó khăn, vướng mắc chưa được giải quyết nêu tại điểm 2 Mục II.`,
    });
  }
  // Without the units' reports, the Office may have more to add; with them, the units have said it.
  if (m.unitReports.length === 0) b.push({ kind: "office", text: "[Văn phòng Sở bổ sung các giải pháp khác (nếu có).]" });
  return b;
}

/** IV: the units' proposals; without their reports, a place for the Office. */
function proposals(m: ReportModel): Block[] {
  const b: Block[] = [];
  const withProposals = m.unitReports.filter((u) => u.proposals.trim() !== "");
  if (withProposals.length > 0) {
    b.push({ kind: "para", text: `Trên cơ sở đề xuất của các đơn vị, ${m.header.issuingBody} kiến nghị, đề xuất:` });
    for (const u of withProposals) unitText(b, u.unit.name, u.proposals);
  } else if (m.unitReports.length > 0) {
    b.push({ kind: "para", text: "Không có kiến nghị, đề xuất." });
  } else {
    b.push({ kind: "office", text: "[Văn phòng Sở ghi kiến nghị, đề xuất với cấp trên (nếu có), trên cơ sở đề xuất của các đơn vị.]" });
  }
  return b;
}
