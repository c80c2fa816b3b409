// Builds the consolidated report's model (src/report/model.ts) for one plan
// and one reporting window. Every figure comes from the functions `dondoc
// status` uses: statusSummary for the totals, by index and by unit, and
// taskStatusSql for each task's status, both "as of" the window's last day
// from the reports made up to it (source "reports"), exactly as
// `dondoc status NUMBER --at <that day>` computes them.
import { cooperatingBodies, readBodies } from "../domain/outside-bodies.js";
import type { PrismaClient } from "../db/database.js";
import type { AssignmentRole } from "../domain/permissions.js";
import { taskStatusSql } from "../db/status-sql.js";
import { addDays, formatVnDate, fromDate, localDay, toDate, type Day } from "../domain/day.js";
import { emptyCounts, STATUSES, type TaskStatus } from "../domain/status.js";
import { fold } from "../domain/text.js";
import { criterionFields, measured } from "./indicators.js";
import { AppError } from "../errors.js";
import type { ReportModel, ReportTaskRow, StatusCounts, UnitRef } from "../report/model.js";
import { reportWindow, type ReportWindow } from "../report/period.js";
import { findPlan, statusSummary } from "./plan-queries.js";
import { submittedUnitReports } from "./unit-reports.js";

export interface ReportModelOptions {
  plan: string;
  window: ReportWindow;
  /** The report's date (written under the motto); figures are as of it when it falls inside the window. */
  date: Day;
  /** Cơ quan chủ quản; derived for a Sở ("UBND TỈNH <place>") when not given. */
  parentBody?: string;
}

const total = (c: StatusCounts) => STATUSES.reduce((s, k) => s + c[k], 0);

export async function buildReportModel(prisma: PrismaClient, options: ReportModelOptions): Promise<ReportModel> {
  const { window, date } = options;
  const plan = await findPlan(prisma, options.plan);
  const asOf = figuresDay(plan, window, date);
  const reportCount = await prisma.progressReport.count({ where: { task: { planId: plan.id }, reportedOn: { lte: toDate(asOf) } } });
  if (reportCount === 0) throw new AppError("REPORT_NO_REPORTS", { number: plan.number, date: formatVnDate(asOf) });
  const facts = await readFacts(prisma, plan.id, window, asOf);
  const { rows, groups } = taskRows(facts, window);
  const next = reportWindow("QUARTER", window.end.slice(5, 7) === "12" ? window.year + 1 : window.year, nextQuarter(window));
  const activity = facts.windowActivity[0];
  return {
    plan: { number: plan.number, title: plan.title, issuedOn: fromDate(plan.issuedOn), issuer: plan.issuer, place: plan.place },
    header: {
      parentBody: (options.parentBody ?? derivedParentBody(plan.issuer, plan.place)).toLocaleUpperCase("vi"),
      issuingBody: plan.issuer,
      symbol: reportSymbol(plan.number),
      place: plan.place,
      date,
    },
    window,
    asOf,
    totals: { total: facts.summary.total, counts: facts.summary.counts, rates: facts.summary.rates },
    byIndex: facts.summary.byIndex.map((i) => ({ ...i, total: total(i.counts) })),
    byGroup: groups,
    byUnit: facts.summary.byUnit.filter((u) => total(u.lead) > 0).map((u) => ({ code: u.code, name: u.name, lead: u.lead, total: total(u.lead) })),
    tasks: rows,
    criteria: facts.criteria.map((c) => {
      // Values measured for periods up to the report's year; the newest two.
      const values = c.values.filter((v) => Number(v.period.slice(0, 4)) <= window.year);
      return { index: c.index.name, ...criterionFields(c), latest: measured(values[0], true), previous: measured(values[1], true) };
    }),
    activity: { reports: activity?.reports ?? 0, tasksReported: activity?.tasks ?? 0, units: activity?.units ?? 0 },
    obstacles: facts.obstacles.map((o) => obstacleRow(o, asOf)),
    next: next ? { window: next, tasks: rows.filter((r) => dueInAndOpen(r, next)) } : null,
    unitReports: facts.unitReports.map((r) => ({ ...r, evidenceFiles: r.evidenceFiles.map((f) => ({ name: f.name, permalink: f.permalink })) })),
    signer: { ...splitSigner(plan.signerTitle), name: plan.signerName },
    recipients: plan.recipients.filter((r) => !/^(nhu tren|luu\b)/.test(fold(r))),
    archive: archiveLine(plan.recipients.find((r) => /^luu\b/.test(fold(r)))),
  };
}

/** The day the figures are as of: the report's date, or the window's last day if later; refuses a window the plan does not cover. */
function figuresDay(plan: { number: string; issuedOn: Date; endsOn: Date }, window: ReportWindow, date: Day): Day {
  const issuedOn = fromDate(plan.issuedOn);
  const endsOn = fromDate(plan.endsOn);
  if (window.end < issuedOn || window.start > endsOn) {
    throw new AppError("REPORT_PERIOD_NOT_COVERED", {
      number: plan.number,
      period: window.label,
      start: formatVnDate(window.start),
      end: formatVnDate(window.end),
      from: formatVnDate(issuedOn),
      to: formatVnDate(endsOn),
    });
  }
  if (date < window.start) {
    throw new AppError("REPORT_DATE_BEFORE_WINDOW", { date: formatVnDate(date), period: window.label, start: formatVnDate(window.start) });
  }
  return date < window.end ? date : window.end;
}

type Facts = Awaited<ReturnType<typeof readFacts>>;

/** Everything the report says, read at once as of `asOf`. */
async function readFacts(prisma: PrismaClient, planId: number, window: ReportWindow, asOf: Day) {
  const [summary, tasks, statuses, lastLead, windowActivity, evidence, criteria, obstacles, unitReports] = await Promise.all([
    statusSummary(prisma, { today: asOf, planIds: [planId] }),
    prisma.task.findMany({
      where: { planId, archivedAt: null },
      orderBy: [{ depth: "asc" }, { position: "asc" }],
      select: {
        id: true,
        parentId: true,
        code: true,
        title: true,
        depth: true,
        bodies: true,
        dueLabel: true,
        dueOn: true,
        assignments: { select: { role: true, unit: { select: { code: true, name: true } } }, orderBy: { unit: { code: "asc" } } },
      },
    }),
    prisma.$queryRaw<{ id: number; status: TaskStatus }[]>`SELECT s.id, s.status FROM (${taskStatusSql(asOf, { planIds: [planId] })}) s`,
    // The lead unit's last report up to the report's day: the task's percent then, and its result if made in the window.
    prisma.$queryRaw<{ taskId: number; percent: number; note: string; reportedOn: Date }[]>`
      SELECT DISTINCT ON (r."taskId") r."taskId", r.percent, r.note, r."reportedOn"
      FROM "ProgressReport" r
      JOIN "Task" t ON t.id = r."taskId" AND t."planId" = ${planId}
      JOIN "Assignment" a ON a."taskId" = r."taskId" AND a."unitId" = r."unitId" AND a.role = 'LEAD'
      WHERE r."reportedOn" <= ${asOf}::date
      ORDER BY r."taskId", r."reportedAt" DESC, r.id DESC`,
    prisma.$queryRaw<{ reports: number; tasks: number; units: number }[]>`
      SELECT count(*)::int AS reports, count(DISTINCT r."taskId")::int AS tasks, count(DISTINCT r."unitId")::int AS units
      FROM "ProgressReport" r JOIN "Task" t ON t.id = r."taskId" AND t."planId" = ${planId}
      WHERE r."reportedOn" BETWEEN ${window.start}::date AND ${asOf}::date`,
    prisma.$queryRaw<{ taskId: number; links: string[]; n: number }[]>`
      SELECT r."taskId", array_agg(DISTINCT l.link) FILTER (WHERE l.link IS NOT NULL) AS links, count(DISTINCT r.id)::int AS n
      FROM "ProgressReport" r
      JOIN "Task" t ON t.id = r."taskId" AND t."planId" = ${planId}
      LEFT JOIN LATERAL unnest(r."evidenceLinks") AS l(link) ON true
      WHERE r."reportedOn" BETWEEN ${window.start}::date AND ${asOf}::date
      GROUP BY r."taskId"`,
    prisma.criterion.findMany({
      where: { tasks: { some: { planId } } },
      include: { index: true, values: { orderBy: { period: "desc" } } },
      orderBy: [{ index: { code: "asc" } }, { position: "asc" }, { code: "asc" }],
    }),
    // Obstacles raised in the window, and earlier ones still open when it began.
    prisma.obstacle.findMany({
      where: {
        task: { planId },
        raisedAt: { lt: new Date(`${addDays(asOf, 1)}T00:00:00+07:00`) },
        OR: [{ resolvedAt: null }, { resolvedAt: { gte: new Date(`${window.start}T00:00:00+07:00`) } }],
      },
      include: { task: { select: { code: true, title: true } }, unit: { select: { code: true, name: true } } },
      orderBy: { raisedAt: "asc" },
    }),
    submittedUnitReports(prisma, planId, window.key),
  ]);
  return { summary, tasks, statuses, lastLead, windowActivity, evidence, criteria, obstacles, unitReports };
}

/** The plan's tree in reading order, one row a task (headings are rows but carry no status), and the counts per top-level group. */
function taskRows(facts: Facts, window: ReportWindow): { rows: ReportTaskRow[]; groups: ReportModel["byGroup"] } {
  const statusOf = new Map(facts.statuses.map((s) => [s.id, s.status]));
  const lastOf = new Map(facts.lastLead.map((r) => [r.taskId, r]));
  const evidenceOf = new Map(facts.evidence.map((e) => [e.taskId, e]));
  const children = new Map<number | null, Facts["tasks"]>();
  for (const t of facts.tasks) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const rows: ReportTaskRow[] = [];
  const groups: ReportModel["byGroup"] = [];
  let stt = 0;
  const visit = (t: Facts["tasks"][number], group: ReportModel["byGroup"][number]) => {
    const kids = children.get(t.id) ?? [];
    const heading = kids.length > 0;
    const units = (role: AssignmentRole): UnitRef[] => t.assignments.filter((a) => a.role === role).map((a) => a.unit);
    const last = heading ? undefined : lastOf.get(t.id);
    const lastOn = last ? fromDate(last.reportedOn) : null;
    const status = heading ? null : (statusOf.get(t.id) ?? null);
    if (status) group.counts[status]++;
    rows.push({
      stt: heading ? null : ++stt,
      code: t.code,
      title: t.title,
      depth: t.depth,
      heading,
      lead: units("LEAD"),
      cooperating: units("COOPERATING"),
      // Only cooperating outside bodies are cooperating: not the body that requested the work or receives the reports.
      partners: cooperatingBodies(readBodies(t.bodies)),
      due: t.dueLabel,
      dueOn: t.dueOn ? fromDate(t.dueOn) : null,
      percent: heading ? null : (last?.percent ?? 0),
      status,
      result: last && lastOn! >= window.start && last.note.trim() !== "" ? last.note : null,
      resultOn: last && lastOn! >= window.start ? lastOn : null,
      evidence: heading ? [] : (evidenceOf.get(t.id)?.links ?? []).sort(),
      reportsInWindow: evidenceOf.get(t.id)?.n ?? 0,
    });
    for (const k of kids) visit(k, group);
  };
  for (const root of children.get(null) ?? []) {
    const group = { code: root.code, title: root.title, counts: emptyCounts(), total: 0 };
    visit(root, group);
    group.total = total(group.counts);
    groups.push(group);
  }
  return { rows, groups };
}

/** An obstacle as the report shows it: resolved only if resolved by the figures' day. */
function obstacleRow(o: Facts["obstacles"][number], asOf: Day): ReportModel["obstacles"][number] {
  const resolvedOn = o.resolvedAt ? localDay(o.resolvedAt) : null;
  const resolved = resolvedOn !== null && resolvedOn <= asOf;
  return {
    task: o.task,
    unit: o.unit,
    text: o.text,
    raisedOn: localDay(o.raisedAt),
    resolvedOn: resolved ? resolvedOn : null,
    resolution: resolved ? o.resolution : null,
  };
}

/** A task due in the next window and not done: what the report says comes next. */
const dueInAndOpen = (r: ReportTaskRow, next: ReportWindow) =>
  !r.heading && r.dueOn !== null && r.dueOn >= next.start && r.dueOn <= next.end && r.status !== "DONE_ON_TIME" && r.status !== "DONE_LATE";

function nextQuarter(w: ReportWindow): number {
  const month = Number(w.end.slice(5, 7)); // 3, 6, 9 or 12
  return month === 12 ? 1 : month / 3 + 1;
}

/**
 * A Sở is a body of the provincial People's Committee, which is therefore
 * its cơ quan chủ quản (Nghị định 30/2020/NĐ-CP, Phụ lục I, II.2: the
 * direct parent body's name goes above the issuing body's). Other issuers
 * have no derivable parent: the caller passes it.
 */
function derivedParentBody(issuer: string, place: string): string {
  return /^s[oở]\s/i.test(issuer.normalize("NFC")) ? `UBND tỉnh ${place}` : "";
}

/** "1565/KH-SLĐTBXH" → "BC-SLĐTBXH": a report (BC) of the same issuing body. */
function reportSymbol(planNumber: string): string {
  const m = /\/[^-/]+-(.+)$/.exec(planNumber.normalize("NFC"));
  return m ? `BC-${m[1]}` : "BC";
}

/** "KT. Giám đốc - Phó Giám đốc" → authority "KT. GIÁM ĐỐC", title "PHÓ GIÁM ĐỐC". */
function splitSigner(title: string): { authority: string | null; title: string } {
  const m = /^((?:KT|TM|TL|TUQ|Q)\.\s*.+?)\s+[-–]\s+(.+)$/i.exec(title.normalize("NFC").trim());
  const up = (s: string) => s.toLocaleUpperCase("vi").replace(/^(KT|TM|TL|TUQ|Q)\.\s*/, "$1. ");
  return m ? { authority: up(m[1]!), title: up(m[2]!) } : { authority: null, title: up(title) };
}

/** The plan's "Lưu VT, VPTr" as the decree writes it: "Lưu: VT, VPTr." */
function archiveLine(line: string | undefined): string {
  if (!line) return "Lưu: VT, VP.";
  const rest = line
    .normalize("NFC")
    .replace(/^lưu\s*:?\s*/i, "")
    .replace(/[.;]+$/, "");
  return `Lưu: ${rest}.`;
}
