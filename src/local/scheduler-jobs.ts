// The scheduler's jobs (reminders, unit summaries, leadership digest,
// report-deadline reminders) as the local workspace runs them: for the
// period that contains the chosen moment, through the same planning and
// exactly-once delivery as the live scheduler, posting to the fake Slack.
// Running a job twice for the same period sends nothing new.
import { formatJobOutcome } from "../scheduler/outcome-text.js";
import type { SchedulerConfig } from "../config/env.js";
import { JOB_IDS, occurrenceAt } from "../domain/schedule.js";
import { ackReminderPayload, JOB_LABELS } from "../scheduler/jobs.js";
import { runJob } from "../scheduler/run-job.js";
import { loadCalendar } from "../scheduler/scheduler.js";
import { slackDeliveryClient } from "../delivery/slack-delivery.js";
import type { LocalJobsOption } from "./jobs.js";
import { DEFAULT_ACK_REMINDER_DAYS } from "../domain/acknowledgement.js";
import { fanOut } from "../delivery/fan-out.js";
import { ACK_REMINDER_JOB, planAckReminders } from "../services/plan-acks.js";

export function schedulerJobs(config: SchedulerConfig, instance = "local-workspace"): LocalJobsOption {
  return ({ deps, botToken, apiUrl }) => {
    const client = slackDeliveryClient({ token: botToken, apiUrl });
    return {
      names: [
        ...JOB_IDS.map((id) => ({ id, label: { vi: JOB_LABELS[id].vi, en: JOB_LABELS[id].en } })),
        { id: ACK_REMINDER_JOB, label: { vi: "Nhắc xác nhận kế hoạch", en: "Plan acknowledgement reminders" } },
      ],
      async run(id, at) {
        if (id === ACK_REMINDER_JOB) {
          // As the live scheduler's tick does: plan the due reminders (once per unit), then send them.
          const planned = await planAckReminders(deps.prisma, {
            now: at,
            calendar: await loadCalendar(deps.prisma),
            days: config.ackReminderDays ?? DEFAULT_ACK_REMINDER_DAYS,
            render: ackReminderPayload,
          });
          const sent = await fanOut(
            { prisma: deps.prisma, client, log: deps.log, instance, now: deps.now, messagesPerMinute: config.messagesPerMinute },
            { job: ACK_REMINDER_JOB },
          );
          return `Nhắc xác nhận kế hoạch: ${planned} tin mới, đã gửi ${sent.sent}.`;
        }
        const job = JOB_IDS.find((j) => j === id);
        if (!job) throw new Error(`no such job: ${id}`);
        const occurrence = occurrenceAt(job, config.schedule, await loadCalendar(deps.prisma), at);
        const outcome = await runJob({ prisma: deps.prisma, log: deps.log, client, config, instance, now: deps.now }, occurrence);
        return formatJobOutcome(outcome, "vi");
      },
    };
  };
}
