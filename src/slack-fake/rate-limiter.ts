// chat.postMessage limits: about one message per second per channel, plus a
// workspace-wide cap. Hand-written (rather than a rate-limit library) because
// the window must follow the fake's injectable clock, not the wall clock.
import type { Clock } from "./types.js";

export interface RateLimitOptions {
  /** Messages per channel per second; 1 when rate limiting is on, like Slack. */
  perChannelPerSecond?: number;
  /** Messages per minute across the workspace; no cap when omitted. */
  workspacePerMinute?: number;
}

/** A sliding window: at most `limit` events in any `windowMs`. */
class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** 0 when an event may happen at `now`, else milliseconds until it may. */
  waitMs(now: number): number {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - this.windowMs) this.times.shift();
    if (this.times.length < this.limit) return 0;
    return (this.times[0] ?? now) + this.windowMs - now;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

export class PostingRateLimiter {
  private readonly perChannel = new Map<string, SlidingWindow>();
  private readonly workspace: SlidingWindow | undefined;
  private readonly perChannelPerSecond: number;

  constructor(
    private readonly now: Clock,
    options: RateLimitOptions,
  ) {
    this.perChannelPerSecond = options.perChannelPerSecond ?? 1;
    this.workspace = options.workspacePerMinute === undefined ? undefined : new SlidingWindow(options.workspacePerMinute, 60_000);
  }

  /**
   * Counts a post to `channel` if allowed and answers undefined; otherwise
   * answers the Retry-After in whole seconds (at least 1, as Slack sends).
   */
  take(channel: string): number | undefined {
    const now = this.now();
    const channelWindow = this.perChannel.get(channel) ?? new SlidingWindow(this.perChannelPerSecond, 1_000);
    this.perChannel.set(channel, channelWindow);
    const waitMs = Math.max(channelWindow.waitMs(now), this.workspace?.waitMs(now) ?? 0);
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    channelWindow.record(now);
    this.workspace?.record(now);
    return undefined;
  }
}
