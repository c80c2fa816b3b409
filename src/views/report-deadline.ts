// A reminder in a unit's channel ahead of a periodic reform report: quarterly,
// six-monthly (with the second quarter) and annual (with the fourth), due to
// the Office by the 20th of the period's last month with data cut off on the
// 14th (guidance 581/BNV-CCHC, domain.md "Reporting rhythm").
//
// Six blocks at most and well under 2,000 characters: nothing here is a list.
import type { KnownBlock } from "@slack/types";
import { formatVnDate } from "../domain/day.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, fields, header, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, esc, mention, unitLabel } from "./format.js";
import type { Lang, ReportDeadlineModel } from "./models.js";

type Period = ReportDeadlineModel["period"];

/** Leads mentioned by name; a unit with more is addressed as a whole. */
const LEADS_MENTIONED = 10;

const ROMAN = ["I", "II", "III", "IV"] as const;

function roman(quarter: number): string {
  return ROMAN[quarter - 1] ?? String(quarter);
}

const vi = {
  /** "Báo cáo quý III/2023", "Báo cáo quý II và 6 tháng đầu năm 2023", "Báo cáo năm 2023 (quý IV)". */
  period: (p: Period) =>
    p.kind === "YEAR" ? `Báo cáo năm ${p.year} (quý ${roman(p.quarter)})`
    : p.kind === "HALF_YEAR" ? `Báo cáo quý ${roman(p.quarter)} và 6 tháng đầu năm ${p.year}`
    : `Báo cáo quý ${roman(p.quarter)}/${p.year}`,
  header: (report: string) => `📅 Sắp đến hạn: ${report}`,
  greeting: (who: string, unit: string) => `${who} — ${unit}`,
  intro: (report: string) => `Đơn vị chuẩn bị *${report}* về kết quả thực hiện kế hoạch cải cách hành chính:`,
  cutoff: (day: string) => `• Số liệu tính đến ngày *${day}*`,
  due: (day: string) => `• Gửi Văn phòng Sở trước ngày *${day}*`,
  open: "*Nhiệm vụ chủ trì chưa hoàn thành*",
  overdue: "🔴 *Trong đó quá hạn*",
  allDone: "Đơn vị đã hoàn thành mọi nhiệm vụ chủ trì; báo cáo kết quả để Văn phòng Sở tổng hợp. 👏",
  askOverdue: "Đề nghị cập nhật tiến độ các nhiệm vụ quá hạn và nêu rõ khó khăn, vướng mắc (nếu có) trước ngày chốt số liệu.",
  ask: "Đề nghị cập nhật tiến độ các nhiệm vụ trước ngày chốt số liệu để báo cáo của Sở đầy đủ, đúng hạn.",
  report: "Báo cáo tiến độ",
  basis: "Theo Hướng dẫn 581/BNV-CCHC: báo cáo quý, 6 tháng và năm gửi trước ngày 20 tháng cuối kỳ, số liệu tính đến ngày 14. Xem nhiệm vụ: `/kehoach viec`.",
  fallback: (unit: string, report: string, cutoff: string, due: string) =>
    `${unit}: ${report} — số liệu tính đến ${cutoff}, gửi Văn phòng Sở trước ${due}.`,
};

const en: typeof vi = {
  period: (p) =>
    p.kind === "YEAR" ? `Annual report ${p.year} (Q${p.quarter})`
    : p.kind === "HALF_YEAR" ? `Report for Q${p.quarter} and the first half of ${p.year}`
    : `Report for Q${p.quarter} ${p.year}`,
  header: (report) => `📅 Coming up: ${report}`,
  greeting: (who, unit) => `${who} — ${unit}`,
  intro: (report) => `Please prepare the unit's *${report}* on the administrative-reform plan:`,
  cutoff: (day) => `• Figures as of *${day}*`,
  due: (day) => `• Send it to the Office by *${day}*`,
  open: "*Led tasks not yet done*",
  overdue: "🔴 *Of which overdue*",
  allDone: "The unit has finished every task it leads; report the results so the Office can consolidate them. 👏",
  askOverdue: "Please update the progress of the overdue tasks and state any obstacles before the data cut-off.",
  ask: "Please update your tasks' progress before the data cut-off so the department's report is complete and on time.",
  report: "Report progress",
  basis: "Per guidance 581/BNV-CCHC: quarterly, six-monthly and annual reports are due by the 20th of the period's last month, with figures as of the 14th. Tasks: `/kehoach tasks`.",
  fallback: (unit, report, cutoff, due) => `${unit}: ${report} — figures as of ${cutoff}, due to the Office by ${due}.`,
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
  const cutoff = formatVnDate(model.cutoff);
  const due = formatVnDate(model.due);

  const intro = [leads === "" ? unit : s.greeting(leads, unit), s.intro(report), s.cutoff(cutoff), s.due(due)].join("\n");
  const blocks: KnownBlock[] = [header(s.header(report)), section(intro)];
  if (model.openLeadTasks === 0) {
    blocks.push(section(s.allDone));
  } else {
    blocks.push(
      ...fields([`${s.open}\n${model.openLeadTasks}`, `${s.overdue}\n${model.overdueLeadTasks}`]),
      section(model.overdueLeadTasks > 0 ? s.askOverdue : s.ask),
    );
  }
  blocks.push(
    actions([button({ text: s.report, actionId: ACTION_IDS.reportOpen, value: "", style: "primary" })]),
    context(s.basis),
  );
  const fallback = s.fallback(esc(model.unit.code, CAPS.code), report, cutoff, due);
  return message(leads === "" ? fallback : `${leads} ${fallback}`, blocks, lang);
}
