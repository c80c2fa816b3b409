// Loads an organisation file: units, aliases, groups, members. Idempotent:
// importing the same file again changes nothing. Units and members missing
// from the file are kept (history must survive); the file adds and updates.
import type { PrismaClient } from "../db/database.js";
import { codeKey, fold } from "../domain/text.js";
import { invalidFile, type FileProblem, type LoadedFile } from "../files/load.js";
import type { OrgFile } from "../files/org-file.js";
import { ChangeCounter, DryRunRollback, type ChangeSummary } from "./changes.js";

export interface ImportOptions {
  dryRun?: boolean;
  actor: string;
}

export async function importOrg(
  prisma: PrismaClient,
  loaded: LoadedFile<OrgFile>,
  options: ImportOptions,
): Promise<{ changes: ChangeSummary; dryRun: boolean }> {
  const org = loaded.data;
  await checkOrgFile(prisma, loaded);
  const counter = new ChangeCounter();
  try {
    await prisma.$transaction(
      async (tx) => {
        const idByKey = new Map<string, number>();
        for (const u of org.units) {
          const key = codeKey(u.code);
          const wanted = { code: u.code, codeKey: key, name: u.name, nameKey: fold(u.name), kind: u.kind, slackChannel: u.channel ?? null, active: u.active };
          const stored = await tx.unit.findUnique({ where: { codeKey: key } });
          const unit = stored
            ? ChangeCounter.differs(stored, wanted)
              ? await tx.unit.update({ where: { id: stored.id }, data: wanted })
              : stored
            : await tx.unit.create({ data: wanted });
          counter.count("units", !stored ? "created" : unit === stored ? "unchanged" : "updated");
          idByKey.set(key, unit.id);
        }
        for (const u of org.units) {
          const id = idByKey.get(codeKey(u.code))!;
          const mergedIntoId = u.mergedInto ? await unitIdOf(tx, idByKey, u.mergedInto) : null;
          const current = await tx.unit.findUniqueOrThrow({ where: { id }, select: { mergedIntoId: true } });
          if (current.mergedIntoId !== mergedIntoId) {
            await tx.unit.update({ where: { id }, data: { mergedIntoId } });
            counter.count("merges", "updated");
          }
          const aliasKeys = new Set(u.aliases.map(fold));
          const stored = await tx.unitAlias.findMany({ where: { unitId: id } });
          for (const a of stored.filter((a) => !aliasKeys.has(a.aliasKey))) {
            await tx.unitAlias.delete({ where: { id: a.id } });
            counter.count("aliases", "updated");
          }
          for (const alias of u.aliases) {
            const existing = stored.find((a) => a.aliasKey === fold(alias));
            if (existing && existing.alias === alias) counter.count("aliases", "unchanged");
            else {
              await tx.unitAlias.upsert({ where: { aliasKey: fold(alias) }, create: { unitId: id, alias, aliasKey: fold(alias) }, update: { unitId: id, alias } });
              counter.count("aliases", existing ? "updated" : "created");
            }
          }
        }
        for (const g of org.groups) {
          const key = codeKey(g.code);
          const except = new Set(await Promise.all(g.except.map((c) => unitIdOf(tx, idByKey, c))));
          const members =
            g.units === "all"
              ? (await tx.unit.findMany({ where: { active: true }, select: { id: true } })).map((u) => u.id)
              : await Promise.all(g.units.map((c) => unitIdOf(tx, idByKey, c)));
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
        for (const m of org.members) {
          const wanted = {
            name: m.name,
            unitId: m.unit ? await unitIdOf(tx, idByKey, m.unit) : null,
            role: m.role,
            locale: m.locale ?? null,
            active: true,
          };
          const stored = await tx.member.findUnique({ where: { slackUserId: m.slackUserId } });
          if (!stored) await tx.member.create({ data: { slackUserId: m.slackUserId, ...wanted } });
          else if (ChangeCounter.differs(stored, wanted)) await tx.member.update({ where: { id: stored.id }, data: wanted });
          counter.count("members", !stored ? "created" : ChangeCounter.differs(stored, wanted) ? "updated" : "unchanged");
        }
        if (counter.changed) {
          await tx.auditEntry.create({
            data: { actor: options.actor, action: "org.import", entity: "Organisation", detail: { file: loaded.file, changes: counter.summary } as object },
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

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

async function unitIdOf(tx: Tx, idByKey: Map<string, number>, code: string): Promise<number> {
  const id = idByKey.get(codeKey(code)) ?? (await tx.unit.findUnique({ where: { codeKey: codeKey(code) } }))?.id;
  if (id === undefined) throw new Error(`unit ${code} vanished during import`); // checkOrgFile ruled this out
  return id;
}

/** Every cross-reference in the file must resolve before anything is written. */
async function checkOrgFile(prisma: PrismaClient, loaded: LoadedFile<OrgFile>): Promise<void> {
  const org = loaded.data;
  const problems: FileProblem[] = [];
  const known = new Set([
    ...org.units.map((u) => codeKey(u.code)),
    ...(await prisma.unit.findMany({ select: { codeKey: true } })).map((u) => u.codeKey),
  ]);
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
