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
// dondoc runs in a child process of its own (bench/lib/slack-server.mts), as
// in production, where Slack is on another machine: the fake Slack and the
// load generator do not share its event loop.
//
//   npx tsx bench/report-burst.mts [--db pglite|postgres|both] [--n 100] [--pg-url URL]
//
// BENCH_GAPS=1 also prints (stderr) every pause of more than 150 ms in the
// served process's event loop (GAP lines), and when the burst started and
// was answered (BURST, ACKED): how the PGlite delays were found.
import { Command, Option } from "commander";
import { importOrg } from "../src/services/import-org.js";
import { importPlan } from "../src/services/import-plan.js";
import { parseYaml, readText } from "../src/files/load.js";
import { OrgFileSchema } from "../src/files/org-file.js";
import { PlanFileSchema } from "../src/files/plan-file.js";
import { createLogger } from "../src/log.js";
import { openDatabase } from "../src/db/database.js";
import { createFakeSlack } from "../src/slack-fake/index.js";
import { rm } from "node:fs/promises";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { forkTarget } from "./lib/slack-server.mjs";
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

async function run(kind: "pglite" | "postgres"): Promise<Record<string, number | string | boolean>> {
  const log = createLogger("silent");
  const scratch: ScratchDatabase = kind === "pglite" ? await scratchPglite(log) : await scratchPostgres(log, opts.pgUrl);
  let prisma = scratch.db.prisma;
  const org = await parseYaml("examples/org.yaml", await readText("examples/org.yaml"), OrgFileSchema);
  await importOrg(prisma, org, { actor: "bench" });
  await importPlan(prisma, await parseYaml("examples/plan-1565-KH-SLDTBXH.yaml", await readText("examples/plan-1565-KH-SLDTBXH.yaml"), PlanFileSchema), { actor: "bench" });
  const gdnn = await prisma.unit.findFirstOrThrow({ where: { code: "GDNN" } });
  const task = await prisma.task.findFirstOrThrow({ where: { code: TASK } });
  const users = Array.from({ length: opts.n }, (_, i) => `U0BURST${String(i).padStart(4, "0")}`);
  await prisma.member.createMany({ data: users.map((u, i) => ({ slackUserId: u, name: `Cán bộ thử ${i}`, unitId: gdnn.id, role: "STAFF" as const, locale: "vi" })) });
  const units = await prisma.unit.findMany();
  // The embedded database takes one process at a time: hand it to dondoc's.
  if (kind === "pglite") await scratch.db.close();
  const fake = await createFakeSlack({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    seed: {
      users: users.map((id) => ({ id, name: id.toLowerCase(), realName: id, locale: "vi-VN" })),
      channels: units.map((u) => ({ id: `C${u.id.toString().padStart(8, "0")}`, name: u.slackChannel!.replace(/^#/, "") })),
    },
  });
  const target = await forkTarget({
    kind: "dondoc",
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    command: "/kehoach",
    apiUrl: fake.url,
    dbUrl: kind === "pglite" ? `pglite:${scratch.location}` : scratch.location,
    now: "2023-09-20T03:00:00Z",
  });
  fake.setAppUrl(`http://127.0.0.1:${target.port}/slack/events`);
  let stopped = false;
  try {
    const channel = fake.workspace.directory.channel("dondoc-gdnn")!.id;
    // Setting up (not measured): every member opens the form, five at a time,
    // again for those whose trigger expired on a busy machine.
    for (let attempt = 0; attempt < 3; attempt++) {
      const waiting = users.filter((u) => !fake.workspace.surfaces.topModal(u));
      for (let i = 0; i < waiting.length; i += 5) {
        await Promise.all(waiting.slice(i, i + 5).map((userId) => fake.slashCommand({ userId, channelId: channel, command: "/kehoach", text: `baocao ${TASK}` })));
      }
    }
    const missing = users.filter((u) => !fake.workspace.surfaces.topModal(u));
    if (missing.length) throw new Error(`no modal opened for ${missing.length} members`);
    const posts = () => fake.workspace.conversations.messages(channel).filter((m) => /burst U0BURST/.test(JSON.stringify(m))).length;
    const started = performance.now();
    if (process.env.BENCH_GAPS) console.error(`BURST ${new Date().toISOString()}`);
    // The fake builds and signs each submission, then starts its timer and
    // sends it, all in this one synchronous loop: the first timers start
    // before the last submissions are built. prepMs is how long the loop
    // took, an upper bound of what that adds to the first answers' times.
    const submitting = users.map((userId, i) =>
      fake.viewSubmission({ userId, values: { task: { task: String(task.id) }, percent: { percent: String(i % 100) }, note: { note: `burst ${userId}` } } }),
    );
    const prepMs = performance.now() - started;
    const answers = await Promise.all(submitting);
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    if (process.env.BENCH_GAPS) console.error(`ACKED ${new Date().toISOString()} min ${Math.round(ms[0]!)}`);
    const refused = answers.filter((a) => a.status !== 200 || (a.body as { response_action?: string } | undefined)?.response_action === "errors").length;
    // Saving goes on after the acknowledgement: wait for every report's channel post (120 s at most).
    for (let waited = 0; waited < 120_000 && posts() < opts.n; waited += 100) await new Promise((r) => setTimeout(r, 100));
    const allPostedMs = performance.now() - started;
    // Each report also refreshes its author's App Home, after the post. Stopping
    // dondoc before those are done closes the database under them ("could not
    // refresh App Home" in the log, as the first runs showed): wait for them too.
    const homes = () => users.filter((u) => fake.workspace.surfaces.home(u)).length;
    for (let waited = 0; waited < 120_000 && homes() < opts.n; waited += 100) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // a post twice would come now
    const channelPosts = posts();
    await target.stop();
    stopped = true;
    if (kind === "pglite") prisma = (await openDatabase({ kind: "pglite", dataDir: scratch.location }, log)).prisma;
    const saved = await prisma.progressReport.count({ where: { reporter: { in: users } } });
    const perUser = await prisma.progressReport.groupBy({ by: ["reporter"], where: { reporter: { in: users } }, _count: true });
    if (kind === "pglite") await prisma.$disconnect();
    return {
      db: kind,
      n: opts.n,
      late: ms.filter((m) => m > ACK_DEADLINE_MS).length,
      p50: Math.round(percentile(ms, 0.5)),
      p99: Math.round(percentile(ms, 0.99)),
      max: Math.round(ms[ms.length - 1]!),
      prepMs: Math.round(prepMs),
      refused,
      saved,
      savedOnce: perUser.length === opts.n && perUser.every((u) => u._count === 1),
      channelPosts,
      allPostedMs: Math.round(allPostedMs),
      homesRefreshed: homes(),
    };
  } finally {
    if (!stopped) await target.stop();
    await fake.close();
    if (kind === "postgres") await scratch.dispose();
    else await rm(scratch.location, { recursive: true, force: true });
  }
}

const machine = await describeMachine(opts.db === "pglite" ? undefined : opts.pgUrl);
console.log(formatMachine(machine));
const rows = [];
for (const kind of opts.db === "both" ? (["pglite", "postgres"] as const) : [opts.db]) rows.push(await run(kind));
console.log(`\n${opts.n} simultaneous report submissions (ms: acknowledgement as the fake Slack timed it; late: > ${ACK_DEADLINE_MS} ms)`);
console.table(rows);
console.log(`load after: ${currentLoad()}`);
const bad = rows.filter((r) => r.late !== 0 || r.savedOnce !== true || r.channelPosts !== opts.n || r.homesRefreshed !== opts.n);
process.exitCode = bad.length ? 1 : 0;
