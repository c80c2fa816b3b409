// Opening the progress-report modal: from `/kehoach baocao [MÃ]`, from a
// "Báo cáo" button, or from App Home. The modal lists only tasks the
// caller's unit may report on (reportableTasks).
import type { ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import { parseJsonAs } from "../domain/json.js";
import { AppError, type Lang } from "../errors.js";
import { reportableTasks } from "../services/reportable-tasks.js";
import type { ReportForm } from "../services/submit-report.js";
import { REPORT_MODAL, reportModal } from "../views/report-modal.js";
import type { RegisteredCaller, SlackDeps } from "./context.js";

/** Opaque to Slack, and never trusted: it only says where to answer and in which language. */
const Metadata = z.object({
  c: z
    .string()
    .regex(/^[CDG][A-Z0-9]{2,30}$/)
    .optional(),
  l: z.enum(["vi", "en"]).optional(),
});
export type ReportModalMetadata = z.infer<typeof Metadata>;

export function parseReportMetadata(text: string): ReportModalMetadata {
  return parseJsonAs(Metadata, text) ?? {};
}

/** The submitted form as the person filled it in, unchecked (the service checks it). */
export function readReportForm(values: ViewSubmitAction["view"]["state"]["values"]): ReportForm {
  const field = (id: string) => values[id]?.[id];
  return {
    task: field(REPORT_MODAL.task)?.selected_option?.value,
    percent: field(REPORT_MODAL.percent)?.value,
    done: (field(REPORT_MODAL.done)?.selected_options ?? []).length > 0,
    note: field(REPORT_MODAL.note)?.value,
    evidence: field(REPORT_MODAL.evidence)?.value,
  };
}

/** What a modal this process opened offered, by view id. */
export interface OfferedForm {
  userId: string;
  taskIds: ReadonlySet<number>;
  lang: Lang;
}

// Per app (keyed by its deps), so that tests running several apps in one
// process never share entries. Only ever used to refuse early, before the
// acknowledgement: whatever it says, the submission is checked again against
// the database before anything is saved, so a stale or missing entry (a
// restart, another instance) costs nothing but the early answer.
const offered = new WeakMap<SlackDeps, LRUCache<string, OfferedForm>>();

export function offeredForms(deps: SlackDeps): LRUCache<string, OfferedForm> {
  let cache = offered.get(deps);
  if (!cache) offered.set(deps, (cache = new LRUCache<string, OfferedForm>({ max: 10_000, ttl: 24 * 60 * 60 * 1000 })));
  return cache;
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
  const metadata: ReportModalMetadata = { ...(options.channelId ? { c: options.channelId } : {}), l: caller.lang };
  const opened = await client.views.open({
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
  const viewId = opened.view?.id;
  if (viewId) offeredForms(deps).set(viewId, { userId: caller.userId, taskIds: new Set(tasks.map((t) => t.id)), lang: caller.lang });
}
