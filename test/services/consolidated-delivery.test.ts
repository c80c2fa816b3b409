// Delivering an approved consolidated report's files is claimed first, so
// that simultaneous attempts (a leader's repeated decision, the Office's
// "Gửi lại tệp", a double click; on several instances) upload one copy; a
// failed attempt lets the claim go at once, one that never finished expires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { claimDelivery, DELIVERY_LEASE_MS, recordDelivery, releaseDelivery } from "../../src/services/consolidated-report.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { findPlan } from "../../src/services/plan-queries.js";
import { backends } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

describe.each(backends)("claiming a consolidated report's delivery on $name", (backend) => {
  let db: Database;
  let reportId: number;
  const at = new Date("2023-10-05T03:00:00Z");

  beforeAll(async () => {
    db = await backend.open();
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    const plan = await findPlan(db.prisma, "1565");
    const row = await db.prisma.consolidatedReport.create({
      data: {
        planId: plan.id,
        period: "2023-Q3",
        version: 1,
        status: "APPROVED",
        reportDate: new Date("2023-10-05T00:00:00Z"),
        builtBy: "U0VP00002",
        docxName: "a.docx",
        docx: "",
        xlsxName: "a.xlsx",
        xlsx: "",
        decidedBy: "U0LDS0002",
        decidedAt: at,
      },
    });
    reportId = row.id;
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("lets exactly one of many simultaneous attempts deliver", async () => {
    const won = await Promise.all(Array.from({ length: 8 }, () => claimDelivery(db.prisma, reportId, at)));
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it("lets a retry start at once after a failure, and records it", async () => {
    await releaseDelivery(db.prisma, { reportId, at, actor: "slack:U0LDS0002", reason: "Slack không phản hồi" });
    expect(await claimDelivery(db.prisma, reportId, new Date(at.getTime() + 1_000))).toBe(true);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "consolidated-report.deliver-failed", entityId: String(reportId) } });
    expect(audit.detail).toEqual({ reason: "Slack không phản hồi" });
  });

  it("takes over an attempt that never finished only after the lease", async () => {
    const started = new Date(at.getTime() + 1_000);
    expect(await claimDelivery(db.prisma, reportId, new Date(started.getTime() + DELIVERY_LEASE_MS - 1_000))).toBe(false);
    expect(await claimDelivery(db.prisma, reportId, new Date(started.getTime() + DELIVERY_LEASE_MS + 1_000))).toBe(true);
  });

  it("never delivers twice: once recorded, no attempt can claim it", async () => {
    expect(await recordDelivery(db.prisma, { reportId, fileIds: ["F1", "F2"], channel: "C1", at, actor: "slack:U0VP00002" })).toBe(true);
    expect(await claimDelivery(db.prisma, reportId, new Date(at.getTime() + 10 * DELIVERY_LEASE_MS))).toBe(false);
    expect(await recordDelivery(db.prisma, { reportId, fileIds: ["F3"], channel: "C1", at, actor: "slack:U0VP00002" })).toBe(false);
  });
});
