import { describe, expect, it } from "vitest";
import {
  acknowledgingUnit,
  canApproveReport,
  canConsolidateReports,
  canImportPlan,
  canManageOrganisation,
  canRaiseObstacle,
  canRead,
  reportingRole,
  unitReportRights,
  type Actor,
} from "../../src/domain/permissions.js";

const GDNN = 3;
const VP = 1;
const assignments = [
  { unitId: GDNN, role: "LEAD" as const },
  { unitId: VP, role: "COOPERATING" as const },
];
const actor = (over: Partial<Actor>): Actor => ({ role: "STAFF", unitId: GDNN, active: true, ...over });

describe("reporting and obstacles", () => {
  it("staff report for their own unit, with its role on the task", () => {
    expect(reportingRole(actor({}), assignments)).toBe("LEAD");
    expect(reportingRole(actor({ unitId: VP }), assignments)).toBe("COOPERATING");
  });
  it("no one reports on a task their unit is not assigned", () => {
    for (const role of ["STAFF", "UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"] as const) {
      expect(reportingRole(actor({ role, unitId: 99 }), assignments)).toBeNull();
      expect(canRaiseObstacle(actor({ role, unitId: 99 }), assignments)).toBe(false);
    }
  });
  it("a member without a unit, or deactivated, reports on nothing", () => {
    expect(reportingRole(actor({ role: "LEADERSHIP", unitId: null }), assignments)).toBeNull();
    expect(reportingRole(actor({ active: false }), assignments)).toBeNull();
    expect(canRaiseObstacle(actor({ active: false }), assignments)).toBe(false);
  });
  it("obstacles follow the reporting rule", () => {
    expect(canRaiseObstacle(actor({}), assignments)).toBe(true);
  });
});

describe("managing the organisation and reading", () => {
  it("only the Office and admins manage members and channels", () => {
    expect(canManageOrganisation(actor({ role: "OFFICE" }))).toBe(true);
    expect(canManageOrganisation(actor({ role: "ADMIN", unitId: null }))).toBe(true);
    for (const role of ["STAFF", "UNIT_LEAD", "LEADERSHIP"] as const) expect(canManageOrganisation(actor({ role }))).toBe(false);
    expect(canManageOrganisation(actor({ role: "ADMIN", active: false }))).toBe(false);
  });
  it("every active member reads; leadership reads everything", () => {
    expect(canRead(actor({ role: "LEADERSHIP", unitId: null }))).toBe(true);
    expect(canRead(actor({ active: false }))).toBe(false);
  });
});

describe("unit reports for a window and the consolidated report", () => {
  it("staff of the unit prepare it; only the unit's lead (or an administrator of the unit) sends it", () => {
    expect(unitReportRights(actor({}), GDNN)).toEqual({ prepare: true, submit: false });
    expect(unitReportRights(actor({ role: "UNIT_LEAD" }), GDNN)).toEqual({ prepare: true, submit: true });
    expect(unitReportRights(actor({ role: "ADMIN" }), GDNN)).toEqual({ prepare: true, submit: true });
  });
  it("no one prepares or sends another unit's report, whatever their role, nor a deactivated member", () => {
    for (const role of ["STAFF", "UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"] as const) {
      expect(unitReportRights(actor({ role, unitId: VP }), GDNN)).toEqual({ prepare: false, submit: false });
      expect(unitReportRights(actor({ role, unitId: null }), GDNN)).toEqual({ prepare: false, submit: false });
    }
    expect(unitReportRights(actor({ role: "UNIT_LEAD", active: false }), GDNN)).toEqual({ prepare: false, submit: false });
  });
  it("the Office consolidates; leadership approves; neither right passes to other roles", () => {
    const roles = ["STAFF", "UNIT_LEAD", "OFFICE", "LEADERSHIP", "ADMIN"] as const;
    expect(roles.filter((role) => canConsolidateReports(actor({ role })))).toEqual(["OFFICE", "ADMIN"]);
    expect(roles.filter((role) => canApproveReport(actor({ role })))).toEqual(["LEADERSHIP", "ADMIN"]);
    expect(canConsolidateReports(actor({ role: "OFFICE", active: false }))).toBe(false);
    expect(canApproveReport(actor({ role: "LEADERSHIP", active: false }))).toBe(false);
  });
});

describe("importing, publishing and acknowledging a plan", () => {
  it("only the Office and administrators import and publish a plan", () => {
    expect(canImportPlan(actor({ role: "OFFICE" }))).toBe(true);
    expect(canImportPlan(actor({ role: "ADMIN", unitId: null }))).toBe(true);
    for (const role of ["STAFF", "UNIT_LEAD", "LEADERSHIP"] as const) expect(canImportPlan(actor({ role }))).toBe(false);
    expect(canImportPlan(actor({ role: "OFFICE", active: false }))).toBe(false);
  });
  it("a member acknowledges for their own unit, only when the plan assigns it", () => {
    expect(acknowledgingUnit(actor({}), [GDNN, VP])).toBe(GDNN);
    expect(acknowledgingUnit(actor({ role: "UNIT_LEAD", unitId: VP }), [GDNN, VP])).toBe(VP);
    expect(acknowledgingUnit(actor({ unitId: 99 }), [GDNN, VP])).toBeNull();
    expect(acknowledgingUnit(actor({ unitId: null, role: "LEADERSHIP" }), [GDNN])).toBeNull();
    expect(acknowledgingUnit(actor({ active: false }), [GDNN])).toBeNull();
  });
});
