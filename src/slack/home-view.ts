// App Home for a registered member, shared by the App Home listener and the
// dashboard's buttons that publish it again (a listener never imports another).
import type { HomeView } from "@slack/types";
import { seesAcrossUnits } from "../domain/permissions.js";
import type { Lang } from "../errors.js";
import { dashboardModel } from "../services/dashboard.js";
import { homeModel } from "../services/home.js";
import type { MemberWithUnit } from "../services/members.js";
import { actorOf } from "../services/obstacle-life.js";
import { dashboardView } from "../views/dashboard.js";
import { homeView } from "../views/home.js";
import { today, type SlackDeps } from "./context.js";

/** App Home: the dashboard across units for the Office, leadership and administrators; the unit's page for everyone else. */
export async function memberHomeView(deps: SlackDeps, member: MemberWithUnit, lang: Lang): Promise<HomeView> {
  if (seesAcrossUnits(actorOf(member))) return dashboardView(await dashboardModel(deps.prisma, member, today(deps)), lang);
  return homeView(await homeModel(deps.prisma, member, today(deps)), lang);
}
