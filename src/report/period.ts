// The period a consolidated report covers, as the Office writes it on the
// command line or in Slack: "Quý III/2023", "6 tháng đầu năm 2023",
// "Năm 2023", with or without diacritics ("quy 3/2023", "6 thang dau nam
// 2023", "nam 2023"), and in English ("Q3 2023", "H1 2023", "year 2023").
//
// A report's figures cover a data window, not the calendar period (Nghị định
// 09/2019/NĐ-CP, Điều 12; for administrative reform, guidance 581/BNV-CCHC):
// from the 15th of the month before the period to the 14th of its last month
// (Q1 15/12–14/3, six months 15/12–14/6, Q3 15/6–14/9, year 15/12–14/12).
import { addDays, makeDay, type Day } from "../domain/day.js";
import { reportingPeriodOf } from "../domain/reporting-window.js";
import { fold } from "../domain/text.js";

export type ReportKind = "QUARTER" | "HALF" | "YEAR";

export interface ReportWindow {
  kind: ReportKind;
  year: number;
  /** 1–4 for a quarter, 1–2 for a half, undefined for a year. */
  part?: number;
  /** The window's key, as the reporting-window module names it: "2023-Q3", "2023-H1", "2023". */
  key: string;
  /** "Quý III/2023", "6 tháng đầu năm 2023", "Năm 2023": how the Office writes it. */
  label: string;
  /** "quý III năm 2023", "6 tháng đầu năm 2023", "năm 2023": how it reads inside a sentence. */
  phrase: string;
  /** First and last day of the data window. */
  start: Day;
  end: Day;
}

const ROMAN = ["I", "II", "III", "IV"] as const;
const ROMAN_VALUE: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Parses the period of a report; undefined when it is not one of the accepted forms. */
export function parseReportPeriod(input: string): ReportWindow | undefined {
  const t = fold(input.normalize("NFC")).replace(/\s*([/-])\s*/g, "$1");
  let m: RegExpExecArray | null;
  if ((m = /^(?:bao cao )?(?:quy|q|quarter) ?(i{1,3}|iv|[1-4])(?:\/| nam | )(\d{4})$/.exec(t))) {
    return reportWindow("QUARTER", Number(m[2]), ROMAN_VALUE[m[1]!] ?? Number(m[1]));
  }
  if ((m = /^(?:6 thang dau nam|sau thang dau nam|h1|first half(?: of)?) ?\/?(\d{4})$/.exec(t))) return reportWindow("HALF", Number(m[1]), 1);
  if ((m = /^(?:6 thang cuoi nam|sau thang cuoi nam|h2|second half(?: of)?) ?\/?(\d{4})$/.exec(t))) return reportWindow("HALF", Number(m[1]), 2);
  if ((m = /^(?:nam|ca nam|year) ?(\d{4})$/.exec(t))) return reportWindow("YEAR", Number(m[1]));
  return undefined;
}

export const REPORT_PERIOD_FORMS = '"Quý III/2023", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023", "Năm 2023"';

export function reportWindow(kind: ReportKind, year: number, part?: number): ReportWindow | undefined {
  if (!makeDay(year, 1, 1)) return undefined;
  const lastQuarter = kind === "QUARTER" ? part! : kind === "HALF" ? part! * 2 : 4;
  // The window is the reporting-window module's (one definition for status,
  // reminders and reports): the one its last month's 14th belongs to.
  const { key, start, end } = reportingPeriodOf(makeDay(year, lastQuarter * 3, 14)!, kind, "WINDOW");
  const label = kind === "QUARTER" ? `Quý ${ROMAN[part! - 1]}/${year}` : kind === "HALF" ? `6 tháng ${part === 1 ? "đầu" : "cuối"} năm ${year}` : `Năm ${year}`;
  const phrase = kind === "QUARTER" ? `quý ${ROMAN[part! - 1]} năm ${year}` : kind === "HALF" ? label : `năm ${year}`;
  return { kind, year, part, key, label, phrase, start, end };
}

/** The window a key names ("2023-Q3", "2023-H1", "2023"), as stored with unit reports and consolidated reports. */
export function reportWindowOfKey(key: string): ReportWindow | undefined {
  const m = /^(\d{4})(?:-([QH])([1-4]))?$/.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!m[2]) return reportWindow("YEAR", year);
  const part = Number(m[3]);
  if (m[2] === "H" && part > 2) return undefined;
  return reportWindow(m[2] === "Q" ? "QUARTER" : "HALF", year, part);
}

/**
 * The quarter a report made on `day` is most likely about: the window
 * containing it in its last 45 days (units are reminded about a week before
 * their deadline of the 10th), otherwise the window just closed. On
 * 20/08/2023 and 12/09/2023 that is quý III (15/06–14/09); on 18/09/2023 and
 * 05/10/2023 still quý III, the next window having barely begun.
 */
export function currentReportWindow(day: Day): ReportWindow {
  const current = reportingPeriodOf(day, "QUARTER", "WINDOW");
  const w = day >= addDays(current.end, -45) ? current : reportingPeriodOf(addDays(current.start, -1), "QUARTER", "WINDOW");
  return reportWindowOfKey(w.key)!;
}
