// Words the interface shows, Vietnamese first.
import type { JobId } from "../domain/schedule.js";
import type { TaskStatus } from "../domain/status.js";
import type { Lang } from "../errors.js";

export const STATUS_LABELS: Record<TaskStatus, Record<Lang, string>> = {
  NOT_STARTED: { vi: "Chưa thực hiện", en: "Not started" },
  IN_PROGRESS: { vi: "Đang thực hiện trong hạn", en: "In progress, on time" },
  OVERDUE: { vi: "Quá hạn", en: "Overdue" },
  DONE_ON_TIME: { vi: "Hoàn thành đúng hạn", en: "Done on time" },
  DONE_LATE: { vi: "Hoàn thành quá hạn", en: "Done late" },
};

export const ROLE_LABELS = {
  LEAD: { vi: "Chủ trì", en: "Lead" },
  COOPERATING: { vi: "Phối hợp", en: "Cooperating" },
} as const;

/** Outside bodies by role (src/domain/outside-bodies.ts), as a label before their names. */
export const BODY_ROLE_LABELS = {
  COOPERATING: { vi: "Cơ quan phối hợp ngoài Sở", en: "Cooperating outside bodies" },
  REQUESTING: { vi: "Theo đề nghị của", en: "At the request of" },
  RECEIVING_REPORTS: { vi: "Nơi nhận báo cáo", en: "Reports go to" },
} as const;

/** "Theo đề nghị của: Viện nghiên cứu phát triển tỉnh", one line per role the task's outside bodies have. */
export function bodyLines(bodies: readonly { name: string; role: keyof typeof BODY_ROLE_LABELS; note?: string | undefined }[], lang: Lang): { label: string; names: string }[] {
  return (Object.keys(BODY_ROLE_LABELS) as (keyof typeof BODY_ROLE_LABELS)[])
    .map((role) => ({
      label: BODY_ROLE_LABELS[role][lang],
      names: bodies
        .filter((b) => b.role === role)
        .map((b) => (b.note ? `${b.name} (${b.note})` : b.name))
        .join("; "),
    }))
    .filter((l) => l.names !== "");
}

/** A task's target: "100% TTHC thuộc thẩm quyền giải quyết được công khai". */
export function targetText(t: { value: number; unit: string; of: string }, lang: Lang): string {
  const n = lang === "vi" ? String(t.value).replace(".", ",") : String(t.value);
  return `${n}${t.unit === "%" ? "%" : ` ${t.unit}`} ${t.of}`;
}

/** The scheduled jobs by what they send, never by their ids (shown to the Office). */
export const JOB_LABELS: Record<JobId, Record<Lang, string>> = {
  reminders: { vi: "Nhắc việc đầu tuần", en: "Monday reminders" },
  summaries: { vi: "Tổng kết tuần của đơn vị", en: "Unit weekly summaries" },
  digest: { vi: "Bản tin lãnh đạo", en: "Leadership digest" },
  "report-deadlines": { vi: "Nhắc hạn báo cáo định kỳ", en: "Report deadline reminders" },
};

export const UNIT_KIND_LABELS = {
  OFFICE: { vi: "Văn phòng", en: "Office" },
  DIVISION: { vi: "Phòng", en: "Division" },
  CENTER: { vi: "Trung tâm", en: "Centre" },
  OTHER: { vi: "Khác", en: "Other" },
} as const;

export const MEMBER_ROLE_LABELS = {
  STAFF: { vi: "Cán bộ", en: "Staff" },
  UNIT_LEAD: { vi: "Lãnh đạo đơn vị", en: "Unit lead" },
  OFFICE: { vi: "Văn phòng Sở", en: "Office" },
  LEADERSHIP: { vi: "Lãnh đạo Sở", en: "Leadership" },
  ADMIN: { vi: "Quản trị", en: "Admin" },
} as const;

export function percent(rate: number | null, lang: Lang): string {
  if (rate === null) return "—";
  const value = Math.round(rate * 1000) / 10;
  return `${lang === "vi" ? String(value).replace(".", ",") : value}%`;
}

// ---- Completion rates and reporting windows (src/domain/status.ts, reporting-window.ts) ----

/** The rates' names and their one definition line, shown wherever the rates are. */
export const RATE_LABELS = {
  done: { vi: "Tỷ lệ hoàn thành", en: "Completion rate" },
  onTime: { vi: "Tỷ lệ hoàn thành đúng hạn", en: "On-time completion rate" },
  definition: {
    vi: "Tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / số nhiệm vụ đến hạn; tỷ lệ hoàn thành đúng hạn = số nhiệm vụ hoàn thành đúng hạn / số nhiệm vụ đến hạn (nhiệm vụ đến hạn: đã hoàn thành hoặc quá hạn, kể cả nhiệm vụ thường xuyên chưa báo cáo kỳ đã qua).",
    en: "Completion rate = tasks done / tasks due by now; on-time completion rate = tasks done on time / tasks due by now (due by now: done or overdue, including ongoing tasks with a past window unreported).",
  },
} as const;

/** "7/16 (43,8%)": a rate with what it is made of. */
export function rateWithCounts(part: number, whole: number, rate: number | null, lang: Lang): string {
  return rate === null ? "—" : `${percent(rate, lang)} (${part}/${whole})`;
}

const ROMAN = ["I", "II", "III", "IV"] as const;

/**
 * A reporting period by its key, as a report's name says it: "quý III/2023",
 * "6 tháng đầu năm 2023", "năm 2023", "tháng 8/2023", "tuần 38/2023".
 */
export function periodName(key: string, lang: Lang): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) return lang === "vi" ? `quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(key))) {
    return lang === "vi" ? `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}` : `the ${m[2] === "1" ? "first" : "second"} half of ${m[1]}`;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(key))) return lang === "vi" ? `tuần ${Number(m[2])}/${m[1]}` : `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) return lang === "vi" ? `tháng ${Number(m[2])}/${m[1]}` : `${m[1]}-${m[2]}`;
  if (/^\d{4}$/.test(key)) return lang === "vi" ? `năm ${key}` : key;
  return key;
}

/** "chưa báo cáo quý III/2023": why an ongoing task is overdue. */
export function missingReportText(key: string, lang: Lang): string {
  return lang === "vi" ? `chưa báo cáo ${periodName(key, lang)}` : `no report for ${periodName(key, lang)}`;
}

/** The points an imported plan flags for review, as the CLI, the Slack preview and the review form name them. */
export const IMPORT_FLAG_LABELS = {
  NO_LEAD: { vi: "chưa có đơn vị chủ trì (tạm giao cơ quan ban hành)", en: "no lead unit (given to the issuer for now)" },
  LEAD_GUESSED: { vi: "chủ trì suy ra từ chủ ngữ của câu", en: "lead guessed from the sentence subject" },
  DUE_UNKNOWN: { vi: "thời hạn chưa hiểu được", en: "deadline not understood" },
  NO_DUE: { vi: "văn bản không ghi thời hạn", en: "no deadline in the document" },
  NEW_BODY: { vi: "cơ quan chưa có trong danh sách đơn vị", en: "body not among the units" },
  LEAD_ALSO_COOPERATING: { vi: "cơ quan vừa chủ trì vừa phối hợp (giữ ở chủ trì)", en: "body named to lead and to cooperate (kept as lead)" },
  STATED_TWICE: { vi: "nhiệm vụ ghi hai lần trong văn bản (giữ một)", en: "task stated twice in the document (keep one)" },
  LABELS_SHARED: {
    vi: "chủ trì, phối hợp, thời gian ghi một lần sau ý cuối của mục, đọc là của cả mục",
    en: "lead, cooperating and deadline written once after a heading's last item, read as the whole heading's",
  },
  NUMBER_SKIPPED: {
    vi: "mục đánh số bỏ cách (không có số trước nó), chủ trì lấy theo đề mục trên có thể không phải của mục",
    en: "item numbered past a missing number; the lead taken from the heading above may not be its own",
  },
  HEADER: { vi: "thiếu thông tin đầu văn bản", en: "header field missing" },
  SECTION_SKIPPED: { vi: "mục không đọc thành nhiệm vụ", en: "section not read as tasks" },
} as const satisfies Record<string, Record<Lang, string>>;
