// Resolves what people and files call a unit: its code ("LĐ-VL", "ldvl"),
// an alias ("Phòng Lao động Việc làm"), its full name, or a group code
// ("PHONG_TT") that stands for several units. Merged units resolve to the
// unit that took them over.
import type { PrismaClient } from "../db/database.js";
import { codeKey, fold } from "../domain/text.js";

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export type Resolved = { kind: "unit"; unit: UnitRef } | { kind: "group"; code: string; name: string; units: UnitRef[] };

export class UnitResolver {
  private constructor(
    private readonly byCode: Map<string, UnitRef>,
    private readonly byName: Map<string, UnitRef>,
    private readonly groups: Map<string, { code: string; name: string; units: UnitRef[] }>,
    readonly units: UnitRef[],
  ) {}

  static async load(prisma: Pick<PrismaClient, "unit" | "unitGroup">): Promise<UnitResolver> {
    const units = await prisma.unit.findMany({ include: { aliases: true }, orderBy: { id: "asc" } });
    const byId = new Map(units.map((u) => [u.id, u]));
    const successor = (id: number): UnitRef => {
      let u = byId.get(id)!;
      for (let hops = 0; u.mergedIntoId !== null && hops < MAX_MERGE_HOPS; hops++) u = byId.get(u.mergedIntoId)!;
      return { id: u.id, code: u.code, name: u.name };
    };
    const byCode = new Map<string, UnitRef>();
    const byName = new Map<string, UnitRef>();
    for (const u of units) {
      const ref = successor(u.id);
      byCode.set(u.codeKey, ref);
      byName.set(u.nameKey, ref);
      for (const a of u.aliases) byName.set(a.aliasKey, ref);
    }
    const groups = new Map(
      (await prisma.unitGroup.findMany({ include: { members: true } })).map((g) => [
        g.codeKey,
        { code: g.code, name: g.name, units: dedupe(g.members.map((m) => successor(m.unitId))) },
      ]),
    );
    const active = units.filter((u) => u.active && u.mergedIntoId === null).map((u) => ({ id: u.id, code: u.code, name: u.name }));
    return new UnitResolver(byCode, byName, groups, active);
  }

  resolve(text: string): Resolved | undefined {
    const key = codeKey(text);
    const group = this.groups.get(key);
    if (group) return { kind: "group", ...group };
    const unit = this.byCode.get(key) ?? this.byName.get(fold(text));
    return unit ? { kind: "unit", unit } : undefined;
  }

  /** Codes and names to suggest from when nothing matched. */
  get vocabulary(): string[] {
    return [...new Set([...[...this.byCode.values()].map((u) => u.code), ...[...this.groups.values()].map((g) => g.code)])];
  }
}

function dedupe(units: UnitRef[]): UnitRef[] {
  return [...new Map(units.map((u) => [u.id, u])).values()];
}

/** How many merges are followed from a unit to the one it is now (a guard against a cycle). */
export const MAX_MERGE_HOPS = 50;

/**
 * The units that took over each of `ids` (a unit that was not merged is its
 * own), reading only those units: one query per merge hop. Cheaper than
 * UnitResolver.load when only a few units are involved.
 */
export async function successorsOf(prisma: Pick<PrismaClient, "unit">, ids: number[]): Promise<Map<number, UnitRef>> {
  const result = new Map<number, UnitRef>();
  let pending = new Map(ids.map((id) => [id, id]));
  for (let hops = 0; pending.size > 0 && hops < MAX_MERGE_HOPS; hops++) {
    const rows = await prisma.unit.findMany({
      where: { id: { in: [...new Set(pending.values())] } },
      select: { id: true, code: true, name: true, mergedIntoId: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const next = new Map<number, number>();
    for (const [orig, cur] of pending) {
      const u = byId.get(cur);
      if (!u) continue;
      if (u.mergedIntoId === null) result.set(orig, { id: u.id, code: u.code, name: u.name });
      else next.set(orig, u.mergedIntoId);
    }
    pending = next;
  }
  return result;
}
