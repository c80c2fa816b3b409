import type { Command } from "commander";
import { loadConfig } from "../../config/env.js";
import { JOB_IDS, occurrenceAt, type JobId } from "../../domain/schedule.js";
import { AppError } from "../../errors.js";
import { CLAIM_LEASE_MS } from "../../delivery/delivery-store.js";
import { periodName } from "../../i18n/labels.js";
import { JOB_LABELS } from "../../scheduler/jobs.js";
import { runJob, type JobOutcome } from "../../scheduler/run-job.js";
import { loadCalendar } from "../../scheduler/scheduler.js";
import { slackDeliveryClient } from "../../delivery/slack-delivery.js";
import { recentDeliveries, retryFailed } from "../../services/deliveries.js";
import { formatMoment, momentArgument } from "../arguments.js";
import type { CliContext, Common } from "../context.js";
import { formatJobOutcome } from "../../scheduler/outcome-text.js";
import { formatDeliveries } from "../format.js";

/** `dondoc jobs run JOB --at | status | retry`. */
export function registerJobs(program: Command, ctx: CliContext): void {
  const { common, withDb, print, env, log, actor } = ctx;
  const jobs = program.command("jobs").description("việc định kỳ: nhắc việc, tổng kết, bản tin / scheduled jobs");
  common(
    jobs
      .command("run")
      .argument("<job>", `một trong / one of: ${JOB_IDS.join(", ")}`)
      .requiredOption("--at <datetime>", 'thời điểm "dd/mm/yyyy HH:MM" (giờ Việt Nam) / the moment, Vietnam time')
      .option("--dry-run", "in tin nhắn, không gửi / print the messages, send nothing"),
  )
    .description("chạy một việc như thể đang ở thời điểm đó (không gửi trùng) / run a job as if it were that moment (never sends twice)")
    .action(async (job: string, opts: Common & { at: string; dryRun?: boolean }) => {
      if (!(JOB_IDS as readonly string[]).includes(job)) throw new AppError("JOB_UNKNOWN", { job, jobs: JOB_IDS.join(", ") });
      const at = momentArgument(opts.at);
      const config = loadConfig(env);
      if (!config.slack && !opts.dryRun) throw new AppError("SLACK_NOT_CONFIGURED", { usage: `dondoc jobs run ${job} --at "${opts.at}" --dry-run` });
      const outcome = await withDb(async (db) => {
        const calendar = await loadCalendar(db.prisma);
        const occurrence = occurrenceAt(job as JobId, config.scheduler.schedule, calendar, at);
        const client = config.slack ? slackDeliveryClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl, log }) : null;
        // One instance name per run: a run killed earlier holds claims under its own name.
        return runJob({ prisma: db.prisma, log, client, config: config.scheduler, instance: `${actor}:${process.pid}`, now: () => at }, occurrence, { dryRun: opts.dryRun });
      });
      print(opts, outcome.dryRun ? { ...outcome, messages: outcome.messages.map(withoutFileBytes) } : outcome, () => formatJobOutcome(outcome, opts.lang));
      const unfinished = outcome.dryRun ? null : unfinishedRun(outcome, at);
      if (unfinished) throw unfinished;
    });
  common(jobs.command("status").option("--failed", "chỉ các tin lỗi / failed only").option("--limit <n>", "số dòng / rows", "30"))
    .description("các tin đã gửi, đang chờ, lỗi / deliveries sent, pending and failed")
    .action(async (opts: Common & { failed?: boolean; limit: string }) => {
      const r = await withDb((db) => recentDeliveries(db.prisma, { failedOnly: opts.failed, limit: Number(opts.limit) || 30 }));
      print(opts, r, () => formatDeliveries(r, opts.lang));
    });
  common(jobs.command("retry").argument("[ids...]", "mã tin (mặc định: mọi tin lỗi) / delivery ids (default: every failed one)"))
    .description("gửi lại tin lỗi ở lần chạy tới / resend failed deliveries at the next tick")
    .action(async (ids: string[], opts: Common) => {
      const n = await withDb((db) => retryFailed(db.prisma, new Date(), ids.length ? ids.map(Number) : undefined));
      print(opts, { retried: n }, () => (opts.lang === "vi" ? `${n} tin sẽ được gửi lại.` : `${n} deliveries will be resent.`));
    });
}

/** A planned file (the digest's chart) printed by its size, not as megabytes of base64. */
function withoutFileBytes<T extends { payload: unknown }>(m: T): T {
  const p = m.payload as { file?: { base64?: string } };
  if (!p.file?.base64) return m;
  const { base64, ...file } = p.file;
  return { ...m, payload: { ...p, file: { ...file, bytes: Buffer.byteLength(base64, "base64") } } };
}

/** Why a run that sent for real did not finish: the database went away, or another run still holds messages. */
function unfinishedRun(outcome: Extract<JobOutcome, { dryRun: false }>, at: Date): AppError | null {
  // The job and its period in words, in both languages: the error is read in either.
  const { job, period } = outcome.occurrence;
  const named = { jobVi: JOB_LABELS[job].vi, jobEn: JOB_LABELS[job].en, periodVi: periodName(period, "vi"), periodEn: periodName(period, "en") };
  if (outcome.delivery?.interrupted) {
    const { code, message } = outcome.delivery.interrupted;
    return new AppError("JOB_INTERRUPTED", { ...named, sent: outcome.delivery.sent + outcome.delivery.alreadyPosted, reason: `${code}: ${message}` });
  }
  const held = outcome.stillSending;
  if (held.count === 0) return null;
  // The first whole minute at which every claim's lease has run out (by the run's clock).
  const retry = new Date((Math.floor(((held.lastClaimedAt ?? at).getTime() + CLAIM_LEASE_MS) / 60_000) + 1) * 60_000);
  return new AppError("JOB_CLAIMS_PENDING", {
    count: held.count,
    ...named,
    by: held.claimedBy.join(", "),
    claimedAt: held.lastClaimedAt ? formatMoment(held.lastClaimedAt) : "?",
    retryAt: formatMoment(retry),
  });
}
