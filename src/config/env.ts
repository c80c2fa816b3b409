// Configuration, parsed once at start-up. A wrong variable stops start-up with
// a message that names it (in Vietnamese and English).
import { z } from "zod";

const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "phải bắt đầu bằng postgresql:// / must start with postgresql://")
    .optional(),
  DONDOC_DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(logLevels).default("info"),
});

export type Config = {
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  logLevel: (typeof logLevels)[number];
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message}`,
    );
    throw new ConfigError(
      `Cấu hình không hợp lệ / Invalid configuration:\n${lines.join("\n")}`,
    );
  }
  const e = parsed.data;
  return {
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.DONDOC_DATA_DIR },
    logLevel: e.LOG_LEVEL,
  };
}
