// /kehoach help, and the answer to a command dondoc does not know.
import type { KnownBlock } from "@slack/types";
import { context, header, message, section, type SlackMessage } from "./blocks.js";
import { esc } from "./format.js";
import type { Lang } from "../models/index.js";
import { SUBCOMMANDS, type Subcommand } from "../i18n/subcommands.js";

export const SLASH_COMMAND = "/kehoach";

interface CommandHelp {
  /** The subcommand: its words come from SUBCOMMANDS, never written here. */
  name: Subcommand;
  /** A second word, the same in both languages ("them", "xoa"). */
  sub?: string;
  /** Its arguments as written in this language. */
  args?: string;
  /** What it does; given the word when it shows an example. */
  what: string | ((word: string) => string);
}

// Filter words and the them/xoa sub-commands are written the Vietnamese way in
// both languages (with their meaning in English): they are what people type.
const vi = {
  title: "Hướng dẫn dùng /kehoach",
  intro: "dondoc theo dõi kế hoạch, nhận báo cáo tiến độ của các đơn vị và tổng hợp cho Văn phòng Sở. Gõ lệnh có dấu hay không dấu đều được (`bao cao` = `báo cáo`).",
  also: "hoặc",
  everyone: [
    { name: "help", what: "Hướng dẫn này." },
    { name: "overview", args: "[SỐ KH]", what: "Tổng quan kế hoạch: số nhiệm vụ theo trạng thái, theo chỉ số, theo đơn vị; tỷ lệ hoàn thành đúng hạn." },
    { name: "tasks", args: "[ĐƠN VỊ] [quahan|sapdenhan]", what: "Nhiệm vụ của đơn vị (mặc định: đơn vị của đồng chí); lọc quá hạn hoặc sắp đến hạn." },
    { name: "show", args: "MÃ", what: (w) => `Chi tiết một nhiệm vụ, ví dụ \`${w} II.2.c.2\`.` },
    { name: "report", args: "[MÃ]", what: "Mở mẫu báo cáo tiến độ (chọn sẵn nhiệm vụ nếu ghi mã)." },
    {
      name: "unitReport",
      args: "[kỳ]",
      what: (w) => `Báo cáo của đơn vị gửi Văn phòng Sở theo kỳ (ví dụ \`${w} Quý III/2023\`): dự thảo lập sẵn, kèm tài liệu kiểm chứng; lãnh đạo đơn vị gửi.`,
    },
    { name: "obstacle", args: "MÃ nội dung", what: "Báo khó khăn, vướng mắc về Văn phòng Sở để tổng hợp, báo cáo lãnh đạo Sở." },
    { name: "obstacle", what: "Khó khăn, vướng mắc chưa giải quyết (nêu lâu nhất xếp trước), kèm số ngày." },
    { name: "extension", args: "MÃ", what: "Lãnh đạo đơn vị chủ trì đề nghị gia hạn nhiệm vụ; lãnh đạo Sở cho ý kiến." },
    { name: "indicators", what: "Các chỉ số (PAR INDEX, SIPAS, DDCI), tiêu chí và kết quả mới nhất." },
    { name: "units", what: "Các đơn vị, kênh Slack và số nhiệm vụ chủ trì, phối hợp." },
    { name: "members", what: "Danh sách thành viên theo đơn vị." },
    { name: "language", args: "vi|en", what: "Chọn ngôn ngữ trả lời (tiếng Việt hoặc tiếng Anh)." },
  ] as CommandHelp[],
  officeTitle: "*Dành cho Văn phòng Sở và quản trị viên*",
  office: [
    { name: "members", sub: "them", args: "@người ĐƠN_VỊ [vai trò]", what: "Thêm một người vào đơn vị." },
    { name: "members", sub: "xoa", args: "@người", what: "Xóa một người khỏi danh sách thành viên." },
    { name: "channel", args: "ĐƠN_VỊ #kênh", what: "Đặt kênh Slack nhận thông báo của đơn vị." },
    { name: "deliveries", args: "[loi|guilai]", what: "Tin nhắn định kỳ đã gửi, bị lỗi; gửi lại tin lỗi." },
    { name: "reportStatus", args: "[kỳ]", what: "Các đơn vị đã gửi, chưa gửi báo cáo kỳ; nhắc các đơn vị chưa gửi." },
    { name: "consolidated", args: "[kỳ] [SỐ KH]", what: "Lập báo cáo tổng hợp của Sở (.docx, .xlsx) và trình Lãnh đạo Sở duyệt; bản được duyệt gửi vào kênh Văn phòng Sở." },
    { name: "importPlan", what: "Văn phòng Sở nạp kế hoạch từ văn bản (.docx, .pdf), kiểm tra rồi ban hành; cũng có thể gửi tệp cho dondoc qua tin nhắn riêng." },
  ] as CommandHelp[],
  examples: "Ví dụ",
  unknown: (cmd: string) => `Không có lệnh “${cmd}”.`,
  didYouMean: (cmd: string, suggestion: string) => `Không có lệnh “${cmd}”. Có phải đồng chí muốn gõ \`${suggestion}\`?`,
};

const en: typeof vi = {
  title: "How to use /kehoach",
  intro:
    "dondoc follows the plan, takes the units' progress reports and consolidates them for the Office. Commands work with or without Vietnamese diacritics (`bao cao` = `báo cáo`).",
  also: "or",
  everyone: [
    { name: "help", what: "This help." },
    { name: "overview", args: "[PLAN NO.]", what: "Plan overview: tasks by status, by index and by unit; on-time rate." },
    { name: "tasks", args: "[UNIT] [quahan|sapdenhan]", what: "A unit's tasks (default: your unit); `quahan` = overdue, `sapdenhan` = due soon." },
    { name: "show", args: "CODE", what: (w) => `One task in detail, e.g. \`${w} II.2.c.2\`.` },
    { name: "report", args: "[CODE]", what: "Open the progress report form (with the task chosen if you give its code)." },
    {
      name: "unitReport",
      args: "[period]",
      what: (w) => `The unit's report to the Office for a period (e.g. \`${w} Quý III/2023\`): drafted for you, with evidence files; the unit's lead sends it.`,
    },
    { name: "obstacle", args: "CODE text", what: "Raise a difficulty to the Office, which consolidates and reports to the department's leadership." },
    { name: "obstacle", what: "Open obstacles, oldest first, with their age." },
    { name: "extension", args: "CODE", what: "The lead unit's lead asks for a new deadline; leadership decides." },
    { name: "indicators", what: "The indices (PAR INDEX, SIPAS, DDCI), their criteria and latest results." },
    { name: "units", what: "Units, their Slack channels and how many tasks they lead and cooperate on." },
    { name: "members", what: "Members by unit." },
    { name: "language", args: "vi|en", what: "Choose the language of answers (Vietnamese or English)." },
  ],
  officeTitle: "*For the Office and administrators*",
  office: [
    { name: "members", sub: "them", args: "@person UNIT [role]", what: "Add a person to a unit (`them` = add)." },
    { name: "members", sub: "xoa", args: "@person", what: "Remove a person from the members (`xoa` = remove)." },
    { name: "channel", args: "UNIT #channel", what: "Set the Slack channel that receives a unit's notices." },
    { name: "deliveries", args: "[loi|guilai]", what: "Scheduled messages sent and failed (`loi`); resend the failed ones (`guilai`)." },
    { name: "reportStatus", args: "[period]", what: "Which units have sent their report for the period; remind the others." },
    {
      name: "consolidated",
      args: "[period] [PLAN NO.]",
      what: "Build the department's report (.docx, .xlsx) and send it to leadership for approval; the approved version goes to the Office's channel.",
    },
    { name: "importPlan", what: "The Office imports a plan from its document (.docx, .pdf), checks it and publishes it; or share the file with dondoc in a direct message." },
  ],
  examples: "Examples",
  unknown: (cmd) => `Unknown command “${cmd}”.`,
  didYouMean: (cmd, suggestion) => `Unknown command “${cmd}”. Did you mean \`${suggestion}\`?`,
};

const STRINGS = { vi, en };

const other = (lang: Lang): Lang => (lang === "vi" ? "en" : "vi");
const words = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined && p !== "").join(" ");

function commandLine(c: CommandHelp, lang: Lang): string {
  const word = SUBCOMMANDS[c.name][lang];
  const otherWord = SUBCOMMANDS[c.name][other(lang)];
  const alias = otherWord === word ? "" : ` (${STRINGS[lang].also} \`${words(otherWord, c.sub)}\`)`;
  return `• \`${SLASH_COMMAND} ${words(word, c.sub, c.args)}\`${alias} — ${typeof c.what === "string" ? c.what : c.what(word)}`;
}

/** The examples under help: the same commands in both languages, each in the reader's words. */
const EXAMPLES: readonly { name: Subcommand; args: string }[] = [
  { name: "tasks", args: "LĐ-VL quahan" },
  { name: "report", args: "II.2.c.2" },
  { name: "overview", args: "1565" },
];

const examples = (lang: Lang) => `${STRINGS[lang].examples}: ${EXAMPLES.map((e) => `\`${SLASH_COMMAND} ${SUBCOMMANDS[e.name][lang]} ${e.args}\``).join(" · ")}`;

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
    section(s.everyone.map((c) => commandLine(c, lang)).join("\n")),
    section(`${s.officeTitle}\n${s.office.map((c) => commandLine(c, lang)).join("\n")}`),
    context(examples(lang)),
  );
  return message(text, blocks, lang);
}
