// The import model: a parsed document with every body matched to a known
// unit or group, or proposed as a new unit (never dropped), each task's
// effective lead, cooperating units and deadline (inherited from its
// heading when it names none), and the points a person should check. Pure;
// the CLI writes it as a plan file or imports it, and a preview can show it.
import { parseDeadline, type Deadline } from "../domain/deadline.js";
import { codeKey, fold, foldedWords } from "../domain/text.js";
import { BodyMatcher, bodyKey, type BodyMatch, type KnownGroup, type KnownUnit } from "./parse/bodies.js";
import type { DocTask, Flag, ParsedPlan } from "./parse/model.js";
import type { SourcePos } from "./read/types.js";

export interface ModelTask {
  code: string;
  parentCode: string | null;
  depth: number;
  title: string;
  text: string;
  /** Own values, as written (children inherit them in the plan file). */
  lead: BodyRef[];
  cooperating: BodyRef[];
  due?: string;
  /** Effective values (own or inherited): what the task will be tracked by. */
  effective: { lead: BodyRef[]; cooperating: BodyRef[]; due?: string; deadline?: Deadline };
  via?: string;
  source: SourcePos;
  isHeading: boolean;
  flags: Flag["code"][];
}

export interface BodyRef {
  /** As written in the document. */
  name: string;
  /** Unit or group code (a proposed code for a new body). */
  code: string;
  kind: "unit" | "group" | "new";
}

export interface NewBody {
  code: string;
  name: string;
  /** Other spellings of the same body found in the document. */
  aliases: string[];
  tasks: string[];
}

export interface ImportModel {
  plan: Omit<ParsedPlan, "tasks" | "flags">;
  year: number;
  tasks: ModelTask[];
  newBodies: NewBody[];
  flags: Flag[];
  counts: { tasks: number; leaves: number; headings: number; matchedBodies: number; newBodies: number; flagged: number };
}

export function analyze(parsed: ParsedPlan, known: { units: KnownUnit[]; groups?: KnownGroup[] }, fallbackYear = new Date().getFullYear()): ImportModel {
  const matcher = new BodyMatcher(known.units, known.groups ?? []);
  const year = parsed.issuedOn ? Number(parsed.issuedOn.slice(0, 4)) : fallbackYear;
  const newBodies = new Map<string, NewBody>();
  const usedCodes = new Set(known.units.map((u) => codeKey(u.code)).concat((known.groups ?? []).map((g) => codeKey(g.code))));
  const flags: Flag[] = [...parsed.flags];
  const taskFlags = new Map<string, Flag["code"][]>();
  for (const f of flags) if (f.taskCode) taskFlags.set(f.taskCode, [...(taskFlags.get(f.taskCode) ?? []), f.code]);

  const ref = (name: string, taskCode: string): BodyRef => {
    const m: BodyMatch = matcher.match(name);
    if (m.kind !== "new") return { name, code: m.code, kind: m.kind };
    let nb = newBodies.get(m.key);
    if (!nb) {
      nb = { code: proposeCode(name, usedCodes), name, aliases: [], tasks: [] };
      newBodies.set(m.key, nb);
      flags.push({ code: "NEW_BODY", taskCode, text: name });
    } else if (![nb.name, ...nb.aliases].some((x) => fold(x) === fold(name))) nb.aliases.push(name);
    if (nb.tasks.at(-1) !== taskCode) nb.tasks.push(taskCode); // tasks are visited in order: no quadratic search
    return { name, code: nb.code, kind: "new" };
  };

  const assigns = (t: DocTask): boolean => t.lead.length > 0 || t.children.some(assigns);
  const tasks: ModelTask[] = [];
  const seen = new Map<string, number>();
  const walk = (list: DocTask[], parentCode: string | null, depth: number, inh: ModelTask["effective"]) => {
    for (const t of list) {
      // Codes must be unique in a plan file: a repeated number gets a suffix.
      let code = t.code;
      const n = (seen.get(codeKey(code)) ?? 0) + 1;
      seen.set(codeKey(code), n);
      if (n > 1) code = `${code}-${n}`;
      // A task with no lead anywhere above it cannot be tracked: it is given, for now, to the
      // body that issued the plan, and stays flagged NO_LEAD for a person to decide.
      // A heading none of whose items names a lead either ("1. Giám sát việc …" over bullets that are what is
      // inspected) is given it itself, so its items inherit it as the heading's work.
      const orphan = t.lead.length === 0 && inh.lead.length === 0 && !t.children.some(assigns);
      const lead = (orphan ? [parsed.issuer ?? "Cơ quan ban hành kế hoạch"] : t.lead).map((b) => ref(b, code));
      const named = t.cooperating.map((b) => ref(b, code));
      const cooperating = named.filter((c) => !lead.some((l) => l.code === c.code));
      // A unit cannot both lead a task and cooperate on it: the one named to do both ("Các Bộ, ngành, địa
      // phương" in both cells, each leading its own part) is kept as lead, and the task flagged for a person.
      const both = named.filter((c) => !cooperating.includes(c));
      if (both.length > 0) flags.push({ code: "LEAD_ALSO_COOPERATING", taskCode: code, field: "cooperating", text: both.map((b) => b.name).join("; ") });
      const deadline = t.due ? parseDeadline(t.due, "QUARTER", { year }) : undefined;
      const base = lead.length ? cooperating : cooperating.length ? cooperating : inh.cooperating;
      const effLead = lead.length ? lead : inh.lead;
      const also = (t.alsoCooperating ?? []).map((b) => ref(b, code)).filter((c) => !base.some((b) => b.code === c.code) && !effLead.some((l) => l.code === c.code));
      const effective: ModelTask["effective"] = {
        lead: effLead,
        cooperating: [...base, ...also],
        // A deadline of its own not understood is not replaced by the one above it (never guessed: it stays flagged).
        ...(deadline ? { due: t.due, deadline } : inh.due && t.due === undefined ? { due: inh.due, deadline: inh.deadline } : {}),
      };
      tasks.push({
        code,
        parentCode,
        depth,
        title: t.title || t.text.slice(0, 80) || code,
        text: t.text,
        lead,
        cooperating,
        ...(t.due ? { due: t.due } : {}),
        effective,
        ...(t.via ? { via: t.via } : {}),
        source: t.source,
        isHeading: t.children.length > 0,
        flags: [...(taskFlags.get(t.code) ?? []), ...(both.length > 0 ? (["LEAD_ALSO_COOPERATING"] as const) : [])],
      });
      walk(t.children, code, depth + 1, effective);
    }
  };
  walk(parsed.tasks, null, 0, { lead: [], cooperating: [] });
  flags.push(...statedTwice(tasks));
  const byCode = new Map(tasks.map((t) => [t.code, t]));
  for (const f of flags) if (f.code === "NEW_BODY" && f.taskCode) byCode.get(f.taskCode)?.flags.push("NEW_BODY");

  const { tasks: _t, flags: _f, ...plan } = parsed;
  const all = [...newBodies.values()];
  const refs = tasks.flatMap((t) => [...t.lead, ...t.cooperating]);
  return {
    plan,
    year,
    tasks,
    newBodies: all,
    flags,
    counts: {
      tasks: tasks.length,
      leaves: tasks.filter((t) => !t.isHeading).length,
      headings: tasks.filter((t) => t.isHeading).length,
      matchedBodies: new Set(refs.filter((r) => r.kind !== "new").map((r) => r.code)).size,
      newBodies: all.length,
      flagged: flags.filter((f) => f.code !== "NEW_BODY").length,
    },
  };
}

/**
 * A task stated twice, with the same lead: in the document's body and again in its appendix's table (NQ
 * 175/NQ-CP's "Tham mưu Chính phủ ban hành Nghị định …"), the one text the other's start, of some length. Both are
 * flagged, for a person to keep one; a task the same words give to another body is an assignment of its own. A
 * row's first task is the parent of the rows its lead cell is merged over: it is compared too.
 */
function statedTwice(tasks: ModelTask[]): Flag[] {
  const flags: Flag[] = [];
  const leads = (t: ModelTask) =>
    t.effective.lead
      .map((r) => r.code)
      .sort()
      .join(" ");
  const byStart = new Map<string, ModelTask[]>();
  for (const t of tasks) {
    const k = foldedWords(t.text);
    if (k.length < 40) continue;
    const same = byStart.get(k.slice(0, 40)) ?? [];
    for (const o of same) {
      const ko = foldedWords(o.text);
      // (A sub-row whose task cell is merged with its row's takes that row's text: the same task, not stated twice.)
      if (leads(o) !== leads(t) || t.parentCode === o.code || !(k.startsWith(ko) || ko.startsWith(k))) continue;
      for (const x of [o, t])
        if (!x.flags.includes("STATED_TWICE")) {
          x.flags.push("STATED_TWICE");
          flags.push({ code: "STATED_TWICE", taskCode: x.code, text: (x === o ? t : o).code });
        }
    }
    byStart.set(k.slice(0, 40), [...same, t]);
  }
  return flags;
}

/** A short code for a new body from its initials ("Sở Tài chính" → "STC"), unique among units and groups. */
export function proposeCode(name: string, used: Set<string>): string {
  const words = fold(bodyKey(name))
    .split(" ")
    .filter((w) => w && !/^(va|cac|cua|thuoc|tinh|thanh|pho)$/.test(w));
  const paren = /\(([^()]+)\)/.exec(name)?.[1];
  let base = (words.map((w) => w[0]!.toUpperCase()).join("") || "DV").slice(0, 8);
  if (paren && /^[A-ZĐ&\-.]{2,12}$/u.test(paren)) base = paren;
  let code = base;
  for (let i = 2; used.has(codeKey(code)); i++) code = `${base}${i}`;
  used.add(codeKey(code));
  return code;
}
