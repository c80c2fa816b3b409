// Deadlines as plans write them: "trước ngày 15/12/2023", "Quý IV/2023",
// "6 tháng đầu năm 2023", "Năm 2023", "Thường xuyên", "Năm 2025 và các năm
// tiếp theo". Accepted with or without diacritics, and in English.
import { lastDayOfMonth, makeDay, parseVnDate, type Day } from "./day.js";
import type { Cadence } from "./period.js";
import { fold } from "./text.js";

export type DueKind = "DATE" | "QUARTER" | "HALF" | "YEAR" | "ONGOING";

export type Deadline =
  | { kind: Exclude<DueKind, "ONGOING">; dueOn: Day; label: string }
  | { kind: "ONGOING"; cadence: Cadence; from?: Day; label: string };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Parses a deadline. Returns undefined when the text is not a deadline form
 * (the caller reports the error with the accepted forms).
 */
export function parseDeadline(input: string, defaultCadence: Cadence = "QUARTER"): Deadline | undefined {
  const label = input.normalize("NFC").replace(/\s+/g, " ").trim();
  const t = fold(label);
  let m: RegExpExecArray | null;

  if (/^(thuong xuyen|ongoing|continuous)$/.test(t)) return { kind: "ONGOING", cadence: defaultCadence, label };

  // "Năm 2025 và các năm tiếp theo" / "2025 onwards": yearly, from that year.
  if ((m = /^(?:nam )?(\d{4}) (?:va cac nam tiep theo|onwards|and following years)$/.exec(t))) {
    const from = makeDay(Number(m[1]), 1, 1);
    return from ? { kind: "ONGOING", cadence: "YEAR", from, label } : undefined;
  }

  if ((m = /^(?:quy|q|quarter)\s*(i{1,3}|iv|[1-4])\s*[/ .-]\s*(?:nam\s*)?(\d{4})$/.exec(t))) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    return { kind: "QUARTER", dueOn: lastDayOfMonth(Number(m[2]), q * 3), label };
  }

  if ((m = /^(?:6 thang dau nam|h1|first half(?: of)?)\s*[/ ]?\s*(?:nam\s*)?(\d{4})$/.exec(t))) {
    return { kind: "HALF", dueOn: lastDayOfMonth(Number(m[1]), 6), label };
  }
  if ((m = /^(?:6 thang cuoi nam|h2|second half(?: of)?)\s*[/ ]?\s*(?:nam\s*)?(\d{4})$/.exec(t))) {
    return { kind: "HALF", dueOn: lastDayOfMonth(Number(m[1]), 12), label };
  }

  if ((m = /^(?:nam|year|ca nam)?\s*(\d{4})$/.exec(t))) {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2999 ? { kind: "YEAR", dueOn: lastDayOfMonth(y, 12), label } : undefined;
  }

  // "Tháng 12/2023": the last day of that month.
  if ((m = /^(?:thang|month)\s*(\d{1,2})\s*[/ ]\s*(?:nam\s*)?(\d{4})$/.exec(t))) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? { kind: "DATE", dueOn: lastDayOfMonth(Number(m[2]), month), label } : undefined;
  }

  if ((m = /^(?:truoc ngay|truoc|han|ngay|by|before|due)?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/.exec(t))) {
    const dueOn = parseVnDate(m[1]!);
    return dueOn ? { kind: "DATE", dueOn, label } : undefined;
  }
  return undefined;
}

export const DEADLINE_FORMS =
  '"15/12/2023", "trước ngày 15/12/2023", "Quý IV/2023", "6 tháng đầu năm 2023", "Năm 2023", "Tháng 12/2023", "Thường xuyên", "Năm 2025 và các năm tiếp theo"';
