// CPU time from /proc (Linux), to say where the time of a load phase went:
// the server process, the load generator, the PostgreSQL backends of one
// database, and the whole machine (other sessions included). Figures are
// approximate (clock ticks of 10 ms) and meant for per-request averages over
// hundreds of requests. On systems without /proc every reading is null.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let tickMs: number | undefined;

function msPerTick(): number {
  if (tickMs === undefined) {
    try {
      tickMs = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    } catch {
      tickMs = 10;
    }
  }
  return tickMs;
}

/** utime + stime of a process, in ms. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * msPerTick();
  } catch {
    return null;
  }
}

/**
 * CPU used so far by each PostgreSQL backend serving database `dbName` (its
 * command line reads "postgres: USER DBNAME HOST(PORT) STATE"), in ms by pid.
 * Pools open and close connections (pg closes one idle for 10 s), so compare
 * two readings with postgresCpuDelta, not their sums.
 */
export function postgresCpu(dbName: string): Map<number, number> | null {
  const byPid = new Map<number, number>();
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let cmdline: string;
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        continue;
      }
      if (!cmdline.startsWith("postgres: ") || !cmdline.split(" ").includes(dbName)) continue;
      const cpu = processCpuMs(Number(pid));
      if (cpu !== null) byPid.set(Number(pid), cpu);
    }
  } catch {
    return null;
  }
  return byPid;
}

/**
 * CPU the backends used between two readings: a backend that started in
 * between counts whole; one that exited in between is lost (it had been idle
 * for the pool's idle timeout, so little is).
 */
export function postgresCpuDelta(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** Busy CPU time of the whole machine (all cores, all processes), in ms. */
export function machineBusyMs(): number | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const busy = cpu.slice(0, 8).reduce((a, b) => a + b, 0) - cpu[3]! - cpu[4]!;
    return busy * msPerTick();
  } catch {
    return null;
  }
}
