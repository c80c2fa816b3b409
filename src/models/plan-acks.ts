// What the plan's publication and acknowledgement ("quán triệt") show: built
// by src/services/plan-acks.ts, rendered by src/views/plan-acks.ts.
import type { Day } from "../domain/day.js";

export interface PlanRef {
  id: number;
  number: string;
  title: string;
  issuedOn: Day;
}

export interface UnitTaskLine {
  code: string;
  title: string;
  dueLabel: string;
}

/** Posted to a unit's channel when the plan is published. */
export interface PlanForUnitModel {
  plan: PlanRef;
  unit: { code: string; name: string };
  lead: UnitTaskLine[];
  cooperating: UnitTaskLine[];
}

/** The one reminder to a unit that has not acknowledged after the set working days. */
export interface AckReminderModel {
  plan: PlanRef;
  unit: { name: string };
  sentOn: Day;
  days: number;
}

export interface PlanAcksModel {
  plan: PlanRef;
  acknowledged: { code: string; name: string; at: Day; by: string | null }[];
  pending: { code: string; name: string; sentOn: Day; reminded: boolean; hasChannel: boolean }[];
}
