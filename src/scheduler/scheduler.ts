// The live scheduler: a tick every minute (node-cron, Asia/Ho_Chi_Minh)
// runs whatever is due and not yet planned, within the catch-up grace, and
// retries failed deliveries whose time has come. Ticks are idempotent and
// safe to overlap across instances: planning is keyed by (job, period,
// target) and sending by row claims. The first tick runs at start-up, which
// is how a run missed while dondoc was down is caught up.
import cron from "node-cron";
import type { SchedulerConfig } from "../config/env.js";
import { WorkCalendar } from "../domain/calendar.js";
import { fromDate, localDay, TIME_ZONE } from "../domain/day.js";
import { dueOccurrences, localInstant } from "../domain/schedule.js";
import { DEFAULT_ACK_REMINDER_DAYS } from "../domain/acknowledgement.js";
import { planAckReminders } from "../services/plan-acks.js";
import { ackReminderPayload } from "./jobs.js";
import { faultSummary, isDatabaseFault } from "../db/faults.js";
import { fanOut } from "../delivery/fan-out.js";
import { runJob, type JobContext } from "./run-job.js";

export async function loadCalendar(prisma: JobContext["prisma"]): Promise<WorkCalendar> {
  const days = await prisma.calendarDay.findMany();
  return new WorkCalendar(days.map((d) => ({ day: fromDate(d.day), kind: d.kind })));
}

/**
 * One tick. A database failure rejects (before sending) or ends the tick
 * early (while sending, reported by fanOut); either way the next tick starts
 * over from the database, so a run resumes once the database is back.
 */
export async function tick(ctx: JobContext, config: SchedulerConfig): Promise<void> {
  const now = ctx.now();
  const calendar = await loadCalendar(ctx.prisma);
  for (const occurrence of dueOccurrences(config.schedule, calendar, now, config.catchUpMs)) {
    const done = await ctx.prisma.jobRun.findUnique({ where: { job_period: { job: occurrence.job, period: occurrence.period } } });
    if (!done) {
      const outcome = await runJob(ctx, occurrence);
      if (!outcome.dryRun && outcome.delivery?.interrupted) return;
    }
  }
  await remindUnacknowledged(ctx, config, calendar, now);
  // Retries (and deliveries left by an instance that died) for every job.
  if (ctx.client) {
    await fanOut({ prisma: ctx.prisma, client: ctx.client, log: ctx.log, instance: ctx.instance, now: ctx.now, messagesPerMinute: config.messagesPerMinute });
  }
}

/**
 * Units that have not acknowledged a published plan after the set working
 * days get one reminder, on a working day from the Monday reminders' time of
 * day. Planned by whichever instance gets there first (each keyed by plan
 * and channel); the fan-out below sends it.
 */
async function remindUnacknowledged(ctx: JobContext, config: SchedulerConfig, calendar: WorkCalendar, now: Date): Promise<void> {
  const today = localDay(now);
  const at = config.schedule.reminders;
  if (!calendar.isWorkingDay(today) || localInstant(today, at.hour, at.minute).getTime() > now.getTime()) return;
  const planned = await planAckReminders(ctx.prisma, { now, calendar, days: config.ackReminderDays ?? DEFAULT_ACK_REMINDER_DAYS, render: ackReminderPayload });
  if (planned) ctx.log.info({ planned }, "planned plan-acknowledgement reminders");
}

export interface RunningScheduler {
  stop(): Promise<void>;
}

export function startScheduler(ctx: JobContext, config: SchedulerConfig): RunningScheduler {
  let running: Promise<void> | null = null;
  const safeTick = () => {
    if (running) return; // the previous tick is still sending
    // Never rejects: a fault in a background job must not end the process.
    // Code and message only (an error object can carry a token).
    running = tick(ctx, config)
      .catch((err: unknown) => ctx.log.error({ ...faultSummary(err), database: isDatabaseFault(err) }, "scheduler tick failed; the next tick tries again"))
      .finally(() => (running = null));
  };
  const task = cron.schedule("* * * * *", safeTick, { timezone: TIME_ZONE, name: "dondoc-scheduler" });
  safeTick();
  ctx.log.info({ schedule: config.schedule, catchUpHours: config.catchUpMs / 3_600_000 }, "scheduler started");
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
