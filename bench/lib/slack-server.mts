// The two HTTP servers the Slack benchmark drives with signed requests:
//  - "dondoc": dondoc's own Bolt app (startSlackApp, HTTP receiver) on a
//    PostgreSQL database, wired as test/slack/harness.ts wires it;
//  - "bare": a minimal Bolt app that acknowledges /kehoach with a fixed
//    text, the floor any Bolt app pays (signature check, body parsing,
//    middleware, the HTTP round trip).
//
// Each can run in this process (startTarget) or in a child process of its
// own (forkTarget, which runs this file), so that the load generator and the
// fake Slack do not share the server's event loop: in production Slack is on
// another machine.
import { fork, type ChildProcess } from "node:child_process";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { App, LogLevel } from "@slack/bolt";
import { BOT_DATABASE_OPTIONS, openDatabase } from "../../src/db/database.js";
import { createLogger } from "../../src/log.js";
import { startSlackApp } from "../../src/slack/app.js";
import { LocaleCache } from "../../src/slack/locale.js";
import { Metrics } from "../../src/slack/metrics.js";

export type TargetKind = "dondoc" | "bare";

export interface TargetConfig {
  kind: TargetKind;
  botToken: string;
  signingSecret: string;
  command: string;
  /** The fake Slack's Web API base (fake.url). */
  apiUrl: string;
  /** PostgreSQL database URL, or "pglite:DIR" for an embedded database in DIR (dondoc only). */
  dbUrl: string;
  /** dondoc's clock, fixed (ISO). */
  now: string;
}

export interface RunningTarget {
  kind: TargetKind;
  port: number;
  /** Process id serving the requests (this one, or the child's). */
  pid: number;
  /** CPU time (user + system, ms) the serving process has used so far. */
  cpuMs(): Promise<number>;
  /** dondoc's /metrics text (Prometheus), or "" for the bare app. */
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

/** The bare app's answer: Bolt's floor for a slash command answered in the acknowledgement. */
export const BARE_ANSWER = "ok";

export async function startTarget(config: TargetConfig): Promise<RunningTarget> {
  const cpuMs = async () => cpuOfThisProcess();
  if (config.kind === "bare") {
    const app = new App({
      token: config.botToken,
      signingSecret: config.signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: config.apiUrl },
    });
    app.command(config.command, async ({ ack }) => ack({ response_type: "ephemeral", text: BARE_ANSWER }));
    const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
    return {
      kind: "bare",
      port: (server.address() as AddressInfo).port,
      pid: process.pid,
      cpuMs,
      metrics: async () => "",
      stop: async () => void (await app.stop()),
    };
  }
  const log = createLogger("warn");
  const db = config.dbUrl.startsWith("pglite:")
    ? await openDatabase({ kind: "pglite", dataDir: config.dbUrl.slice("pglite:".length) }, log, { migrate: false, ...BOT_DATABASE_OPTIONS })
    : await openDatabase({ kind: "postgres", url: config.dbUrl }, log, { migrate: false });
  const metrics = new Metrics({ defaultMetrics: false });
  const now = new Date(config.now);
  const runtime = await startSlackApp(
    { mode: "http", botToken: config.botToken, signingSecret: config.signingSecret, apiUrl: config.apiUrl, command: config.command },
    { prisma: db.prisma, log, metrics, locale: new LocaleCache(log), now: () => now },
    { port: 0, host: "127.0.0.1", healthy: async () => (await db.prisma.$queryRaw`SELECT 1`, true) },
  );
  return {
    kind: "dondoc",
    port: runtime.port,
    pid: process.pid,
    cpuMs,
    metrics: () => metrics.registry.metrics(),
    async stop() {
      await runtime.stop();
      await db.close();
    },
  };
}

function cpuOfThisProcess(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

type Request = { id: number; op: "cpu" | "metrics" | "stop" };
type Reply = { id: number; value: unknown } | { ready: true; port: number } | { failed: string };

/** Starts a target in a child process running this file, talking over IPC. */
export async function forkTarget(config: TargetConfig, options: { cpuProfileDir?: string } = {}): Promise<RunningTarget> {
  // One directory per server: Node writes a profile per thread (tsx's module hooks run in one of their own).
  const profile = options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", resolve(options.cpuProfileDir, config.kind)] : [];
  const child = fork(fileURLToPath(import.meta.url), ["--child"], {
    // tsx is resolved from the repository root, as `npx tsx` does.
    cwd: resolve(dirname(fileURLToPath(import.meta.url)), "../.."),
    execArgv: ["--import", "tsx", ...profile],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    const onMessage = (m: Reply) => {
      if ("ready" in m) resolvePort(m.port);
      else if ("failed" in m) reject(new Error(`${config.kind} server failed to start: ${m.failed}`));
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`${config.kind} server exited with ${code} before it was ready`)));
    child.send(config);
  });
  let next = 0;
  const ask = <T,>(op: Request["op"]) =>
    new Promise<T>((resolveValue) => {
      const id = ++next;
      const onMessage = (m: Reply) => {
        if ("id" in m && m.id === id) {
          child.off("message", onMessage);
          resolveValue(m.value as T);
        }
      };
      child.on("message", onMessage);
      child.send({ id, op } satisfies Request);
    });
  return {
    kind: config.kind,
    port,
    pid: child.pid!,
    cpuMs: () => ask<number>("cpu"),
    metrics: () => ask<string>("metrics"),
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      await ask("stop");
      await exited;
    },
  };
}

async function child(proc: NodeJS.Process & { send: NonNullable<ChildProcess["send"]> }) {
  const config = await new Promise<TargetConfig>((r) => proc.once("message", (m) => r(m as TargetConfig)));
  let target: RunningTarget;
  try {
    target = await startTarget(config);
  } catch (e) {
    proc.send({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply, () => process.exit(1));
    return;
  }
  proc.send({ ready: true, port: target.port } satisfies Reply);
  if (process.env.BENCH_GAPS) {
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (now - last > 150) process.stderr.write(`GAP ${new Date().toISOString()} ${Math.round(now - last)}ms\n`);
      last = now;
    }, 20);
  }
  proc.on("message", (m: Request) => {
    void (async () => {
      if (m.op === "cpu") proc.send({ id: m.id, value: await target.cpuMs() } satisfies Reply);
      if (m.op === "metrics") proc.send({ id: m.id, value: await target.metrics() } satisfies Reply);
      if (m.op === "stop") {
        await target.stop();
        proc.send({ id: m.id, value: null } satisfies Reply, () => process.exit(0));
      }
    })();
  });
  // The parent died: do not linger.
  proc.on("disconnect", () => process.exit(0));
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv.includes("--child") && process.send) await child(process as Parameters<typeof child>[0]);
