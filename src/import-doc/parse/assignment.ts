// Who leads, who cooperates and by when, as one sentence or line of a plan
// writes it. Pure functions over one piece of text.
//
//   labelled:  "Cơ quan chủ trì: Sở Nội vụ", "Đơn vị phối hợp: …",
//              "Cơ quan thực hiện: Sở X chủ trì, phối hợp với Sở Y, Sở Z",
//              "Thời gian thực hiện: Quý IV/2025", "(Chủ trì: …; thời gian: …)"
//   prose:     "Giao Sở X chủ trì, phối hợp với Sở Y tổ chức …",
//              "Phòng A phối hợp Văn phòng Sở cung cấp …"
//   subject:   "Các phòng, trung tâm thuộc Sở tập trung thực hiện …"
import { fold } from "../../domain/text.js";
import { splitBodies, startsBody, startsPosition } from "./bodies.js";
import type { AssignedVia } from "./model.js";

export interface Assignment {
  lead: string[];
  cooperating: string[];
  due?: string;
  via?: AssignedVia;
}

// Verbs that end a list of bodies in a sentence ("… phối hợp với Sở Y tổ chức thực hiện").
const VERBS = [
  "tham mưu",
  "tổ chức",
  "triển khai",
  "thực hiện",
  "xây dựng",
  "hướng dẫn",
  "kiểm tra",
  "rà soát",
  "cung cấp",
  "theo dõi",
  "đôn đốc",
  "tổng hợp",
  "báo cáo",
  "ban hành",
  "nghiên cứu",
  "đề xuất",
  "trình",
  "tập trung",
  "căn cứ",
  "có trách nhiệm",
  "chịu trách nhiệm",
  "chỉ đạo",
  "phổ biến",
  "tuyên truyền",
  "đánh giá",
  "khảo sát",
  "cập nhật",
  "bố trí",
  "đảm bảo",
  "bảo đảm",
  "duy trì",
  "tiếp tục",
  "tăng cường",
  "đẩy mạnh",
  "nâng cao",
  "quán triệt",
  "công khai",
  "giải quyết",
  "lựa chọn",
  "tiếp nhận",
  "vận hành",
  "quản lý",
  "số hóa",
  "thẩm định",
  "phê duyệt",
  "lập",
  "soạn thảo",
  "biên soạn",
  "kiện toàn",
  "rà soát",
  "giám sát",
  "thống kê",
  "xử lý",
  "chuẩn bị",
  "phát động",
  "hỗ trợ",
  "sơ kết",
  "tổng kết",
  "đăng tải",
  "tiến hành",
  "để",
  "nhằm",
  "trong",
  "theo",
  "thuộc lĩnh vực",
  "là",
  "nâng cấp",
  "đưa",
  "phát triển",
  "hoàn thiện",
  "xác định",
  "ứng dụng",
  "tích hợp",
  "kết nối",
  "chia sẻ",
  "làm sạch",
  "chuẩn hóa",
  "đào tạo",
  "bồi dưỡng",
  "tập huấn",
  "vận động",
  "huy động",
  "sắp xếp",
  "cải thiện",
  "sửa đổi",
  "bổ sung",
  "điều chỉnh",
  "phát hành",
  "thu thập",
  "lấy ý kiến",
  "góp ý",
  "thẩm tra",
  "kiểm soát",
  "tuyên dương",
  "khen thưởng",
  "thanh tra",
  "truyền thông",
  "cung ứng",
  "khẩn trương",
  "chủ động",
  "hoàn thành",
  "nghiêm túc",
  "thiết lập",
  "tham gia",
  // "Ban Thường trực … xã triệu tập và chủ trì hội nghị", "… xã yêu cầu các đồng chí …": what a board does to a meeting
  // or to its members, not part of its name.
  "triệu tập",
  "yêu cầu",
  // "… xã dự kiến tổ chức hội nghị …", "Đồng chí Phó Chủ tịch … trực tiếp tham mưu …", "… xã họp với …", "… trao đổi với …".
  "dự kiến",
  "trực tiếp",
  "họp",
  "trao đổi",
];
// "các tổ chức chính trị - xã hội", "những người …": after "các"/"những" a verb-like word is a noun; "chương trình" too.
// Capitalised as well: a heading "2. Các tổ chức chính trị - xã hội xã" names one body, not "Các" doing "tổ chức".
// After "được" a verb is passive and names the bodies it applies to: "Các cơ quan, đơn vị được kiểm tra".
// After "cơ quan" these name the kind of body, not what it does: "các cơ quan truyền thông, báo chí", "cơ quan quản lý
// nhà nước", "cơ quan thanh tra".
const NOUN_AFTER_CO_QUAN = ["truyền thông", "quản lý", "thanh tra", "kiểm tra", "giám sát", "kiểm soát", "thẩm định"];
const verbAlternation = (vs: string[]) => vs.map((v) => v.replace(/ /g, "\\s")).join("|");
// At the start, "Đoàn kiểm tra", "Tổ kiểm tra": a team named by its work, whose verb is part of its name.
// After "phụ trách" a verb names the field a person is in charge of: "Chuyên viên phụ trách tổng hợp tham mưu …".
const VERB_RE = new RegExp(
  `(?<!,)(?<![Cc]ác)(?<![Nn]hững)(?<![Cc]hương)(?<!được)(?<!phụ trách)(?<!^\\s*(?:Đoàn|Tổ))(?:(?<!cơ quan)\\s(?:${verbAlternation(NOUN_AFTER_CO_QUAN)})|\\s(?:${verbAlternation(VERBS.filter((v) => !NOUN_AFTER_CO_QUAN.includes(v)))}))(?=[\\s,.;:])`,
  "u",
);

/** Cuts a sentence where the first verb starts: what comes before is the list of bodies. */
function beforeVerb(s: string): string {
  const padded = ` ${s} `;
  const m = VERB_RE.exec(padded);
  return (m ? padded.slice(0, m.index) : padded).trim();
}

const LABEL_LEAD = /^(?:[-+•*]\s*)?(?:(?:cơ quan|đơn vị|bộ phận)\s+)?(?:chủ trì(?:\s+thực hiện)?|thực hiện|chịu trách nhiệm(?:\s+thực hiện)?|phụ trách|đầu mối)\s*:\s*(.*)$/iu;
const LABEL_COOP = /^(?:[-+•*]\s*)?(?:(?:cơ quan|đơn vị|bộ phận)\s+)?phối hợp(?:\s+thực hiện)?\s*:\s*(.*)$/iu;
const LABEL_DUE = /^(?:[-+•*]\s*)?(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|báo cáo))?\s*:\s*(.*)$/iu;
const LABEL_OTHER = /^(?:[-+•*]\s*)?(?:sản phẩm|kết quả|kinh phí|nguồn kinh phí|hình thức|dự kiến sản phẩm)(?:\s+[^:]{0,20})?\s*:/iu;
const LABEL_ASSIGN_HEAD = /^(?:[-+•*]\s*)?(?:phân công(?:\s+(?:thực hiện|nhiệm vụ))?|tổ chức thực hiện|trách nhiệm thực hiện)\s*:?\s*$/iu;

export type LabelKind = "lead" | "cooperating" | "due" | "other" | "assign-head";

/** A line that labels a field of the task above it, not a task of its own. */
export function labelOf(line: string): { kind: LabelKind; value: string } | undefined {
  let m: RegExpExecArray | null;
  if ((m = LABEL_LEAD.exec(line))) return { kind: "lead", value: m[1]!.trim() };
  if ((m = LABEL_COOP.exec(line))) return { kind: "cooperating", value: m[1]!.trim() };
  if ((m = LABEL_DUE.exec(line))) return { kind: "due", value: m[1]!.trim().replace(/[.;]$/, "") };
  if (LABEL_OTHER.test(line)) return { kind: "other", value: "" };
  if (LABEL_ASSIGN_HEAD.test(line)) return { kind: "assign-head", value: "" };
  return undefined;
}

/** The value of a "Cơ quan chủ trì:" / "Cơ quan thực hiện:" label: may itself say "X chủ trì, phối hợp với Y". */
export function leadValue(value: string): Assignment {
  const prose = fromProse(value);
  if (prose.lead.length) return { ...prose, via: "label" };
  return { lead: splitBodies(stripTrailing(value)), cooperating: [], via: "label" };
}

export function coopValue(value: string): string[] {
  return splitBodies(stripTrailing(value));
}

function stripTrailing(s: string): string {
  return s.replace(/\s*(?:thực hiện|tổ chức thực hiện)\s*[.;]?$/u, "").replace(/[.;]+$/, "");
}

/**
 * Reads an assignment from a sentence. `atStart` allows the subject form
 * (the text opens with a body followed by a verb), which is how items in
 * "Tổ chức thực hiện" and bullet lists name their lead.
 */
export function fromProse(text: string, atStart = false): Assignment {
  const out: Assignment = { lead: [], cooperating: [] };
  const inline = inlineLabels(text);
  if (inline.lead.length || inline.due) Object.assign(out, inline);
  if (out.lead.length) return out;

  // "… X chủ trì, phối hợp (với) Y …"
  const chuTri = /\s(?:làm đầu mối,?\s*)?chủ trì(?![\p{L}])(?!\s*:)/u.exec(` ${text}`);
  if (chuTri) {
    const before = ` ${text}`.slice(0, chuTri.index);
    const subject = lastClause(before);
    // "- Cơ quan chủ trì, thành phần, số lượng cử tri …" (what an inspection looks at): a bare kind of body names none.
    if (subject && startsBody(subject) && !/^(?:cơ quan|đơn vị|bộ phận)$/iu.test(subject.trim())) {
      out.lead = splitBodies(beforeVerbSubject(subject));
      out.via = "prose";
      const after = ` ${text}`.slice(chuTri.index + chuTri[0].length);
      const coop = /^\s*,?\s*(?:và\s+)?(?:phối hợp|cùng)(?:\s+chặt chẽ)?(?:\s+với)?\s+(.*)$/su.exec(after);
      if (coop) out.cooperating = coopList(coop[1]!);
      // "(X chủ trì; Y phối hợp; …)": the cooperating bodies named before their verb.
      const postposed = /^\s*[;,]\s*([^;:()]+?)\s+phối hợp(?:\s+thực hiện)?\s*(?=[;).,]|$)/u.exec(after);
      if (!coop && postposed && startsBody(postposed[1]!)) out.cooperating = splitBodies(postposed[1]!);
      return out;
    }
  }
  // "Chủ trì, phối hợp với Sở Y nâng cấp …" under a heading that names the lead: the cooperating bodies.
  // Also an item that opens with a verb or two and its own cooperation: "Chủ động phối hợp với các bộ, cơ quan liên
  // quan nghiên cứu …", "Tham mưu, phối hợp chặt chẽ với …", "Theo dõi, đôn đốc và phối hợp chặt chẽ với …".
  const underHeading =
    /^(?:chủ trì|là cơ quan (?:đầu mối|thường trực)|làm đầu mối),?\s*(?:và\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+(.*)$/isu.exec(text.trim()) ??
    /^(?:chủ động|tham mưu|theo dõi|đôn đốc)(?:,?\s+(?:theo dõi|đôn đốc|tham mưu))?,?\s*(?:và\s+)?phối hợp(?:\s+chặt chẽ)?\s+với\s+(.*)$/isu.exec(text.trim());
  if (underHeading) {
    out.cooperating = coopList(underHeading[1]!);
    return out;
  }
  // "Giao Sở X theo dõi …" / "Đề nghị Sở X tham mưu …": the body given the work (a title whole); "Đề nghị X phối hợp Y": Y cooperates.
  const given = /^(?:giao|đề nghị|yêu cầu)\s+(.+)$/iu.exec(text.trim());
  if (given && (startsBody(given[1]!) || startsPosition(given[1]!))) {
    const subject = beforeVerbSubject(given[1]!);
    const helping = /^(.+?)\s+phối hợp(?:\s+với)?\s+(.+)$/u.exec(subject);
    if (helping && startsBody(helping[1]!) && startsBody(helping[2]!)) return { lead: splitBodies(helping[1]!), cooperating: splitBodies(helping[2]!), via: "prose" };
    if (subject && subject !== given[1]!.trim() && subject.split(" ").length <= 25) {
      out.lead = startsBody(subject) ? splitBodies(subject) : [subject];
      out.via = "prose";
      return out;
    }
  }
  // "X phối hợp (với) Y VERB …" at the start of the text.
  const phoiHop = /^(.+?)\s+phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+(.*)$/su.exec(text);
  if (phoiHop && startsBody(phoiHop[1]!) && !/[.;:]/.test(phoiHop[1]!)) {
    const subject = beforeVerbSubject(phoiHop[1]!);
    if (subject === phoiHop[1]!.trim()) {
      out.lead = splitBodies(subject);
      out.cooperating = coopList(phoiHop[2]!);
      out.via = "prose";
      return out;
    }
  }
  // "Căn cứ chức năng, nhiệm vụ được giao, các phòng … có trách nhiệm …": the subject follows the preamble.
  const preamble =
    /^(?:căn cứ|theo|trên cơ sở)\s+(?:chức năng,?\s*nhiệm vụ(?:,\s*quyền hạn)?(?:\s+được giao)?|kế hoạch này|nội dung kế hoạch(?: này)?|nhiệm vụ được giao)\s*,\s*/iu.exec(text);
  if (atStart && preamble) {
    const rest = text.slice(preamble[0].length);
    const inner = fromProse(rest.charAt(0).toUpperCase() + rest.slice(1), true);
    if (inner.lead.length) return inner;
  }
  // "Căn cứ nội dung Kế hoạch này và điều kiện thực tế, các sở, ban, ngành … xây dựng …", "Căn cứ Kế hoạch … của UBND
  // tỉnh, các cơ quan, đơn vị … xây dựng …": whatever the preamble cites, the subject is the bodies after its first
  // comma. Not a later comma: "Trên cơ sở đề xuất của các bộ, cơ quan ngang bộ, …, Bộ Tài chính tổng hợp …" lists
  // the bodies it cites before the one that acts.
  const cited = /^(?:căn cứ|trên cơ sở)\s[^,.;:()]{3,160},\s+/iu.exec(text);
  if (atStart && cited && startsBody(text.slice(cited[0].length))) {
    const rest = text.slice(cited[0].length);
    const inner = fromProse(rest.charAt(0).toUpperCase() + rest.slice(1), true);
    if (inner.lead.length) return inner;
  }
  const when = periodFirst(text);
  if (atStart && when && startsBody(text.slice(when[0].length))) {
    const rest = text.slice(when[0].length);
    const inner = fromProse(rest.charAt(0).toUpperCase() + rest.slice(1), true);
    if (inner.lead.length) return { ...inner, due: inner.due ?? when[1]!.replace(/^[Tt]rong\s+/u, "") };
  }
  if (atStart && startsBody(text)) {
    // "Sở Nội vụ:" / "Sở Nội vụ có trách nhiệm …"
    const colon = /^([^:.;]{3,120}?)\s*:\s*/u.exec(text);
    if (colon && startsBody(colon[1]!) && !VERB_RE.test(` ${colon[1]} `)) {
      out.lead = splitBodies(colon[1]!);
      out.via = "heading";
      // "Sở X: Chủ trì, phối hợp với Sở Y …", "Sở X: Phối hợp với Y …": the cooperating bodies of the line.
      out.cooperating = fromProse(text.slice(colon[0].length)).cooperating;
      return out;
    }
    const subject = beforeVerbSubject(text);
    if (subject && subject !== text.trim() && subject.split(" ").length <= 25) {
      out.lead = splitBodies(subject);
      out.via = "subject";
    }
  } else if (atStart && titleSubject(text)) Object.assign(out, { lead: [titleSubject(text)], via: "subject" });
  if (!out.lead.length && !out.cooperating.length) out.cooperating = ownCooperation(text);
  return out;
}

/**
 * "Quý I/2027, các cơ quan, đơn vị, địa phương đánh giá …": a period first, then who does the work by then. Also a
 * day or a span of days before a colon: "Từ ngày 05/02/2026 - 08/02/2026: Ban Thường trực … trao đổi …".
 */
function periodFirst(text: string): RegExpExecArray | null {
  return (
    /^((?:[Tt]rong\s+)?(?:[Qq]uý|[Qq]uí|[Tt]háng)\s+[IVX\d]{1,4}(?:\s*[/-]\s*|\s+năm\s+)(?:19|20)\d{2}),\s+/u.exec(text) ??
    /^((?:[Tt]ừ\s+)?[Nn]gày\s+\d{1,2}\/\d{1,2}\/(?:19|20)\d{2}(?:\s*(?:[-–]|đến)\s*(?:ngày\s+)?\d{1,2}\/\d{1,2}\/(?:19|20)\d{2})?)\s*[,:]\s+/u.exec(text)
  );
}

/**
 * "Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm …", "Chuyên viên phụ trách tổng hợp tham mưu …": a person by title
 * as the subject, kept whole (a title holds commas: "Phó Chủ tịch Thường trực, phụ trách lĩnh vực …").
 */
function titleSubject(text: string): string | undefined {
  if (!startsPosition(text)) return undefined;
  const subject = beforeVerbSubject(text);
  return subject && subject !== text.trim() && subject.split(" ").length <= 15 && !/[.;:]/u.test(subject) ? subject : undefined;
}

/**
 * A heading that only names bodies ("2. Sở Nội vụ", "4. Các sở, ban, ngành; UBND các xã, phường", "5. Đề nghị
 * Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội"): the lead of the items under it, as "Tổ chức
 * thực hiện" sections assign work body by body. Undefined when the text says more than names.
 */
export function bodyHeading(text: string): string[] | undefined {
  const t = text
    .trim()
    .replace(/^(?:đề nghị|giao|yêu cầu)\s+/iu, "")
    .replace(/[:.]\s*$/u, "")
    .trim()
    // "2. Đề nghị Ủy ban nhân dân xã phối hợp": asked to help, the body leads the items under it.
    .replace(/^(.+?)\s+phối hợp(?:\s+thực hiện)?$/u, (all, body: string) => (/^(?:đề nghị|giao|yêu cầu)\s/iu.test(text.trim()) ? body : all));
  if (!t || t.length > 200 || /chủ trì|phối hợp|[.;:]\s/u.test(t.replace(/;\s*(?=\S)/gu, ", "))) return undefined;
  // A title heading: "… phụ trách lĩnh vực X" (whatever X says), or a title with no verb after it.
  if (!startsBody(t) && startsPosition(t)) return t.length <= 120 && (/\sphụ trách\s/u.test(t) || beforeVerbSubject(t) === t) ? [t] : undefined;
  if (!startsBody(t)) return undefined;
  if (beforeVerbSubject(t) !== t) return undefined;
  const bodies = splitBodies(t);
  return bodies.length && bodies.every((b) => startsBody(b) || /^[A-ZĐ]{2,}/u.test(b)) ? bodies : undefined;
}

// Nouns that make "phối hợp với" the name of a product or a relation, not a cooperation: "quy chế phối hợp với …".
const COOP_AS_NOUN = /(?:quy chế|quy định|chương trình|cơ chế|kế hoạch|mối quan hệ|sự|công tác|hoạt động|nội dung)\s*$/iu;

/**
 * The cooperating bodies of an item whose lead is not in its text (its heading's), named in its opening words:
 * "Phối hợp với X …", "Tích cực phối hợp với X …", "Hướng dẫn, phối hợp với X …", "Định hướng và phối hợp chặt chẽ
 * với X …". Not when a body is the subject ("Sở Y phối hợp với …", the subject form) nor when "phối hợp" names a
 * product or a relation ("Quy chế phối hợp với …").
 */
function ownCooperation(text: string): string[] {
  // "…. Rà soát …; chủ trì, phối hợp với X …": a later clause that opens with "chủ trì" has no other subject.
  const later = /[.;]\s+(?:chủ trì|Chủ trì),?\s*(?:và\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+(.*)$/su.exec(text);
  if (later) return coopList(later[1]!);
  const m = /(?:^|[\s,])phối hợp(?:\s+chặt chẽ)?\s+với\s+(.*)$/isu.exec(text.trim());
  if (!m) return [];
  const before = text
    .trim()
    .slice(0, m.index)
    .replace(/[,\s]+$/u, "");
  // Only in the item's opening words (a verb or two): further on, "phối hợp với" is one step of the work, and a
  // collective named there is often the heading's own cooperating bodies said again.
  if (before.split(/\s+/u).length > 4 || /[.;:]/u.test(before) || COOP_AS_NOUN.test(before) || (before && startsBody(before))) return [];
  return coopList(m[1]!);
}

/** Text after the last sentence boundary or "giao"/"đề nghị" before the verb "chủ trì". */
function lastClause(before: string): string {
  const parts = before.split(/[.;:]\s|\(|\n|(?<![\p{L}])(?<!được )(?:giao|đề nghị|yêu cầu|do|để|Giao|Đề nghị|Yêu cầu|Do)\s+/u);
  return (parts.at(-1) ?? "").replace(/^[,\s-]+/, "").trim();
}

function beforeVerbSubject(s: string): string {
  return beforeVerb(s).replace(/[,\s]+$/, "");
}

function coopList(rest: string): string[] {
  // "các Bộ: Xây dựng, Quốc phòng theo chức năng …": the ministries named after the colon.
  const named = /^các\s+(Bộ|Sở)\s*:\s*([^.;:(\n]+)/u.exec(rest.trim());
  if (named) return splitBodies(`các ${named[1]}: ${beforeVerb(named[2]!).replace(/[,\s]+$/, "")}`);
  const stop = rest.split(/[.;:(\n]/u)[0]!;
  const list = beforeVerb(stop).replace(/[,\s]+$/, "");
  // A person by title cooperates too: "phối hợp với Trưởng thôn rà soát …", "… với Thư ký hội nghị hoàn thiện biên bản".
  return splitBodies(list).filter((b) => startsBody(b) || /^[A-ZĐ]{2,}/u.test(b) || startsPosition(b));
}

/**
 * Bodies named further inside an item for a part of its work: "…; phối hợp với Bộ Công an rà soát …" (the object
 * of "phối hợp với"), every body of a later sentence "…. Phối hợp với X …", and "…, Bộ Tài chính khẩn trương phối hợp với …" (a ministry as subject of its own part). Only
 * a named ministry or department ("Bộ X", "Sở X", "Ngân hàng Nhà nước …"), not "các bộ, cơ quan": a collective
 * there is the heading's own cooperating bodies said again.
 */
export function partnersInText(text: string): string[] {
  const out: string[] = [];
  const named = (b: string) => /^(?:Bộ|Sở|Ngân hàng Nhà nước)\s+\p{Lu}/u.test(b);
  for (const m of text.matchAll(/(?<=.)[Pp]hối hợp(?:\s+chặt chẽ)?\s+với\s+([^.;:(\n]+)/gu)) out.push(...coopList(m[1]!).filter(named));
  // "Chỉ đạo tổ chức kiểm tra …. Phối hợp với các cơ quan, địa phương có liên quan để thống nhất …": a later sentence
  // with no subject of its own that opens with its cooperation names every body it lists, collectives too, besides
  // those of the heading above.
  for (const m of text.matchAll(/\.\s+Phối hợp(?:\s+chặt chẽ)?\s+với\s+([^.;:(\n]+)/gu)) out.push(...coopList(m[1]!));
  for (const m of text.matchAll(/(?:^|[,.;]\s+)((?:Bộ|Sở)\s+\p{Lu}[^,.;:]{2,60}?)\s+(?:khẩn trương\s+|chủ động\s+)?phối hợp\s+với/gu)) {
    if (named(m[1]!) && !VERB_RE.test(` ${m[1]} `)) out.push(m[1]!.trim());
  }
  return [...new Set(out)];
}

/** "(Chủ trì: Sở X; phối hợp: Sở Y; thời gian: Quý IV/2025)" or "Cơ quan chủ trì: Sở X. Cơ quan phối hợp: Sở Y." inside a line. */
function inlineLabels(text: string): Assignment {
  const out: Assignment = { lead: [], cooperating: [] };
  const lead = /(?:cơ quan|đơn vị)?\s*chủ trì(?:\s+thực hiện)?\s*:\s*([^;)\n]+)/iu.exec(text);
  if (lead) {
    out.lead = splitBodies(untilNextLabel(lead[1]!));
    out.via = "label";
  }
  const coop = /phối hợp(?:\s+thực hiện)?\s*:\s*([^;)\n]+)/iu.exec(text);
  if (coop) out.cooperating = splitBodies(untilNextLabel(coop[1]!));
  const due = /(?:thời gian|thời hạn)(?:\s+(?:thực hiện|hoàn thành))?\s*:\s*([^;)\n]+)/iu.exec(text);
  if (due) out.due = untilNextLabel(due[1]!).trim();
  return out;
}

/** A labelled value ends where the next label starts (". Cơ quan phối hợp:", ", thời gian:") or at a full stop. */
function untilNextLabel(value: string): string {
  const next = /[.;,]?\s*(?:(?:cơ quan|đơn vị|bộ phận)\s+)?(?:chủ trì|phối hợp|thời gian|thời hạn|tiến độ|sản phẩm|kinh phí|kết quả)(?:\s+(?:thực hiện|hoàn thành))?\s*:/iu.exec(
    value,
  );
  const cut = next ? value.slice(0, next.index) : value;
  // A full stop before a capital ends the value, unless it closes an abbreviation ("UBND TP. Huế").
  return cut.replace(/(?<!\b(?:TP|Tp|TX|Tx|Q|P|H|TT))\.\s+[A-ZĐÀ-Ỹ].*$/su, "").replace(/[.,\s]+$/u, "");
}

/** A deadline written inside the task's sentence: "…, hoàn thành trước ngày 30/6/2025", "(Quý IV/2025)". */
export function dueInText(text: string, parses: (s: string) => boolean): string | undefined {
  // "hoàn thành trong Quý I/2026": the deadline is the period, "trong"/"vào" only introduces it.
  const phrase = (found: string): string | undefined => {
    const bare = found.replace(/^(?:trong|vào)\s+(?=(?:quý|quí|tháng|năm|ngày|\d))/iu, "");
    if (bare !== found && parses(bare)) return bare;
    return parses(found) ? found : undefined;
  };
  // "…; hoàn thành trong quý II năm 2026" says when the task is done even where a parenthesis names a period
  // earlier in the sentence ("nhiệm kỳ Quốc hội khóa XVI (2026 - 2031); hoàn thành trong quý II năm 2026").
  const done = /hoàn thành\s+((?:trong|trước|chậm nhất)\s+[^.;,()]{3,40})/iu.exec(text);
  const doneDue = done ? phrase(done[1]!.trim()) : undefined;
  if (doneDue) return doneDue;
  for (const m of text.matchAll(/\(([^()]{3,60})\)/gu)) if (parses(m[1]!.trim()) && !longAgoRange(m[1]!)) return m[1]!.trim();
  const m = /(?:hoàn thành|xong|thực hiện|báo cáo[^.;]{0,40}?|gửi[^.;]{0,60}?)\s+((?:trong|trước|chậm nhất|vào|trong tháng|trong quý)\s+[^.;,()]{3,40})/u.exec(text);
  const cued = m ? phrase(m[1]!.trim()) : undefined;
  if (cued) return cued;
  // A quarter, a month or a day set anywhere in the sentence, whatever the verb before it: "hoàn thành việc phê duyệt
  // quy hoạch trong quý II năm 2026", "Trong quý II năm 2026, nghiên cứu …", "…; trước ngày 10 tháng 5 năm 2026, có
  // hướng dẫn …", up to its year ("trong tháng 5 năm 2026 nội dung trình …"). Not "trong năm 2026" alone, which as often measures a target ("tiết kiệm điện … trong năm 2026").
  for (const b of text.matchAll(/(?<![\p{L}\p{N}])((?:trong\s+(?:quý|quí|tháng)|(?:trước|chậm nhất(?:\s+là)?|vào)\s+ngày)\s+[^.;,()]{1,30}?(?<!\d)(?:19|20)\d{2}(?!\d))/giu)) {
    const due = phrase(b[1]!.trim());
    if (due) return due;
  }
  // "…; thực hiện thường xuyên", "triển khai hằng năm": a cadence at the end of a clause.
  const cadence =
    /(?:thực hiện|triển khai|tổ chức)\s+(thường xuyên|liên tục|hằng năm|hàng năm|định kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng)|\s+\d{1,2}\s+tháng)?)\s*(?=[.;)]|$)/iu.exec(text);
  if (cadence && parses(cadence[1]!)) return cadence[1]!;
  return undefined;
}

/** "(27/7/1947 - 27/7/2027)": a span of more than ten years names an anniversary or an era, not when work is due. */
function longAgoRange(s: string): boolean {
  const years = [...s.matchAll(/\b(?:19|20)\d{2}\b/g)].map((y) => Number(y[0]));
  return years.length >= 2 && Math.max(...years) - Math.min(...years) > 10;
}

export function isFolded(text: string, re: RegExp): boolean {
  return re.test(fold(text));
}
