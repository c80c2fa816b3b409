// The language to answer a Slack user in: their own choice in dondoc
// (`/kehoach ngonngu en`), else their Slack locale from users.info (not in
// command payloads; cached, since it rarely changes), else Vietnamese.
import { LRUCache } from "lru-cache";
import type { WebClient } from "@slack/web-api";
import type { Lang } from "../errors.js";
import { errorInfo, type Logger } from "../log.js";

export class LocaleCache {
  private readonly cache = new LRUCache<string, Lang>({ max: 10_000, ttl: 6 * 60 * 60 * 1000 });

  constructor(private readonly log: Logger) {}

  async langOf(client: WebClient, userId: string, chosen: string | null | undefined): Promise<Lang> {
    if (chosen === "vi" || chosen === "en") return chosen;
    const cached = this.cache.get(userId);
    if (cached) return cached;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const lang: Lang = info.user?.locale?.toLowerCase().startsWith("en") ? "en" : "vi";
      this.cache.set(userId, lang);
      return lang;
    } catch (err) {
      this.log.warn({ err: errorInfo(err), userId }, "users.info failed; answering in Vietnamese");
      return "vi";
    }
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
