// Parses the text after /kehoach. Subcommands are matched folded (with or
// without diacritics, spaces between syllables or not) in Vietnamese and
// English: "báo cáo", "bao cao", "baocao" and "report" are the same.
import type { MemberRole } from "../../domain/permissions.js";
import { closest, fold, sanitizeText } from "../../domain/text.js";
import { SUBCOMMANDS, subcommandWords, type Subcommand } from "../../i18n/subcommands.js";
import type { TaskFilter } from "../../models/index.js";

export { SUBCOMMANDS, subcommandWords, type Subcommand };

const BY_WORD = new Map<string, Subcommand>((Object.keys(SUBCOMMANDS) as Subcommand[]).flatMap((name) => subcommandWords(name).map((w) => [w, name])));

export type ParsedCommand = { kind: "command"; name: Subcommand; rest: string } | { kind: "unknown"; word: string; suggestion?: string };

/** A word that can be (part of) a subcommand: letters only once folded, or "?". */
const SUBCOMMAND_WORD = /^(?:[a-z]+|\?)$/;

/**
 * The subcommand and the rest, as typed. Only words made of letters can
 * name the subcommand, so an argument of digits or punctuation ("xem #5",
 * "tongquan 9999") is always left to the subcommand.
 */
export function parseCommand(text: string): ParsedCommand {
  const clean = sanitizeText(text).replace(/\s+/g, " ").trim();
  if (clean === "") return { kind: "command", name: "help", rest: "" };
  const words = clean.split(" ");
  // Vietnamese words of several syllables may come with spaces: "báo cáo", "báo cáo tổng hợp".
  for (const n of [4, 3, 2, 1]) {
    if (words.length < n) continue;
    const folded = words.slice(0, n).map(fold);
    if (!folded.every((w) => SUBCOMMAND_WORD.test(w))) continue;
    const name = BY_WORD.get(folded.join(""));
    if (name) return { kind: "command", name, rest: words.slice(n).join(" ") };
  }
  const word = words[0]!.slice(0, 40);
  const suggestion = closest(
    word,
    [...BY_WORD.keys()].filter((w) => w.length > 2),
  );
  return suggestion ? { kind: "unknown", word, suggestion } : { kind: "unknown", word };
}

export type TaskListArgs = { unit: string | null; filter: TaskFilter };

/** "GDNN quá hạn", "sap den han", "LĐ-VL", "overdue": a unit and/or a filter, in any order. */
export function parseTaskListArgs(rest: string): TaskListArgs {
  let text = ` ${fold(rest)} `;
  let filter: TaskListArgs["filter"] = "all";
  const filters: [RegExp, TaskListArgs["filter"]][] = [
    [/ (qua ?han|overdue|tre ?han) /, "overdue"],
    [/ (sap ?den ?han|sap ?den|sap ?han|due ?soon|due|sap ?toi) /, "due_soon"],
    [/ (tat ?ca|all) /, "all"],
  ];
  for (const [re, f] of filters) {
    if (re.test(text)) {
      filter = f;
      text = text.replace(re, " ");
    }
  }
  // Keep the unit as typed (not folded) so it shows in messages as the user wrote it.
  const kept = rest.split(/\s+/).filter((w) => text.includes(` ${fold(w)} `) && w !== "");
  const unit = kept.join(" ").trim();
  return { unit: unit === "" ? null : unit, filter };
}

/** A Slack user mention as Slack escapes it: <@U123> or <@U123|name>. */
export function parseUserMention(word: string): string | null {
  return /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1] ?? null;
}

const ROLES: [RegExp, MemberRole][] = [
  [/^(can ?bo|staff|nhan ?vien|chuyen ?vien)$/, "STAFF"],
  [/^(truong ?phong|lanh ?dao ?(phong|don ?vi)|unit_?lead|lead)$/, "UNIT_LEAD"],
  [/^(van ?phong|office)$/, "OFFICE"],
  [/^(lanh ?dao|lanh ?dao ?so|leadership|giam ?doc)$/, "LEADERSHIP"],
  [/^(quan ?tri|admin)$/, "ADMIN"],
];

export function parseRole(text: string): MemberRole | null {
  const t = fold(text);
  return ROLES.find(([re]) => re.test(t))?.[1] ?? null;
}
