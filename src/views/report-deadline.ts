// A reminder in a unit's channel ahead of a periodic reform report: quarterly,
// six-monthly (with the second quarter) and annual (with the fourth), for the
// data window of Nghị định 09/2019/NĐ-CP, Điều 12 (quý III: 15/6–14/9). The
// deadlines form a chain (src/domain/reporting-window.ts): a unit is asked to
// send its report to the Office "chậm nhất ngày …" (the plan's internal day);
// the Office is told when the units' reports come in and by when the
// department reports to its superior. The Office is never asked to report to
// itself.
//
// Six blocks at most and well under 2,000 characters: nothing here is a list
// (a department has one or two plans in force at a time; more are counted).
import type { KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, fields, header, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, esc, mention, unitLabel } from "./format.js";
import type { Lang, ReportDeadlineModel } from "../models/index.js";

type Period = ReportDeadlineModel["period"];
type PlanDeadlines = ReportDeadlineModel["plans"][number];

/** Leads mentioned by name; a unit with more is addressed as a whole. */
const LEADS_MENTIONED = 10;
/** Plans listed with their deadlines; more are counted. */
const PLANS_SHOWN = 3;

const ROMAN = ["I", "II", "III", "IV"] as const;

function roman(quarter: number): string {
  return ROMAN[quarter - 1] ?? String(quarter);
}

const d = formatVnDate;

const vi = {
  /** "Báo cáo quý III/2023", "Báo cáo quý II và 6 tháng đầu năm 2023", "Báo cáo năm 2023 (quý IV)". */
  period: (p: Period) =>
    p.kind === "YEAR"
      ? `Báo cáo năm ${p.year} (quý ${roman(p.quarter)})`
      : p.kind === "HALF_YEAR"
        ? `Báo cáo quý ${roman(p.quarter)} và 6 tháng đầu năm ${p.year}`
        : `Báo cáo quý ${roman(p.quarter)}/${p.year}`,
  header: (report: string) => `📅 Sắp đến hạn: ${report}`,
  officeHeader: (report: string) => `📅 Sắp đến hạn: ${report} của Sở`,
  greeting: (who: string, unit: string) => `${who} — ${unit}`,
  intro: (report: string) => `Đề nghị đơn vị báo cáo kết quả thực hiện kế hoạch cải cách hành chính để Văn phòng Sở tổng hợp *${report}* của Sở:`,
  officeIntro: (report: string) => `Đề nghị Văn phòng Sở tổng hợp báo cáo của các phòng, trung tâm, tham mưu Lãnh đạo Sở ký *${report}*:`,
  window: (from: string, to: string) => `• Số liệu tính từ ngày *${from}* đến ngày *${to}*`,
  due: (p: PlanDeadlines, many: boolean) => `• ${many ? `Kế hoạch số ${esc(p.number, CAPS.code)}: g` : "G"}ửi Văn phòng Sở chậm nhất ngày *${d(p.unitsDue)}*`,
  officeDue: (p: PlanDeadlines, many: boolean) =>
    `• ${many ? `Kế hoạch số ${esc(p.number, CAPS.code)}: c` : "C"}ác đơn vị gửi Văn phòng Sở chậm nhất ngày *${d(p.unitsDue)}*; Sở gửi ${esc(p.superior, 120)} chậm nhất ngày *${d(p.officeDue)}*`,
  morePlans: (n: number) => `• … và ${n} kế hoạch khác`,
  open: "*Nhiệm vụ chủ trì chưa hoàn thành*",
  overdue: "🔴 *Trong đó quá hạn*",
  allDone: "Đơn vị đã hoàn thành mọi nhiệm vụ chủ trì; đề nghị báo cáo kết quả để Văn phòng Sở tổng hợp. 👏",
  officeAllDone: "Văn phòng Sở đã hoàn thành mọi nhiệm vụ chủ trì. 👏",
  askOverdue: (due: string) => `Đề nghị cập nhật tiến độ các nhiệm vụ quá hạn và nêu rõ khó khăn, vướng mắc (nếu có) chậm nhất ngày ${due}.`,
  ask: (due: string) => `Đề nghị cập nhật tiến độ các nhiệm vụ chậm nhất ngày ${due} để báo cáo của Sở đầy đủ, đúng hạn.`,
  officeAsk: (due: string) => `Đề nghị cập nhật tiến độ các nhiệm vụ Văn phòng Sở chủ trì và đôn đốc các đơn vị báo cáo chậm nhất ngày ${due}.`,
  report: "Báo cáo tiến độ",
  basis: (superior: string, due: string) =>
    `Văn phòng Sở tổng hợp, báo cáo ${superior} chậm nhất ngày ${due}. Kỳ số liệu theo Nghị định 09/2019/NĐ-CP (Điều 12) và Hướng dẫn 581/BNV-CCHC. Xem nhiệm vụ: \`/kehoach viec\`.`,
  officeBasis: "Kỳ số liệu theo Nghị định 09/2019/NĐ-CP (Điều 12) và Hướng dẫn 581/BNV-CCHC; tỉnh báo cáo Bộ Nội vụ trước ngày 20 tháng cuối kỳ. Xem nhiệm vụ: `/kehoach viec`.",
  fallback: (unit: string, report: string, from: string, to: string, due: string) => `${unit}: ${report} — số liệu từ ${from} đến ${to}, gửi Văn phòng Sở chậm nhất ngày ${due}.`,
  officeFallback: (unit: string, report: string, unitsDue: string, superior: string, due: string) =>
    `${unit}: ${report} của Sở — các đơn vị gửi chậm nhất ngày ${unitsDue}; Sở gửi ${superior} chậm nhất ngày ${due}.`,
};

const en: typeof vi = {
  period: (p) =>
    p.kind === "YEAR"
      ? `Annual report ${p.year} (Q${p.quarter})`
      : p.kind === "HALF_YEAR"
        ? `Report for Q${p.quarter} and the first half of ${p.year}`
        : `Report for Q${p.quarter} ${p.year}`,
  header: (report) => `📅 Coming up: ${report}`,
  officeHeader: (report) => `📅 Coming up: the department's ${report}`,
  greeting: (who, unit) => `${who} — ${unit}`,
  intro: (report) => `Please report the unit's results on the administrative-reform plan so that the Office can consolidate the department's *${report}*:`,
  officeIntro: (report) => `Please consolidate the divisions' and centres' reports and prepare the department's *${report}* for the leadership's signature:`,
  window: (from, to) => `• Figures from *${from}* to *${to}*`,
  due: (p, many) => `• ${many ? `Plan ${esc(p.number, CAPS.code)}: s` : "S"}end it to the Office by *${d(p.unitsDue)}* at the latest`,
  officeDue: (p, many) =>
    `• ${many ? `Plan ${esc(p.number, CAPS.code)}: u` : "U"}nits report to the Office by *${d(p.unitsDue)}*; the department reports to ${esc(p.superior, 120)} by *${d(p.officeDue)}*`,
  morePlans: (n) => `• … and ${n} more plans`,
  open: "*Led tasks not yet done*",
  overdue: "🔴 *Of which overdue*",
  allDone: "The unit has finished every task it leads; please report the results so the Office can consolidate them. 👏",
  officeAllDone: "The Office has finished every task it leads. 👏",
  askOverdue: (due) => `Please update the progress of the overdue tasks and state any obstacles by ${due}.`,
  ask: (due) => `Please update your tasks' progress by ${due} so the department's report is complete and on time.`,
  officeAsk: (due) => `Please update the tasks the Office leads and chase the units' reports by ${due}.`,
  report: "Report progress",
  basis: (superior, due) =>
    `The Office consolidates and reports to ${superior} by ${due}. Data windows per Decree 09/2019/NĐ-CP (art. 12) and guidance 581/BNV-CCHC. Tasks: \`/kehoach tasks\`.`,
  officeBasis:
    "Data windows per Decree 09/2019/NĐ-CP (art. 12) and guidance 581/BNV-CCHC; the province reports to the Ministry by the 20th of the window's last month. Tasks: `/kehoach tasks`.",
  fallback: (unit, report, from, to, due) => `${unit}: ${report} — figures from ${from} to ${to}, due to the Office by ${due}.`,
  officeFallback: (unit, report, unitsDue, superior, due) => `${unit}: the department's ${report} — units report by ${unitsDue}; the department reports to ${superior} by ${due}.`,
};

const STRINGS = { vi, en };

/** The report's name in `lang`: "Báo cáo quý III/2023" / "Report for Q3 2023". */
export function reportPeriodName(period: Period, lang: Lang): string {
  return STRINGS[lang].period(period);
}

export function reportDeadlineMessage(model: ReportDeadlineModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const report = s.period(model.period);
  const unit = unitLabel(model.unit);
  const leads = model.unitLeads.slice(0, LEADS_MENTIONED).map(mention).join(" ");
  const office = model.recipient === "OFFICE";
  const many = model.plans.length > 1;
  const first = model.plans[0]!;
  // The earliest deadlines when several plans are in force.
  const unitsDue = d(model.plans.map((p) => p.unitsDue).sort()[0]!);

  const dues = model.plans.slice(0, PLANS_SHOWN).map((p) => (office ? s.officeDue(p, many) : s.due(p, many)));
  if (model.plans.length > PLANS_SHOWN) dues.push(s.morePlans(model.plans.length - PLANS_SHOWN));
  const intro = [
    leads === "" ? unit : s.greeting(leads, unit),
    office ? s.officeIntro(report) : s.intro(report),
    s.window(d(model.window.start), d(model.window.end)),
    ...dues,
  ].join("\n");
  const blocks: KnownBlock[] = [header(office ? s.officeHeader(report) : s.header(report)), section(intro)];
  if (model.openLeadTasks === 0) {
    blocks.push(section(office ? s.officeAllDone : s.allDone));
  } else {
    blocks.push(
      ...fields([`${s.open}\n${model.openLeadTasks}`, `${s.overdue}\n${model.overdueLeadTasks}`]),
      section(office ? s.officeAsk(unitsDue) : model.overdueLeadTasks > 0 ? s.askOverdue(unitsDue) : s.ask(unitsDue)),
    );
  }
  blocks.push(
    actions([button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: "", style: "primary" })]),
    context(office ? s.officeBasis : s.basis(esc(first.superior, 120), d(first.officeDue))),
  );
  const code = esc(model.unit.code, CAPS.code);
  const fallback = office
    ? s.officeFallback(code, report, d(first.unitsDue), esc(first.superior, 120), d(first.officeDue))
    : s.fallback(code, report, d(model.window.start), d(model.window.end), d(first.unitsDue));
  return message(leads === "" ? fallback : `${leads} ${fallback}`, blocks, lang);
}
