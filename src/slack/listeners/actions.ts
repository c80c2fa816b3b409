// Buttons: "Báo cáo" (open the modal), "Xem" (task detail), list pages.
// Button values come from the client and can be forged: each is parsed
// strictly and every permission is checked against the stored member.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError } from "../../errors.js";
import { taskDetail } from "../../services/task-detail.js";
import { taskDetailMessage } from "../../views/task-detail.js";
import { taskListMessage } from "../../views/task-list.js";
import { failureMessage } from "../answer.js";
import { registered, resolveCaller, today, type Caller, type Message, type SlackDeps } from "../context.js";
import { taskListModel } from "../commands/tasks.js";
import { openReportModal } from "../report-modal.js";
import { errorInfo } from "../../log.js";

const TaskId = z.coerce.number().int().positive().max(2_147_483_647);
const PageValue = z.object({ u: z.string().max(100), f: z.enum(["all", "overdue", "due_soon"]), p: z.number().int().min(0).max(10_000) });

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>("report_open", async ({ ack, body, action, client, respond }) => {
    await ack();
    await handle(deps, client, body, "report_open", respond, async (caller) => {
      const parsed = TaskId.safeParse(action.value);
      await openReportModal(deps, client, registered(caller), {
        triggerId: body.trigger_id,
        taskId: parsed.success ? parsed.data : null,
        channelId: body.channel?.id,
      });
      return null;
    });
  });

  app.action<BlockAction<ButtonAction>>("task_show", async ({ ack, body, action, client, respond }) => {
    await ack();
    await handle(deps, client, body, "task_show", respond, async (caller) => {
      const c = registered(caller);
      const id = TaskId.safeParse(action.value);
      if (!id.success) throw new AppError("TASK_NOT_FOUND", { code: String(action.value).slice(0, 20) });
      const exists = await deps.prisma.task.findFirst({ where: { id: id.data, archivedAt: null }, select: { id: true } });
      if (!exists) throw new AppError("TASK_NOT_FOUND", { code: `#${id.data}` });
      return taskDetailMessage(await taskDetail(deps.prisma, id.data, { today: today(deps), viewer: c.actor }), c.lang);
    });
  });

  app.action<BlockAction<ButtonAction>>("tasks_page", async ({ ack, body, action, client, respond }) => {
    await ack();
    await handle(deps, client, body, "tasks_page", respond, async (caller) => {
      const c = registered(caller);
      const value = PageValue.safeParse(safeJson(action.value));
      if (!value.success) throw new AppError("BAD_ARGUMENT", { vi: "Nút không hợp lệ.", en: "Invalid button.", usage: "/kehoach viec" });
      return taskListMessage(await taskListModel(deps, c, value.data.u, value.data.f, value.data.p), c.lang);
    }, true);
  });
}

/**
 * Runs an action after its ack: answers in place (response_url) in messages,
 * or by direct message where there is none (App Home).
 */
async function handle(
  deps: SlackDeps,
  client: WebClient,
  body: BlockAction,
  name: string,
  respond: (m: Message & { response_type: "ephemeral"; replace_original: boolean }) => Promise<unknown>,
  work: (caller: Caller) => Promise<Message | null>,
  replace = false,
): Promise<void> {
  const started = performance.now();
  let caller: Caller = { userId: body.user.id, member: null, lang: "vi" };
  let message: Message | null;
  let outcome = "ok";
  try {
    caller = await resolveCaller(deps, client, body.user.id);
    message = await work(caller);
  } catch (error) {
    outcome = error instanceof AppError ? "refused" : "error";
    message = failureMessage(deps, error, caller.lang, `action:${name}`, { user: body.user.id });
    replace = false;
  }
  if (message) {
    try {
      if (body.response_url) await respond({ ...message, response_type: "ephemeral", replace_original: replace });
      else await client.chat.postMessage({ channel: body.user.id, ...message });
    } catch (err) {
      deps.log.error({ err: errorInfo(err), name }, "could not answer an action");
    }
  }
  deps.metrics.commands.inc({ name, outcome });
  deps.metrics.latency.observe({ name }, (performance.now() - started) / 1000);
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}
