// The import model written as the files `dondoc plan import` and `dondoc
// org import` accept: a plan file with the source position of every task in
// a comment and a "⚠ KIỂM TRA" mark on each field a person should check,
// and an organisation file with the proposed units (bodies the document
// names that dondoc does not know). Strings are written as JSON strings,
// which are valid YAML double-quoted scalars: no quoting rules to get wrong.
import { formatVnDate, type Day } from "../domain/day.js";
import type { Flag } from "./parse/model.js";
import type { SourcePos } from "./read/types.js";
import type { BodyRef, ImportModel, ModelTask } from "./analyze.js";

const q = (s: string) => JSON.stringify(s);

export function posText(p: SourcePos): string {
  const parts: string[] = [];
  if (p.table) parts.push(`bảng ${p.table}`);
  if (p.row) parts.push(`dòng ${p.row} của bảng`);
  if (p.page) parts.push(`trang ${p.page}`);
  if (p.line && !p.row) parts.push(`dòng ${p.line}`);
  return parts.join(", ") || "không rõ vị trí";
}

const FLAG_TEXT: Record<Flag["code"], string> = {
  NO_LEAD: "chưa tìm thấy đơn vị chủ trì",
  LEAD_GUESSED: "đơn vị chủ trì suy ra từ chủ ngữ của câu",
  DUE_UNKNOWN: "thời hạn chưa hiểu được, giữ nguyên văn",
  NO_DUE: "văn bản không ghi thời hạn; dùng thời hạn mặc định",
  NEW_BODY: "cơ quan chưa có trong danh sách đơn vị: đề xuất đơn vị mới",
  LEAD_ALSO_COOPERATING: "cơ quan văn bản ghi vừa chủ trì vừa phối hợp: chỉ giữ ở chủ trì",
  STATED_TWICE: "nhiệm vụ văn bản ghi hai lần, cùng đơn vị chủ trì: giữ một",
  LABELS_SHARED: "các dòng chủ trì/phối hợp/thời gian ghi sau ý cuối của mục, đọc là của cả mục",
  NUMBER_SKIPPED: "mục đánh số bỏ cách, chủ trì lấy theo đề mục trên: kiểm tra",
  HEADER: "chưa đọc được từ văn bản",
  SECTION_SKIPPED: "mục không được đọc thành nhiệm vụ",
};

export interface DraftOptions {
  source: string;
  unitsFile?: string;
}

/** The header fields a plan file needs, with what to write when the document did not give them. */
export function headerOf(model: ImportModel): {
  number: string;
  title: string;
  issuer: string;
  place: string;
  issuedOn: Day;
  signer: { name: string; title: string };
  missing: string[];
} {
  const p = model.plan;
  const missing: string[] = [];
  const need = (field: string, value: string | undefined, fallback: string) => {
    if (value) return value;
    missing.push(field);
    return fallback;
  };
  return {
    number: need("number", p.number ?? p.decision, `KH-CHUA-SO-${model.year}`),
    title: need("title", p.title, "Kế hoạch (chưa đọc được tên)"),
    issuer: need("issuer", p.issuer, "Chưa rõ cơ quan ban hành"),
    place: need("place", p.place, "Chưa rõ"),
    issuedOn: need("issuedOn", p.issuedOn, `${model.year}-01-01`) as Day,
    signer: p.signer ?? (missing.push("signer"), { name: "Chưa rõ", title: "Chưa rõ" }),
    missing,
  };
}

export function planYaml(model: ImportModel, options: DraftOptions): string {
  const out = [...headerLines(model, options), ...planLists(model), ...defaultsLines(model), "tasks:", ...taskLines(model)];
  return `${out.join("\n")}\n`;
}

/** What the draft is, then the plan's header fields, each marked where the document did not give it. */
function headerLines(model: ImportModel, options: DraftOptions): string[] {
  const h = headerOf(model);
  const mark = (field: string) => (h.missing.includes(field) ? `  # ⚠ KIỂM TRA: ${FLAG_TEXT.HEADER}` : "");
  const out: string[] = [];
  out.push("# yaml-language-server: $schema=../docs/schema/plan.schema.json");
  out.push(`# Bản nháp tạo tự động từ văn bản ${options.source} (dondoc plan import-doc).`);
  out.push('# Mỗi nhiệm vụ ghi vị trí trong văn bản gốc; chỗ có "⚠ KIỂM TRA" cần người đối chiếu trước khi nạp.');
  if (model.plan.decision && !model.plan.number) out.push(`# Kế hoạch ban hành kèm theo Quyết định số ${model.plan.decision}, không có số riêng: dùng số của Quyết định.`);
  if (model.newBodies.length) {
    out.push(
      `# ${model.newBodies.length} cơ quan chưa có trong danh sách đơn vị được đề xuất thành đơn vị mới (ngoài tổ chức)${options.unitsFile ? ` trong ${options.unitsFile}; nạp tệp đó trước: dondoc org import ${options.unitsFile}` : ""}.`,
    );
  }
  out.push(`number: ${q(h.number)}${mark("number")}`);
  out.push(`title: ${q(h.title)}${mark("title")}`);
  out.push(`issuer: ${q(h.issuer)}${mark("issuer")}`);
  out.push(`place: ${q(h.place)}${mark("place")}`);
  out.push(`issuedOn: ${q(formatVnDate(h.issuedOn))}${mark("issuedOn")}`);
  out.push(`year: ${model.year}`);
  out.push(`signer:${mark("signer")}`);
  out.push(`  name: ${q(h.signer.name)}`);
  out.push(`  title: ${q(h.signer.title)}`);
  return out;
}

/** Legal bases, purposes, recipients, objectives, and the reporting rules the document states (as comments). */
function planLists(model: ImportModel): string[] {
  const out: string[] = [];
  const list = (key: string, items: string[]) => {
    if (!items.length) return;
    out.push(`${key}:`);
    for (const i of items) out.push(`  - ${q(i)}`);
  };
  list("legalBases", model.plan.legalBases);
  list("purposes", model.plan.purposes);
  list("recipients", model.plan.recipients);
  const objectives = model.plan.objectives;
  if (objectives.general.length || objectives.specific.length) {
    out.push("objectives:");
    for (const kind of ["general", "specific"] as const) {
      if (!objectives[kind].length) continue;
      out.push(`  ${kind}:`);
      for (const o of objectives[kind]) {
        out.push(`    - text: ${q(o.text)}`);
        if (o.target) out.push(`      target: { value: ${o.target.value}, unit: ${q(o.target.unit)} }`);
      }
    }
  }
  if (model.plan.reporting.length) {
    out.push("# Chế độ báo cáo theo văn bản:");
    for (const r of model.plan.reporting) out.push(`#   - ${r.text.slice(0, 200)} (${posText(r.pos)})`);
  }
  return out;
}

/** A default deadline when some task (a heading too: `plan import` wants one on every task) has none above it. */
function defaultsLines(model: ImportModel): string[] {
  if (!model.tasks.some((t) => !t.effective.deadline)) return [];
  return [
    "defaults:",
    `  due: ${q(`Năm ${model.year}`)}  # ⚠ KIỂM TRA: ${FLAG_TEXT.NO_DUE}`,
    `  dueNote: ${q(`Văn bản không ghi thời hạn cho nhiệm vụ này; tạm lấy hết năm ${model.year}.`)}`,
  ];
}

/** The task tree, each task under its parent, with its place in the document and its marks. */
function taskLines(model: ImportModel): string[] {
  const children = new Map<string | null, ModelTask[]>();
  for (const t of model.tasks) {
    const list = children.get(t.parentCode);
    if (list) list.push(t);
    else children.set(t.parentCode, [t]);
  }
  const out: string[] = [];
  const write = (parent: string | null, indent: string) => {
    for (const t of children.get(parent) ?? []) {
      out.push(...oneTask(t, indent));
      if (children.has(t.code)) {
        out.push(`${indent}  tasks:`);
        write(t.code, `${indent}    `);
      }
    }
  };
  write(null, "  ");
  return out;
}

const refs = (rs: BodyRef[]) => `[${rs.map((r) => q(r.code)).join(", ")}]`;

/** One task's own lines (not its sub-tasks). */
function oneTask(t: ModelTask, indent: string): string[] {
  const flagged = (code: Flag["code"]) => t.flags.includes(code);
  const i = `${indent}  `;
  const out = [`${indent}# ${posText(t.source)}${t.via ? `; phân công đọc từ: ${VIA[t.via] ?? t.via}` : ""}`, `${indent}- code: ${q(t.code)}`];
  out.push(`${i}title: ${q(t.title)}`);
  out.push(`${i}text: ${q(t.text || t.title)}`);
  if (t.lead.length) {
    const note = [
      flagged("LEAD_GUESSED") ? FLAG_TEXT.LEAD_GUESSED : "",
      flagged("NO_LEAD") ? `${FLAG_TEXT.NO_LEAD}; tạm giao cơ quan ban hành` : "",
      t.lead.some((r) => r.kind === "new") ? FLAG_TEXT.NEW_BODY : "",
    ]
      .filter(Boolean)
      .join("; ");
    out.push(`${i}lead: ${refs(t.lead)}  # ${t.lead.map((r) => r.name).join("; ")}${note ? ` ⚠ KIỂM TRA: ${note}` : ""}`);
  } else if (flagged("NO_LEAD")) out.push(`${i}# ⚠ KIỂM TRA: ${FLAG_TEXT.NO_LEAD}; ghi lead: [MÃ ĐƠN VỊ]`);
  if (t.cooperating.length) {
    const isNew = t.cooperating.some((r) => r.kind === "new");
    out.push(`${i}cooperating: ${refs(t.cooperating)}  # ${t.cooperating.map((r) => r.name).join("; ")}${isNew ? ` ⚠ KIỂM TRA: ${FLAG_TEXT.NEW_BODY}` : ""}`);
  }
  if (flagged("STATED_TWICE")) out.push(`${i}# ⚠ KIỂM TRA: ${FLAG_TEXT.STATED_TWICE}`);
  if (flagged("LABELS_SHARED")) out.push(`${i}# ⚠ KIỂM TRA: ${FLAG_TEXT.LABELS_SHARED}`);
  if (flagged("NUMBER_SKIPPED")) out.push(`${i}# ⚠ KIỂM TRA: ${FLAG_TEXT.NUMBER_SKIPPED}`);
  if (t.due !== undefined) {
    if (flagged("DUE_UNKNOWN")) {
      out.push(`${i}# ⚠ KIỂM TRA: ${FLAG_TEXT.DUE_UNKNOWN}: ${t.due}`);
      out.push(`${i}dueNote: ${q(`Nguyên văn thời hạn: ${t.due}`)}`);
    } else {
      out.push(`${i}due: ${q(t.due)}`);
      const d = t.effective.deadline;
      if (d?.kind === "ONGOING") out.push(`${i}cadence: ${d.cadence.toLowerCase()}`);
    }
  }
  return out;
}

const VIA: Record<string, string> = {
  table: "bảng phân công",
  label: "dòng ghi cơ quan chủ trì/phối hợp",
  prose: 'câu "… chủ trì, phối hợp …"',
  heading: "tên cơ quan đầu mục",
  subject: "chủ ngữ của câu",
};

/** The proposed units as an organisation file (inactive: outside the organisation, assignable). */
export function unitsYaml(model: ImportModel, source: string): string {
  const out = [
    "# yaml-language-server: $schema=../docs/schema/org.schema.json",
    `# Cơ quan được nêu trong văn bản ${source} nhưng chưa có trong danh sách đơn vị của dondoc.`,
    '# Được đề xuất thành đơn vị ngoài tổ chức (active: false: không nhận nhắc việc, không thuộc nhóm "all").',
    "# ⚠ KIỂM TRA: nếu cơ quan nào thực ra là một đơn vị đã có, thêm tên này vào aliases của đơn vị đó thay vì nạp.",
    "units:",
  ];
  for (const b of model.newBodies) {
    out.push(`  - code: ${q(b.code)}`);
    out.push(`    name: ${q(b.name)}`);
    out.push("    kind: other");
    out.push("    active: false");
    if (b.aliases.length) out.push(`    aliases: [${b.aliases.map(q).join(", ")}]`);
    out.push(`    # nhiệm vụ: ${b.tasks.slice(0, 12).join(", ")}${b.tasks.length > 12 ? ", …" : ""}`);
  }
  return `${out.join("\n")}\n`;
}
