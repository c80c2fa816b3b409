// The pre-filled drafts a unit's lead receives ahead of the units' deadline
// (the "report-deadlines" job): one direct message per lead, listing every
// plan in force in the window that the unit has not yet sent, each with its
// own button; a plan already sent is not asked for again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { localInstant, type Occurrence } from "../../src/domain/schedule.js";
import { plannedMessages } from "../../src/scheduler/jobs.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { findPlan } from "../../src/services/plan-queries.js";
import { saveUnitReport } from "../../src/services/unit-reports.js";
import { UNIT_REPORT_ACTIONS } from "../../src/views/unit-report.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan, PLAN_FILE, variant } from "../support/files.js";

const Q3: Occurrence = { job: "report-deadlines", period: "2023-Q3", day: "2023-09-01", dueAt: localInstant("2023-09-01", 8, 0) };
const config = { leadershipChannel: "#dondoc-lanhdao", digestDm: false };

interface Block {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string };
  elements?: { action_id: string; value: string }[];
}

/** Every "open the unit's report" button of a message, as the plan ids they open. */
function plansOffered(payload: unknown): number[] {
  const blocks = (payload as { blocks: Block[] }).blocks;
  const buttons = blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.elements ?? [])]);
  return buttons.filter((x) => x.action_id === UNIT_REPORT_ACTIONS.open).map((x) => (JSON.parse(x.value) as { p: number; w: string }).p);
}

describe.each(backends)("unit report drafts for several plans on $name", (backend) => {
  let db: Database;
  let first: number;
  let second: number;
  let gdnnLead: string;
  let gdnnId: number;

  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    // A second plan of the same department in force over the same window.
    const other = await variant(PLAN_FILE, (t) => t.replace("number: 1565/KH-SLĐTBXH", "number: 1702/KH-SLĐTBXH"), "plan-1702.yaml");
    await importPlan(db.prisma, await loadPlan(other), { actor: "test" });
    first = (await findPlan(db.prisma, "1565")).id;
    second = (await findPlan(db.prisma, "1702")).id;
    const gdnn = await db.prisma.unit.findUniqueOrThrow({ where: { code: "GDNN" }, select: { id: true } });
    gdnnId = gdnn.id;
    gdnnLead = (await db.prisma.member.findFirstOrThrow({ where: { unitId: gdnn.id, role: "UNIT_LEAD", active: true }, orderBy: { id: "asc" } })).slackUserId;
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("asks each lead once, with a button for every plan", async () => {
    const planned = await plannedMessages(db.prisma, config, Q3);
    const toLead = planned.filter((p) => p.target === gdnnLead);
    expect(toLead).toHaveLength(1);
    expect(plansOffered(toLead[0]!.payload).sort()).toEqual([first, second].sort());
    const text = (toLead[0]!.payload as { text: string }).text;
    expect(text).toContain("2 kế hoạch");
    const body = JSON.stringify(toLead[0]!.payload);
    expect(body).toContain("Kế hoạch số 1565/KH-SLĐTBXH");
    expect(body).toContain("Kế hoạch số 1702/KH-SLĐTBXH");
    // No lead gets two direct messages: the delivery key is (job, period, target).
    const targets = planned.map((p) => p.target);
    expect(new Set(targets).size).toBe(targets.length);
  });

  it("no longer asks for a plan the unit has sent, and reads as the single-plan draft", async () => {
    const saved = await saveUnitReport(db.prisma, {
      actor: { role: "UNIT_LEAD", unitId: gdnnId, active: true },
      userId: gdnnLead,
      planId: first,
      unitId: gdnnId,
      windowKey: "2023-Q3",
      fields: { results: "Đã hoàn thành các nhiệm vụ chủ trì trong kỳ.", shortcomings: "", proposals: "" },
      evidenceFiles: [],
      submit: true,
      requestKey: "test:drafts-1",
      at: new Date("2023-09-01T03:00:00Z"),
    });
    expect(saved).toMatchObject({ kind: "saved", state: "SUBMITTED" });
    const toLead = (await plannedMessages(db.prisma, config, Q3)).filter((p) => p.target === gdnnLead);
    expect(toLead).toHaveLength(1);
    expect(plansOffered(toLead[0]!.payload)).toEqual([second]);
    expect((toLead[0]!.payload as { text: string }).text).not.toContain("kế hoạch:");
    expect(JSON.stringify(toLead[0]!.payload)).toContain("Kế hoạch số 1702/KH-SLĐTBXH");
  });
});
