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
import { createFakeSlack, signRequest, type FakeSlack, type FakeSlackOptions, type TransportKind } from "../../src/slack-fake/index.js";
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
    /** The fake's trigger_id lifetime (Slack's 3 s by default). */
    triggerLifetimeMs?: number;
    /** Socket Mode's reconnection back-off (startSlackApp's option). */
    reconnectDelayMs?: (attempt: number) => number;
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
    ...(options.triggerLifetimeMs ? { triggerLifetimeMs: options.triggerLifetimeMs } : {}),
    seed: {
      users: [
        ...orgFile.data.members.map((m) => ({ id: m.slackUserId, name: m.name, realName: m.name, locale: "vi-VN" })),
        { id: USERS.stranger, name: "nguoi-la", realName: "Người Lạ", locale: "en-US" },
      ],
      channels: units.map((u) => ({ id: `C${u.id.toString().padStart(8, "0")}`, name: u.slackChannel!.replace(/^#/, "") })),
    },
  });
  let now = options.now ?? new Date("2023-09-20T03:00:00Z");
  // The posts a listener sends itself go 100 times faster than in production
  // (a 10 ms gap instead of 1.2 s): no test here is about that pace.
  const deps: SlackDeps = { prisma: db.prisma, log, metrics: new Metrics({ defaultMetrics: false }), locale: new LocaleCache(log), now: () => now, messagesPerMinute: 6_000 };
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
    reconnectDelayMs: options.reconnectDelayMs,
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

export interface AppAnswer {
  status: number;
  text: string;
}

/**
 * Routes the next request the fake Slack sends to dondoc through `handle`,
 * which may send it (as is, or edited and signed again) any number of times;
 * the fake gets the answer `handle` returns. For replays and forgeries that
 * the fake, which only sends what a real Slack client could, never makes.
 */
function interceptNext(d: Dondoc, handle: (send: (body: string, headers?: Record<string, string>) => Promise<AppAnswer>, body: string) => Promise<AppAnswer>): void {
  const real = globalThis.fetch;
  const appUrl = `http://127.0.0.1:${d.runtime.port}/slack/events`;
  globalThis.fetch = async (input, init) => {
    if (String(input) !== appUrl) return real(input, init);
    globalThis.fetch = real;
    const headers = { ...(init?.headers as Record<string, string>) };
    const send = async (body: string, extra: Record<string, string> = {}) => {
      const res = await real(appUrl, { method: "POST", headers: { ...headers, ...extra }, body });
      return { status: res.status, text: await res.text() };
    };
    const answer = await handle(send, String(init?.body));
    return new Response(answer.text, { status: answer.status });
  };
}

/**
 * The next request reaches dondoc twice, byte for byte with the same
 * signature: at once (delayMs 0) or `delayMs` apart, as a replay or a double
 * submission would. Resolves with both answers.
 */
export function duplicateNext(d: Dondoc, delayMs: number): Promise<[AppAnswer, AppAnswer]> {
  return new Promise((resolve) => {
    interceptNext(d, async (send, body) => {
      const first = send(body);
      const second = delayMs === 0 ? send(body) : new Promise((r) => setTimeout(r, delayMs)).then(() => send(body));
      void Promise.all([first, second]).then(resolve);
      return first;
    });
  });
}

/** The next interaction's JSON payload is edited, then signed again as Slack would sign it: a forged request. */
export function forgeNext(d: Dondoc, edit: (payload: Record<string, any>) => void): void {
  interceptNext(d, async (send, body) => {
    const form = new URLSearchParams(body);
    const payload = JSON.parse(form.get("payload")!) as Record<string, any>;
    edit(payload);
    form.set("payload", JSON.stringify(payload));
    const raw = form.toString();
    const ts = Math.floor(Date.now() / 1000);
    return send(raw, { "x-slack-request-timestamp": String(ts), "x-slack-signature": signRequest(SIGNING_SECRET, raw, ts) });
  });
}
