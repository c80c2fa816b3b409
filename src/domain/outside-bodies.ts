// Bodies outside the department a plan names on a task, each with the role
// the text gives it: cooperating ("phối hợp với UBND các xã, phường, thị
// trấn"), requesting ("theo đề nghị của Viện nghiên cứu phát triển tỉnh") or
// receiving the reports ("gửi về Văn phòng Sở để tổng hợp chung"). Only the
// cooperating ones count as cooperating. Stored as JSON on the task (Task.bodies).
import { z } from "zod";

export const BODY_ROLES = ["COOPERATING", "REQUESTING", "RECEIVING_REPORTS"] as const;
export type BodyRole = (typeof BODY_ROLES)[number];

export interface OutsideBody {
  name: string;
  role: BodyRole;
  /** The plan's own words on the role, when it says more ("để tổng hợp chung"). */
  note?: string | undefined;
}

const Stored = z.array(z.object({ name: z.string().min(1), role: z.enum(BODY_ROLES), note: z.string().min(1).optional() }));

/** The bodies stored on a task; a value that is not a list of bodies reads as none. */
export function readBodies(json: unknown): OutsideBody[] {
  const parsed = Stored.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** What is stored: only the fields that are set, so that an unchanged import compares equal. */
export function storedBodies(bodies: readonly OutsideBody[]): Record<string, string>[] {
  return bodies.map((b) => {
    const stored: Record<string, string> = { name: b.name, role: b.role };
    if (b.note) stored.note = b.note;
    return stored;
  });
}

export const cooperatingBodies = (bodies: readonly OutsideBody[]): string[] => bodies.filter((b) => b.role === "COOPERATING").map((b) => b.name);

/** A task's measurable target ("100% TTHC thuộc thẩm quyền … được công khai"). */
export interface TaskTarget {
  value: number;
  unit: string;
  /** What it counts. */
  of: string;
}
