// Renders the leadership digest's chart for the demo plan, as the scheduler
// draws it each Friday, so a reviewer can look at it without running Slack:
// a throw-away embedded database loaded with the example department, plan
// 1565/KH-SLĐTBXH and the demo progress (as `npm start` does), the digest's
// model on the given day, the chart written as PNG.
//
//   npm run digest:chart -- [--at 17/11/2023] [--out docs/screenshots/digest-chart-demo.png] [--lang vi|en]
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { openDatabase } from "../src/db/database.js";
import { parseVnDate } from "../src/domain/day.js";
import { loadExamples } from "../src/demo/examples.js";
import { createLogger } from "../src/log.js";
import { digestChartFile } from "../src/services/weekly/digest-chart.js";
import { digestModel } from "../src/services/weekly/digest.js";
import { weekLabel } from "../src/views/weekly.js";

const opts = new Command()
  .option("--at <date>", "the digest's day", "17/11/2023")
  .option("--out <file>", "the PNG", "docs/screenshots/digest-chart-demo.png")
  .option("--lang <lang>", "vi or en", "vi")
  .parse()
  .opts<{ at: string; out: string; lang: "vi" | "en" }>();

const today = parseVnDate(opts.at);
if (!today) throw new Error(`--at: not a date: ${opts.at}`);
const scratch = await mkdtemp(path.join(tmpdir(), "dondoc-chart-"));
const db = await openDatabase({ kind: "pglite", dataDir: scratch }, createLogger("warn"));
try {
  await loadExamples(db.prisma, "render-chart");
  const model = await digestModel(db.prisma, { today });
  const file = digestChartFile(model, opts.lang, weekLabel(model.week, opts.lang));
  await writeFile(opts.out, file.png);
  process.stdout.write(`${opts.out}: ${file.title}, ${file.png.length.toLocaleString("en")} bytes\n`);
} finally {
  await db.close();
  await rm(scratch, { recursive: true, force: true });
}
