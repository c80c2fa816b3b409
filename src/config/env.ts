// Configuration, parsed once at start-up. A wrong variable stops start-up with
// a message that names it (in Vietnamese and English).
import { z } from "zod";
import { parseWeeklyTime, type ScheduleConfig } from "../domain/schedule.js";
import { CHANNEL_TARGET } from "../domain/slack-ids.js";
import { AppError } from "../errors.js";
import { bilingualErrors, splitWords } from "../i18n/zod.js";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional();

const weeklyTime = z
  .string()
  .refine((t) => parseWeeklyTime(t) !== undefined, { message: 'dạng "MON 08:00" hoặc "T2 08:00" / like "MON 08:00" or "T2 08:00"' })
  .transform((t) => parseWeeklyTime(t)!);

const EnvSchema = z.object({
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "phải bắt đầu bằng postgresql:// / must start with postgresql://")),
  DONDOC_DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, "mã bot phải bắt đầu bằng xoxb- / bot token must start with xoxb-")),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, "quá ngắn / too short")),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, "mã ứng dụng phải bắt đầu bằng xapp- / app-level token must start with xapp-")),
  SLACK_API_URL: optional(z.url({ message: "phải là một URL / must be a URL" })),
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[a-z0-9_-]+$/)
    .default("/kehoach"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DONDOC_REMINDERS_AT: weeklyTime.prefault("MON 08:00"),
  DONDOC_SUMMARIES_AT: weeklyTime.prefault("FRI 16:00"),
  DONDOC_DIGEST_AT: weeklyTime.prefault("FRI 16:30"),
  DONDOC_REPORT_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  DONDOC_ACK_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  DONDOC_CATCH_UP_HOURS: z.coerce.number().min(0).max(168).default(6),
  DONDOC_LEADERSHIP_CHANNEL: z.string().regex(CHANNEL_TARGET, "kênh dạng #ten-kenh hoặc mã kênh / a #channel-name or a channel id").default("#dondoc-lanhdao"),
  DONDOC_DIGEST_DM: z.enum(["true", "false"]).default("false"),
  DONDOC_SLACK_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(6000).default(300),
  DONDOC_SCHEDULER: z.enum(["on", "off"]).default("on"),
});

export type SlackConfig = {
  mode: "socket" | "http";
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  command: string;
};

export type SchedulerConfig = {
  enabled: boolean;
  schedule: ScheduleConfig;
  catchUpMs: number;
  leadershipChannel: string;
  digestDm: boolean;
  messagesPerMinute: number;
  /** Working days a unit has to acknowledge a published plan before its one reminder (3 by default). */
  ackReminderDays?: number;
};

export type Config = {
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "pglite"; dataDir: string };
  scheduler: SchedulerConfig;
  logLevel: (typeof logLevels)[number];
  port: number;
  /** null when no Slack credentials are configured. */
  slack: SlackConfig | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned, { error: bilingualErrors });
  const problems: [string, string][] = parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
  if (parsed.success) {
    const e = parsed.data;
    const anySlack = e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN;
    if (anySlack && !e.SLACK_BOT_TOKEN) problems.push(["SLACK_BOT_TOKEN", "cần cho Slack / required for Slack (xoxb-...)"]);
    if (anySlack && !e.SLACK_SIGNING_SECRET) problems.push(["SLACK_SIGNING_SECRET", "cần để kiểm tra chữ ký của Slack / required to verify Slack's signatures"]);
  }
  if (!parsed.success || problems.length) {
    const details = problems.map(([name, message]) => {
      const words = splitWords(message);
      return { vi: `  ${name}: ${words.vi}`, en: `  ${name}: ${words.en}`, both: `  ${name}: ${message}` };
    });
    throw new AppError("CONFIG_INVALID", { count: problems.length }, { details });
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL ? { kind: "postgres", url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } : { kind: "pglite", dataDir: e.DONDOC_DATA_DIR },
    scheduler: {
      enabled: e.DONDOC_SCHEDULER === "on",
      schedule: { reminders: e.DONDOC_REMINDERS_AT, summaries: e.DONDOC_SUMMARIES_AT, digest: e.DONDOC_DIGEST_AT, reportReminderDays: e.DONDOC_REPORT_REMINDER_DAYS },
      catchUpMs: e.DONDOC_CATCH_UP_HOURS * 3_600_000,
      leadershipChannel: e.DONDOC_LEADERSHIP_CHANNEL,
      digestDm: e.DONDOC_DIGEST_DM === "true",
      messagesPerMinute: e.DONDOC_SLACK_MESSAGES_PER_MINUTE,
      ackReminderDays: e.DONDOC_ACK_REMINDER_DAYS,
    },
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    slack:
      e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET
        ? {
            mode: e.SLACK_APP_TOKEN ? "socket" : "http",
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
            command: e.SLACK_COMMAND,
          }
        : null,
  };
}
