// What a stored task says beyond its units: the outside bodies with their
// role, how the plan words the lead, and its measurable target. One reader
// for every surface (plan show, /kehoach xem, the report's appendix).
import { readBodies, type OutsideBody, type TaskTarget } from "../domain/outside-bodies.js";

interface StoredTask {
  bodies: unknown;
  leadNote: string | null;
  targetValue: { toNumber(): number } | null;
  targetUnit: string | null;
  targetText: string | null;
}

export interface TaskRoles {
  bodies: OutsideBody[];
  leadNote: string | null;
  target: TaskTarget | null;
}

export function taskRoles(t: StoredTask): TaskRoles {
  return {
    bodies: readBodies(t.bodies),
    leadNote: t.leadNote,
    target: t.targetValue !== null && t.targetUnit !== null && t.targetText !== null ? { value: t.targetValue.toNumber(), unit: t.targetUnit, of: t.targetText } : null,
  };
}
