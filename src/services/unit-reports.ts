// A unit's report to the Office for a reporting window (báo cáo của đơn vị
// gửi Văn phòng Sở): the per-task part is computed from the progress reports
// (percent and status from the functions `dondoc status` uses), and the unit
// writes results, shortcomings and causes, and proposals, with evidence files
// attached in Slack. dondoc pre-fills those three fields from the window's
// reports so that a lead can send the draft as it is. Staff of the unit may
// prepare it; the unit's lead sends it (src/domain/permissions.ts).
import type { PrismaClient } from "../db/database.js";
import { taskStatusSql } from "../db/status-sql.js";
import { formatVnDate, fromDate, localDay, toDate, type Day } from "../domain/day.js";
import { unitReportRights, type Actor } from "../domain/permissions.js";
import { reportChain } from "../domain/reporting-window.js";
import type { TaskStatus } from "../domain/status.js";
import { AppError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client.js";
import { reportWindowOfKey, type ReportWindow } from "../report/period.js";
import type { EvidenceFile, UnitReportDraft, UnitReportFields, UnitReportStatusModel, UnitReportTaskLine, WindowRef } from "../models/unit-report.js";
import { workCalendar } from "./calendar.js";
import { isUniqueViolation } from "./request-key.js";

/** Slack's own limit for a plain-text input (max_length at most 3,000): a longer field cannot come from the form. */
export const UNIT_REPORT_FIELD_MAX = 3_000;
/** Slack's limit for one file (1 GB). */
export const SLACK_FILE_MAX_BYTES = 1024 ** 3;
/**
 * Slack's file_input takes files of at most 10 MB (docs.slack.dev, Block Kit
 * "File input element", usage info); a larger size in a submission is forged.
 */
export const FILE_INPUT_MAX_BYTES = 10 * 1024 * 1024;
/** Slack's file_input takes at most 10 files. */
export const EVIDENCE_FILES_MAX = 10;

export const FIELD_NAMES: Record<keyof UnitReportFields, { vi: string; en: string }> = {
  results: { vi: "Kết quả thực hiện", en: "Results" },
  shortcomings: { vi: "Tồn tại, hạn chế và nguyên nhân", en: "Shortcomings and their causes" },
  proposals: { vi: "Kiến nghị, đề xuất", en: "Proposals" },
};

/** "1,5 GB", "820 KB": sizes as a person reads them. */
export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString("vi-VN", { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}

export function windowRef(w: ReportWindow): WindowRef {
  return { key: w.key, label: w.label, start: w.start, end: w.end };
}

function windowOf(key: string): ReportWindow {
  const w = reportWindowOfKey(key);
  if (!w) throw new AppError("REPORT_PERIOD_INVALID", { period: key.slice(0, 40), forms: '"Quý III/2023", "6 tháng đầu năm 2023", "Năm 2023"' });
  return w;
}

async function planFor(prisma: PrismaClient, planId: number, w: ReportWindow) {
  const plan = await prisma.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new AppError("PLAN_NOT_FOUND", { number: `#${planId}` });
  const issuedOn = fromDate(plan.issuedOn);
  const endsOn = fromDate(plan.endsOn);
  if (w.end < issuedOn || w.start > endsOn) {
    throw new AppError("REPORT_PERIOD_NOT_COVERED", {
      number: plan.number,
      period: w.label,
      start: formatVnDate(w.start),
      end: formatVnDate(w.end),
      from: formatVnDate(issuedOn),
      to: formatVnDate(endsOn),
    });
  }
  return plan;
}

async function unitsDue(prisma: PrismaClient, plan: { unitsDueDay: number; officeDueDay: number; superior: string }, w: ReportWindow): Promise<Day> {
  const period = { key: w.key, cadence: w.kind, start: w.start, end: w.end };
  return reportChain(period, plan, await workCalendar(prisma)).unitsDue;
}

/** Leaf tasks (not headings, not archived) of the plan a unit leads. */
const leadTaskWhere = (planId: number, unitId: number) => ({
  planId,
  archivedAt: null,
  children: { none: { archivedAt: null } },
  assignments: { some: { unitId, role: "LEAD" as const } },
});

/** The tasks a unit leads, each with its status and percent as of `asOf`, and the unit's reports in the window. */
async function leadTaskLines(prisma: PrismaClient, planId: number, unitId: number, w: ReportWindow, asOf: Day): Promise<UnitReportTaskLine[]> {
  const tasks = await prisma.task.findMany({
    where: leadTaskWhere(planId, unitId),
    orderBy: [{ depth: "asc" }, { position: "asc" }],
    select: { id: true, code: true, title: true, dueLabel: true, parentId: true, position: true },
  });
  if (tasks.length === 0) return [];
  const ids = tasks.map((t) => t.id);
  const [statuses, lastReports, windowReports, order] = await Promise.all([
    prisma.$queryRaw<{ id: number; status: TaskStatus }[]>`SELECT s.id, s.status FROM (${taskStatusSql(asOf, { planIds: [planId] })}) s WHERE s.id = ANY(${ids}::int[])`,
    prisma.$queryRaw<{ taskId: number; percent: number }[]>`
      SELECT DISTINCT ON (r."taskId") r."taskId", r.percent FROM "ProgressReport" r
      WHERE r."taskId" = ANY(${ids}::int[]) AND r."unitId" = ${unitId} AND r."reportedOn" <= ${asOf}::date
      ORDER BY r."taskId", r."reportedAt" DESC, r.id DESC`,
    prisma.progressReport.findMany({
      where: { taskId: { in: ids }, unitId, reportedOn: { gte: toDate(w.start), lte: toDate(asOf) } },
      orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
      select: { taskId: true, reportedOn: true, percent: true, note: true, evidenceLinks: true },
    }),
    // The plan's reading order: codes as the plan numbers them.
    prisma.$queryRaw<{ id: number; path: string }[]>`
      WITH RECURSIVE tree AS (
        SELECT id, lpad(position::text, 6, '0') AS path FROM "Task" WHERE "planId" = ${planId} AND "parentId" IS NULL
        UNION ALL
        SELECT t.id, tree.path || '.' || lpad(t.position::text, 6, '0') FROM "Task" t JOIN tree ON t."parentId" = tree.id
      ) SELECT id, path FROM tree WHERE id = ANY(${ids}::int[])`,
  ]);
  const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
  const percentOf = new Map(lastReports.map((r) => [r.taskId, r.percent]));
  const pathOf = new Map(order.map((o) => [o.id, o.path]));
  return [...tasks]
    .sort((a, b) => (pathOf.get(a.id) ?? "").localeCompare(pathOf.get(b.id) ?? ""))
    .map((t) => {
      const reports = windowReports.filter((r) => r.taskId === t.id);
      return {
        code: t.code,
        title: t.title,
        due: t.dueLabel,
        percent: percentOf.get(t.id) ?? 0,
        status: statusOf.get(t.id) ?? "NOT_STARTED",
        reports: reports.map((r) => ({ on: fromDate(r.reportedOn), percent: r.percent, note: r.note })),
        evidence: [...new Set(reports.flatMap((r) => r.evidenceLinks))].sort(),
      };
    });
}

/** Lines joined under a field's limit; what does not fit is counted on a last line. */
function fitted(lines: string[], more: (n: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const tail = i < lines.length - 1 ? more(lines.length - i - 1) : "";
    if ([...out, lines[i], tail].join("\n").length > UNIT_REPORT_FIELD_MAX) {
      out.push(more(lines.length - i));
      break;
    }
    out.push(lines[i]!);
  }
  return out.join("\n");
}

const oneLine = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.;]+$/, "");

/**
 * dondoc's draft of the free fields, from the window's facts: results from
 * the unit's last report on each task in the window; shortcomings from its
 * overdue and unstarted tasks and the obstacles it raised; proposals empty
 * (only the unit knows what to ask for).
 */
export function prefillFields(tasks: UnitReportTaskLine[], obstacles: { code: string; text: string; resolved: boolean }[]): UnitReportFields {
  const reported = tasks.filter((t) => t.reports.length > 0);
  const results = fitted(
    reported.map((t) => {
      const last = t.reports[t.reports.length - 1]!;
      const note = oneLine(last.note);
      return `- ${t.code}. ${oneLine(t.title)}: ${note === "" ? "đã triển khai" : note} (tiến độ ${t.percent}%).`;
    }),
    (n) => `- … và ${n} nhiệm vụ khác (chi tiết tại danh sách nhiệm vụ).`,
  );
  const late = tasks.filter((t) => t.status === "OVERDUE");
  const idle = tasks.filter((t) => t.status === "NOT_STARTED");
  const shortcomings = fitted(
    [
      ...late.map((t) => `- ${t.code}. ${oneLine(t.title)}: quá hạn (thời hạn: ${t.due}), tiến độ ${t.percent}%.`),
      ...idle.map((t) => `- ${t.code}. ${oneLine(t.title)}: chưa triển khai.`),
      ...obstacles.map((o) => `- Khó khăn, vướng mắc (nhiệm vụ ${o.code}): ${oneLine(o.text)}${o.resolved ? " (đã được giải quyết)" : ""}.`),
    ],
    (n) => `- … và ${n} nội dung khác.`,
  );
  return { results, shortcomings, proposals: "" };
}

function storedFiles(json: Prisma.JsonValue): EvidenceFile[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((f) => {
    const o = f as Record<string, unknown> | null;
    return o && typeof o.id === "string" && typeof o.name === "string"
      ? [{ id: o.id, name: o.name, size: typeof o.size === "number" ? o.size : 0, permalink: typeof o.permalink === "string" ? o.permalink : null }]
      : [];
  });
}

/** The unit's report for a window: as saved, or dondoc's pre-filled draft when nothing is saved yet. */
export async function unitReportDraft(prisma: PrismaClient, options: { planId: number; unitId: number; windowKey: string; today: Day }): Promise<UnitReportDraft> {
  const w = windowOf(options.windowKey);
  const plan = await planFor(prisma, options.planId, w);
  const unit = await prisma.unit.findUnique({ where: { id: options.unitId }, select: { id: true, code: true, name: true } });
  if (!unit) throw new AppError("UNIT_NOT_FOUND", { unit: `#${options.unitId}` });
  const asOf = options.today < w.end ? options.today : w.end;
  const [tasks, stored, due] = await Promise.all([
    leadTaskLines(prisma, plan.id, unit.id, w, asOf),
    prisma.unitReport.findUnique({ where: { planId_unitId_period: { planId: plan.id, unitId: unit.id, period: w.key } } }),
    unitsDue(prisma, plan, w),
  ]);
  if (tasks.length === 0) throw new AppError("UNIT_REPORT_NOT_LEAD", { unit: unit.name, number: plan.number, period: w.label });
  let fields: UnitReportFields;
  if (stored) {
    fields = { results: stored.results, shortcomings: stored.shortcomings, proposals: stored.proposals };
  } else {
    const obstacles = await prisma.obstacle.findMany({
      where: {
        unitId: unit.id,
        task: { planId: plan.id },
        raisedAt: { gte: new Date(`${w.start}T00:00:00+07:00`), lte: new Date(`${asOf}T23:59:59+07:00`) },
      },
      orderBy: { raisedAt: "asc" },
      select: { text: true, resolvedAt: true, task: { select: { code: true } } },
    });
    fields = prefillFields(
      tasks,
      obstacles.map((o) => ({ code: o.task.code, text: o.text, resolved: o.resolvedAt !== null })),
    );
  }
  return {
    plan: { id: plan.id, number: plan.number },
    unit,
    window: windowRef(w),
    unitsDue: due,
    state: stored?.status ?? "NONE",
    prefilled: !stored,
    fields,
    evidenceFiles: stored ? storedFiles(stored.evidenceFiles) : [],
    submittedOn: stored?.submittedAt ? localDay(stored.submittedAt) : null,
    submittedBy: stored?.submittedBy ?? null,
    preparedBy: stored?.preparedBy ?? null,
    tasks,
  };
}

export interface SaveUnitReportInput {
  actor: Actor;
  userId: string;
  planId: number;
  unitId: number;
  windowKey: string;
  fields: UnitReportFields;
  evidenceFiles: EvidenceFile[];
  /** The lead sends it to the Office; otherwise it is kept as a draft. */
  submit: boolean;
  requestKey: string;
  at: Date;
}

export type SaveUnitReportResult =
  | {
      kind: "saved";
      state: "DRAFT" | "SUBMITTED";
      unit: { code: string; name: string };
      window: WindowRef;
      planNumber: string;
      officeChannels: string[];
      unitLead: string | null;
      submitRefused: boolean;
    }
  | { kind: "duplicate" };

/** Checks that need no database: lengths, evidence count and sizes. Throws the first problem. */
export function checkUnitReportInput(fields: UnitReportFields, files: EvidenceFile[]): void {
  for (const key of Object.keys(FIELD_NAMES) as (keyof UnitReportFields)[]) {
    const length = fields[key].length;
    if (length > UNIT_REPORT_FIELD_MAX) {
      throw new AppError("UNIT_REPORT_TOO_LONG", {
        field_vi: FIELD_NAMES[key].vi,
        field_en: FIELD_NAMES[key].en,
        length: length.toLocaleString("vi-VN"),
        max: UNIT_REPORT_FIELD_MAX.toLocaleString("vi-VN"),
      });
    }
  }
  if (files.length > EVIDENCE_FILES_MAX) throw new AppError("EVIDENCE_FILES_TOO_MANY", { max: EVIDENCE_FILES_MAX });
  for (const f of files) {
    if (!Number.isFinite(f.size) || f.size > FILE_INPUT_MAX_BYTES) {
      throw new AppError("EVIDENCE_FILE_TOO_LARGE", { name: f.name.slice(0, 120), size: formatBytes(f.size), max: formatBytes(FILE_INPUT_MAX_BYTES) });
    }
  }
}

/**
 * Saves a unit's report (a draft, or sent to the Office), all or nothing,
 * with its audit entry. A replayed submission (same request key) records
 * nothing. A member who may prepare but not send gets their text saved as a
 * draft and `submitRefused`; a submitted report is changed only by its lead.
 */
export async function saveUnitReport(prisma: PrismaClient, input: SaveUnitReportInput): Promise<SaveUnitReportResult> {
  const fields = {
    results: input.fields.results.normalize("NFC").trim(),
    shortcomings: input.fields.shortcomings.normalize("NFC").trim(),
    proposals: input.fields.proposals.normalize("NFC").trim(),
  };
  checkUnitReportInput(fields, input.evidenceFiles);
  const w = windowOf(input.windowKey);
  const plan = await planFor(prisma, input.planId, w);
  const unit = await prisma.unit.findUnique({ where: { id: input.unitId }, select: { id: true, code: true, name: true } });
  if (!unit) throw new AppError("UNIT_NOT_FOUND", { unit: `#${input.unitId}` });
  const rights = unitReportRights(input.actor, unit.id);
  if (!rights.prepare) throw new AppError("UNIT_REPORT_FORBIDDEN", { unit: unit.name });
  if ((await prisma.task.count({ where: leadTaskWhere(plan.id, unit.id) })) === 0) {
    throw new AppError("UNIT_REPORT_NOT_LEAD", { unit: unit.name, number: plan.number, period: w.label });
  }
  const submit = input.submit && rights.submit;
  const files = input.evidenceFiles.map((f) => ({ id: f.id, name: f.name.normalize("NFC"), size: f.size, permalink: f.permalink }));
  try {
    const outcome = await prisma.$transaction(async (tx) => {
      const existing = await tx.unitReport.findUnique({ where: { planId_unitId_period: { planId: plan.id, unitId: unit.id, period: w.key } } });
      if (existing?.requestKey === input.requestKey) return "duplicate" as const;
      if (existing?.status === "SUBMITTED" && !rights.submit) {
        throw new AppError("UNIT_REPORT_ALREADY_SUBMITTED", { unit: unit.name, period: w.label, on: formatVnDate(localDay(existing.submittedAt ?? input.at)) });
      }
      // Once sent, a lead's later save is sent again (the Office sees the newest); a draft stays a draft.
      const state = submit || existing?.status === "SUBMITTED" ? "SUBMITTED" : "DRAFT";
      const data = {
        ...fields,
        evidenceFiles: files as unknown as Prisma.InputJsonValue,
        status: state,
        preparedBy: input.userId,
        requestKey: input.requestKey,
        ...(state === "SUBMITTED" ? { submittedBy: input.userId, submittedAt: input.at } : {}),
      } as const;
      const saved = existing
        ? await tx.unitReport.update({ where: { id: existing.id }, data })
        : await tx.unitReport.create({ data: { ...data, planId: plan.id, unitId: unit.id, period: w.key } });
      await tx.auditEntry.create({
        data: {
          actor: `slack:${input.userId}`,
          at: input.at,
          action: state === "SUBMITTED" ? "unit-report.submit" : "unit-report.save",
          entity: "UnitReport",
          entityId: String(saved.id),
          detail: {
            plan: plan.number,
            unit: unit.code,
            period: w.key,
            files: files.map((f) => f.id),
            lengths: [fields.results.length, fields.shortcomings.length, fields.proposals.length],
          },
        },
      });
      return state;
    });
    if (outcome === "duplicate") return { kind: "duplicate" };
    const [office, lead] = await Promise.all([
      prisma.unit.findMany({ where: { kind: "OFFICE", active: true, slackChannel: { not: null } }, select: { slackChannel: true } }),
      prisma.member.findFirst({ where: { unitId: unit.id, role: "UNIT_LEAD", active: true }, orderBy: { id: "asc" }, select: { name: true } }),
    ]);
    return {
      kind: "saved",
      state: outcome,
      unit: { code: unit.code, name: unit.name },
      window: windowRef(w),
      planNumber: plan.number,
      officeChannels: office.map((o) => o.slackChannel!),
      unitLead: lead?.name ?? null,
      submitRefused: input.submit && !rights.submit,
    };
  } catch (e) {
    // Two copies of one submission racing: the loser answers as a replay.
    if (isUniqueViolation(e)) return { kind: "duplicate" };
    throw e;
  }
}

/** Units that lead at least one task of the plan: those that owe a report. */
export async function reportingUnits(prisma: PrismaClient, planId: number) {
  return prisma.unit.findMany({
    where: { assignments: { some: { role: "LEAD", task: { planId, archivedAt: null, children: { none: { archivedAt: null } } } } } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, slackChannel: true },
  });
}

/** Which units have sent their report for the window; for the Office's view and App Home. */
export async function unitReportStatus(prisma: PrismaClient, planId: number, windowKey: string, today: Day): Promise<UnitReportStatusModel> {
  const w = windowOf(windowKey);
  const plan = await planFor(prisma, planId, w);
  const [units, reports, due] = await Promise.all([
    reportingUnits(prisma, plan.id),
    prisma.unitReport.findMany({ where: { planId: plan.id, period: w.key }, select: { unitId: true, status: true, submittedAt: true, submittedBy: true } }),
    unitsDue(prisma, plan, w),
  ]);
  const byUnit = new Map(reports.map((r) => [r.unitId, r]));
  const rows = units.map((u) => {
    const r = byUnit.get(u.id);
    return {
      unit: { id: u.id, code: u.code, name: u.name },
      channel: u.slackChannel,
      state: r?.status ?? ("NONE" as const),
      submittedOn: r?.status === "SUBMITTED" && r.submittedAt ? localDay(r.submittedAt) : null,
      submittedBy: r?.status === "SUBMITTED" ? (r.submittedBy ?? null) : null,
    };
  });
  return { plan: { id: plan.id, number: plan.number }, window: windowRef(w), unitsDue: due, today, units: rows, submitted: rows.filter((r) => r.state === "SUBMITTED").length };
}

/** The submitted unit reports of a window, for the consolidated report. */
export async function submittedUnitReports(prisma: PrismaClient, planId: number, windowKey: string) {
  const rows = await prisma.unitReport.findMany({
    where: { planId, period: windowKey, status: "SUBMITTED" },
    include: { unit: { select: { code: true, name: true } } },
    orderBy: { unit: { code: "asc" } },
  });
  return rows.map((r) => ({
    unit: r.unit,
    submittedOn: localDay(r.submittedAt ?? r.updatedAt),
    results: r.results,
    shortcomings: r.shortcomings,
    proposals: r.proposals,
    evidenceFiles: storedFiles(r.evidenceFiles),
  }));
}
