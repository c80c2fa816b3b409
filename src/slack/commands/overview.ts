import { currentPlan } from "../../services/find-task.js";
import { findPlan } from "../../services/plan-queries.js";
import { planStatus } from "../../services/plan-status-cache.js";
import { overviewMessage } from "../../views/overview.js";
import { registered, today } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach tongquan [SỐ KH]`: a plan's numbers. */
export const overview: CommandHandler = async ({ deps, caller, rest }) => {
  registered(caller);
  const plan = rest.trim() ? await findPlan(deps.prisma, rest.trim()) : await currentPlan(deps.prisma);
  const day = today(deps);
  const { summary: s, objectives } = await planStatus(deps.prisma, plan, day);
  return overviewMessage(
    {
      plan: { number: plan.number, title: plan.title, year: plan.year },
      today: day,
      total: s.total,
      counts: s.counts,
      rates: s.rates,
      byIndex: s.byIndex,
      byUnit: s.byUnit,
      objectives,
    },
    caller.lang,
  );
};
