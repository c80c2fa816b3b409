// A plan document's blocks into its parts: header, căn cứ, mục đích/yêu
// cầu, mục tiêu, the task tree (numbered I / 1 / 1.1 / a / - / +), "Tổ chức
// thực hiện", reporting duties, Nơi nhận and the signer; assignment tables
// (PHỤ LỤC) become tasks too. Pure: blocks in, ParsedPlan out.
import { parseDeadline } from "../../domain/deadline.js";
import { fold } from "../../domain/text.js";
import type { Block, SourcePos, Table } from "../read/types.js";
import { bodyHeading, coopValue, dueInText, fromProse, labelOf, leadValue, partnersInText } from "./assignment.js";
import { splitBodies, startsBody } from "./bodies.js";
import type { DocTask, Flag, Objective, ParsedPlan } from "./model.js";

interface Line {
  text: string;
  pos: SourcePos;
}

type Item = { kind: "line"; line: Line } | { kind: "table"; table: Table };

// ---------------------------------------------------------------- lines

/** Joins lines that a page or a fixed-width copy broke in the middle of a sentence. */
export function unwrap(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    const continues =
      prev &&
      !/[.;:!?]$/.test(prev.text) &&
      !markerOf(l.text) &&
      (/^[a-zà-ỹđ(]/u.test(l.text) ||
        /^\d+\s+[a-zà-ỹđ]/u.test(l.text) ||
        (/^\d/.test(l.text) && /(?:số|ngày|tháng|năm|giai đoạn|Nghị quyết|Quyết định|Kế hoạch|-)$/u.test(prev.text))) &&
      !isAllCaps(prev.text);
    if (continues) out[out.length - 1] = { text: `${prev.text} ${l.text}`, pos: prev.pos };
    else out.push(l);
  }
  return out;
}

function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length >= 4 && letters === letters.toUpperCase();
}

// ---------------------------------------------------------------- markers

type MarkerType = "ROMAN" | "NUM" | `DEC${number}` | "LETTER" | "DASH" | "PLUS" | "STAR";
interface Marker {
  type: MarkerType;
  label: string;
  rest: string;
}

export function markerOf(text: string): Marker | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(?:PHẦN|Phần)\s+([IVX]+|\d+|THỨ\s+\S+)\s*[.:-]?\s*(.*)$/u.exec(text))) return { type: "ROMAN", label: m[1]!, rest: m[2]! };
  if ((m = /^([IVXL]{1,6})\s*[./)-]\s*(\S.*)$/u.exec(text))) return { type: "ROMAN", label: m[1]!, rest: m[2]! };
  if ((m = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u.exec(text))) return { type: `DEC${m[1]!.split(".").length - 1}`, label: m[1]!, rest: m[2]! };
  if ((m = /^(\d{1,2})\s*[.)/]\s*(\S.*)$/u.exec(text)) && !/^\d{1,2}\s*\/\s*(?:\d|[A-ZĐ]{2,})/u.test(text)) return { type: "NUM", label: m[1]!, rest: m[2]! };
  if ((m = /^([a-zđ])\s*[).]\s*(\S.*)$/u.exec(text))) return { type: "LETTER", label: m[1]!, rest: m[2]! };
  if ((m = /^[-–—•·]\s*\+\s*(\S.*)$/u.exec(text))) return { type: "PLUS", label: "", rest: m[1]! };
  if ((m = /^[-–—•·]\s*(\S.*)$/u.exec(text))) return { type: "DASH", label: "", rest: m[1]! };
  if ((m = /^\+\s*(\S.*)$/u.exec(text))) return { type: "PLUS", label: "", rest: m[1]! };
  if ((m = /^\*\s*(\S.*)$/u.exec(text))) return { type: "STAR", label: "", rest: m[1]! };
  return undefined;
}

// ---------------------------------------------------------------- sections

type SectionKind = "purpose" | "objective" | "mixed" | "tasks" | "organisation" | "funding" | "reporting" | "basis" | "appendix" | "other";

export function sectionKind(title: string): SectionKind {
  const t = fold(title.slice(0, 120));
  if (/^kinh phi|^nguon kinh phi/.test(t)) return "funding";
  // "PHỤ LỤC" / "PHỤ LỤC I": the appendix's title lines; its table or its own headings carry the tasks.
  if (/^phu luc(?:\s+(?:[ivxl]+|\d+|so \d+))?\s*$/.test(t)) return "appendix";
  if (/^can cu/.test(t)) return "basis";
  if (/^muc dich|^yeu cau|^muc dich,? yeu cau/.test(t)) return "purpose";
  if (/^(?:quan diem,? )?muc tieu/.test(t)) return /nhiem vu|giai phap|noi dung/.test(t) ? "mixed" : "objective";
  // "KIẾN NGHỊ", "ĐỀ XUẤT, KIẾN NGHỊ": work asked of bodies outside the issuer, set out body by body.
  if (/^to chuc thuc hien|^trach nhiem|^phan cong|^(?:de xuat,? )?kien nghi\b|^de xuat\s*$/.test(t)) return "organisation";
  if (/^(?:che do )?bao cao|^che do thong tin/.test(t)) return "reporting";
  if (/nhiem vu|giai phap|noi dung|hoat dong|cong viec|chuong trinh|ke hoach (?:trien khai|thuc hien)|danh muc/.test(t)) return "tasks";
  return "other";
}

/** A numbered heading that only groups tasks ("2. Nhiệm vụ", "Nhiệm vụ, giải pháp") rather than being one. */
function isContainerTitle(text: string): boolean {
  if (text.length > 80) return false;
  const t = fold(text).replace(/[.:]$/, "");
  return /^(nhiem vu|nhiem vu cu the|nhiem vu trong tam|nhiem vu,? giai phap(?: chu yeu| trong tam)?|cac nhiem vu(?:,? giai phap)?(?: trong tam| chu yeu| cu the)?|giai phap|noi dung(?: thuc hien)?|cac noi dung(?: trong tam)?|nhiem vu va giai phap(?: chu yeu| trong tam)?)$/.test(
    t,
  );
}

// ---------------------------------------------------------------- tree

interface Node {
  marker: Marker;
  text: string;
  pos: SourcePos;
  children: Node[];
  labels: { kind: "lead" | "cooperating" | "due"; value: string }[];
  assignHead: boolean;
  /** "1. Tên nhiệm vụ: …": a task set out field by field in the numbered lines after it. */
  fields?: boolean;
  /** Its labels were written after its last item (shareLastLabels). */
  sharedLabels?: true;
}

export interface ParseOptions {
  /** The plan's year when the document does not say it clearly. */
  year?: number;
}

export function parsePlan(blocks: Block[], options: ParseOptions = {}): ParsedPlan {
  const items = toItems(blocks);
  const lines = items.filter((i): i is { kind: "line"; line: Line } => i.kind === "line").map((i) => i.line);
  const header = readHeader(lines);
  const flags = headerFlags(header);
  const parses = deadlineTest(header.issuedOn ? Number(header.issuedOn.slice(0, 4)) : options.year);
  const plan: ParsedPlan = {
    ...header,
    legalBases: [],
    purposes: [],
    objectives: { general: [], specific: [] },
    reporting: [],
    recipients: [],
    tasks: [],
    flags,
  };
  const { sections, intro, tables } = readSections(items, header.bodyStart, plan.recipients);
  plan.legalBases = legalBases(intro);
  for (const s of sections) s.roots = adoptAnnouncedLists(s.roots);
  const bodyTasks = sectionsIntoPlan(sections, plan, parses);
  const tableTasks = tableTasksOf(tables);
  // When the appendix holds the tasks, the body's unassigned narrative is not a second copy of them.
  plan.tasks = tableTasks.length ? [...pruneUnassigned(bodyTasks), ...tableTasks] : bodyTasks;
  // Signer: the last lines of the document after the end of the text.
  plan.signer = readSigner(lines);
  if (!plan.signer) flags.push({ code: "HEADER", field: "signer", text: "" });
  flagTasks(plan.tasks, flags, parses, { lead: false, due: false });
  return plan;
}

/** A HEADER flag for each header field the document did not give. */
function headerFlags(header: Header): Flag[] {
  const flags: Flag[] = [];
  for (const [field, value] of [
    ["number", header.number ?? header.decision],
    ["issuedOn", header.issuedOn],
    ["issuer", header.issuer],
    ["title", header.title],
  ] as const)
    if (!value) flags.push({ code: "HEADER", field, text: "" });
  return flags;
}

/** Whether a text is a deadline, in the plan's year; each text parsed once. */
function deadlineTest(year: number | undefined): (s: string) => boolean {
  const parsed = new Map<string, boolean>();
  return (s: string) => {
    let ok = parsed.get(s);
    if (ok === undefined) parsed.set(s, (ok = parseDeadline(s, "QUARTER", { year }) !== undefined));
    return ok;
  };
}

interface Section {
  kind: SectionKind;
  label: string;
  title: string;
  roots: Node[];
  stack: Node[];
  pos: SourcePos;
}

/** The body's lines split into sections at their headings, the lines before the first (the intro), and the tables. */
function readSections(items: ReturnType<typeof toItems>, bodyStart: number, recipients: string[]): { sections: Section[]; intro: Line[]; tables: Table[] } {
  const reader = new SectionReader(recipients);
  const tables: Table[] = [];
  let lineIndex = -1;
  for (const it of items) {
    if (it.kind === "table") {
      tables.push(it.table);
      continue;
    }
    lineIndex++;
    if (lineIndex >= bodyStart) reader.read(it.line);
  }
  return { sections: reader.sections, intro: reader.intro, tables };
}

/** Reads the body line by line: recipients, section headings, and each section's tree of items. */
class SectionReader {
  readonly sections: Section[] = [];
  readonly intro: Line[] = [];
  private section: Section | undefined;
  private inRecipients = false;
  private afterEnd = false;
  private started = false;
  private romanLess = false;
  /** An empty "* Thời gian thực hiện:" whose parts follow one a line ("+ Đợt 1: …", "- Công tác X: …"). */
  private openDue: { label: { value: string }; type?: MarkerType } | undefined;

  constructor(private readonly recipients: string[]) {}

  read(l: Line): void {
    const f = fold(l.text.slice(0, 40)); // only the start of a line is tested below
    if (this.recipientLine(l, f) || this.afterEnd) return;
    if (/^tren day la\b|^trong qua trinh (?:to chuc )?thuc hien,? neu|^qua trinh thuc hien,? neu/.test(f) && this.section) return;
    const mk = markerOf(l.text);
    if (this.heading(l, mk)) return;
    if (!this.started) {
      this.intro.push(l);
      return;
    }
    if (this.section) this.item(this.section, l, mk);
  }

  /** "Nơi nhận:" and its list: the recipients, after which the text has ended. */
  private recipientLine(l: Line, f: string): boolean {
    if (/^noi nhan\b/.test(f)) {
      this.inRecipients = true;
      this.afterEnd = true;
      this.recipient(l.text.replace(/^Nơi nhận\s*:?\s*/iu, ""));
      return true;
    }
    if (this.inRecipients) {
      if (/^[-+•]/.test(l.text) || /^lưu(?=\s|$)/iu.test(l.text)) {
        this.recipient(l.text.replace(/^[-+•]\s*/, ""));
        return true;
      }
      this.inRecipients = false;
    }
    return false;
  }

  /** One line of the list; a bullet with nothing after it ("-", "- ;", as pages saved from Word have) names no one. */
  private recipient(text: string): void {
    const r = cleanItem(text);
    if (r) this.recipients.push(r);
  }

  /** A section's heading starts a section (true); "1. Tên nhiệm vụ: …" before any section starts one and is read as its task (false). */
  private heading(l: Line, mk: Marker | undefined): boolean {
    // Plans without Roman numerals: an upper-case heading ("NỘI DUNG THỰC HIỆN"), or, before any
    // section, a numbered heading that names a part of a plan ("1. Mục đích", "3. Nhiệm vụ").
    const capsHeading = !mk && isAllCaps(l.text) && l.text.split(" ").length >= 2 && sectionKind(l.text) !== "other";
    const numHeading =
      mk?.type === "NUM" &&
      (!this.started || this.romanLess) &&
      sectionKind(mk.rest) !== "other" &&
      !/^tên nhiệm vụ\s*:/iu.test(mk.rest) &&
      (!this.started || !this.section?.stack.length || sectionKind(mk.rest) !== "tasks" || /^(nhiem vu|noi dung|giai phap|to chuc)/.test(fold(mk.rest)));
    if (capsHeading || numHeading) {
      if (numHeading && !this.started) this.romanLess = true;
      const title = mk ? mk.rest : l.text;
      this.start({ kind: sectionKind(title), label: mk ? mk.label : "", title, roots: [], stack: [], pos: l.pos });
      return true;
    }
    if (mk?.type === "ROMAN") {
      this.start({ kind: sectionKind(mk.rest), label: mk.label, title: mk.rest, roots: [], stack: [], pos: l.pos });
      return true;
    }
    // "1. Tên nhiệm vụ: …" before any section (a resolution's article adjusting one task): a task, in a section of
    // its own.
    if (mk?.type === "NUM" && !this.section && /^tên nhiệm vụ\s*:/iu.test(mk.rest)) {
      this.romanLess = true;
      this.start({ kind: "tasks", label: "", title: "", roots: [], stack: [], pos: l.pos });
    }
    return false;
  }

  private start(section: Section): void {
    this.started = true;
    this.section = section;
    this.sections.push(section);
  }

  /** A line of a section: a label of the item above, a new item where its marker's level is, or more of the item's text. */
  private item(section: Section, l: Line, mk: Marker | undefined): void {
    // "* Thời gian thực hiện:" / "+ Đợt 1: Trong khoảng thời gian từ ngày … đến ngày ….": the deadline is written in
    // parts, one a bullet, each "what: when"; kept as written, the parts joined by "; " (understood or flagged as any).
    const open = this.openDue;
    this.openDue = undefined;
    if (open && mk && BULLET_RANK[mk.type] !== undefined && (open.type === undefined || open.type === mk.type) && /^[^:]{2,60}:\s*\S/u.test(mk.rest)) {
      const part = mk.rest.replace(/[.;,\s]+$/u, "");
      open.label.value = open.label.value ? `${open.label.value}; ${part}` : part;
      this.openDue = { label: open.label, type: mk.type };
      return;
    }
    const label = labelOf(l.text);
    const parent = section.stack.at(-1);
    // One task set out field by field in numbered lines, as a resolution adjusting a task writes it (NQ 97/NQ-CP):
    // "1. Tên nhiệm vụ: …" is the task, "2. Cơ quan chủ trì: …", "3. Cơ quan phối hợp: …", "4. Kết quả: …",
    // "5. Thời gian hoàn thành: …" are its labels, not items of their own.
    const field = mk && parent?.fields ? labelOf(mk.rest) : undefined;
    if (field && field.kind !== "assign-head") {
      if (field.kind !== "other") parent!.labels.push({ kind: field.kind, value: field.value });
      return;
    }
    if (label && label.kind !== "assign-head" && parent && !(mk && !/^(?:[-+•*]\s*)?[^:]{0,40}:/u.test(l.text))) {
      const owner = mk ? labelOwner(section.stack, mk) : parent;
      if (label.kind !== "other") {
        const field = { kind: label.kind, value: label.value };
        owner.labels.push(field);
        if (label.kind === "due" && !label.value) this.openDue = { label: field };
      }
      return;
    }
    if (mk) {
      const named = /^tên nhiệm vụ\s*:\s*(.+)$/isu.exec(mk.rest);
      const node: Node = {
        marker: mk,
        text: named ? named[1]!.trim() : mk.rest,
        pos: l.pos,
        children: [],
        labels: [],
        assignHead: labelOf(l.text)?.kind === "assign-head",
        ...(named ? { fields: true } : {}),
      };
      // Pop to the level this marker type lives at, or nest below the current one.
      const idx = section.stack.findIndex((n) => n.marker.type === mk.type);
      if (idx >= 0) section.stack.length = idx;
      const up = section.stack.at(-1);
      if (up) up.children.push(node);
      else section.roots.push(node);
      section.stack.push(node);
    } else if (parent && !requestAfterItems(section, parent, l.text)) {
      parent.text = `${parent.text}\n${l.text}`;
    } else {
      // Text straight under a section heading, before any item.
      section.roots.push({ marker: { type: "DASH", label: "", rest: l.text }, text: l.text, pos: l.pos, children: [], labels: [], assignHead: false });
    }
  }
}

/**
 * "Đề nghị Văn phòng Đảng ủy, … phối hợp …" as a paragraph of its own after the last item of "Tổ chức thực hiện"
 * (the item before it ends its sentence): work asked of other bodies, a task of the part, not more of that item.
 */
function requestAfterItems(section: Section, parent: Node, text: string): boolean {
  const asked = /^(?:Đề nghị|Giao|Yêu cầu)\s+(.+)$/u.exec(text.trim());
  return section.kind === "organisation" && /[.;]$/u.test(parent.text.trim()) && asked !== null && startsBody(asked[1]!);
}

// How deep a bullet sits: "*" over "-" over "+" (numbered items are above all bullets).
const BULLET_RANK: Partial<Record<MarkerType, number>> = { STAR: 1, DASH: 2, PLUS: 3 };

/**
 * The item a labelled line written with a bullet belongs to. "1.1. Xây dựng …" / "- Bảo đảm …" / "- Các văn bản …" /
 * "- Thời gian hoàn thành: …" / "- Đơn vị chủ trì: …": the label's bullet is at the level of the description
 * bullets above it (or above them, "* Thời gian thực hiện: …" after "-" bullets), so it is a field of the numbered
 * item those bullets describe, not of the last bullet. A label one level down ("+ Chủ trì: …" under "- Nhiệm vụ …")
 * stays with the bullet above it. The stack is cut back to the owner, so the next bullets are the owner's again.
 */
function labelOwner(stack: Node[], mk: Marker): Node {
  const rank = BULLET_RANK[mk.type];
  let i = stack.length - 1;
  if (rank !== undefined)
    while (i > 0) {
      const r = BULLET_RANK[stack[i]!.marker.type];
      if (r === undefined || r < rank || stack[i]!.labels.length) break;
      i--;
    }
  if (i < stack.length - 1 && BULLET_RANK[stack[i]!.marker.type] === undefined) {
    stack.length = i + 1;
    return stack[i]!;
  }
  return stack.at(-1)!;
}

/** Each section into its part of the plan: purposes, objectives, reporting duties, legal bases; returns the body's tasks. */
function sectionsIntoPlan(sections: Section[], plan: ParsedPlan, parses: (s: string) => boolean): DocTask[] {
  const flags = plan.flags;
  const bodyTasks: DocTask[] = [];
  for (const s of sections) {
    const code = s.label;
    switch (s.kind) {
      case "purpose":
        pushAll(
          plan.purposes,
          leafTexts(s.roots, (n) => /^(muc dich|yeu cau)\b/.test(fold(n.text)) && n.text.length < 40),
        );
        break;
      case "objective":
        readObjectives(s.roots, plan.objectives);
        break;
      case "mixed":
        for (const n of s.roots) {
          if (/^muc tieu/.test(fold(n.text))) readObjectives(n.children, plan.objectives);
          else if (/^(yeu cau|muc dich)/.test(fold(n.text)))
            pushAll(
              plan.purposes,
              leafTexts(n.children, () => false),
            );
          else pushAll(bodyTasks, toTasks([n], code, s.kind, parses, flags));
        }
        break;
      case "tasks":
      case "organisation":
        pushAll(bodyTasks, toTasks(s.roots, code, s.kind, parses, flags));
        for (const r of reportingDuties(s.roots, parses)) plan.reporting.push(r);
        break;
      case "reporting":
        for (const r of reportingDuties(s.roots, parses)) plan.reporting.push(r);
        pushAll(bodyTasks, toTasks(s.roots, code, "organisation", parses, flags));
        break;
      case "basis":
        pushAll(
          plan.legalBases,
          leafTexts(s.roots, () => false),
        );
        break;
      case "funding":
      case "appendix":
        break;
      case "other": {
        // A part the plan names otherwise ("Thời gian thi đua và tiến độ thực hiện", "Đoàn kiểm tra, đơn vị được kiểm
        // tra, thời gian kiểm tra", "Tiêu chuẩn, hình thức, hồ sơ khen thưởng") may still give a body work in so many
        // words: "Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì …", "…, các cơ quan, đơn vị, địa phương xây dựng Kế hoạch
        // trong Quý I/2026". Those items are tasks: an assignment in so many words ("giao", "chủ trì", a label), or a
        // body as the subject of work with a deadline; not a body as the subject of a description ("Trung tâm dữ liệu
        // quốc gia thực hiện: …" in an Đề án's account of its parts). The rest of the part is not read (flagged
        // SECTION_SKIPPED). A body as the subject of work without a deadline is an assignment too when the sentence
        // acts on this plan in the words plans use to hand it down: "Căn cứ Kế hoạch này, các cơ quan, đơn vị, địa
        // phương … chủ động xây dựng, ban hành tiêu chuẩn …" (a description never opens by citing the plan itself).
        const assigned = flatten(toTasks(s.roots, code, s.kind, parses, flags)).filter(
          (t) => t.lead.length && (t.via === "prose" || t.via === "label" || (t.via === "subject" && (t.due !== undefined || t.handedDown === true))),
        );
        pushAll(bodyTasks, assigned);
        flags.push({ code: "SECTION_SKIPPED", text: `${s.label}. ${s.title}`, pos: s.pos });
        break;
      }
    }
  }
  return bodyTasks;
}

// "Căn cứ Kế hoạch này, …", "Căn cứ nội dung Kế hoạch này, …" (folded): the words that hand this plan down to a body.
const HANDS_THIS_PLAN_DOWN = /^(?:can cu|tren co so)\s+(?:vao\s+)?(?:noi dung\s+)?ke hoach nay,/;

/** A task tree as a list, each task without its children. */
function flatten(tasks: DocTask[]): DocTask[] {
  return tasks.flatMap((t) => [{ ...t, children: [] }, ...flatten(t.children)]);
}

/** Assignment tables (PHỤ LỤC): each task table is a list of tasks. */
function tableTasksOf(tables: Table[]): DocTask[] {
  const tableTasks: DocTask[] = [];
  let taskTables = 0;
  for (const t of tables) {
    const cols = taskColumns(t);
    if (!cols) continue;
    taskTables++;
    pushAll(tableTasks, readTaskTable(t, cols, `PL${taskTables}`));
  }
  return tableTasks;
}

/**
 * "… tham mưu thực hiện 10 tiêu chí, tiêu chí thành phần …" followed by the ten criteria,
 * written with whatever bullets came to hand ("-", "+", "- +"): the announced number of items
 * after it, in document order, become its items.
 */
function adoptAnnouncedLists(nodes: Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    n.children = adoptAnnouncedLists(n.children);
    const m = /(?:^|\s)(\d{1,2})\s+(?:tiêu chí|nhiệm vụ|nội dung|chỉ tiêu|giải pháp|hoạt động)(?![\p{L}])/u.exec(n.text);
    const want = m ? Number(m[1]) : 0;
    if (want >= 2 && n.children.length === 0) {
      const flat: Node[] = [];
      let j = i + 1;
      for (; j < nodes.length && flat.length < want; j++) {
        const next = nodes[j]!;
        flat.push({ ...next, children: [] }, ...next.children.map((c) => ({ ...c, children: [] })));
      }
      if (flat.length === want) {
        n.children = flat;
        i = j - 1;
      }
    }
    out.push(n);
  }
  return out;
}

/** push(...items) without the argument-count limit: a huge document gives arrays of hundreds of thousands. */
function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const i of items) target.push(i);
}

function cleanItem(s: string): string {
  return s
    .replace(/[;.,]+$/, "")
    .replace(/\/\.$/, "")
    .trim();
}

function toItems(blocks: Block[]): Item[] {
  const out: Item[] = [];
  let lines: Line[] = [];
  const flush = () => {
    for (const l of unwrap(lines)) out.push({ kind: "line", line: l });
    lines = [];
  };
  for (const b of blocks) {
    if (b.kind === "para") lines.push({ text: b.text.replace(/\*\*/g, ""), pos: b.pos });
    else if (taskColumns(b)) {
      flush();
      out.push({ kind: "table", table: b });
    } else {
      // A layout table (header, signature block): its cells read as lines, row by row.
      b.rows.forEach((row, r) => {
        for (const cell of row) if (!cell.spanned) for (const t of cell.text.split("\n")) if (t.trim()) lines.push({ text: t.trim(), pos: b.rowPos[r] ?? b.pos });
      });
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- header

interface Header extends Pick<ParsedPlan, "number" | "decision" | "issuer" | "place" | "issuedOn" | "title"> {
  /** Index of the first line after the header. */
  bodyStart: number;
}

export function readHeader(lines: Line[]): Header {
  const h: Header = { bodyStart: 0 };
  const limit = Math.min(lines.length, 60);
  let titleAt = -1;
  const issuerLines: string[] = [];
  let pastNumber = false;
  // Number, place and date from the header as one string: copies of official pages break
  // these lines anywhere ("Số:" / "88/KH-UBND", "Kon" / "Tum, ngày 08" / "tháng 12 năm 2017").
  const joined = lines
    .slice(0, limit)
    .map((l) => l.text)
    .join(" ");
  let hm: RegExpExecArray | null;
  if ((hm = /\bSố\s*:?\s*(\d+[\w/.\-ĐđÀ-ỹ]*\/[\w\-ĐđÀ-ỹ]+)/u.exec(joined))) h.number = hm[1];
  // The motto is a boundary: read column by column, the place follows "Hạnh phúc" directly.
  const dated = joined.replace(
    /CỘNG\s*HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|CỘNG\s*HOÀ\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc/gu,
    " | ",
  );
  if ((hm = /(?:^|\|\s*|\s)([A-ZĐÀ-Ỹ][^,|]{1,40}?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(dated))) {
    h.place = hm[1]!.replace(/^.*\b\d\S*\s+/u, "").trim();
    h.issuedOn = ymd(Number(hm[4]), Number(hm[3]), Number(hm[2]));
  }
  for (let i = 0; i < limit; i++) {
    const t = lines[i]!.text;
    const f = fold(t);
    let m: RegExpExecArray | null;
    if (titleAt < 0 && /^(ke hoach|chuong trinh(?: hanh dong)?)\b/.test(f) && isAllCaps(t.split(" ").slice(0, 2).join(" "))) {
      // The (last) plan title: "KẾ HOẠCH" then the subject on the next lines.
      const own = t.replace(/^(KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?)\s*/u, "").trim();
      const parts: string[] = own ? [own] : [];
      let j = i + 1;
      for (; j < lines.length && j < i + 6; j++) {
        const n = lines[j]!.text;
        const nf = fold(n);
        // "Thực hiện …" / "Tiếp tục …" right after "KẾ HOẠCH" is the title itself ("KẾ HOẠCH Thực hiện công tác …")
        // unless it reads as the preamble that follows a title ("…, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:").
        const opensTitle = !parts.length && /^(thuc hien|tiep tuc|trien khai)\b/.test(nf) && !/:\s*$|nhu sau|ban hanh ke hoach|xay dung ke hoach/.test(nf) && n.length <= 300;
        if (
          (!isAllCaps(n) && !opensTitle && /^(can cu|thuc hien|tiep tuc|\(kem theo|\(ban hanh kem|kem theo|i\.|uy ban nhan dan|chu tich|giam doc|de trien khai|nham)/.test(nf)) ||
          markerOf(n) ||
          /^-+$|^\|$/.test(n)
        )
          break;
        if (/^(?:\(|ban hanh kem)/.test(nf)) break;
        if (parts.length && isAllCaps(parts[0]!) && !isAllCaps(n)) break;
        parts.push(n);
      }
      if (parts.length) {
        h.title = sentenceCase(parts.join(" "));
        titleAt = j;
      }
    }
    if ((m = /(?:kèm theo|ban hành kèm theo)\s+Quyết định\s+(?:số\s*:?\s*)?(\d+[\w/\-ĐđÀ-ỹ]*\/[\w\-ĐđÀ-ỹ]+)/iu.exec(t))) {
      h.decision = m[1];
      titleAt = Math.max(titleAt, i + 1);
    }
    if (/^so\b/.test(f) || /\|\s*so\s*:/.test(f)) pastNumber = true;
    if (i < 12 && !pastNumber && isAllCaps(t) && !/^cong hoa|^doc lap|^ke hoach|^quyet dinh|^-+$|^\|$/.test(f)) issuerLines.push(t.replace(/\s*\|.*$/, ""));
  }
  if (h.decision && h.number && /\/QĐ/u.test(h.number)) {
    // A plan attached to a decision: the "Số:" seen first is the decision's.
    h.decision = h.number;
    h.number = undefined;
  }
  const beforeMotto = /^(.*?)(?:CỘNG\s*HÒA|CỘNG\s*HOÀ|Số\s*:)/su.exec(joined)?.[1]?.replace(/[|]/g, " ").replace(/-{2,}/g, " ").replace(/\s+/g, " ").trim();
  if (beforeMotto && isAllCaps(beforeMotto) && beforeMotto.length < 120) {
    const m = /(SỞ|PHÒNG|BAN QUẢN LÝ|TRUNG TÂM|VĂN PHÒNG|CHI CỤC|CỤC)\s.*$/u.exec(beforeMotto);
    issuerLines.length = 0;
    issuerLines.push(m && m.index > 0 ? m[0] : beforeMotto);
  }
  if (issuerLines.length) {
    const own = issuerLines.filter((l) => /^(SỞ|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG|CHI CỤC|ỦY BAN|UỶ BAN|UBND|BỘ|CỤC|HỘI ĐỒNG|ĐẢNG)/u.test(l));
    const pick = own.length > 1 && /^(SỞ|PHÒNG|BAN|TRUNG TÂM|VĂN PHÒNG|CHI CỤC|CỤC)/u.test(own.at(-1)!) ? [own.at(-1)!] : issuerLines;
    h.issuer = issuerName(
      pick
        .join(" ")
        .replace(/\s*-+\s*$/, "")
        .replace(/\s+/g, " "),
    );
    // "Ủy ban nhân dân tỉnh an giang" → "… tỉnh An Giang": the place line keeps the proper noun's case.
  }
  if (!h.issuer) {
    // "Sở X xây dựng Kế hoạch …" / "Ủy ban nhân dân tỉnh ban hành Kế hoạch …"
    for (const l of lines.slice(0, 80)) {
      const m = /((?:Sở|Ủy ban nhân dân|UBND|Phòng|Ban)\s[^.;:,]{2,80}?)\s+(?:xây dựng|ban hành)\s+(?:Kế hoạch|kế hoạch)/u.exec(l.text);
      if (m) {
        h.issuer = m[1]!.trim();
        break;
      }
    }
  }
  if (h.title && h.place) h.title = restoreCase(h.title, h.place);
  if (h.issuer && h.place) h.issuer = restoreCase(h.issuer, h.place);
  h.bodyStart = Math.max(0, titleAt);
  return h;
}

/** Puts back the case of a proper noun lowered by sentence-casing ("tỉnh thừa thiên huế" → "tỉnh Thừa Thiên Huế"). */
function restoreCase(text: string, noun: string): string {
  const n = noun.normalize("NFC");
  const i = text.toLocaleLowerCase("vi").indexOf(n.toLocaleLowerCase("vi"));
  return i < 0 ? text : text.slice(0, i) + n + text.slice(i + n.length);
}

function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function sentenceCase(s: string): string {
  if (!isAllCaps(s)) return s;
  const lower = s.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

// A standing organ of the body named above it in the header, as its last line ("ỦY BAN MTTQ VIỆT NAM" / "XÃ LƯƠNG
// MINH" / "BAN THƯỜNG TRỰC"), and how its name is written.
const ORGANS: [RegExp, string][] = [
  [/^BAN THƯỜNG TRỰC$/u, "Ban Thường trực"],
  [/^THƯỜNG TRỰC$/u, "Thường trực"],
  [/^BAN THƯỜNG VỤ$/u, "Ban Thường vụ"],
  [/^BAN CHẤP HÀNH$/u, "Ban Chấp hành"],
  [/^ĐOÀN CHỦ TỊCH$/u, "Đoàn Chủ tịch"],
];

/**
 * The issuer as the header names it. When the last line is a standing organ of the body above ("BAN THƯỜNG TRỰC"
 * under "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH"), the organ issues the plan: "Ban Thường trực Ủy ban MTTQ Việt Nam xã
 * Lương Minh", as such plans name their issuer in their text.
 */
function issuerName(caps: string): string {
  const m = /^(.*?\S)\s+((?:BAN\s+)?(?:THƯỜNG TRỰC|THƯỜNG VỤ|CHẤP HÀNH)|ĐOÀN CHỦ TỊCH)$/u.exec(caps);
  const organ = m ? ORGANS.find(([re]) => re.test(m[2]!))?.[1] : undefined;
  return organ ? `${organ} ${lowerFirst(titleCaseBody(m![1]!))}` : titleCaseBody(caps);
}

function lowerFirst(s: string): string {
  return /^(?:Ủy|Uỷ) ban\s/u.test(s) ? s : s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

/**
 * "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh và Xã hội": agency names capitalise
 * the first word of each field they name (after the agency word, ",", " - " and "và").
 */
function titleCaseBody(s: string): string {
  if (!isAllCaps(s)) return s;
  const up = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1);
  // Abbreviations keep their capitals ("UBND", "MTTQ"), and so does the country's name.
  const lower = s
    .toLocaleLowerCase("vi")
    .replace(/(?<![\p{L}])(ubnd|hđnd|mttq|ubmttq)(?![\p{L}])/gu, (a: string) => a.toLocaleUpperCase("vi"))
    .replace(/(?<![\p{L}])việt nam(?![\p{L}])/gu, "Việt Nam");
  const agency = /^(sở|bộ|phòng|ban|cục|chi cục|trung tâm|văn phòng)\s+(.*)$/u.exec(lower);
  // "… XÃ LƯƠNG MINH", "… PHƯỜNG BẮC CAM RANH": the place's name, which ends the body's, in capitals word by word.
  if (!agency)
    return up(lower).replace(/(\s(?:xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố)\s)(.+)$/u, (_, kind: string, name: string) => kind + name.split(" ").map(up).join(" "));
  return `${up(agency[1]!)} ${agency[2]!.replace(/(^|,\s+|\s-\s|\svà\s)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase("vi"))}`;
}

function legalBases(intro: Line[]): string[] {
  const out: string[] = [];
  for (const l of intro) {
    const f = fold(l.text);
    if (!/^(can cu|thuc hien|tiep tuc thuc hien|theo de nghi|xet de nghi)/.test(f)) continue;
    const lead = /^(Căn cứ|Thực hiện)/u.exec(l.text)?.[1];
    // "Thực hiện Kế hoạch số 205…; Kế hoạch số 206…. Sở X xây dựng Kế hoạch …": one basis per document named.
    const body = l.text.replace(/\.\s+[A-ZĐÀ-Ỹ][^.]*(?:xây dựng|ban hành)\s+[Kk]ế hoạch.*$/u, "");
    body.split(/;\s*/).forEach((p, i) => {
      const t = p.replace(/[;,.]+$/, "").trim();
      if (!t) return;
      out.push(i > 0 && lead && !/^(Căn cứ|Thực hiện)/u.test(t) ? `${lead} ${t}` : t);
    });
  }
  return out;
}

// ---------------------------------------------------------------- objectives, purposes

function leafTexts(nodes: Node[], skip: (n: Node) => boolean): string[] {
  const out: string[] = [];
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (skip(n) || (n.children.length && n.text.length < 60 && /:$|^\S+(?: \S+){0,3}$/.test(n.text))) walk(n.children);
      else {
        out.push(n.text.replace(/\n/g, " "));
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return out;
}

function readObjectives(nodes: Node[], into: { general: Objective[]; specific: Objective[] }): void {
  const target = (text: string): Objective => {
    const m = /(?:đạt|tối thiểu|trên|ít nhất|phấn đấu[^%]*?|hoàn thành)\s*(?:từ\s*)?(\d{1,3}(?:[.,]\d+)?)\s*%/u.exec(text) ?? /(\d{1,3}(?:[.,]\d+)?)\s*%/u.exec(text);
    const value = m ? Number(m[1]!.replace(",", ".")) : undefined;
    return value !== undefined && value <= 100 ? { text, target: { value, unit: "%" } } : { text };
  };
  let kind: "general" | "specific" = "general";
  let sawHeads = false;
  for (const n of nodes) {
    const f = fold(n.text);
    if (/^muc tieu chung/.test(f)) {
      sawHeads = true;
      kind = "general";
      const rest = n.text.replace(/^Mục tiêu chung\s*:?\s*/iu, "");
      if (rest) into.general.push(target(rest.replace(/\n/g, " ")));
      for (const c of leafTexts(n.children, () => false)) into.general.push(target(c));
    } else if (/^muc tieu cu the|^chi tieu cu the|^cac chi tieu/.test(f)) {
      sawHeads = true;
      kind = "specific";
      const rest = n.text.replace(/^(Mục tiêu cụ thể|Chỉ tiêu cụ thể|Các chỉ tiêu)\s*:?\s*/iu, "");
      if (rest) into.specific.push(target(rest.replace(/\n/g, " ")));
      for (const c of leafTexts(n.children, () => false)) into.specific.push(target(c));
    } else {
      for (const c of [n.text.replace(/\n/g, " "), ...leafTexts(n.children, () => false)]) into[sawHeads ? kind : "specific"].push(target(c));
    }
  }
}

function reportingDuties(nodes: Node[], parses: (s: string) => boolean): { text: string; due?: string; pos: SourcePos }[] {
  const out: { text: string; due?: string; pos: SourcePos }[] = [];
  const walk = (list: Node[]) => {
    for (const n of list) {
      const f = fold(n.text);
      if (/bao cao/.test(f) && /(dinh ky|truoc ngay|hang (?:nam|quy|thang)|6 thang|chiem nhat|cham nhat)/.test(f)) {
        const m = /((?:định kỳ|hằng|hàng)\s[^,.;]{2,30}|(?:trước|chậm nhất)\s(?:ngày\s)?[^.;()]{3,40})/iu.exec(n.text);
        const due = m && parses(m[1]!.trim()) ? m[1]!.trim() : m?.[1]?.trim();
        out.push({ text: n.text.replace(/\n/g, " "), ...(due ? { due } : {}), pos: n.pos });
      }
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

// ---------------------------------------------------------------- tasks from the outline

function toTasks(roots: Node[], prefix: string, kind: SectionKind, parses: (s: string) => boolean, flags: Flag[]): DocTask[] {
  const build = (nodes: Node[], parentCode: string): DocTask[] => {
    for (const n of nodes) shareLastLabels(n);
    const out: DocTask[] = [];
    const counters = new Map<string, number>();
    const lastNumber = new Map<string, number>();
    for (const n of nodes) {
      const count = (counters.get(n.marker.type) ?? 0) + 1;
      counters.set(n.marker.type, count);
      // "3.3" where no "3.1", "3.2" came before it: a number the document skipped (a heading's own lines may then
      // stand where its first item should, and what the item inherits from the heading may not be its own).
      const number = n.marker.type.startsWith("DEC") ? Number(n.marker.label.split(".").at(-1)) : undefined;
      const skipped = number !== undefined && number > (lastNumber.get(n.marker.type) ?? 0) + 1;
      if (number !== undefined) lastNumber.set(n.marker.type, number);
      const own = n.marker.label ? (n.marker.type.startsWith("DEC") ? n.marker.label.split(".").at(-1)! : n.marker.label) : String(count);
      const code = parentCode ? `${parentCode}.${own}` : own;
      // "Phân công thực hiện:" with labelled lines below: the assignment of the heading above.
      if (n.assignHead) continue;
      if (kind !== "organisation" && /^(kinh phi|nguon kinh phi)/.test(fold(n.text))) continue;
      if (isContainerTitle(n.text) && n.children.length) {
        pushAll(out, build(n.children, code));
        continue;
      }
      const task = nodeToTask(n, code, parses);
      if (skipped) task.numberSkipped = true;
      // "Tổ chức thực hiện": "1. Các phòng … có trách nhiệm …; 2. Tổ chức quán triệt …; 3. Tăng cường …": an item
      // that names no body goes on with the subject of the item before it (flagged as read from a subject).
      const before = out.at(-1);
      if (kind === "organisation" && !task.lead.length && before?.lead.length && (before.via === "subject" || before.via === "heading") && !startsBody(task.text)) {
        task.lead = [...before.lead];
        task.via = "subject";
      }
      out.push(task);
    }
    return out;
  };
  const nodeToTask = (n: Node, code: string, parses: (s: string) => boolean): DocTask => {
    const text = n.text.replace(/\n/g, " ").trim();
    let a = fromProse(text, true);
    // "Căn cứ Kế hoạch này, các cơ quan … chủ động …", the item's own text or the paragraph under its heading: this
    // plan handed down to the subject, an assignment even without a deadline.
    let handsDown = a.via === "subject" && HANDS_THIS_PLAN_DOWN.test(fold(text));
    // "2. Sở Nội vụ" over its work ("Chủ trì, phối hợp với … ; thời gian: …" as a paragraph or as items below).
    const [firstLine, ...rest] = n.text.split("\n");
    const heading = bodyHeading(firstLine!);
    if (heading) {
      const body = rest.join(" ").trim();
      const r = body ? fromProse(body) : { lead: [], cooperating: [] };
      a = { ...r, lead: r.lead.length ? r.lead : heading, via: r.lead.length ? (r.via ?? "prose") : "heading" };
    } else if (!a.lead.length && rest.length) {
      // "2. Tổ chức Cuộc thi …" over a paragraph "Sở Nội vụ chủ trì, phối hợp với …": the paragraph assigns the heading.
      // So does a paragraph whose subject is a body doing work by a date ("3.4. Thời gian gửi hồ sơ khen thưởng:" over
      // "Các cơ quan, đơn vị, địa phương … gửi về Sở Nội vụ trước ngày 15/02/2027 …").
      const paragraph = rest.join(" ").trim();
      const r = fromProse(paragraph, true);
      const dated = r.via === "subject" && (r.due ?? dueInText(paragraph, parses)) !== undefined;
      const handedDown = r.via === "subject" && HANDS_THIS_PLAN_DOWN.test(fold(paragraph));
      if (r.lead.length && (r.via === "prose" || dated || handedDown)) a = { ...r, due: r.due ?? a.due };
      if (r.lead.length && handedDown) handsDown = true;
    }
    // Labelled lines under the item, and under a "Phân công thực hiện:" child.
    const labels = [...n.labels, ...n.children.filter((c) => c.assignHead).flatMap((c) => [...c.labels, ...c.children.flatMap((cc) => labelsOfText(cc.text))])];
    for (const l of labels) {
      if (l.kind === "lead") {
        const v = leadValue(l.value);
        a = { ...a, lead: v.lead, via: "label", cooperating: v.cooperating.length ? v.cooperating : a.via === "label" ? a.cooperating : [] };
      } else if (l.kind === "cooperating") a = { ...a, cooperating: coopValue(l.value) };
      else if (l.kind === "due") a = { ...a, due: l.value };
    }
    const due = a.due ?? periodOf(firstLine!, parses) ?? dueInText(text, parses);
    const partners = !a.lead.length && !a.cooperating.length ? partnersInText(text) : [];
    const task: DocTask = {
      code,
      title: titleOf(text),
      text,
      lead: a.lead,
      cooperating: a.cooperating,
      ...(partners.length ? { alsoCooperating: partners } : {}),
      ...(due ? { due } : {}),
      ...(a.via ? { via: a.via } : {}),
      ...(n.sharedLabels ? { sharedLabels: true as const } : {}),
      ...(handsDown && a.via === "subject" ? { handedDown: true as const } : {}),
      source: n.pos,
      children: [],
    };
    task.children = build(n.children, code);
    return task;
  };
  void flags;
  return build(roots, prefix);
}

/**
 * "3. Tổ chức theo dõi …" / "3.1. …" / "3.2. …" / "3.3. …" / "- Thời gian thực hiện: …" / "- Đơn vị chủ trì: …": one
 * block of labels after the last of a heading's items, where no other item has labels of its own and none has items
 * of its own, while the heading has none: the block closes the heading, so it is the heading's, and every item
 * inherits it (flagged LABELS_SHARED: the block could also be the last item's alone, leaving the others unassigned).
 */
function shareLastLabels(n: Node): void {
  const kids = n.children;
  const last = kids.at(-1);
  if (kids.length < 2 || n.labels.length || !last?.labels.some((l) => l.kind === "lead")) return;
  if (kids.some((k) => k.children.length || (k !== last && k.labels.length) || k.assignHead)) return;
  n.labels = last.labels;
  last.labels = [];
  n.sharedLabels = true;
}

/**
 * "Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026:", "Giai đoạn 2: Từ tháng 3/2026 đến tháng 6/2026 gồm các nội dung
 * …": a heading that names a period of the work, whose items inherit it as their deadline. The period as written,
 * without what introduces the items ("gồm …", the closing colon); kept (and flagged if not understood) even when
 * it ends with an event ("… đến ngày bầu cử").
 */
function periodOf(line: string, parses: (s: string) => boolean): string | undefined {
  const m = /^(?:Đợt|ĐỢT|Giai đoạn|GIAI ĐOẠN)\s+(?:\d{1,2}|[IVX]{1,4})\s*[:.–-]\s*(.+)$/u.exec(line.trim());
  if (!m) return undefined;
  const period = m[1]!
    .replace(/\s*,?\s*(?:gồm|bao gồm|với)\s+(?:các|những)\s.*$/u, "")
    .replace(/[:.;,\s]+$/u, "")
    .trim();
  return period && (parses(period) || /^(?:từ|trong|đến|trước)\s/iu.test(period)) ? period : undefined;
}

function labelsOfText(text: string): { kind: "lead" | "cooperating" | "due"; value: string }[] {
  const l = labelOf(text);
  return l && l.kind !== "other" && l.kind !== "assign-head" ? [{ kind: l.kind, value: l.value }] : [];
}

export function titleOf(text: string): string {
  const first = text.split(/(?<=[.;:])\s/u)[0]!.replace(/[.;:]$/, "");
  if (first.length <= 110) return first;
  const cut = first.slice(0, 110);
  return `${cut.slice(0, cut.lastIndexOf(" "))} …`;
}

function pruneUnassigned(tasks: DocTask[]): DocTask[] {
  const assigned = (t: DocTask): boolean => t.lead.length > 0 || t.children.some(assigned);
  return tasks.filter(assigned).map((t) => ({ ...t, children: t.lead.length ? t.children : pruneUnassigned(t.children) }));
}

// ---------------------------------------------------------------- assignment tables

interface Columns {
  header: number;
  stt?: number;
  task: number;
  lead?: number;
  coop?: number;
  due?: number;
  /** "Theo dõi, kiểm tra, đôn đốc" (UBND tỉnh Lâm Đồng's CCHC plans): who follows the work up, neither lead nor cooperating. */
  watch?: number;
}

export function taskColumns(t: Table): Columns | undefined {
  for (let h = 0; h < Math.min(3, t.rows.length); h++) {
    const texts = t.rows[h]!.map((c, j) => fold(`${h > 0 ? (t.rows[h - 1]![j]?.text ?? "") : ""} ${c.text}`));
    const find = (re: RegExp, not?: number[]) => {
      const i = texts.findIndex((x, j) => re.test(x) && !(not ?? []).includes(j));
      return i >= 0 ? i : undefined;
    };
    let lead = find(/chu tri|don vi thuc hien|co quan thuc hien|don vi thuc hien|trach nhiem|dau moi/);
    let task = find(/nhiem vu|noi dung|hoat dong|cong viec|giai phap|ten (?:de an|van ban)/, lead !== undefined ? [lead] : []);
    // "Đơn vị | Nhiệm vụ chủ trì" (NQ 175/NQ-CP): the tasks a body leads, under the body's own column.
    const body = find(/^\s*(don vi|co quan)\s*$/);
    if (lead !== undefined && task === undefined && body !== undefined && /nhiem vu/.test(texts[lead]!)) {
      task = lead;
      lead = body;
    }
    if (lead === undefined || task === undefined) continue;
    const coop = find(/phoi hop/, [lead]);
    const due = find(/thoi gian|thoi han|tien do|hoan thanh|lo trinh/, [lead, task]);
    const stt = find(/^\s*(stt|tt|so tt)\s*$/);
    // A two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"): data starts below the second.
    const next = t.rows[h + 1];
    const header = next && next.some((c) => /^(chu tri|phoi hop)$/.test(fold(c.text))) ? h + 1 : h;
    const cols: Columns = { header, task, lead };
    if (stt !== undefined) cols.stt = stt;
    if (coop !== undefined) cols.coop = coop;
    if (due !== undefined) cols.due = due;
    const watch = find(/theo doi|don doc/, [lead, task, ...(coop !== undefined ? [coop] : []), ...(due !== undefined ? [due] : [])]);
    if (watch !== undefined && watch > (coop ?? lead)) cols.watch = watch;
    if (header > h) {
      const sub = t.rows[header]!.map((c) => fold(c.text));
      const l2 = sub.findIndex((x) => x === "chu tri");
      const c2 = sub.findIndex((x) => x === "phoi hop");
      if (l2 >= 0) cols.lead = l2;
      if (c2 >= 0) cols.coop = c2;
    }
    return cols;
  }
  return undefined;
}

/**
 * The lead and cooperating cells of a task row, less what names no body there: a cell that refers to another
 * document's assignment ("Theo phân công tại Quyết định số …", merged across both columns), and a cooperating cell
 * merged across into the "Theo dõi, kiểm tra, đôn đốc" column, which names the body that follows the work up.
 */
type Cell = { text: string; spanned: boolean };

function bodyCells(row: Cell[], cols: Columns, cell: (row: Cell[], c: number | undefined) => string): { leadText: string; coopText: string } {
  const ref = (text: string) => (/^theo (?:su )?phan cong\b/.test(fold(text)) ? "" : text);
  const coop = cell(row, cols.coop);
  const intoWatch = cols.watch !== undefined && row[cols.watch]?.spanned === true && cell(row, cols.watch) === coop;
  return { leadText: ref(cell(row, cols.lead)), coopText: intoWatch ? "" : ref(coop) };
}

const isRoman = (s: string) => /^[IVXL]{1,6}\.?$/.test(s);
const isPart = (s: string) => /^[A-HĐ]\.?$/.test(s);
const isNumber = (s: string) => /^\d{1,3}(?:\.\d{1,3})*\.?$/.test(s);

/**
 * A row that is no task: the column-number row "(1) (2) (3)" or "1 2 3", or a repeated header (a table continued on
 * the next page): short cells ("Nhiệm vụ" | "Cơ quan chủ trì"), not a row whose long lead cell says who "chủ trì" and
 * whose task mentions "nhiệm vụ" (NQ 109/NQ-CP, row 82).
 */
function numberingOrHeaderRow(row: Cell[], leadText: string, taskText: string): boolean {
  if (row.every((c) => /^\(?\d{1,2}\)?$|^$/.test(c.text.trim()))) return true;
  return /chu tri/.test(fold(leadText)) && leadText.length <= 40 && taskText.length <= 60 && /nhiem vu|noi dung/.test(fold(taskText));
}

/**
 * A deadline cell as written, less what the layout added: a full stop ending the cell ("Thực hiện thường xuyên.")
 * and the space of a line wrapped after a range's dash ("Năm 2026-" / "2030").
 */
function dueCell(text: string): string {
  return text
    .replace(/\n/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(?<!\.)\.$/, "")
    .replace(/(\d)([-–]) (\d)/g, "$1$2$3");
}

function readTaskTable(t: Table, cols: Columns, prefix: string): DocTask[] {
  const roots: DocTask[] = [];
  let part: DocTask | undefined; // A/B/C
  let group: DocTask | undefined; // I/II
  let last: DocTask | undefined;
  const byCode = new Map<string, DocTask>();
  const cell = (row: { text: string; spanned: boolean }[], c: number | undefined) => (c === undefined ? "" : (row[c]?.text ?? "").trim());
  for (let r = cols.header + 1; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    const pos = t.rowPos[r] ?? t.pos;
    const stt = cell(row, cols.stt).replace(/\s+/g, "");
    const taskText = cell(row, cols.task).replace(/\n/g, " ").replace(/\s+/g, " ").trim();
    const distinct = new Set(row.map((c) => c.text.trim()).filter(Boolean));
    if (distinct.size === 0) continue;
    if (numberingOrHeaderRow(row, cell(row, cols.lead), taskText)) continue;
    if (!stt && last && !cell(row, cols.lead) && !cell(row, cols.due) && !row[cols.stt ?? 0]?.spanned) {
      // A row split over two pages: the rest of the cell texts belong to the row above.
      if (taskText) last.text = `${last.text} ${taskText}`;
      const more = cell(row, cols.coop);
      if (more) last.cooperating.push(...splitBodies(more));
      continue;
    }
    // A heading row: one text merged across the row, or just a part/group number and its title.
    const own = row.filter((c) => !c.spanned && c.text.trim());
    const colspanOf = (c: number | undefined) => c !== undefined && row[c]?.spanned === true && row[c]!.text.trim() === taskText;
    const emptyOrMerged = (c: number | undefined) => !cell(row, c) || colspanOf(c);
    const heading = distinct.size === 1 || own.length === 1 || (emptyOrMerged(cols.lead) && emptyOrMerged(cols.due) && (isRoman(stt) || isPart(stt)));
    const sttLabel = stt.replace(/\.$/, "");
    if (heading && (isPart(sttLabel) || isRoman(sttLabel) || !stt)) {
      const title = (taskText || [...distinct][0]!).replace(/^([A-HĐ]|[IVXL]{1,6})[.)]\s+/u, "");
      const label = sttLabel || /^([A-HĐ]|[IVXL]{1,6})[.)]\s/u.exec(taskText || [...distinct][0]!)?.[1] || `H${r}`;
      const isPartLabel = isPart(label);
      const code = isPartLabel || !part ? `${prefix}.${label}` : `${part.code}.${label}`;
      const node: DocTask = { code, title: titleOf(title), text: title, lead: [], cooperating: [], source: pos, children: [] };
      if (isPartLabel || !part) {
        roots.push(node);
        if (isPartLabel) {
          part = node;
          group = undefined;
        } else group = node;
      } else {
        part.children.push(node);
        group = node;
      }
      byCode.set(code, node);
      last = undefined;
      continue;
    }
    const { leadText, coopText } = bodyCells(row, cols, cell);
    const dueText = dueCell(cell(row, cols.due));
    const base = group ?? part;
    if (!isNumber(sttLabel) && last && !leadText && !dueText && !row[cols.stt ?? 0]?.spanned) {
      // A row split over two pages: the rest of the cell texts belong to the row above.
      if (taskText) last.text = `${last.text} ${taskText}`;
      if (coopText) last.cooperating.push(...splitBodies(coopText));
      continue;
    }
    const a = leadText && /chủ trì|phối hợp/u.test(leadText) ? leadValue(leadText) : { lead: splitBodies(leadText), cooperating: [] as string[] };
    if (!stt && !row[cols.stt ?? 0]?.spanned && last && last.children.length === 0 && !last.due && last.lead.length === 0 && last.cooperating.length === 0) {
      // A numbered row with its task alone, no body and no deadline, over a row without a number that has them (a
      // line ruled between the task and how it is carried out, NQ 116/NQ-CP row III.6): one task.
      if (taskText) last.text = `${last.text} ${taskText}`;
      last.lead.push(...a.lead);
      last.cooperating.push(...a.cooperating, ...splitBodies(coopText));
      if (dueText) last.due = dueText;
      continue;
    }
    const code = isNumber(sttLabel) ? `${base ? base.code : prefix}.${sttLabel}` : `${last?.code ?? base?.code ?? prefix}.${sttLabel || `r${r}`}`;
    // A sub-row with no number and no task of its own but its own lead or deadline: the number and task cells are
    // merged down from the row above (a second result of the same task, NQ 97/NQ-CP), so the task is that row's.
    const ownText = !stt && !taskText && last ? last.text : taskText;
    const task: DocTask = {
      code,
      title: titleOf(ownText),
      text: ownText,
      lead: a.lead,
      cooperating: [...a.cooperating, ...splitBodies(coopText)],
      ...(dueText ? { due: dueText } : {}),
      via: "table",
      source: pos,
      children: [],
    };
    // "1.2" under "1": nest.
    const parentCode = sttLabel.includes(".") ? `${base ? base.code : prefix}.${sttLabel.split(".").slice(0, -1).join(".")}` : undefined;
    const parent = parentCode ? byCode.get(parentCode) : !isNumber(sttLabel) && last ? last : undefined;
    if (parent) parent.children.push(task);
    else if (base) base.children.push(task);
    else roots.push(task);
    byCode.set(code, task);
    if (isNumber(sttLabel)) last = task;
  }
  return roots;
}

// ---------------------------------------------------------------- signer

function readSigner(lines: Line[]): { name: string; title: string } | undefined {
  const tail = lines.slice(-25).map((l) => l.text.replace(/\*\*/g, "").trim());
  const at = tail.findLastIndex((t) => /^(KT|TM|TL|TUQ)\s*\.|^(GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG PHÒNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN)\b/u.test(t));
  if (at < 0) return undefined;
  const titleLines: string[] = [];
  let i = at;
  while (i > 0 && /^(KT|TM|TL|TUQ)\s*\./u.test(tail[i - 1]!)) i--;
  for (; i < tail.length && isAllCaps(tail[i]!) && !/^\(/.test(tail[i]!); i++) titleLines.push(tail[i]!);
  const name = tail.slice(i).find((t) => /^[A-ZĐÀ-Ỹ][\p{Ll}]+(?: [A-ZĐÀ-Ỹ][\p{Ll}]+){1,5}$/u.test(t));
  if (!name || titleLines.length === 0) return undefined;
  // "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" → "KT. Giám đốc - Phó Giám đốc".
  const title = titleLines
    .map((line) => {
      const m = /^((?:KT|TM|TL|TUQ)\s*\.)\s*(.*)$/u.exec(line);
      const words = (m ? m[2]! : line).toLocaleLowerCase("vi");
      const cased = (words.charAt(0).toLocaleUpperCase("vi") + words.slice(1)).replace(/^(Phó|Quyền) (\p{Ll})/u, (_, a: string, b: string) => `${a} ${b.toLocaleUpperCase("vi")}`);
      return m ? `${m[1]!.replace(/\s+/g, "")} ${cased}` : cased;
    })
    .join(" - ");
  return { name, title };
}

// ---------------------------------------------------------------- flags

function flagTasks(tasks: DocTask[], flags: Flag[], parses: (s: string) => boolean, inh: { lead: boolean; due: boolean }): void {
  for (const t of tasks) {
    const hasLead = inh.lead || t.lead.length > 0;
    const hasDue = inh.due || (t.due !== undefined && parses(t.due));
    if (t.due !== undefined && !parses(t.due)) flags.push({ code: "DUE_UNKNOWN", taskCode: t.code, field: "due", text: t.due, pos: t.source });
    if (t.via === "subject") flags.push({ code: "LEAD_GUESSED", taskCode: t.code, field: "lead", text: t.lead.join("; "), pos: t.source });
    if (t.sharedLabels) for (const c of t.children) flags.push({ code: "LABELS_SHARED", taskCode: c.code, field: "lead", text: t.lead.join("; "), pos: c.source });
    if (t.numberSkipped && t.lead.length === 0 && inh.lead) flags.push({ code: "NUMBER_SKIPPED", taskCode: t.code, field: "lead", text: t.title, pos: t.source });
    // A heading with no lead is fine when its items name theirs; not when some item is left without one.
    const orphanBelow = (x: DocTask): boolean => x.lead.length === 0 && (x.children.length === 0 || x.children.some(orphanBelow));
    if (t.children.length > 0 && !hasLead && t.children.some(orphanBelow)) flags.push({ code: "NO_LEAD", taskCode: t.code, field: "lead", text: t.title, pos: t.source });
    if (t.children.length === 0) {
      if (!hasLead) flags.push({ code: "NO_LEAD", taskCode: t.code, field: "lead", text: t.title, pos: t.source });
      if (!hasDue && t.due === undefined) flags.push({ code: "NO_DUE", taskCode: t.code, field: "due", text: t.title, pos: t.source });
    }
    flagTasks(t.children, flags, parses, { lead: hasLead, due: hasDue });
  }
}
