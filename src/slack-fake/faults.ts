// Failures injected on purpose: the next N calls of a method answer with
// them instead of doing their work.

export type Fault =
  /** HTTP 429 with Retry-After (seconds, default 1) and error "ratelimited". */
  | { status: 429; retryAfter?: number }
  /** HTTP 500, as when Slack itself fails. */
  | { status: 500 }
  /** HTTP 200 with ok: false and this error, e.g. "channel_not_found". */
  | { error: string };

/** Matches every method. */
export const ANY_METHOD = "*";

export class Faults {
  private readonly queued: { method: string; fault: Fault; remaining: number }[] = [];

  add(method: string, fault: Fault, times: number): void {
    if (times > 0) this.queued.push({ method, fault, remaining: times });
  }

  /** Drops every fault still queued. */
  clear(): void {
    this.queued.length = 0;
  }

  /** The fault for this call, if one is queued, counting it used. */
  take(method: string): Fault | undefined {
    const entry = this.queued.find((q) => q.method === method || q.method === ANY_METHOD);
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.queued.splice(this.queued.indexOf(entry), 1);
    return entry.fault;
  }
}
