// Scheduled jobs the page can run now, at the workspace's clock: reminders,
// summaries, the digest. The scheduler supplies them; the local workspace only
// lists them and shows what each run reports.
import type { WebClient } from "@slack/web-api";
import type { SlackDeps } from "../slack/context.js";
import type { FakeSlack } from "../slack-fake/index.js";

export interface LocalJobs {
  names: { id: string; label: { vi: string; en: string } }[];
  /** Runs one job as if the clock said `at`; answers a one-line summary for the page. */
  run(id: string, at: Date): Promise<string>;
}

/**
 * What a jobs factory gets: a Web API client for the fake Slack with the bot
 * token (or the token and URL to make one's own), and dondoc's dependencies,
 * whose `now` is the workspace's clock.
 */
export interface LocalJobsContext {
  client: WebClient;
  botToken: string;
  apiUrl: string;
  deps: SlackDeps;
  fake: FakeSlack;
}

export type LocalJobsOption = LocalJobs | ((context: LocalJobsContext) => LocalJobs);
