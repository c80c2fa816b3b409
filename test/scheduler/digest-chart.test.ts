// The digest's chart goes out with the digest, exactly once: a PNG in the
// digest's thread (files upload v2), after the digest, never twice (a second
// run, a second instance, an upload whose outcome is unknown), and a chart
// that cannot be uploaded never stops or repeats the digest. On the fake
// Slack, PGlite and PostgreSQL.
import { PNG } from "pngjs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { localDay } from "../../src/domain/day.js";
import { localInstant, occurrenceAt } from "../../src/domain/schedule.js";
import { claimNext, threadOf } from "../../src/delivery/delivery-store.js";
import { fanOut } from "../../src/delivery/fan-out.js";
import { chartTarget } from "../../src/scheduler/jobs.js";
import { runJob } from "../../src/scheduler/run-job.js";
import { loadCalendar } from "../../src/scheduler/scheduler.js";
import { slackDeliveryClient } from "../../src/delivery/slack-delivery.js";
import { renderDigestChart } from "../../src/report/digest-chart.js";
import { retryFailed } from "../../src/services/deliveries.js";
import { digestModel } from "../../src/services/weekly/digest.js";
import { digestChartFile } from "../../src/services/weekly/digest-chart.js";
import { backends, log } from "../support/databases.js";
import { BOT_TOKEN, schedulerConfig, startWorld, type SchedulerWorld } from "./harness.js";

const FRIDAY = localInstant("2023-09-22", 16, 31);
const CHANNEL = schedulerConfig.leadershipChannel;

type Shown = { ts: string; text: string; threadTs?: string; files?: { id: string; name: string; mimetype: string }[] };

describe.each(backends)("the digest's chart on $name", (backend) => {
  let w: SchedulerWorld;
  let db: Database;
  beforeAll(async () => {
    const first = await startWorld(backend, { at: FRIDAY });
    await first.fake.close();
    db = first.db;
  });
  afterAll(async () => db?.close());
  afterEach(async () => {
    await w?.close();
    await db.prisma.delivery.deleteMany();
    await db.prisma.jobRun.deleteMany();
  });

  const digest = async () => occurrenceAt("digest", schedulerConfig.schedule, await loadCalendar(w.db.prisma), FRIDAY);
  const leadership = () => w.messages("dondoc-lanhdao") as readonly Shown[];
  const topLevel = () => leadership().filter((m) => m.threadTs === undefined);
  const charts = () => leadership().filter((m) => m.threadTs !== undefined && m.files?.length);

  it("uploads the chart as a PNG into the digest's thread, with the figures of the counting function", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    const r = await runJob(w.ctx(), await digest());
    expect(r).toMatchObject({ planned: 2, delivery: { sent: 2, failed: 0 } });
    expect(topLevel()).toHaveLength(1);
    const [chart] = charts();
    expect(chart).toBeDefined();
    expect(chart!.threadTs).toBe(topLevel()[0]!.ts);
    expect(chart!.files).toHaveLength(1);
    expect(chart!.files![0]).toMatchObject({ name: "tien-do-2023-W38.png", mimetype: "image/png" });
    expect(chart!.text).toContain("Biểu đồ tiến độ tuần 38/2023");
    const stored = w.fake.workspace.files.get(chart!.files![0]!.id)!;
    const png = PNG.sync.read(stored.bytes);
    expect(png.width).toBe(1500);
    expect(png.height).toBeGreaterThan(300);
    // The bytes are those drawn from digestModel, which counts with statusSummary.
    const row = await w.db.prisma.delivery.findUniqueOrThrow({ where: { job_period_target: { job: "digest", period: "2023-W38", target: chartTarget(CHANNEL) } } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    expect(Buffer.from((row.payload as { file: { base64: string } }).file.base64, "base64").equals(stored.bytes)).toBe(true);
    const model = await digestModel(w.db.prisma, { today: localDay(FRIDAY) });
    expect(digestChartFile(model, "vi", "tuần 38/2023").png.equals(stored.bytes)).toBe(true);
    const { svg } = renderDigestChart(model, { lang: "vi", week: "tuần 38/2023" });
    const gdnn = model.byUnit.find((u) => u.unit.code === "GDNN")!;
    const done = gdnn.lead.DONE_ON_TIME + gdnn.lead.DONE_LATE;
    const total = Object.values(gdnn.lead).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(svg).toContain(gdnn.unit.name);
    expect(svg).toContain(`(${done}/${total})</text>`);
  });

  it("with the digest by direct message too, each leader gets the chart in their digest's thread, once", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    const ctx = (i: string) => ({ ...w.ctx(i), config: { ...schedulerConfig, digestDm: true } });
    await db.prisma.member.update({ where: { slackUserId: "U0LDS0002" }, data: { locale: "en" } });
    try {
      const o = await digest();
      const r = await runJob(ctx("A"), o);
      // The channel and two leaders: a digest and a chart each.
      expect(r).toMatchObject({ planned: 6, delivery: { sent: 6, failed: 0 } });
      await runJob(ctx("B"), o);
      for (const [leader, text] of [
        ["U0LDS0001", "Biểu đồ tiến độ tuần 38/2023"],
        ["U0LDS0002", "Progress chart, week 38 of 2023"],
      ] as const) {
        const dm = w.fake.workspace.conversations.messages(w.fake.workspace.directory.imChannel(leader, w.fake.workspace.bot.userId).id) as readonly Shown[];
        const digests = dm.filter((m) => m.threadTs === undefined);
        const files = dm.filter((m) => m.files?.length);
        expect(digests).toHaveLength(1);
        expect(files).toHaveLength(1);
        expect(files[0]!.threadTs).toBe(digests[0]!.ts);
        expect(files[0]!.text).toContain(text);
      }
      expect(charts()).toHaveLength(1);
    } finally {
      await db.prisma.member.update({ where: { slackUserId: "U0LDS0002" }, data: { locale: "vi" } });
    }
  });

  it("sends nothing more when run again, or by three instances at once", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    const o = await digest();
    const results = await Promise.all(["A", "B", "C"].map((i) => runJob(w.ctx(i), o)));
    const sent = results.reduce((n, r) => n + (r.dryRun ? 0 : r.delivery!.sent), 0);
    expect(sent).toBe(2);
    const again = await runJob(w.ctx("D"), o);
    expect(again).toMatchObject({ alreadyPlanned: true, delivery: { sent: 0 } });
    expect(topLevel()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
  });

  it("delivers the digest when the upload fails, and the chart alone is retried later", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    w.fake.failNext("files.getUploadURLExternal", { status: 500 }, 1);
    const r = await runJob(w.ctx(), await digest());
    expect(r).toMatchObject({ delivery: { sent: 1, failed: 1 } });
    expect(topLevel()).toHaveLength(1);
    expect(charts()).toHaveLength(0);
    const failed = await w.db.prisma.delivery.findFirstOrThrow({ where: { status: "FAILED" } });
    expect(failed.target).toBe(chartTarget(CHANNEL));
    // The next attempt, once its time has come: the chart, and not a second digest.
    w.clock.now = new Date(FRIDAY.getTime() + 2 * 60_000);
    const retry = await fanOut({ prisma: w.db.prisma, client: w.ctx().client!, log, instance: "B", now: () => w.clock.now, messagesPerMinute: 6000 });
    expect(retry).toMatchObject({ sent: 1, failed: 0 });
    expect(topLevel()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
  });

  it("a refused upload is recorded and never repeats the digest", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    w.fake.failNext("files.completeUploadExternal", { error: "not_in_channel" }, 1);
    const r = await runJob(w.ctx(), await digest());
    expect(r).toMatchObject({ delivery: { sent: 1, failed: 1 } });
    expect(await w.db.prisma.delivery.findFirstOrThrow({ where: { status: "FAILED" } })).toMatchObject({
      target: chartTarget(CHANNEL),
      lastError: "not_in_channel",
      nextAttemptAt: null,
    });
    await runJob(w.ctx("B"), await digest());
    expect(topLevel()).toHaveLength(1);
    expect(charts()).toHaveLength(0);
  });

  it("a digest refused for good takes its chart with it, nothing left pending; a retry sends both", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    w.fake.failNext("chat.postMessage", { error: "channel_not_found" }, 1);
    const r = await runJob(w.ctx(), await digest());
    expect(r).toMatchObject({ delivery: { sent: 0, failed: 2 } });
    const rows = await w.db.prisma.delivery.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((d) => [d.target, d.status, d.nextAttemptAt])).toEqual([
      [CHANNEL, "FAILED", null],
      [chartTarget(CHANNEL), "FAILED", null],
    ]);
    expect(rows[1]!.lastError).toContain("was not sent");
    // Once the channel is fixed, the administrator's retry sends the digest, then its chart.
    expect(await retryFailed(w.db.prisma, w.clock.now)).toBe(2);
    const retry = await fanOut({ prisma: w.db.prisma, client: w.ctx().client!, log, instance: "B", now: () => w.clock.now, messagesPerMinute: 6000 });
    expect(retry).toMatchObject({ sent: 2, failed: 0 });
    expect(topLevel()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
  });

  it("waits for the digest: the chart is not claimable before the digest is sent", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    await runJob({ ...w.ctx("A"), client: null }, await digest());
    const first = await claimNext(w.db.prisma, { instance: "A", now: FRIDAY });
    expect(first?.target).toBe(CHANNEL);
    // The digest is claimed, not sent: nothing else is ready.
    expect(await claimNext(w.db.prisma, { instance: "B", now: FRIDAY })).toBeNull();
    expect(await threadOf(w.db.prisma, { job: "digest", period: "2023-W38" }, CHANNEL)).toBeNull();
  });

  it("after an upload whose outcome was lost, finds the chart in the thread instead of uploading it again", async () => {
    w = await startWorld(backend, { at: FRIDAY, db });
    const o = await digest();
    await runJob({ ...w.ctx("A"), client: null }, o);
    const client = slackDeliveryClient({ token: BOT_TOKEN, apiUrl: w.fake.url });
    // A sends the digest, then claims the chart, uploads it and dies before recording it.
    const a = await fanOut(
      { prisma: w.db.prisma, client, log, instance: "A", now: () => w.clock.now, messagesPerMinute: 6000 },
      { ids: [(await w.db.prisma.delivery.findFirstOrThrow({ where: { target: CHANNEL } })).id] },
    );
    expect(a.sent).toBe(1);
    const chart = (await claimNext(w.db.prisma, { instance: "A", now: FRIDAY }))!;
    expect(chart.payload.file).toBeDefined();
    const thread = (await threadOf(w.db.prisma, chart, chart.payload.file!.after))!;
    expect(await client.upload!(thread, chart.payload.file!, chart.payload.text)).toMatchObject({ kind: "sent" });
    expect(charts()).toHaveLength(1);
    // After the lease, B takes the claim over: it looks in the thread first.
    w.clock.now = new Date(FRIDAY.getTime() + 3 * 60_000);
    const b = await fanOut({ prisma: w.db.prisma, client, log, instance: "B", now: () => w.clock.now, messagesPerMinute: 6000 });
    expect(b).toMatchObject({ sent: 0, alreadyPosted: 1 });
    expect(charts()).toHaveLength(1);
    expect(await w.db.prisma.delivery.count({ where: { status: "SENT" } })).toBe(2);
  });
});
