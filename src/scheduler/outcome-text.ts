// A scheduled job's outcome in words, for whoever ran it: the command line
// (`dondoc jobs run`) and the local workspace's job panel.
import type { Lang } from "../errors.js";
import { periodName } from "../i18n/labels.js";
import { JOB_LABELS } from "./jobs.js";
import type { JobOutcome } from "./run-job.js";

const vi = {
  blockChars: "ký tự khối",
  file: "tệp",
  blocks: "khối",
  dryRun: "chạy thử, không gửi",
  messages: "tin",
  plannedBefore: "Đã lập trước đó; chỉ gửi phần còn lại.",
  planned: "Đã lập",
  sent: "Đã gửi",
  alreadyThere: "đã có sẵn",
  failed: "lỗi",
  noSlack: "Chưa gửi (không có Slack).",
};

const en: typeof vi = {
  blockChars: "block chars",
  file: "file",
  blocks: "blocks",
  dryRun: "dry run, nothing sent",
  messages: "messages",
  plannedBefore: "Planned before; only what was left is sent.",
  planned: "Planned",
  sent: "Sent",
  alreadyThere: "already there",
  failed: "failed",
  noSlack: "Not sent (no Slack).",
};

const STRINGS = { vi, en };

export function formatJobOutcome(o: JobOutcome, lang: Lang): string {
  const s = STRINGS[lang];
  const head = `${JOB_LABELS[o.occurrence.job][lang]}, ${periodName(o.occurrence.period, lang)}`;
  if (o.dryRun) {
    const lines = o.messages.map((m) =>
      m.payload.file
        ? `\n── ${m.target} ──\n${m.payload.text}\n${s.file} ${m.payload.file.name}, ${Math.round((m.payload.file.base64.length * 3) / 4 / 1024)} KB`
        : `\n── ${m.target} ──\n${m.payload.text}\n${JSON.stringify(m.payload.blocks).length} ${s.blockChars}, ${m.payload.blocks.length} ${s.blocks}`,
    );
    return `${head} — ${s.dryRun}: ${o.messages.length} ${s.messages}${lines.join("\n")}`;
  }
  const d = o.delivery;
  return [
    head,
    o.alreadyPlanned ? s.plannedBefore : `${s.planned}: ${o.planned}`,
    d ? `${s.sent}: ${d.sent} · ${s.alreadyThere}: ${d.alreadyPosted} · ${s.failed}: ${d.failed} · 429: ${d.rateLimited}` : s.noSlack,
  ].join("\n");
}
