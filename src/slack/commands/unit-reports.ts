// `/kehoach baocaodonvi [kỳ] [SỐ KH]`: the unit's report for a window (modal).
// `/kehoach tinhhinhbaocao [kỳ] [SỐ KH]`: which units have sent (the Office).
// `/kehoach baocaotonghop [kỳ] [SỐ KH]`: build the consolidated report and send it to leadership (the Office).
// The period defaults to the window a report made today is about.
import { canConsolidateReports } from "../../domain/permissions.js";
import { AppError } from "../../errors.js";
import { currentReportWindow } from "../../report/period.js";
import { parsePeriodAndPlan, periodInvalid, planForWindow } from "../../services/consolidated-report.js";
import { commandRequestKey } from "../../services/request-key.js";
import { unitReportStatus } from "../../services/unit-reports.js";
import { unitReportStatusMessage } from "../../views/unit-report-status.js";
import { submitForApproval } from "../consolidated.js";
import { registered, today, type SlackDeps } from "../context.js";
import { openUnitReportModal } from "../unit-report-modal.js";
import type { CommandHandler } from "./types.js";

async function windowAndPlan(deps: SlackDeps, rest: string) {
  const parsed = parsePeriodAndPlan(rest, today(deps), currentReportWindow);
  if (!parsed) throw periodInvalid(rest);
  const plan = await planForWindow(deps.prisma, parsed.window, parsed.plan);
  return { window: parsed.window, plan };
}

export const unitReport: CommandHandler = async ({ deps, caller, rest, client, triggerId, channelId }) => {
  const c = registered(caller);
  const { window, plan } = await windowAndPlan(deps, rest);
  await openUnitReportModal(deps, client, c, { triggerId, planId: plan.id, windowKey: window.key, channelId });
  return null;
};

export const reportStatus: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  if (!canConsolidateReports(c.actor)) throw new AppError("OFFICE_ONLY");
  const { window, plan } = await windowAndPlan(deps, rest);
  return unitReportStatusMessage(await unitReportStatus(deps.prisma, plan.id, window.key, today(deps)), c.lang);
};

export const consolidated: CommandHandler = async ({ deps, caller, rest, client, triggerId }) => {
  const c = registered(caller);
  if (!canConsolidateReports(c.actor)) throw new AppError("OFFICE_ONLY");
  const { window, plan } = await windowAndPlan(deps, rest);
  return submitForApproval(deps, client, { userId: c.userId, actor: c.actor, lang: c.lang }, { planId: plan.id, window, requestKey: commandRequestKey(triggerId) });
};
