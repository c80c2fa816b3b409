// `npm start`: prepares the database (embedded PGlite unless DATABASE_URL is
// set), loads the example organisation and plan 1565/KH-SLĐTBXH the first
// time, then runs the Slack bot when Slack credentials are configured, or
// prints where the plan stands when they are not.
import { fileURLToPath } from "node:url";
import { loadConfig, type Config } from "./config/env.js";
import { openDatabase, type Database } from "./db/database.js";
import { localDay } from "./domain/day.js";
import { isAppError } from "./errors.js";
import { parseYaml, readText } from "./files/load.js";
import { OrgFileSchema } from "./files/org-file.js";
import { PlanFileSchema } from "./files/plan-file.js";
import { createLogger, type Logger } from "./log.js";
import { importOrg } from "./services/import-org.js";
import { importPlan } from "./services/import-plan.js";
import { statusSummary } from "./services/plan-queries.js";
import { formatStatus } from "./cli/format.js";
import { startSlackApp } from "./slack/app.js";
import { LocaleCache } from "./slack/locale.js";
import { Metrics } from "./slack/metrics.js";
import { hostname } from "node:os";
import { CalendarFileSchema } from "./files/calendar-file.js";
import { importCalendar } from "./services/calendar.js";
import { startScheduler } from "./scheduler/scheduler.js";
import { slackDeliveryClient } from "./scheduler/slack-delivery.js";

const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));

async function loadExamplesOnce(db: Database, log: Logger): Promise<void> {
  if ((await db.prisma.calendarDay.count()) === 0) {
    const file = `${EXAMPLES}holidays-vn.yaml`;
    await importCalendar(db.prisma, parseYaml(file, await readText(file), CalendarFileSchema), "start:examples");
    log.info({ file }, "loaded the holiday calendar");
  }
  if ((await db.prisma.plan.count()) > 0) return;
  const org = `${EXAMPLES}org.yaml`;
  const plan = `${EXAMPLES}plan-1565-KH-SLDTBXH.yaml`;
  await importOrg(db.prisma, parseYaml(org, await readText(org), OrgFileSchema), { actor: "start:examples" });
  await importPlan(db.prisma, parseYaml(plan, await readText(plan), PlanFileSchema), { actor: "start:examples" });
  log.info({ org, plan }, "loaded the example organisation and plan");
}

async function printStatus(db: Database, config: Config): Promise<void> {
  const where = config.database.kind === "pglite" ? `PGlite, ${config.database.dataDir}` : "PostgreSQL";
  const summary = await statusSummary(db.prisma, { today: localDay(new Date()) });
  process.stdout.write(
    [
      `dondoc: cơ sở dữ liệu sẵn sàng / database ready (${where}).`,
      "",
      formatStatus("Tất cả kế hoạch / All plans", summary, "vi"),
      "",
      "Chưa cấu hình Slack (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): xem README, mục \"Connecting to Slack\".",
      "Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): see README, \"Connecting to Slack\".",
      "Thử / Try:  npm run cli -- plan show 1565   |   npm run cli -- status 1565   |   npm run cli -- --help",
      "",
    ].join("\n"),
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config.database, log);
  try {
    await loadExamplesOnce(db, log);
  } catch (e) {
    await db.close();
    throw e;
  }
  if (!config.slack) {
    await printStatus(db, config);
    await db.close();
    return;
  }
  const runtime = await startSlackApp(
    config.slack,
    { prisma: db.prisma, log, metrics: new Metrics(), locale: new LocaleCache(log), now: () => new Date() },
    { port: config.port, healthy: async () => (await db.prisma.$queryRaw`SELECT 1`, true) },
  );
  const scheduler = config.scheduler.enabled
    ? startScheduler(
        {
          prisma: db.prisma,
          log,
          client: slackDeliveryClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl }),
          config: config.scheduler,
          instance: `${hostname()}:${process.pid}`,
          now: () => new Date(),
        },
        config.scheduler,
      )
    : null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: no new requests, finishing work in flight");
    await scheduler?.stop().catch((err: unknown) => log.error({ err }, "error while stopping the scheduler"));
    await runtime.stop().catch((err: unknown) => log.error({ err }, "error while stopping the Slack app"));
    await db.close();
    log.info("stopped");
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e: unknown) => {
  process.stderr.write(`${isAppError(e) ? e.bilingual() : e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
