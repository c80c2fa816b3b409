// Scores an import model against a hand-checked expected result: used by
// the corpus test (an accuracy floor) and by `npm run bench:import-doc`.
// Tasks are matched by the start of their text, not by code, so a task the
// parser numbered differently is still compared on what matters: who
// leads, who cooperates and by when.
import { z } from "zod";
import { fold, foldedWords } from "../domain/text.js";
import type { ImportModel, ModelTask } from "./analyze.js";
import { bodyKey } from "./parse/bodies.js";

export const ExpectedSchema = z.object({
  tasks: z.array(
    z.object({
      code: z.string().optional(),
      text: z.string().min(3),
      lead: z.array(z.string()).default([]),
      cooperating: z.array(z.string()).default([]),
      due: z.string().default(""),
    }),
  ),
});
export type Expected = z.output<typeof ExpectedSchema>;

export interface PlanScore {
  expected: number;
  found: number;
  leadRight: number;
  coopRight: number;
  dueRight: number;
  allRight: number;
  extra: number;
  /** Expected tasks wrong on some field with no flag on that task. */
  unflaggedErrors: number;
  /** Bodies expected on a task that the task does not carry at all. */
  droppedBodies: number;
  errors: { text: string; field: string; want: string; got: string; flagged: boolean }[];
}

const set = (xs: string[]) => [...new Set(xs.map(bodyKey))].sort().join(" | ");

export function score(model: ImportModel, expected: Expected): PlanScore {
  const s: PlanScore = {
    expected: expected.tasks.length,
    found: 0,
    leadRight: 0,
    coopRight: 0,
    dueRight: 0,
    allRight: 0,
    extra: 0,
    unflaggedErrors: 0,
    droppedBodies: 0,
    errors: [],
  };
  const used = new Set<ModelTask>();
  for (const e of expected.tasks) {
    const k = foldedWords(e.text);
    // The task whose whole text it is first ("7.1 Tổng kết công tác bầu cử" under "7. Tổng kết công tác bầu cử của
    // …; bảo đảm …"), then the first that starts with it, then one that holds it.
    const free = model.tasks.filter((x) => !used.has(x));
    const t = free.find((x) => foldedWords(x.text) === k) ?? free.find((x) => foldedWords(x.text).startsWith(k)) ?? free.find((x) => foldedWords(x.text).includes(k));
    if (!t) {
      s.errors.push({ text: e.text, field: "task", want: "found", got: "missing", flagged: false });
      s.unflaggedErrors++;
      continue;
    }
    used.add(t);
    s.found++;
    const gotLead = t.effective.lead.map((r) => r.name);
    const leadOk = set(gotLead) === set(e.lead);
    const coopOk = set(t.effective.cooperating.map((r) => r.name)) === set(e.cooperating);
    // A deadline not understood is kept as written, and flagged (the draft's dueNote): that text is what was read.
    const gotDue = t.flags.includes("DUE_UNKNOWN") ? (t.due ?? "") : (t.effective.due ?? "");
    const dueOk = fold(gotDue) === fold(e.due);
    const flagged = t.flags.length > 0;
    const check = (ok: boolean, field: string, want: string, got: string) => {
      if (!ok) s.errors.push({ text: e.text.slice(0, 60), field, want, got, flagged });
    };
    check(leadOk, "lead", e.lead.join("; "), gotLead.join("; "));
    check(coopOk, "cooperating", e.cooperating.join("; "), t.effective.cooperating.map((r) => r.name).join("; "));
    check(dueOk, "due", e.due, gotDue);
    if (leadOk) s.leadRight++;
    if (coopOk) s.coopRight++;
    if (dueOk) s.dueRight++;
    if (leadOk && coopOk && dueOk) s.allRight++;
    else if (!flagged) s.unflaggedErrors++;
    const carried = new Set([...t.effective.lead, ...t.effective.cooperating].map((r) => bodyKey(r.name)));
    s.droppedBodies += [...e.lead, ...e.cooperating].filter((b) => !carried.has(bodyKey(b))).length;
  }
  s.extra = model.tasks.filter((t) => !used.has(t)).length;
  return s;
}
