// What an import did, or would do with --dry-run: created / updated /
// unchanged counts per kind of record.

export interface KindChanges {
  created: number;
  updated: number;
  unchanged: number;
  archived?: number;
}

export type ChangeSummary = Record<string, KindChanges>;

export class ChangeCounter {
  readonly summary: ChangeSummary = {};

  count(kind: string, change: keyof KindChanges): void {
    const k = (this.summary[kind] ??= { created: 0, updated: 0, unchanged: 0 });
    k[change] = (k[change] ?? 0) + 1;
  }

  /** Compares the fields an import sets with what is stored; true when any differs. */
  static differs(stored: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
    return Object.entries(wanted).some(([key, value]) => !sameValue(stored[key], value));
  }

  get changed(): boolean {
    return Object.values(this.summary).some((k) => k.created + k.updated + (k.archived ?? 0) > 0);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a !== null && typeof a === "object" && "toNumber" in a && typeof b === "number") {
    return (a as { toNumber(): number }).toNumber() === b;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(b).filter((k) => b[k] !== undefined);
    return Object.keys(a).filter((k) => a[k] !== undefined).length === keys.length && keys.every((k) => sameValue(a[k], b[k]));
  }
  return (a ?? null) === (b ?? null);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;
}

/** Thrown inside a transaction to roll back a dry run after counting its changes. */
export class DryRunRollback extends Error {
  constructor(readonly summary: ChangeSummary) {
    super("dry run");
  }
}
