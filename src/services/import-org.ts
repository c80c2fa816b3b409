// Loads an organisation file: units, aliases, groups, members. Idempotent:
// importing the same file again changes nothing. Units and members missing
// from the file are kept (history must survive); the file adds and updates.
import type { PrismaClient } from "../db/database.js";
import { codeKey, fold } from "../domain/text.js";
import { invalidFile, type FileProblem, type LoadedFile } from "../files/load.js";
import type { OrgFile } from "../files/org-file.js";
import type { Prisma } from "../generated/prisma/client.js";
import { ChangeCounter, DryRunRollback, type ChangeSummary } from "./changes.js";
import { syncRows, updateRows } from "./sync-rows.js";

export interface ImportOptions {
  dryRun?: boolean;
  actor: string;
  /** The clock: the instant written as archivedAt, updatedAt and the audit entry's time. */
  now?: () => Date;
}

export async function importOrg(prisma: PrismaClient, loaded: LoadedFile<OrgFile>, options: ImportOptions): Promise<{ changes: ChangeSummary; dryRun: boolean }> {
  const org = loaded.data;
  await checkOrgFile(prisma, loaded);
  const counter = new ChangeCounter();
  const now = (options.now ?? (() => new Date()))();
  try {
    await prisma.$transaction(
      async (tx) => {
        const units = await syncRows(tx, {
          kind: "units",
          counter,
          table: "Unit",
          stored: await tx.unit.findMany({ where: { codeKey: { in: org.units.map((u) => codeKey(u.code)) } } }),
          storedKey: (u) => u.codeKey,
          wanted: org.units.map((u) => ({
            key: codeKey(u.code),
            fields: { code: u.code, codeKey: codeKey(u.code), name: u.name, nameKey: fold(u.name), kind: u.kind, slackChannel: u.channel ?? null, active: u.active },
          })),
          create: (data) => tx.unit.createManyAndReturn({ data }),
          updatedAt: now,
        });
        // Every unit the file may name: its own, and those only the database has (checkOrgFile made sure).
        const idByKey = new Map((await tx.unit.findMany({ select: { id: true, codeKey: true } })).map((u) => [u.codeKey, u.id]));
        const unitIdOf = (code: string) => idByKey.get(codeKey(code))!;

        const merges = org.units.flatMap((u) => {
          const row = units.byKey.get(codeKey(u.code))!;
          const mergedIntoId = u.mergedInto ? unitIdOf(u.mergedInto) : null;
          return row.mergedIntoId === mergedIntoId ? [] : [{ id: row.id, mergedIntoId }];
        });
        await updateRows(tx, "Unit", merges, now);
        for (const _ of merges) counter.count("merges", "updated");

        // An alias belongs to one unit: one the file moves keeps its row and changes unit.
        const fileUnitIds = [...units.byKey.values()].map((u) => u.id);
        const wantedAliases = org.units.flatMap((u) => u.aliases.map((alias) => ({ key: fold(alias), fields: { unitId: unitIdOf(u.code), alias } })));
        const storedAliases = await tx.unitAlias.findMany({ where: { OR: [{ unitId: { in: fileUnitIds } }, { aliasKey: { in: wantedAliases.map((a) => a.key) } }] } });
        const wantedKeys = new Set(wantedAliases.map((a) => a.key));
        const dropped = storedAliases.filter((a) => !wantedKeys.has(a.aliasKey));
        await tx.unitAlias.deleteMany({ where: { id: { in: dropped.map((a) => a.id) } } });
        for (const _ of dropped) counter.count("aliases", "updated");
        await syncRows(tx, {
          kind: "aliases",
          counter,
          table: "UnitAlias",
          stored: storedAliases.filter((a) => wantedKeys.has(a.aliasKey)),
          storedKey: (a) => a.aliasKey,
          wanted: wantedAliases.map((a) => ({ ...a, onCreate: { aliasKey: a.key } })),
          create: (data) => tx.unitAlias.createManyAndReturn({ data: data as Prisma.UnitAliasCreateManyInput[] }),
        });
        for (const g of org.groups) {
          const key = codeKey(g.code);
          const except = new Set(g.except.map(unitIdOf));
          const members = g.units === "all" ? (await tx.unit.findMany({ where: { active: true }, select: { id: true } })).map((u) => u.id) : g.units.map(unitIdOf);
          const wantedIds = [...new Set(members.filter((id) => !except.has(id)))].sort((a, b) => a - b);
          const stored = await tx.unitGroup.findUnique({ where: { codeKey: key }, include: { members: true } });
          const storedIds = (stored?.members ?? []).map((m) => m.unitId).sort((a, b) => a - b);
          const same = stored && stored.name === g.name && stored.code === g.code && storedIds.join() === wantedIds.join();
          if (same) {
            counter.count("groups", "unchanged");
            continue;
          }
          const group = await tx.unitGroup.upsert({ where: { codeKey: key }, create: { code: g.code, codeKey: key, name: g.name }, update: { code: g.code, name: g.name } });
          await tx.unitGroupMember.deleteMany({ where: { groupId: group.id } });
          await tx.unitGroupMember.createMany({ data: wantedIds.map((unitId) => ({ groupId: group.id, unitId })) });
          counter.count("groups", stored ? "updated" : "created");
        }
        await syncRows(tx, {
          kind: "members",
          counter,
          table: "Member",
          stored: await tx.member.findMany({ where: { slackUserId: { in: org.members.map((m) => m.slackUserId) } } }),
          storedKey: (m) => m.slackUserId,
          wanted: org.members.map((m) => ({
            key: m.slackUserId,
            fields: { name: m.name, unitId: m.unit ? unitIdOf(m.unit) : null, role: m.role, locale: m.locale ?? null, active: true },
            onCreate: { slackUserId: m.slackUserId },
          })),
          create: (data) => tx.member.createManyAndReturn({ data: data as Prisma.MemberCreateManyInput[] }),
          updatedAt: now,
        });
        if (counter.changed) {
          await tx.auditEntry.create({
            data: { actor: options.actor, action: "org.import", entity: "Organisation", at: now, detail: { file: loaded.file, changes: counter.summary } as object },
          });
        }
        if (options.dryRun) throw new DryRunRollback(counter.summary);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (e) {
    if (e instanceof DryRunRollback) return { changes: e.summary, dryRun: true };
    throw e;
  }
  return { changes: counter.summary, dryRun: false };
}

/** Every cross-reference in the file must resolve before anything is written. */
async function checkOrgFile(prisma: PrismaClient, loaded: LoadedFile<OrgFile>): Promise<void> {
  const org = loaded.data;
  const problems: FileProblem[] = [];
  const known = new Set([...org.units.map((u) => codeKey(u.code)), ...(await prisma.unit.findMany({ select: { codeKey: true } })).map((u) => u.codeKey)]);
  const problem = (path: (string | number)[], message: string) =>
    problems.push({ path: path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${p}`)).join(""), line: loaded.lineOf(path), message });
  const unknownUnit = (code: string) =>
    `Không có đơn vị "${code}" trong tệp hay cơ sở dữ liệu; dùng mã đơn vị ở mục units / No unit "${code}" in the file or database; use a code from units`;

  const seen = new Map<string, number>();
  org.units.forEach((u, i) => {
    const key = codeKey(u.code);
    if (seen.has(key)) problem(["units", i, "code"], `Mã đơn vị "${u.code}" trùng với units[${seen.get(key)}] / Duplicate unit code "${u.code}" (see units[${seen.get(key)}])`);
    seen.set(key, i);
    if (u.mergedInto && !known.has(codeKey(u.mergedInto))) problem(["units", i, "mergedInto"], unknownUnit(u.mergedInto));
    if (u.mergedInto && codeKey(u.mergedInto) === key) problem(["units", i, "mergedInto"], "Đơn vị không thể sáp nhập vào chính nó / A unit cannot merge into itself");
  });
  const aliasOwner = new Map<string, string>();
  org.units.forEach((u, i) =>
    u.aliases.forEach((a, j) => {
      const owner = aliasOwner.get(fold(a));
      if (owner && owner !== u.code) problem(["units", i, "aliases", j], `Tên gọi "${a}" đã dùng cho ${owner} / Alias "${a}" already belongs to ${owner}`);
      aliasOwner.set(fold(a), u.code);
    }),
  );
  org.groups.forEach((g, i) => {
    if (known.has(codeKey(g.code))) problem(["groups", i, "code"], `Mã nhóm "${g.code}" trùng mã đơn vị / Group code "${g.code}" is also a unit code`);
    if (g.units !== "all") g.units.forEach((c, j) => known.has(codeKey(c)) || problem(["groups", i, "units", j], unknownUnit(c)));
    g.except.forEach((c, j) => known.has(codeKey(c)) || problem(["groups", i, "except", j], unknownUnit(c)));
  });
  const users = new Set<string>();
  org.members.forEach((m, i) => {
    if (users.has(m.slackUserId)) problem(["members", i, "slackUserId"], `Người dùng ${m.slackUserId} xuất hiện hai lần / User ${m.slackUserId} appears twice`);
    users.add(m.slackUserId);
    if (m.unit && !known.has(codeKey(m.unit))) problem(["members", i, "unit"], unknownUnit(m.unit));
    if (!m.unit && (m.role === "STAFF" || m.role === "UNIT_LEAD"))
      problem(["members", i, "unit"], "Cán bộ và lãnh đạo phòng phải thuộc một đơn vị / Staff and unit leads need a unit");
  });
  if (problems.length) throw invalidFile(loaded.file, problems);
}
