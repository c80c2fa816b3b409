// The reads every command makes are raw statements (src/services/members.ts,
// find-task.ts, plan-queries.ts: Prisma 6 compiles each model query in
// WebAssembly, which cost more CPU than the read). They must return exactly
// what the Prisma queries they replace return, column for column and type
// for type, on every test database: a column added later shows up here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { currentPlan } from "../../src/services/find-task.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { memberBySlackId } from "../../src/services/members.js";
import { findPlan } from "../../src/services/plan-queries.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

describe.each(backends)("the commands' raw reads on $name", (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    // A member without a unit, and one of a merged unit.
    await db.prisma.member.create({ data: { slackUserId: "U0NOUNIT", name: "Lãnh đạo Sở", role: "LEADERSHIP", unitId: null, locale: "en" } });
    const [a, b] = await db.prisma.unit.findMany({ orderBy: { id: "asc" }, take: 2 });
    await db.prisma.unit.update({ where: { id: a!.id }, data: { mergedIntoId: b!.id } });
  });
  afterAll(async () => db?.close());

  it("memberBySlackId: what findUnique with its unit returns, for every member", async () => {
    const members = await db.prisma.member.findMany({ select: { slackUserId: true } });
    expect(members.length).toBeGreaterThan(3);
    for (const { slackUserId } of members) {
      expect(await memberBySlackId(db.prisma, slackUserId)).toEqual(await db.prisma.member.findUnique({ where: { slackUserId }, include: { unit: true } }));
    }
    expect(await memberBySlackId(db.prisma, "U0NOBODY")).toBeNull();
    expect((await memberBySlackId(db.prisma, "U0NOUNIT"))?.unit).toBeNull();
  });

  it("currentPlan and findPlan: what findFirst and findUnique return", async () => {
    await db.prisma.plan.update({ where: { numberKey: (await db.prisma.plan.findFirstOrThrow()).numberKey }, data: { legalBases: ["Căn cứ …", "Thực hiện …"] } });
    const plan = await db.prisma.plan.findFirstOrThrow({ orderBy: [{ year: "desc" }, { issuedOn: "desc" }] });
    expect(await currentPlan(db.prisma)).toEqual(plan);
    expect(await findPlan(db.prisma, plan.number)).toEqual(plan);
    expect(await findPlan(db.prisma, "1565")).toEqual(plan);
  });
});
