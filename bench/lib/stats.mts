// Timing and summary statistics for the benchmarks.
//
// Written by hand rather than with tinybench: tinybench is only a transitive
// dependency of vitest here (package.json is not ours to change), and what we
// need is a dozen lines: time an async function N times after a warm-up and
// report median, p95, min and max.

export interface Summary {
  name: string;
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function summarise(name: string, samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError(`no samples for ${name}`);
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  // Nearest-rank p95: with 20 runs it is the 19th value, with 5 the maximum.
  const p95 = s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { name, runs: s.length, median, p95, min: s[0]!, max: s[s.length - 1]!, mean };
}

/**
 * Runs `fn` `warmup` times untimed, then up to `reps` times timed
 * (milliseconds). With `budgetMs`, stops early once the timed runs have used
 * the budget, after at least `minReps` runs (default 5): slow variants then
 * get fewer runs instead of stretching the whole benchmark; the summary's
 * `runs` says how many there were.
 */
export async function measure(name: string, fn: () => Promise<unknown>, options: { reps: number; warmup?: number; budgetMs?: number; minReps?: number }): Promise<Summary> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn();
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < options.reps; i++) {
    if (options.budgetMs !== undefined && spent >= options.budgetMs && i >= (options.minReps ?? 5)) break;
    const start = performance.now();
    await fn();
    const elapsed = performance.now() - start;
    samples.push(elapsed);
    spent += elapsed;
  }
  return summarise(name, samples);
}

/** Times one call; returns its result and the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

export function ms(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`;
}

/**
 * A Markdown table of summaries, each with its ratio (by median) to the
 * baseline measured in the same run (put the baseline in the rows to show it).
 */
export function table(rows: readonly Summary[], baseline?: Summary): string {
  const head = ["what", "runs", "median", "p95", "min", "max", ...(baseline ? ["× baseline"] : [])];
  const lines = [head, head.map(() => "---")];
  for (const r of rows) {
    lines.push([r.name, String(r.runs), ms(r.median), ms(r.p95), ms(r.min), ms(r.max), ...(baseline ? [ratio(r.median / baseline.median)] : [])]);
  }
  return lines.map((l) => `| ${l.join(" | ")} |`).join("\n");
}

function ratio(x: number): string {
  return `${x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×`;
}
