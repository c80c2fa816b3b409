// Opening a unit's report for a window: from `/kehoach baocaodonvi [kỳ]`, the
// button in the draft a lead receives, or the Office's reminder. The unit is
// always the caller's own; a button only names the plan and the window.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { unitReportRights } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { unitReportDraft } from "../services/unit-reports.js";
import { unitReportModal } from "../views/unit-report.js";
import { today, type RegisteredCaller, type SlackDeps } from "./context.js";

/** Opaque to Slack and never trusted: which plan and window, where to answer, in which language. */
export const UnitReportMetadata = z.object({
  p: z.number().int().positive(),
  w: z.string().regex(/^\d{4}(-[QH][1-4])?$/),
  c: z
    .string()
    .regex(/^[CDG][A-Z0-9]{2,30}$/)
    .optional(),
  l: z.enum(["vi", "en"]).optional(),
});
export type UnitReportMetadata = z.infer<typeof UnitReportMetadata>;

export const UnitReportRef = z.object({ p: z.number().int().positive(), w: z.string().regex(/^\d{4}(-[QH][1-4])?$/) });

export async function openUnitReportModal(
  deps: SlackDeps,
  client: WebClient,
  caller: RegisteredCaller,
  options: { triggerId: string; planId: number; windowKey: string; channelId?: string },
): Promise<void> {
  const unit = caller.member.unit;
  if (!unit) throw new AppError("NO_UNIT");
  const draft = await unitReportDraft(deps.prisma, { planId: options.planId, unitId: unit.id, windowKey: options.windowKey, today: today(deps) });
  const metadata: UnitReportMetadata = {
    p: options.planId,
    w: draft.window.key,
    l: caller.lang,
    ...(options.channelId && /^[CDG]/.test(options.channelId) ? { c: options.channelId } : {}),
  };
  await client.views.open({
    trigger_id: options.triggerId,
    view: unitReportModal(draft, { canSubmit: unitReportRights(caller.actor, unit.id).submit, privateMetadata: JSON.stringify(metadata) }, caller.lang),
  });
}
