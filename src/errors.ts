// The one error type of dondoc and its one catalogue. Each code maps to a
// message in Vietnamese and English, in the administrative register
// (docs/glossary.md: "đồng chí", "đề nghị", never "bạn"), that says what went
// wrong and what to do next. What to do can depend on where the message is
// read: an operator at the command line may be pointed to a dondoc command
// (`hint.cli`), a Slack user never is, and may be pointed to a /kehoach
// subcommand instead (`hint.slack`).

type Params = Record<string, string | number>;
type Text = (p: Params) => string;
type Entry = { vi: Text; en: Text; hint?: Partial<Record<Surface, { vi: Text; en: Text }>> };

/** Where a message is read: in Slack (and the local workspace) or at the command line. */
export type Surface = "slack" | "cli";

/** One line of an itemised list after the message: the same in both languages, or worded in each (and, optionally, in both at once). */
export type Detail = string | { vi: string; en: string; both?: string };

/** "Đồng chí không có quyền …": what the person may not do, and who may. */
const forbidden = (vi: Text, en: Text): Entry => ({
  vi: (p) => `Đồng chí không có quyền ${vi(p)}. Nếu cần, đề nghị liên hệ Văn phòng Sở.`,
  en: (p) => `You are not allowed to ${en(p)}. If you need to, please contact the Office.`,
});

/** "Đề nghị đồng chí nhập …": a text the form needs. */
const required = (vi: string, en: string): Entry => ({ vi: () => `Đề nghị đồng chí nhập ${vi}.`, en: () => `Please enter ${en}.` });

const messages = {
  DB_LOCKED: {
    vi: (p) => `Thư mục dữ liệu ${p.dir} đang được một tiến trình dondoc khác sử dụng. Đề nghị dừng tiến trình đó (hoặc dùng PostgreSQL qua DATABASE_URL) rồi thử lại.`,
    en: (p) => `The data directory ${p.dir} is in use by another dondoc process. Stop that process (or use PostgreSQL via DATABASE_URL) and try again.`,
  },
  DB_IN_USE: {
    vi: (p) =>
      `Cơ sở dữ liệu nhúng ${p.dir} đang được tiến trình ${p.pid} (máy ${p.host}, từ ${p.since}) sử dụng. Đề nghị đồng chí dừng tiến trình đó rồi chạy lại lệnh, hoặc dùng PostgreSQL (DATABASE_URL). Nếu chắc chắn tiến trình đó không còn chạy, xóa tệp ${p.dir}.pid.`,
    en: (p) =>
      `The embedded database ${p.dir} is in use by process ${p.pid} (host ${p.host}, since ${p.since}). Please stop that process and run the command again, or use PostgreSQL (DATABASE_URL). If you are sure that process is gone, delete ${p.dir}.pid.`,
  },
  DB_UNAVAILABLE: {
    vi: (p) => `Không kết nối được cơ sở dữ liệu (${p.reason}). Đề nghị đồng chí kiểm tra máy chủ PostgreSQL và biến DATABASE_URL, rồi chạy lại lệnh.`,
    en: (p) => `Cannot reach the database (${p.reason}). Please check the PostgreSQL server and DATABASE_URL, then run the command again.`,
  },
  // Backup and restore (dondoc db backup / restore).
  BACKUP_BAD_FILE: {
    vi: (p) => `Tệp ${p.file} không phải bản sao lưu dondoc hoàn chỉnh (${p.reason}). Không có gì được ghi; đề nghị đồng chí dùng một bản sao lưu hoàn chỉnh của dondoc.`,
    en: (p) => `File ${p.file} is not a complete dondoc backup (${p.reason}). Nothing was written; please use a complete dondoc backup.`,
    hint: { cli: { vi: () => `Bản sao lưu do \`dondoc db backup\` tạo ra.`, en: () => `One made by \`dondoc db backup\`.` } },
  },
  BACKUP_SCHEMA_MISMATCH: {
    vi: (p) =>
      `Bản sao lưu ${p.file} thuộc phiên bản cấu trúc khác (${p.theirs}, cơ sở dữ liệu này: ${p.ours}). Không có gì được ghi; đề nghị đồng chí khôi phục bằng phiên bản dondoc đã tạo bản sao lưu, rồi nâng cấp.`,
    en: (p) =>
      `Backup ${p.file} has another schema version (${p.theirs}; this database: ${p.ours}). Nothing was written; please restore it with the dondoc version that made it, then upgrade.`,
  },
  BACKUP_FAILED: {
    vi: (p) => `Không sao lưu được: ${p.reasonVi}. Không có tệp nào được ghi; đề nghị đồng chí chạy lại lệnh.`,
    en: (p) => `The backup failed: ${p.reasonEn}. No file was written; please run the command again.`,
  },
  RESTORE_BOT_RUNNING: {
    vi: (p) =>
      `Không khôi phục được khi dondoc đang chạy trên cơ sở dữ liệu nhúng ${p.dir} (tiến trình ${p.pid}): khôi phục thay toàn bộ dữ liệu mà dondoc đang dùng. Không có gì được ghi. Đề nghị đồng chí dừng dondoc, chạy lại lệnh, rồi khởi động lại dondoc.`,
    en: (p) =>
      `Cannot restore while dondoc runs on the embedded database ${p.dir} (process ${p.pid}): a restore replaces all the data dondoc is using. Nothing was written. Please stop dondoc, run the command again, then start dondoc again.`,
    hint: { cli: { vi: () => `(Sao lưu thì không cần dừng: \`dondoc db backup\`.)`, en: () => `(A backup needs no stop: \`dondoc db backup\`.)` } },
  },
  RESTORE_NOT_EMPTY: {
    vi: (p) => `Cơ sở dữ liệu đích đã có dữ liệu (${p.tables}). Không có gì được ghi; nếu đồng chí muốn thay toàn bộ dữ liệu hiện có bằng bản sao lưu, chạy lại với --force.`,
    en: (p) => `The target database already has data (${p.tables}). Nothing was written; to replace all of it with the backup, run again with --force.`,
  },
  // Scheduled jobs run from the command line.
  JOB_INTERRUPTED: {
    vi: (p) =>
      `Việc "${p.jobVi}" kỳ ${p.periodVi} dừng giữa chừng vì mất kết nối cơ sở dữ liệu (${p.reason}); đã gửi ${p.sent} tin. Đề nghị đồng chí chạy lại lệnh khi cơ sở dữ liệu hoạt động trở lại: tin đã gửi không bị gửi lại.`,
    en: (p) =>
      `Job "${p.jobEn}" for ${p.periodEn} stopped part-way because the database connection was lost (${p.reason}); ${p.sent} message(s) were sent. Please run the command again once the database is back: nothing already sent will be sent again.`,
  },
  JOB_CLAIMS_PENDING: {
    vi: (p) =>
      `Còn ${p.count} tin của việc "${p.jobVi}" kỳ ${p.periodVi} đang ở trạng thái "đang gửi" do một lần chạy trước (${p.by}, lúc ${p.claimedAt} theo giờ của lần chạy đó) chưa kết thúc; dondoc chưa gửi lại để tránh gửi trùng. Đề nghị đồng chí kiểm tra lần chạy đó đã dừng, rồi chạy lại với --at "${p.retryAt}" hoặc muộn hơn: dondoc sẽ tìm các tin này trong lịch sử kênh trước khi gửi.`,
    en: (p) =>
      `${p.count} message(s) of job "${p.jobEn}" for ${p.periodEn} are still "sending" from an earlier run (${p.by}, at ${p.claimedAt} by that run's clock) that did not finish; dondoc has not resent them, to avoid duplicates. Please make sure that run has stopped, then run again with --at "${p.retryAt}" or later: dondoc will look for these messages in the channel history before sending.`,
  },
  MIGRATION_FAILED: {
    vi: (p) => `Không áp dụng được bản cập nhật cơ sở dữ liệu ${p.name}: ${p.reason}. Không có thay đổi nào được ghi.`,
    en: (p) => `Could not apply database migration ${p.name}: ${p.reason}. Nothing was written.`,
  },
  MIGRATION_MODIFIED: {
    vi: (p) => `Bản cập nhật ${p.name} đã được áp dụng nhưng tệp đã bị sửa sau đó. Đề nghị khôi phục tệp và tạo bản cập nhật mới thay vì sửa bản cũ.`,
    en: (p) => `Migration ${p.name} was applied but its file has changed since. Restore the file and add a new migration instead of editing an old one.`,
  },
  FILE_NOT_FOUND: {
    vi: (p) => `Không tìm thấy tệp ${p.file}. Đề nghị kiểm tra lại đường dẫn.`,
    en: (p) => `File ${p.file} not found. Check the path.`,
  },
  FILE_NOT_UTF8: {
    vi: (p) => `Tệp ${p.file} không phải văn bản UTF-8 (byte lỗi ở vị trí ${p.offset}). Đề nghị lưu lại tệp với mã hóa UTF-8.`,
    en: (p) => `File ${p.file} is not UTF-8 text (bad byte at offset ${p.offset}). Save it again as UTF-8.`,
  },
  YAML_SYNTAX: {
    vi: (p) => `${p.file}:${p.line}:${p.col}: lỗi cú pháp YAML: ${p.reason}. Đề nghị kiểm tra thụt lề và dấu hai chấm ở dòng này.`,
    en: (p) => `${p.file}:${p.line}:${p.col}: YAML syntax error: ${p.reason}. Check indentation and colons on this line.`,
  },
  FILE_INVALID: {
    vi: (p) => `Tệp ${p.file} có ${p.count} lỗi, chưa ghi gì vào cơ sở dữ liệu:`,
    en: (p) => `File ${p.file} has ${p.count} error(s); nothing was written:`,
  },
  PLAN_NOT_FOUND: {
    vi: (p) => `Không có kế hoạch số "${p.number}". Đề nghị đồng chí kiểm tra lại số kế hoạch.`,
    en: (p) => `No plan numbered "${p.number}". Please check the plan number.`,
    hint: { cli: { vi: () => `Danh sách kế hoạch: \`dondoc plan list\`.`, en: () => `The plans: \`dondoc plan list\`.` } },
  },
  PLAN_AMBIGUOUS: {
    vi: (p) => `Có nhiều kế hoạch khớp với "${p.number}": ${p.matches}. Đề nghị ghi đầy đủ số kế hoạch.`,
    en: (p) => `Several plans match "${p.number}": ${p.matches}. Give the full plan number.`,
  },
  NO_PLANS: {
    vi: () => `Chưa có kế hoạch nào trong dondoc. Đề nghị Văn phòng Sở nạp kế hoạch.`,
    en: () => `No plans in dondoc yet. The Office is to load one.`,
    hint: { cli: { vi: () => `Nạp kế hoạch: \`dondoc plan import TỆP\`.`, en: () => `Load one with \`dondoc plan import FILE\`.` } },
  },
  UNIT_NOT_FOUND: {
    vi: (p) => `Không có đơn vị "${p.unit}". Đề nghị ghi mã, tên hoặc tên gọi khác của đơn vị, ví dụ GDNN.`,
    en: (p) => `No unit "${p.unit}". Give the unit's code, name or another of its names, e.g. GDNN.`,
    hint: {
      slack: { vi: () => `Danh sách đơn vị: \`/kehoach donvi\`.`, en: () => `The units: \`/kehoach units\`.` },
      cli: { vi: () => `Danh sách đơn vị: \`dondoc units list\`.`, en: () => `The units: \`dondoc units list\`.` },
    },
  },
  ORG_MISSING: {
    vi: () => `Chưa có cơ cấu tổ chức. Đề nghị nạp cơ cấu tổ chức trước rồi mới nạp kế hoạch.`,
    en: () => `No organisation yet. Load the organisation first, then the plan.`,
    hint: { cli: { vi: () => `Nạp cơ cấu tổ chức: \`dondoc org import TỆP\`.`, en: () => `Load it with \`dondoc org import FILE\`.` } },
  },
  TASK_NOT_FOUND: {
    vi: (p) => `Không có nhiệm vụ mã "${p.code}". Đề nghị đồng chí kiểm tra lại mã nhiệm vụ.`,
    en: (p) => `No task with code "${p.code}". Please check the task code.`,
    hint: {
      slack: { vi: () => `Mã nhiệm vụ của đơn vị: \`/kehoach viec\`.`, en: () => `Your unit's task codes: \`/kehoach tasks\`.` },
      cli: { vi: () => `Mã nhiệm vụ: \`dondoc plan show SỐ\`.`, en: () => `Task codes: \`dondoc plan show NUMBER\`.` },
    },
  },
  NOT_REGISTERED: {
    vi: () => `Đồng chí chưa có trong danh sách thành viên của dondoc. Đề nghị đồng chí liên hệ Văn phòng Sở để được thêm vào đơn vị.`,
    en: () => `You are not registered in dondoc yet. Please ask the Office to add you to your unit.`,
  },
  FORBIDDEN_REPORT: {
    vi: (p) => `Đơn vị của đồng chí không chủ trì hay phối hợp nhiệm vụ ${p.code}, nên không báo cáo được. Nếu phân công đã thay đổi, đề nghị đồng chí báo Văn phòng Sở.`,
    en: (p) => `Your unit neither leads nor cooperates on task ${p.code}, so you cannot report on it. If the assignment changed, please tell the Office.`,
  },
  FORBIDDEN_MANAGE: {
    vi: () => `Chỉ Văn phòng Sở và quản trị viên được quản lý thành viên và kênh của đơn vị.`,
    en: () => `Only the Office and administrators can manage members and unit channels.`,
  },
  NO_UNIT: {
    vi: () => `Đồng chí chưa thuộc đơn vị nào. Đề nghị ghi tên đơn vị, ví dụ \`/kehoach viec GDNN\`, hoặc đề nghị Văn phòng Sở thêm đồng chí vào đơn vị.`,
    en: () => `You do not belong to a unit. Name one, e.g. \`/kehoach tasks GDNN\`, or ask the Office to add you to a unit.`,
  },
  SLACK_UNAVAILABLE: {
    vi: () => `Slack đang bận hoặc không phản hồi; dữ liệu của đồng chí đã được lưu. Đề nghị đồng chí thử lại sau ít phút.`,
    en: () => `Slack is busy or not answering; your data was saved. Please try again in a few minutes.`,
  },
  // ---- Arguments: of /kehoach subcommands and of the command line ----
  DATE_INVALID: {
    // "does not exist" (31/02/2024) is said as such, not as a wrong format.
    vi: (p) =>
      p.exists === "no"
        ? `Ngày ${p.value}${p.option ? ` (${p.option})` : ""} không có trong lịch. Đề nghị ghi một ngày có thật theo dạng dd/mm/yyyy, ví dụ 30/09/2023.`
        : `"${p.value}"${p.option ? ` (${p.option})` : ""} không phải một ngày theo dạng dd/mm/yyyy. Đề nghị ghi ngày theo dạng dd/mm/yyyy, ví dụ 30/09/2023.`,
    en: (p) =>
      p.exists === "no"
        ? `${p.value}${p.option ? ` (${p.option})` : ""} is not a day of the calendar. Give a real day as dd/mm/yyyy, e.g. 30/09/2023.`
        : `"${p.value}"${p.option ? ` (${p.option})` : ""} is not a date as dd/mm/yyyy. Give the date as dd/mm/yyyy, e.g. 30/09/2023.`,
  },
  MOMENT_INVALID: {
    vi: (p) => `"${p.value}" không phải thời điểm theo dạng "dd/mm/yyyy HH:MM" (giờ Việt Nam). Đề nghị ghi ví dụ "18/09/2023 08:00".`,
    en: (p) => `"${p.value}" is not a moment as "dd/mm/yyyy HH:MM" (Vietnam time). Give e.g. "18/09/2023 08:00".`,
  },
  CHANNEL_INVALID: {
    vi: (p) => `"${p.value}" không phải kênh Slack. Đề nghị ghi #tên-kênh hoặc mã kênh, ví dụ: \`${p.usage}\``,
    en: (p) => `"${p.value}" is not a Slack channel. Give a #channel-name or a channel id, e.g. \`${p.usage}\``,
  },
  CHANNEL_ARGS_MISSING: {
    vi: (p) => `Chưa ghi đơn vị và kênh. Đề nghị ghi theo mẫu: \`${p.usage}\``,
    en: (p) => `The unit and the channel are missing. Write it as: \`${p.usage}\``,
  },
  SLACK_USER_INVALID: {
    vi: (p) => `"${p.value}" không phải mã người dùng Slack (dạng U0123ABCD). Đề nghị ghi theo mẫu: \`${p.usage}\``,
    en: (p) => `"${p.value}" is not a Slack user id (like U0123ABCD). Write it as: \`${p.usage}\``,
  },
  MENTION_MISSING: {
    vi: (p) => `Chưa nhắc tên người cần thêm hoặc ngừng. Đề nghị nhắc tên bằng @, theo mẫu: \`${p.usage}\``,
    en: (p) => `Nobody is mentioned. Mention the person with @, as in: \`${p.usage}\``,
  },
  MEMBER_UNIT_MISSING: {
    vi: (p) => `Chưa ghi đơn vị của thành viên. Đề nghị ghi theo mẫu: \`${p.usage}\``,
    en: (p) => `The member's unit is missing. Write it as: \`${p.usage}\``,
  },
  MEMBER_NOT_FOUND: {
    vi: (p) => `${p.user} chưa là thành viên của dondoc, nên không có gì để ngừng.`,
    en: (p) => `${p.user} is not a member of dondoc, so there is nothing to deactivate.`,
  },
  ROLE_UNKNOWN: {
    vi: (p) => `Không có vai trò "${p.role}". Đề nghị chọn một trong: ${p.roles}.`,
    en: (p) => `No role "${p.role}". Choose one of: ${p.roles}.`,
  },
  MEMBERS_ACTION_UNKNOWN: {
    vi: (p) => `Không có thao tác "${p.action}". Đề nghị dùng theo mẫu: \`${p.usage}\``,
    en: (p) => `No action "${p.action}". Use it as: \`${p.usage}\``,
  },
  TASK_CODE_MISSING: {
    vi: (p) => `Chưa ghi mã nhiệm vụ. Đề nghị ghi theo mẫu: \`${p.usage}\``,
    en: (p) => `The task code is missing. Write it as: \`${p.usage}\``,
  },
  OBSTACLE_INCOMPLETE: {
    vi: (p) => `Chưa ghi đủ mã nhiệm vụ và nội dung khó khăn, vướng mắc. Đề nghị ghi theo mẫu: \`${p.usage}\``,
    en: (p) => `Give the task code and what the obstacle is, as in: \`${p.usage}\``,
  },
  LANGUAGE_INVALID: {
    vi: (p) => `Chưa chọn ngôn ngữ. Đề nghị chọn vi (tiếng Việt) hoặc en (tiếng Anh), ví dụ: \`${p.usage}\``,
    en: (p) => `No language chosen. Choose vi (Vietnamese) or en (English), e.g. \`${p.usage}\``,
  },
  BUTTON_INVALID: {
    vi: () => `Nút này không còn dùng được. Đề nghị đồng chí mở lại danh sách hoặc tin nhắn rồi thử lại.`,
    en: () => `This button can no longer be used. Please open the list or the message again and try again.`,
  },
  JOB_UNKNOWN: {
    vi: (p) => `Không có việc định kỳ "${p.job}". Đề nghị chọn một trong: ${p.jobs}.`,
    en: (p) => `No scheduled job "${p.job}". Choose one of: ${p.jobs}.`,
  },
  SLACK_NOT_CONFIGURED: {
    vi: (p) => `Chưa cấu hình Slack (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET), nên không gửi được tin. Đề nghị cấu hình Slack, hoặc xem trước các tin bằng: \`${p.usage}\``,
    en: (p) => `Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET), so nothing can be sent. Configure Slack, or preview the messages with: \`${p.usage}\``,
  },
  CONFIG_INVALID: {
    vi: (p) => `Cấu hình không hợp lệ (${p.count} biến môi trường). Đề nghị sửa các biến dưới đây rồi khởi động lại:`,
    en: (p) => `Invalid configuration (${p.count} environment variable(s)). Correct the variables below and start again:`,
  },
  // The consolidated report (dondoc report build).
  REPORT_PERIOD_INVALID: {
    vi: (p) => `"${p.period}" không phải kỳ báo cáo. Dùng một trong các dạng: ${p.forms}.`,
    en: (p) => `"${p.period}" is not a reporting period. Use one of: ${p.forms}.`,
  },
  REPORT_PERIOD_NOT_COVERED: {
    vi: (p) =>
      `Kế hoạch số ${p.number} thực hiện từ ${p.from} đến ${p.to}, không có trong kỳ ${p.period} (số liệu từ ${p.start} đến ${p.end}). Đề nghị chọn kỳ báo cáo trong thời gian thực hiện kế hoạch.`,
    en: (p) => `Plan ${p.number} runs from ${p.from} to ${p.to}, outside ${p.period} (data from ${p.start} to ${p.end}). Choose a period within the plan.`,
  },
  REPORT_DATE_BEFORE_WINDOW: {
    vi: (p) => `Ngày báo cáo ${p.date} trước ngày bắt đầu lấy số liệu của kỳ ${p.period} (${p.start}). Đề nghị ghi ngày báo cáo từ ngày ${p.start} trở đi (--at).`,
    en: (p) => `The report's date ${p.date} is before ${p.period}'s data window starts (${p.start}). Give a date from ${p.start} on (--at).`,
  },
  REPORT_NO_REPORTS: {
    vi: (p) =>
      `Kế hoạch số ${p.number} chưa có báo cáo tiến độ nào đến ngày ${p.date}, nên chưa có số liệu để lập báo cáo. Đề nghị các đơn vị báo cáo (/kehoach baocao) rồi lập lại.`,
    en: (p) => `Plan ${p.number} has no progress reports up to ${p.date}, so there is nothing to report yet. Ask the units to report (/kehoach report) and build it again.`,
  },
  REPORT_OUT_UNWRITABLE: {
    vi: (p) => `Không ghi được báo cáo vào thư mục ${p.dir} (${p.reason}). Không có tệp nào được tạo; đề nghị kiểm tra thư mục và quyền ghi rồi thử lại.`,
    en: (p) => `Cannot write the report to ${p.dir} (${p.reason}). No file was created; check the folder and its permissions and try again.`,
  },
  // Start-up against Slack (src/slack/start-up.ts).
  SLACK_TOKEN_INVALID: {
    vi: (p) =>
      `Slack không chấp nhận ${p.variable} (${p.error}). Đề nghị kiểm tra lại giá trị ${p.variable} trong cấu hình (mã lấy từ trang quản lý ứng dụng Slack, có thể đã bị thu hồi hoặc cài lại) rồi khởi động lại dondoc.`,
    en: (p) =>
      `Slack does not accept ${p.variable} (${p.error}). Check the value of ${p.variable} in the configuration (from the Slack app's settings page; it may have been revoked or the app reinstalled), then restart dondoc.`,
  },
  SLACK_UNREACHABLE_RETRY: {
    vi: (p) => `Chưa kết nối được Slack (${p.reason}), lần thử ${p.attempt}; sẽ thử lại sau ${p.seconds} giây.`,
    en: (p) => `Cannot reach Slack yet (${p.reason}), attempt ${p.attempt}; retrying in ${p.seconds} s.`,
  },
  // Importing a plan from its official document (dondoc plan import-doc).
  DOC_TOO_LARGE: {
    vi: (p) => `Tệp ${p.file} có dung lượng ${p.size} MB, vượt giới hạn ${p.max} MB nên không được đọc. Đề nghị đồng chí tách phụ lục hoặc nén lại tệp rồi thử lại.`,
    en: (p) => `File ${p.file} is ${p.size} MB, over the ${p.max} MB limit, so it was not read. Split off the appendices or compress the file and try again.`,
  },
  DOC_TOO_MUCH_TEXT: {
    vi: (p) =>
      `Tệp ${p.file} chứa ${p.atLeast ? "hơn " : ""}${p.chars} ký tự, vượt giới hạn ${p.max} ký tự (khoảng 1.500 trang) của một kế hoạch nên không được đọc. Đề nghị đồng chí kiểm tra lại tệp, hoặc tách phụ lục ra tệp riêng.`,
    en: (p) =>
      `File ${p.file} holds ${p.atLeast ? "more than " : ""}${p.chars} characters, over the ${p.max}-character limit (about 1,500 pages) of a plan, so it was not read. Check the file, or split the appendices into a file of their own.`,
  },
  DOC_UNSUPPORTED: {
    vi: (p) => `Không đọc được tệp ${p.file}: định dạng ${p.format} chưa được hỗ trợ. Đề nghị đồng chí lưu văn bản dưới dạng .docx, .pdf (có lớp chữ), .txt, .md hoặc .html.`,
    en: (p) => `Cannot read ${p.file}: the ${p.format} format is not supported. Save the document as .docx, .pdf (with a text layer), .txt, .md or .html.`,
  },
  DOC_ENCRYPTED: {
    vi: (p) => `Tệp ${p.file} được đặt mật khẩu nên không đọc được. Đề nghị đồng chí gỡ mật khẩu (lưu lại bản không mã hóa) rồi nạp lại.`,
    en: (p) => `File ${p.file} is password-protected and cannot be read. Save an unencrypted copy and import that.`,
  },
  DOC_CORRUPT: {
    vi: (p) => `Tệp ${p.file} bị hỏng hoặc không đúng định dạng ${p.format} (${p.reason}). Đề nghị đồng chí mở và lưu lại tệp, hoặc tải lại bản gốc.`,
    en: (p) => `File ${p.file} is damaged or not a valid ${p.format} file (${p.reason}). Open and save it again, or download the original again.`,
  },
  DOC_NO_TEXT: {
    vi: (p) =>
      `Tệp ${p.file} là bản quét (ảnh), không có lớp chữ nên không đọc được nội dung. Đề nghị đồng chí dùng bản .docx hoặc .pdf xuất trực tiếp từ văn bản gốc, hoặc nhận dạng chữ (OCR) trước khi nạp.`,
    en: (p) => `File ${p.file} is a scan (images) with no text layer, so its content cannot be read. Use the .docx or a .pdf exported from the original, or run OCR on it first.`,
  },
  DOC_ENCODING: {
    vi: (p) => `Tệp ${p.file} không phải văn bản UTF-8 và không nhận ra được bảng mã (có thể là TCVN3 hoặc VNI). Đề nghị đồng chí chuyển sang Unicode (UTF-8) rồi nạp lại.`,
    en: (p) => `File ${p.file} is not UTF-8 text and its encoding could not be recognised (perhaps TCVN3 or VNI). Convert it to Unicode (UTF-8) and import it again.`,
  },
  DOC_NOT_A_PLAN: {
    vi: (p) => `Tệp ${p.file} không phải một kế hoạch: ${p.reason_vi}. Không có gì được ghi.`,
    en: (p) => `File ${p.file} is not a plan: ${p.reason_en}. Nothing was written.`,
  },
  // Importing a plan in Slack: the Office shares the document, reviews, publishes (src/import-doc/plan-import.ts).
  FORBIDDEN_IMPORT: {
    vi: () => `Chỉ Văn phòng Sở và quản trị viên được nạp và ban hành kế hoạch. Đề nghị đồng chí gửi văn bản về Văn phòng Sở.`,
    en: () => `Only the Office and administrators can import and publish a plan. Please send the document to the Office.`,
  },
  DOC_DOWNLOAD_FAILED: {
    vi: (p) => `Không tải được tệp ${p.file} từ Slack (${p.reason}). Không có gì được ghi; đề nghị đồng chí gửi lại tệp.`,
    en: (p) => `Could not download ${p.file} from Slack (${p.reason}). Nothing was written; please share the file again.`,
  },
  IMPORT_NOT_FOUND: {
    vi: (p) => `Không tìm thấy bản nạp kế hoạch số ${p.id}. Đề nghị đồng chí gửi lại văn bản.`,
    en: (p) => `Plan import ${p.id} was not found. Please share the document again.`,
  },
  IMPORT_PUBLISHED: {
    vi: (p) => `Kế hoạch ${p.number} đã được ban hành ngày ${p.at}; không thể sửa bản nạp này nữa.`,
    en: (p) => `Plan ${p.number} was published on ${p.at}; this import can no longer be changed.`,
  },
  REVIEW_UNIT_UNKNOWN: {
    vi: (p) => `Đơn vị "${p.code}" không có trong danh sách; đề nghị đồng chí chọn trong danh sách.`,
    en: (p) => `Unit "${p.code}" is not in the list; please choose one from the list.`,
  },
  REVIEW_DUE_INVALID: {
    vi: (p) => `Chưa hiểu thời hạn "${p.due}". Đề nghị đồng chí ghi theo dạng "15/12/2025", "Quý IV/2025", "Năm 2025", "Thường xuyên" hoặc "Khi có phát sinh".`,
    en: (p) => `The deadline "${p.due}" was not understood. Write it as "15/12/2025", "Quý IV/2025", "Năm 2025", "Thường xuyên" or "Khi có phát sinh".`,
  },
  ACK_NOT_ASSIGNED: {
    vi: (p) => `Đơn vị của đồng chí không được giao nhiệm vụ nào trong Kế hoạch ${p.number}, nên không xác nhận thay được.`,
    en: (p) => `Your unit has no task in plan ${p.number}, so you cannot acknowledge it.`,
  },
  INTERNAL: {
    vi: (p) => `Đã có lỗi không mong muốn (${p.ref}). Dữ liệu không bị thay đổi; đề nghị thử lại hoặc báo quản trị viên kèm mã này.`,
    en: (p) => `Something unexpected went wrong (${p.ref}). No data was changed; try again or tell an administrator this reference.`,
  },
  // ---- The progress-report form and obstacles (src/services/submit-report.ts, raise-obstacle.ts) ----
  TASK_REQUIRED: {
    vi: () => `Đề nghị đồng chí chọn một nhiệm vụ.`,
    en: () => `Please choose a task.`,
  },
  PERCENT_REQUIRED: {
    vi: () => `Chưa nhập tỷ lệ tiến độ. Đề nghị đồng chí nhập một số nguyên từ 0 đến 100.`,
    en: () => `The progress is missing. Please enter a whole number from 0 to 100.`,
  },
  PERCENT_RANGE: {
    vi: (p) => `Tỷ lệ tiến độ "${p.value}" không hợp lệ. Đề nghị đồng chí nhập một số nguyên từ 0 đến 100.`,
    en: (p) => `Progress "${p.value}" is not valid. Please enter a whole number from 0 to 100.`,
  },
  DONE_NEEDS_100: {
    vi: (p) => `Nhiệm vụ đã hoàn thành thì tiến độ là 100%, không phải ${p.percent}%. Đề nghị đồng chí nhập 100, hoặc bỏ chọn "Đã hoàn thành" nếu nhiệm vụ chưa xong.`,
    en: (p) => `A completed task is at 100%, not ${p.percent}%. Please enter 100, or untick "Done" if the task is not finished.`,
  },
  LINK_INVALID: {
    vi: (p) => `"${p.link}" không phải đường dẫn http(s). Đề nghị đồng chí ghi mỗi dòng một đường dẫn đến tài liệu kiểm chứng.`,
    en: (p) => `"${p.link}" is not an http(s) link. Please give one link to the evidence per line.`,
  },
  LINKS_TOO_MANY: {
    vi: (p) => `Tối đa ${p.max} đường dẫn tài liệu kiểm chứng.`,
    en: (p) => `At most ${p.max} evidence links.`,
  },
  TEXT_TOO_LONG: {
    vi: (p) => `Nội dung quá dài (tối đa ${p.max} ký tự).`,
    en: (p) => `The text is too long (${p.max} characters at most).`,
  },
  TASK_NOT_REPORTABLE: {
    vi: (p) =>
      `Nhiệm vụ ${p.code} không có trong danh sách báo cáo của đơn vị đồng chí: chỉ báo cáo được nhiệm vụ cụ thể (không phải đề mục) mà đơn vị chủ trì hoặc phối hợp. Nếu phân công đã thay đổi, đề nghị báo Văn phòng Sở.`,
    en: (p) =>
      `Task ${p.code} is not on your unit's report list: only a specific task (not a heading) that your unit leads or cooperates on can be reported. If the assignment changed, please tell the Office.`,
  },
  SAVE_UNAVAILABLE: {
    vi: (p) =>
      `Hệ thống tạm thời không lưu được dữ liệu (mã ${p.ref}); ${p.what === "obstacle" ? "nội dung vướng mắc" : "báo cáo"} của đồng chí chưa được lưu. Đề nghị đồng chí gửi lại sau ít phút.`,
    en: (p) =>
      `The service is temporarily unavailable (reference ${p.ref}); your ${p.what === "obstacle" ? "obstacle" : "report"} was not saved. Please submit it again in a few minutes.`,
  },
  REPORT_NOT_SAVED: {
    vi: (p) => `Kính gửi đồng chí, báo cáo tiến độ chưa được lưu: ${p.reason}`,
    en: (p) => `Your progress report was not saved: ${p.reason}`,
  },
  REPORT_ENTERED: {
    vi: (p) =>
      `Nội dung đồng chí đã nhập, để gửi lại: tiến độ ${p.percent}%${p.done ? " (đã hoàn thành)" : ""}${p.note ? `; ghi chú: ${p.note}` : ""}${p.links ? `; tài liệu kiểm chứng: ${p.links}` : ""}.`,
    en: (p) => `What you entered, to submit again: progress ${p.percent}%${p.done ? " (done)" : ""}${p.note ? `; note: ${p.note}` : ""}${p.links ? `; evidence: ${p.links}` : ""}.`,
  },
  // ---- The direction loop (issue 13): obstacles, confirmations, extensions, reminders ----
  FORBIDDEN_DIRECTION: forbidden(
    () => "cho ý kiến chỉ đạo (chỉ lãnh đạo Sở)",
    () => "give direction (leadership only)",
  ),
  FORBIDDEN_WITHDRAW: forbidden(
    () => "rút lại khó khăn, vướng mắc của đơn vị khác",
    () => "withdraw another unit's obstacle",
  ),
  FORBIDDEN_RESOLVE: forbidden(
    () => "đánh dấu đã giải quyết (Văn phòng Sở hoặc đơn vị nêu vướng mắc)",
    () => "mark it resolved (the Office or the unit that raised it)",
  ),
  FORBIDDEN_CLOSE: forbidden(
    () => "đóng khó khăn, vướng mắc này (Văn phòng Sở hoặc đơn vị nêu vướng mắc)",
    () => "close this obstacle (the Office or the unit that raised it)",
  ),
  FORBIDDEN_ALL_TASKS: forbidden(
    () => "xem nhiệm vụ của tất cả các đơn vị (Văn phòng Sở, lãnh đạo Sở)",
    () => "list every unit's tasks (the Office and leadership)",
  ),
  FORBIDDEN_CONFIRM: forbidden(
    () => "xác nhận báo cáo của đơn vị khác (chỉ lãnh đạo đơn vị)",
    () => "confirm another unit's report (the unit lead only)",
  ),
  FORBIDDEN_CORRECT: forbidden(
    () => "điều chỉnh báo cáo của đơn vị khác (chỉ lãnh đạo đơn vị)",
    () => "correct another unit's report (the unit lead only)",
  ),
  FORBIDDEN_NUDGE: forbidden(
    () => "nhắc đơn vị (Văn phòng Sở)",
    () => "remind a unit (the Office)",
  ),
  FORBIDDEN_EXTENSION_REQUEST: forbidden(
    (p) => `đề nghị gia hạn nhiệm vụ ${p.code} (chỉ lãnh đạo đơn vị chủ trì)`,
    (p) => `ask to extend task ${p.code} (the lead unit's lead only)`,
  ),
  FORBIDDEN_EXTENSION_DECISION: forbidden(
    () => "cho ý kiến về đề nghị gia hạn (chỉ lãnh đạo Sở)",
    () => "decide on an extension (leadership only)",
  ),
  OBSTACLE_NOT_FOUND: {
    vi: (p) => `Không có khó khăn, vướng mắc số ${p.id}. Xem danh sách bằng \`/kehoach vuongmac\`.`,
    en: (p) => `There is no obstacle #${p.id}. See the list with \`/kehoach obstacle\`.`,
  },
  OBSTACLE_CLOSED: {
    vi: (p) => `Khó khăn, vướng mắc số ${p.id} đã ${p.state === "WITHDRAWN" ? "được rút lại" : "được giải quyết"}${p.by ? ` (${p.by})` : ""}; không cần thao tác thêm.`,
    en: (p) => `Obstacle #${p.id} has already been ${p.state === "WITHDRAWN" ? "withdrawn" : "resolved"}${p.by ? ` (${p.by})` : ""}; nothing more to do.`,
  },
  OBSTACLE_DIRECTED: {
    vi: (p) => `Khó khăn, vướng mắc số ${p.id} đã có ý kiến chỉ đạo của ${p.by}: "${p.direction}".`,
    en: (p) => `Obstacle #${p.id} already has the direction of ${p.by}: "${p.direction}".`,
  },
  DIRECTION_TEXT_REQUIRED: required("ý kiến chỉ đạo", "the direction"),
  RESOLUTION_TEXT_REQUIRED: required("kết quả giải quyết", "how it was resolved"),
  EXTENSION_REASON_REQUIRED: required("lý do đề nghị gia hạn", "the reason for the extension"),
  REPORT_NOT_FOUND: {
    vi: (p) => `Không có báo cáo tiến độ số ${p.id}.`,
    en: (p) => `There is no progress report #${p.id}.`,
  },
  REPORT_NOT_PENDING: {
    vi: (p) => `Báo cáo hoàn thành nhiệm vụ ${p.code} không còn chờ xác nhận.`,
    en: (p) => `The completion report on task ${p.code} is no longer waiting for confirmation.`,
  },
  REPORT_SUPERSEDED: {
    vi: (p) => `Đã có báo cáo tiến độ mới hơn của nhiệm vụ ${p.code}; báo cáo này không còn được xác nhận hay điều chỉnh.`,
    en: (p) => `Task ${p.code} has a newer progress report; this one can no longer be confirmed or corrected.`,
  },
  REASON_REQUIRED_FOR_DROP: {
    vi: (p) => `Tiến độ giảm từ ${p.from}% xuống ${p.to}% (hơn ${p.max} điểm): đề nghị đồng chí nêu lý do điều chỉnh.`,
    en: (p) => `Progress drops from ${p.from}% to ${p.to}% (more than ${p.max} points): please give the reason for the correction.`,
  },
  EXTENSION_NOT_LATER: {
    vi: (p) => `Thời hạn đề nghị (${p.to}) phải sau thời hạn hiện tại (${p.from}) và sau ngày hôm nay (${p.today}).`,
    en: (p) => `The deadline asked for (${p.to}) must be later than the current one (${p.from}) and than today (${p.today}).`,
  },
  EXTENSION_NO_DEADLINE: {
    vi: (p) => `Nhiệm vụ ${p.code} không có thời hạn cụ thể (${p.label}) nên không gia hạn được.`,
    en: (p) => `Task ${p.code} has no fixed deadline (${p.label}), so it cannot be extended.`,
  },
  EXTENSION_PENDING: {
    vi: (p) => `Nhiệm vụ ${p.code} đã có đề nghị gia hạn đến ngày ${p.to} đang chờ lãnh đạo Sở cho ý kiến.`,
    en: (p) => `Task ${p.code} already has a request to extend to ${p.to} waiting for leadership.`,
  },
  EXTENSION_NOT_FOUND: {
    vi: (p) => `Không có đề nghị gia hạn số ${p.id}.`,
    en: (p) => `There is no extension request #${p.id}.`,
  },
  EXTENSION_DECIDED: {
    vi: (p) => `Đề nghị gia hạn số ${p.id} đã được ${p.state === "APPROVED" ? "đồng ý" : "cho ý kiến không đồng ý"}${p.by ? ` (${p.by})` : ""}.`,
    en: (p) => `Extension request #${p.id} has already been ${p.state === "APPROVED" ? "approved" : "declined"}${p.by ? ` (${p.by})` : ""}.`,
  },
  NUDGE_NO_CHANNEL: {
    vi: (p) => `Đơn vị ${p.unit} chưa có kênh Slack nên chưa nhắc được. Đề nghị Văn phòng Sở đặt kênh cho đơn vị (\`/kehoach kenh\`).`,
    en: (p) => `Unit ${p.unit} has no Slack channel, so it cannot be reminded. Please set one (\`/kehoach channel\`).`,
  },
  // ---- Units' reports for a window and the consolidated report's approval (src/services/unit-reports.ts, consolidated-report.ts) ----
  UNIT_REPORT_STALE: {
    vi: (p) => `Nút hoặc mẫu báo cáo này không còn hợp lệ. Đề nghị đồng chí mở lại bằng lệnh \`${p.usage}\`.`,
    en: (p) => `This button or form is no longer valid. Please open it again with \`${p.usage}\`.`,
  },
  UNIT_REPORT_FORBIDDEN: {
    vi: (p) => `Đồng chí không thuộc ${p.unit} nên không lập được báo cáo của đơn vị này. Đề nghị đồng chí lập báo cáo của đơn vị mình.`,
    en: (p) => `You are not a member of ${p.unit}, so you cannot prepare its report. Please prepare your own unit's report.`,
  },
  UNIT_REPORT_LEAD_ONLY: {
    vi: (p) =>
      `Báo cáo của ${p.unit} do lãnh đạo đơn vị gửi Văn phòng Sở. Nội dung đồng chí nhập đã được lưu thành dự thảo${p.lead ? `; đề nghị đồng chí báo ${p.lead} xem và gửi` : "; đề nghị đồng chí báo lãnh đạo đơn vị xem và gửi"}.`,
    en: (p) =>
      `The report of ${p.unit} is sent to the Office by the unit's lead. What you entered was saved as a draft${p.lead ? `; please ask ${p.lead} to review and send it` : "; please ask your unit's lead to review and send it"}.`,
  },
  UNIT_REPORT_ALREADY_SUBMITTED: {
    vi: (p) => `Báo cáo của ${p.unit} kỳ ${p.period} đã được gửi Văn phòng Sở ngày ${p.on}; chỉ lãnh đạo đơn vị sửa và gửi lại được. Nội dung đồng chí nhập chưa được lưu.`,
    en: (p) => `The report of ${p.unit} for ${p.period} was sent to the Office on ${p.on}; only the unit's lead can change and resend it. What you entered was not saved.`,
  },
  UNIT_REPORT_TOO_LONG: {
    vi: (p) =>
      `Mục "${p.field_vi}" dài ${p.length} ký tự, vượt giới hạn ${p.max} ký tự của một mục. Đề nghị đồng chí rút gọn, hoặc đưa phần chi tiết vào tài liệu kiểm chứng đính kèm. Báo cáo chưa được lưu.`,
    en: (p) =>
      `"${p.field_en}" is ${p.length} characters long, over the ${p.max}-character limit of a field. Please shorten it, or put the details in an attached evidence file. The report was not saved.`,
  },
  UNIT_REPORT_NOT_LEAD: {
    vi: (p) => `${p.unit} không chủ trì nhiệm vụ nào của Kế hoạch số ${p.number}, nên không có báo cáo kỳ ${p.period} để gửi.`,
    en: (p) => `${p.unit} leads no task of plan ${p.number}, so it has no report for ${p.period} to send.`,
  },
  EVIDENCE_FILE_TOO_LARGE: {
    vi: (p) => `Tệp "${p.name}" có dung lượng ${p.size}, vượt giới hạn ${p.max} một tệp của Slack. Đề nghị đồng chí nén hoặc tách tệp rồi đính kèm lại. Báo cáo chưa được lưu.`,
    en: (p) => `File "${p.name}" is ${p.size}, over Slack's ${p.max} limit for one file. Please compress or split it and attach it again. The report was not saved.`,
  },
  EVIDENCE_FILES_TOO_MANY: {
    vi: (p) => `Tối đa ${p.max} tệp tài liệu kiểm chứng trong một báo cáo. Báo cáo chưa được lưu.`,
    en: (p) => `At most ${p.max} evidence files in one report. The report was not saved.`,
  },
  NO_PLAN_FOR_WINDOW: {
    vi: (p) => `Không có kế hoạch nào thực hiện trong kỳ ${p.period}. Đề nghị đồng chí ghi kỳ báo cáo trong thời gian thực hiện kế hoạch, ví dụ: ${p.example}.`,
    en: (p) => `No plan runs during ${p.period}. Please give a period within a plan, for example: ${p.example}.`,
  },
  PLANS_FOR_WINDOW_AMBIGUOUS: {
    vi: (p) => `Trong kỳ ${p.period} có nhiều kế hoạch: ${p.numbers}. Đề nghị đồng chí ghi thêm số kế hoạch, ví dụ: ${p.example}.`,
    en: (p) => `Several plans run during ${p.period}: ${p.numbers}. Please add the plan number, for example: ${p.example}.`,
  },
  OFFICE_ONLY: {
    vi: () => `Chức năng này dành cho Văn phòng Sở.`,
    en: () => `Only the Office can do this.`,
  },
  LEADERSHIP_ONLY: {
    vi: () => `Chỉ Lãnh đạo Sở duyệt báo cáo tổng hợp.`,
    en: () => `Only the department's leadership approves the consolidated report.`,
  },
  CONSOLIDATED_NOT_FOUND: {
    vi: () => `Không tìm thấy dự thảo báo cáo này; có thể đã có phiên bản mới hơn.`,
    en: () => `This draft report was not found; a newer version may exist.`,
  },
  CONSOLIDATED_ALREADY_DECIDED: {
    vi: (p) => `Dự thảo báo cáo ${p.period} (phiên bản ${p.version}) đã được ${p.decision_vi} ngày ${p.on}; không ghi nhận thêm ý kiến.`,
    en: (p) => `Draft report ${p.period} (version ${p.version}) was already ${p.decision_en} on ${p.on}; nothing more was recorded.`,
  },
  CONSOLIDATED_SUPERSEDED: {
    vi: (p) => `Dự thảo này (phiên bản ${p.version}) đã được thay bằng phiên bản ${p.latest}; đề nghị Lãnh đạo Sở cho ý kiến trên phiên bản mới.`,
    en: (p) => `This draft (version ${p.version}) was replaced by version ${p.latest}; please decide on the new version.`,
  },
  COMMENT_REQUIRED: {
    vi: () => `Đề nghị ghi nội dung cần chỉnh sửa.`,
    en: () => `Please say what should be changed.`,
  },
  NO_LEADERSHIP: {
    vi: () => `Chưa có thành viên nào là Lãnh đạo Sở để trình duyệt. Đề nghị quản trị viên thêm thành viên với vai trò lãnh đạo (/kehoach thanhvien them @người ĐƠN_VỊ lanhdao).`,
    en: () => `No member has the leadership role to approve the report. Please ask an administrator to add one (/kehoach members add @person UNIT leadership).`,
  },
  NO_OFFICE_CHANNEL: {
    vi: () => `Văn phòng Sở chưa có kênh Slack để nhận tệp báo cáo. Đề nghị quản trị viên gán kênh cho Văn phòng Sở (/kehoach kenh VP #kenh).`,
    en: () => `The Office has no Slack channel to receive the report's files. Please ask an administrator to set one (/kehoach channel VP #channel).`,
  },
  REPORT_FILE_TOO_LARGE: {
    vi: (p) =>
      `Tệp ${p.name} có dung lượng ${p.size}, vượt giới hạn ${p.max} một tệp của Slack, nên chưa được gửi vào kênh; báo cáo đã duyệt vẫn được lưu. Đề nghị Văn phòng Sở liên hệ quản trị viên hệ thống để nhận tệp.`,
    en: (p) =>
      `File ${p.name} is ${p.size}, over Slack's ${p.max} limit for one file, so it was not sent to the channel; the approved report is kept. Please ask the system administrator for the file.`,
  },
} satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof messages;

/** Every code of the catalogue (for tests that read it whole). */
export const ERROR_CODES = Object.keys(messages) as ErrorCode[];
export type Lang = "vi" | "en";

export class AppError extends Error {
  override name = "AppError";
  /** An itemised list shown once after the message (a file's problems, the variables wrong). */
  readonly details: readonly Detail[];
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    options?: { cause?: unknown; details?: readonly Detail[] },
  ) {
    super(messages[code].en(params), options);
    this.details = options?.details ?? [];
  }

  /** The message in one language, what to do where it is read, then the details if any. */
  text(lang: Lang, surface: Surface = "slack"): string {
    const entry: Entry = messages[this.code];
    const hint = entry.hint?.[surface]?.[lang](this.params);
    const details = this.details.map((d) => (typeof d === "string" ? d : d[lang]));
    return [`${entry[lang](this.params)}${hint ? ` ${hint}` : ""}`, ...details].join("\n");
  }

  /** Both languages, Vietnamese first, details once (each in both languages): what the command line prints by default. */
  bilingual(surface: Surface = "cli"): string {
    const entry: Entry = messages[this.code];
    const line = (lang: Lang) => `${entry[lang](this.params)}${entry.hint?.[surface] ? ` ${entry.hint[surface][lang](this.params)}` : ""}`;
    const details = this.details.map((d) => (typeof d === "string" ? d : (d.both ?? (d.vi === d.en ? d.vi : `${d.vi} / ${d.en}`))));
    return [line("vi"), line("en"), ...details].join("\n");
  }

  /** For --json: the code, its parameters and the message in both languages. */
  json(surface: Surface = "cli"): { code: ErrorCode; params: Params; message: Record<Lang, string> } {
    return { code: this.code, params: this.params, message: { vi: this.text("vi", surface), en: this.text("en", surface) } };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
