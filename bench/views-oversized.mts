// Rendering the oversized surfaces (200 tasks, 1,000 units, 5,000-character texts: test/views/surfaces.ts), the
// worst cases a command, a reminder or the digest builds: median of 5 per surface and language, in this process.
//
//   npx tsx bench/views-oversized.mts
import { LANGS, OVERSIZED } from "../test/views/surfaces.js";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: [number, string][] = [];
for (const [name, build] of Object.entries(OVERSIZED)) {
  for (const lang of LANGS) {
    build(lang); // warm-up
    const times = Array.from({ length: 5 }, () => {
      const t = performance.now();
      build(lang);
      return performance.now() - t;
    });
    rows.push([median(times), `${name} (${lang})`]);
  }
}
rows.sort((a, b) => b[0] - a[0]);
for (const [ms, name] of rows.slice(0, 8)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
console.log(
  `${rows
    .reduce((n, [ms]) => n + ms, 0)
    .toFixed(0)
    .padStart(8)} ms  all ${rows.length} renders`,
);
