// response_url bookkeeping. Slack accepts up to five posts to one within
// thirty minutes; what a post does depends on where the interaction began.
import type { IdSource } from "./ids.js";
import type { Clock } from "./types.js";

export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

/** Where the interaction that issued a response_url came from. */
export type ResponseOrigin =
  | { kind: "command"; channelId: string; userId: string }
  | { kind: "message"; channelId: string; userId: string; ts: string }
  | { kind: "ephemeral"; channelId: string; userId: string; ts: string };

interface Issued {
  origin: ResponseOrigin;
  issuedAt: number;
  uses: number;
}

export type ResponseUrlRefusal = "invalid_url" | "expired_url" | "used_url";

export const RESPONSE_URL_PATH = "/response/";

export class ResponseUrls {
  private readonly issued = new Map<string, Issued>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: Clock,
  ) {}

  /** A url under `baseUrl` (the fake's own origin) that the app can post to. */
  issue(baseUrl: string, origin: ResponseOrigin): string {
    const id = `${this.ids.nextId("R")}${this.ids.nextSecret()}`;
    this.issued.set(id, { origin, issuedAt: this.now(), uses: 0 });
    return new URL(`${RESPONSE_URL_PATH}${id}`, baseUrl).toString();
  }

  use(id: string): { origin: ResponseOrigin } | { error: ResponseUrlRefusal } {
    const issued = this.issued.get(id);
    if (!issued) return { error: "invalid_url" };
    if (this.now() - issued.issuedAt > RESPONSE_URL_LIFETIME_MS) return { error: "expired_url" };
    if (issued.uses >= RESPONSE_URL_MAX_USES) return { error: "used_url" };
    issued.uses += 1;
    return { origin: issued.origin };
  }
}
