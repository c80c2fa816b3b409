// Memory of reading a plan document near the size limit (issue 11, item 3):
// peak RSS of one read + parse in a child process of its own, per case, with
// a baseline child that only starts and imports the reader (what every case
// pays before reading a byte). Cases:
//   - a 49 MB .txt of plan lines (over the text limit: refused before reading);
//   - a 2.5 MB .txt of the same lines (under the 5 MB and 3 million character limits: read and parsed);
//   - a 49 MB .docx: the seed plan's text with a 48 MB picture (what makes real
//     .docx files large: scans and photos pasted in);
//   - a 49 MB .pdf whose pages are all text (about 8,000 pages of plan lines,
//     uncompressed): the case a page count alone does not bound;
//   - a 49 MB .pdf of the corpus's real Công báo plans with a picture on every
//     page (what makes a real plan PDF large: scans and photos).
//
//   npm run bench:import-doc:memory [-- --runs 2] [-- --only pdf]
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, ImageRun, Packer, Paragraph } from "docx";
import { realPlansWithPicturesPdf } from "./lib/real-plans-pdf.mjs";

const args = process.argv.slice(2);
const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 2;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]! : null;
const ROOT = fileURLToPath(new URL("../test/fixtures/plans", import.meta.url));
const dir = await mkdtemp(join(tmpdir(), "dondoc-bench-mem-"));

const line = "- Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp và các cơ quan liên quan rà soát thủ tục hành chính; thời gian thực hiện: Quý IV/2025.\n";
const textPlan = (mb: number) => `KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n${line.repeat(Math.floor((mb * 1024 * 1024) / Buffer.byteLength(line)))}`;
const files = {
  txt49: join(dir, "plan-49mb.txt"),
  txt5: join(dir, "plan-2.5mb.txt"),
  docx49: join(dir, "plan-49mb.docx"),
  pdf49: join(dir, "plan-49mb.pdf"),
  pdfPictures49: join(dir, "plans-pictures-49mb.pdf"),
};
await writeFile(files.txt49, textPlan(49));
await writeFile(files.txt5, textPlan(2.5));
const seed = (await readFile(join(ROOT, "1565-KH-SLDTBXH/plan.txt"), "utf8")).split("\n").filter(Boolean);
const picture = new ImageRun({ type: "png", data: randomBytes(48 * 1024 * 1024), transformation: { width: 600, height: 800 } });
await writeFile(files.docx49, await Packer.toBuffer(new Document({ sections: [{ children: [...seed.map((l) => new Paragraph(l)), new Paragraph({ children: [picture] })] }] })));

/**
 * A text-only PDF of about `mb` megabytes: pages of plan lines, unaccented,
 * in the standard Helvetica, uncompressed. Written directly (a catalog, a
 * page tree, one font, a page and a content stream per page, the xref
 * table) because pdfkit needed over 15 minutes and 3.7 GB to lay out the
 * first 5 MB of it; a bench fixture needs no layout.
 */
async function textPdf(file: string, mb: number): Promise<number> {
  const ascii = line
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[()\\]/g, "")
    .trim();
  const words = ascii.split(" ");
  const rows: string[] = [];
  let row = "";
  for (const w of words) {
    if ((row + " " + w).length > 90) {
      rows.push(row);
      row = w;
    } else row = row ? `${row} ${w}` : w;
  }
  rows.push(row);
  const pageLines = Array.from({ length: 50 }, (_, i) => rows[i % rows.length]!);
  const stream = (first: boolean) =>
    `BT /F1 10 Tf 12 TL 60 790 Td ${(first ? ["KE HOACH", "Cai cach hanh chinh nam 2025", "II. NHIEM VU", ...pageLines.slice(3)] : pageLines).map((l) => `(${l}) Tj T*`).join(" ")} ET`;
  const pageBytes = Buffer.byteLength(stream(false)) + 200;
  const pages = Math.ceil((mb * 1024 * 1024) / pageBytes);
  const chunks: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  const put = (s: string) => {
    chunks.push(s);
    at += Buffer.byteLength(s, "latin1");
  };
  const obj = (n: number, body: string) => {
    offsets[n] = at;
    put(`${n} 0 obj\n${body}\nendobj\n`);
  };
  put("%PDF-1.4\n");
  // 1 catalog, 2 pages, 3 font, then page i: 4 + 2i, its content 5 + 2i.
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(" ")}] >>`);
  obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (let i = 0; i < pages; i++) {
    const content = stream(i === 0);
    obj(4 + 2 * i, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    obj(5 + 2 * i, `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
  }
  const count = 4 + 2 * pages;
  const xref = at;
  put(
    `xref\n0 ${count}\n0000000000 65535 f \n${offsets
      .slice(1)
      .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
      .join("")}`,
  );
  put(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  await writeFile(file, Buffer.from(chunks.join(""), "latin1"));
  return pages;
}
const pdfPages = await textPdf(files.pdf49, 49);
const withPictures = await realPlansWithPicturesPdf(ROOT, 49);
await writeFile(files.pdfPictures49, withPictures.bytes);

const reader = new URL("../src/import-doc/import-doc.ts", import.meta.url).href;
function child(file: string | null): { ms: number; rssMb: number; outcome: string } {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `
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
  `,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const last = r.stdout.trim().split("\n").at(-1);
  if (!last) return { ms: 0, rssMb: 0, outcome: `failed (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(-300)}` };
  return JSON.parse(last) as { ms: number; rssMb: number; outcome: string };
}

const cases: [string, string | null][] = [
  ["baseline (start + import the reader)", null],
  ["49 MB .txt", files.txt49],
  ["2.5 MB .txt (under both limits)", files.txt5],
  ["49 MB .docx (text + 48 MB picture)", files.docx49],
  [`49 MB .pdf, text only (${pdfPages.toLocaleString("en")} pages)`, files.pdf49],
  [`49 MB .pdf, the real plans with a picture on each of their ${withPictures.pages} pages`, files.pdfPictures49],
];
console.log("| case | run | peak RSS | time | outcome |\n|---|---|---|---|---|");
for (let run = 1; run <= runs; run++) {
  for (const [name, file] of cases) {
    if (only && file !== null && !file.endsWith(`.${only}`)) continue;
    const r = child(file);
    console.log(`| ${name} | ${run} | ${r.rssMb} MB | ${r.ms} ms | ${r.outcome} |`);
  }
}
await rm(dir, { recursive: true, force: true });
