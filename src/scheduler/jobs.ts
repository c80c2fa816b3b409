// What each scheduled job sends, to whom: rendered once when the run is
// planned, so every attempt sends exactly the same message.
import type { SchedulerConfig } from "../config/env.js";
import type { PrismaClient } from "../db/database.js";
import { fromDate, localDay, type Day } from "../domain/day.js";
import { reportPeriod, type JobId, type Occurrence } from "../domain/schedule.js";
import type { Lang } from "../errors.js";
import { digestModel } from "../services/weekly/digest.js";
import { digestChartFile } from "../services/weekly/digest-chart.js";
import { errorInfo, type Logger } from "../log.js";
import type { DigestModel } from "../models/index.js";
import { reportDeadlineModel } from "../services/weekly/report-deadline.js";
import { unitReminderModel } from "../services/weekly/unit-reminder.js";
import { unitSummaryModel } from "../services/weekly/unit-summary.js";
import { reportingUnits, unitReportDraft } from "../services/unit-reports.js";
import { unitReportDraftsMessage } from "../views/unit-report.js";
import type { UnitReportDraft } from "../models/unit-report.js";
import type { Period } from "../domain/period.js";
import { windowCounts } from "../domain/reporting-window.js";
import { digestMessage } from "../views/digest.js";
import { reminderMessage } from "../views/reminder.js";
import { weekLabel } from "../views/weekly.js";
import type { AckReminderModel } from "../models/plan-acks.js";
import { ackReminderMessage } from "../views/plan-acks.js";
import { reportDeadlineMessage } from "../views/report-deadline.js";
import { unitSummaryMessage } from "../views/unit-summary.js";
import type { PlannedDelivery } from "../delivery/delivery-store.js";

export { JOB_LABELS } from "../i18n/labels.js";

/** Unit channels get Vietnamese, the department's working language. */
const CHANNEL_LANG: Lang = "vi";

/** The reminder to a unit that has not acknowledged a plan, as its channel gets it. */
export const ackReminderPayload = (m: AckReminderModel) => ackReminderMessage(m, CHANNEL_LANG);

async function unitsWithChannels(prisma: PrismaClient) {
  return prisma.unit.findMany({
    where: { active: true, mergedIntoId: null, slackChannel: { not: null } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, slackChannel: true },
  });
}

/**
 * Ahead of the units' deadline, each unit's lead gets the unit's report for
 * the window pre-filled (src/services/unit-reports.ts) by direct message,
 * with a button to review and send it: one message per lead, listing every
 * plan in force in the window that the unit has not yet reported on.
 */
async function unitReportDrafts(prisma: PrismaClient, window: Period, today: Day): Promise<PlannedDelivery[]> {
  const plans = (await prisma.plan.findMany({ orderBy: [{ issuedOn: "asc" }, { id: "asc" }] })).filter((p) =>
    windowCounts(window, fromDate(p.issuedOn), fromDate(p.endsOn), p.minCoverageDays),
  );
  const byLead = new Map<string, { unitId: number; lang: Lang; drafts: UnitReportDraft[] }>();
  for (const plan of plans) {
    for (const unit of await reportingUnits(prisma, plan.id)) {
      const leads = await prisma.member.findMany({ where: { unitId: unit.id, role: "UNIT_LEAD", active: true }, orderBy: { id: "asc" } });
      if (leads.length === 0) continue;
      const submitted = await prisma.unitReport.findFirst({ where: { planId: plan.id, unitId: unit.id, period: window.key, status: "SUBMITTED" }, select: { id: true } });
      if (submitted) continue;
      const draft = await unitReportDraft(prisma, { planId: plan.id, unitId: unit.id, windowKey: window.key, today });
      for (const lead of leads) {
        const entry = byLead.get(lead.slackUserId) ?? { unitId: unit.id, lang: lead.locale === "en" ? "en" : "vi", drafts: [] };
        // A lead answers for one unit: a member row belongs to one unit.
        if (entry.unitId === unit.id) entry.drafts.push(draft);
        byLead.set(lead.slackUserId, entry);
      }
    }
  }
  return [...byLead].map(([target, e]) => ({ target, unitId: e.unitId, payload: unitReportDraftsMessage(e.drafts, e.lang) }));
}

/** The chart's delivery target: that of the digest it goes with (a channel, or a leader's user id), marked, so that (job, period, target) stays unique. */
export const chartTarget = (target: string) => `${target}:chart`;

/**
 * The digest's chart, a file in the thread of the digest sent to `after` (sent
 * after it, see claimNext). Drawn when the run is planned, once per language,
 * so every attempt uploads the same bytes. A chart that cannot be drawn is
 * logged and left out: the digest goes out all the same.
 */
function chartDeliveries(model: DigestModel, log: Logger | undefined): (after: string, lang: Lang) => PlannedDelivery | null {
  const drawn = new Map<Lang, ReturnType<typeof digestChartFile> | null>();
  const draw = (lang: Lang) => {
    if (!drawn.has(lang)) {
      try {
        drawn.set(lang, digestChartFile(model, lang, weekLabel(model.week, lang)));
      } catch (err) {
        log?.error({ err: errorInfo(err), week: model.week, lang }, "could not draw the digest's chart; the digest goes out without it");
        drawn.set(lang, null);
      }
    }
    return drawn.get(lang)!;
  };
  return (after, lang) => {
    const file = draw(lang);
    return file
      ? {
          target: chartTarget(after),
          unitId: null,
          payload: { text: file.comment, blocks: [], file: { name: file.name, title: file.title, base64: file.png.toString("base64"), after } },
        }
      : null;
  };
}

export async function plannedMessages(
  prisma: PrismaClient,
  config: Pick<SchedulerConfig, "leadershipChannel" | "digestDm">,
  occurrence: Occurrence,
  log?: Logger,
): Promise<PlannedDelivery[]> {
  const today = localDay(occurrence.dueAt);
  switch (occurrence.job) {
    case "reminders":
      return Promise.all(
        (await unitsWithChannels(prisma)).map(async (u) => ({
          target: u.slackChannel!,
          unitId: u.id,
          payload: reminderMessage(await unitReminderModel(prisma, u, today), CHANNEL_LANG),
        })),
      );
    case "summaries":
      return Promise.all(
        (await unitsWithChannels(prisma)).map(async (u) => ({
          target: u.slackChannel!,
          unitId: u.id,
          payload: unitSummaryMessage(await unitSummaryModel(prisma, u, today), CHANNEL_LANG),
        })),
      );
    case "report-deadlines": {
      const [year, q] = occurrence.period.split("-Q").map(Number);
      const period = reportPeriod(year!, q!);
      // No plan in force for the report's window: nothing to remind of.
      const planned = await Promise.all(
        (await unitsWithChannels(prisma)).map(async (u) => {
          const model = await reportDeadlineModel(prisma, u, period, today);
          return model && { target: u.slackChannel!, unitId: u.id, payload: reportDeadlineMessage(model, CHANNEL_LANG) };
        }),
      );
      return [...planned.filter((p) => p !== null), ...(await unitReportDrafts(prisma, period.window, today))];
    }
    case "digest": {
      const model = await digestModel(prisma, { today });
      const chart = chartDeliveries(model, log);
      const planned: PlannedDelivery[] = [];
      const withChart = (target: string, lang: Lang) => {
        planned.push({ target, unitId: null, payload: digestMessage(model, lang) });
        const file = chart(target, lang);
        if (file) planned.push(file);
      };
      withChart(config.leadershipChannel, CHANNEL_LANG);
      if (config.digestDm) {
        const leaders = await prisma.member.findMany({ where: { role: "LEADERSHIP", active: true }, orderBy: { id: "asc" } });
        for (const m of leaders) withChart(m.slackUserId, m.locale === "en" ? "en" : "vi");
      }
      return planned;
    }
  }
}
