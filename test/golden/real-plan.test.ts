// Golden files rendered from the real example: plan 1565/KH-SLĐTBXH
// (examples/plan-1565-KH-SLDTBXH.yaml), the department of examples/org.yaml
// and the demo progress `npm start` loads, so a reviewer reads what users see
// (test/golden/__golden__/*.txt, plain text: the Slack blocks as a reader sees
// them). The synthetic fixtures of test/views stay for the edge cases (limits,
// long texts, empty lists). After checking a change, refresh them with
// `npx vitest run test/golden -u`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { formatStatus, formatUnits } from "../../src/cli/format.js";
import { DEMO_NOW, loadDemoProgress } from "../../src/demo/demo-progress.js";
import { localDay, type Day } from "../../src/domain/day.js";
import { homeModel } from "../../src/services/home.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { memberBySlackId } from "../../src/services/members.js";
import { findPlan, listUnits, objectiveProgress, statusSummary } from "../../src/services/plan-queries.js";
import { taskDetail } from "../../src/services/task-detail.js";
import { unitTaskSummaries } from "../../src/services/task-summaries.js";
import { digestModel } from "../../src/services/weekly/digest.js";
import { unitReminderModel } from "../../src/services/weekly/unit-reminder.js";
import { digestMessage } from "../../src/views/digest.js";
import { digestText } from "../../src/views/digest-text.js";
import { homeView } from "../../src/views/home.js";
import { overviewMessage } from "../../src/views/overview.js";
import { reminderMessage } from "../../src/views/reminder.js";
import { taskDetailMessage } from "../../src/views/task-detail.js";
import { unitsMessage } from "../../src/views/units.js";
import { backends } from "../support/databases.js";
import { blocksText, messageText } from "../support/blocks-text.js";
import { loadOrg, loadPlan } from "../support/files.js";

/** The demo's Friday (17/11/2023) and the Monday of its week, when reminders go out. */
const FRIDAY: Day = localDay(DEMO_NOW);
const MONDAY: Day = "2023-11-13";

const golden = (name: string) => `./__golden__/${name}`;

// Rendering does not depend on the database engine: PGlite is enough.
describe("golden files from plan 1565 and its demo data", () => {
  let db: Database;
  beforeAll(async () => {
    db = await backends[0]!.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    await loadDemoProgress(db.prisma);
  }, 600_000);
  afterAll(async () => db?.close());

  const unit = (code: string) => db.prisma.unit.findFirstOrThrow({ where: { code } });

  it.each(["2023-07-01", "2023-09-30", "2023-11-17"])("dondoc status 1565 --at %s", async (day) => {
    const plan = await findPlan(db.prisma, "1565");
    const planIds = [plan.id];
    const [summary, objectives, overdue] = await Promise.all([
      statusSummary(db.prisma, { today: day, planIds }),
      objectiveProgress(db.prisma, { today: day, planIds }),
      unitTaskSummaries(db.prisma, { filter: "overdue", today: day, planIds, limit: 1000 }),
    ]);
    const text = formatStatus(plan.number, summary, "vi", { objectives, overdue: overdue.tasks });
    await expect(`${text}\n`).toMatchFileSnapshot(golden(`status-${day}.txt`));
  });

  // KH-TC leads five tasks and cooperates on most of the plan: its reminder
  // opens with what it leads, the rest is one count line. VP leads the most.
  it.each(["KH-TC", "VP"])("the Monday reminder in the channel of %s", async (code) => {
    const model = await unitReminderModel(db.prisma, await unit(code), MONDAY);
    // Issue 10: a cooperating unit's reminder opened with the overdue tasks it does not lead.
    expect([...model.overdue, ...model.dueSoon, ...model.stale].every((t) => t.role === "LEAD")).toBe(true);
    const all = await unitTaskSummaries(db.prisma, { unitIds: [(await unit(code)).id], filter: "overdue", today: MONDAY, limit: 0 });
    expect(model.counts.overdue + model.cooperating.overdue).toBe(all.total);
    await expect(messageText(reminderMessage(model, "vi"))).toMatchFileSnapshot(golden(`reminder-${code}-${MONDAY}.txt`));
  });

  it("the leadership digest, in Slack and as the CLI prints it", async () => {
    const model = await digestModel(db.prisma, { today: FRIDAY });
    await expect(messageText(digestMessage(model, "vi"))).toMatchFileSnapshot(golden(`digest-${FRIDAY}.txt`));
    await expect(digestText(model, "vi")).toMatchFileSnapshot(golden(`digest-preview-${FRIDAY}.txt`));
  });

  it("/kehoach tongquan", async () => {
    const plan = await findPlan(db.prisma, "1565");
    const [s, objectives] = await Promise.all([
      statusSummary(db.prisma, { today: FRIDAY, planIds: [plan.id] }),
      objectiveProgress(db.prisma, { today: FRIDAY, planIds: [plan.id] }),
    ]);
    const m = overviewMessage(
      {
        plan: { number: plan.number, title: plan.title, year: plan.year },
        today: FRIDAY,
        total: s.total,
        counts: s.counts,
        rates: s.rates,
        byIndex: s.byIndex,
        byUnit: s.byUnit,
        objectives,
      },
      "vi",
    );
    await expect(messageText(m)).toMatchFileSnapshot(golden(`tongquan-${FRIDAY}.txt`));
  });

  it("App Home of a GDNN officer (Huỳnh Văn Tài)", async () => {
    const member = (await memberBySlackId(db.prisma, "U0GDNN002"))!;
    expect(member.name).toBe("Huỳnh Văn Tài");
    await expect(blocksText(homeView(await homeModel(db.prisma, member, FRIDAY), "vi").blocks)).toMatchFileSnapshot(golden(`app-home-GDNN-${FRIDAY}.txt`));
  });

  it("units: dondoc units list and /kehoach donvi", async () => {
    const list = await listUnits(db.prisma, FRIDAY);
    await expect(`${formatUnits(list, "vi")}\n`).toMatchFileSnapshot(golden(`units-list-${FRIDAY}.txt`));
    await expect(messageText(unitsMessage({ units: list.filter((u) => u.active) }, "vi"))).toMatchFileSnapshot(golden(`donvi-${FRIDAY}.txt`));
  });

  // Outside bodies with their role, the lead as the plan words it, a target.
  it.each(["II.2.b.2", "II.2.c.2", "II.2.a.3", "III.1"])("/kehoach xem %s", async (code) => {
    const plan = await findPlan(db.prisma, "1565");
    const task = await db.prisma.task.findFirstOrThrow({ where: { planId: plan.id, code } });
    // Seen by leadership: no report button, nothing that depends on a unit.
    const model = await taskDetail(db.prisma, task.id, { today: FRIDAY, viewer: { role: "LEADERSHIP", unitId: null, active: true } });
    await expect(messageText(taskDetailMessage(model, "vi"))).toMatchFileSnapshot(golden(`xem-${code}-${FRIDAY}.txt`));
  });
});
