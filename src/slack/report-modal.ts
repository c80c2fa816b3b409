// Opening the progress-report modal: from `/kehoach baocao [MÃ]`, from a
// "Báo cáo" button, or from App Home. The modal lists only tasks the
// caller's unit leads or cooperates on.
import type { WebClient } from "@slack/web-api";
import { AppError } from "../errors.js";
import { reportableTasks } from "../services/reportable-tasks.js";
import { reportModal } from "../views/report-modal.js";
import type { RegisteredCaller, SlackDeps } from "./context.js";

export interface ReportModalMetadata {
  /** Channel to confirm in (where the command was typed); absent from App Home. */
  c?: string;
}

export async function openReportModal(
  deps: SlackDeps,
  client: WebClient,
  caller: RegisteredCaller,
  options: { triggerId: string; taskId: number | null; channelId?: string },
): Promise<void> {
  const unit = caller.member.unit;
  if (!unit) throw new AppError("NO_UNIT");
  const tasks = await reportableTasks(deps.prisma, unit.id);
  const metadata: ReportModalMetadata = options.channelId ? { c: options.channelId } : {};
  await client.views.open({
    trigger_id: options.triggerId,
    view: reportModal(
      {
        unit: { code: unit.code, name: unit.name },
        tasks,
        // A task id from a button is only a suggestion: preselect it only if it is one of ours.
        selectedTaskId: tasks.some((t) => t.id === options.taskId) ? options.taskId : null,
        privateMetadata: JSON.stringify(metadata),
      },
      caller.lang,
    ),
  });
}
