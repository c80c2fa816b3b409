// What parsing a plan document gives: the plan's header and parts, its tasks
// as a tree with who leads, who cooperates and by when, exactly as written,
// and the points a person should check. Pure data, no database: the CLI
// writes it as a plan file or imports it, and a preview (Slack, later) can
// show it as it is.
import type { SourcePos } from "../read/types.js";

/** How the lead of a task was found; the last two are guesses worth checking. */
export type AssignedVia = "table" | "label" | "prose" | "heading" | "subject";

export interface DocTask {
  /** Stable code from the document's numbering ("II.2.a.1", "PL1.A.3"). */
  code: string;
  title: string;
  text: string;
  /** Bodies as written, one per body (own, not inherited). */
  lead: string[];
  cooperating: string[];
  /**
   * Bodies named inside an item that inherits its heading's assignment, for one part of the work ("…; phối hợp với
   * Bộ Công an rà soát …"): added to the cooperating bodies it inherits.
   */
  alsoCooperating?: string[];
  /** Deadline as written (own, not inherited). */
  due?: string;
  via?: AssignedVia;
  /** Its lead, cooperating bodies and deadline are a label block written after its last item (LABELS_SHARED). */
  sharedLabels?: true;
  /** Its text, or the paragraph under its heading, opens by handing this plan down to its lead ("Căn cứ Kế hoạch này, …"). */
  handedDown?: true;
  /** Its number skips one before it ("3.3" after "3." with no "3.1", "3.2"): NUMBER_SKIPPED when it inherits its lead. */
  numberSkipped?: true;
  source: SourcePos;
  children: DocTask[];
}

export type FlagCode =
  | "NO_LEAD" // a task with no lead unit anywhere above it
  | "LEAD_GUESSED" // lead read from the subject of a sentence, not from "chủ trì"
  | "DUE_UNKNOWN" // a deadline form not understood (kept verbatim)
  | "NO_DUE" // no deadline anywhere above the task; the plan's default is used
  | "NEW_BODY" // a body that matches no known unit: a proposed unit
  | "LEAD_ALSO_COOPERATING" // a body named both to lead and to cooperate: kept as lead only
  | "STATED_TWICE" // the same task, with the same lead, stated twice in the document (its body and an appendix)
  | "LABELS_SHARED" // one block of labelled lines after the last of a heading's items, read as the heading's (all its items')
  | "NUMBER_SKIPPED" // an item whose number skips one ("3.3" with no "3.1") takes its lead from the heading above
  | "HEADER" // a header field not found (number, date, issuer, signer)
  | "SECTION_SKIPPED"; // a section not read as tasks

export interface Flag {
  code: FlagCode;
  taskCode?: string;
  field?: "lead" | "cooperating" | "due" | "number" | "issuedOn" | "issuer" | "title" | "signer" | "place";
  /** What the document says at that point. */
  text: string;
  pos?: SourcePos;
}

export interface Objective {
  text: string;
  target?: { value: number; unit: string };
}

export interface ReportingDuty {
  text: string;
  due?: string;
  pos: SourcePos;
}

export interface ParsedPlan {
  number?: string;
  /** Set when the plan is attached to a decision and has no number of its own. */
  decision?: string;
  issuer?: string;
  place?: string;
  /** yyyy-mm-dd */
  issuedOn?: string;
  title?: string;
  legalBases: string[];
  purposes: string[];
  objectives: { general: Objective[]; specific: Objective[] };
  reporting: ReportingDuty[];
  recipients: string[];
  signer?: { name: string; title: string };
  tasks: DocTask[];
  flags: Flag[];
}
