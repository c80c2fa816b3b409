// Plain-text rendering of CLI results. --json prints the same data as JSON.
import Table from "cli-table3";
import { formatVnDate } from "../domain/day.js";
import { STATUSES } from "../domain/status.js";
import type { Lang } from "../errors.js";
import { bodyLines, missingReportText, percent, periodName, RATE_LABELS, rateWithCounts, STATUS_LABELS, targetText, UNIT_KIND_LABELS } from "../i18n/labels.js";
import type { CompletionRates } from "../domain/status.js";
import type { ChangeSummary } from "../services/changes.js";
import type { recentDeliveries } from "../services/deliveries.js";
import type { listPlans, listUnits, ObjectiveProgress, planDetail, StatusSummary, TaskNode } from "../services/plan-queries.js";
import type { TaskSummary } from "../models/index.js";

const T = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

function table(head: string[]): Table.Table {
  return new Table({
    head,
    style: { head: [], border: [], compact: true },
    chars: { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  " },
  });
}

export function formatChanges(title: string, changes: ChangeSummary, dryRun: boolean, lang: Lang): string {
  const t = table([
    T(lang, "Loại", "Kind"),
    T(lang, "Tạo mới", "Created"),
    T(lang, "Cập nhật", "Updated"),
    T(lang, "Không đổi", "Unchanged"),
    T(lang, "Lưu trữ", "Archived"),
  ]);
  for (const [kind, c] of Object.entries(changes)) t.push([kind, c.created, c.updated, c.unchanged, c.archived ?? 0]);
  const changed = Object.values(changes).some((c) => c.created + c.updated + (c.archived ?? 0) > 0);
  const note = dryRun
    ? T(lang, "Chạy thử (--dry-run): chưa ghi gì.", "Dry run (--dry-run): nothing was written.")
    : changed
      ? T(lang, "Đã ghi.", "Saved.")
      : T(lang, "Không có gì thay đổi.", "Nothing changed.");
  return `${title}\n${t.toString()}\n${note}`;
}

export function formatPlanList(plans: Awaited<ReturnType<typeof listPlans>>, lang: Lang): string {
  const t = table([
    T(lang, "Số", "Number"),
    T(lang, "Năm", "Year"),
    T(lang, "Nhiệm vụ", "Tasks"),
    T(lang, "Quá hạn", "Overdue"),
    RATE_LABELS.done[lang],
    RATE_LABELS.onTime[lang],
    T(lang, "Tên", "Title"),
  ]);
  for (const p of plans) {
    t.push([p.number, p.year, p.tasks, p.counts.OVERDUE, doneRate(p.rates, lang), onTimeRate(p.rates, lang), truncate(p.title, 50)]);
  }
  return `${t.toString()}\n${RATE_LABELS.definition[lang]}`;
}

export function formatPlanDetail(d: Awaited<ReturnType<typeof planDetail>>, lang: Lang): string {
  const p = d.plan;
  const lines = [
    `${T(lang, "Kế hoạch số", "Plan No.")} ${p.number} — ${p.place}, ${formatVnDate(p.issuedOn)}`,
    p.title,
    `${T(lang, "Cơ quan ban hành", "Issuer")}: ${p.issuer}. ${T(lang, "Người ký", "Signed by")}: ${p.signer.name} (${p.signer.title})`,
    "",
    `${T(lang, "Nhiệm vụ", "Tasks")} (${T(lang, "chủ trì", "lead")} / ${T(lang, "phối hợp", "cooperating")} / ${T(lang, "thời hạn", "due")} / ${T(lang, "trạng thái", "status")}):`,
  ];
  const walk = (nodes: TaskNode[], indent: string) => {
    for (const n of nodes) {
      lines.push(`${indent}${n.code}  ${n.title}`);
      const units = (list: TaskNode["lead"]) => groupNames(list) || "—";
      lines.push(
        `${indent}    ${T(lang, "Chủ trì", "Lead")}: ${units(n.lead)}${n.roles.leadNote ? ` (${n.roles.leadNote})` : ""} | ${T(lang, "Phối hợp", "Cooperating")}: ${units(n.cooperating)}` +
          bodyLines(n.roles.bodies, lang)
            .map((l) => ` | ${l.label}: ${l.names}`)
            .join(""),
      );
      if (n.roles.target) lines.push(`${indent}    ${T(lang, "Chỉ tiêu", "Target")}: ${targetText(n.roles.target, lang)}`);
      lines.push(
        `${indent}    ${T(lang, "Thời hạn", "Due")}: ${n.due}${n.dueOn ? ` (${formatVnDate(n.dueOn)})` : ""}` +
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
  return [...single, ...groups.map((g) => `${g} (${list.filter((u) => u.viaGroup === g).map((u) => u.code).join(", ")})`)].join(", ");
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
  const head = [...STATUSES.map((k) => STATUS_LABELS[k][lang])];
  const overall = table([T(lang, "Tổng", "Total"), ...head, RATE_LABELS.done[lang], RATE_LABELS.onTime[lang]]);
  overall.push([s.total, ...STATUSES.map((k) => s.counts[k]), doneRate(s.rates, lang), onTimeRate(s.rates, lang)]);
  const byUnit = table([T(lang, "Đơn vị (chủ trì)", "Unit (lead)"), ...head, RATE_LABELS.done[lang], RATE_LABELS.onTime[lang], T(lang, "Phối hợp", "Cooperating")]);
  for (const u of s.byUnit) byUnit.push([u.code, ...STATUSES.map((k) => u.lead[k]), doneRate(u.rates, lang), onTimeRate(u.rates, lang), u.cooperating]);
  const byIndex = table([T(lang, "Chỉ số", "Index"), ...head]);
  for (const i of s.byIndex) byIndex.push([i.name, ...STATUSES.map((k) => i.counts[k])]);
  const out = [
    `${title} — ${T(lang, "tính đến ngày", "as of")} ${formatVnDate(s.today)}`,
    overall.toString(),
    RATE_LABELS.definition[lang],
  ];
  for (const o of extra.objectives ?? []) out.push(objectiveLine(o, lang));
  out.push("", byUnit.toString(), "", byIndex.toString());
  if (extra.overdue && extra.overdue.length > 0) {
    out.push("", `${T(lang, "Nhiệm vụ quá hạn", "Overdue tasks")} (${extra.overdue.length}):`);
    for (const t of extra.overdue) {
      const why = t.missingReport ? missingReportText(t.missingReport, lang) : t.dueOn ? `${T(lang, "hạn", "due")} ${formatVnDate(t.dueOn)}` : t.dueLabel;
      out.push(`  ${t.code}  ${truncate(t.title, 60)} — ${t.lead.map((u) => u.code).join(", ") || "—"} — ${why}`);
    }
  }
  return out.join("\n");
}

/** "Mục tiêu (1565/KH-SLĐTBXH): Phấn đấu hoàn thành 100% nhiệm vụ … — chỉ tiêu 100%, đạt 43,8% (7/16)". */
export function objectiveLine(o: ObjectiveProgress, lang: Lang): string {
  const r = o.measure === "COMPLETION" ? doneRate(o.rates, lang) : onTimeRate(o.rates, lang);
  return `${T(lang, "Mục tiêu", "Objective")} (${o.planNumber}): ${truncate(o.text.replace(/[.;]\s*$/, ""), 200)} — ${T(lang, "chỉ tiêu", "target")} ${o.target}%, ${T(lang, "đạt", "now")} ${r}`;
}

export function formatUnits(units: Awaited<ReturnType<typeof listUnits>>, lang: Lang): string {
  const t = table([
    T(lang, "Mã", "Code"),
    T(lang, "Tên", "Name"),
    T(lang, "Loại", "Kind"),
    T(lang, "Kênh", "Channel"),
    T(lang, "Chủ trì", "Leads"),
    T(lang, "Quá hạn", "Overdue"),
    RATE_LABELS.done[lang],
    RATE_LABELS.onTime[lang],
    T(lang, "Phối hợp", "Coop."),
    T(lang, "Thành viên", "Members"),
    T(lang, "Tên khác / ghi chú", "Aliases / notes"),
  ]);
  for (const u of units) {
    const notes = [u.aliases.join(", "), u.mergedInto ? T(lang, `đã sáp nhập vào ${u.mergedInto}`, `merged into ${u.mergedInto}`) : "", !u.active && !u.mergedInto ? T(lang, "ngừng hoạt động", "inactive") : ""].filter(Boolean).join("; ");
    t.push([u.code, u.name, UNIT_KIND_LABELS[u.kind][lang], u.channel ?? "—", u.leads, u.overdue, doneRate(u.rates, lang), onTimeRate(u.rates, lang), u.cooperates, u.members, truncate(notes, 60)]);
  }
  return `${t.toString()}\n${RATE_LABELS.definition[lang]}`;
}


function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export function formatDeliveries(r: Awaited<ReturnType<typeof recentDeliveries>>, lang: Lang): string {
  const t = table(["#", T(lang, "Việc", "Job"), T(lang, "Kỳ", "Period"), T(lang, "Nơi nhận", "Target"), T(lang, "Trạng thái", "Status"), T(lang, "Lần", "Tries"), T(lang, "Lỗi", "Error")]);
  for (const d of r.deliveries) t.push([d.id, d.job, d.period, d.target, d.status + (d.uncertain ? "?" : ""), d.attempts, truncate(d.lastError ?? "", 40)]);
  const c = r.counts;
  return `${T(lang, "Đã gửi", "Sent")} ${c.SENT ?? 0} · ${T(lang, "chờ", "pending")} ${(c.PENDING ?? 0) + (c.SENDING ?? 0)} · ${T(lang, "lỗi", "failed")} ${c.FAILED ?? 0}\n${t.toString()}`;
}
