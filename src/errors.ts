// The one error type of dondoc. Each code maps to a message in Vietnamese and
// English that says what went wrong and what to do next; listeners and the CLI
// show both, Vietnamese first.

/** `details`, when present, is an itemised list shown once after the message. */
type Params = Record<string, string | number>;
type Text = (p: Params) => string;

const messages = {
  DB_LOCKED: {
    vi: (p) => `Thư mục dữ liệu ${p.dir} đang được một tiến trình dondoc khác sử dụng. Hãy dừng tiến trình đó (hoặc dùng PostgreSQL qua DATABASE_URL) rồi thử lại.`,
    en: (p) => `The data directory ${p.dir} is in use by another dondoc process. Stop that process (or use PostgreSQL via DATABASE_URL) and try again.`,
  },
  DB_UNAVAILABLE: {
    vi: (p) => `Không kết nối được cơ sở dữ liệu (${p.reason}). Kiểm tra DATABASE_URL và máy chủ PostgreSQL.`,
    en: (p) => `Cannot reach the database (${p.reason}). Check DATABASE_URL and the PostgreSQL server.`,
  },
  MIGRATION_FAILED: {
    vi: (p) => `Không áp dụng được bản cập nhật cơ sở dữ liệu ${p.name}: ${p.reason}. Không có thay đổi nào được ghi.`,
    en: (p) => `Could not apply database migration ${p.name}: ${p.reason}. Nothing was written.`,
  },
  MIGRATION_MODIFIED: {
    vi: (p) => `Bản cập nhật ${p.name} đã được áp dụng nhưng tệp đã bị sửa sau đó. Hãy khôi phục tệp và tạo bản cập nhật mới thay vì sửa bản cũ.`,
    en: (p) => `Migration ${p.name} was applied but its file has changed since. Restore the file and add a new migration instead of editing an old one.`,
  },
  FILE_NOT_FOUND: {
    vi: (p) => `Không tìm thấy tệp ${p.file}. Kiểm tra lại đường dẫn.`,
    en: (p) => `File ${p.file} not found. Check the path.`,
  },
  FILE_NOT_UTF8: {
    vi: (p) => `Tệp ${p.file} không phải văn bản UTF-8 (byte lỗi ở vị trí ${p.offset}). Hãy lưu lại tệp với mã hóa UTF-8.`,
    en: (p) => `File ${p.file} is not UTF-8 text (bad byte at offset ${p.offset}). Save it again as UTF-8.`,
  },
  YAML_SYNTAX: {
    vi: (p) => `${p.file}:${p.line}:${p.col}: lỗi cú pháp YAML: ${p.reason}. Kiểm tra thụt lề và dấu hai chấm ở dòng này.`,
    en: (p) => `${p.file}:${p.line}:${p.col}: YAML syntax error: ${p.reason}. Check indentation and colons on this line.`,
  },
  FILE_INVALID: {
    vi: (p) => `Tệp ${p.file} có ${p.count} lỗi, chưa ghi gì vào cơ sở dữ liệu:`,
    en: (p) => `File ${p.file} has ${p.count} error(s); nothing was written:`,
  },
  PLAN_NOT_FOUND: {
    vi: (p) => `Không có kế hoạch số "${p.number}". Xem danh sách bằng \`dondoc plan list\`.`,
    en: (p) => `No plan numbered "${p.number}". See \`dondoc plan list\`.`,
  },
  PLAN_AMBIGUOUS: {
    vi: (p) => `Có nhiều kế hoạch khớp với "${p.number}": ${p.matches}. Hãy ghi đầy đủ số kế hoạch.`,
    en: (p) => `Several plans match "${p.number}": ${p.matches}. Give the full plan number.`,
  },
  NO_PLANS: {
    vi: () => `Chưa có kế hoạch nào. Nạp kế hoạch bằng \`dondoc plan import TỆP\`.`,
    en: () => `No plans yet. Load one with \`dondoc plan import FILE\`.`,
  },
  UNIT_NOT_FOUND: {
    vi: (p) => `Không có đơn vị "${p.unit}". Xem danh sách bằng \`dondoc units list\`.`,
    en: (p) => `No unit "${p.unit}". See \`dondoc units list\`.`,
  },
  ORG_MISSING: {
    vi: () => `Chưa có cơ cấu tổ chức. Nạp trước bằng \`dondoc org import TỆP\` rồi mới nạp kế hoạch.`,
    en: () => `No organisation yet. Load it first with \`dondoc org import FILE\`, then the plan.`,
  },
  TASK_NOT_FOUND: {
    vi: (p) => `Không có nhiệm vụ mã "${p.code}". Xem mã nhiệm vụ bằng \`/kehoach viec\`.`,
    en: (p) => `No task with code "${p.code}". See task codes with \`/kehoach tasks\`.`,
  },
  NOT_REGISTERED: {
    vi: () => `Bạn chưa có trong danh sách thành viên của dondoc. Vui lòng liên hệ Văn phòng Sở để được thêm vào đơn vị.`,
    en: () => `You are not registered in dondoc yet. Please ask the Office to add you to your unit.`,
  },
  FORBIDDEN_REPORT: {
    vi: (p) => `Đơn vị của bạn không chủ trì hay phối hợp nhiệm vụ ${p.code}, nên không báo cáo được. Nếu phân công đã thay đổi, hãy báo Văn phòng Sở.`,
    en: (p) => `Your unit neither leads nor cooperates on task ${p.code}, so you cannot report on it. If the assignment changed, tell the Office.`,
  },
  FORBIDDEN_MANAGE: {
    vi: () => `Chỉ Văn phòng Sở và quản trị viên được quản lý thành viên và kênh của đơn vị.`,
    en: () => `Only the Office and administrators can manage members and unit channels.`,
  },
  NO_UNIT: {
    vi: () => `Bạn chưa thuộc đơn vị nào. Hãy ghi tên đơn vị, ví dụ \`/kehoach viec GDNN\`, hoặc nhờ Văn phòng Sở thêm bạn vào đơn vị.`,
    en: () => `You do not belong to a unit. Name one, e.g. \`/kehoach tasks GDNN\`, or ask the Office to add you to a unit.`,
  },
  BAD_ARGUMENT: {
    vi: (p) => `${p.vi} Cách dùng: \`${p.usage}\``,
    en: (p) => `${p.en} Usage: \`${p.usage}\``,
  },
  SLACK_UNAVAILABLE: {
    vi: () => `Slack đang bận hoặc không phản hồi; dữ liệu của bạn đã được lưu. Vui lòng thử lại sau ít phút.`,
    en: () => `Slack is busy or not answering; your data was saved. Please try again in a few minutes.`,
  },
  // The consolidated report (dondoc report build).
  REPORT_PERIOD_INVALID: {
    vi: (p) => `"${p.period}" không phải kỳ báo cáo. Dùng một trong các dạng: ${p.forms}.`,
    en: (p) => `"${p.period}" is not a reporting period. Use one of: ${p.forms}.`,
  },
  REPORT_PERIOD_NOT_COVERED: {
    vi: (p) => `Kế hoạch số ${p.number} thực hiện từ ${p.from} đến ${p.to}, không có trong kỳ ${p.period} (số liệu từ ${p.start} đến ${p.end}). Đề nghị chọn kỳ báo cáo trong thời gian thực hiện kế hoạch.`,
    en: (p) => `Plan ${p.number} runs from ${p.from} to ${p.to}, outside ${p.period} (data from ${p.start} to ${p.end}). Choose a period within the plan.`,
  },
  REPORT_DATE_BEFORE_WINDOW: {
    vi: (p) => `Ngày báo cáo ${p.date} trước ngày bắt đầu lấy số liệu của kỳ ${p.period} (${p.start}). Đề nghị ghi ngày báo cáo từ ngày ${p.start} trở đi (--at).`,
    en: (p) => `The report's date ${p.date} is before ${p.period}'s data window starts (${p.start}). Give a date from ${p.start} on (--at).`,
  },
  REPORT_NO_REPORTS: {
    vi: (p) => `Kế hoạch số ${p.number} chưa có báo cáo tiến độ nào đến ngày ${p.date}, nên chưa có số liệu để lập báo cáo. Đề nghị các đơn vị báo cáo (/kehoach baocao) rồi lập lại.`,
    en: (p) => `Plan ${p.number} has no progress reports up to ${p.date}, so there is nothing to report yet. Ask the units to report (/kehoach report) and build it again.`,
  },
  REPORT_OUT_UNWRITABLE: {
    vi: (p) => `Không ghi được báo cáo vào thư mục ${p.dir} (${p.reason}). Không có tệp nào được tạo; đề nghị kiểm tra thư mục và quyền ghi rồi thử lại.`,
    en: (p) => `Cannot write the report to ${p.dir} (${p.reason}). No file was created; check the folder and its permissions and try again.`,
  },
  // Start-up against Slack (src/slack/start-up.ts).
  SLACK_TOKEN_INVALID: {
    vi: (p) => `Slack không chấp nhận ${p.variable} (${p.error}). Đề nghị kiểm tra lại giá trị ${p.variable} trong cấu hình (mã lấy từ trang quản lý ứng dụng Slack, có thể đã bị thu hồi hoặc cài lại) rồi khởi động lại dondoc.`,
    en: (p) => `Slack does not accept ${p.variable} (${p.error}). Check the value of ${p.variable} in the configuration (from the Slack app's settings page; it may have been revoked or the app reinstalled), then restart dondoc.`,
  },
  SLACK_UNREACHABLE_RETRY: {
    vi: (p) => `Chưa kết nối được Slack (${p.reason}), lần thử ${p.attempt}; sẽ thử lại sau ${p.seconds} giây.`,
    en: (p) => `Cannot reach Slack yet (${p.reason}), attempt ${p.attempt}; retrying in ${p.seconds} s.`,
  },
  INTERNAL: {
    vi: (p) => `Đã có lỗi không mong muốn (${p.ref}). Dữ liệu không bị thay đổi; hãy thử lại hoặc báo cho quản trị viên kèm mã này.`,
    en: (p) => `Something unexpected went wrong (${p.ref}). No data was changed; try again or tell an administrator this reference.`,
  },
} satisfies Record<string, { vi: Text; en: Text }>;

export type ErrorCode = keyof typeof messages;
export type Lang = "vi" | "en";

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(messages[code].en(params), options);
  }

  /** The message in one language, followed by the itemised details if any. */
  text(lang: Lang): string {
    const details = this.params.details;
    return `${messages[this.code][lang](this.params)}${details ? `\n${details}` : ""}`;
  }

  /** Both languages, Vietnamese first, details once: what the CLI prints. */
  bilingual(): string {
    const details = this.params.details;
    return `${messages[this.code].vi(this.params)}\n${messages[this.code].en(this.params)}${details ? `\n${details}` : ""}`;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
