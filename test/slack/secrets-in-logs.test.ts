// No secret reaches the logs, on any failure path: Slack answering 500,
// Slack refusing the token (invalid_auth), Slack unreachable, the database
// down. The real app (Bolt HTTP receiver, Web API client, listeners) and the
// scheduler's fan-out run with a logger writing to a captured stream, at
// trace level, configured the way src/main.ts configures it (from the
// environment the process would have).
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { createLogger, secretsFromEnv, type Logger } from "../../src/log.js";
import { loadCalendar, tick } from "../../src/scheduler/scheduler.js";
import { slackDeliveryClient } from "../../src/delivery/slack-delivery.js";
import { backends, createScratchDatabase, type Backend } from "../support/databases.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { schedulerConfig } from "../scheduler/harness.js";
import { BOT_TOKEN, SIGNING_SECRET, startDondoc, USERS, type Dondoc } from "./harness.js";

const DB_PASSWORD = "Db-Pa55word-never-logged";

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/** PostgreSQL behind a proxy that can be taken down, reached with a password in the URL (the test server trusts, so any password works). */
async function proxiedPostgres(serverUrl: string, log: Logger): Promise<{ backend: Backend; proxy: TcpProxy }> {
  const scratch = await createScratchDatabase(serverUrl);
  const target = new URL(scratch.url);
  const proxy = await startTcpProxy(() => ({ host: target.hostname, port: Number(target.port || 5432) }));
  const url = new URL(scratch.url);
  url.host = `127.0.0.1:${proxy.port}`;
  url.username = url.username || "postgres";
  url.password = DB_PASSWORD;
  return {
    proxy,
    backend: {
      name: "postgres",
      async open() {
        const db = await openDatabase({ kind: "postgres", url: url.toString() }, log);
        return {
          ...db,
          async close() {
            await proxy.up();
            await db.close();
            await scratch.drop();
          },
        };
      },
    },
  };
}

const serverUrl = process.env.TEST_DATABASE_URL;

describe.each([{ name: "pglite", postgres: false }, ...(serverUrl ? [{ name: "postgres", postgres: true }] : [])])("secrets in the logs ($name)", ({ postgres }) => {
  const captured = capture();
  let log: Logger;
  let d: Dondoc;
  let slackProxy: TcpProxy;
  let dbProxy: TcpProxy | undefined;
  let fakePort = 0;
  let channel: string;

  beforeAll(async () => {
    // What src/main.ts does: createLogger(level) with the secrets of its environment.
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, DATABASE_URL: `postgresql://postgres:${DB_PASSWORD}@127.0.0.1/x` };
    log = createLogger("trace", { destination: captured.stream, secrets: secretsFromEnv(env) });
    slackProxy = await startTcpProxy(() => ({ host: "127.0.0.1", port: fakePort }));
    let backend = backends[0]!;
    if (postgres) {
      const pg = await proxiedPostgres(serverUrl!, log);
      backend = pg.backend;
      dbProxy = pg.proxy;
    }
    d = await startDondoc(backend, {
      log,
      apiUrl: (fakeUrl) => {
        fakePort = Number(new URL(fakeUrl).port);
        return `http://127.0.0.1:${slackProxy.port}/api/`;
      },
    });
    channel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => {
    await slackProxy?.up();
    await d?.close();
    await slackProxy?.close();
  });

  /** Every Slack-facing path: a command answered in the ack, one opening a modal, App Home, a scheduled fan-out. */
  const exercise = async () => {
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "help" });
    await d.fake.slashCommand({ userId: USERS.office, channelId: channel, command: "/kehoach", text: "baocao" });
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "xem II.2.c.2" });
    await d.fake.appHomeOpened({ userId: USERS.gdnnStaff });
    const ctx = {
      prisma: d.db.prisma,
      log,
      client: slackDeliveryClient({ token: BOT_TOKEN, apiUrl: `http://127.0.0.1:${slackProxy.port}/api/`, timeoutMs: 2_000, log }),
      config: schedulerConfig,
      instance: "leak-test",
      now: () => new Date("2023-09-18T01:05:00Z"), // Monday 08:05 in Vietnam: the weekly reminders
    };
    await loadCalendar(d.db.prisma).catch(() => undefined);
    await tick(ctx, schedulerConfig).catch(() => undefined);
    // Late answers (response_url, App Home) and their retries: every listener run has ended.
    await d.runtime.idle();
  };

  it("Slack answering 500", async () => {
    d.fake.failNext("*", { status: 500 }, 1_000);
    await exercise();
    d.fake.clearFaults(); // the next phase starts clean
  }, 120_000);

  it("Slack refusing the token (invalid_auth)", async () => {
    d.fake.failNext("*", { error: "invalid_auth" }, 1_000);
    await exercise();
    d.fake.clearFaults(); // the next phase starts clean
  }, 120_000);

  it("Slack unreachable", async () => {
    await slackProxy.down();
    await exercise();
    await slackProxy.up();
  }, 120_000);

  it.skipIf(!postgres)(
    "the database down",
    async () => {
      await dbProxy!.down();
      await exercise();
      const health = await fetch(`http://127.0.0.1:${d.runtime.port}/healthz`);
      expect(health.status).toBe(503);
      await dbProxy!.up();
    },
    120_000,
  );

  it("wrote failures to the log, and no secret, no request object", () => {
    const text = captured.text();
    // The paths above did fail and were logged (else this test proves nothing).
    expect(text).toMatch(/"level":(40|50)/);
    expect(text).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/);
    expect(text).toMatch(/invalid_auth/);
    expect(text).toMatch(/statusCode = 500|"status":500/);
    if (postgres) expect(text).toMatch(/PostgreSQL|database|P1001|ECONNREFUSED/i);
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, DB_PASSWORD, encodeURIComponent(DB_PASSWORD)]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/xox[abpre]-(?!\[redacted\])/);
    // Errors are logged as code, method and message, never as the HTTP client's objects.
    expect(text).not.toMatch(/"(config|headers|original|request|_header)":/);
  });
});

describe("the logger's scrubbing on its own", () => {
  it("removes token shapes even when no secret is configured, and configured values wherever they appear", () => {
    const c = capture();
    const log = createLogger("info", { destination: c.stream, secrets: ["s1gning-Secret", "p@ss/w:rd"] });
    log.info({ headers: { Authorization: "Bearer xoxb-1-2-abc" }, config: { data: "token=xoxp-9&channel=C1" } }, "a");
    log.info({ nested: { deeper: { s: "xapp-1-A1-123 and xoxe-1-x" } } }, "b");
    log.info(`url postgresql://u:${encodeURIComponent("p@ss/w:rd")}@h:5432/db and secret s1gning-Secret and "token=abc123"`);
    log.info(
      {
        err: Object.assign(new Error("boom xoxb-77"), {
          code: "slack_webapi_request_error",
          original: { config: { url: "https://slack.com/api/chat.postMessage", headers: { Authorization: "Bearer xoxb-77" } } },
        }),
      },
      "c",
    );
    const text = c.text();
    for (const s of ["xoxb-1-2-abc", "xoxp-9", "xapp-1-A1-123", "xoxe-1-x", "s1gning-Secret", "p%40ss%2Fw%3Ard", "abc123", "xoxb-77"]) expect(text).not.toContain(s);
    expect(text).toContain('"method":"chat.postMessage"');
    expect(text).not.toContain('"original"');
  });
});
