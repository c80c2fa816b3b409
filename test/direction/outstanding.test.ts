// What the units owe the Office besides progress (issue 13 item 2, issue 11):
// the dashboard's and the one-off reminder's figures are those of
// planAcknowledgements and unitReportStatus, never counted again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { outstandingItems, owedBy } from "../../src/services/outstanding.js";
import { acknowledgePlan, planAcknowledgements, publishToUnits } from "../../src/services/plan-acks.js";
import { unitReportStatus } from "../../src/services/unit-reports.js";
import { planForUnitMessage } from "../../src/views/plan-acks.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

describe.each(backends)("outstanding acknowledgements and unit reports on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
  });
  afterAll(async () => db?.close());

  it("lists the units that have not acknowledged a published plan and not sent the window's report, as the other views count them", async () => {
    const plan = await db.prisma.plan.findFirstOrThrow();
    const at = new Date("2023-10-05T03:00:00Z");
    let model = await outstandingItems(db.prisma, "2023-10-05");
    expect(model.acknowledgements).toEqual([]);

    await publishToUnits(db.prisma, plan.id, at, (m) => planForUnitMessage(m, "vi"));
    const gdnn = await db.prisma.member.findFirstOrThrow({ where: { slackUserId: "U0GDNN002" } });
    await acknowledgePlan({ prisma: db.prisma, planId: plan.id, actor: { role: "STAFF", unitId: gdnn.unitId, active: true }, userId: "U0GDNN002", requestKey: "t1", at });

    model = await outstandingItems(db.prisma, "2023-10-05");
    const acks = await planAcknowledgements(db.prisma, plan.id);
    expect(model.acknowledgements).toHaveLength(1);
    expect(model.acknowledgements[0]!.acknowledged.map((a) => a.unit.code)).toEqual(["GDNN"]);
    expect(model.acknowledgements[0]!.pending.map((p) => p.unit.code)).toEqual(acks.pending.map((p) => p.code));
    expect(model.acknowledgements[0]!.pending.length).toBeGreaterThan(0);

    // 05/10/2023: the current window is Q3/2023 (its report is due in October's first days).
    const status = await unitReportStatus(db.prisma, plan.id, "2023-Q3", "2023-10-05");
    expect(model.unitReports).toHaveLength(1);
    expect(model.unitReports[0]!.window.label).toBe("Quý III/2023");
    expect([model.unitReports[0]!.submitted, model.unitReports[0]!.total]).toEqual([status.submitted, status.units.length]);
    expect(model.unitReports[0]!.pending.map((p) => p.unit.code)).toEqual(status.units.filter((u) => u.state !== "SUBMITTED").map((u) => u.unit.code));

    // GDNN owes only its report; LĐ-VL both.
    const ldvl = await db.prisma.unit.findFirstOrThrow({ where: { code: "LĐ-VL" } });
    expect(owedBy(model, gdnn.unitId!).plans).toEqual([]);
    expect(owedBy(model, gdnn.unitId!).reports.map((r) => r.window)).toEqual(["Quý III/2023"]);
    expect(owedBy(model, ldvl.id).plans.map((p) => p.number)).toEqual([plan.number]);
  });
});
