// Memory of reading a plan document near the size limit (issue 11, item 3):
// peak RSS of one read + parse in a child process of its own, per case, with
// a baseline child that only starts and imports the reader (what every case
// pays before reading a byte). Cases:
//   - a 49 MB .txt of plan lines (over the text limit: refused before reading);
//   - a 2.5 MB .txt of the same lines (under the 5 MB and 3 million character limits: read and parsed);
//   - a 49 MB .docx: the seed plan's text with a 48 MB picture (what makes real
//     .docx files large: scans and photos pasted in).
//
//   npm run bench:import-doc:memory [-- --runs 2]
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, ImageRun, Packer, Paragraph } from "docx";

const args = process.argv.slice(2);
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 2;
const ROOT = fileURLToPath(new URL("../test/fixtures/plans", import.meta.url));
const dir = await mkdtemp(join(tmpdir(), "dondoc-bench-mem-"));

const line = "- Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp và các cơ quan liên quan rà soát thủ tục hành chính; thời gian thực hiện: Quý IV/2025.\n";
const textPlan = (mb: number) => `KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n${line.repeat(Math.floor((mb * 1024 * 1024) / Buffer.byteLength(line)))}`;
const files = { txt49: join(dir, "plan-49mb.txt"), txt5: join(dir, "plan-2.5mb.txt"), docx49: join(dir, "plan-49mb.docx") };
await writeFile(files.txt49, textPlan(49));
await writeFile(files.txt5, textPlan(2.5));
const seed = (await readFile(join(ROOT, "1565-KH-SLDTBXH/plan.txt"), "utf8")).split("\n").filter(Boolean);
const picture = new ImageRun({ type: "png", data: randomBytes(48 * 1024 * 1024), transformation: { width: 600, height: 800 } });
await writeFile(files.docx49, await Packer.toBuffer(new Document({ sections: [{ children: [...seed.map((l) => new Paragraph(l)), new Paragraph({ children: [picture] })] }] })));

const reader = new URL("../src/import-doc/import-doc.ts", import.meta.url).href;
function child(file: string | null): { ms: number; rssMb: number; outcome: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", `
    const { readPlanDocument } = await import(${JSON.stringify(reader)});
    const t0 = performance.now();
    let outcome = "baseline";
    if (${JSON.stringify(file)}) {
      try {
        const m = await readPlanDocument(${JSON.stringify(file)}, { units: [] });
        outcome = m.tasks.length + " tasks";
      } catch (e) { outcome = "refused: " + (e.code ?? e.message); }
    }
    console.log(JSON.stringify({ ms: Math.round(performance.now() - t0), rssMb: Math.round(process.resourceUsage().maxRSS / 1024), outcome }));
  `], { encoding: "utf8", maxBuffer: 1 << 20 });
  const last = r.stdout.trim().split("\n").at(-1);
  if (!last) return { ms: 0, rssMb: 0, outcome: `failed (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(-300)}` };
  return JSON.parse(last) as { ms: number; rssMb: number; outcome: string };
}

const cases: [string, string | null][] = [
  ["baseline (start + import the reader)", null],
  ["49 MB .txt", files.txt49],
  ["2.5 MB .txt (under both limits)", files.txt5],
  ["49 MB .docx (text + 48 MB picture)", files.docx49],
];
console.log("| case | run | peak RSS | time | outcome |\n|---|---|---|---|---|");
for (let run = 1; run <= runs; run++) {
  for (const [name, file] of cases) {
    const r = child(file);
    console.log(`| ${name} | ${run} | ${r.rssMb} MB | ${r.ms} ms | ${r.outcome} |`);
  }
}
await rm(dir, { recursive: true, force: true });
