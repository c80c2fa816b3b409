// Fan-out of the Monday reminders to 1,000 unit channels against the fake
// Slack, which enforces chat.postMessage's limits: 1 message per second per
// channel and a workspace-wide cap per minute (a sliding 60 s window).
//
// The database (PGlite by default, or a throw-away PostgreSQL database)
// holds 1,000 units with a channel and a unit lead each, and a small set of
// plans so every reminder lists a few tasks. For each variant, a new week:
//   planning: runJob("reminders") without a Slack client, which renders and
//             stores one Delivery per unit (the real job, timed apart). Only
//             the first variant does this; later ones copy its rows to their
//             week (and mark the run planned, as runJob does), since planning
//             1,000 reminders takes 20 s or more on PGlite and is not what they
//             measure (--plan-each plans every week for real);
//   sending:  fanOut with exactly the options runJob passes it, against a
//             new fake Slack;
// then checks exactly-once from both sides (one message with the right key
// in each channel, every row SENT with that message's ts), and runs the job
// again (runJob with the client), which must send nothing.
//
// The floor is what the limits allow a sender that paces itself evenly:
// channels × 60 s / cap (one message per channel, so the per-channel limit
// never binds). The fake's cap is a sliding 60 s window, which would let a
// first burst of `cap` messages through at once: a sender that bursts can
// beat that floor, so the exact earliest finish for dondoc's own pace under
// the window is printed too ("window floor").
//
// Variants (same fake cap, --cap):
//   paced: dondoc's messagesPerMinute = the fake's cap;
//   over:  dondoc's messagesPerMinute is higher (--over-rate, default twice
//          the cap), as when it is misconfigured or another app shares the
//          workspace: Slack answers 429 with Retry-After;
//   instances (not run by default): --instances fanOuts at once on the same
//          rows, each with messagesPerMinute = cap, as several dondoc
//          instances configured with the whole workspace's budget.
//
//   npx tsx bench/fanout.mts [--db pglite|postgres] [--cap 600] [--over-rate 1200] [--variants paced,over]
//                            [--units 1000] [--latency-ms 0] [--history-weeks 0] [--plan-each] [--json FILE]
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command, Option } from "commander";
import { addDays, type Day } from "../src/domain/day.js";
import { localInstant, occurrenceAt, parseWeeklyTime, type Occurrence, type ScheduleConfig } from "../src/domain/schedule.js";
import { createLogger } from "../src/log.js";
import { fanOut, type FanOutResult } from "../src/delivery/fan-out.js";
import { runJob, type JobContext } from "../src/scheduler/run-job.js";
import { loadCalendar } from "../src/scheduler/scheduler.js";
import { slackDeliveryClient, type DeliveryClient, type PostOutcome } from "../src/delivery/slack-delivery.js";
import { formatSteps } from "./dataset.mjs";
import { checkExactlyOnce, maxInWindow, postTimeline, type ExactlyOnce, type Timeline } from "./lib/fanout-check.mjs";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { BOT_TOKEN, reminderFake, seedDeliveryHistory, seedReminderWorld, unitChannelNames } from "./lib/reminder-world.mjs";
import { DEFAULT_PG_URL, scratchPglite, scratchPostgres } from "./lib/scratch-db.mjs";
import { ms, summarise, timed } from "./lib/stats.mjs";

const AIM_RATIO = 1.2;
/** The first reminder goes out on this Monday; each further variant a week later. */
const FIRST_MONDAY: Day = "2025-10-13";
const SCHEDULE: ScheduleConfig = {
  reminders: parseWeeklyTime("MON 08:00")!,
  summaries: parseWeeklyTime("FRI 16:00")!,
  digest: parseWeeklyTime("FRI 16:30")!,
  reportReminderDays: 7,
};

interface Options {
  db: "pglite" | "postgres";
  pgUrl: string;
  units: number;
  plans: number;
  reports: number;
  cap: number;
  overRate?: number;
  planEach: boolean;
  latencyMs: number;
  concurrency?: number;
  variants: string;
  historyWeeks: number;
  instances: number;
  logLevel: string;
  json?: string;
}

const program = new Command("fanout")
  .description("Fan-out of the Monday reminders to every unit channel against the fake Slack's rate limits, compared with the floor they allow")
  .addOption(new Option("--db <kind>", "database").choices(["pglite", "postgres"]).default("pglite"))
  .option("--pg-url <url>", "PostgreSQL server; a database bench_dondoc_<pid> is created and dropped", DEFAULT_PG_URL)
  .option("--units <n>", "units, each with its own channel", Number, 1_000)
  .option("--plans <n>", "plans of 40 tasks (36 leaves) spread over the units, so reminders are not empty", Number, 25)
  .option("--reports <n>", "progress reports on those tasks", Number, 5_000)
  .option("--cap <perMinute>", "the fake's workspace cap, and dondoc's messagesPerMinute in the 'paced' variant", Number, 600)
  .option("--over-rate <perMinute>", "dondoc's messagesPerMinute in the 'over' variant (default: twice the cap)", Number)
  .option("--plan-each", "plan every variant's week with runJob instead of copying the first one's deliveries", false)
  .option("--latency-ms <ms>", "the fake's delay before every Web API answer", Number, 0)
  .option("--concurrency <n>", "fanOut's concurrency (default: what runJob uses, i.e. fanOut's default)", Number)
  .option("--variants <list>", "which variants, in order: paced, over, instances", "paced,over")
  .option("--instances <n>", "instances sending at once in the 'instances' variant, each with messagesPerMinute = cap", Number, 3)
  .option("--history-weeks <n>", "first add a year's worth of SENT deliveries: n weeks × units × 2 jobs (max 52)", Number, 0)
  .option("--log-level <level>", "dondoc's log level during the run (429 warnings are at warn)", "error")
  .option("--json <file>", "also write the figures as JSON (bench/results/ is git-ignored)")
  .parse();
const opts = program.opts<Options>();

interface Variant {
  name: string;
  fakeCap: number;
  /** messagesPerMinute of each instance. */
  dondocCap: number;
  instances: number;
}

const variants: Variant[] = opts.variants.split(",").map((v) => {
  if (v === "paced") return { name: "paced", fakeCap: opts.cap, dondocCap: opts.cap, instances: 1 };
  if (v === "over") return { name: "over", fakeCap: opts.cap, dondocCap: opts.overRate ?? 2 * opts.cap, instances: 1 };
  if (v === "instances") return { name: `${opts.instances} instances`, fakeCap: opts.cap, dondocCap: opts.cap, instances: opts.instances };
  throw new Error(`unknown variant ${v}: paced, over or instances`);
});

const log = createLogger(opts.logLevel);
const machine = await describeMachine(opts.db === "postgres" ? opts.pgUrl : undefined);
console.log(`# fan-out benchmark\n${formatMachine(machine)}`);
console.log(
  `options: ${opts.db}, ${opts.units} units, ${opts.plans} plans, ${opts.reports} reports, cap ${opts.cap}/min, ` +
    `fake latency ${opts.latencyMs} ms, concurrency ${opts.concurrency ?? "fanOut default"}, history ${opts.historyWeeks} weeks\n`,
);

const opened = await timed(() => (opts.db === "pglite" ? scratchPglite(log) : scratchPostgres(log, opts.pgUrl)));
const scratch = opened.value;
const results: VariantResult[] = [];
try {
  const prisma = scratch.db.prisma;
  const seeded = await timed(() => seedReminderWorld(prisma, { units: opts.units, plans: opts.plans, reports: opts.reports, asOf: addDays(FIRST_MONDAY, -1) }));
  const history = await timed(() => seedDeliveryHistory(prisma, opts.historyWeeks, opts.units));
  console.log(`open + migrations ${ms(opened.ms)}; seeding:\n${formatSteps(seeded.value, seeded.ms)}`);
  if (history.value) console.log(`delivery history: ${history.value} SENT rows in ${ms(history.ms)}`);
  const channels = await unitChannelNames(prisma);
  console.log(`${channels.length} unit channels\n`);

  for (const [i, v] of variants.entries()) {
    const r = await runVariant(v, addDays(FIRST_MONDAY, 7 * i), channels, opts.planEach ? undefined : results[0]?.period);
    results.push(r);
    printVariant(r);
  }
  printSummary(results);
} finally {
  await scratch.dispose();
}
console.log(`loadavg at the end: ${currentLoad()}`);
if (opts.json) {
  await mkdir(dirname(resolve(opts.json)), { recursive: true });
  await writeFile(opts.json, JSON.stringify({ machine, options: opts, results }, null, 2));
}
const failed = results.filter((r) => !r.check.ok || !r.rerun.ok);
if (failed.length) {
  console.error(`exactly-once FAILED in: ${failed.map((r) => r.variant.name).join(", ")}`);
  process.exitCode = 1;
}

interface VariantResult {
  variant: Variant;
  period: string;
  planned: number;
  /** How the deliveries were planned: by runJob, or copied from an earlier variant's period. */
  plannedBy: string;
  planMs: number;
  sendMs: number;
  floorMs: number;
  windowFloorMs: number;
  ratio: number;
  fanOut: FanOutResult;
  sentByInstance: number[];
  outcomes: Recorded;
  timeline: Timeline;
  check: ExactlyOnce;
  rerun: { ok: boolean; planned: number; sent: number; messages: number };
}

async function runVariant(v: Variant, monday: Day, channels: readonly string[], copyFrom?: string): Promise<VariantResult> {
  const prisma = scratch.db.prisma;
  const occurrence = occurrenceAt("reminders", SCHEDULE, await loadCalendar(prisma), localInstant(monday, 8, 0));
  const fake = await reminderFake(channels, { workspacePerMinute: v.fakeCap, latencyMs: opts.latencyMs });
  try {
    const recorder = recording(slackDeliveryClient({ token: BOT_TOKEN, apiUrl: fake.url }));
    const ctx: JobContext = {
      prisma,
      log,
      client: null,
      config: { leadershipChannel: "#dondoc-lanhdao", digestDm: false, messagesPerMinute: v.dondocCap },
      instance: "bench-1",
      now: () => new Date(),
    };
    console.log(
      `## ${v.name}: fake cap ${v.fakeCap}/min, dondoc messagesPerMinute ${v.dondocCap}` +
        `${v.instances > 1 ? ` in each of ${v.instances} instances` : ""}, reminders ${occurrence.period}`,
    );
    const plan = await timed(() => (copyFrom ? copyPlanned(occurrence, copyFrom, ctx.instance) : runJob(ctx, occurrence).then((o) => (o.dryRun ? 0 : o.planned))));
    const planned = plan.value;
    const plannedBy = copyFrom ? `copied from ${copyFrom}` : "runJob";
    console.log(`planned ${planned} deliveries in ${ms(plan.ms)} (${plannedBy}); sending…`);
    // What runJob passes to fanOut (src/scheduler/run-job.ts), plus --concurrency if given;
    // with several instances, each runs its own fanOut on the same rows, as the scheduler would.
    const send = await timed(async () => {
      const each = await Promise.all(
        Array.from({ length: v.instances }, (_, i) =>
          fanOut(
            {
              prisma,
              client: recorder.client,
              log,
              instance: `bench-${i + 1}`,
              now: ctx.now,
              messagesPerMinute: v.dondocCap,
              ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
            },
            { job: occurrence.job, period: occurrence.period },
          ),
        ),
      );
      return {
        total: each.reduce((t, r) => ({
          sent: t.sent + r.sent,
          failed: t.failed + r.failed,
          rateLimited: t.rateLimited + r.rateLimited,
          alreadyPosted: t.alreadyPosted + r.alreadyPosted,
        })),
        sentByInstance: each.map((r) => r.sent),
      };
    });
    const timeline = postTimeline(fake);
    const check = await checkExactlyOnce(prisma, fake, occurrence, channels);
    // The same job again, as the scheduler or `dondoc jobs run` would: nothing new.
    const again = await runJob({ ...ctx, client: recorder.client }, occurrence);
    const messages = channels.reduce((n, c) => n + fake.workspace.conversations.messages(fake.workspace.directory.channel(c)!.id).length, 0);
    const rerun = {
      planned: again.dryRun ? -1 : again.planned,
      sent: again.dryRun ? -1 : (again.delivery?.sent ?? 0),
      messages,
      ok: !again.dryRun && again.alreadyPlanned && again.planned === 0 && (again.delivery?.sent ?? 0) === 0 && messages === channels.length,
    };
    const floorMs = (planned * 60_000) / Math.min(v.fakeCap, v.dondocCap * v.instances);
    return {
      variant: v,
      period: occurrence.period,
      planned,
      plannedBy,
      windowFloorMs: windowFloor(planned, v),
      planMs: plan.ms,
      sendMs: send.ms,
      floorMs,
      ratio: send.ms / floorMs,
      fanOut: send.value.total,
      sentByInstance: send.value.sentByInstance,
      outcomes: recorder.recorded,
      timeline,
      check,
      rerun,
    };
  } finally {
    await fake.close();
  }
}

interface Recorded {
  outcomes: Record<PostOutcome["kind"], number>;
  /** Retry-After dondoc received, in seconds → how many times. */
  retryAfterS: Record<string, number>;
  /** chat.postMessage round trips as dondoc saw them, ms. */
  postMs: number[];
  /** When each post was started (Date.now(), the clock p-queue and the fake count with), in order. */
  startedAt: number[];
}

/** The delivery client, recording what each post came back with. */
function recording(client: DeliveryClient): { client: DeliveryClient; recorded: Recorded } {
  const recorded: Recorded = { outcomes: { sent: 0, rate_limited: 0, refused: 0, uncertain: 0 }, retryAfterS: {}, postMs: [], startedAt: [] };
  return {
    recorded,
    client: {
      async post(target, payload, key) {
        const start = performance.now();
        recorded.startedAt.push(Date.now());
        const outcome = await client.post(target, payload, key);
        recorded.postMs.push(performance.now() - start);
        recorded.outcomes[outcome.kind]++;
        if (outcome.kind === "rate_limited") {
          const s = String(outcome.retryAfterMs / 1000);
          recorded.retryAfterS[s] = (recorded.retryAfterS[s] ?? 0) + 1;
        }
        return outcome;
      },
      findPosted: (target, key, since) => client.findPosted(target, key, since),
    },
  };
}

function printVariant(r: VariantResult) {
  const lat = summarise("post", r.outcomes.postMs.length ? r.outcomes.postMs : [NaN]);
  const c = r.check;
  console.log(
    [
      `sent in ${ms(r.sendMs)}; floor ${ms(r.floorMs)} (${r.planned} × 60 s / ${Math.min(r.variant.fakeCap, r.variant.dondocCap)}); ratio ${r.ratio.toFixed(3)}× (aim ≤ ${AIM_RATIO}×); ` +
        `window floor at dondoc's pace ${ms(r.windowFloorMs)} (ratio ${(r.sendMs / r.windowFloorMs).toFixed(3)}×)`,
      `fanOut: ${JSON.stringify(r.fanOut)}${r.sentByInstance.length > 1 ? `, sent by each instance ${r.sentByInstance.join(" / ")}` : ""}; outcomes seen by dondoc: ${JSON.stringify(r.outcomes.outcomes)}; Retry-After (s → times): ${JSON.stringify(r.outcomes.retryAfterS)}`,
      `fake: ${r.timeline.calls} chat.postMessage calls, ${r.timeline.posted} accepted, ${r.timeline.rateLimited} answered 429; ` +
        `first call to last accepted post ${ms(r.timeline.spanMs)}; most accepted in any 60 s: ${r.timeline.maxPerMinute}, in any 1 s: ${r.timeline.maxPerSecond}`,
      `post round trip as dondoc saw it: median ${ms(lat.median)}, p95 ${ms(lat.p95)}, max ${ms(lat.max)}; ` +
        `most posts dondoc started in any 1 s: ${maxInWindow(r.outcomes.startedAt, 1_000)} (its pace: ${r.variant.instances * Math.max(1, Math.floor(r.variant.dondocCap / 60))}), in any 60 s: ${maxInWindow(r.outcomes.startedAt, 60_000)}`,
      `accepted posts per second: ${r.timeline.perSecond.join(" ")}`,
      `exactly once: ${c.ok ? "yes" : "NO"}: ${c.channels} channels, ${c.lost.length} lost, ${c.duplicated.length} duplicated, ${c.wrongKey.length} with a wrong key; ` +
        `${c.rows} rows ${JSON.stringify(c.rowStatus)}, ${c.rowMismatch} not matching their message, attempts ${JSON.stringify(c.attempts)}` +
        (c.lost.length || c.duplicated.length ? ` (first: ${[...c.lost, ...c.duplicated].slice(0, 5).join(", ")})` : ""),
      `run again: ${r.rerun.ok ? "nothing new" : "CHANGED SOMETHING"} (planned ${r.rerun.planned}, sent ${r.rerun.sent}, ${r.rerun.messages} messages in the channels)\n`,
    ].join("\n"),
  );
}

function printSummary(rows: readonly VariantResult[]) {
  const head = ["variant", "fake cap", "dondoc rate", "planning", "sending", "floor", "× floor", "window floor", "429s", "lost", "dup.", "all SENT"];
  const lines = [head, head.map(() => "---")];
  for (const r of rows) {
    lines.push([
      r.variant.name,
      `${r.variant.fakeCap}/min`,
      `${r.variant.instances > 1 ? `${r.variant.instances} × ` : ""}${r.variant.dondocCap}/min`,
      ms(r.planMs),
      ms(r.sendMs),
      ms(r.floorMs),
      `${r.ratio.toFixed(2)}×`,
      ms(r.windowFloorMs),
      String(r.timeline.rateLimited),
      String(r.check.lost.length),
      String(r.check.duplicated.length),
      r.check.rowStatus.SENT === r.check.rows && r.check.rows === r.check.channels ? "yes" : "NO",
    ]);
  }
  console.log(lines.map((l) => `| ${l.join(" | ")} |`).join("\n"));
}

/**
 * Another week's deliveries, made from `fromPeriod`'s rendered payloads, and
 * the run marked planned as runJob marks it (so running the job again plans
 * nothing). Returns how many rows were created.
 */
async function copyPlanned(occurrence: Occurrence, fromPeriod: string, instance: string): Promise<number> {
  const prisma = scratch.db.prisma;
  const n = await prisma.$executeRaw`
    INSERT INTO "Delivery" (job, period, target, "unitId", payload, "updatedAt")
    SELECT job, ${occurrence.period}, target, "unitId", payload, now() FROM "Delivery"
    WHERE job = ${occurrence.job} AND period = ${fromPeriod} ORDER BY id
    ON CONFLICT DO NOTHING`;
  await prisma.jobRun.createMany({ data: [{ job: occurrence.job, period: occurrence.period, dueAt: occurrence.dueAt, by: instance }], skipDuplicates: true });
  return n;
}

/**
 * The earliest the last of `n` messages can go when the sender starts at
 * most `perSecond` a second (fanOut: p-queue, intervalCap per 1 s interval)
 * and Slack lets at most `cap` through in any 60 s (the fake's sliding
 * window): message i goes at the start of its interval, and no earlier than
 * 60 s after message i - cap.
 */
function windowFloor(n: number, v: Variant): number {
  const perSecond = v.instances * Math.max(1, Math.floor(v.dondocCap / 60));
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    let at = Math.floor(i / perSecond) * 1000;
    if (i >= v.fakeCap) at = Math.max(at, t[i - v.fakeCap]! + 60_000);
    // Still no more than perSecond in any 1 s.
    if (i >= perSecond) at = Math.max(at, t[i - perSecond]! + 1000);
    t.push(at);
  }
  return t.length ? t[t.length - 1]! : 0;
}
