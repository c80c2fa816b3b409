// Renders the consolidated report so a reviewer can see it: builds the
// .docx and .xlsx with `dondoc report build`'s code, converts the .docx to
// PDF with LibreOffice headless and its first pages to PNG with pdftoppm.
//
//   npm run report:render -- [--out docs/report] [--plan 1565] [--period "Quý III/2023"] [--at 18/09/2023] [--pages 2]
//
// Without DATABASE_URL it uses a throw-away embedded database loaded with the
// example department, plan 1565/KH-SLĐTBXH and the demo progress (as `npm
// start` does). Needs `soffice` (Debian: libreoffice-writer-nogui) and
// `pdftoppm` (poppler-utils). Times New Roman is not packaged by Debian;
// LibreOffice substitutes Liberation Serif (fonts-liberation), which is
// metric-compatible, so line breaks and page breaks match Word's.
import { execFile } from "node:child_process";
import { mkdtemp, rm, readdir, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Command } from "commander";
import { loadConfig } from "../src/config/env.js";
import { openDatabase } from "../src/db/database.js";
import { parseVnDate } from "../src/domain/day.js";
import { loadExamples } from "../src/demo/examples.js";
import { createLogger } from "../src/log.js";
import { parseReportPeriod } from "../src/report/period.js";
import { buildReportModel } from "../src/services/report-model.js";
import { writeReportFiles } from "../src/services/report-files.js";

const run = promisify(execFile);
const opts = new Command()
  .option("--out <dir>", "where the files go", "docs/report")
  .option("--plan <number>", "plan", "1565")
  .option("--period <period>", "period", "Quý III/2023")
  .option("--at <date>", "the report's date", "18/09/2023")
  .option("--pages <n>", "pages to render as PNG", "2")
  .parse()
  .opts<{ out: string; plan: string; period: string; at: string; pages: string }>();

const log = createLogger("warn");
const config = loadConfig();
const scratch = config.database.kind === "pglite" ? await mkdtemp(path.join(tmpdir(), "dondoc-render-")) : null;
const db = await openDatabase(scratch ? { kind: "pglite", dataDir: scratch } : config.database, log);
try {
  if ((await db.prisma.plan.count()) === 0) {
    await loadExamples(db.prisma, "render-report");
  }
  const window = parseReportPeriod(opts.period);
  const date = parseVnDate(opts.at);
  if (!window || !date) throw new Error(`bad --period or --at: ${opts.period} ${opts.at}`);
  const model = await buildReportModel(db.prisma, { plan: opts.plan, window, date });
  const files = await writeReportFiles(model, opts.out);
  // A private LibreOffice profile, so a running LibreOffice (or another render) does not block this one.
  const profile = await mkdtemp(path.join(tmpdir(), "dondoc-lo-"));
  // The .xlsx too when LibreOffice Calc is installed (libreoffice-calc-nogui): its first printed page.
  const rendered = [
    { file: files.docx, pages: opts.pages },
    { file: files.xlsx, pages: "1" },
  ];
  for (const { file, pages } of rendered) {
    try {
      await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", opts.out, file], { timeout: 120_000 });
    } catch (e) {
      if (file === files.docx) throw e;
      process.stderr.write(`${path.basename(file)} not rendered (LibreOffice Calc missing?)\n`);
      continue;
    }
    const prefix = file.replace(/\.(docx|xlsx)$/, "");
    await run("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", pages, `${prefix}.pdf`, prefix]);
    // pdftoppm numbers pages -1, -01 or -001 depending on the page count: name them -page1, -page2, ... always.
    const base = path.basename(prefix);
    for (const f of await readdir(opts.out)) {
      const m = /-0*(\d+)\.png$/.exec(f);
      if (m && f.startsWith(`${base}-`) && !f.includes("-page")) await rename(path.join(opts.out, f), path.join(opts.out, `${base}-page${m[1]}.png`));
    }
    process.stdout.write(`${prefix}.pdf, ${prefix}-page1.png ...\n`);
  }
  await rm(profile, { recursive: true, force: true });
  process.stdout.write(`${files.docx}\n${files.xlsx}\n`);
} finally {
  await db.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
}
