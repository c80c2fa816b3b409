// Where a /kehoach command's time goes, without HTTP: the steps of
// `tongquan` and `viec` timed one by one in this process on the same
// database (each a use case or query dondoc calls, in the order it calls
// them), then the whole handler called directly, alone and at the
// benchmark's concurrency levels. Compared with the HTTP figures, the
// difference is Bolt, HTTP and the event loop.
import type { WebClient } from "@slack/web-api";
import type { PrismaClient } from "../../src/db/database.js";
import { localDay } from "../../src/domain/day.js";
import { createLogger } from "../../src/log.js";
import { currentPlan } from "../../src/services/find-task.js";
import { findPlan, statusSummary, statusSummarySql } from "../../src/services/plan-queries.js";
import { taskList } from "../../src/services/task-list.js";
import { unitTaskSummaries } from "../../src/services/task-summaries.js";
import { UnitResolver } from "../../src/services/unit-resolver.js";
import { HANDLERS } from "../../src/slack/commands/index.js";
import { registered, resolveCaller, type SlackDeps } from "../../src/slack/context.js";
import { LocaleCache } from "../../src/slack/locale.js";
import { Metrics } from "../../src/slack/metrics.js";
import { overviewMessage } from "../../src/views/overview.js";
import { TASK_LIST_PAGE_SIZE as TASKS_PAGE_SIZE } from "../../src/models/index.js";
import { taskListMessage } from "../../src/views/task-list.js";
import { closedLoop, summariseLoad, type LoadSummary } from "./load.mjs";
import { measure, ms, table, type Summary } from "./stats.mjs";
import { planningTimes, viecQueries, type PlanningTimes } from "./task-list-queries.mjs";

export interface Diagnosis {
  steps: Summary[];
  planning: PlanningTimes[];
  concurrent: { name: string; level: number; load: LoadSummary }[];
  text: string;
}

export async function diagnose(prisma: PrismaClient, options: { now: Date; plan: string; member: string; levels: number[]; requests: number }): Promise<Diagnosis> {
  const log = createLogger("warn");
  const deps: SlackDeps = { prisma, log, metrics: new Metrics({ defaultMetrics: false }), locale: new LocaleCache(log), now: () => options.now };
  // The members have locale "vi": resolveCaller never calls Slack.
  const client = {} as WebClient;
  const today = localDay(options.now);
  const caller = await resolveCaller(deps, client, options.member);
  const reg = registered(caller);
  const latest = await currentPlan(prisma);
  const given = await findPlan(prisma, options.plan);
  const unitIds = [reg.member.unitId!];
  const ctx = (rest: string) => ({ deps, caller, rest, client, channelId: "C0BENCH001", triggerId: "bench" });
  const summary = await statusSummary(prisma, { today, planIds: [given.id] });
  const overviewModel = { ...summary, objectives: [], plan: { number: given.number, title: given.title, year: given.year } };
  const listModel = await taskList(prisma, { viewer: reg, unit: null, filter: "all", page: 0, today });
  const run = { reps: 30, warmup: 3, budgetMs: 5_000 };

  const steps: Summary[] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => void steps.push(await measure(name, fn, run));
  await step("baseline: SELECT 1 (one round trip)", () => prisma.$queryRaw`SELECT 1`);
  await step("both: resolveCaller (Member by Slack id, locale chosen)", () => resolveCaller(deps, client, options.member));
  await step("tongquan: currentPlan (most recent plan)", () => currentPlan(prisma));
  await step(`tongquan ${options.plan}: findPlan`, () => findPlan(prisma, options.plan));
  await step(`tongquan: statusSummary SQL statement only, plan ${latest.number}`, () => statusStatement(prisma, today, latest.id));
  await step(`tongquan: statusSummary SQL statement only, plan ${given.number}`, () => statusStatement(prisma, today, given.id));
  await step("tongquan and viec: UnitResolver.load (every unit, alias, group)", () => UnitResolver.load(prisma));
  await step("tongquan: unit.findMany id, code (every unit)", () => prisma.unit.findMany({ select: { id: true, code: true } }));
  await step(`tongquan: statusSummary, plan ${latest.number} (all of the above three)`, () => statusSummary(prisma, { today, planIds: [latest.id] }));
  await step(`tongquan: statusSummary, plan ${given.number}`, () => statusSummary(prisma, { today, planIds: [given.id] }));
  await step("tongquan: overviewMessage (Block Kit, pure)", async () => overviewMessage(overviewModel, "vi"));
  await step(`viec: unitTaskSummaries (unit ${reg.member.unit?.code}, page of ${TASKS_PAGE_SIZE})`, () =>
    unitTaskSummaries(prisma, { unitIds, filter: "all", today, limit: TASKS_PAGE_SIZE, offset: 0 }),
  );
  await step("viec: taskList (unit look-up + unitTaskSummaries)", () => taskList(prisma, { viewer: reg, unit: null, filter: "all", page: 0, today }));
  await step("viec: taskListMessage (Block Kit, pure)", async () => taskListMessage(listModel, "vi"));
  await step("handler tongquan, called directly (resolveCaller + overview)", async () => HANDLERS.overview(ctx("")));
  await step(`handler tongquan ${options.plan}, called directly`, async () => HANDLERS.overview(ctx(options.plan)));
  await step("handler viec, called directly", async () => HANDLERS.tasks(ctx("")));

  const planning: PlanningTimes[] = [];
  for (const [name, query] of Object.entries(viecQueries(today, unitIds, given.id, TASKS_PAGE_SIZE))) planning.push(await planningTimes(prisma, name, query));

  const concurrent: Diagnosis["concurrent"] = [];
  const handlers: [string, () => Promise<unknown>][] = [
    ["tongquan", async () => HANDLERS.overview({ ...ctx(""), caller: await resolveCaller(deps, client, options.member) })],
    ["viec", async () => HANDLERS.tasks({ ...ctx(""), caller: await resolveCaller(deps, client, options.member) })],
  ];
  for (const level of options.levels) {
    for (const [name, fn] of handlers) {
      const send = async () => {
        const started = performance.now();
        await fn();
        const t = performance.now() - started;
        return { status: 200, ackMs: t, answerMs: t, via: "ack" as const, late: false };
      };
      await closedLoop({ concurrency: level, requests: Math.min(50, options.requests), send });
      concurrent.push({ name, level, load: summariseLoad(await closedLoop({ concurrency: level, requests: options.requests, send })) });
    }
  }
  const text = [
    "## Where the time goes: the steps, called directly in the load generator's process (no HTTP)\n",
    table(steps, steps[0]),
    `\n## PostgreSQL: planning and execution of the commands' statements (EXPLAIN ANALYZE, median of 7; unit ${reg.member.unit?.code}, plan ${given.number})\n`,
    "| statement | planning | execution |",
    "| --- | ---: | ---: |",
    ...planning.map((p) => `| ${p.name} | ${ms(p.planningMs)} | ${ms(p.executionMs)} |`),
    `\n## Handlers called directly (resolveCaller + handler, no HTTP, no Bolt) at the same concurrency, ${options.requests} calls each\n`,
    "| users | handler | p50 | p95 | p99 | max | calls/s |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ...concurrent.map(
      (c) =>
        `| ${c.level} | ${c.name} | ${ms(c.load.answer.p50)} | ${ms(c.load.answer.p95)} | ${ms(c.load.answer.p99)} | ${ms(c.load.answer.max)} | ${c.load.throughput.toFixed(0)} |`,
    ),
    "",
  ].join("\n");
  return { steps, planning, concurrent, text };
}

/** statusSummary's one statement for one plan (src/services/plan-queries.ts), without its unit look-ups. */
function statusStatement(prisma: PrismaClient, today: string, planId: number) {
  return prisma.$queryRaw(statusSummarySql(today, { planIds: [planId] }));
}
