// `npm start`: prepares the database (embedded PGlite unless DATABASE_URL is
// set), loads the example organisation and plan 1565/KH-SLĐTBXH the first
// time, and prints where the plan stands. The Slack bot builds on this.
import { fileURLToPath } from "node:url";
import { loadConfig } from "./config/env.js";
import { openDatabase } from "./db/database.js";
import { localDay } from "./domain/day.js";
import { parseYaml, readText } from "./files/load.js";
import { OrgFileSchema } from "./files/org-file.js";
import { PlanFileSchema } from "./files/plan-file.js";
import { createLogger } from "./log.js";
import { importOrg } from "./services/import-org.js";
import { importPlan } from "./services/import-plan.js";
import { statusSummary } from "./services/plan-queries.js";
import { formatStatus } from "./cli/format.js";
import { isAppError } from "./errors.js";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config.database, log);
  try {
    if ((await db.prisma.plan.count()) === 0) {
      const org = `${EXAMPLES}org.yaml`;
      const plan = `${EXAMPLES}plan-1565-KH-SLDTBXH.yaml`;
      await importOrg(db.prisma, parseYaml(org, await readText(org), OrgFileSchema), { actor: "start:examples" });
      await importPlan(db.prisma, parseYaml(plan, await readText(plan), PlanFileSchema), { actor: "start:examples" });
      log.info({ org, plan }, "loaded the example organisation and plan");
    }
    const where = config.database.kind === "pglite" ? `PGlite, ${config.database.dataDir}` : "PostgreSQL";
    const summary = await statusSummary(db.prisma, { today: localDay(new Date()) });
    process.stdout.write(
      [
        `dondoc: cơ sở dữ liệu sẵn sàng / database ready (${where}).`,
        "",
        formatStatus("Tất cả kế hoạch / All plans", summary, "vi"),
        "",
        "Thử / Try:  npm run cli -- plan show 1565   |   npm run cli -- status 1565   |   npm run cli -- --help",
        "",
      ].join("\n"),
    );
  } finally {
    await db.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${isAppError(e) ? e.bilingual() : e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
