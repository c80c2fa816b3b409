// Bodies (cơ quan, đơn vị) named in a plan: splitting a list into one entry
// per body, and matching each to a known unit by name, alias, code or
// abbreviation, with or without diacritics. Pure functions.
//
// Splitting is the hard part: "Sở Giáo dục và Đào tạo" is one body, "Sở
// Tài chính, Sở Tư pháp và các cơ quan liên quan" three, "UBND các xã,
// phường, đặc khu" one. A comma or "và" separates two bodies only when what
// follows it starts a body ("Sở …", "UBND …", "các cơ quan …"); commas and
// "và" inside a name, and anything inside parentheses, never split.
import { codeKey, fold } from "../../domain/text.js";

// What a body's name starts with. Verbs that share a first word with a body
// ("Tổ chức", "Ban hành", "Phòng, chống", "Hội nghị") are excluded, and so is
// a minister ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch …" heads the
// bodies the item's heading names; "Bộ trưởng Bộ Tài chính - Phó Trưởng Ban …"
// acts for the ministry that leads).
const BODY_START =
  /^(?:Sở|Phòng(?!,| chống| ngừa)|Văn phòng|VP|Trung tâm|TT\b|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Ban(?! hành)|BQL|Chi cục|Cục|Công an|Bộ(?! thủ tục| tiêu chí| chỉ số| câu hỏi| máy| phận một cửa| trưởng)|Đài|Báo(?! cáo)|Tạp chí|Hội(?! nghị| thảo| thi| nhập)|Liên đoàn|Liên minh|Đoàn(?! kết)|Tỉnh đoàn|Thành đoàn|Mặt trận|MTTQ|Kho bạc|KBNN|Bảo hiểm|BHXH|Ngân hàng|Viện|Trường(?! hợp)|Bệnh viện|Thanh tra(?!,| việc| các| kiểm tra)|Tòa án|Toà án|TAND|Viện kiểm sát|VKSND|Thuế|Hải quan|Đảng ủy|Đảng uỷ|Huyện ủy|Tỉnh ủy|Thành ủy|Công ty|Tổng công ty|Học viện|Đại học|Bưu điện|Viễn thông|VNPT|Viettel|Điện lực|Chi nhánh|Công đoàn|Bộ Chỉ huy|Lãnh đạo|Chủ tịch|Giám đốc|Thủ trưởng|Người đứng đầu|Tổ (?:công tác|giúp việc|thư ký|kiểm tra|chuyên|một cửa)|Đơn vị|Cơ quan|[Cc]ác (?:[bB]ộ(?=[ ,])(?! hồ sơ| thủ tục| tiêu chí| chỉ số| câu hỏi| phận)|sở|Sở|phòng|ban|ngành|cơ quan|đơn vị|địa phương|tổ chức hội|tổ chức nhân dân|tổ chức chính trị|tổ chức đoàn thể|tổ chức thành viên|chi hội|trung tâm|xã|phường|huyện|quận|doanh nghiệp|tập đoàn|Tập đoàn|tỉnh|hội|đoàn thể|bộ phận|trường|cơ sở|thành viên|Ban|Phòng|cấp)|UBMTTQ|Ủy ban MTTQ|[Tt]hành phố (?=\p{Lu}))/u;

/** An upper-case abbreviation ("GDNN", "KH-TC", "LĐ-VL") standing for a body in a list. */
const ABBREVIATION = /^[A-ZĐ][A-ZĐ&]{1,}(?:[-&][A-ZĐ&]+)*\b/u;

/** Does this text start like the name of a body? */
export function startsBody(s: string): boolean {
  return BODY_START.test(s.trim().replace(/^[-+•*]\s*/, ""));
}

/**
 * A person named by title ("Các đ/c Phó Chủ tịch", "Trưởng đoàn thể xã", "các đồng chí Chuyên viên cơ quan MTTQ xã"):
 * commune and ward plans assign work to the members of a standing board rather than to bodies. Starts an entry in
 * a list only, not a body in a sentence (so "Chủ trì: Đồng chí Phó Chủ tịch, phụ trách lĩnh vực …" stays one).
 */
const PERSON_TITLE =
  /^(?:(?:[Cc]ác|[Nn]hững)\s+)?(?:(?:đồng chí|Đồng chí|đ\/c|Đ\/c)(?=\s)|(?:Phó\s+|phó\s+)?(?:Chủ tịch|chủ tịch|Trưởng|trưởng|Chuyên viên|chuyên viên|Cán bộ|cán bộ|Bí thư|bí thư|Ủy viên|Uỷ viên|ủy viên|uỷ viên|Thư ký|thư ký)(?![\p{L}]))/u;

/**
 * A heading that names a person by title, not a body ("3. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội",
 * "4. Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng", "2. Chuyên viên Cơ quan Ủy ban MTTQ xã"): commune plans
 * assign their last part title by title. The title is kept whole, its commas inside it.
 */
export function startsPosition(s: string): boolean {
  return PERSON_TITLE.test(s.trim());
}

/** In a list already known to hold bodies, an abbreviation or a person's title also starts one. */
function startsListItem(s: string): boolean {
  const t = s.trim().replace(/^[-+•*]\s*/, "");
  return BODY_START.test(t) || ABBREVIATION.test(t) || PERSON_TITLE.test(t);
}

/**
 * Splits a list of bodies into one entry per body. Newlines and semicolons
 * always separate; commas, "và", "cùng" and "với" only before a body.
 */
export function splitBodies(input: string): string[] {
  const out: string[] = [];
  // Bodies numbered in the cell, "(1) Bộ Tư pháp (2) Văn phòng Chính phủ" (NQ 175/NQ-CP): one a number.
  const numbered = /^\s*\(1\)\s/.test(input) ? input.replace(/(?:^|\s)\(\d{1,2}\)\s+/g, "\n") : input;
  for (const chunk of splitOutsideParens(numbered.replace(/\r/g, ""), /\n|;/)) {
    const text = chunk.replace(/^\s*[-+•*]\s*/, "").trim();
    if (!text) continue;
    // "Các Bộ: NN&MT, Xây dựng, Y tế", "các Sở: Tài chính, Tư pháp": one body of that kind per name.
    const kinds = /^(?:các|Các)\s+(Bộ|Sở|Phòng|Ban)\s*:\s*(.+)$/su.exec(text);
    if (kinds) {
      for (const name of kinds[2]!.split(/\s*,\s*/u)) {
        const body = tidy(name);
        if (body) out.push(`${kinds[1]} ${body}`);
      }
      continue;
    }
    const places = committeesOfPlaces(text);
    if (places) {
      out.push(...places);
      continue;
    }
    // Candidate cut points: ", " and " và " / " cùng " / " với " outside parentheses; the space after a
    // parenthesis closing a body's scope ("Bộ Tư pháp (đối với …) Bộ Tài chính (đối với …)", NQ 97/NQ-CP); and a
    // plain space before "Cơ quan …" or "Và các …" in capitals after a named body: a cell's next line, one body a
    // line (QĐ 982/QĐ-TTg: "Bộ Công Thương" / "Cơ quan, tổ chức và doanh nghiệp liên quan").
    const parts = splitOutsideParens(text, /,\s*|\s+(?:và|cùng|với)\s+|(?<=\))\s+|\s+(?=(?:Cơ quan|Và các)[\s,])/u, (rest, before, sep) =>
      sep.trim() === "" && !before.trimEnd().endsWith(")")
        ? startsBody(before) && /\s/.test(before.trim()) && !bareStart(before)
        : (startsListItem(rest) || kindAfterNamed(rest, before, sep)) && !jointOffice(before, sep, rest) && !stateGroups(before, rest) && !namelessKind(before, sep),
    );
    for (const p of parts) {
      const body = tidy(p);
      if (body) out.push(body);
    }
  }
  return dedupeFolded(out);
}

/** A kind of body alone, with no name after it ("Văn phòng" of "Văn phòng Cơ quan Ủy ban MTTQ xã"): not a body yet. */
function bareStart(before: string): boolean {
  const t = before.trim();
  return BODY_START.exec(t)?.[0].length === t.length;
}

/** A place's proper name, with its kind in front or not: "thành phố Hà Nội", "Thành phố Hồ Chí Minh", "Hòa Bình". */
const PLACE = /^(?:(?:thành phố|Thành phố|tỉnh|Tỉnh)\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}$/u;

/**
 * "UBND thành phố Hà Nội, Thành phố Hồ Chí Minh, Hòa Bình, Cần Thơ, Lâm Đồng" (NQ 175/NQ-CP): the People's
 * Committee of each place the list names, when every item is a place's proper name (not a body: "UBND tỉnh
 * Lâm Đồng, Sở Tư pháp" is read as two bodies as before).
 */
function committeesOfPlaces(text: string): string[] | undefined {
  const m = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/su.exec(text);
  if (!m) return undefined;
  const items = m[2]!.split(/\s*,\s*|\s+và\s+/u).map((x) => x.trim());
  if (items.length < 2) return undefined;
  const place = (x: string) => PLACE.test(x) && (!startsBody(x) || /^thành phố\s/iu.test(x));
  return items.every(place) ? items.map((x) => `${m[1]} ${x}`) : undefined;
}

/** A kind of body written in lower case after a comma ("…, cơ quan, đơn vị liên quan", "…, cơ sở khám bệnh"). */
const LOWER_KIND = /^(?:cơ quan|cơ sở|doanh nghiệp)(?![\p{L}])/u;
/** A list of kinds alone ("Bộ, ngành", "các bộ, ngành"): what follows it belongs to the same group. */
const BARE_KINDS = /^(?:và\s+)?(?:(?:các|những)\s+)?(?:bộ|ngành|cơ quan|tổ chức|đơn vị|địa phương|sở|ban)(?:\s*,\s*(?:bộ|ngành|cơ quan|tổ chức|đơn vị|địa phương|sở|ban))*$/iu;

/**
 * "Bộ Tài chính, cơ quan, đơn vị liên quan", "Các bộ, cơ quan ngang bộ và cơ quan, tổ chức liên quan": after a
 * named body, a comma or "và" and a kind of body in lower case starts a new
 * entry (the bodies concerned); after a bare list of kinds ("Bộ, ngành, cơ quan, đơn vị có liên quan") it
 * goes on with the same group.
 */
function kindAfterNamed(rest: string, before: string, sep: string): boolean {
  // "Các Bộ, cơ quan, địa phương và đơn vị có liên quan" (NQ 109/NQ-CP): "và" the units concerned is a group of its own.
  if (sep.trim() === "và" && /^(?:các\s+)?đơn vị\s+(?:có\s+)?liên quan/u.test(rest)) return true;
  return (sep.trim() === "," || sep.trim() === "và") && LOWER_KIND.test(rest) && !BARE_KINDS.test(before.trim());
}

/**
 * "Văn phòng HĐND và UBND xã", "Văn phòng Đoàn ĐBQH và HĐND tỉnh": one
 * office serving two bodies, whose name joins them with "và".
 */
function jointOffice(before: string, sep: string, rest: string): boolean {
  if (!/^\s*và\s*$/u.test(sep)) return false;
  const last = before.split(/,\s*/u).at(-1)!.trim();
  return /^(?:Văn phòng|VP)\s+(?:HĐND|Hội đồng nhân dân|Đoàn ĐBQH|Đoàn đại biểu Quốc hội)$/u.test(last) && /^(?:UBND|Ủy ban|Uỷ ban|HĐND|Hội đồng nhân dân)/u.test(rest);
}

/**
 * "Báo và Đài Phát thanh, Truyền hình Lâm Đồng", "Báo và Phát thanh, Truyền hình tỉnh": a kind of body with no name
 * of its own before "và" is the first word of one name (a province's merged press body), not a body.
 */
function namelessKind(before: string, sep: string): boolean {
  return /^\s*và\s*$/u.test(sep) && /^(?:Báo|Đài|Tạp chí)$/u.test(before.split(/,\s*/u).at(-1)!.trim());
}

/**
 * "Các Tập đoàn, Tổng công ty", "các Tập đoàn kinh tế, Tổng công ty, doanh nghiệp nhà nước": one collective, the
 * State's economic groups and corporations, not a list of bodies (NQ 122/NQ-CP, NQ 109/NQ-CP).
 */
function stateGroups(before: string, rest: string): boolean {
  return /^[Cc]ác\s+Tập đoàn/u.test(before.trim()) && /^(?:Tổng công ty|doanh nghiệp)(?![\p{L}])/u.test(rest);
}

function tidy(s: string): string {
  return (
    s
      .replace(/\s*\((?:theo|căn cứ|trong phạm vi)\s+(?:chức năng|lĩnh vực|thẩm quyền|nhiệm vụ|phạm vi)[^()]*\)/giu, "")
      // "Bộ Tư pháp (đối với các nội dung liên quan đến thủ tục hành chính)": the part it leads, not its name.
      .replace(/\s*\(đối với\s[^()]*\)/giu, "")
      // "Sở Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh)": the body's standing role, not its name.
      .replace(/\s*\((?:là\s+)?(?:cơ quan|đơn vị)\s+(?:thường trực|đầu mối|chủ quản)[^()]*\)/giu, "")
      .replace(/^(?:và|với|cùng|phối hợp(?: với)?)\s+/iu, "")
      // "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp", "Sở Y tế đối với địa phương": the body is
      // the one before; who it submits to, or where it acts, is not part of its name.
      .replace(/\s+trình\s+(?:Hội đồng|HĐND|Ủy ban|Uỷ ban|UBND|cấp có thẩm quyền|Thủ tướng|Chính phủ|cấp trên)[^,;]*$/u, "")
      .replace(/\s+đối với\s+(?:địa phương|cấp tỉnh|cấp xã|trung ương|Trung ương)$/u, "")
      .replace(/[.;:,]+$/u, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function dedupeFolded(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((b) => {
    const k = fold(b);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Splits `s` at matches of `sep` that are outside parentheses and, when
 * `accept` is given, only where the text after the separator passes it.
 */
function splitOutsideParens(s: string, sep: RegExp, accept?: (rest: string, before: string, sep: string) => boolean): string[] {
  const re = new RegExp(sep.source, sep.flags.includes("g") ? sep.flags : `${sep.flags}g`);
  const parts: string[] = [];
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const before = s.slice(0, m.index);
    const depth = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
    if (depth > 0) continue;
    const rest = s.slice(m.index + m[0].length);
    if (accept && !accept(rest, s.slice(start, m.index), m[0])) continue;
    parts.push(s.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(s.slice(start));
  return parts;
}

// Abbreviations written in plans, expanded before comparing (folded forms).
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, "uy ban nhan dan"],
  [/\bhdnd\b/g, "hoi dong nhan dan"],
  [/\bub mttq(?:vn)?\b|\bubmttq(?:vn)?\b/g, "uy ban mat tran to quoc viet nam"],
  [/\bmttq(?:vn)?\b/g, "mat tran to quoc viet nam"],
  [/\btp\.?\s*/g, "thanh pho "],
  [/\bkh ?& ?cn\b|\bkhcn\b/g, "khoa hoc va cong nghe"],
  [/\bgd ?& ?dt\b|\bgddt\b/g, "giao duc va dao tao"],
  [/\bld ?- ?tb ?& ?xh\b|\bldtbxh\b|\bld-tbxh\b/g, "lao dong thuong binh va xa hoi"],
  [/\btt ?& ?tt\b|\btttt\b/g, "thong tin va truyen thong"],
  [/\btn ?& ?mt\b|\btnmt\b/g, "tai nguyen va moi truong"],
  [/\bnn ?& ?ptnt\b|\bnnptnt\b/g, "nong nghiep va phat trien nong thon"],
  [/\bnn ?& ?mt\b|\bnnmt\b/g, "nong nghiep va moi truong"],
  [/\bvh ?,? ?tt ?& ?dl\b|\bvhttdl\b|\bvh,tt&dl\b/g, "van hoa the thao va du lich"],
  [/\bkh ?& ?dt\b|\bkhdt\b/g, "ke hoach va dau tu"],
  [/\bgtvt\b/g, "giao thong van tai"],
  [/\bxd\b/g, "xay dung"],
  [/\bbhxh\b/g, "bao hiem xa hoi"],
  [/\bcchc\b/g, "cai cach hanh chinh"],
  [/\bhcc\b/g, "hanh chinh cong"],
  [/\bkbnn\b/g, "kho bac nha nuoc"],
  [/\bttdvvl\b/g, "trung tam dich vu viec lam"],
  [/\bvp\b/g, "van phong"],
  [/\btt\b/g, "trung tam"],
];

/**
 * The key two spellings of one body share: folded, abbreviations expanded,
 * punctuation and "&" dropped ("Sở KH&CN" = "Sở Khoa học và Công nghệ").
 */
export function bodyKey(name: string): string {
  let t = fold(name).replace(/–|—/g, "-");
  for (const [re, full] of ABBREVIATIONS) t = t.replace(re, full);
  return t
    .replace(/&/g, " va ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface KnownUnit {
  code: string;
  name: string;
  aliases: string[];
}

export interface KnownGroup {
  code: string;
  name: string;
}

export type BodyMatch = { kind: "unit"; code: string; name: string } | { kind: "group"; code: string; name: string } | { kind: "new"; name: string; key: string };

/** Matches bodies to known units and groups; built once per document. */
export class BodyMatcher {
  private readonly byKey = new Map<string, BodyMatch>();
  constructor(units: readonly KnownUnit[], groups: readonly KnownGroup[] = []) {
    for (const u of units) {
      const m: BodyMatch = { kind: "unit", code: u.code, name: u.name };
      for (const k of [u.name, ...u.aliases].map(bodyKey)) if (k && !this.byKey.has(k)) this.byKey.set(k, m);
      this.byKey.set(`code:${codeKey(u.code)}`, m);
    }
    for (const g of groups) {
      const m: BodyMatch = { kind: "group", code: g.code, name: g.name };
      const k = bodyKey(g.name);
      if (k && !this.byKey.has(k)) this.byKey.set(k, m);
      this.byKey.set(`code:${codeKey(g.code)}`, m);
    }
  }

  match(name: string): BodyMatch {
    const key = bodyKey(name);
    const hit = this.byKey.get(key) ?? this.byKey.get(`code:${codeKey(name)}`);
    if (hit) return hit;
    // "Phòng Giáo dục nghề nghiệp (GDNN)": try without the parenthesis, and the parenthesis alone.
    const paren = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(name);
    if (paren) {
      const inner = this.byKey.get(bodyKey(paren[1]!)) ?? this.byKey.get(`code:${codeKey(paren[2]!)}`);
      if (inner) return inner;
    }
    return { kind: "new", name, key };
  }
}
