// The embedded database in a worker thread (see pglite-thread.ts for why).
// It holds the PGlite instance and pglite-prisma-adapter's adapter, and
// answers the requests the main thread's proxy sends: the adapter's
// queries and transactions, and plain exec/query for migrations.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

type Adapter = Awaited<ReturnType<PrismaPGlite["connect"]>>;
type Tx = Awaited<ReturnType<Adapter["startTransaction"]>>;

export type WorkerRequest =
  | { id: number; op: "exec"; sql: string }
  | { id: number; op: "query"; sql: string; params?: unknown[] }
  // Prisma's SqlQuery; pglite-prisma-adapter is typed against an older copy of the same interface (database.ts).
  | { id: number; op: "queryRaw" | "executeRaw"; tx?: number; query: unknown }
  | { id: number; op: "executeScript"; script: string }
  | { id: number; op: "startTransaction"; isolationLevel?: Parameters<Adapter["startTransaction"]>[0] }
  | { id: number; op: "commit" | "rollback"; tx: number }
  | { id: number; op: "close" };

export type WorkerReply = { id: number; value: unknown } | { id: number; error: SerializedError } | { ready: true; adapterName: string } | { failed: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  /** DriverAdapterError's cause: what Prisma reads to map the error (P2002 and so on). */
  cause?: unknown;
}

function serialize(e: unknown): SerializedError {
  if (e instanceof Error) {
    const { code } = e as { code?: unknown };
    return { name: e.name, message: e.message, ...(typeof code === "string" ? { code } : {}), ...(e.name === "DriverAdapterError" ? { cause: e.cause } : {}) };
  }
  return { name: "Error", message: String(e) };
}

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };
let client: PGlite;
let adapter: Adapter;
try {
  client = new PGlite(dataDir);
  await client.waitReady;
  adapter = await new PrismaPGlite(client).connect();
  port.postMessage({ ready: true, adapterName: adapter.adapterName } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ failed: serialize(e) } satisfies WorkerReply);
  process.exit(1);
}

const transactions = new Map<number, Tx>();
let nextTx = 0;

async function handle(m: WorkerRequest): Promise<unknown> {
  switch (m.op) {
    case "exec":
      await client.exec(m.sql);
      return null;
    case "query":
      return (await client.query(m.sql, m.params)).rows;
    case "queryRaw":
      return (m.tx === undefined ? adapter : transactions.get(m.tx)!).queryRaw(m.query as Parameters<Adapter["queryRaw"]>[0]);
    case "executeRaw":
      return (m.tx === undefined ? adapter : transactions.get(m.tx)!).executeRaw(m.query as Parameters<Adapter["queryRaw"]>[0]);
    case "executeScript":
      return adapter.executeScript(m.script);
    case "startTransaction": {
      const tx = await adapter.startTransaction(m.isolationLevel);
      transactions.set(++nextTx, tx);
      return { tx: nextTx, options: tx.options };
    }
    case "commit":
    case "rollback": {
      const tx = transactions.get(m.tx)!;
      transactions.delete(m.tx);
      return m.op === "commit" ? tx.commit() : tx.rollback();
    }
    case "close":
      await client.close();
      return null;
  }
}

port.on("message", (m: WorkerRequest) => {
  handle(m).then(
    (value) => port.postMessage({ id: m.id, value } satisfies WorkerReply),
    (e: unknown) => port.postMessage({ id: m.id, error: serialize(e) } satisfies WorkerReply),
  );
});
