// trigger_id bookkeeping. Slack issues one with every interaction; it opens
// one modal (views.open / views.push), once, within three seconds.
import type { IdSource } from "./ids.js";
import type { Clock } from "./types.js";

export const TRIGGER_LIFETIME_MS = 3_000;

export type TriggerRefusal = "invalid_trigger_id" | "exchanged_trigger_id" | "expired_trigger_id";

interface Issued {
  userId: string;
  issuedAt: number;
  exchanged: boolean;
}

export class Triggers {
  private readonly issued = new Map<string, Issued>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: Clock,
    private readonly lifetimeMs = TRIGGER_LIFETIME_MS,
  ) {}

  issue(userId: string): string {
    const id = this.ids.nextTriggerId();
    this.issued.set(id, { userId, issuedAt: this.now(), exchanged: false });
    return id;
  }

  /** Uses the trigger up; answers the user it was issued to, or Slack's refusal. */
  exchange(triggerId: string): { userId: string } | { error: TriggerRefusal } {
    const trigger = this.issued.get(triggerId);
    if (!trigger) return { error: "invalid_trigger_id" };
    if (trigger.exchanged) return { error: "exchanged_trigger_id" };
    if (this.now() - trigger.issuedAt > this.lifetimeMs) return { error: "expired_trigger_id" };
    trigger.exchanged = true;
    return { userId: trigger.userId };
  }
}
