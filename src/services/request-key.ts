// Idempotency: every write Slack can retry, or a user can send twice, carries
// a request key built from what Slack gives, stored in a unique column
// (ProgressReport.requestKey, Obstacle.requestKey). A replay finds the row of
// the first; two copies racing each other meet the unique constraint, and
// the loser answers as the winner did.

/** A view can be submitted once: its id names the submission (an error answer keeps the view open, and saves nothing). */
export const viewRequestKey = (viewId: string) => `view:${viewId}`;

/** A slash command's trigger_id is issued once per invocation; a replay carries the same one. */
export const commandRequestKey = (triggerId: string) => `command:${triggerId}`;

/**
 * A unique constraint refused the write: Prisma's P2002, or, inside an
 * interactive transaction on PGlite, the driver adapter's error carrying
 * PostgreSQL's SQLSTATE 23505 (pglite-prisma-adapter does not map it).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; cause?: { code?: unknown; kind?: unknown } };
  return e.code === "P2002" || e.cause?.code === "23505" || e.cause?.kind === "UniqueConstraintViolation";
}

/** A button click's trigger_id is issued once per click; Slack's re-delivery of the same click carries the same one. */
export const actionRequestKey = (triggerId: string) => `action:${triggerId}`;
