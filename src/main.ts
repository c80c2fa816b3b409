// `npm start`: prepares the database (embedded PGlite unless DATABASE_URL is
// set) and the holiday calendar. With Slack credentials it runs the bot and
// the scheduler. Without them it loads the example department and plan
// 1565/KH-SLĐTBXH with demo progress (the first time) and serves a local
// Slack-like workspace in the browser, running the same bot.
import { loadConfig, type Config } from "./config/env.js";
import { DEMO_NOW } from "./demo/demo-progress.js";
import { EXAMPLES, loadExamples } from "./demo/examples.js";
import { schedulerJobs } from "./local/scheduler-jobs.js";
import { startLocal } from "./local/start-local.js";
import { BOT_DATABASE_OPTIONS, openDatabase, type Database } from "./db/database.js";
import { serveBackups } from "./db/backup-socket.js";
import { isAppError } from "./errors.js";
import { parseYaml, readText } from "./files/load.js";
import { createLifecycle, type Lifecycle } from "./lifecycle.js";
import { createLogger, errorInfo, type Logger } from "./log.js";
import { startSlackApp } from "./slack/app.js";
import { EXIT_CONFIG } from "./slack/start-up.js";
import { LocaleCache } from "./slack/locale.js";
import { Metrics } from "./slack/metrics.js";
import { hostname } from "node:os";
import { CalendarFileSchema } from "./files/calendar-file.js";
import { importCalendar } from "./services/calendar.js";
import { startScheduler } from "./scheduler/scheduler.js";
import { slackDeliveryClient } from "./delivery/slack-delivery.js";

/** The official days off, the first time: real data in every mode. */
async function loadHolidaysOnce(db: Database, log: Logger): Promise<void> {
  if ((await db.prisma.calendarDay.count()) > 0) return;
  const file = `${EXAMPLES}holidays-vn.yaml`;
  await importCalendar(db.prisma, parseYaml(file, await readText(file), CalendarFileSchema), "start:examples");
  log.info({ file }, "loaded the holiday calendar");
}

/** The example department and plan with demo progress, for trying dondoc without Slack. */
async function loadExamplesOnce(db: Database, log: Logger): Promise<void> {
  if ((await db.prisma.plan.count()) > 0) return;
  const loaded = await loadExamples(db.prisma, "start:examples");
  log.info(loaded, "loaded the example organisation and plan, with demo progress");
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const metrics = new Metrics();
  const lifecycle = createLifecycle(log, { onRejection: () => metrics.errors.inc({ where: "unhandled_rejection" }) });
  try {
    await run(config, log, metrics, lifecycle);
  } catch (e) {
    // A stop that was asked for (SIGTERM while waiting for Slack) is not a failure.
    if (lifecycle.signal.aborted) return;
    const token = isAppError(e) && e.code === "SLACK_TOKEN_INVALID";
    // One line, Vietnamese then English; never the error object (it may carry the token).
    process.stderr.write(`${isAppError(e) ? `${e.text("vi")} / ${e.text("en")}` : errorInfo(e).message}\n`);
    await lifecycle.stop("start-up failed", token ? EXIT_CONFIG : 1);
  }
}

async function run(config: Config, log: Logger, metrics: Metrics, lifecycle: Lifecycle): Promise<void> {
  // PGlite in a thread of its own: its statements never hold up the acknowledgements Slack waits for.
  const db = await openDatabase(config.database, log, BOT_DATABASE_OPTIONS);
  lifecycle.onStop("database", () => db.close());
  if (config.database.kind === "pglite") {
    // `dondoc db backup` while the bot runs: the embedded database takes one process, so the bot serves it.
    const backups = await serveBackups(db.prisma, config.database.dataDir, log);
    if (backups) lifecycle.onStop("backup socket", () => backups.close());
  }
  await loadHolidaysOnce(db, log);
  if (!config.slack) await loadExamplesOnce(db, log);
  else if ((await db.prisma.plan.count()) === 0) log.warn("no plan yet: load one with `dondoc org import` and `dondoc plan import`");
  if (!config.slack) {
    // No Slack credentials: the same bot, against a local Slack-like
    // workspace in the browser, on the demo's clock.
    const local = await startLocal({
      db,
      log,
      port: config.port,
      now: DEMO_NOW,
      leadershipChannel: config.scheduler.leadershipChannel,
      jobs: schedulerJobs(config.scheduler),
    });
    lifecycle.onStop("local workspace", () => local.close());
    process.stdout.write(
      [
        "",
        `dondoc chạy thử, không cần Slack — mở ${local.url}`,
        `dondoc without Slack — open ${local.url}`,
        `(${config.database.kind === "pglite" ? `PGlite, ${config.database.dataDir}` : "PostgreSQL"}; kế hoạch 1565/KH-SLĐTBXH với dữ liệu minh họa / with demo data)`,
        "",
      ].join("\n"),
    );
    return;
  }
  const runtime = await startSlackApp(
    config.slack,
    { prisma: db.prisma, log, metrics, locale: new LocaleCache(log), now: () => new Date() },
    { port: config.port, healthy: async () => (await db.prisma.$queryRaw`SELECT 1`, true), startRetry: { signal: lifecycle.signal } },
  );
  lifecycle.onStop("Slack app", () => runtime.stop());
  if (config.scheduler.enabled) {
    const scheduler = startScheduler(
      {
        prisma: db.prisma,
        log,
        client: slackDeliveryClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl, log }),
        config: config.scheduler,
        instance: `${hostname()}:${process.pid}`,
        now: () => new Date(),
      },
      config.scheduler,
    );
    lifecycle.onStop("scheduler", () => scheduler.stop());
  }
}

main().catch((e: unknown) => {
  // Only configuration errors get here (before the logger exists).
  process.stderr.write(`${isAppError(e) ? e.bilingual() : errorInfo(e).message}\n`);
  process.exitCode = 1;
});
