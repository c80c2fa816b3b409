// Demo progress for trying dondoc: reports, obstacles and survey values on
// the example plan, spread over the weeks before the demo's "today" so that
// statuses, reminders and digests look like a real year. Deterministic (a
// fixed seed), and marked as demo data everywhere it shows: reports have
// source DEMO and notes ending in "(dữ liệu minh họa)", obstacles and
// criterion values say so too.
import type { PrismaClient } from "../db/database.js";
import { addDays, fromDate, localDay, type Day } from "../domain/day.js";
import { localInstant } from "../domain/schedule.js";
import { raiseObstacle } from "../services/obstacles.js";
import { reportProgress } from "../services/report-progress.js";

export const DEMO_MARK = "(dữ liệu minh họa)";

/** The demo's "today": a Friday late in the plan's year, before the digest. */
export const DEMO_NOW = localInstant("2023-11-17", 15, 0);

const NOTES = [
  "Đã họp triển khai với các bộ phận",
  "Đang tổng hợp số liệu từ các đơn vị",
  "Đã gửi dự thảo xin ý kiến Lãnh đạo Sở",
  "Đã rà soát, cập nhật danh sách",
  "Hoàn thiện báo cáo, chờ ký ban hành",
  "Đã đăng tải trên Trang TTĐT của Sở",
];

/** A small deterministic generator (LCG): the demo is the same on every machine. */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

export async function loadDemoProgress(prisma: PrismaClient, now: Date = DEMO_NOW): Promise<{ reports: number; obstacles: number }> {
  if ((await prisma.progressReport.count({ where: { source: "DEMO" } })) > 0) return { reports: 0, obstacles: 0 };
  const random = rng(1565);
  const today = localDay(now);
  const tasks = await prisma.task.findMany({
    where: { archivedAt: null, children: { none: { archivedAt: null } } },
    include: { assignments: { include: { unit: { include: { members: { where: { active: true }, orderBy: { id: "asc" } } } } } } },
    orderBy: { id: "asc" },
  });
  let reports = 0;
  for (const task of tasks) {
    const lead = task.assignments.find((a) => a.role === "LEAD");
    if (!lead) continue;
    const start = addDays(fromDate(task.startsOn), 7 + Math.floor(random() * 30));
    const due = task.dueOn ? fromDate(task.dueOn) : today;
    // Some tasks are never reported (they show as overdue or not started).
    if (random() < 0.15 || start > today) continue;
    // About half the tasks with a deadline finish within 40-140 days of
    // starting (on time or not, as their deadline falls), a few just after
    // their deadline, the rest are still going.
    const fate = random();
    const finishOn =
      task.dueKind === "ONGOING" ? null : fate < 0.5 ? addDays(start, 40 + Math.floor(random() * 100)) : fate < 0.6 ? addDays(due, 1 + Math.floor(random() * 15)) : null;
    let percent = 0;
    for (let day = start; day <= today; day = addDays(day, 10 + Math.floor(random() * 12))) {
      const done = finishOn !== null && day >= finishOn;
      percent = done ? 100 : Math.min(95, percent + 10 + Math.floor(random() * 25));
      const reporter = lead.unit.members[Math.floor(random() * lead.unit.members.length)];
      await reportProgress(prisma, {
        taskId: task.id,
        unitId: lead.unitId,
        memberId: reporter?.id ?? null,
        reporter: reporter?.slackUserId ?? "demo",
        percent,
        done,
        note: `${NOTES[Math.floor(random() * NOTES.length)]} ${DEMO_MARK}`,
        evidenceLinks: random() < 0.3 ? [`https://sldtbxh.example.gov.vn/demo/${task.code}.pdf`] : [],
        at: localInstant(day, 9 + Math.floor(random() * 8), Math.floor(random() * 60)),
        source: "DEMO",
      });
      reports++;
      if (done) break;
      // Cooperating units send a word now and then.
      const coop = task.assignments.filter((a) => a.role === "COOPERATING");
      if (coop.length && random() < 0.25) {
        const c = coop[Math.floor(random() * coop.length)]!;
        const who = c.unit.members[0];
        await reportProgress(prisma, {
          taskId: task.id,
          unitId: c.unitId,
          memberId: who?.id ?? null,
          reporter: who?.slackUserId ?? "demo",
          percent: Math.min(100, percent + 5),
          note: `Đã gửi số liệu phối hợp cho đơn vị chủ trì ${DEMO_MARK}`,
          at: localInstant(addDays(day, 1), 10, 0),
          source: "DEMO",
        });
        reports++;
      }
    }
  }
  const obstacles = await demoObstacles(prisma, today);
  await demoCriterionValues(prisma);
  return { reports, obstacles };
}

async function demoObstacles(prisma: PrismaClient, today: Day): Promise<number> {
  const cases = [
    { code: "II.2.c.2", unit: "LĐ-VL", text: "Chưa nhận được văn bản đề nghị của Viện nghiên cứu phát triển tỉnh về danh sách doanh nghiệp khảo sát.", daysAgo: 12 },
    { code: "II.2.a.4.3", unit: "VP", text: "Một số hồ sơ trực tuyến chưa kết nối được cổng thanh toán; đề nghị Lãnh đạo Sở làm việc với đơn vị cung cấp.", daysAgo: 5 },
  ];
  let n = 0;
  for (const c of cases) {
    const task = await prisma.task.findFirst({ where: { code: c.code } });
    const unit = await prisma.unit.findUnique({ where: { code: c.unit } });
    const raiser = unit ? await prisma.member.findFirst({ where: { unitId: unit.id, active: true }, orderBy: { id: "asc" } }) : null;
    if (!task || !unit) continue;
    await raiseObstacle(prisma, {
      taskId: task.id,
      unitId: unit.id,
      raisedBy: raiser?.slackUserId ?? "demo",
      text: `${c.text} ${DEMO_MARK}`,
      at: localInstant(addDays(today, -c.daysAgo), 10, 30),
    });
    n++;
  }
  return n;
}

async function demoCriterionValues(prisma: PrismaClient): Promise<void> {
  const random = rng(211);
  const criteria = await prisma.criterion.findMany({ where: { measureUnit: "%" } });
  for (const c of criteria) {
    const base = 40 + Math.round(random() * 400) / 10;
    for (const [period, value] of [
      ["2022", base],
      ["2023", Math.min(100, base + Math.round(random() * 80 - 20) / 10)],
    ] as const) {
      await prisma.criterionValue.upsert({
        where: { criterionId_period: { criterionId: c.id, period } },
        create: { criterionId: c.id, period, value, source: `demo ${DEMO_MARK}` },
        update: {},
      });
    }
  }
}
