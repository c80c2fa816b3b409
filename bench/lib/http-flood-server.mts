// The server side of bench/http-flood.mts, in a process of its own so that
// its RSS is the server's alone: dondoc's real HTTP receiver (startSlackApp,
// mode http) on an in-memory PGlite database, wired to a fake Slack.
// `--app-root DIR` loads startSlackApp from another checkout of dondoc (e.g.
// the commit before the HTTP guard) to measure the same attack on it.
// Prints "READY <port> <pid>" on stdout once it listens.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const root = resolve(arg("app-root", new URL("../..", import.meta.url).pathname));
const load = async <T,>(path: string): Promise<T> => (await import(pathToFileURL(resolve(root, path)).href)) as T;

const { openDatabase } = await load<typeof import("../../src/db/database.js")>("src/db/database.ts");
const { createLogger } = await load<typeof import("../../src/log.js")>("src/log.ts");
const { startSlackApp } = await load<typeof import("../../src/slack/app.js")>("src/slack/app.ts");
const { LocaleCache } = await load<typeof import("../../src/slack/locale.js")>("src/slack/locale.ts");
const { Metrics } = await load<typeof import("../../src/slack/metrics.js")>("src/slack/metrics.ts");
const { createFakeSlack } = await load<typeof import("../../src/slack-fake/index.js")>("src/slack-fake/index.ts");

const signingSecret = arg("signing-secret", "bench-flood-signing-secret");
const botToken = "xoxb-bench-flood";
const log = createLogger("silent");
const db = await openDatabase({ kind: "pglite", dataDir: "memory" }, log);
const fake = await createFakeSlack({ signingSecret, botToken });
const runtime = await startSlackApp(
  { mode: "http", botToken, signingSecret, apiUrl: fake.url, command: "/kehoach" },
  { prisma: db.prisma, log, metrics: new Metrics({ defaultMetrics: false }), locale: new LocaleCache(log), now: () => new Date() },
  { port: 0, host: "127.0.0.1", healthy: async () => true },
);
process.stdout.write(`READY ${runtime.port} ${process.pid}\n`);
process.on("SIGTERM", () => {
  void (async () => {
    await runtime.stop();
    await fake.close();
    await db.close();
    process.exit(0);
  })();
});
