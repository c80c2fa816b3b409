// What the Slack plan import shows: built by src/import-doc/plan-import.ts,
// rendered by src/views/plan-import.ts.
import type { Day } from "../domain/day.js";

/** Tasks per review modal: four blocks each keeps a modal under Slack's 100 blocks. */
export const REVIEW_PAGE = 20;

/** A unit the review may pick: one of the organisation's, or a body the document proposes. */
export interface UnitChoice {
  code: string;
  name: string;
  proposed: boolean;
}

export interface PlanPreviewModel {
  importId: number;
  fileName: string;
  plan: { number: string; title: string; issuer: string; issuedOn: Day | null };
  counts: { tasks: number; leaves: number; headings: number; matchedBodies: number; newBodies: number; flagged: number };
  newBodies: { code: string; name: string }[];
  points: { taskCode: string | null; flag: string; text: string }[];
  review: { total: number; corrected: number };
  published: { at: Day; number: string } | null;
}

export interface ReviewTaskModel {
  code: string;
  text: string;
  flags: string[];
  lead: string | null;
  cooperating: string[];
  due: string | null;
  /** The deadline as the document writes it, when it was not understood (flagged DUE_UNKNOWN): shown to the clerk. */
  dueAsWritten: string | null;
  corrected: boolean;
}

export interface ReviewModalModel {
  importId: number;
  planNumber: string;
  tasks: ReviewTaskModel[];
  /** Flagged tasks not shown (beyond one page). */
  more: number;
  choices: UnitChoice[];
}
