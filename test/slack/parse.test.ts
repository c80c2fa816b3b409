// parseCommand against every form README and `/kehoach help` document, with
// and without diacritics, spaced or not, in any case, in NFC or NFD, and
// with arguments of every shape: the subcommand is the documented one and
// the arguments come through whole (digits and punctuation included).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, sanitizeText } from "../../src/domain/text.js";
import { parseCommand, SUBCOMMANDS, subcommandWords, type Subcommand } from "../../src/slack/commands/parse.js";

/** How people type each subcommand: the documented words, and the Vietnamese ones with diacritics and spaces. */
const SPELLINGS: Record<Subcommand, string[]> = {
  help: [...subcommandWords("help"), "trợ giúp", "hướng dẫn", "giúp đỡ"],
  overview: [...subcommandWords("overview"), "tổng quan", "tong quan", "tình hình"],
  tasks: [...subcommandWords("tasks"), "việc", "nhiệm vụ", "nhiem vu", "công việc"],
  show: [...subcommandWords("show"), "chi tiết"],
  report: [...subcommandWords("report"), "báo cáo", "bao cao", "báocáo"],
  obstacle: [...subcommandWords("obstacle"), "vướng mắc", "vuong mac", "khó khăn"],
  indicators: [...subcommandWords("indicators"), "chỉ số", "tiêu chí"],
  units: [...subcommandWords("units"), "đơn vị", "don vi"],
  members: [...subcommandWords("members"), "thành viên", "thanh vien"],
  channel: [...subcommandWords("channel"), "kênh"],
  language: [...subcommandWords("language"), "ngôn ngữ", "ngon ngu"],
  deliveries: [...subcommandWords("deliveries"), "tin nhắn", "tin nhan"],
  extension: [...subcommandWords("extension"), "gia hạn", "gia han"],
  unitReport: [...subcommandWords("unitReport"), "báo cáo đơn vị", "bao cao don vi"],
  reportStatus: [...subcommandWords("reportStatus"), "tình hình báo cáo", "theo dõi báo cáo"],
  consolidated: [...subcommandWords("consolidated"), "báo cáo tổng hợp", "bao cao tong hop", "tổng hợp"],
  importPlan: [...subcommandWords("importPlan"), "nhậpkếhoạch", "NHAPKEHOACH"],
};

/** Arguments as README and help show them, and the shapes that used to be swallowed. */
const DOCUMENTED_ARGS = [
  "II.2.c.2",
  "ii2c2",
  "1565:II.2.c.2",
  "#42",
  "#5",
  "5",
  "9999",
  "1565",
  "1565/KH-SLĐTBXH",
  "1565/kh-sldtbxh",
  "GDNN",
  "LĐ-VL",
  "ldvl",
  "quá hạn",
  "quahan",
  "sắp đến hạn",
  "sapdenhan",
  "<@U0LDVL001|tai>",
  "<@U0LDVL001>",
  "<#C0GDNN001|phong-gdnn>",
  "#phong-gdnn",
  "#kênh",
  "vi",
  "en",
  "them",
  "xoa",
  "canbo",
  "truongphong",
  "loi",
  "guilai",
  "Chưa nhận được đề nghị của Viện",
  "50%",
  "(1)",
  "...",
  "—",
  "#",
  "?",
  "2023-09-30",
];

const digitsOrPunctuation = fc.stringMatching(/^[#0-9.,:;/()%+\-–]{1,12}$/);
const word = fc.oneof(fc.constantFrom(...DOCUMENTED_ARGS), digitsOrPunctuation, fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }));
const args = fc.array(word, { minLength: 0, maxLength: 5 }).map((ws) => ws.join(" "));
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s[0]!.toUpperCase() + s.slice(1),
);
const form = fc.constantFrom(...(Object.keys(SPELLINGS) as Subcommand[])).chain((name) => fc.record({ name: fc.constant(name), spelling: fc.constantFrom(...SPELLINGS[name]) }));

/** What the subcommand should receive: the arguments as sanitised and with white space collapsed. */
const expectedRest = (text: string) => sanitizeText(text).replace(/\s+/g, " ").trim();
const isCommandWord = (w: string) => (Object.keys(SUBCOMMANDS) as Subcommand[]).some((name) => subcommandWords(name).includes(w));

describe("parseCommand over every documented form", () => {
  it("finds the documented subcommand and passes the arguments whole", () => {
    fc.assert(
      fc.property(form, casing, args, fc.boolean(), fc.constantFrom(" ", "  ", "\t", " \n "), ({ name, spelling }, cased, rest, nfd, gap) => {
        const firstArg = expectedRest(rest).split(" ")[0] ?? "";
        // "member" + "s" is "members": a one-word spelling and a first argument that make a command word together are ambiguous by design.
        fc.pre(!(spelling.split(" ").length === 1 && isCommandWord(fold(spelling + firstArg))));
        let text = `${cased(spelling)}${rest ? gap + rest : ""}`;
        if (nfd) text = text.normalize("NFD");
        const parsed = parseCommand(text);
        expect(parsed).toEqual({ kind: "command", name, rest: expectedRest(rest) });
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    ["xem #5", "show", "#5"],
    ["xem 5", "show", "5"],
    ["baocao #5", "report", "#5"],
    ["báo cáo #5", "report", "#5"],
    ["tongquan 9999", "overview", "9999"],
    ["tổng quan 1565", "overview", "1565"],
    ["vuongmac II.2.c.2 50% chưa xong", "obstacle", "II.2.c.2 50% chưa xong"],
    ["viec 5", "tasks", "5"],
    ["", "help", ""],
  ])("%j is %s with %j", (text, name, rest) => {
    expect(parseCommand(text)).toEqual({ kind: "command", name, rest });
  });

  it("strips control characters at the boundary, keeping the words", () => {
    expect(parseCommand("vuongmac II.2.c.2 Chưa\u0000 có\u001b danh sách")).toEqual({ kind: "command", name: "obstacle", rest: "II.2.c.2 Chưa có danh sách" });
  });

  it("still answers an unknown word with a suggestion", () => {
    expect(parseCommand("tongqan 1565")).toMatchObject({ kind: "unknown", word: "tongqan", suggestion: "tongquan" });
  });
});

describe("sanitizeText", () => {
  it("removes every C0 control but tab and newline, DEL and C1, and keeps everything else", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const out = sanitizeText(s);
        expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        expect(out).toBe(out.normalize("NFC"));
        expect(sanitizeText(out)).toBe(out);
      }),
    );
    expect(sanitizeText("a\u0000b\tc\r\nd\u001b[0m\u0085")).toBe("ab\tc\nd[0m");
  });
});
