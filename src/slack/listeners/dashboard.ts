// The Office's "Nhắc đơn vị" from its App Home: plans today's reminder to the
// unit once (src/services/nudge.ts) and sends it through the delivery
// engine, exactly once like the weekly reminders; then App Home is
// published again, the button replaced by "đã nhắc hôm nay".
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { errorInfo } from "../../log.js";
import { fanOut } from "../../delivery/fan-out.js";
import { slackDeliveryClient } from "../../delivery/slack-delivery.js";
import { NUDGE_JOB, nudgeUnit } from "../../services/nudge.js";
import { ACTION_IDS } from "../../views/action-ids.js";
import { nudgeMessage } from "../../views/dashboard.js";
import { confirmation } from "../../views/notices.js";
import { reminderMessage } from "../../views/reminder.js";
import { listenerPace, registered, type SlackDeps } from "../context.js";
import { memberHomeView } from "../home-view.js";
import { runButton } from "../answer.js";
import { idFromButton } from "../direction-kit.js";

/** Sends what is planned and unsent for the nudge; the engine never posts a delivery twice. */
async function sendNudges(deps: SlackDeps, client: WebClient, period: string): Promise<void> {
  const delivery = slackDeliveryClient({ token: client.token!, apiUrl: client.slackApiUrl, log: deps.log });
  const result = await fanOut(
    { prisma: deps.prisma, client: delivery, log: deps.log, instance: `app:${process.pid}`, now: deps.now, messagesPerMinute: listenerPace(deps), maxDurationMs: 20_000 },
    { job: NUDGE_JOB, period },
  );
  if (result.failed > 0 || result.interrupted) deps.log.warn({ ...result }, "a unit reminder was not sent yet; the scheduler retries it");
}

export function registerDashboard(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.unitNudge, async (args) => {
    await runButton(deps, "unit_nudge", args, async (caller) => {
      const c = registered(caller);
      const result = await nudgeUnit({
        prisma: deps.prisma,
        userId: c.userId,
        unitId: idFromButton(args.action.value),
        at: deps.now(),
        render: (reminder, meta) => nudgeMessage(reminderMessage(reminder, "vi"), { sender: c.userId, ...meta }, "vi"),
      });
      await sendNudges(deps, args.client, result.period);
      await args.client.views
        .publish({ user_id: c.userId, view: await memberHomeView(deps, c.member, c.lang) })
        .catch((err: unknown) => deps.log.error({ err: errorInfo(err) }, "could not refresh App Home"));
      const unit = `${result.unit.code} (${result.unit.name})`;
      return result.kind === "planned"
        ? confirmation(c.lang, { vi: `Đã gửi lời nhắc đến kênh của đơn vị ${unit}.`, en: `The reminder has gone to ${unit}'s channel.` })
        : confirmation(c.lang, {
            vi: `Đơn vị ${unit} đã được nhắc hôm nay; mỗi đơn vị được nhắc một lần mỗi ngày.`,
            en: `${unit} was reminded today already; a unit is reminded once a day.`,
          });
    });
  });
}
