// Members: who a Slack user is in dondoc, and managing members and unit
// channels from Slack or the CLI (the Office and admins only; the caller
// checks canManageOrganisation first). Every change is audited.
import type { PrismaClient } from "../db/database.js";
import { Prisma, type Member, type Unit } from "../generated/prisma/client.js";
import type { MemberRole } from "../domain/permissions.js";
import { AppError } from "../errors.js";
import { UnitResolver } from "./unit-resolver.js";

export type MemberWithUnit = Member & { unit: Unit | null };

/**
 * Who a Slack user is, with their unit: every command and form asks, so it is
 * one raw statement. Prisma 6's query compiler (WebAssembly) compiles every
 * model query anew, and `findUnique` with `include` ran two statements; the
 * two cost 2–3 ms of CPU per command against under 1 ms for this one
 * (BENCHMARKS.md, "What a command costs"). test/services/hot-reads.test.ts
 * checks it returns exactly what `findUnique({ include: { unit: true } })` does.
 */
export async function memberBySlackId(prisma: PrismaClient, slackUserId: string): Promise<MemberWithUnit | null> {
  const rows = await prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT m.*, ${Prisma.raw(UNIT_COLUMNS.map((c) => `u."${c}" AS "unit.${c}"`).join(", "))}
    FROM "Member" m LEFT JOIN "Unit" u ON u.id = m."unitId"
    WHERE m."slackUserId" = ${slackUserId}`;
  const row = rows[0];
  if (!row) return null;
  const member: Record<string, unknown> = {};
  const unit: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("unit.")) unit[key.slice(5)] = value;
    else member[key] = value;
  }
  return { ...(member as Member), unit: unit.id === null ? null : (unit as Unit) };
}

/** Unit's columns, as the generated client knows them (a new column joins by itself). */
const UNIT_COLUMNS = Object.values(Prisma.UnitScalarFieldEnum);

/** Whom to ask when you are not registered: the Office's members. */
export async function officeContacts(prisma: PrismaClient) {
  return prisma.member.findMany({
    where: { role: { in: ["OFFICE", "ADMIN"] }, active: true },
    select: { name: true, slackUserId: true },
    orderBy: [{ role: "desc" }, { name: "asc" }],
    take: 5,
  });
}

async function resolveUnit(prisma: PrismaClient, unitText: string) {
  const resolved = (await UnitResolver.load(prisma)).resolve(unitText);
  if (resolved?.kind !== "unit") throw new AppError("UNIT_NOT_FOUND", { unit: unitText });
  return resolved.unit;
}

export async function upsertMember(prisma: PrismaClient, input: { actor: string; slackUserId: string; name: string; unit: string; role: MemberRole }) {
  const unit = await resolveUnit(prisma, input.unit);
  return prisma.$transaction(async (tx) => {
    const before = await tx.member.findUnique({ where: { slackUserId: input.slackUserId } });
    const member = await tx.member.upsert({
      where: { slackUserId: input.slackUserId },
      create: { slackUserId: input.slackUserId, name: input.name, unitId: unit.id, role: input.role },
      update: { unitId: unit.id, role: input.role, active: true, ...(before?.name ? {} : { name: input.name }) },
      include: { unit: true },
    });
    await tx.auditEntry.create({
      data: {
        actor: input.actor,
        action: before ? "member.update" : "member.create",
        entity: "Member",
        entityId: String(member.id),
        detail: {
          slackUserId: input.slackUserId,
          before: before && { unitId: before.unitId, role: before.role, active: before.active },
          after: { unitId: unit.id, role: input.role },
        },
      },
    });
    return member;
  });
}

/** Deactivates a member: their reports stay, attributed to them. */
export async function deactivateMember(prisma: PrismaClient, input: { actor: string; slackUserId: string }) {
  return prisma.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { slackUserId: input.slackUserId } });
    if (!member) return null;
    await tx.member.update({ where: { id: member.id }, data: { active: false } });
    await tx.auditEntry.create({ data: { actor: input.actor, action: "member.deactivate", entity: "Member", entityId: String(member.id) } });
    return member;
  });
}

export async function listMembers(prisma: PrismaClient) {
  return prisma.member.findMany({ where: { active: true }, include: { unit: true }, orderBy: [{ unit: { code: "asc" } }, { name: "asc" }] });
}

export async function setUnitChannel(prisma: PrismaClient, input: { actor: string; unit: string; channel: string }) {
  const unit = await resolveUnit(prisma, input.unit);
  return prisma.$transaction(async (tx) => {
    const before = await tx.unit.findUniqueOrThrow({ where: { id: unit.id } });
    const updated = await tx.unit.update({ where: { id: unit.id }, data: { slackChannel: input.channel } });
    await tx.auditEntry.create({
      data: { actor: input.actor, action: "unit.channel", entity: "Unit", entityId: String(unit.id), detail: { before: before.slackChannel, after: input.channel } },
    });
    return updated;
  });
}

export async function setMemberLocale(prisma: PrismaClient, slackUserId: string, locale: "vi" | "en") {
  await prisma.member.updateMany({ where: { slackUserId }, data: { locale } });
}
