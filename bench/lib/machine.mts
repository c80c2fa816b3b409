// What the figures were measured on. Machines are shared and noisy, so the
// load average before and after a run is part of the record.
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import pg from "pg";

export interface Machine {
  date: string;
  cpus: number;
  memory: string;
  node: string;
  postgres: string | null;
  loadavg: string;
}

export async function describeMachine(pgUrl?: string): Promise<Machine> {
  let postgres: string | null = null;
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    try {
      await client.connect();
      postgres = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? null;
    } catch {
      postgres = "unreachable";
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  let memory = "unknown";
  try {
    // The "Mem:" line of `free -h`: total, used, free, shared, buff/cache, available.
    const line = execFileSync("free", ["-h"], { encoding: "utf8" })
      .split("\n")
      .find((l) => l.startsWith("Mem:"));
    const total = line?.split(/\s+/)[1];
    if (total) memory = total;
  } catch {
    // `free` is missing on some systems; the figure is informative only.
  }
  return {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    memory,
    node: process.version,
    postgres,
    loadavg: currentLoad(),
  };
}

export function currentLoad(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

export function formatMachine(m: Machine): string {
  return [`date ${m.date}`, `cpus ${m.cpus}`, `memory ${m.memory}`, `node ${m.node}`, ...(m.postgres ? [`postgres ${m.postgres}`] : []), `loadavg ${m.loadavg}`].join(", ");
}
