// Small shared types of the fake Slack.

/** Milliseconds since the epoch; injectable so tests can move time. */
export type Clock = () => number;

/** The subset of pino's interface the fake logs through. */
export interface FakeSlackLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export const silentLogger: FakeSlackLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
};

export type JsonObject = { [key: string]: unknown };

/** A Block Kit block as sent on the wire; checked by block-kit/validate.ts. */
export type Block = JsonObject & { type: string };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
