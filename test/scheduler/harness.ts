// A database with the examples and the holiday calendar, a fake Slack with a
// channel per unit and for leadership, and the scheduler's context.
import type { Database } from "../../src/db/database.js";
import { parseYaml, readText } from "../../src/files/load.js";
import { CalendarFileSchema } from "../../src/files/calendar-file.js";
import type { SchedulerConfig } from "../../src/config/env.js";
import { parseWeeklyTime } from "../../src/domain/schedule.js";
import type { JobContext } from "../../src/scheduler/run-job.js";
import { slackDeliveryClient } from "../../src/delivery/slack-delivery.js";
import { importCalendar } from "../../src/services/calendar.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { createFakeSlack, type FakeSlack, type FakeSlackOptions } from "../../src/slack-fake/index.js";
import { log, type Backend } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

export const BOT_TOKEN = "xoxb-scheduler-test";

export const schedulerConfig: SchedulerConfig = {
  enabled: true,
  schedule: { reminders: parseWeeklyTime("MON 08:00")!, summaries: parseWeeklyTime("FRI 16:00")!, digest: parseWeeklyTime("FRI 16:30")!, reportReminderDays: 7 },
  catchUpMs: 6 * 3_600_000,
  leadershipChannel: "#dondoc-lanhdao",
  digestDm: false,
  messagesPerMinute: 6_000,
};

export interface SchedulerWorld {
  db: Database;
  fake: FakeSlack;
  clock: { now: Date };
  ctx(instance?: string): JobContext;
  /** Messages in a channel, by channel name without '#'. */
  messages(channel: string): readonly { text: string; metadata?: unknown }[];
  unitChannels: string[];
  close(): Promise<void>;
}

export async function startWorld(backend: Backend, options: { at: Date; db?: Database; fake?: Partial<FakeSlackOptions> }): Promise<SchedulerWorld> {
  const db = options.db ?? (await backend.open());
  if (!options.db) {
    await importOrg(db.prisma, await loadOrg(), { actor: "test" });
    await importPlan(db.prisma, await loadPlan(), { actor: "test" });
    const file = "examples/holidays-vn.yaml";
    await importCalendar(db.prisma, parseYaml(file, await readText(file), CalendarFileSchema), "test");
  }
  const units = await db.prisma.unit.findMany({ orderBy: { code: "asc" } });
  const clock = { now: options.at };
  const unitChannels = units.map((u) => u.slackChannel!.replace(/^#/, ""));
  const fake = await createFakeSlack({
    signingSecret: "scheduler-test-secret",
    botToken: BOT_TOKEN,
    now: () => clock.now.getTime(),
    seed: {
      users: (await db.prisma.member.findMany()).map((m) => ({ id: m.slackUserId, name: m.name })),
      channels: [...unitChannels, "dondoc-lanhdao"].map((name) => ({ name })),
    },
    ...options.fake,
  });
  return {
    db,
    fake,
    clock,
    unitChannels,
    ctx: (instance = "test-1") => ({
      prisma: db.prisma,
      log,
      // The production client's timeout (15 s): no test here is about it, and
      // with the fake in this process a loaded machine can answer in more than 5 s.
      client: slackDeliveryClient({ token: BOT_TOKEN, apiUrl: fake.url }),
      config: schedulerConfig,
      instance,
      now: () => clock.now,
    }),
    messages: (name) => {
      const channel = fake.workspace.directory.channel(name);
      return channel ? fake.workspace.conversations.messages(channel.id) : [];
    },
    async close() {
      await fake.close();
      if (!options.db) await db.close();
    },
  };
}
