// What `dondoc plan import-doc` prints: counts, new bodies and the flagged
// points, in the user's language.
import type { Lang } from "../errors.js";
import { IMPORT_FLAG_LABELS } from "../i18n/labels.js";
import { posText } from "./draft.js";
import type { ImportDocResult } from "./import-doc.js";
import type { Flag } from "./parse/model.js";

const FLAG_LABEL: Record<Flag["code"], Record<Lang, string>> = IMPORT_FLAG_LABELS;

export function formatImportDoc(r: ImportDocResult, file: string, lang: Lang): string {
  const vi = lang === "vi";
  const c = r.counts;
  const lines: string[] = [];
  lines.push(
    vi
      ? `${file}: kế hoạch ${r.number}: ${c.tasks} nhiệm vụ (${c.leaves} việc, ${c.headings} đầu mục), ${c.matchedBodies} đơn vị khớp, ${c.newBodies} cơ quan mới, ${c.flagged} điểm cần kiểm tra.`
      : `${file}: plan ${r.number}: ${c.tasks} tasks (${c.leaves} items, ${c.headings} headings), ${c.matchedBodies} units matched, ${c.newBodies} new bodies, ${c.flagged} points to check.`,
  );
  if (r.newBodies.length) {
    lines.push(vi ? "Cơ quan chưa có trong danh sách đơn vị (đề xuất đơn vị mới):" : "Bodies not among the units (proposed as new units):");
    for (const b of r.newBodies) lines.push(`  ${b.code}  ${b.name}${b.aliases.length ? ` (${b.aliases.join("; ")})` : ""}`);
  }
  const points = r.flags.filter((f) => f.code !== "NEW_BODY");
  if (points.length) {
    lines.push(vi ? "Điểm cần kiểm tra:" : "Points to check:");
    for (const f of points) {
      const label = FLAG_LABEL[f.code][lang];
      lines.push(`  ${f.taskCode ?? f.field ?? ""}  ${label}${f.text ? `: ${f.text.slice(0, 90)}` : ""}${f.pos ? ` (${posText(f.pos)})` : ""}`);
    }
  }
  if (r.dryRun) lines.push(vi ? "Chạy thử: không ghi gì." : "Dry run: nothing written.");
  else if (r.written) lines.push(`${vi ? "Đã ghi" : "Wrote"}: ${r.written.join(", ")}`);
  else if (r.changes) {
    const t = r.changes.tasks;
    lines.push(
      vi
        ? `Đã nạp kế hoạch ${r.number}: nhiệm vụ tạo mới ${t?.created ?? 0}, cập nhật ${t?.updated ?? 0}, không đổi ${t?.unchanged ?? 0}, lưu trữ ${t?.archived ?? 0}.`
        : `Imported plan ${r.number}: tasks created ${t?.created ?? 0}, updated ${t?.updated ?? 0}, unchanged ${t?.unchanged ?? 0}, archived ${t?.archived ?? 0}.`,
    );
  }
  return lines.join("\n");
}
