// The rules of the direction loop (issue 13): who answers, closes, confirms,
// corrects, asks for and decides a new deadline, and reminds a unit.
import { describe, expect, it } from "vitest";
import {
  canCloseObstacle,
  canConfirmReport,
  canCorrectReport,
  canDecideExtension,
  canDirectObstacle,
  canNudgeUnit,
  canRequestExtension,
  completionNeedsConfirmation,
  dropNeedsReason,
  PERCENT_DROP_NEEDS_REASON,
  seesAcrossUnits,
  type Actor,
  type MemberRole,
} from "../../src/domain/permissions.js";

const GDNN = 3;
const VP = 1;
const ROLES: MemberRole[] = ["STAFF", "UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"];
const actor = (over: Partial<Actor>): Actor => ({ role: "STAFF", unitId: GDNN, active: true, ...over });
const allowed = (rule: (a: Actor) => boolean, over: Partial<Actor> = {}) => ROLES.filter((role) => rule(actor({ role, ...over })));

describe("obstacles", () => {
  it("only leadership gives direction, and not once deactivated", () => {
    expect(allowed(canDirectObstacle)).toEqual(["LEADERSHIP"]);
    expect(canDirectObstacle(actor({ role: "LEADERSHIP", active: false }))).toBe(false);
  });
  it("the Office, an administrator or the unit itself marks it resolved", () => {
    const rule = (a: Actor) => canCloseObstacle(a, { unitId: GDNN }, "RESOLVED");
    expect(allowed(rule)).toEqual(ROLES); // every member of the unit, whatever the role
    expect(allowed(rule, { unitId: 99 })).toEqual(["OFFICE", "ADMIN"]);
    expect(rule(actor({ role: "OFFICE", active: false }))).toBe(false);
  });
  it("only the unit that raised it withdraws it", () => {
    expect(allowed((a) => canCloseObstacle(a, { unitId: GDNN }, "WITHDRAWN"), { unitId: 99 })).toEqual([]);
    expect(canCloseObstacle(actor({ role: "STAFF" }), { unitId: GDNN }, "WITHDRAWN")).toBe(true);
    expect(canCloseObstacle(actor({ role: "OFFICE", unitId: VP }), { unitId: GDNN }, "WITHDRAWN")).toBe(false);
  });
});

describe("confirming and correcting completions", () => {
  it("a staff member's completion of a task the unit leads waits; nothing else does", () => {
    expect(completionNeedsConfirmation(actor({}), "LEAD", true)).toBe(true);
    expect(completionNeedsConfirmation(actor({}), "LEAD", false)).toBe(false);
    expect(completionNeedsConfirmation(actor({}), "COOPERATING", true)).toBe(false);
    for (const role of ["UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"] as const) expect(completionNeedsConfirmation(actor({ role }), "LEAD", true)).toBe(false);
  });
  it("the unit's own lead confirms and corrects, not another unit's lead, the Office or leadership", () => {
    expect(allowed((a) => canConfirmReport(a, { unitId: GDNN }))).toEqual(["UNIT_LEAD", "ADMIN"]);
    expect(canConfirmReport(actor({ role: "UNIT_LEAD", unitId: VP }), { unitId: GDNN })).toBe(false);
    expect(canConfirmReport(actor({ role: "UNIT_LEAD", active: false }), { unitId: GDNN })).toBe(false);
    expect(allowed((a) => canCorrectReport(a, { unitId: GDNN }))).toEqual(["UNIT_LEAD", "ADMIN"]);
  });
  it("a drop of more than the set amount needs a reason", () => {
    expect(dropNeedsReason(80, 80 - PERCENT_DROP_NEEDS_REASON)).toBe(false);
    expect(dropNeedsReason(80, 80 - PERCENT_DROP_NEEDS_REASON - 1)).toBe(true);
    expect(dropNeedsReason(20, 100)).toBe(false);
  });
});

describe("deadline extensions", () => {
  const assignments = [
    { unitId: GDNN, role: "LEAD" as const },
    { unitId: VP, role: "COOPERATING" as const },
  ];
  it("only the lead unit's lead asks", () => {
    expect(allowed((a) => canRequestExtension(a, assignments))).toEqual(["UNIT_LEAD"]);
    expect(canRequestExtension(actor({ role: "UNIT_LEAD", unitId: VP }), assignments)).toBe(false);
    expect(canRequestExtension(actor({ role: "UNIT_LEAD", unitId: null }), assignments)).toBe(false);
  });
  it("only leadership decides: nobody else moves a deadline", () => {
    expect(allowed(canDecideExtension)).toEqual(["LEADERSHIP"]);
    expect(canDecideExtension(actor({ role: "LEADERSHIP", active: false }))).toBe(false);
  });
});

describe("the dashboard and reminders", () => {
  it("the Office, leadership and administrators see across units", () => {
    expect(allowed(seesAcrossUnits)).toEqual(["OFFICE", "LEADERSHIP", "ADMIN"]);
    expect(seesAcrossUnits(actor({ role: "OFFICE", active: false }))).toBe(false);
  });
  it("the Office and administrators remind a unit", () => {
    expect(allowed(canNudgeUnit)).toEqual(["OFFICE", "ADMIN"]);
  });
});
