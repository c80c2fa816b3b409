// A unit's tasks, one page at a time (the `/kehoach viec` use case and its
// page buttons): the unit named, or the viewer's own; units merged into it
// count as it.
import type { PrismaClient } from "../db/database.js";
import type { Day } from "../domain/day.js";
import { seesAcrossUnits, type Actor } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { TASK_LIST_PAGE_SIZE, type TaskFilter, type TaskListModel } from "../models/index.js";
import { cachedTaskSummaries } from "./plan-status-cache.js";
import { successorsOf, UnitResolver } from "./unit-resolver.js";

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
  let unit: { id: number; code: string; name: string };
  if (text) {
    const r = (await UnitResolver.load(prisma)).resolve(text);
    if (r?.kind !== "unit") throw new AppError("UNIT_NOT_FOUND", { unit: text });
    unit = r.unit;
  } else {
    if (!viewer.unit) throw new AppError("NO_UNIT");
    unit = (await successorsOf(prisma, [viewer.unit.id])).get(viewer.unit.id) ?? viewer.unit;
  }
  const merged = await prisma.unit.findMany({ where: { mergedIntoId: unit.id }, select: { id: true } });
  return { ...unit, ids: [unit.id, ...merged.map((m) => m.id)] };
}
