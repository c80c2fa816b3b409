// A unit's tasks, one page at a time (the `/kehoach viec` use case and its
// page buttons): the unit named, or the viewer's own; units merged into it
// count as it.
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import { seesAcrossUnits, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { TASK_LIST_PAGE_SIZE, type TaskFilter, type TaskListModel } from "../models/index.js";
import { cachedTaskSummaries } from "./plan-status-cache.js";
import { MAX_MERGE_HOPS, UnitResolver } from "./unit-resolver.js";

export interface TaskListViewer {
  actor: Actor;
  /** The viewer's own unit, used when no unit is named. */
  unit: { id: number; code: string; name: string } | null;
}

export async function taskList(
  prisma: PrismaClient,
  options: { viewer: TaskListViewer; unit: string | null; filter: TaskFilter; page: number; today: Day },
): Promise<TaskListModel> {
  const { viewer, filter, page, today } = options;
  const unit = options.unit === ALL_UNITS.code ? allUnits(viewer) : await unitFor(prisma, viewer, options.unit);
  const { tasks, total } = await cachedTaskSummaries(prisma, {
    ...(unit.ids ? { unitIds: unit.ids } : {}),
    filter,
    today,
    limit: TASK_LIST_PAGE_SIZE,
    offset: page * TASK_LIST_PAGE_SIZE,
  });
  const pageCount = Math.max(1, Math.ceil(total / TASK_LIST_PAGE_SIZE));
  return {
    unit: { code: unit.code, name: unit.name },
    filter,
    today,
    tasks,
    page: Math.min(page, pageCount - 1),
    pageCount,
    totalCount: total,
    // Buttons only on the viewer's own unit's list; the modal checks each task again.
    canReport: viewer.actor.active && viewer.actor.unitId !== null && (unit.ids?.includes(viewer.actor.unitId) ?? false),
  };
}

/** A list across every unit (`/kehoach viec tatca`, issue 13); its page buttons carry this code as the unit. */
export const ALL_UNITS = { code: "Toàn Sở", name: "Tất cả các đơn vị" } as const;

/** Every unit: the Office, leadership and administrators only. */
function allUnits(viewer: TaskListViewer): { code: string; name: string; ids: number[] | null } {
  if (!seesAcrossUnits(viewer.actor)) {
    throw new AppError("FORBIDDEN_ALL_TASKS");
  }
  return { ...ALL_UNITS, ids: null };
}

/** The unit named, or the viewer's; its ids include units merged into it. */
async function unitFor(prisma: PrismaClient, viewer: TaskListViewer, text: string | null) {
  if (text) {
    const r = (await UnitResolver.load(prisma)).resolve(text);
    if (r?.kind !== "unit") throw new AppError("UNIT_NOT_FOUND", { unit: text });
    return withMerged(prisma, r.unit.id, r.unit);
  }
  if (!viewer.unit) throw new AppError("NO_UNIT");
  return withMerged(prisma, viewer.unit.id, viewer.unit);
}

/**
 * The unit that `id` is now (itself, or the unit it was merged into, following
 * merges as successorsOf does) and the ids of the units merged into that one:
 * one statement, since `/kehoach viec` runs it on every command (issue 9: a
 * command's server CPU is mostly the queries it sends).
 */
async function withMerged(prisma: PrismaClient, id: number, fallback: { id: number; code: string; name: string }) {
  const [row] = await prisma.$queryRaw<{ id: number; code: string; name: string; merged: number[] }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, code, name, "mergedIntoId", 0 AS hops FROM "Unit" WHERE id = ${id}
      UNION ALL
      SELECT u.id, u.code, u.name, u."mergedIntoId", c.hops + 1
      FROM "Unit" u JOIN chain c ON u.id = c."mergedIntoId" WHERE c.hops < ${MAX_MERGE_HOPS}
    ), head AS (SELECT id, code, name FROM chain WHERE "mergedIntoId" IS NULL LIMIT 1)
    SELECT h.id, h.code, h.name,
           coalesce(array_agg(m.id ORDER BY m.id) FILTER (WHERE m.id IS NOT NULL), '{}')::int[] AS merged
    FROM head h LEFT JOIN "Unit" m ON m."mergedIntoId" = h.id
    GROUP BY h.id, h.code, h.name`;
  const unit = row ? { id: row.id, code: row.code, name: row.name } : fallback;
  return { ...unit, ids: [unit.id, ...(row?.merged ?? [])] };
}
