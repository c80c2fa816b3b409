// `dondoc plan acks NUMBER`: which units have acknowledged a published plan
// ("quán triệt") and which have not, in the terminal.
import { formatVnDate } from "../domain/day.js";
import type { Lang } from "../errors.js";
import type { PlanAcksModel } from "../models/plan-acks.js";

export function formatPlanAcks(m: PlanAcksModel, lang: Lang): string {
  const vi = lang === "vi";
  const total = m.acknowledged.length + m.pending.length;
  if (total === 0)
    return vi
      ? `Kế hoạch ${m.plan.number} chưa được ban hành qua dondoc: chưa gửi tới đơn vị nào.`
      : `Plan ${m.plan.number} has not been published through dondoc: sent to no unit yet.`;
  const lines = [
    vi
      ? `Kế hoạch ${m.plan.number}: ${m.acknowledged.length}/${total} đơn vị đã xác nhận, ${m.pending.length} chưa xác nhận.`
      : `Plan ${m.plan.number}: ${m.acknowledged.length}/${total} units acknowledged, ${m.pending.length} not yet.`,
  ];
  for (const u of m.acknowledged) lines.push(`  ✓ ${u.code.padEnd(10)} ${u.name} — ${vi ? "đã xác nhận" : "acknowledged"} ${formatVnDate(u.at)}`);
  for (const u of m.pending) {
    const notes = [
      vi ? `gửi ${formatVnDate(u.sentOn)}` : `sent ${formatVnDate(u.sentOn)}`,
      u.reminded ? (vi ? "đã nhắc" : "reminded") : "",
      u.hasChannel ? "" : vi ? "chưa có kênh" : "no channel",
    ].filter(Boolean);
    lines.push(`  · ${u.code.padEnd(10)} ${u.name} — ${vi ? "chưa xác nhận" : "not yet"} (${notes.join(", ")})`);
  }
  return lines.join("\n");
}
