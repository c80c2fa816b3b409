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
  // ---- The direction loop (issue 13); each value is an id, parsed strictly and checked against the stored member ----
  /** Opens the form "Ý kiến chỉ đạo"; value = String(obstacle.id). Leadership only. */
  obstacleDirect: "obstacle_direct",
  /** Opens the form that closes an obstacle; value = String(obstacle.id). */
  obstacleClose: "obstacle_close",
  /** Confirms a staff member's completion; value = String(report.id). The unit lead only. */
  reportConfirm: "report_confirm",
  /** Opens the correction form; value = String(report.id). The unit lead only. */
  reportCorrect: "report_correct",
  /** Approves a deadline extension; value = String(extension.id). Leadership only. */
  extensionApprove: "extension_approve",
  /** Declines a deadline extension; value = String(extension.id). Leadership only. */
  extensionDecline: "extension_decline",
  /** Opens the extension request form; value = String(task.id). The lead unit's lead only. */
  extensionOpen: "extension_open",
  /** The Office reminds a unit once; value = String(unit.id). */
  unitNudge: "unit_nudge",
} as const;
