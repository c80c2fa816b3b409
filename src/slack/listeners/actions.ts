// Buttons: "Báo cáo" (open the modal), "Xem" (task detail), list pages.
// Button values come from the client and can be forged: each is parsed
// strictly and every permission is checked against the stored member.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { AppError } from "../../errors.js";
import { IdValue } from "../../services/input.js";
import { taskDetail } from "../../services/task-detail.js";
import { taskList } from "../../services/task-list.js";
import { ACTION_IDS } from "../../views/action-ids.js";
import { taskDetailMessage } from "../../views/task-detail.js";
import { parseTasksPageValue, taskListMessage } from "../../views/task-list.js";
import { answerAction } from "../answer.js";
import { registered, today, type SlackDeps } from "../context.js";
import { openReportModal } from "../report-modal.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.reportOpen,
    answerAction(deps, async ({ caller, action, body, client }) => {
      const taskId = IdValue.safeParse(action.value);
      const options = { triggerId: body.trigger_id, taskId: taskId.success ? taskId.data : null, channelId: body.channel?.id };
      await openReportModal(deps, client, registered(caller), options);
      return null;
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.taskShow,
    answerAction(deps, async ({ caller, action }) => {
      const c = registered(caller);
      const taskId = IdValue.safeParse(action.value);
      if (!taskId.success) throw new AppError("TASK_NOT_FOUND", { code: String(action.value).slice(0, 20) });
      return taskDetailMessage(await taskDetail(deps.prisma, taskId.data, { today: today(deps), viewer: c.actor }), c.lang);
    }),
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.tasksPage,
    answerAction(
      deps,
      async ({ caller, action }) => {
        const c = registered(caller);
        const value = parseTasksPageValue(action.value);
        if (!value) throw new AppError("BUTTON_INVALID");
        return taskListMessage(await taskList(deps.prisma, { viewer: c, unit: value.u, filter: value.f, page: value.p, today: today(deps) }), c.lang);
      },
      { replace: true },
    ),
  );
}
