// The action_ids of the buttons views put in messages and App Home: the
// contract between a view and the listener registered for it.
export const ACTION_IDS = {
  /** Opens the report modal; value = String(task.id), or "" to choose the task in the modal. */
  reportOpen: "report_open",
  /** Shows a task in detail; value = String(task.id). */
  taskShow: "task_show",
  /**
   * Page buttons of a task list; value = JSON TasksPageValue (task-list.ts),
   * the 0-based page to show. Slack refuses two elements with the same
   * action_id in one block, so "◀" and "▶" sit in blocks of their own.
   */
  tasksPage: "tasks_page",
  /** A unit acknowledges a published plan ("quán triệt"); value = String(plan.id). */
  planAck: "plan_ack",
  /** Opens the review modal of a plan read from its document; value = String(import id). */
  planImportReview: "plan_import_review",
  /** Publishes (Ban hành) a plan read from its document; value = String(import id). */
  planImportPublish: "plan_import_publish",
} as const;
