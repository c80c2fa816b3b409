// /kehoach help, and the answer to a command dondoc does not know.
import type { KnownBlock } from "@slack/types";
import { context, header, message, section, type SlackMessage } from "./blocks.js";
import { esc } from "./format.js";
import type { Lang } from "../models/index.js";

export const SLASH_COMMAND = "/kehoach";

interface CommandHelp {
  /** The subcommand and its arguments as typed in this language. */
  usage: string;
  /** The same subcommand in the other language. */
  alias?: string;
  what: string;
}

// Filter words and the them/xoa sub-commands are written the Vietnamese way in
// both languages (with their meaning in English): they are what people type.
const vi = {
  title: "Hướng dẫn dùng /kehoach",
  intro: "dondoc theo dõi kế hoạch, nhận báo cáo tiến độ của các đơn vị và tổng hợp cho Văn phòng Sở. Gõ lệnh có dấu hay không dấu đều được (`bao cao` = `báo cáo`).",
  also: "hoặc",
  everyone: [
    { usage: "help", what: "Hướng dẫn này." },
    { usage: "tongquan [SỐ KH]", alias: "overview", what: "Tổng quan kế hoạch: số nhiệm vụ theo trạng thái, theo chỉ số, theo đơn vị; tỷ lệ hoàn thành đúng hạn." },
    { usage: "viec [ĐƠN VỊ] [quahan|sapdenhan]", alias: "tasks", what: "Nhiệm vụ của đơn vị (mặc định: đơn vị của đồng chí); lọc quá hạn hoặc sắp đến hạn." },
    { usage: "xem MÃ", alias: "show", what: "Chi tiết một nhiệm vụ, ví dụ `xem II.2.c.2`." },
    { usage: "baocao [MÃ]", alias: "report", what: "Mở mẫu báo cáo tiến độ (chọn sẵn nhiệm vụ nếu ghi mã)." },
    { usage: "baocaodonvi [kỳ]", alias: "unitreport", what: "Báo cáo của đơn vị gửi Văn phòng Sở theo kỳ (ví dụ `baocaodonvi Quý III/2023`): dự thảo lập sẵn, kèm tài liệu kiểm chứng; lãnh đạo đơn vị gửi." },
    { usage: "vuongmac MÃ nội dung", alias: "obstacle", what: "Báo khó khăn, vướng mắc về Văn phòng Sở để tổng hợp, báo cáo lãnh đạo Sở." },
    { usage: "vuongmac", alias: "obstacle", what: "Khó khăn, vướng mắc chưa giải quyết (nêu lâu nhất xếp trước), kèm số ngày." },
    { usage: "giahan MÃ", alias: "extend", what: "Lãnh đạo đơn vị chủ trì đề nghị gia hạn nhiệm vụ; lãnh đạo Sở cho ý kiến." },
    { usage: "chiso", alias: "indicators", what: "Các chỉ số (PAR INDEX, SIPAS, DDCI), tiêu chí và kết quả mới nhất." },
    { usage: "donvi", alias: "units", what: "Các đơn vị, kênh Slack và số nhiệm vụ chủ trì, phối hợp." },
    { usage: "thanhvien", alias: "members", what: "Danh sách thành viên theo đơn vị." },
    { usage: "ngonngu vi|en", alias: "language", what: "Chọn ngôn ngữ trả lời (tiếng Việt hoặc tiếng Anh)." },
  ] as CommandHelp[],
  officeTitle: "*Dành cho Văn phòng Sở và quản trị viên*",
  office: [
    { usage: "thanhvien them @người ĐƠN_VỊ [vai trò]", alias: "members them", what: "Thêm một người vào đơn vị." },
    { usage: "thanhvien xoa @người", alias: "members xoa", what: "Xóa một người khỏi danh sách thành viên." },
    { usage: "kenh ĐƠN_VỊ #kênh", alias: "channel", what: "Đặt kênh Slack nhận thông báo của đơn vị." },
    { usage: "tinnhan [loi|guilai]", alias: "messages", what: "Tin nhắn định kỳ đã gửi, bị lỗi; gửi lại tin lỗi." },
    { usage: "tinhhinhbaocao [kỳ]", alias: "reportstatus", what: "Các đơn vị đã gửi, chưa gửi báo cáo kỳ; nhắc các đơn vị chưa gửi." },
    { usage: "baocaotonghop [kỳ] [SỐ KH]", alias: "consolidated", what: "Lập báo cáo tổng hợp của Sở (.docx, .xlsx) và trình Lãnh đạo Sở duyệt; bản được duyệt gửi vào kênh Văn phòng Sở." },
    { usage: "nhapkehoach", alias: "importplan", what: "Văn phòng Sở nạp kế hoạch từ văn bản (.docx, .pdf), kiểm tra rồi ban hành; cũng có thể gửi tệp cho dondoc qua tin nhắn riêng." },
  ] as CommandHelp[],
  examples: "Ví dụ: `/kehoach viec LĐ-VL quahan` · `/kehoach baocao II.2.c.2` · `/kehoach tongquan 1565`",
  unknown: (cmd: string) => `Không có lệnh “${cmd}”.`,
  didYouMean: (cmd: string, suggestion: string) => `Không có lệnh “${cmd}”. Có phải đồng chí muốn gõ \`${suggestion}\`?`,
};

const en: typeof vi = {
  title: "How to use /kehoach",
  intro: "dondoc follows the plan, takes the units' progress reports and consolidates them for the Office. Commands work with or without Vietnamese diacritics (`bao cao` = `báo cáo`).",
  also: "or",
  everyone: [
    { usage: "help", what: "This help." },
    { usage: "overview [PLAN NO.]", alias: "tongquan", what: "Plan overview: tasks by status, by index and by unit; on-time rate." },
    { usage: "tasks [UNIT] [quahan|sapdenhan]", alias: "viec", what: "A unit's tasks (default: your unit); `quahan` = overdue, `sapdenhan` = due soon." },
    { usage: "show CODE", alias: "xem", what: "One task in detail, e.g. `show II.2.c.2`." },
    { usage: "report [CODE]", alias: "baocao", what: "Open the progress report form (with the task chosen if you give its code)." },
    { usage: "unitreport [period]", alias: "baocaodonvi", what: "The unit's report to the Office for a period (e.g. `unitreport Quý III/2023`): drafted for you, with evidence files; the unit's lead sends it." },
    { usage: "obstacle CODE text", alias: "vuongmac", what: "Raise a difficulty to the Office, which consolidates and reports to the department's leadership." },
    { usage: "obstacle", alias: "vuongmac", what: "Open obstacles, oldest first, with their age." },
    { usage: "extend CODE", alias: "giahan", what: "The lead unit's lead asks for a new deadline; leadership decides." },
    { usage: "indicators", alias: "chiso", what: "The indices (PAR INDEX, SIPAS, DDCI), their criteria and latest results." },
    { usage: "units", alias: "donvi", what: "Units, their Slack channels and how many tasks they lead and cooperate on." },
    { usage: "members", alias: "thanhvien", what: "Members by unit." },
    { usage: "language vi|en", alias: "ngonngu", what: "Choose the language of answers (Vietnamese or English)." },
  ],
  officeTitle: "*For the Office and administrators*",
  office: [
    { usage: "members them @person UNIT [role]", alias: "thanhvien them", what: "Add a person to a unit (`them` = add)." },
    { usage: "members xoa @person", alias: "thanhvien xoa", what: "Remove a person from the members (`xoa` = remove)." },
    { usage: "channel UNIT #channel", alias: "kenh", what: "Set the Slack channel that receives a unit's notices." },
    { usage: "messages [loi|guilai]", alias: "tinnhan", what: "Scheduled messages sent and failed (`loi`); resend the failed ones (`guilai`)." },
    { usage: "reportstatus [period]", alias: "tinhhinhbaocao", what: "Which units have sent their report for the period; remind the others." },
    { usage: "consolidated [period] [PLAN NO.]", alias: "baocaotonghop", what: "Build the department's report (.docx, .xlsx) and send it to leadership for approval; the approved version goes to the Office's channel." },
    { usage: "importplan", alias: "nhapkehoach", what: "The Office imports a plan from its document (.docx, .pdf), checks it and publishes it; or share the file with dondoc in a direct message." },
  ],
  examples: "Examples: `/kehoach tasks LĐ-VL quahan` · `/kehoach report II.2.c.2` · `/kehoach overview 1565`",
  unknown: (cmd) => `Unknown command “${cmd}”.`,
  didYouMean: (cmd, suggestion) => `Unknown command “${cmd}”. Did you mean \`${suggestion}\`?`,
};

const STRINGS = { vi, en };

function commandLine(c: CommandHelp, also: string): string {
  const alias = c.alias === undefined ? "" : ` (${also} \`${c.alias}\`)`;
  return `• \`${SLASH_COMMAND} ${c.usage}\`${alias} — ${c.what}`;
}

export function helpMessage(lang: Lang, opts: { unknown?: string; suggestion?: string } = {}): SlackMessage {
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [];
  let text = s.title;
  if (opts.unknown !== undefined) {
    // What the person typed, shown back safely and briefly.
    const typed = esc(opts.unknown.replace(/[“”`]/g, ""), 100);
    const suggestion = opts.suggestion?.replace(/`/g, "");
    text = suggestion ? s.didYouMean(typed, esc(suggestion, 100)) : s.unknown(typed);
    blocks.push(section(text));
  }
  blocks.push(
    header(s.title),
    section(s.intro),
    section(s.everyone.map((c) => commandLine(c, s.also)).join("\n")),
    section(`${s.officeTitle}\n${s.office.map((c) => commandLine(c, s.also)).join("\n")}`),
    context(s.examples),
  );
  return message(text, blocks, lang);
}
