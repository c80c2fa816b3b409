// The review step between reading a plan document and publishing it: which
// tasks a person should look at (those flagged about their lead, deadline or
// a body dondoc does not know), the units a correction may name, checking a
// correction, and applying the corrections to the import model. Pure: the
// Slack review modal and its service use it; the stored model is never
// changed, so the corrections can be edited again until the plan is published.
import { z } from "zod";
import { parseDeadline } from "../domain/deadline.js";
import { codeKey } from "../domain/text.js";
import { AppError } from "../errors.js";
import type { BodyRef, ImportModel, ModelTask } from "./analyze.js";
import type { Flag } from "./parse/model.js";
import type { UnitChoice } from "../models/plan-import.js";

export const CorrectionSchema = z.object({
  lead: z.string().min(1).max(40).optional(),
  cooperating: z.array(z.string().min(1).max(40)).max(30).optional(),
  due: z.string().min(1).max(200).optional(),
});
export type Correction = z.infer<typeof CorrectionSchema>;
export const CorrectionsSchema = z.record(z.string().max(80), CorrectionSchema);
export type Corrections = z.infer<typeof CorrectionsSchema>;

/** Flags a review can settle: the task's lead, cooperating units or deadline. */
const REVIEWED: readonly Flag["code"][] = ["NO_LEAD", "LEAD_GUESSED", "DUE_UNKNOWN", "NO_DUE", "NEW_BODY", "LEAD_ALSO_COOPERATING"];
const LEAD_FLAGS: readonly Flag["code"][] = ["NO_LEAD", "LEAD_GUESSED"];
const DUE_FLAGS: readonly Flag["code"][] = ["DUE_UNKNOWN", "NO_DUE"];

/** The tasks to review, in document order: leaves with a flag about who or when. */
export function reviewTasks(model: ImportModel): ModelTask[] {
  return model.tasks.filter((t) => !t.isHeading && t.flags.some((f) => REVIEWED.includes(f)));
}

/** A unit a correction may name: a known unit, or a body the document named that will be proposed as a unit. */
export type { UnitChoice };

export function unitChoices(model: ImportModel, known: readonly { code: string; name: string }[]): UnitChoice[] {
  return [...known.map((u) => ({ code: u.code, name: u.name, proposed: false })), ...model.newBodies.map((b) => ({ code: b.code, name: b.name, proposed: true }))];
}

/** A correction as entered, checked: unit codes among the choices, a deadline dondoc understands. */
export function checkCorrection(
  input: Correction,
  choices: readonly UnitChoice[],
  year: number,
): { ok: true; correction: Correction } | { ok: false; errors: Partial<Record<keyof Correction, AppError>> } {
  const byKey = new Map(choices.map((c) => [codeKey(c.code), c]));
  const errors: Partial<Record<keyof Correction, AppError>> = {};
  const out: Correction = {};
  if (input.lead !== undefined) {
    const c = byKey.get(codeKey(input.lead));
    if (c) out.lead = c.code;
    else errors.lead = new AppError("REVIEW_UNIT_UNKNOWN", { code: input.lead });
  }
  if (input.cooperating !== undefined) {
    const unknown = input.cooperating.find((code) => !byKey.has(codeKey(code)));
    if (unknown) errors.cooperating = new AppError("REVIEW_UNIT_UNKNOWN", { code: unknown });
    else out.cooperating = [...new Set(input.cooperating.map((code) => byKey.get(codeKey(code))!.code))].filter((code) => code !== out.lead);
  }
  if (input.due !== undefined) {
    const due = input.due.normalize("NFC").replace(/\s+/g, " ").trim();
    if (due && parseDeadline(due, "QUARTER", { year })) out.due = due;
    else errors.due = new AppError("REVIEW_DUE_INVALID", { due: input.due.slice(0, 80) });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, correction: out };
}

/**
 * The model with the corrections applied: each corrected task gets the lead,
 * cooperating units and deadline the person chose, and loses the flags they
 * settle; bodies no task names any more are no longer proposed as units.
 */
export function applyCorrections(model: ImportModel, corrections: Corrections, choices: readonly UnitChoice[]): ImportModel {
  const out = structuredClone(model);
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const ref = (code: string): BodyRef => {
    const c = byCode.get(code);
    return { name: c?.name ?? code, code, kind: c?.proposed ? "new" : "unit" };
  };
  const settled = new Map<string, Set<Flag["code"]>>();
  for (const t of out.tasks) {
    const c = corrections[t.code];
    if (!c) continue;
    const gone = new Set<Flag["code"]>();
    if (c.lead) {
      t.lead = [ref(c.lead)];
      t.effective.lead = t.lead;
      for (const f of LEAD_FLAGS) gone.add(f);
      // Cooperating units the document named stay, unless corrected too; never the lead itself.
      t.cooperating = t.cooperating.filter((r) => r.code !== c.lead);
      t.effective.cooperating = t.cooperating;
    }
    if (c.cooperating) {
      t.cooperating = c.cooperating.filter((code) => code !== t.effective.lead[0]?.code).map(ref);
      t.effective.cooperating = t.cooperating;
    }
    if (c.due) {
      const deadline = parseDeadline(c.due, "QUARTER", { year: out.year });
      if (deadline) {
        t.due = c.due;
        t.effective.due = c.due;
        t.effective.deadline = deadline;
        for (const f of DUE_FLAGS) gone.add(f);
      }
    }
    // The person chose who leads or who cooperates: a body named in both cells is settled.
    if (c.lead || c.cooperating) gone.add("LEAD_ALSO_COOPERATING");
    const refs = [...t.effective.lead, ...t.effective.cooperating];
    if (!refs.some((r) => r.kind === "new")) gone.add("NEW_BODY");
    t.flags = t.flags.filter((f) => !gone.has(f));
    settled.set(t.code, gone);
  }
  out.flags = out.flags.filter((f) => !(f.taskCode && settled.get(f.taskCode)?.has(f.code)));
  const used = new Set(
    out.tasks
      .flatMap((t) => [...t.lead, ...t.cooperating])
      .filter((r) => r.kind === "new")
      .map((r) => r.code),
  );
  out.newBodies = out.newBodies.filter((b) => used.has(b.code));
  out.counts = { ...out.counts, newBodies: out.newBodies.length, flagged: out.flags.filter((f) => f.code !== "NEW_BODY").length };
  return out;
}
