// A scheduled job's outcome in words, for whoever ran it: the command line
// (`dondoc jobs run`) and the local workspace's job panel.
import type { Lang } from "../errors.js";
import { periodName } from "../i18n/labels.js";
import { JOB_LABELS } from "./jobs.js";
import type { JobOutcome } from "./run-job.js";

const T = (lang: Lang, vi: string, en: string) => (lang === "vi" ? vi : en);

export function formatJobOutcome(o: JobOutcome, lang: Lang): string {
  const head = `${JOB_LABELS[o.occurrence.job][lang]}, ${periodName(o.occurrence.period, lang)}`;
  if (o.dryRun) {
    const lines = o.messages.map((m) => `\n── ${m.target} ──\n${m.payload.text}\n${JSON.stringify(m.payload.blocks).length} ${T(lang, "ký tự khối", "block chars")}, ${m.payload.blocks.length} ${T(lang, "khối", "blocks")}`);
    return `${head} — ${T(lang, "chạy thử, không gửi", "dry run, nothing sent")}: ${o.messages.length} ${T(lang, "tin", "messages")}${lines.join("\n")}`;
  }
  const d = o.delivery;
  return [
    head,
    o.alreadyPlanned ? T(lang, "Đã lập trước đó; chỉ gửi phần còn lại.", "Planned before; only what was left is sent.") : `${T(lang, "Đã lập", "Planned")}: ${o.planned}`,
    d ? `${T(lang, "Đã gửi", "Sent")}: ${d.sent} · ${T(lang, "đã có sẵn", "already there")}: ${d.alreadyPosted} · ${T(lang, "lỗi", "failed")}: ${d.failed} · 429: ${d.rateLimited}` : T(lang, "Chưa gửi (không có Slack).", "Not sent (no Slack)."),
  ].join("\n");
}
