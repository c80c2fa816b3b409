// The words of /kehoach's subcommands, declared once: the parser
// (src/slack/commands/parse.ts) accepts every one of them, folded; help
// (src/views/help.ts) shows the Vietnamese word in Vietnamese with the
// English one beside it, and the other way round in English.

interface Words {
  /** What help shows in Vietnamese. */
  readonly vi: string;
  /** What help shows in English. */
  readonly en: string;
  /** Other spellings people type, accepted too. */
  readonly also: readonly string[];
}

export const SUBCOMMANDS = {
  help: { vi: "help", en: "help", also: ["trogiup", "huongdan", "giupdo", "?"] },
  overview: { vi: "tongquan", en: "overview", also: ["tinhhinh"] },
  tasks: { vi: "viec", en: "tasks", also: ["nhiemvu", "congviec"] },
  show: { vi: "xem", en: "show", also: ["chitiet"] },
  report: { vi: "baocao", en: "report", also: [] },
  obstacle: { vi: "vuongmac", en: "obstacle", also: ["khokhan"] },
  indicators: { vi: "chiso", en: "indicators", also: ["tieuchi"] },
  units: { vi: "donvi", en: "units", also: [] },
  members: { vi: "thanhvien", en: "members", also: ["member"] },
  channel: { vi: "kenh", en: "channel", also: [] },
  language: { vi: "ngonngu", en: "language", also: ["lang"] },
  deliveries: { vi: "tinnhan", en: "messages", also: ["deliveries"] },
  extension: { vi: "giahan", en: "extend", also: ["extension"] },
  unitReport: { vi: "baocaodonvi", en: "unitreport", also: [] },
  reportStatus: { vi: "tinhhinhbaocao", en: "reportstatus", also: ["theodoibaocao"] },
  consolidated: { vi: "baocaotonghop", en: "consolidated", also: ["tonghop"] },
  importPlan: { vi: "nhapkehoach", en: "importplan", also: ["napkehoach"] },
} as const satisfies Record<string, Words>;

export type Subcommand = keyof typeof SUBCOMMANDS;

/** Every word that names the subcommand: the Vietnamese, the English, the others. */
export function subcommandWords(name: Subcommand): string[] {
  const w: Words = SUBCOMMANDS[name];
  return [...new Set([w.vi, w.en, ...w.also])];
}
