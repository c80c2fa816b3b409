// dondoc without Slack credentials: the fake Slack seeded from the database,
// dondoc's real Slack app (Bolt, HTTP mode) talking to it, and a web page
// where a person picks who they are and uses dondoc as in Slack. Everything
// runs in this process; the app's signing secret and bot token are made up at
// start-up and never leave it.
import { randomBytes } from "node:crypto";
import { WebClient } from "@slack/web-api";
import type { Database } from "../db/database.js";
import { errorInfo, type Logger } from "../log.js";
import { startSlackApp, type SlackRuntime } from "../slack/app.js";
import { boltLogger } from "../log-slack.js";
import type { SlackDeps } from "../slack/context.js";
import { LocaleCache } from "../slack/locale.js";
import { Metrics } from "../slack/metrics.js";
import { createFakeSlack, type FakeSlack } from "../slack-fake/index.js";
import { LocalClock } from "./clock.js";
import { LEADERSHIP_CHANNEL, loadDirectory } from "./directory.js";
import type { LocalJobs, LocalJobsOption } from "./jobs.js";
import { LocalApi } from "./web/api.js";
import { EventHub } from "./web/events.js";
import { isLoopback } from "./web/http.js";
import { startPageServer, type PageServer } from "./web/server.js";

export type { LocalJobs, LocalJobsContext, LocalJobsOption } from "./jobs.js";

export interface StartLocalOptions {
  /** Migrated, with an organisation and a plan loaded. */
  db: Database;
  log: Logger;
  /** The page's port; 3000 by default, 0 for any free port. */
  port?: number;
  /** 127.0.0.1 by default: the page lets anyone act as anyone, so keep it local. */
  host?: string;
  /** Where the workspace's clock starts (it then runs); the real time by default. */
  now?: Date;
  /** Jobs the page can run now; the panel is hidden without them. */
  jobs?: LocalJobsOption;
  /** The slash command, as SLACK_COMMAND configures it; "/kehoach" by default. */
  command?: string;
  /** The leadership's channel, as DONDOC_LEADERSHIP_CHANNEL configures it; "#dondoc-lanhdao" by default. */
  leadershipChannel?: string;
}

export interface LocalWorkspace {
  /** The page, e.g. "http://127.0.0.1:3000/". */
  url: string;
  /** The fake Slack behind the page, for tests and tools. */
  fake: FakeSlack;
  /** Stops the page, dondoc's Slack app and the fake Slack (not the database). */
  close(): Promise<void>;
}

export async function startLocal(options: StartLocalOptions): Promise<LocalWorkspace> {
  const { db, log } = options;
  const command = options.command ?? "/kehoach";
  const host = options.host ?? "127.0.0.1";
  const clock = new LocalClock(options.now);
  const directory = await loadDirectory(db.prisma, { leadershipChannel: options.leadershipChannel ?? `#${LEADERSHIP_CHANNEL}` });
  const signingSecret = randomBytes(32).toString("hex");
  const botToken = `xoxb-local-${randomBytes(16).toString("hex")}`;

  const stack: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of stack.splice(0).reverse()) {
      await close().catch((err: unknown) => log.error({ err: errorInfo(err) }, "error while stopping the local workspace"));
    }
  };
  try {
    const fake = await createFakeSlack({
      signingSecret,
      botToken,
      now: clock.now,
      // dondoc checks request timestamps against the real time, whatever the workspace's clock says.
      signingClock: Date.now,
      seed: directory.seed,
      logger: log.child({ component: "fake-slack" }),
    });
    stack.push(() => fake.close());

    const deps: SlackDeps = {
      prisma: db.prisma,
      log,
      metrics: new Metrics({ defaultMetrics: false }),
      locale: new LocaleCache(log),
      now: () => clock.date(),
    };
    const runtime: SlackRuntime = await startSlackApp({ mode: "http", botToken, signingSecret, apiUrl: fake.url, command }, deps, {
      port: 0,
      host: "127.0.0.1",
      healthy: async () => (await db.prisma.$queryRaw`SELECT 1`, true),
    });
    stack.push(() => runtime.stop());
    fake.setAppUrl(`http://127.0.0.1:${runtime.port}/slack/events`);

    const jobs: LocalJobs | undefined =
      typeof options.jobs === "function"
        ? options.jobs({ client: new WebClient(botToken, { slackApiUrl: fake.url, logger: boltLogger(log, () => {}) }), botToken, apiUrl: fake.url, deps, fake })
        : options.jobs;

    const events = new EventHub();
    const unsubscribe = fake.workspace.onChange((change) => events.publish(change));
    const api = new LocalApi({ fake, clock, directory, jobs, command, events, log: log.child({ component: "local" }) });
    const page: PageServer = await startPageServer({
      host,
      port: options.port ?? 3000,
      api,
      log,
      onClose: () => {
        unsubscribe();
        events.close();
      },
    });
    stack.push(() => page.close());

    if (!isLoopback(host)) log.warn({ host }, "the local workspace lets anyone who reaches it act as any member: keep it on a trusted network");
    log.info(
      {
        url: page.url,
        slackApp: `http://127.0.0.1:${runtime.port}/slack/events`,
        fakeSlack: fake.url,
        clock: clock.date().toISOString(),
        jobs: jobs?.names.map((j) => j.id) ?? [],
      },
      `local workspace ready: open ${page.url}`,
    );
    return { url: page.url, fake, close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
