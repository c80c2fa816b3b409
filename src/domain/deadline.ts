// Deadlines as plans write them: "trước ngày 15/12/2023", "Quý IV/2023",
// "6 tháng đầu năm 2023", "Năm 2023", "Thường xuyên", "Năm 2025 và các năm
// tiếp theo", and the forms of imported documents: ranges ("Quý IV/2025 -
// Quý II/2026", "Năm 2025 - 2026", "Giai đoạn 2026 - 2030": due at the end
// of the range), periodic duties ("Hằng năm", "Định kỳ 06 tháng", "trước
// ngày 01/6 và 15/11 hằng năm": ongoing with that cadence), dates without a
// year ("chậm nhất ngày 15/11": the plan's year, when the caller knows it)
// and event-driven work ("Khi có phát sinh", "Theo yêu cầu": never overdue
// by date). Accepted with or without diacritics, and in English.
import { lastDayOfMonth, makeDay, parseVnDate, type Day } from "./day.js";
import type { Cadence } from "./period.js";
import { fold } from "./text.js";

export type DueKind = "DATE" | "QUARTER" | "HALF" | "YEAR" | "ONGOING" | "EVENT";

export type Deadline =
  | { kind: Exclude<DueKind, "ONGOING" | "EVENT">; dueOn: Day; label: string }
  | { kind: "ONGOING"; cadence: Cadence; from?: Day; label: string }
  | { kind: "EVENT"; label: string };

export interface DeadlineContext {
  /** The plan's year, for forms that leave it out ("chậm nhất ngày 15/11", "Quý IV"). */
  year?: number;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Parses a deadline. Returns undefined when the text is not a deadline form
 * (the caller reports the error with the accepted forms).
 */
export function parseDeadline(input: string, defaultCadence: Cadence = "QUARTER", context: DeadlineContext = {}): Deadline | undefined {
  const label = input.normalize("NFC").replace(/\s+/g, " ").trim();
  const t = fold(label)
    .replace(/[–—]/g, "-")
    .replace(/\bqui\b/g, "quy")
    .replace(/\bhang (nam|quy|thang|tuan)\b/g, "hang $1")
    .replace(/[.;,]+$/, "")
    .trim();
  const d = parseFolded(t, defaultCadence, context);
  return d ? ({ ...d, label } as Deadline) : undefined;
}

type Parsed = { kind: Exclude<DueKind, "ONGOING" | "EVENT">; dueOn: Day } | { kind: "ONGOING"; cadence: Cadence; from?: Day } | { kind: "EVENT" };

/**
 * The folded text's deadline. Each group of forms answers a deadline, null
 * (the form is recognised but is no deadline: "Quý IV" with no year known),
 * or undefined (not its form: the next group tries).
 */
function parseFolded(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | undefined {
  if (!t) return undefined;
  for (const forms of FORMS) {
    const found = forms(t, defaultCadence, ctx);
    if (found !== undefined) return found ?? undefined;
  }
  return undefined;
}

type Forms = (t: string, defaultCadence: Cadence, ctx: DeadlineContext) => Parsed | null | undefined;

/** Event-driven work, and ongoing work: standing, "thường xuyên" with a cadence or a start, yearly from a year. */
function eventOrOngoing(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  let m: RegExpExecArray | null;
  if (
    /^(khi co (phat sinh|yeu cau|van ban|chi dao|de nghi|huong dan)|sau khi co (van ban|huong dan|chi dao|yeu cau)|theo yeu cau|theo chi dao|theo de nghi|dot xuat|khi phat sinh|on demand|when needed|as required)\b/.test(
      t,
    )
  )
    return { kind: "EVENT" };
  // Times another text sets: "Theo hướng dẫn của Trung ương", "Theo Kế hoạch rà soát … của tỉnh", "Theo Điều 17 Nghị
  // định số 52/2015/NĐ-CP", "Theo các mốc thời gian tại Quyết định số …", "theo thời gian quy định": no date here.
  // Not "theo quy định tại Mục 5 …" or "theo kế hoạch cụ thể …", which cite a rule or a document, not a time.
  if (/^theo (?:(?:cac )?(?:moc thoi gian|thoi gian)\b|huong dan\b|ke hoach\b.* cua\b|dieu \d+ (?:cua )?(?:nghi dinh|luat|thong tu|quyet dinh)\b|quy dinh$)/.test(t))
    return { kind: "EVENT" };
  // Relative to an event: "Sau 03 tháng kể từ khi có văn bản của Trung ương …", "Trong 30 ngày kể từ ngày …".
  if (/^(?:sau|trong(?: vong)?|cham nhat)?\s*\d{1,3} (?:ngay|tuan|thang|nam)(?: lam viec)? (?:ke tu|tu khi|sau khi|tinh tu)\b/.test(t)) return { kind: "EVENT" };
  // Until an event: "Từ ngày 15/3/2026 đến ngày bầu cử", "Từ khi thành lập đến khi kết thúc nhiệm vụ của Ủy ban bầu
  // cử": a span whose end names no date ends when that event comes, which no date here says.
  if (/^(?:trong khoang thoi gian )?tu .+? den (?:het )?(?:ngay|khi|luc|thoi diem) [^\d]+$/.test(t)) return { kind: "EVENT" };
  // "Bắt đầu thực hiện từ năm 2026": what the "từ" form says.
  if ((m = /^bat dau (?:thuc hien |trien khai )?(tu .+)$/.exec(t))) return parseFolded(m[1]!, defaultCadence, ctx) ?? null;

  // "Nhiệm vụ thường xuyên" (NQ 109/NQ-CP), "Công việc thường xuyên": a standing task.
  if (/^(?:(?:nhiem vu|cong viec) )?(thuong xuyen|lien tuc|thuong xuyen,? lien tuc|ongoing|continuous)$/.test(t)) return { kind: "ONGOING", cadence: defaultCadence };
  // "Thường xuyên, hằng năm": ongoing with the cadence the rest names.
  if ((m = /^thuong xuyen\s*[,;-]?\s*(.+)$/.exec(t))) {
    const rest = parseFolded(m[1]!, defaultCadence, ctx);
    return rest?.kind === "ONGOING" ? rest : { kind: "ONGOING", cadence: defaultCadence };
  }

  // "Hằng năm, thường xuyên", "Từ tháng 5/2026, thường xuyên": the first part says the cadence or the start.
  if ((m = /^(.+?)\s*[,;]\s*(?:thuong xuyen|lien tuc)$/.exec(t))) {
    const first = parseFolded(m[1]!, defaultCadence, ctx);
    if (first?.kind === "ONGOING") return first;
    const from = /^tu /.test(m[1]!) ? startOf(parseFolded(m[1]!.slice(3), defaultCadence, ctx)) : null;
    return from ? { kind: "ONGOING", cadence: defaultCadence, from } : { kind: "ONGOING", cadence: defaultCadence };
  }
  // "Từ quý II/2027", "Từ tháng 5/2026": open-ended work from the start of that period.
  if ((m = /^tu ((?:quy|thang) .+)$/.exec(t)) && !/\s(?:-|den|toi)\s/.test(m[1]!)) {
    const from = startOf(parseFolded(m[1]!, defaultCadence, ctx));
    if (from) return { kind: "ONGOING", cadence: defaultCadence, from };
  }

  // "Năm 2025 và các năm tiếp theo" / "2026 và hằng năm" / "2025 onwards" / "Từ năm 2025": yearly, from that year.
  if (
    (m = /^(?:tu )?(?:nam )?(\d{4})(?: (?:va (?:cac|nhung) nam tiep theo|va hang nam|tro di|onwards|and following years))?$/.exec(t)) &&
    /tiep theo|hang nam|tro di|onwards|following|^tu /.test(t)
  ) {
    const from = makeDay(Number(m[1]), 1, 1);
    return from ? { kind: "ONGOING", cadence: "YEAR", from } : null;
  }
  return undefined;
}

/** Periodic duties: a cadence word, "định kỳ …, năm", a fixed day of each period, fixed days of each year. */
function periodic(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  let m: RegExpExecArray | null;
  // Periodic duties.
  const cadenceWord: [RegExp, Cadence][] = [
    [/^(?:dinh ky )?hang tuan$|^weekly$/, "WEEK"],
    [/^(?:dinh ky )?hang thang$|^monthly$/, "MONTH"],
    [/^(?:dinh ky )?(?:hang quy|theo quy)$|^quarterly$/, "QUARTER"],
    [/^(?:dinh ky )?(?:0?6 thang(?: mot lan| \/ lan)?|6 thang \/ lan|hang nam 2 lan|nua nam)$|^half-yearly$/, "HALF"],
    [/^(?:dinh ky )?(?:hang nam|thuong nien|hang nam \(.*\)|hang nam va (?:(?:tung|cac|theo) )?(?:giai doan|thoi ky))$|^(?:yearly|annually|every year)$/, "YEAR"],
  ];
  for (const [re, cadence] of cadenceWord) if (re.test(t)) return { kind: "ONGOING", cadence };

  // "Định kỳ 6 tháng, năm" / "Định kỳ hằng quý, năm": the shorter cadence.
  if ((m = /^dinh ky (.+?)\s*,\s*(?:hang )?nam$/.exec(t))) {
    const first = parseFolded(`dinh ky ${m[1]}`, defaultCadence, ctx);
    if (first?.kind === "ONGOING") return first;
  }
  // "Trước ngày 20 hằng tháng", "ngày 25 hằng quý": a fixed day of each period.
  // "Trước ngày 05 của tháng liền kề": a fixed day of the month after each month, so monthly.
  if ((m = /^(?:truoc |cham nhat |vao )?(?:ngay )?\d{1,2} (?:(?:hang|moi) (thang|quy)|cua (thang|quy) (?:lien ke|tiep theo|sau))$/.exec(t)))
    return { kind: "ONGOING", cadence: (m[1] ?? m[2]) === "thang" ? "MONTH" : "QUARTER" };
  // "Trong tháng 01 hằng năm", "chậm nhất trong tháng 6 hằng năm", "Quý I hằng năm": a fixed period of each year.
  if (/^(?:thang \d{1,2}|quy (?:i{1,3}|iv|[1-4])) (?:hang|moi) nam$/.test(t)) return { kind: "ONGOING", cadence: "YEAR" };

  // "trước ngày 01/6 và 15/11 hằng năm": several fixed days a year; "Trước ngày 31/01 năm liền kề", "ngày 31/12 năm
  // trước liền kề": a fixed day of the year after (or before) each year, so yearly.
  if (
    (m =
      /^(?:truoc ngay |truoc |ngay )?(\d{1,2}\/\d{1,2}(?:\s*(?:va|,)\s*(?:ngay )?\d{1,2}\/\d{1,2})*) (?:hang nam|moi nam|every year|(?:cua )?nam (?:truoc )?(?:lien ke|tiep theo|sau))$/.exec(
        t,
      ))
  ) {
    const days = m[1]!.split(/\s*(?:va|,)\s*(?:ngay )?/).length;
    return { kind: "ONGOING", cadence: days >= 4 ? "QUARTER" : days >= 2 ? "HALF" : "YEAR" };
  }
  return undefined;
}

/** A quarter, a half, a year or a month: due on its last day ("Quý IV" and "Tháng 12" in the plan's year). */
function calendarPeriod(t: string, _defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(?:quy|q|quarter)\s*(i{1,3}|iv|[1-4])(?:\s*[/ .-]\s*(?:nam\s*)?(\d{4}))?$/.exec(t))) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    const year = m[2] ? Number(m[2]) : ctx.year;
    return year ? { kind: "QUARTER", dueOn: lastDayOfMonth(year, q * 3) } : null;
  }

  if ((m = /^(?:0?6 thang dau nam|h1|first half(?: of)?)\s*[/ ]?\s*(?:nam\s*)?(\d{4})?$/.exec(t))) {
    const year = m[1] ? Number(m[1]) : ctx.year;
    return year ? { kind: "HALF", dueOn: lastDayOfMonth(year, 6) } : null;
  }
  if ((m = /^(?:0?6 thang cuoi nam|h2|second half(?: of)?)\s*[/ ]?\s*(?:nam\s*)?(\d{4})?$/.exec(t))) {
    const year = m[1] ? Number(m[1]) : ctx.year;
    return year ? { kind: "HALF", dueOn: lastDayOfMonth(year, 12) } : null;
  }

  if ((m = /^(?:nam|year|ca nam)?\s*(\d{4})$/.exec(t))) {
    const y = Number(m[1]);
    return y >= 1900 && y <= 2999 ? { kind: "YEAR", dueOn: lastDayOfMonth(y, 12) } : null;
  }

  // "Tháng 12/2023", "tháng 12 năm 2023", "12/2023": the last day of that month; "Tháng 12": the plan's year.
  if ((m = /^(?:(?:thang|month)\s*(\d{1,2})(?:\s*(?:[/ -]|nam)\s*(?:nam\s*)?(\d{4}))?|(\d{1,2})\s*\/\s*(\d{4}))$/.exec(t))) {
    const month = Number(m[1] ?? m[3]);
    const year = (m[2] ?? m[4]) ? Number(m[2] ?? m[4]) : ctx.year;
    return year && month >= 1 && month <= 12 ? { kind: "DATE", dueOn: lastDayOfMonth(year, month) } : null;
  }
  return undefined;
}

/** A day: "ngày 16 tháng 12 năm 2025", "15/12/2023", "ngày 15/11" (the plan's year). */
function exactDate(t: string, _defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  let m: RegExpExecArray | null;
  // "ngày 16 tháng 12 năm 2025".
  if ((m = /^(?:ngay\s*)?(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?$/.exec(t))) {
    const year = m[3] ? Number(m[3]) : ctx.year;
    const dueOn = year ? makeDay(year, Number(m[2]), Number(m[1])) : null;
    return dueOn ? { kind: "DATE", dueOn } : null;
  }

  if ((m = /^(?:ngay|han|by|before|due)?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/.exec(t))) {
    const dueOn = parseVnDate(m[1]!.replace(/[.-]/g, "/"));
    return dueOn ? { kind: "DATE", dueOn } : null;
  }
  // "ngày 15/11" without a year: the plan's year.
  if ((m = /^(?:ngay\s*)?(\d{1,2})\/(\d{1,2})$/.exec(t)) && ctx.year) {
    const dueOn = makeDay(ctx.year, Number(m[2]), Number(m[1]));
    return dueOn ? { kind: "DATE", dueOn } : null;
  }
  return undefined;
}

/** Ranges and lists of periods: due at the end, or at the last one. */
function rangeOrList(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  let m: RegExpExecArray | null;
  // Ranges: due at the end. "Quý IV/2025 - Quý II/2026", "Năm 2025 - 2026",
  // "Giai đoạn 2026 - 2030", "Từ tháng 7/2025 đến tháng 12/2025", "Tháng 3 - 6/2025".
  const stripped = t.replace(/^(?:giai doan|trong giai doan|thoi ky)\s+/, "");
  if ((m = /^(?:tu\s+)?(.+?)\s*(?:-|den(?: het)?|toi)\s*(.+)$/.exec(stripped)) && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(stripped)) {
    const right = parseFolded(m[2]!, defaultCadence, ctx);
    const left = parseFolded(m[1]!.replace(/^tu\s+/, ""), defaultCadence, ctx) ?? parseFolded(`${m[1]} ${yearOf(m[2]!) ?? ""}`.trim(), defaultCadence, ctx);
    if (right && right.kind !== "ONGOING" && right.kind !== "EVENT" && left) return right;
  }

  // Lists of periods: "Quý I, II/2026", "Quý II và Quý IV/2026", "Tháng 5, 6/2026": due at the last one.
  if ((m = /^(quy|thang)\s+(.+?)\s*(?:,|va)\s*(?:\1\s+)?([^,]+)$/.exec(t)) && !/\d{1,2}\/\d{1,2}\/\d{4}/.test(t)) {
    const year = yearOf(m[3]!);
    const parts = [m[2]!, ...m[3]!.split(/\s*(?:,|va)\s*(?:(?:quy|thang)\s+)?/)].map((p) => p.replace(/\s*[/-]\s*(?:nam\s*)?\d{4}$/, "").trim());
    const parsed = year ? parts.map((p) => parseFolded(`${m![1]} ${p}/${year}`, defaultCadence, ctx)) : [];
    if (parsed.length > 1 && parsed.every((p) => p && p.kind !== "ONGOING" && p.kind !== "EVENT")) return parsed.at(-1) ?? null;
  }
  return undefined;
}

/** A deadline inside other words: after leading words, before a note in parentheses, or one per sentence. */
function wrapped(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  let m: RegExpExecArray | null;
  // Leading words that do not change the date: "Trong", "Hoàn thành trong", "Trước", "Chậm nhất", "Cuối", "Hết".
  const core = t
    .replace(/^(?:hoan thanh|thuc hien|xong|ket thuc|han)\s+/, "")
    .replace(/^(?:trong|truoc|cham nhat(?: la)?|den het|den|toi|vao|cuoi|het|truoc het|before|by|due|in)\s+/, "")
    .replace(/^(?:truoc|trong)\s+/, "");
  if (core !== t) return parseFolded(core, defaultCadence, ctx) ?? null;

  // A note in parentheses after the deadline: "Năm 2026 (sau khi Chính phủ ban hành Nghị định …)", "Quý II/2026
  // (theo yêu cầu của cấp có thẩm quyền …)". The deadline is what stands before it; the label keeps the note.
  if ((m = /^([^()]+?)\s*\((.+)\)$/.exec(t))) return parseFolded(m[1]!, defaultCadence, ctx) ?? null;

  // A deadline per part of the work, one sentence each: "Ban hành các quy định trong Quý II/2026. Đầu tư … trong
  // Quý II/2026. Cập nhật thường xuyên". Each sentence must end in a deadline form; work kept up thường xuyên
  // makes it ongoing (as "Quý I/2026, thường xuyên" does), else it is due when its last part is.
  const sentences = t.split(/\.\s+/);
  if (sentences.length > 1) {
    const parts = sentences.map((x) => tailDeadline(x, defaultCadence, ctx));
    if (parts.every((x) => x !== undefined)) {
      const ongoing = parts.find((x) => x!.kind === "ONGOING");
      if (ongoing) return ongoing;
      const dated = parts.filter((x): x is Extract<Parsed, { dueOn: Day }> => "dueOn" in x!);
      if (dated.length === parts.length) return dated.reduce((a, b) => (b.dueOn > a.dueOn ? b : a));
    }
  }
  return undefined;
}

/**
 * A deadline per part of the work in one cell, parts joined by ",", ";" or "và": "Ban hành kế hoạch trong tháng
 * 01/2026, tổ chức kiểm tra chậm nhất trong tháng 6/2026 và báo cáo kết quả … chậm nhất trong tháng 8/2026" (due
 * when the last part is), "Báo cáo định kỳ theo thời gian quy định; thực hiện hằng năm" (a part with a cadence
 * makes it ongoing). Words without a deadline before a part are that part's work. Dated parts followed by work
 * carried on with no end ("Ban hành kế hoạch trong tháng 01/2026 và tổ chức thực hiện", "… và tổ chức mở lớp theo
 * kế hoạch đề ra") are ongoing work: no date is made up for the rest. Anything else after the last deadline: not read.
 */
function clauses(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | null | undefined {
  const pieces = t.split(/\s*[,.]\s+|\s*;\s*|\s+va\s+/).filter(Boolean);
  if (pieces.length < 2) return undefined;
  const parts: Parsed[] = [];
  let pending = "";
  for (const piece of pieces) {
    pending = pending ? `${pending} ${piece}` : piece;
    const found = clauseDeadline(pending, defaultCadence, ctx);
    if (found) {
      parts.push(found);
      pending = "";
    }
  }
  if (parts.length === 0) return undefined;
  if (pending && !/\b(?:thuc hien|trien khai|to chuc|duy tri|van hanh|cap nhat)\b/.test(pending)) return undefined;
  const ongoing = parts.find((x) => x.kind === "ONGOING");
  if (ongoing) return ongoing;
  const dated = parts.filter((x): x is Extract<Parsed, { dueOn: Day }> => "dueOn" in x);
  if (dated.length === 0) return { kind: "EVENT" };
  if (dated.length === parts.length && !pending) return dated.reduce((a, b) => (b.dueOn > a.dueOn ? b : a));
  return { kind: "ONGOING", cadence: defaultCadence };
}

const CORE_FORMS: Forms[] = [eventOrOngoing, periodic, calendarPeriod, exactDate, rangeOrList, wrapped];
const FORMS: Forms[] = [...CORE_FORMS, clauses];

/** The deadline a part of the work ends with, from a word that starts one: "… chậm nhất trong tháng 9/2026". */
function clauseDeadline(part: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | undefined {
  const words = part.split(" ");
  for (let i = 0; i < words.length; i++) {
    const rest = words.slice(i).join(" ");
    if (i > 0 && !/^(?:trong|truoc|cham nhat|den|tu|thuong xuyen|hang|dinh ky|theo|sau|vao)\b/.test(rest)) continue;
    const p = parseCore(rest, defaultCadence, ctx);
    if (p) return p;
  }
  return undefined;
}

function parseCore(t: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | undefined {
  for (const forms of CORE_FORMS) {
    const found = forms(t, defaultCadence, ctx);
    if (found !== undefined) return found ?? undefined;
  }
  return undefined;
}

/** A sentence that ends in a deadline, after the work it is for: "Ban hành các quy định trong Quý II/2026". */
function tailDeadline(sentence: string, defaultCadence: Cadence, ctx: DeadlineContext): Parsed | undefined {
  const whole = parseFolded(sentence, defaultCadence, ctx);
  if (whole) return whole;
  const words = sentence.split(" ");
  for (let i = 1; i < words.length; i++) {
    if (!/^(trong|truoc|cham nhat|den|tu|thuong xuyen|hang|dinh ky|quy|thang|nam|ngay)\b/.test(words.slice(i).join(" "))) continue;
    const p = parseFolded(words.slice(i).join(" "), defaultCadence, ctx);
    if (p) return p;
  }
  return undefined;
}

/** The first day of a dated period: a quarter's first month, a month's first day. */
function startOf(p: Parsed | undefined): Day | undefined {
  if (!p || !("dueOn" in p)) return undefined;
  const [y, mo] = p.dueOn.split("-").map(Number) as [number, number];
  if (p.kind === "QUARTER") return makeDay(y, mo - 2, 1);
  if (p.kind === "DATE" && p.dueOn === lastDayOfMonth(y, mo)) return makeDay(y, mo, 1);
  return undefined;
}

function yearOf(t: string): string | undefined {
  return /(\d{4})\s*$/.exec(t)?.[1];
}

export const DEADLINE_FORMS =
  '"15/12/2023", "trước ngày 15/12/2023", "Quý IV/2023", "6 tháng đầu năm 2023", "Năm 2023", "Tháng 12/2023", "Thường xuyên", "Năm 2025 và các năm tiếp theo", "Quý IV/2025 - Quý II/2026", "Hằng năm", "Định kỳ 06 tháng", "Khi có phát sinh"';
