// PGlite in a worker thread, for the bot.
//
// PGlite runs PostgreSQL compiled to WebAssembly in the thread that calls it,
// and a statement runs to its end without giving the event loop a turn. In
// the bot that thread is also the one that reads Slack's requests and sends
// their acknowledgements, which Slack wants within 3 s: measured in a burst
// of 100 report submissions on a loaded machine (BENCHMARKS.md, "A burst of
// progress reports"), single database steps held the event loop for 0.2 to
// 2 s, and whole bursts were acknowledged late. Pacing the saves (SaveQueue)
// helps only when the database work can wait; here it runs beside the event
// loop instead. The bot (src/main.ts) opens its embedded database this way;
// the command line and the tests keep PGlite in their own thread.
//
// This file is the main thread's side: a Prisma driver adapter that forwards
// each call to pglite-worker.ts, which runs pglite-prisma-adapter's adapter
// on the real PGlite, and an SqlSession for migrations. Messages are
// structured clones; errors come back with what Prisma reads from them
// (DriverAdapterError's cause). Written here because no published adapter
// runs PGlite off the main thread in Node (@electric-sql/pglite/worker is
// for browsers' Web Workers).
import { Worker } from "node:worker_threads";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import type { SqlSession } from "./migrate.js";
import type { SerializedError, WorkerReply, WorkerRequest } from "./pglite-worker.js";

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

function revive(e: SerializedError): Error {
  const error = new Error(e.message) as Error & { code?: string; cause?: unknown };
  error.name = e.name;
  if (e.code !== undefined) error.code = e.code;
  if (e.cause !== undefined) error.cause = e.cause;
  return error;
}

export interface PgliteThread {
  adapter: SqlDriverAdapterFactory;
  session: SqlSession;
  close(): Promise<void>;
}

export async function startPgliteThread(dataDir: string): Promise<PgliteThread> {
  // From the TypeScript sources (tests, benchmarks) the worker registers tsx first: Node 20 does not pass a parent's module hooks to a worker.
  const worker = import.meta.url.endsWith(".ts")
    ? new Worker(
        `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./pglite-worker.ts", import.meta.url).href)}); })`,
        { eval: true, workerData: { dataDir } },
      )
    : new Worker(new URL("./pglite-worker.js", import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let exited: Error | null = null;
  let started: { resolve: (adapterName: string) => void; reject: (e: Error) => void } | null = null;
  const adapterNamePromise = new Promise<string>((resolve, reject) => void (started = { resolve, reject }));
  const fail = (e: Error) => {
    exited = e;
    started?.reject(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on("message", (m: WorkerReply) => {
    if ("ready" in m) return started?.resolve(m.adapterName);
    if ("failed" in m) return started?.reject(revive(m.failed));
    const p = pending.get(m.id);
    pending.delete(m.id);
    if ("error" in m) p?.reject(revive(m.error));
    else p?.resolve(m.value);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the database thread exited with ${code}`)));
  const adapterName = await adapterNamePromise;

  const call = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });

  const queryable = (tx?: number) => ({
    provider: "postgres" as const,
    adapterName,
    queryRaw: (query: SqlQuery) => call<SqlResultSet>({ op: "queryRaw", query, ...(tx === undefined ? {} : { tx }) }),
    executeRaw: (query: SqlQuery) => call<number>({ op: "executeRaw", query, ...(tx === undefined ? {} : { tx }) }),
  });
  const adapter: SqlDriverAdapter = {
    ...queryable(),
    executeScript: (script) => call<void>({ op: "executeScript", script }),
    async startTransaction(isolationLevel) {
      const { tx, options } = await call<{ tx: number; options: Transaction["options"] }>({ op: "startTransaction", ...(isolationLevel ? { isolationLevel } : {}) });
      return { ...queryable(tx), options, commit: () => call<void>({ op: "commit", tx }), rollback: () => call<void>({ op: "rollback", tx }) };
    },
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => undefined,
  };
  return {
    adapter: { provider: "postgres", adapterName, connect: async () => adapter },
    session: {
      exec: async (sql) => void (await call({ op: "exec", sql })),
      query: <T>(sql: string, params?: unknown[]) => call<T[]>({ op: "query", sql, ...(params ? { params } : {}) }),
    },
    async close() {
      if (!exited) await call({ op: "close" }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
