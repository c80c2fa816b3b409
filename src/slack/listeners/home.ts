// App Home: the caller's unit at a glance. Slack may retry the event; the
// view is simply published again.
import type { App } from "@slack/bolt";
import { errorInfo } from "../../log.js";
import { officeContacts } from "../../services/members.js";
import { unregisteredHomeView } from "../../views/home.js";
import { resolveCaller, type SlackDeps } from "../context.js";
import { memberHomeView } from "../home-view.js";
import { recordOutcome } from "../metrics.js";

export function registerHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab && event.tab !== "home") return;
    try {
      const caller = await resolveCaller(deps, client, event.user);
      // The Office, leadership and administrators get the dashboard across units (issue 13).
      const view = caller.member ? await memberHomeView(deps, caller.member, caller.lang) : unregisteredHomeView(caller.lang, await officeContacts(deps.prisma));
      await client.views.publish({ user_id: event.user, view });
    } catch (err) {
      deps.log.error({ err: errorInfo(err), user: event.user }, "could not publish App Home");
      deps.metrics.errors.inc({ where: "app_home" });
      recordOutcome(context, "error");
    }
  });
}
