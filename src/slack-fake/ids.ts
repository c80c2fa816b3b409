// Identifiers in Slack's formats. Message timestamps are the message ids in
// Slack: "1700000000.000100", unique per channel and increasing. The fake makes
// them unique across the whole workspace, which is stricter and simpler.
import { randomBytes } from "node:crypto";
import type { Clock } from "./types.js";

export class IdSource {
  private lastMicros = 0;
  private counters = new Map<string, number>();

  constructor(private readonly now: Clock) {}

  /** A message timestamp from the clock, bumped by a microsecond when two fall together. */
  nextTs(): string {
    const micros = Math.max(Math.floor(this.now()) * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    const fraction = String(micros % 1_000_000).padStart(6, "0");
    return `${seconds}.${fraction}`;
  }

  /** "C", "D", "V", "U"… followed by a counter: C00000001, V00000002. */
  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n.toString(36).toUpperCase().padStart(8, "0")}`;
  }

  /** Shaped like Slack's: "<seconds>.<counter>.<hex>". */
  nextTriggerId(): string {
    const n = (this.counters.get("trigger") ?? 0) + 1;
    this.counters.set("trigger", n);
    return `${Math.floor(this.now() / 1000)}.${n}.${randomBytes(10).toString("hex")}`;
  }

  /** A view hash changes on every update; views.update with a stale one gets hash_conflict. */
  nextViewHash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString("hex")}`;
  }

  nextSecret(): string {
    return randomBytes(12).toString("hex");
  }
}
