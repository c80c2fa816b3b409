// Bringing one kind of stored row in line with what a file says: the step
// both imports (plan, organisation) take for every kind of record.
//
//   syncRows(tx, { kind, table, counter, stored, wanted, create })
//
// matches the stored rows with the wanted ones by key, then writes in sets:
// the missing rows in one createMany (through `create`, which returns them
// with their ids), the changed ones in one UPDATE statement for the whole
// kind, and nothing for the rest. It counts created / updated / unchanged
// per kind into the import's ChangeCounter (unless told not to) and returns
// the row behind every key, and the stored rows the file no longer has: each
// import decides what leaving the file means (tasks are archived, objectives
// deleted, units and members kept).
//
// Hand-written rather than taken from a library: Prisma has no set-based
// "update each row with its own values", and upsert libraries do one row at a
// time, which is what this replaces (issue 9, item 5). The one UPDATE reads
// its rows with jsonb_populate_recordset, the way `db restore` loads tables,
// so PostgreSQL converts every value to its column's type.
import type { Prisma } from "../generated/prisma/client.js";
import { ChangeCounter } from "./changes.js";

export type Tx = Prisma.TransactionClient;

/** One row as the file wants it. */
export interface WantedRow<F extends Record<string, unknown>> {
  key: string;
  /** The columns the import owns: compared with the stored row, and written on create and update. */
  fields: F;
  /** Columns set only when the row is created (the key's own columns, the parent's id). */
  onCreate?: Record<string, unknown>;
}

export interface SyncResult<S> {
  /** The stored row (after the writes) behind every wanted key. */
  byKey: Map<string, S>;
  created: Set<string>;
  updated: Set<string>;
  /** Stored rows whose key the file does not have. */
  extra: S[];
}

export async function syncRows<S extends { id: number }, F extends Record<string, unknown>>(
  tx: Tx,
  spec: {
    /** What the counter calls these rows; without it, the caller counts (a task also counts its assignments). */
    kind?: string;
    counter?: ChangeCounter;
    /** The table behind the rows, for the one UPDATE; table and column names come from code, never from a file. */
    table: string;
    stored: readonly S[];
    storedKey: (row: S) => string;
    wanted: readonly WantedRow<F>[];
    /** Creates the rows (createManyAndReturn) and returns them with their ids. */
    create: (data: (F & Record<string, unknown>)[]) => Promise<S[]>;
    /** Sets "updatedAt" on updated rows to this instant (tables with an @updatedAt column). */
    updatedAt?: Date;
  },
): Promise<SyncResult<S>> {
  const storedByKey = new Map(spec.stored.map((s) => [spec.storedKey(s), s]));
  const byKey = new Map<string, S>();
  const toCreate: WantedRow<F>[] = [];
  const toUpdate: { key: string; id: number; fields: F }[] = [];
  for (const w of spec.wanted) {
    const stored = storedByKey.get(w.key);
    if (!stored) toCreate.push(w);
    else if (ChangeCounter.differs(stored as Record<string, unknown>, w.fields)) toUpdate.push({ key: w.key, id: stored.id, fields: w.fields });
    else byKey.set(w.key, stored);
  }
  if (toCreate.length) {
    const rows = await spec.create(toCreate.map((w) => ({ ...w.onCreate, ...w.fields })));
    // createManyAndReturn returns rows in the order given (PostgreSQL INSERT … RETURNING).
    rows.forEach((row, i) => byKey.set(toCreate[i]!.key, row));
  }
  if (toUpdate.length) {
    await updateRows(
      tx,
      spec.table,
      toUpdate.map((u) => ({ id: u.id, ...u.fields })),
      spec.updatedAt,
    );
    for (const u of toUpdate) byKey.set(u.key, { ...storedByKey.get(u.key)!, ...u.fields });
  }
  const created = new Set(toCreate.map((w) => w.key));
  const updated = new Set(toUpdate.map((u) => u.key));
  if (spec.kind && spec.counter) {
    for (const w of spec.wanted) spec.counter.count(spec.kind, created.has(w.key) ? "created" : updated.has(w.key) ? "updated" : "unchanged");
  }
  const wantedKeys = new Set(spec.wanted.map((w) => w.key));
  return { byKey, created, updated, extra: spec.stored.filter((s) => !wantedKeys.has(spec.storedKey(s))) };
}

/**
 * Updates many rows of one table, each with its own values, in one
 * statement. Every row names the same columns.
 */
export async function updateRows(tx: Tx, table: string, rows: ({ id: number } & Record<string, unknown>)[], updatedAt?: Date): Promise<void> {
  if (!rows.length) return;
  const columns = [...Object.keys(rows[0]!).filter((c) => c !== "id"), ...(updatedAt ? ["updatedAt"] : [])];
  const set = columns.map((c) => `"${c}" = v."${c}"`).join(", ");
  const json = JSON.stringify(updatedAt ? rows.map((r) => ({ ...r, updatedAt })) : rows);
  await tx.$executeRawUnsafe(`UPDATE "${table}" AS t SET ${set} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb) AS v WHERE t.id = v.id`, json);
}
