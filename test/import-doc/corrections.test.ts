// The review step: which tasks are reviewed, corrections checked against the
// units offered and the deadlines dondoc understands, and applied without
// changing the stored reading.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/import-doc/analyze.js";
import { applyCorrections, checkCorrection, reviewTasks, unitChoices } from "../../src/import-doc/corrections.js";
import { parsePlan } from "../../src/import-doc/parse/structure.js";
import { textToBlocks } from "../../src/import-doc/read/text.js";
import { readFileSync } from "node:fs";

const text = readFileSync(new URL("../fixtures/slack-import/ke-hoach-77.txt", import.meta.url), "utf8");
const units = [
  { code: "VP", name: "Văn phòng Sở", aliases: [] },
  { code: "GDNN", name: "Phòng Giáo dục nghề nghiệp", aliases: [] },
  { code: "LĐ-VL", name: "Phòng Lao động - Việc làm", aliases: [] },
];
const model = analyze(parsePlan(textToBlocks(text, false)), { units });
const choices = unitChoices(model, units);

describe("review of a plan read from its document", () => {
  it("reviews the leaves flagged about their lead, deadline or a new body", () => {
    expect(reviewTasks(model).map((t) => [t.code, t.flags])).toEqual([
      ["II.2", ["NEW_BODY"]],
      ["II.3", expect.arrayContaining(["NO_LEAD", "DUE_UNKNOWN"])],
    ]);
  });

  it("refuses a unit not offered and a deadline it cannot read, field by field", () => {
    const r = checkCorrection({ lead: "XYZ", due: "sớm nhất có thể" }, choices, 2023);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.lead?.text("vi")).toContain("XYZ");
      expect(r.errors.due?.text("en")).toContain("was not understood");
    }
    const ok = checkCorrection({ lead: "ld-vl", cooperating: ["LĐ-VL", "vp"], due: "Quý IV/2023" }, choices, 2023);
    expect(ok).toEqual({ ok: true, correction: { lead: "LĐ-VL", cooperating: ["VP"], due: "Quý IV/2023" } });
  });

  it("applies corrections: the task takes them, its flags go, a body no longer named is no longer proposed", () => {
    const before = JSON.stringify(model);
    const fixed = applyCorrections(model, { "II.3": { lead: "LĐ-VL", due: "Quý IV/2023" } }, choices);
    expect(JSON.stringify(model)).toBe(before);
    const t = fixed.tasks.find((x) => x.code === "II.3")!;
    expect(t.effective.lead.map((r) => r.code)).toEqual(["LĐ-VL"]);
    expect(t.effective.deadline).toMatchObject({ kind: "QUARTER", dueOn: "2023-12-31" });
    expect(t.flags).toEqual([]);
    expect(fixed.flags.filter((f) => f.taskCode === "II.3")).toEqual([]);
    expect(model.newBodies.map((b) => b.name)).toContain("Sở Lao động - Thương binh và Xã hội");
    expect(fixed.newBodies.map((b) => b.name)).toEqual(["Trung tâm Y tế huyện Phú Vang"]);
    expect(fixed.counts.flagged).toBe(0);
  });
});
