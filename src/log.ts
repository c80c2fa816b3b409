// One structured logger for the whole process. Logs go to stderr so that the
// CLI's stdout stays clean for --json output.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { app: "dondoc" } }, pino.destination(2));
}
