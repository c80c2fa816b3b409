// Units are merged (2025: labour departments into Home Affairs); the plan's
// history must survive: assignments and reports count for the successor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import type { Actor } from "../../src/domain/permissions.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { statusSummary } from "../../src/services/plan-queries.js";
import { reportProgress } from "../../src/services/report-progress.js";
import { taskList } from "../../src/services/task-list.js";
import { unitTaskSummaries } from "../../src/services/task-summaries.js";
import { UnitResolver } from "../../src/services/unit-resolver.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan, ORG_FILE, variant } from "../support/files.js";
import { parseYaml, readText } from "../../src/files/load.js";
import { OrgFileSchema } from "../../src/files/org-file.js";

describe.each(backends)("a merged unit on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
  });
  afterAll(async () => db?.close());

  it("keeps its reports, and its work counts for the unit that took it over", async () => {
    const khtc = await db.prisma.unit.findUniqueOrThrow({ where: { code: "KH-TC" } });
    const task = await db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.3.1" } });
    await reportProgress(db.prisma, { taskId: task.id, unitId: khtc.id, reporter: "U0KHTC001", percent: 50, at: new Date("2023-08-01T03:00:00Z") });
    const before = await statusSummary(db.prisma, { today: "2023-09-01" });
    const vpBefore = before.byUnit.find((u) => u.code === "VP")!;
    const khtcBefore = before.byUnit.find((u) => u.code === "KH-TC")!;

    // The organisation file now says KH-TC was merged into VP.
    const merged = await variant(ORG_FILE, (t) => t.replace(/(\n {2}- code: KH-TC\n)/, "$1    mergedInto: VP\n    active: false\n"));
    const r = await importOrg(db.prisma, parseYaml(merged, await readText(merged), OrgFileSchema), { actor: "test" });
    expect(r.changes.units?.updated).toBe(1);

    const after = await statusSummary(db.prisma, { today: "2023-09-01" });
    expect(after.byUnit.map((u) => u.code)).not.toContain("KH-TC");
    const vpAfter = after.byUnit.find((u) => u.code === "VP")!;
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(sum(vpAfter.lead)).toBe(sum(vpBefore.lead) + sum(khtcBefore.lead));
    expect(after.total).toBe(before.total);

    // Its name still finds the successor; its reports are still its own.
    expect((await UnitResolver.load(db.prisma)).resolve("KH-TC")).toMatchObject({ kind: "unit", unit: { code: "VP" } });
    expect(await db.prisma.progressReport.count({ where: { unitId: khtc.id } })).toBe(1);
    const vp = await db.prisma.unit.findUniqueOrThrow({ where: { code: "VP" } });
    const list = await unitTaskSummaries(db.prisma, { unitIds: [vp.id, khtc.id], filter: "all", today: "2023-09-01" });
    expect(list.tasks.map((t) => t.code)).toContain("II.2.c.3.1");

    // `/kehoach viec` from someone still filed under KH-TC, or naming it: VP's list, KH-TC's tasks in it.
    const actor: Actor = { active: true, role: "STAFF", unitId: khtc.id };
    const listFrom = (unit: { id: number; code: string; name: string }) =>
      taskList(db.prisma, { viewer: { actor, unit: { id: unit.id, code: unit.code, name: unit.name } }, unit: null, filter: "all", page: 0, today: "2023-09-01" });
    const fromKhtc = await listFrom(khtc);
    expect(fromKhtc.unit.code).toBe("VP");
    expect(fromKhtc.tasks.map((t) => t.code)).toContain("II.2.c.3.1");
    expect(fromKhtc.totalCount).toBe(list.total);
    const named = await taskList(db.prisma, { viewer: { actor, unit: null }, unit: "kh-tc", filter: "all", page: 0, today: "2023-09-01" });
    expect(named).toMatchObject({ unit: { code: "VP" }, totalCount: list.total });
    // A unit nobody took over lists its own tasks only.
    const vpOwn = await unitTaskSummaries(db.prisma, { unitIds: [vp.id], filter: "all", today: "2023-09-01" });
    const gdnn = await db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" } });
    const gdnnList = await listFrom(gdnn);
    expect(gdnnList.unit.code).toBe("GDNN");
    expect(gdnnList.totalCount).toBe((await unitTaskSummaries(db.prisma, { unitIds: [gdnn.id], filter: "all", today: "2023-09-01" })).total);
    expect(list.total).toBeGreaterThan(vpOwn.total);
  });
});
