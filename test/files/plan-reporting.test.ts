// The plan file's reporting settings: windows by default, calendar periods
// when a plan says so, and a chain of deadlines that cannot run backwards.
import { describe, expect, it } from "vitest";
import { readFile } from "node:fs/promises";
import { AppError } from "../../src/errors.js";
import { parseYaml } from "../../src/files/load.js";
import { PlanFileSchema } from "../../src/files/plan-file.js";
import { PLAN_FILE } from "../support/files.js";

const minimal = (reporting: string) => `
number: 1/KH-TEST
title: t
issuer: i
place: p
issuedOn: 13/06/2023
year: 2023
signer: { name: s, title: t }
${reporting}
objectives:
  specific:
    - text: Phấn đấu hoàn thành 100% nhiệm vụ
      target: { value: 100, unit: "%", measure: completion }
tasks:
  - { code: "1", title: t, due: Thường xuyên }
`;

describe("plan file: reporting settings", () => {
  it("defaults to data windows, 30 days' coverage, units by the 10th, the department by the 15th", () => {
    const plan = parseYaml("p.yaml", minimal(""), PlanFileSchema).data;
    expect(plan.reporting).toEqual({ periods: "WINDOW", minCoverageDays: 30, unitsDueDay: 10, officeDueDay: 15, superior: "UBND tỉnh (qua Sở Nội vụ)" });
    expect(plan.objectives.specific[0]).toMatchObject({ target: { value: 100, unit: "%", measure: "COMPLETION" } });
  });

  it("takes calendar periods and a plan's own days and superior", () => {
    const plan = parseYaml("p.yaml", minimal("reporting: { periods: calendar, minCoverageDays: 45, unitsDueDay: 5, officeDueDay: 12, superior: Sở Nội vụ }"), PlanFileSchema).data;
    expect(plan.reporting).toEqual({ periods: "CALENDAR", minCoverageDays: 45, unitsDueDay: 5, officeDueDay: 12, superior: "Sở Nội vụ" });
  });

  it("refuses a units' deadline on or after the department's, naming the field, in both languages", () => {
    const e = (() => {
      try {
        parseYaml("p.yaml", minimal("reporting: { unitsDueDay: 15, officeDueDay: 15 }"), PlanFileSchema);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(AppError);
    const text = (e as AppError).bilingual();
    expect(text).toContain("unitsDueDay");
    expect(text).toContain("phải trước hạn Sở gửi cơ quan cấp trên");
    expect(text).toContain("must come before");
  });

  it("refuses a department's deadline on or after the 20th and an unknown period kind", () => {
    expect(() => parseYaml("p.yaml", minimal("reporting: { officeDueDay: 20 }"), PlanFileSchema)).toThrow(AppError);
    expect(() => parseYaml("p.yaml", minimal("reporting: { periods: weekly }"), PlanFileSchema)).toThrow(AppError);
  });

  it("plan 1565 reports by data windows, units to the Office by the 10th, the department to UBND tỉnh (qua Sở Nội vụ) by the 15th", async () => {
    const plan = parseYaml(PLAN_FILE, await readFile(PLAN_FILE, "utf8"), PlanFileSchema).data;
    expect(plan.reporting).toEqual({ periods: "WINDOW", minCoverageDays: 30, unitsDueDay: 10, officeDueDay: 15, superior: "UBND tỉnh (qua Sở Nội vụ)" });
    expect(plan.objectives.specific.filter((o) => o.target?.measure === "COMPLETION")).toHaveLength(1);
  });
});
