// Scheduled messages are delivered once and only once: across re-runs,
// crashes mid-fan-out, several instances, and Slack answering 429 or 5xx.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { localInstant, occurrenceAt } from "../../src/domain/schedule.js";
import { claimNext, deliveryKey } from "../../src/delivery/delivery-store.js";
import { fanOut } from "../../src/delivery/fan-out.js";
import { runJob } from "../../src/scheduler/run-job.js";
import { loadCalendar, tick } from "../../src/scheduler/scheduler.js";
import { slackDeliveryClient } from "../../src/delivery/slack-delivery.js";
import { backends, log } from "../support/databases.js";
import { BOT_TOKEN, schedulerConfig, startWorld, type SchedulerWorld } from "./harness.js";

const MONDAY = localInstant("2023-09-18", 8, 0);

describe.each(backends)("scheduled delivery on $name", (backend) => {
  let w: SchedulerWorld;
  // One database for the file (opening and loading it is the slow part);
  // each test gets a fresh fake Slack and no deliveries.
  let db: Database;
  beforeAll(async () => {
    const first = await startWorld(backend, { at: MONDAY });
    await first.fake.close();
    db = first.db;
  });
  afterAll(async () => db?.close());
  afterEach(async () => {
    await w?.close();
    await db.prisma.delivery.deleteMany();
    await db.prisma.jobRun.deleteMany();
    await db.prisma.unit.update({ where: { code: "KH-TC" }, data: { slackChannel: "#dondoc-khtc" } });
  });

  const reminders = async (world: SchedulerWorld) => occurrenceAt("reminders", schedulerConfig.schedule, await loadCalendar(world.db.prisma), MONDAY);
  const countAll = (world: SchedulerWorld) => world.unitChannels.reduce((n, c) => n + world.messages(c).length, 0);

  it("sends one reminder per unit channel, and nothing more when run again", async () => {
    w = await startWorld(backend, { at: MONDAY, db });
    const first = await runJob(w.ctx(), await reminders(w));
    expect(first).toMatchObject({ dryRun: false, planned: 5, alreadyPlanned: false, delivery: { sent: 5, failed: 0 } });
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
    expect(JSON.stringify(w.messages("dondoc-gdnn"))).toContain("GDNN");
    const again = await runJob(w.ctx(), await reminders(w));
    expect(again).toMatchObject({ alreadyPlanned: true, delivery: { sent: 0 } });
    expect(countAll(w)).toBe(5);
  });

  it("does not resend what a crashed instance had already posted", async () => {
    w = await startWorld(backend, { at: MONDAY, db });
    const o = await reminders(w);
    // Plan only (no client), then instance A claims two deliveries, posts one and dies.
    await runJob({ ...w.ctx("A"), client: null }, o);
    const client = slackDeliveryClient({ token: BOT_TOKEN, apiUrl: w.fake.url });
    const posted = (await claimNext(w.db.prisma, { instance: "A", now: w.clock.now }))!;
    await client.post(posted.target, posted.payload, deliveryKey(posted));
    await claimNext(w.db.prisma, { instance: "A", now: w.clock.now }); // claimed, never posted
    // B starts before A's lease ran out: it sends the three unclaimed ones only.
    const b = await fanOut({ prisma: w.db.prisma, client, log, instance: "B", now: () => w.clock.now, messagesPerMinute: 6000 });
    expect(b).toMatchObject({ sent: 3 });
    // After the lease, B takes over A's two claims: one is found in Slack, one is sent.
    w.clock.now = new Date(MONDAY.getTime() + 3 * 60_000);
    const later = await fanOut({ prisma: w.db.prisma, client, log, instance: "B", now: () => w.clock.now, messagesPerMinute: 6000 });
    expect(later).toMatchObject({ sent: 1, alreadyPosted: 1 });
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
    expect(await w.db.prisma.delivery.count({ where: { status: "SENT" } })).toBe(5);
  });

  it("run for a future --at, killed and run again 3 minutes later, finds what it had posted (real time in Slack)", async () => {
    // `jobs run --at` a moment still to come: the run's clock is that moment,
    // Slack's is the real one.
    const future = localInstant("2030-03-04", 8, 0);
    w = await startWorld(backend, { at: future, db, fake: { now: () => Date.now() } });
    const o = occurrenceAt("reminders", schedulerConfig.schedule, await loadCalendar(w.db.prisma), future);
    await runJob({ ...w.ctx("run-1"), client: null }, o);
    // The first run claims all five, posts four, and is killed.
    const client = slackDeliveryClient({ token: BOT_TOKEN, apiUrl: w.fake.url });
    for (let i = 0; i < 5; i++) {
      const d = (await claimNext(w.db.prisma, { instance: "run-1", now: future }))!;
      if (i < 4) expect(await client.post(d.target, d.payload, deliveryKey(d))).toMatchObject({ kind: "sent" });
    }
    w.clock.now = new Date(future.getTime() + 3 * 60_000);
    const again = await runJob(w.ctx("run-2"), o);
    expect(again).toMatchObject({ delivery: { sent: 1, alreadyPosted: 4 }, stillSending: { count: 0 } });
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
  });

  it("waits out a 429 and delivers everything once", async () => {
    w = await startWorld(backend, { at: MONDAY, db });
    w.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, 2);
    const r = await runJob(w.ctx(), await reminders(w));
    expect(r).toMatchObject({ delivery: { sent: 5, failed: 0, rateLimited: 2 } });
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
  });

  it("holds no claims while paused by a 429, so a long pause cannot lead to a second post", async () => {
    w = await startWorld(backend, { at: MONDAY, db });
    await runJob({ ...w.ctx("A"), client: null }, await reminders(w));
    w.fake.failNext("chat.postMessage", { status: 429, retryAfter: 3 }, 1);
    const client = slackDeliveryClient({ token: BOT_TOKEN, apiUrl: w.fake.url });
    const a = fanOut({ prisma: w.db.prisma, client, log, instance: "A", now: () => w.clock.now, messagesPerMinute: 6000 });
    // Once Slack has answered 429, A holds no claim within 2 s, well inside
    // its 3 s pause (holding them through the pause fails here). Timed from
    // the 429, not from the start: on a loaded machine A's first claims can
    // take longer than a fixed wait.
    await expect.poll(() => w.fake.calls("chat.postMessage").some((c) => c.status === 429), { timeout: 30_000, interval: 20 }).toBe(true);
    await expect.poll(() => w.db.prisma.delivery.count({ where: { status: "SENDING", claimedBy: "A" } }), { timeout: 2_000, interval: 50 }).toBe(0);
    // While A waits out Retry-After, B (whose clock says the lease has long run out) sends too.
    const later = new Date(MONDAY.getTime() + 10 * 60_000);
    const b = await fanOut({ prisma: w.db.prisma, client, log, instance: "B", now: () => later, messagesPerMinute: 6000 });
    const ra = await a;
    expect(ra.sent + b.sent + ra.alreadyPosted + b.alreadyPosted).toBe(5);
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
  });

  it("after a 500 checks Slack before retrying, and never posts twice", async () => {
    w = await startWorld(backend, { at: MONDAY, db });
    w.fake.failNext("chat.postMessage", { status: 500 }, 1);
    const r = await runJob(w.ctx(), await reminders(w));
    expect(r).toMatchObject({ delivery: { sent: 4, failed: 1 } });
    const failed = await w.db.prisma.delivery.findFirstOrThrow({ where: { status: "FAILED" } });
    expect(failed).toMatchObject({ uncertain: true });
    expect(failed.nextAttemptAt!.getTime()).toBeGreaterThan(MONDAY.getTime());
    // A minute later the next tick retries: nothing in history, so it posts.
    w.clock.now = new Date(MONDAY.getTime() + 61_000);
    await tick(w.ctx(), schedulerConfig);
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
    expect(await w.db.prisma.delivery.count({ where: { status: "SENT" } })).toBe(5);
  });

  it("keeps going past a channel that does not exist, and reports it", async () => {
    w = await startWorld(backend, { at: MONDAY, db });
    await w.db.prisma.unit.update({ where: { code: "KH-TC" }, data: { slackChannel: "#kenh-da-xoa" } });
    const r = await runJob(w.ctx(), await reminders(w));
    expect(r).toMatchObject({ delivery: { sent: 4, failed: 1 } });
    const failed = await w.db.prisma.delivery.findFirstOrThrow({ where: { status: "FAILED" } });
    expect(failed).toMatchObject({ target: "#kenh-da-xoa", lastError: "channel_not_found", nextAttemptAt: null, uncertain: false });
  });

  it("catches up a run missed while down, within the grace period only", async () => {
    w = await startWorld(backend, { at: new Date(MONDAY.getTime() + 2 * 3_600_000), db });
    await tick(w.ctx(), schedulerConfig);
    expect(countAll(w)).toBe(5);
    expect(await w.db.prisma.jobRun.count({ where: { job: "reminders", period: "2023-W38" } })).toBe(1);
    await w.close();
    await db.prisma.delivery.deleteMany();
    await db.prisma.jobRun.deleteMany();
    w = await startWorld(backend, { at: new Date(MONDAY.getTime() + 7 * 3_600_000), db });
    await tick(w.ctx(), schedulerConfig);
    expect(countAll(w)).toBe(0);
  });

  it("moves the Monday reminder off a holiday (04/09/2023) to Tuesday", async () => {
    w = await startWorld(backend, { at: localInstant("2023-09-04", 8, 5), db });
    await tick(w.ctx(), schedulerConfig);
    expect(countAll(w)).toBe(0);
    w.clock.now = localInstant("2023-09-05", 8, 1);
    await tick(w.ctx(), schedulerConfig);
    // The 5 weekly reminders, and the 5 reminders of the Q3 report: units are
    // due at the Office on Friday 08/09 (the 10th is a Sunday), a week before
    // is 01/09, a holiday, and the days off run to 04/09.
    expect(countAll(w)).toBe(10);
    expect(await w.db.prisma.delivery.count({ where: { job: "reminders" } })).toBe(5);
  });

  it("sends the digest to the leadership channel and the summaries to units", async () => {
    w = await startWorld(backend, { at: localInstant("2023-09-22", 16, 31), db });
    await tick(w.ctx(), schedulerConfig);
    // The digest, and its chart in the digest's thread (test/scheduler/digest-chart.test.ts).
    const leadership = w.messages("dondoc-lanhdao") as unknown as readonly { ts: string; threadTs?: string; files?: unknown[] }[];
    expect(leadership.filter((m) => m.threadTs === undefined)).toHaveLength(1);
    expect(leadership.filter((m) => m.threadTs !== undefined && m.files)).toHaveLength(1);
    for (const c of w.unitChannels) expect(w.messages(c), c).toHaveLength(1);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("three instances on one PostgreSQL", () => {
  let w: SchedulerWorld;
  afterEach(async () => w?.close());

  it("deliver each message exactly once", async () => {
    w = await startWorld(backends.find((b) => b.name === "postgres")!, { at: MONDAY });
    // Thirty units, so the instances really overlap.
    const units = Array.from({ length: 30 }, (_, i) => ({
      code: `U${i}`,
      codeKey: `u${i}`,
      name: `Đơn vị ${i}`,
      nameKey: `don vi ${i}`,
      kind: "DIVISION" as const,
      slackChannel: `#extra-${i}`,
    }));
    await w.db.prisma.unit.createMany({ data: units });
    for (const u of units) w.fake.workspace.directory.addChannel({ name: u.slackChannel.slice(1) });
    const o = occurrenceAt("reminders", schedulerConfig.schedule, await loadCalendar(w.db.prisma), MONDAY);
    const results = await Promise.all(["A", "B", "C"].map((i) => runJob(w.ctx(i), o)));
    const sent = results.reduce((n, r) => n + (r.dryRun ? 0 : r.delivery!.sent), 0);
    expect(sent).toBe(35);
    expect(await w.db.prisma.delivery.count({ where: { status: "SENT" } })).toBe(35);
    const all = [...w.unitChannels, ...units.map((u) => u.slackChannel.slice(1))];
    for (const c of all) expect(w.messages(c), c).toHaveLength(1);
    // The work was really shared: more than one instance sent messages.
    expect(results.filter((r) => !r.dryRun && r.delivery!.sent > 0).length).toBeGreaterThan(1);
  });
});
