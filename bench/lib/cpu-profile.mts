// Summarises a V8 CPU profile (node --cpu-prof): self time by area (a
// package under node_modules, a folder of src/, Node's internals, the garbage
// collector) and by function, idle time left out. Self time only: the
// profile's stacks are synchronous, so an async use case's time is spread
// over the code it awaits, which is what the areas show.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  busyMs: number;
  areas: { area: string; ms: number }[];
  functions: { fn: string; area: string; ms: number }[];
}

export function areaOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    // Prisma's generated client lives in src/generated; its runtime and the WebAssembly query compiler are here.
    return pkg[1]!;
  }
  const own = /\/(src|bench)\/(.+?)\/[^/]+$/.exec(url) ?? /\/(src|bench)\/([^/]+)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith("node:")) return "node internals";
  if (url.startsWith("wasm://")) return "wasm";
  return url;
}

export async function summariseProfile(file: string, top = 15): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const areas = new Map<string, number>();
  const functions = new Map<string, { fn: string; area: string; ms: number }>();
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    busyMs += ms;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|src|bench)\//, "$1/")}:${lineNumber + 1}`;
    const f = functions.get(key) ?? { fn: key, area, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
  }
  return {
    busyMs,
    areas: [...areas]
      .map(([area, ms]) => ({ area, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

export function formatProfile(title: string, s: ProfileSummary): string {
  const pct = (ms: number) => `${((100 * ms) / s.busyMs).toFixed(1)} %`;
  return [
    `## ${title}: ${(s.busyMs / 1000).toFixed(1)} s busy (not idle), self time\n`,
    "| area | self time | share |",
    "| --- | ---: | ---: |",
    ...s.areas.map((a) => `| ${a.area} | ${(a.ms / 1000).toFixed(2)} s | ${pct(a.ms)} |`),
    "\n| function | area | self time | share |",
    "| --- | --- | ---: | ---: |",
    ...s.functions.map((f) => `| \`${f.fn.slice(0, 110)}\` | ${f.area} | ${(f.ms / 1000).toFixed(2)} s | ${pct(f.ms)} |`),
    "",
  ].join("\n");
}

/** The newest process's main-thread profile in a --cpu-prof-dir: the largest of the last run's files. */
export async function mainThreadProfile(dir: string): Promise<string> {
  const files = await Promise.all((await readdir(dir)).filter((f) => f.endsWith(".cpuprofile")).map(async (f) => ({ f: join(dir, f), s: await stat(join(dir, f)) })));
  if (files.length === 0) throw new Error(`no CPU profile in ${dir}`);
  const newest = Math.max(...files.map((x) => x.s.mtimeMs));
  const recent = files.filter((x) => newest - x.s.mtimeMs < 60_000);
  return recent.sort((a, b) => b.s.size - a.s.size)[0]!.f;
}
