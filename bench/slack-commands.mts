// /kehoach through dondoc's real HTTP receiver at province scale: signed
// `/kehoach tongquan` (the most recent plan, and a given plan) and
// `/kehoach viec` (the caller's unit) requests, sent by the fake Slack at 1,
// 10 and 50 concurrent users, on the dataset of bench/dataset.mts in a
// throw-away PostgreSQL database (bench_slack_<pid>, dropped at the end).
//
// Same-run baseline: a bare Bolt app that acknowledges the same signed
// command with a fixed text, driven the same way.
//
// Two times per request: to the HTTP acknowledgement, and until the user sees
// the answer (in the acknowledgement, or posted later to the response_url
// when dondoc's work takes over 2 s). The servers run in child processes of
// their own by default (see bench/lib/slack-server.mts), --in-process puts
// them beside the load generator. Each row also says where the CPU went
// (server, PostgreSQL backends, load generator, whole machine); then the
// commands' steps are timed directly, without HTTP (bench/lib/slack-diagnosis.mts).
//
//   npx tsx bench/slack-commands.mts [--requests 500] [--warmup 50] [--rounds 5] [--levels 1,10,50]
//                                    [--in-process] [--no-diagnose] [--cpu-prof DIR] [--json FILE]
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command } from "commander";
import { createLogger } from "../src/log.js";
import { createFakeSlack, type FakeSlack } from "../src/slack-fake/index.js";
import { fingerprint, generateDataset, PROVINCE } from "./dataset.mjs";
import { machineBusyMs, postgresCpu, postgresCpuDelta, processCpuMs } from "./lib/cpu.mjs";
import { formatProfile, mainThreadProfile, summariseProfile } from "./lib/cpu-profile.mjs";
import { closedLoop, summariseLoad, type LoadRun, type LoadSummary } from "./lib/load.mjs";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { DEFAULT_PG_URL, scratchPostgres } from "./lib/scratch-db.mjs";
import { diagnose } from "./lib/slack-diagnosis.mjs";
import { insertBenchMembers } from "./lib/slack-members.mjs";
import { BARE_ANSWER, forkTarget, startTarget, type RunningTarget, type TargetConfig } from "./lib/slack-server.mjs";
import { AnswerWatcher, sendCommand, type CommandSpec } from "./lib/slash-command.mjs";
import { ms, timed } from "./lib/stats.mjs";

const AIM_P99_MS = 300;
const AIM_RATIO = 2;
const AIM_LEVEL = 50;
const SIGNING_SECRET = "bench-signing-secret-0123456789";
const BOT_TOKEN = "xoxb-bench-dondoc";
const COMMAND = "/kehoach";
const CHANNEL = "C0BENCH001";
/** The dataset's day, 10:00 in Asia/Ho_Chi_Minh: dondoc's clock. */
const NOW = `${PROVINCE.asOf}T03:00:00Z`;

interface Options {
  requests: number;
  warmup: number;
  rounds: number;
  levels: number[];
  pgUrl: string;
  plan: string;
  inProcess: boolean;
  diagnose: boolean;
  cpuProf?: string;
  json?: string;
}

const program = new Command("slack-commands")
  .description("Time signed /kehoach commands through dondoc's HTTP receiver against a bare Bolt app, at province scale on PostgreSQL")
  .option("--requests <n>", "measured requests per command and concurrency level", Number, 500)
  .option("--warmup <n>", "unmeasured requests of each command first, at the same concurrency", Number, 50)
  .option("--rounds <n>", "measured requests are sent in this many rounds, each round running every command in turn", Number, 5)
  .option("--levels <list>", "concurrency levels (simulated users)", (v: string) => v.split(",").map(Number), [1, 10, 50])
  .option("--pg-url <url>", "PostgreSQL server; a database bench_slack_<pid> is created and dropped", DEFAULT_PG_URL)
  .option("--plan <number>", "the plan of `tongquan <plan>` (3 is a 2025 plan in progress on the dataset's day)", "3/KH-DV")
  .option("--in-process", "run both servers in the load generator's process instead of a child process each", false)
  .option("--no-diagnose", "skip timing the use cases directly")
  .option("--cpu-prof <dir>", "write V8 CPU profiles of each server process to DIR/dondoc and DIR/bare, and summarise dondoc's")
  .option("--json <file>", "also write the figures as JSON (bench/results/ is git-ignored)")
  .parse();
const opts = program.opts<Options>();
if (opts.levels.some((l) => !Number.isInteger(l) || l < 1)) program.error("--levels: positive integers, e.g. 1,10,50");
if (opts.inProcess && opts.cpuProf) program.error("--cpu-prof needs the servers in child processes (without --in-process)");

const machine = await describeMachine(opts.pgUrl);
console.log(`# Slack commands over HTTP\n${formatMachine(machine)}\n${codeMeasured()}`);
console.log(`options ${JSON.stringify(opts)}\n`);

const log = createLogger("warn");
const dbName = `bench_slack_${process.pid}`;
const opened = await timed(() => scratchPostgres(log, opts.pgUrl, dbName));
const scratch = opened.value;
const stops: (() => Promise<void>)[] = [];
try {
  const prisma = scratch.db.prisma;
  const generated = await timed(() => generateDataset(prisma, PROVINCE));
  const print = await fingerprint(prisma);
  console.log(`database ${dbName}: open + migrations ${ms(opened.ms)}, dataset ${ms(generated.ms)}; ${JSON.stringify(print)}`);
  const users = Math.max(...opts.levels, 50);
  const members = await insertBenchMembers(prisma, users);
  const unitTasks = members.staff.map((m) => m.tasks);
  const latest = await prisma.plan.findFirstOrThrow({ orderBy: [{ year: "desc" }, { issuedOn: "desc" }] });
  console.log(
    `members: ${members.staff.length} STAFF in units with ${Math.min(...unitTasks)}–${Math.max(...unitTasks)} tasks (median over all units ${members.medianTasks}), ` +
      `1 OFFICE (${members.office.unitCode}); locale vi. Most recent plan: ${latest.number} (${latest.year}).\n`,
  );

  const fake = await createFakeSlack({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    seed: {
      users: [...members.staff, members.office].map((m) => ({ id: m.slackUserId, name: m.slackUserId.toLowerCase(), locale: "vi-VN" })),
      channels: [{ id: CHANNEL, name: "ke-hoach" }],
    },
  });
  stops.push(() => fake.close());
  const config = (kind: TargetConfig["kind"]): TargetConfig => ({
    kind,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    command: COMMAND,
    apiUrl: fake.url,
    dbUrl: scratch.location,
    now: NOW,
  });
  const start = (c: TargetConfig) => (opts.inProcess ? startTarget(c) : forkTarget(c, { cpuProfileDir: opts.cpuProf && resolve(opts.cpuProf) }));
  const bare = await start(config("bare"));
  stops.unshift(() => bare.stop());
  const dondoc = await start(config("dondoc"));
  stops.unshift(() => dondoc.stop());
  console.log(`servers: ${opts.inProcess ? "in this process" : `child processes (dondoc pid ${dondoc.pid}, bare pid ${bare.pid})`}, load generator pid ${process.pid}\n`);

  const watcher = new AnswerWatcher(fake);
  const variants: Variant[] = [
    { name: "bare Bolt app", target: bare, spec: { command: COMMAND, text: "tongquan", expect: new RegExp(`^${BARE_ANSWER}$`) } },
    { name: "tongquan", target: dondoc, spec: { command: COMMAND, text: "tongquan", expect: /^Kế hoạch .+: \d+ nhiệm vụ/ }, metric: "overview" },
    { name: `tongquan ${opts.plan}`, target: dondoc, spec: { command: COMMAND, text: `tongquan ${opts.plan}`, expect: /^Kế hoạch .+: \d+ nhiệm vụ/ }, metric: "overview" },
    { name: "viec", target: dondoc, spec: { command: COMMAND, text: "viec", expect: /^Nhiệm vụ · DV-\d+: / }, metric: "tasks" },
  ];
  const userIds = members.staff.map((m) => m.slackUserId);
  const rows: Row[] = [];
  for (const level of opts.levels) {
    const levelRows = await runLevel(fake, watcher, userIds, variants, level);
    rows.push(...levelRows);
    for (const row of levelRows) {
      console.error(
        `  ${level} × ${row.variant.name}: answer p50 ${ms(row.load.answer.p50)}, p99 ${ms(row.load.answer.p99)}, ${row.load.throughput.toFixed(0)}/s, ${row.load.errors} errors`,
      );
    }
  }
  console.log(report(rows));
  // users.info must not appear: the members' locale is set, so dondoc never needs Slack to answer.
  const calls = new Map<string, number>();
  for (const c of fake.calls()) calls.set(c.method, (calls.get(c.method) ?? 0) + 1);
  console.log(`Slack Web API calls and response_url posts the servers made: ${JSON.stringify(Object.fromEntries(calls))}\n`);
  const verdict = aims(rows);
  console.log(`${verdict.text}\n`);

  const diagnosis = opts.diagnose
    ? await diagnose(prisma, { now: new Date(NOW), plan: opts.plan, member: members.staff[0]!.slackUserId, levels: opts.levels, requests: Math.min(opts.requests, 100) })
    : undefined;
  if (diagnosis) console.log(diagnosis.text);
  console.log(`loadavg at the end: ${currentLoad()}`);
  if (opts.json) {
    await mkdir(dirname(resolve(opts.json)), { recursive: true });
    await writeFile(opts.json, JSON.stringify({ machine, options: opts, rows: rows.map(({ variant, ...r }) => ({ ...r, name: variant.name })), verdict, diagnosis }, null, 2));
  }
} finally {
  for (const stop of stops) await stop().catch((e: unknown) => console.error(`stopping: ${String(e)}`));
  await scratch.dispose();
}
if (opts.cpuProf) {
  // Written by the child when it exits, so only now. It covers the whole run: start-up, warm-ups and every level.
  const file = await mainThreadProfile(resolve(opts.cpuProf, "dondoc"));
  console.log(formatProfile(`dondoc server CPU profile (${file})`, await summariseProfile(file)));
}

/** The commit measured, and whether src/ or prisma/ differ from it (others edit them while benchmarks run). */
function codeMeasured(): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const changed = git("status", "--porcelain", "--", "src", "prisma").split("\n").filter(Boolean).length;
    return `commit ${git("rev-parse", "--short", "HEAD")}${changed ? `, with ${changed} uncommitted changes in src/ and prisma/` : ", src/ and prisma/ as committed"}`;
  } catch {
    return "commit unknown (not a git checkout)";
  }
}

interface Variant {
  name: string;
  target: RunningTarget;
  spec: CommandSpec;
  /** dondoc's name for the subcommand in its latency metric. */
  metric?: string;
}

interface Row {
  variant: Variant;
  level: number;
  load: LoadSummary;
  /** CPU ms per measured request: the server process, PostgreSQL's backends, this process, the whole machine. */
  cpu: { server: number | null; postgres: number | null; client: number | null; machine: number | null };
  /** Mean time inside dondoc's command listener (its own latency metric), ms. */
  listenerMs: number | null;
}

/**
 * One concurrency level: a warm-up of each variant, then the measured
 * requests in `rounds` rounds, each round running every variant in turn, so
 * that the machine's noise (other sessions share the cores) falls on all
 * variants alike rather than on whichever ran during a burst.
 */
async function runLevel(fake: FakeSlack, watcher: AnswerWatcher, userIds: string[], variants: Variant[], level: number): Promise<Row[]> {
  const senders = variants.map((v) => (w: number) => sendCommand(fake, watcher, userIds[w]!, CHANNEL, v.spec));
  for (const [i, v] of variants.entries()) {
    fake.setAppUrl(`http://127.0.0.1:${v.target.port}/slack/events`);
    await closedLoop({ concurrency: level, requests: opts.warmup, send: senders[i]! });
  }
  const totals = variants.map(() => ({ samples: [] as LoadRun["samples"], wallMs: 0, server: 0, postgres: 0, client: 0, machine: 0, listenerS: 0, listenerN: 0 }));
  const rounds = Math.max(1, Math.min(opts.rounds, Math.floor(opts.requests / level)));
  for (let round = 0; round < rounds; round++) {
    const requests = Math.floor(opts.requests / rounds) + (round < opts.requests % rounds ? 1 : 0);
    for (const [i, v] of variants.entries()) {
      fake.setAppUrl(`http://127.0.0.1:${v.target.port}/slack/events`);
      const before = await cpuReadings(v);
      const run = await closedLoop({ concurrency: level, requests, send: senders[i]! });
      const after = await cpuReadings(v);
      const t = totals[i]!;
      t.samples.push(...run.samples);
      t.wallMs += run.wallMs;
      t.server += delta(before.server, after.server);
      t.postgres += postgresCpuDelta(before.postgres, after.postgres) ?? NaN;
      t.client += delta(before.client, after.client);
      t.machine += delta(before.machine, after.machine);
      if (before.listener && after.listener) {
        t.listenerS += after.listener.sum - before.listener.sum;
        t.listenerN += after.listener.count - before.listener.count;
      }
    }
  }
  return variants.map((variant, i) => {
    const t = totals[i]!;
    const per = (x: number) => (Number.isNaN(x) ? null : x / t.samples.length);
    return {
      variant,
      level,
      load: summariseLoad({ samples: t.samples, wallMs: t.wallMs }),
      cpu: { server: per(t.server), postgres: per(t.postgres), client: per(t.client), machine: per(t.machine) },
      listenerMs: t.listenerN > 0 ? (t.listenerS / t.listenerN) * 1000 : null,
    };
  });
}

/** after - before, NaN when either reading is unavailable. */
function delta(before: number | null, after: number | null): number {
  return before === null || after === null ? NaN : after - before;
}

async function cpuReadings(v: Variant) {
  const inProcess = v.target.pid === process.pid;
  return {
    server: inProcess ? null : await v.target.cpuMs(),
    postgres: postgresCpu(dbName),
    client: processCpuMs(process.pid),
    machine: machineBusyMs(),
    listener: v.metric ? listenerTotals(await v.target.metrics(), v.metric) : null,
  };
}

/** Sum (s) and count of dondoc_command_duration_seconds for one subcommand, from /metrics text. */
function listenerTotals(text: string, name: string): { sum: number; count: number } | null {
  const value = (series: string) => {
    const m = new RegExp(`^dondoc_command_duration_seconds_${series}\\{name="${name}"\\} (\\S+)$`, "m").exec(text);
    return m ? Number(m[1]) : null;
  };
  const sum = value("sum");
  const count = value("count");
  return sum === null || count === null ? { sum: 0, count: 0 } : { sum, count };
}

function report(rows: Row[]): string {
  const bareOf = (level: number) => rows.find((r) => r.level === level && r.variant.target.kind === "bare");
  const ratio = (r: Row) => {
    const b = bareOf(r.level);
    return b ? `${(r.load.answer.p50 / b.load.answer.p50).toFixed(1)}×` : "";
  };
  const cpu = (n: number | null) => (n === null ? "–" : n.toFixed(1));
  const latencyTable = [
    "| users | command | answer p50 | p95 | p99 | max | ack p50 | ack p99 | req/s | errors | late acks | via response_url | p50 ÷ bare |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => {
      const l = r.load;
      return `| ${r.level} | ${r.variant.name} | ${ms(l.answer.p50)} | ${ms(l.answer.p95)} | ${ms(l.answer.p99)} | ${ms(l.answer.max)} | ${ms(l.ack.p50)} | ${ms(l.ack.p99)} | ${l.throughput.toFixed(0)} | ${l.errors} | ${l.late} | ${l.viaResponseUrl} | ${ratio(r)} |`;
    }),
  ];
  const cpuTable = [
    "| users | command | server CPU ms/req | PostgreSQL CPU ms/req | load generator CPU ms/req | machine busy ms/req | mean time in dondoc's listener |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.level} | ${r.variant.name} | ${cpu(r.cpu.server)} | ${cpu(r.cpu.postgres)} | ${cpu(r.cpu.client)} | ${cpu(r.cpu.machine)} | ${r.listenerMs === null ? "–" : ms(r.listenerMs)} |`,
    ),
  ];
  const errors = rows.filter((r) => r.load.firstError).map((r) => `- ${r.level} × ${r.variant.name}: ${r.load.firstError}`);
  return [
    `## Latency (${opts.requests} requests per row in ${opts.rounds} interleaved rounds, after ${opts.warmup} warm-up; "answer" is until the user sees the answer, "ack" the HTTP acknowledgement)\n`,
    latencyTable.join("\n"),
    `\n## Where the CPU went (per measured request)\n`,
    cpuTable.join("\n"),
    ...(errors.length ? [`\nFirst error of each row with errors:\n${errors.join("\n")}`] : []),
    "",
  ].join("\n");
}

function aims(rows: Row[]) {
  const dondocRows = rows.filter((r) => r.variant.target.kind === "dondoc");
  const bareP50 = (level: number) => rows.find((r) => r.level === level && r.variant.target.kind === "bare")?.load.answer.p50 ?? NaN;
  const checks = [
    ...dondocRows
      .filter((r) => r.level === AIM_LEVEL)
      .map((r) => ({
        aim: `p99 < ${AIM_P99_MS} ms at ${AIM_LEVEL} users: ${r.variant.name}`,
        value: r.load.answer.p99,
        met: r.load.answer.p99 < AIM_P99_MS && r.load.errors === 0,
      })),
    ...dondocRows.map((r) => {
      const x = r.load.answer.p50 / bareP50(r.level);
      return { aim: `p50 within ${AIM_RATIO}× the bare app at ${r.level} users: ${r.variant.name}`, value: x, met: x <= AIM_RATIO };
    }),
  ];
  const text = [
    "## Aims (answer times)\n",
    ...checks.map((c) => `- ${c.met ? "met" : "MISSED"}: ${c.aim} (${c.aim.startsWith("p99") ? ms(c.value) : `${c.value.toFixed(1)}×`})`),
  ].join("\n");
  return { checks, text };
}
