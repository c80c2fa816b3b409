// The database goes away in the middle of a Monday fan-out: the process
// keeps running (no unhandled rejection), the run stops, and once the
// database is back the next ticks deliver the rest, every message once.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { pino } from "pino";
import { localInstant } from "../../src/domain/schedule.js";
import { startScheduler, tick } from "../../src/scheduler/scheduler.js";
import type { DeliveryClient } from "../../src/delivery/slack-delivery.js";
import { breakablePglite, breakablePostgres, type BreakableDatabase } from "./breakable-db.js";
import { schedulerConfig, startWorld, type SchedulerWorld } from "./harness.js";

const MONDAY = localInstant("2023-09-18", 8, 0);
const EXTRA_UNITS = 25; // 30 channels in all
const CUT_AFTER = 15; // posts
// Slow enough that the run is still claiming rows when the database goes.
const config = { ...schedulerConfig, messagesPerMinute: 600 };

const serverUrl = process.env.TEST_DATABASE_URL;
const variants: { name: string; make: () => Promise<BreakableDatabase> }[] = [
  { name: "pglite", make: breakablePglite },
  ...(serverUrl ? [{ name: "postgres", make: () => breakablePostgres(serverUrl) }] : []),
];

function captureLogs() {
  const lines: string[] = [];
  const log = pino({ level: "info" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
  return { log, lines };
}

describe.each(variants)("a database outage during a fan-out, on $name", (variant) => {
  // One database per variant (loading it is the slow part); each test gets
  // a fresh fake Slack and no deliveries.
  let broken: BreakableDatabase;
  let channels: string[];
  let w: SchedulerWorld | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeAll(async () => {
    broken = await variant.make();
    const first = await startWorld({ name: "pglite", open: async () => broken.db }, { at: MONDAY, fake: {} });
    await first.fake.close();
    const units = Array.from({ length: EXTRA_UNITS }, (_, i) => ({
      code: `X${i}`,
      codeKey: `x${i}`,
      name: `Đơn vị ${i}`,
      nameKey: `don vi ${i}`,
      kind: "DIVISION" as const,
      slackChannel: `#extra-${i}`,
    }));
    await broken.db.prisma.unit.createMany({ data: units });
  }, 180_000);
  afterAll(async () => broken?.db.close());
  beforeEach(async () => {
    w = await startWorld({ name: "pglite", open: async () => broken.db }, { at: MONDAY, db: broken.db });
    channels = w.unitChannels;
    unhandled.length = 0;
    process.on("unhandledRejection", onUnhandled);
  });
  afterEach(async () => {
    process.off("unhandledRejection", onUnhandled);
    await broken.restore();
    await w?.close();
    await broken.db.prisma.delivery.deleteMany();
    await broken.db.prisma.jobRun.deleteMany();
  });

  /** A delivery client that takes the database away right after the CUT_AFTER-th post. */
  function cuttingClient(base: DeliveryClient): { client: DeliveryClient; posts: () => number } {
    let posts = 0;
    return {
      posts: () => posts,
      client: {
        findPosted: base.findPosted,
        async post(target, payload, key) {
          const r = await base.post(target, payload, key);
          if (++posts === CUT_AFTER) await broken.cut();
          return r;
        },
      },
    };
  }

  it("keeps running, and delivers the rest exactly once when the database returns", { timeout: 90_000 }, async () => {
    const { log, lines } = captureLogs();
    const base = { ...w!.ctx(), log, config };
    const cutting = cuttingClient(base.client!);

    // The Monday tick: plans 30 reminders, sends about 15, loses the database.
    await expect(tick({ ...base, client: cutting.client }, config)).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 50)); // let any stray rejection surface
    expect(unhandled).toEqual([]);
    const sentBefore = channels.reduce((n, c) => n + w!.messages(c).length, 0);
    expect(sentBefore).toBeGreaterThanOrEqual(CUT_AFTER);
    expect(sentBefore).toBeLessThan(channels.length);
    // One line saying what happened, with the code and the driver's message only.
    const stopped = lines.filter((l) => l.includes("database failed during delivery"));
    expect(stopped).toHaveLength(1);
    expect(JSON.parse(stopped[0]!)).toMatchObject({ level: 50, code: expect.any(String), message: expect.any(String) });
    expect(lines.join("\n")).not.toMatch(/"stack"|Invalid `prisma|xoxb-/);

    // While it is down, ticks fail quietly and nothing else is sent.
    await expect(tick(base, config)).rejects.toBeDefined();
    expect(channels.reduce((n, c) => n + w!.messages(c).length, 0)).toBe(sentBefore);

    // Back up. Claims cut short are taken over after their lease and looked
    // for in Slack; the rest are sent.
    await broken.restore();
    w!.clock.now = new Date(MONDAY.getTime() + 3 * 60_000);
    await tick(base, config);
    for (const c of channels) expect(w!.messages(c), c).toHaveLength(1);
    expect(await w!.db.prisma.delivery.count({ where: { status: "SENT" } })).toBe(channels.length);
    expect(unhandled).toEqual([]);
  });

  it("a scheduler whose catch-up tick finds no database logs it and keeps going", { timeout: 60_000 }, async () => {
    const { log, lines } = captureLogs();
    await broken.cut();
    const scheduler = startScheduler({ ...w!.ctx(), log, config, now: () => new Date(MONDAY.getTime() + 60 * 60_000) }, config);
    await scheduler.stop(); // waits for the catch-up tick
    expect(unhandled).toEqual([]);
    const failed = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === "scheduler tick failed; the next tick tries again");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ database: true, code: expect.any(String) });
    expect(failed[0]).not.toHaveProperty("err");

    await broken.restore();
    await tick({ ...w!.ctx(), config, now: () => new Date(MONDAY.getTime() + 60 * 60_000) }, config);
    for (const c of channels) expect(w!.messages(c), c).toHaveLength(1);
  });
});
