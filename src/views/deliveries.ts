// /kehoach tinnhan: what the scheduler sent and what failed, for the Office.
import { context, header, lineSections, message, type SlackMessage } from "./blocks.js";
import { JOB_LABELS, periodName } from "../i18n/labels.js";
import { esc } from "./format.js";
import type { Lang } from "../models/index.js";

export interface DeliveriesModel {
  counts: Partial<Record<"PENDING" | "SENDING" | "SENT" | "FAILED", number>>;
  deliveries: { id: number; job: string; period: string; target: string; status: string; attempts: number; uncertain: boolean; lastError: string | null; sentAt: Date | null }[];
}

const STATUS = {
  vi: { SENT: "✅ đã gửi", PENDING: "⏳ chờ gửi", SENDING: "📤 đang gửi", FAILED: "⚠️ lỗi" },
  en: { SENT: "✅ sent", PENDING: "⏳ pending", SENDING: "📤 sending", FAILED: "⚠️ failed" },
} as const;

export function deliveriesMessage(model: DeliveriesModel, lang: Lang): SlackMessage {
  const s = STATUS[lang];
  const c = model.counts;
  const title = lang === "vi" ? "Tin nhắn định kỳ" : "Scheduled messages";
  const summary = `${s.SENT} ${c.SENT ?? 0} · ${s.PENDING} ${(c.PENDING ?? 0) + (c.SENDING ?? 0)} · ${s.FAILED} ${c.FAILED ?? 0}`;
  const lines = model.deliveries.map((d) => {
    const status = s[d.status as keyof typeof s] ?? d.status;
    const error = d.lastError ? ` — ${lang === "vi" ? "mã lỗi Slack" : "Slack error"}: ${esc(d.lastError, 80)}` : "";
    // The Office reads what was sent and when, never a job id or an ISO week code.
    const job = JOB_LABELS[d.job as keyof typeof JOB_LABELS]?.[lang] ?? d.job;
    return `#${d.id} · ${esc(job, 40)}, ${esc(periodName(d.period, lang), 40)} → ${esc(d.target, 40)} · ${status}${d.uncertain ? " (?)" : ""} · ${d.attempts} ${lang === "vi" ? "lần gửi" : d.attempts === 1 ? "attempt" : "attempts"}${error}`;
  });
  const hint =
    lang === "vi"
      ? "Gửi lại các tin lỗi: `/kehoach tinnhan guilai` (chỉ Văn phòng Sở và quản trị viên)."
      : "Resend failed messages: `/kehoach messages retry` (the Office and admins only).";
  return message(
    `${title}: ${summary}`,
    [
      header(title),
      context(summary),
      ...lineSections(lines.length ? lines : [lang === "vi" ? "Chưa có tin nào." : "Nothing yet."], {
        maxChars: 8_000,
        more: (n) => (lang === "vi" ? `… và ${n} tin khác` : `… and ${n} more`),
      }),
      context(hint),
    ],
    lang,
  );
}
