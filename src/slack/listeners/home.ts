// App Home: the caller's unit at a glance. Slack may retry the event; the
// view is simply published again.
import type { App } from "@slack/bolt";
import { errorInfo } from "../../log.js";
import { homeModel } from "../../services/home.js";
import { officeContacts } from "../../services/members.js";
import { homeView, unregisteredHomeView } from "../../views/home.js";
import { resolveCaller, today, type SlackDeps } from "../context.js";
import { recordOutcome } from "../metrics.js";

export function registerHome(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab && event.tab !== "home") return;
    try {
      const caller = await resolveCaller(deps, client, event.user);
      const view = caller.member
        ? homeView(await homeModel(deps.prisma, caller.member, today(deps)), caller.lang)
        : unregisteredHomeView(caller.lang, await officeContacts(deps.prisma));
      await client.views.publish({ user_id: event.user, view });
    } catch (err) {
      deps.log.error({ err: errorInfo(err), user: event.user }, "could not publish App Home");
      deps.metrics.errors.inc({ where: "app_home" });
      recordOutcome(context, "error");
    }
  });
}
