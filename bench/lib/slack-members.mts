// Members for the Slack benchmark: the province-scale dataset has units but
// no members, and dondoc answers an unknown Slack user only with "not
// registered". One STAFF member per simulated user, each in a unit with a
// typical number of tasks (so that `/kehoach viec`, which lists the caller's
// unit, shows a typical list), and one OFFICE member. All have locale "vi",
// so dondoc never needs users.info.
import type { PrismaClient } from "../../src/db/database.js";

export interface BenchMember {
  slackUserId: string;
  unitId: number;
  unitCode: string;
  /** Live leaf tasks the unit leads or cooperates on: what its `viec` list counts. */
  tasks: number;
}

export interface BenchMembers {
  staff: BenchMember[];
  office: BenchMember;
  /** Median of the tasks per active unit over all units, for the record. */
  medianTasks: number;
}

export async function insertBenchMembers(prisma: PrismaClient, count: number): Promise<BenchMembers> {
  const units = await prisma.$queryRawUnsafe<{ id: number; code: string; kind: string; tasks: number }[]>(`
    SELECT u.id, u.code, u.kind::text AS kind, count(t.id)::int AS tasks
    FROM "Unit" u
    LEFT JOIN "Assignment" a ON a."unitId" = u.id
    LEFT JOIN "Task" t ON t.id = a."taskId" AND t."archivedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Task" ch WHERE ch."parentId" = t.id)
    WHERE u.active AND u."mergedIntoId" IS NULL
      -- a unit that took others over lists their tasks too: not typical
      AND NOT EXISTS (SELECT 1 FROM "Unit" m WHERE m."mergedIntoId" = u.id)
    GROUP BY u.id
    ORDER BY u.id`);
  if (units.length < count + 1) throw new RangeError(`the dataset has ${units.length} plain units; ${count + 1} are needed`);
  const sorted = units.map((u) => u.tasks).sort((a, b) => a - b);
  const medianTasks = sorted[Math.floor(sorted.length / 2)]!;
  const office = units.find((u) => u.kind === "OFFICE") ?? units[0]!;
  const typical = units
    .filter((u) => u.id !== office.id)
    .sort((a, b) => Math.abs(a.tasks - medianTasks) - Math.abs(b.tasks - medianTasks) || a.id - b.id)
    .slice(0, count);
  const staff = typical.map((u, i) => ({ slackUserId: `U0BENCH${String(i).padStart(4, "0")}`, unitId: u.id, unitCode: u.code, tasks: u.tasks }));
  const officeMember = { slackUserId: "U0BENCHOFC", unitId: office.id, unitCode: office.code, tasks: office.tasks };
  await prisma.member.createMany({
    data: [
      ...staff.map((m, i) => ({ slackUserId: m.slackUserId, name: `Cán bộ thử ${i}`, unitId: m.unitId, role: "STAFF" as const, locale: "vi" })),
      { slackUserId: officeMember.slackUserId, name: "Văn phòng thử", unitId: office.id, role: "OFFICE" as const, locale: "vi" },
    ],
  });
  return { staff, office: officeMember, medianTasks };
}
