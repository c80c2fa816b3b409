// How a Web API method is defined: a zod schema for its arguments (which
// arrive form-encoded or as JSON) and a handler that answers the success body
// or throws ApiFailure with Slack's error code.
import type { z } from "zod";
import type { Workspace } from "../state/workspace.js";
import type { Triggers } from "../triggers.js";
import type { Clock, JsonObject } from "../types.js";

export interface ApiContext {
  workspace: Workspace;
  triggers: Triggers;
  now: Clock;
  /** "http://127.0.0.1:PORT/": where upload URLs and file links point. */
  origin?: () => string;
  /** The largest file files.getUploadURLExternal accepts (Slack: 1 GB). */
  fileSizeLimit?: number;
  /** Socket Mode's URL source; absent when the fake was made without it. */
  socketMode?: { readonly isEnabled: boolean; openUrl(): string };
}

/** A refusal in Slack's terms: HTTP 200, `{ ok: false, error, response_metadata? }`. */
export class ApiFailure extends Error {
  override name = "ApiFailure";

  constructor(
    readonly code: string,
    readonly messages: string[] = [],
  ) {
    super(code);
  }
}

export interface WebApiMethod {
  /** The token the method takes: the bot token (default) or the app-level token (apps.connections.open). */
  tokenType?: "bot" | "app";
  /** The key chat.postMessage-style rate limits count against, if any. */
  rateLimitKey?: (args: JsonObject) => string | undefined;
  run(args: JsonObject, ctx: ApiContext): JsonObject;
}

export function defineMethod<S extends z.ZodType<JsonObject>>(
  schema: S,
  handler: (args: z.infer<S>, ctx: ApiContext) => JsonObject,
  options: { rateLimitKey?: (args: JsonObject) => string | undefined } = {},
): WebApiMethod {
  return {
    ...options,
    run(args, ctx) {
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        throw new ApiFailure(
          "invalid_arguments",
          parsed.error.issues.map((i) => `[ERROR] ${i.message} [json-pointer:/${i.path.join("/")}]`),
        );
      }
      return handler(parsed.data, ctx);
    },
  };
}
