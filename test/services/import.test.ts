// Importing the organisation and plan files, on every test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../src/errors.js";
import { parseYaml, readText } from "../../src/files/load.js";
import { PlanFileSchema } from "../../src/files/plan-file.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { planDetail, type TaskNode } from "../../src/services/plan-queries.js";
import { reportProgress } from "../../src/services/report-progress.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan, PLAN_FILE, tempFile, variant } from "../support/files.js";
import type { Database } from "../../src/db/database.js";

const actor = "test";

function find(nodes: TaskNode[], code: string): TaskNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = find(n.children, code);
    if (inner) return inner;
  }
  return undefined;
}

async function counts(db: Database) {
  const p = db.prisma;
  return {
    plans: await p.plan.count(),
    tasks: await p.task.count(),
    assignments: await p.assignment.count(),
    reports: await p.progressReport.count(),
    audit: await p.auditEntry.count(),
  };
}

/** When each row was last written, and each plan's status version: a re-import that writes nothing keeps them all. */
async function stamps(db: Database) {
  const p = db.prisma;
  return {
    plans: await p.plan.findMany({ select: { id: true, updatedAt: true, statusVersion: true }, orderBy: { id: "asc" } }),
    tasks: await p.task.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
    units: await p.unit.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
    members: await p.member.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
  };
}

describe.each(backends)("plan import on $name", (backend) => {
  let db: Database;

  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor });
  });
  afterAll(async () => db?.close());

  it("dry run shows what would change and writes nothing", async () => {
    const r = await importPlan(db.prisma, await loadPlan(), { actor, dryRun: true });
    expect(r.dryRun).toBe(true);
    expect(r.changes.tasks?.created).toBe(39);
    expect(await db.prisma.plan.count()).toBe(0);
    expect(await db.prisma.task.count()).toBe(0);
  });

  it("imports the seed plan with its units as the text states them", async () => {
    const r = await importPlan(db.prisma, await loadPlan(), { actor });
    expect(r.changes.plans).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(r.changes.tasks?.created).toBe(39);
    expect(r.changes.criteria?.created).toBe(10);

    const d = await planDetail(db.prisma, "1565", "2023-07-01");
    expect(d.plan).toMatchObject({ number: "1565/KH-SLĐTBXH", issuedOn: "2023-06-13", year: 2023, signer: { name: "Nguyễn Hữu Phước" } });
    expect(d.plan.legalBases).toHaveLength(3);
    expect(d.objectives.find((o) => o.target)?.target).toEqual({ value: 100, unit: "%" });

    const c2 = find(d.tasks, "II.2.c.2")!;
    expect(c2.lead.map((u) => u.code)).toEqual(["LĐ-VL"]);
    expect(c2.cooperating.map((u) => u.code)).toEqual(["VP"]);
    // "theo đề nghị của Viện nghiên cứu phát triển tỉnh": the Viện requests, it does not cooperate.
    expect(c2.roles.bodies).toEqual([{ name: "Viện nghiên cứu phát triển tỉnh", role: "REQUESTING" }]);
    // "phối hợp với UBND các xã, phường, thị trấn" (by function, advising the leadership, which leads).
    const b2 = find(d.tasks, "II.2.b.2")!;
    expect(b2.roles.bodies).toEqual([{ name: "UBND các xã, phường, thị trấn", role: "COOPERATING" }]);
    expect(b2.roles.leadNote).toBe("căn cứ chức năng, nhiệm vụ được giao tham mưu Lãnh đạo Sở chủ trì");
    // III.1: the Office only receives the reports, "để tổng hợp chung"; it does not cooperate.
    const iii1 = find(d.tasks, "III.1")!;
    expect(iii1.cooperating).toEqual([]);
    expect(iii1.roles.bodies).toEqual([{ name: "Văn phòng Sở", role: "RECEIVING_REPORTS", note: "để tổng hợp chung" }]);
    // "Công khai 100% TTHC thuộc thẩm quyền giải quyết trên Trang TTĐT của Sở".
    expect(find(d.tasks, "II.2.a.3")!.roles.target).toEqual({ value: 100, unit: "%", of: "TTHC thuộc thẩm quyền giải quyết được công khai trên Trang TTĐT của Sở" });

    const c3 = find(d.tasks, "II.2.c.3")!;
    expect(c3.lead.map((u) => u.code)).toEqual(["GDNN"]);
    expect(c3.cooperating.map((u) => u.code).sort()).toEqual(["KH-TC", "LĐ-VL", "TTDVVL", "VP"]);
    expect(c3.children).toHaveLength(10);
    expect(c3.children.every((c) => c.criterion?.startsWith("DDCI.DTLD."))).toBe(true);

    // PAR INDEX: the Office leads, the other units of the department cooperate.
    const a = find(d.tasks, "II.2.a")!;
    expect(a.lead.map((u) => u.code)).toEqual(["VP"]);
    expect(a.cooperating.map((u) => u.code)).not.toContain("VP");
    expect(a.cooperating).toHaveLength(4);
  });

  it("re-importing the same file changes nothing", async () => {
    const before = await counts(db);
    const rows = await stamps(db);
    const r = await importPlan(db.prisma, await loadPlan(), { actor });
    for (const [kind, c] of Object.entries(r.changes)) expect({ kind, ...c }).toMatchObject({ kind, created: 0, updated: 0 });
    const org = await importOrg(db.prisma, await loadOrg(), { actor });
    for (const [kind, c] of Object.entries(org.changes)) expect({ kind, ...c }).toMatchObject({ kind, created: 0, updated: 0 });
    expect(await counts(db)).toEqual(before);
    // Not one row written: no update time moved, and the plan's cached counts stay valid.
    expect(await stamps(db)).toEqual(rows);
  });

  it("writes every kind of change of an edited file in one pass, at the clock's time", async () => {
    const clock = new Date("2024-02-03T04:05:06.789Z");
    const edited = await variant(PLAN_FILE, (t) =>
      t
        .replace('        cooperating: VP\n        # "theo đề nghị của"', '        cooperating: [VP, KH-TC]\n        # "theo đề nghị của"')
        .replace('target: { value: 100, unit: "%", measure: completion }', 'target: { value: 95, unit: "%", measure: completion }')
        .replace("name: Tỷ lệ chi phí đào tạo lao động trong tổng chi phí kinh doanh", "name: Tỷ lệ chi phí đào tạo lao động (sửa)")
        .replace(/\n {2}- code: III\.3\n(?: {4}.*\n)+/, "\n"),
    );
    const r = await importPlan(db.prisma, parseYaml(edited, await readText(edited), PlanFileSchema), { actor, now: () => clock });
    expect(r.changes.tasks).toMatchObject({ created: 0, updated: 1, archived: 1 });
    expect(r.changes.objectives).toMatchObject({ created: 0, updated: 1 });
    expect(r.changes.criteria).toMatchObject({ created: 0, updated: 1 });
    const c2 = await db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" }, include: { assignments: { include: { unit: true } } } });
    expect(c2.assignments.map((a) => `${a.unit.code}:${a.role}`).sort()).toEqual(["KH-TC:COOPERATING", "LĐ-VL:LEAD", "VP:COOPERATING"]);
    expect((await db.prisma.objective.findFirstOrThrow({ where: { measure: "COMPLETION" } })).targetValue?.toNumber()).toBe(95);
    expect((await db.prisma.criterion.findFirstOrThrow({ where: { code: "DDCI.DTLD.02" } })).name).toBe("Tỷ lệ chi phí đào tạo lao động (sửa)");
    expect((await db.prisma.task.findFirstOrThrow({ where: { code: "III.3" } })).archivedAt).toEqual(clock);
    expect((await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "plan.import" }, orderBy: { id: "desc" } })).at).toEqual(clock);

    const back = await importPlan(db.prisma, await loadPlan(), { actor });
    expect(back.changes.tasks).toMatchObject({ created: 0, updated: 2 });
    expect(await db.prisma.assignment.count({ where: { taskId: c2.id } })).toBe(2);
  });

  it("an edited file updates by task code, archives removed tasks and keeps reports", async () => {
    const task = await db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" } });
    const vp = await db.prisma.unit.findUniqueOrThrow({ where: { code: "LĐ-VL" } });
    await reportProgress(db.prisma, { taskId: task.id, unitId: vp.id, reporter: "U0TEST", percent: 40, at: new Date("2023-08-01T03:00:00Z") });

    const edited = await variant(PLAN_FILE, (t) =>
      t.replace("title: Cung cấp danh sách doanh nghiệp cho khảo sát DDCI", "title: Cung cấp danh sách doanh nghiệp (sửa)").replace(/\n {2}- code: III\.3\n(?: {4}.*\n)+/, "\n"),
    );
    const before = await counts(db);
    const r = await importPlan(db.prisma, parseYaml(edited, await readText(edited), PlanFileSchema), { actor });
    expect(r.changes.tasks).toMatchObject({ created: 0, updated: 1, archived: 1 });
    const after = await counts(db);
    expect(after.tasks).toBe(before.tasks);
    expect(after.reports).toBe(before.reports);
    const same = await db.prisma.task.findFirstOrThrow({ where: { code: "II.2.c.2" }, include: { reports: true } });
    expect(same.id).toBe(task.id);
    expect(same.title).toBe("Cung cấp danh sách doanh nghiệp (sửa)");
    expect(same.reports).toHaveLength(1);
    expect((await db.prisma.task.findFirstOrThrow({ where: { code: "III.3" } })).archivedAt).not.toBeNull();

    // Bringing the task back un-archives the same row.
    const back = await importPlan(db.prisma, await loadPlan(), { actor });
    expect(back.changes.tasks).toMatchObject({ created: 0, updated: 2 });
    expect((await db.prisma.task.findFirstOrThrow({ where: { code: "III.3" } })).archivedAt).toBeNull();
  });

  describe("bad input is refused with the place and the fix, and writes nothing", () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ["broken YAML", () => variant(PLAN_FILE, (t) => t.replace("year: 2023", "year: [2023")), /YAML/],
      ["unknown unit", () => variant(PLAN_FILE, (t) => t.replace("lead: LĐ-VL", "lead: LD-VLX")), /Không có đơn vị hay nhóm "LD-VLX" \(có phải "LĐ-VL"\?\)/],
      ["duplicate task code", () => variant(PLAN_FILE, (t) => t.replace("code: III.3", "code: III.2")), /trùng|Duplicate task code/],
      ["wrong date", () => variant(PLAN_FILE, (t) => t.replace("issuedOn: 13/06/2023", "issuedOn: 31/02/2023")), /dd\/mm\/yyyy/],
      ["unknown deadline", () => variant(PLAN_FILE, (t) => t.replace("due: chậm nhất ngày 14/09/2023", "due: Quý V/2023")), /Thời hạn không đúng dạng/],
      ["unknown key", () => variant(PLAN_FILE, (t) => t.replace("year: 2023", "year: 2023\nyaer: 2023")), /yaer/],
    ];
    it.each(cases)("%s", async (_name, make, message) => {
      const file = await make();
      const before = await counts(db);
      const err = await (async () => importPlan(db.prisma, parseYaml(file, await readText(file), PlanFileSchema), { actor }))().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      const text = (err as AppError).bilingual();
      expect(text).toMatch(message);
      expect(text).toContain(file);
      expect(text).toMatch(/dòng\/line \d+|:\d+:\d+/);
      expect(await counts(db)).toEqual(before);
    });

    it("a percentage out of range", async () => {
      const file = await variant(PLAN_FILE, (t) => t.replace(/(code: DDCI\.DTLD\.01\n(\s+)name: .*\n)/, "$1$2target: 120\n"));
      const err = await (async () => parseYaml(file, await readText(file), PlanFileSchema))().catch((e: unknown) => e);
      expect((err as AppError).bilingual()).toMatch(/từ 0 đến 100, nhận được 120/);
    });

    it("a file that is not UTF-8", async () => {
      const file = await tempFile(Buffer.concat([Buffer.from("number: 1565/KH-SL"), Buffer.from([0xd0, 0x20]), Buffer.from("\n")]));
      const err = await readText(file).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "FILE_NOT_UTF8" });
      expect((err as AppError).bilingual()).toMatch(/UTF-8.*18/);
    });
  });
});
