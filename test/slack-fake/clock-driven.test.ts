// The parts of the fake that follow its injectable clock: message timestamps,
// trigger lifetimes and rate-limit windows.
import { describe, expect, it } from "vitest";
import { IdSource } from "../../src/slack-fake/ids.js";
import { PostingRateLimiter } from "../../src/slack-fake/rate-limiter.js";
import { Triggers } from "../../src/slack-fake/triggers.js";

function clock(start = 1_700_000_000_000) {
  const c = { now: start, fn: () => c.now };
  return c;
}

describe("message timestamps", () => {
  it("never repeat or go back, even when the clock does", () => {
    const c = clock();
    const ids = new IdSource(c.fn);
    const first = ids.nextTs();
    c.now -= 5_000;
    const second = ids.nextTs();

    expect(first).toBe("1700000000.000000");
    expect(second).toBe("1700000000.000001");
  });
});

describe("triggers", () => {
  it("work once, within three seconds, for the user they were issued to", () => {
    const c = clock();
    const triggers = new Triggers(new IdSource(c.fn), c.fn);
    const fresh = triggers.issue("U1");
    const old = triggers.issue("U1");

    c.now += 3_000;
    expect(triggers.exchange(fresh)).toEqual({ userId: "U1" });
    expect(triggers.exchange(fresh)).toEqual({ error: "exchanged_trigger_id" });
    c.now += 1;
    expect(triggers.exchange(old)).toEqual({ error: "expired_trigger_id" });
    expect(triggers.exchange("nope")).toEqual({ error: "invalid_trigger_id" });
  });
});

describe("posting rate limits", () => {
  it("allow the configured messages per channel per second, answering whole seconds to wait", () => {
    const c = clock();
    const limiter = new PostingRateLimiter(c.fn, { perChannelPerSecond: 2 });

    expect(limiter.take("C1")).toBeUndefined();
    expect(limiter.take("C1")).toBeUndefined();
    expect(limiter.take("C1")).toBe(1);
    expect(limiter.take("C2")).toBeUndefined();
    c.now += 1_000;
    expect(limiter.take("C1")).toBeUndefined();
  });

  it("cap the workspace per minute across channels", () => {
    const c = clock();
    const limiter = new PostingRateLimiter(c.fn, { workspacePerMinute: 3 });

    for (const channel of ["C1", "C2", "C3"]) {
      expect(limiter.take(channel)).toBeUndefined();
      c.now += 10_000;
    }
    expect(limiter.take("C4")).toBe(30);
    c.now += 30_000;
    expect(limiter.take("C4")).toBeUndefined();
  });
});
