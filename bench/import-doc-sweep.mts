// Reads every document under a folder as `dondoc plan import-doc --dry-run` and the Slack upload do
// (readPlanDocument), one after the other in this process, and reports what became of them: read as a plan
// (with its task count), refused (by error code), or crashed (any error that is not an AppError: a bug).
//
//   npm run bench:import-doc:sweep -- DIR [--list]
//
// For a robustness check on documents nobody tuned the parser to: an Office's whole document folder. BENCHMARKS.md
// ("Session 8") says which public folder was swept and how to get it. `--list` prints one JSON line per file.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { AppError } from "../src/errors.js";
import { readPlanDocument } from "../src/import-doc/import-doc.js";

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--"));
if (!root) {
  console.error("usage: npm run bench:import-doc:sweep -- DIR [--list]");
  process.exit(64);
}

const files = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(docx|pdf|html?|txt|md)$/i.test(name) ? [path] : [];
  });
})(root).sort();

const outcomes = new Map<string, number>();
const crashes: { file: string; error: string }[] = [];
let slowest = { file: "", ms: 0, cpuMs: 0 };
for (const file of files) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let outcome: string;
  let tasks: number | undefined;
  try {
    tasks = (await readPlanDocument(file, { units: [] }, new Date().getFullYear())).tasks.length;
    outcome = "read as a plan";
  } catch (e) {
    if (e instanceof AppError) outcome = e.code;
    else {
      outcome = "CRASH";
      crashes.push({ file: relative(root, file), error: String(e instanceof Error ? e.stack : e).slice(0, 300) });
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (ms > slowest.ms) slowest = { file: relative(root, file), ms, cpuMs };
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (args.includes("--list")) console.log(JSON.stringify({ file: relative(root, file), outcome, tasks, ms: Math.round(ms), cpuMs: Math.round(cpuMs) }));
}

console.log(`${files.length} files under ${root}`);
for (const [outcome, n] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${outcome}: ${n}`);
console.log(`slowest: ${slowest.file} ${Math.round(slowest.ms)} ms wall, ${Math.round(slowest.cpuMs)} ms CPU; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
for (const c of crashes) console.log(`CRASH ${c.file}\n  ${c.error}`);
process.exitCode = crashes.length ? 1 : 0;
