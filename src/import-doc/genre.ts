// What kind of document a file is, and whether it can be a plan. An Office shares whatever its document system
// holds: reports, submissions, charters, laws. Their numbered parts read like tasks ("Điều 3 … 2. Hội có trách
// nhiệm …", "phương hướng, nhiệm vụ quý II"), so without this check a charter became a "plan" of 189 tasks.
//
// The kind is the line that names it under the header ("BÁO CÁO", "TỜ TRÌNH", "ĐIỀU LỆ": the kinds of
// Nghị định 30/2020/NĐ-CP and of the Law on legal documents), or the number of a legal normative document, which
// carries its year ("99/2025/NQ-HĐND", "83/2025/QH15"; a plan's or a decision's assigning work does not:
// "1565/KH-SLĐTBXH", "122/NQ-CP"). Kinds that may carry a plan or assign work (Quyết định ban hành Kế hoạch,
// Nghị quyết with an assignment table, Thông báo kết luận, Công điện, Chỉ thị, Hướng dẫn, Đề án, a letter) are read
// as before, and any document with a plan's title ("KẾ HOẠCH", "CHƯƠNG TRÌNH") anywhere is read.
import { fold } from "../domain/text.js";
import type { Block } from "./read/types.js";

/** Kinds that are not plans, with the English for the message; folded, matched at the start of the line. */
const NOT_PLANS: [RegExp, string, boolean][] = [
  [/^bo luat\b/, "code of law", true],
  [/^luat\b/, "law", true],
  [/^phap lenh\b/, "ordinance", true],
  [/^nghi dinh\b/, "decree", true],
  [/^thong tu\b/, "circular", true],
  [/^nghi quyet lien tich\b/, "joint resolution", true],
  [/^de cuong\b/, "outline", false],
  [/^bao cao\b/, "report", false],
  [/^bien ban\b/, "minutes", false],
  [/^to trinh\b/, "submission", false],
  [/^phieu trinh\b/, "submission slip", false],
  [/^giay moi\b/, "invitation", false],
  [/^giay gioi thieu\b/, "letter of introduction", false],
  [/^dieu le\b/, "charter", false],
  [/^quy che\b/, "regulation", false],
  [/^hop dong\b/, "contract", false],
  [/^bai phat bieu\b/, "speech", false],
  [/^thong cao\b/, "communiqué", false],
  [/^ban ghi nho\b/, "memorandum", false],
  [/^(?:ban )?giai trinh\b/, "explanatory note", false],
];
/** Kinds that may carry a plan or assign work: the first kind line found decides. */
const MAY_BE_PLANS = /^(ke hoach|chuong trinh|phuong an|de an|du an|quyet dinh|nghi quyet|chi thi|thong bao|cong dien|huong dan|cong van)\b/;
const PLAN_TITLE = /^(KẾ HOẠCH|CHƯƠNG TRÌNH)(?:\s|$)/u;
const NORMATIVE_NUMBER = /^\d+\/(?:19|20)\d{2}\/\S/;

export interface NotAPlan {
  vi: string;
  en: string;
}

/** Why a document is not a plan, or undefined when it may be one. */
export function notAPlan(blocks: Block[], number: string | undefined): NotAPlan | undefined {
  const paras = blocks.flatMap((b) => (b.kind === "para" ? [b.text] : []));
  if (paras.some((t) => PLAN_TITLE.test(t))) return undefined;
  for (const t of paras.slice(0, 40)) {
    if (t !== t.toUpperCase() || t.length > 80) continue;
    const f = fold(t);
    if (MAY_BE_PLANS.test(f)) break;
    const kind = NOT_PLANS.find(([re]) => re.test(f));
    if (kind) return message(t, kind[1], kind[2]);
  }
  if (number && NORMATIVE_NUMBER.test(number)) return message(`văn bản số ${number}`, `document No. ${number}`, true);
  return undefined;
}

function message(vi: string, en: string, normative: boolean): NotAPlan {
  return normative
    ? {
        vi: `đây là ${vi} (văn bản quy phạm pháp luật), không có tiêu đề "KẾ HOẠCH" hay "CHƯƠNG TRÌNH". Đề nghị đồng chí nạp kế hoạch triển khai văn bản này`,
        en: `it is ${en.startsWith("document") ? en : `a ${en} (${vi})`}, a legal normative document, with no "KẾ HOẠCH" or "CHƯƠNG TRÌNH" title. Import the plan that implements it instead`,
      }
    : {
        vi: `đây là ${vi}, không phải kế hoạch (không có tiêu đề "KẾ HOẠCH" hay "CHƯƠNG TRÌNH"). Đề nghị đồng chí nạp kế hoạch hoặc văn bản giao nhiệm vụ`,
        en: `it is a ${en} (${vi}), not a plan (no "KẾ HOẠCH" or "CHƯƠNG TRÌNH" title). Import the plan or the document that assigns the work`,
      };
}
