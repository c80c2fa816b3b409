// dondoc's real Slack app on a test database, wired to the fake Slack, with
// the example organisation and plan loaded. It reaches the app over HTTP
// (Bolt's HTTP receiver, signed requests) or Socket Mode (the app connects to
// the fake with its app-level token), configured from environment variables
// as `npm start` is.
import { loadConfig } from "../../src/config/env.js";
import type { Database } from "../../src/db/database.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { startSlackApp, type SlackRuntime } from "../../src/slack/app.js";
import type { SlackDeps } from "../../src/slack/context.js";
import { LocaleCache } from "../../src/slack/locale.js";
import { Metrics } from "../../src/slack/metrics.js";
import { createFakeSlack, type FakeSlack, type FakeSlackOptions, type TransportKind } from "../../src/slack-fake/index.js";
import type { Logger } from "../../src/log.js";
import { log as silentLog, type Backend } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

export const SIGNING_SECRET = "test-signing-secret-0123456789";
export const BOT_TOKEN = "xoxb-test-dondoc";
export const APP_TOKEN = "xapp-1-A0DONDOC-test-dondoc";

/** Every Slack test that is not about HTTP itself runs over both. */
export const TRANSPORTS: readonly TransportKind[] = ["http", "socket"];

/** Members of examples/org.yaml used in the tests. */
export const USERS = {
  gdnnStaff: "U0GDNN002", // staff, GDNN
  ldvlLead: "U0LDVL001", // unit lead, LĐ-VL
  office: "U0VP00002", // office, VP
  admin: "U0ADM0001",
  leadership: "U0LDS0001",
  stranger: "U0NOBODY1", // in Slack, not in dondoc
} as const;

export interface Dondoc {
  transport: TransportKind;
  db: Database;
  fake: FakeSlack;
  deps: SlackDeps;
  runtime: SlackRuntime;
  /** Moves dondoc's clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export async function startDondoc(
  backend: Backend,
  options: {
    now?: Date;
    transport?: TransportKind;
    socketMode?: FakeSlackOptions["socketMode"];
    log?: Logger;
    requestTimeoutMs?: number;
    apiUrl?: (fakeUrl: string) => string;
  } = {},
): Promise<Dondoc> {
  const transport = options.transport ?? "http";
  const log = options.log ?? silentLog;
  const db = await backend.open();
  const orgFile = await loadOrg();
  await importOrg(db.prisma, orgFile, { actor: "test" });
  await importPlan(db.prisma, await loadPlan(), { actor: "test" });
  const units = await db.prisma.unit.findMany();
  const fake = await createFakeSlack({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    transport,
    ...(options.socketMode ? { socketMode: options.socketMode } : {}),
    seed: {
      users: [
        ...orgFile.data.members.map((m) => ({ id: m.slackUserId, name: m.name, realName: m.name, locale: "vi-VN" })),
        { id: USERS.stranger, name: "nguoi-la", realName: "Người Lạ", locale: "en-US" },
      ],
      channels: units.map((u) => ({ id: `C${u.id.toString().padStart(8, "0")}`, name: u.slackChannel!.replace(/^#/, "") })),
    },
  });
  let now = options.now ?? new Date("2023-09-20T03:00:00Z");
  const deps: SlackDeps = { prisma: db.prisma, log, metrics: new Metrics({ defaultMetrics: false }), locale: new LocaleCache(log), now: () => now };
  // As in production: the mode follows SLACK_APP_TOKEN, and SLACK_API_URL
  // points the Web API client (and the Socket Mode client's
  // apps.connections.open) at the fake.
  const slack = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: options.apiUrl?.(fake.url) ?? fake.url,
    SLACK_COMMAND: "/kehoach",
    ...(transport === "socket" ? { SLACK_APP_TOKEN: APP_TOKEN } : {}),
  }).slack!;
  const runtime = await startSlackApp(slack, deps, {
    port: 0,
    host: "127.0.0.1",
    healthy: async () => (await db.prisma.$queryRaw`SELECT 1`, true),
    requestTimeoutMs: options.requestTimeoutMs,
  });
  if (transport === "http") fake.setAppUrl(`http://127.0.0.1:${runtime.port}/slack/events`);
  return {
    transport,
    db,
    fake,
    deps,
    runtime,
    setNow: (d) => void (now = d),
    async close() {
      await runtime.stop();
      await fake.close();
      await db.close();
    },
  };
}
