// A JSON text that comes back from Slack (a view's private_metadata, a
// button's value) can be anything: it is parsed and checked against its
// schema, and whatever else it is reads as null. One function for every such
// text, so that none of them throws on a forged or truncated value.
import type { z } from "zod";

export function parseJsonAs<T>(schema: z.ZodType<T>, text: string | undefined): T | null {
  let value: unknown;
  try {
    value = JSON.parse(text ?? "");
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
