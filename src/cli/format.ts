// Plain-text rendering of CLI results. --json prints the same data as JSON.
import { textTable } from "../views/text-table.js";
import { formatVnDate } from "../domain/day.js";
import { STATUSES } from "../domain/status.js";
import type { Lang } from "../errors.js";
import { bodyLines, missingReportText, percent, periodName, RATE_LABELS, rateWithCounts, STATUS_LABELS, targetText, UNIT_KIND_LABELS } from "../i18n/labels.js";
import type { CompletionRates } from "../domain/status.js";
import type { ChangeSummary } from "../services/changes.js";
import type { recentDeliveries } from "../services/deliveries.js";
import type { listPlans, listUnits, ObjectiveProgress, planDetail, StatusSummary, TaskNode } from "../services/plan-queries.js";
import type { TaskSummary } from "../models/index.js";

const vi = {
  kind: "Loại",
  created: "Tạo mới",
  updated: "Cập nhật",
  unchanged: "Không đổi",
  archived: "Lưu trữ",
  dryRun: "Chạy thử (--dry-run): chưa ghi gì.",
  saved: "Đã ghi.",
  nothingChanged: "Không có gì thay đổi.",
  number: "Số",
  year: "Năm",
  tasks: "Nhiệm vụ",
  overdue: "Quá hạn",
  title: "Tên",
  planNo: "Kế hoạch số",
  issuer: "Cơ quan ban hành",
  signedBy: "Người ký",
  leadShort: "chủ trì",
  coopShort: "phối hợp",
  dueShort: "thời hạn",
  statusShort: "trạng thái",
  lead: "Chủ trì",
  cooperating: "Phối hợp",
  target: "Chỉ tiêu",
  due: "Thời hạn",
  total: "Tổng",
  unitLead: "Đơn vị (chủ trì)",
  index: "Chỉ số",
  asOf: "tính đến ngày",
  overdueTasks: "Nhiệm vụ quá hạn",
  dueOn: "hạn",
  objective: "Mục tiêu",
  objectiveTarget: "chỉ tiêu",
  objectiveNow: "đạt",
  code: "Mã",
  name: "Tên",
  channel: "Kênh",
  leads: "Chủ trì",
  coop: "Phối hợp",
  members: "Thành viên",
  notes: "Tên khác / ghi chú",
  inactive: "ngừng hoạt động",
  job: "Việc",
  period: "Kỳ",
  recipient: "Nơi nhận",
  status: "Trạng thái",
  tries: "Lần",
  error: "Lỗi",
  sent: "Đã gửi",
  pending: "chờ",
  failed: "lỗi",
  mergedInto: (unit: string) => `đã sáp nhập vào ${unit}`,
};

const en: typeof vi = {
  kind: "Kind",
  created: "Created",
  updated: "Updated",
  unchanged: "Unchanged",
  archived: "Archived",
  dryRun: "Dry run (--dry-run): nothing was written.",
  saved: "Saved.",
  nothingChanged: "Nothing changed.",
  number: "Number",
  year: "Year",
  tasks: "Tasks",
  overdue: "Overdue",
  title: "Title",
  planNo: "Plan No.",
  issuer: "Issuer",
  signedBy: "Signed by",
  leadShort: "lead",
  coopShort: "cooperating",
  dueShort: "due",
  statusShort: "status",
  lead: "Lead",
  cooperating: "Cooperating",
  target: "Target",
  due: "Due",
  total: "Total",
  unitLead: "Unit (lead)",
  index: "Index",
  asOf: "as of",
  overdueTasks: "Overdue tasks",
  dueOn: "due",
  objective: "Objective",
  objectiveTarget: "target",
  objectiveNow: "now",
  code: "Code",
  name: "Name",
  channel: "Channel",
  leads: "Leads",
  coop: "Coop.",
  members: "Members",
  notes: "Aliases / notes",
  inactive: "inactive",
  job: "Job",
  period: "Period",
  recipient: "Target",
  status: "Status",
  tries: "Tries",
  error: "Error",
  sent: "Sent",
  pending: "pending",
  failed: "failed",
  mergedInto: (unit) => `merged into ${unit}`,
};

const STRINGS = { vi, en };

export function formatChanges(title: string, changes: ChangeSummary, dryRun: boolean, lang: Lang): string {
  const w = STRINGS[lang];
  const t = textTable([w.kind, w.created, w.updated, w.unchanged, w.archived]);
  for (const [kind, c] of Object.entries(changes)) t.push([kind, c.created, c.updated, c.unchanged, c.archived ?? 0]);
  const changed = Object.values(changes).some((c) => c.created + c.updated + (c.archived ?? 0) > 0);
  const note = dryRun ? w.dryRun : changed ? w.saved : w.nothingChanged;
  return `${title}\n${t.toString()}\n${note}`;
}

export function formatPlanList(plans: Awaited<ReturnType<typeof listPlans>>, lang: Lang): string {
  const w = STRINGS[lang];
  const t = textTable([w.number, w.year, w.tasks, w.overdue, RATE_LABELS.done[lang], RATE_LABELS.onTime[lang], w.title]);
  for (const p of plans) {
    t.push([p.number, p.year, p.tasks, p.counts.OVERDUE, doneRate(p.rates, lang), onTimeRate(p.rates, lang), truncate(p.title, 50)]);
  }
  return `${t.toString()}\n${RATE_LABELS.definition[lang]}`;
}

export function formatPlanDetail(d: Awaited<ReturnType<typeof planDetail>>, lang: Lang): string {
  const w = STRINGS[lang];
  const p = d.plan;
  const lines = [
    `${w.planNo} ${p.number} — ${p.place}, ${formatVnDate(p.issuedOn)}`,
    p.title,
    `${w.issuer}: ${p.issuer}. ${w.signedBy}: ${p.signer.name} (${p.signer.title})`,
    "",
    `${w.tasks} (${w.leadShort} / ${w.coopShort} / ${w.dueShort} / ${w.statusShort}):`,
  ];
  const walk = (nodes: TaskNode[], indent: string) => {
    for (const n of nodes) {
      lines.push(`${indent}${n.code}  ${n.title}`);
      const units = (list: TaskNode["lead"]) => groupNames(list) || "—";
      lines.push(
        `${indent}    ${w.lead}: ${units(n.lead)}${n.roles.leadNote ? ` (${n.roles.leadNote})` : ""} | ${w.cooperating}: ${units(n.cooperating)}` +
          bodyLines(n.roles.bodies, lang)
            .map((l) => ` | ${l.label}: ${l.names}`)
            .join(""),
      );
      if (n.roles.target) lines.push(`${indent}    ${w.target}: ${targetText(n.roles.target, lang)}`);
      lines.push(
        `${indent}    ${w.due}: ${n.due}${n.dueOn ? ` (${formatVnDate(n.dueOn)})` : ""}` +
          (n.status ? ` | ${STATUS_LABELS[n.status][lang]}${n.missing ? ` (${missingReportText(n.missing.key, lang)})` : ""} | ${n.percent}%` : ""),
      );
      walk(n.children, indent + "  ");
    }
  };
  walk(d.tasks, "  ");
  return lines.join("\n");
}

/** Units listed one by one, but a whole group shown by its code. */
function groupNames(list: TaskNode["lead"]): string {
  const groups = [...new Set(list.filter((u) => u.viaGroup).map((u) => u.viaGroup!))];
  const single = list.filter((u) => !u.viaGroup).map((u) => u.code);
  return [
    ...single,
    ...groups.map(
      (g) =>
        `${g} (${list
          .filter((u) => u.viaGroup === g)
          .map((u) => u.code)
          .join(", ")})`,
    ),
  ].join(", ");
}

/** "43,8% (7/16)": done ÷ due by now. */
function doneRate(r: CompletionRates, lang: Lang): string {
  return rateWithCounts(r.done, r.due, r.doneRate, lang);
}

/** done on time ÷ due by now. */
function onTimeRate(r: CompletionRates, lang: Lang): string {
  return rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang);
}

export function formatStatus(title: string, s: StatusSummary, lang: Lang, extra: { objectives?: ObjectiveProgress[]; overdue?: TaskSummary[] } = {}): string {
  const w = STRINGS[lang];
  const head = [...STATUSES.map((k) => STATUS_LABELS[k][lang])];
  const overall = textTable([w.total, ...head, RATE_LABELS.done[lang], RATE_LABELS.onTime[lang]]);
  overall.push([s.total, ...STATUSES.map((k) => s.counts[k]), doneRate(s.rates, lang), onTimeRate(s.rates, lang)]);
  const byUnit = textTable([w.unitLead, ...head, RATE_LABELS.done[lang], RATE_LABELS.onTime[lang], w.cooperating]);
  for (const u of s.byUnit) byUnit.push([u.code, ...STATUSES.map((k) => u.lead[k]), doneRate(u.rates, lang), onTimeRate(u.rates, lang), u.cooperating]);
  const byIndex = textTable([w.index, ...head]);
  for (const i of s.byIndex) byIndex.push([i.name, ...STATUSES.map((k) => i.counts[k])]);
  const out = [`${title} — ${w.asOf} ${formatVnDate(s.today)}`, overall.toString(), RATE_LABELS.definition[lang]];
  for (const o of extra.objectives ?? []) out.push(objectiveLine(o, lang));
  out.push("", byUnit.toString(), "", byIndex.toString());
  if (extra.overdue && extra.overdue.length > 0) {
    out.push("", `${w.overdueTasks} (${extra.overdue.length}):`);
    for (const t of extra.overdue) {
      const why = t.missingReport ? missingReportText(t.missingReport, lang) : t.dueOn ? `${w.dueOn} ${formatVnDate(t.dueOn)}` : t.dueLabel;
      out.push(`  ${t.code}  ${truncate(t.title, 60)} — ${t.lead.map((u) => u.code).join(", ") || "—"} — ${why}`);
    }
  }
  return out.join("\n");
}

/** "Mục tiêu (1565/KH-SLĐTBXH): Phấn đấu hoàn thành 100% nhiệm vụ … — chỉ tiêu 100%, đạt 43,8% (7/16)". */
export function objectiveLine(o: ObjectiveProgress, lang: Lang): string {
  const w = STRINGS[lang];
  const r = o.measure === "COMPLETION" ? doneRate(o.rates, lang) : onTimeRate(o.rates, lang);
  return `${w.objective} (${o.planNumber}): ${truncate(o.text.replace(/[.;]\s*$/, ""), 200)} — ${w.objectiveTarget} ${o.target}%, ${w.objectiveNow} ${r}`;
}

export function formatUnits(units: Awaited<ReturnType<typeof listUnits>>, lang: Lang): string {
  const w = STRINGS[lang];
  const t = textTable([w.code, w.name, w.kind, w.channel, w.leads, w.overdue, RATE_LABELS.done[lang], RATE_LABELS.onTime[lang], w.coop, w.members, w.notes]);
  for (const u of units) {
    const notes = [u.aliases.join(", "), u.mergedInto ? w.mergedInto(u.mergedInto) : "", !u.active && !u.mergedInto ? w.inactive : ""].filter(Boolean).join("; ");
    t.push([
      u.code,
      u.name,
      UNIT_KIND_LABELS[u.kind][lang],
      u.channel ?? "—",
      u.leads,
      u.overdue,
      doneRate(u.rates, lang),
      onTimeRate(u.rates, lang),
      u.cooperates,
      u.members,
      truncate(notes, 60),
    ]);
  }
  return `${t.toString()}\n${RATE_LABELS.definition[lang]}`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function formatDeliveries(r: Awaited<ReturnType<typeof recentDeliveries>>, lang: Lang): string {
  const w = STRINGS[lang];
  const t = textTable(["#", w.job, w.period, w.recipient, w.status, w.tries, w.error]);
  for (const d of r.deliveries) t.push([d.id, d.job, d.period, d.target, d.status + (d.uncertain ? "?" : ""), d.attempts, truncate(d.lastError ?? "", 40)]);
  const c = r.counts;
  return `${w.sent} ${c.SENT ?? 0} · ${w.pending} ${(c.PENDING ?? 0) + (c.SENDING ?? 0)} · ${w.failed} ${c.FAILED ?? 0}\n${t.toString()}`;
}
