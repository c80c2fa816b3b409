// One process at a time in an embedded database's data directory, for as
// long as that process lives.
//
// The lock used to be proper-lockfile's alone: a lock directory whose mtime
// the holder refreshes every 5 s from a timer, presumed dead after 15 s
// without a refresh. PGlite runs PostgreSQL on the main thread, so a long
// import starves the timer: the lock went stale while its holder was alive,
// a second process was let in, and one of the two lost its writes.
//
// Now liveness is the operating system's answer, not a timer's: the holder
// writes its PID (with the host, the boot and the process start time, so a
// reused PID is not taken for the holder) to `<dir>.pid`, and a newcomer
// refuses while that process exists. This is how PostgreSQL's own
// postmaster.pid works. proper-lockfile still guards the few milliseconds of
// check-and-write, so two newcomers cannot both take over a dead holder's
// file; that short hold never depends on a busy event loop.
import { randomUUID } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import lockfile from "proper-lockfile";
import { AppError } from "../errors.js";

export interface LockOwner {
  pid: number;
  host: string;
  /** Linux: the boot id and the process start time (clock ticks since boot); absent elsewhere. */
  boot?: string;
  start?: string;
  since: string;
  token: string;
}

/** Data directories this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

export const pidFile = (dir: string) => `${dir}.pid`;

export async function readOwner(dir: string): Promise<LockOwner | null> {
  try {
    const o = JSON.parse(await readFile(pidFile(dir), "utf8")) as LockOwner;
    return typeof o.pid === "number" && typeof o.host === "string" ? o : null;
  } catch {
    return null; // absent or unreadable: nobody holds it
  }
}

function linuxProc(pid: number | "self"): { boot?: string; start?: string } {
  try {
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    // Field 22 of /proc/PID/stat, counted after the command name (which may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return { boot, start };
  } catch {
    return {};
  }
}

/** Whether the process named in the file still runs (same host only; another host is presumed alive). */
export function ownerAlive(o: LockOwner, dir: string): boolean {
  if (o.host !== hostname()) return true;
  if (o.pid === process.pid) return heldHere.has(dir); // a file left by an earlier process with our PID (containers)
  const here = linuxProc("self");
  if (o.boot && here.boot && o.boot !== here.boot) return false;
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  const now = linuxProc(o.pid);
  return !(o.start && now.start && o.start !== now.start);
}

/** Takes the directory or throws DB_IN_USE (a named live process) or DB_LOCKED (an older dondoc's lock). */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  let releaseMutex: () => Promise<void>;
  try {
    releaseMutex = await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      stale: 10_000,
      retries: { retries: 5, minTimeout: 50, maxTimeout: 500 },
      // Held for milliseconds; a lost mutex after the pid file is written changes nothing.
      onCompromised: () => undefined,
    });
  } catch (cause) {
    throw new AppError("DB_LOCKED", { dir }, { cause });
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), ...linuxProc("self"), since: new Date().toISOString(), token: randomUUID() };
  try {
    const current = await readOwner(dir);
    if (current && ownerAlive(current, dir)) {
      throw new AppError("DB_IN_USE", { dir, pid: current.pid, host: current.host, since: current.since });
    }
    const tmp = `${pidFile(dir)}.${owner.token}`;
    await writeFile(tmp, JSON.stringify(owner), { mode: 0o644 });
    await rename(tmp, pidFile(dir));
    heldHere.add(dir);
  } finally {
    await releaseMutex().catch(() => undefined);
  }
  return async () => {
    heldHere.delete(dir);
    const current = await readOwner(dir);
    if (current?.token === owner.token) await unlink(pidFile(dir)).catch(() => undefined);
  };
}
