// A burst of progress reports: N members (default 100) each open the report
// form, then all submit at the same moment, as signed view submissions
// through dondoc's real Bolt HTTP receiver, against the fake Slack. Slack
// gives an app 3 s to acknowledge a view submission; a later answer is
// ignored and the user sees an error although the report may be saved.
//
// Reports, per database: acknowledgements later than 3 s, p50/p99/max
// acknowledgement time, and whether every report was saved exactly once and
// posted to the unit's channel exactly once.
//
// dondoc, the fake Slack and the load generator share this process (as in
// test/slack/harness.ts), so the times include the fake's own work: they
// are an upper bound on what dondoc alone would take.
//
//   npx tsx bench/report-burst.mts [--db pglite|postgres|both] [--n 100] [--pg-url URL]
import { Command, Option } from "commander";
import { importOrg } from "../src/services/import-org.js";
import { importPlan } from "../src/services/import-plan.js";
import { parseYaml, readText } from "../src/files/load.js";
import { OrgFileSchema } from "../src/files/org-file.js";
import { PlanFileSchema } from "../src/files/plan-file.js";
import { createLogger } from "../src/log.js";
import { startSlackApp } from "../src/slack/app.js";
import { LocaleCache } from "../src/slack/locale.js";
import { Metrics } from "../src/slack/metrics.js";
import { createFakeSlack } from "../src/slack-fake/index.js";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { DEFAULT_PG_URL, scratchPglite, scratchPostgres, type ScratchDatabase } from "./lib/scratch-db.mjs";

const SIGNING_SECRET = "bench-signing-secret-0123456789";
const BOT_TOKEN = "xoxb-bench-dondoc";
const TASK = "II.2.c.3.1"; // GDNN leads it
const ACK_DEADLINE_MS = 3_000;

interface Options {
  db: "pglite" | "postgres" | "both";
  n: number;
  pgUrl: string;
}

const opts = new Command("report-burst")
  .description("N simultaneous signed report submissions: late acknowledgements, p50/p99, saved exactly once")
  .addOption(new Option("--db <kind>", "database").choices(["pglite", "postgres", "both"]).default("both"))
  .option("--n <count>", "members submitting at once", Number, 100)
  .option("--pg-url <url>", "PostgreSQL server; a database bench_dondoc_<pid> is created and dropped", DEFAULT_PG_URL)
  .parse()
  .opts<Options>();

const log = createLogger("silent");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

async function run(kind: "pglite" | "postgres"): Promise<Record<string, number | string | boolean>> {
  const scratch: ScratchDatabase = kind === "pglite" ? await scratchPglite(log) : await scratchPostgres(log, opts.pgUrl);
  const prisma = scratch.db.prisma;
  const org = await parseYaml("examples/org.yaml", await readText("examples/org.yaml"), OrgFileSchema);
  await importOrg(prisma, org, { actor: "bench" });
  await importPlan(prisma, await parseYaml("examples/plan-1565-KH-SLDTBXH.yaml", await readText("examples/plan-1565-KH-SLDTBXH.yaml"), PlanFileSchema), { actor: "bench" });
  const gdnn = await prisma.unit.findFirstOrThrow({ where: { code: "GDNN" } });
  const users = Array.from({ length: opts.n }, (_, i) => `U0BURST${String(i).padStart(4, "0")}`);
  await prisma.member.createMany({ data: users.map((u, i) => ({ slackUserId: u, name: `Cán bộ thử ${i}`, unitId: gdnn.id, role: "STAFF" as const, locale: "vi" })) });
  const units = await prisma.unit.findMany();
  const fake = await createFakeSlack({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    seed: {
      users: users.map((id) => ({ id, name: id.toLowerCase(), realName: id, locale: "vi-VN" })),
      channels: units.map((u) => ({ id: `C${u.id.toString().padStart(8, "0")}`, name: u.slackChannel!.replace(/^#/, "") })),
    },
  });
  const now = new Date("2023-09-20T03:00:00Z");
  const runtime = await startSlackApp(
    { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.url, command: "/kehoach" },
    { prisma, log, metrics: new Metrics({ defaultMetrics: false }), locale: new LocaleCache(log), now: () => now },
    { port: 0, host: "127.0.0.1", healthy: async () => true },
  );
  fake.setAppUrl(`http://127.0.0.1:${runtime.port}/slack/events`);
  try {
    const channel = fake.workspace.directory.channel("dondoc-gdnn")!.id;
    for (const userId of users) {
      await fake.slashCommand({ userId, channelId: channel, command: "/kehoach", text: `baocao ${TASK}` });
      if (!fake.workspace.surfaces.topModal(userId)) throw new Error(`no modal opened for ${userId}`);
    }
    const task = await prisma.task.findFirstOrThrow({ where: { code: TASK } });
    const started = performance.now();
    const answers = await Promise.all(
      users.map((userId, i) =>
        fake.viewSubmission({ userId, values: { task: { task: String(task.id) }, percent: { percent: String(i % 100) }, note: { note: `burst ${userId}` } } }),
      ),
    );
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const refused = answers.filter((a) => a.status !== 200 || (a.body as { response_action?: string } | undefined)?.response_action === "errors").length;
    // Saving may go on after the acknowledgement: wait for it (60 s at most).
    let saved = 0;
    for (let waited = 0; waited < 60_000; waited += 100) {
      saved = await prisma.progressReport.count({ where: { reporter: { in: users } } });
      if (saved >= opts.n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const allSavedMs = performance.now() - started;
    const perUser = await prisma.progressReport.groupBy({ by: ["reporter"], where: { reporter: { in: users } }, _count: true });
    await new Promise((r) => setTimeout(r, 500)); // last channel posts
    const posts = fake.workspace.conversations.messages(channel).filter((m) => /burst U0BURST/.test(JSON.stringify(m))).length;
    return {
      db: kind,
      n: opts.n,
      late: ms.filter((m) => m > ACK_DEADLINE_MS).length,
      p50: Math.round(percentile(ms, 0.5)),
      p99: Math.round(percentile(ms, 0.99)),
      max: Math.round(ms[ms.length - 1]!),
      refused,
      saved,
      savedOnce: perUser.length === opts.n && perUser.every((u) => u._count === 1),
      channelPosts: posts,
      allSavedMs: Math.round(allSavedMs),
    };
  } finally {
    await runtime.stop();
    await fake.close();
    await scratch.dispose();
  }
}

const machine = await describeMachine(opts.db === "pglite" ? undefined : opts.pgUrl);
console.log(formatMachine(machine));
const rows = [];
for (const kind of opts.db === "both" ? (["pglite", "postgres"] as const) : [opts.db]) rows.push(await run(kind));
console.log(`\n${opts.n} simultaneous report submissions (ms: acknowledgement as the fake Slack timed it; late: > ${ACK_DEADLINE_MS} ms)`);
console.table(rows);
console.log(`load after: ${currentLoad()}`);
const bad = rows.filter((r) => r.late !== 0 || r.savedOnce !== true || r.channelPosts !== opts.n);
process.exitCode = bad.length ? 1 : 0;
