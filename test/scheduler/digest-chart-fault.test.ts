// A chart that cannot be drawn never stops the digest: it is logged and the
// digest goes out alone (the renderer is made to fail here).
import { afterAll, describe, expect, it, vi } from "vitest";
import { localInstant, occurrenceAt } from "../../src/domain/schedule.js";
import { runJob } from "../../src/scheduler/run-job.js";
import { loadCalendar } from "../../src/scheduler/scheduler.js";
import { backends } from "../support/databases.js";
import { schedulerConfig, startWorld, type SchedulerWorld } from "./harness.js";

vi.mock("../../src/report/digest-chart.js", () => ({
  renderDigestChart: () => {
    throw new Error("resvg: font file missing");
  },
}));

const FRIDAY = localInstant("2023-09-22", 16, 31);

describe("a digest whose chart cannot be drawn", () => {
  let w: SchedulerWorld;
  afterAll(async () => w?.close());

  it("is delivered without the chart, once, and the failure is logged", async () => {
    w = await startWorld(backends[0]!, { at: FRIDAY });
    const errors: unknown[] = [];
    const ctx = w.ctx();
    const log = { ...ctx.log, error: (...args: unknown[]) => void errors.push(args) } as typeof ctx.log;
    const o = occurrenceAt("digest", schedulerConfig.schedule, await loadCalendar(w.db.prisma), FRIDAY);
    const r = await runJob({ ...ctx, log }, o);
    expect(r).toMatchObject({ planned: 1, delivery: { sent: 1, failed: 0 } });
    expect(w.messages("dondoc-lanhdao")).toHaveLength(1);
    expect(JSON.stringify(errors)).toContain("could not draw the digest's chart");
    expect(JSON.stringify(errors)).toContain("font file missing");
    expect(await runJob({ ...ctx, log }, o)).toMatchObject({ alreadyPlanned: true, delivery: { sent: 0 } });
    expect(w.messages("dondoc-lanhdao")).toHaveLength(1);
  });
});
