// One Web API call from arrival to answer: injected faults, authentication,
// rate limits, the method itself, and the call log. Independent of HTTP so
// that it can be exercised (and later driven from a browser) directly.
import { ApiFailure, type ApiContext } from "./method.js";
import { WEB_API_METHODS } from "./methods.js";
import type { CallLog } from "../call-log.js";
import type { Fault, Faults } from "../faults.js";
import type { PostingRateLimiter } from "../rate-limiter.js";
import type { FakeSlackLogger, JsonObject } from "../types.js";

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: JsonObject;
  /** A non-JSON answer (a file download): sent instead of `body`. */
  raw?: { contentType: string; bytes: Buffer };
}

export interface WebApiDeps {
  context: ApiContext;
  botToken: string;
  /** The app-level token apps.connections.open takes. */
  appToken: string;
  faults: Faults;
  /** Absent when rate limiting is off. */
  rateLimiter: PostingRateLimiter | undefined;
  callLog: CallLog;
  logger: FakeSlackLogger;
}

const json = (status: number, body: JsonObject, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers,
  body,
});

function faultAnswer(fault: Fault): HttpAnswer {
  if ("error" in fault) return json(200, { ok: false, error: fault.error });
  if (fault.status === 429) {
    return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(fault.retryAfter ?? 1) });
  }
  return json(500, { ok: false, error: "internal_error" });
}

export class WebApi {
  constructor(private readonly deps: WebApiDeps) {}

  /** `token` is what came in the Authorization header or the `token` argument. */
  call(method: string, rawArgs: JsonObject, token: string | undefined): HttpAnswer {
    const { token: _bodyToken, ...args } = rawArgs;
    const at = this.deps.context.now();
    const fault = this.deps.faults.take(method);
    const answer = fault ? faultAnswer(fault) : this.answer(method, args, token);
    const error = typeof answer.body.error === "string" ? answer.body.error : undefined;
    this.deps.callLog.record({
      method,
      args,
      at,
      status: answer.status,
      ok: answer.body.ok === true,
      ...(error === undefined ? {} : { error }),
      response: answer.body,
      injected: fault !== undefined,
    });
    this.deps.logger.debug({ method, status: answer.status, error, injected: fault !== undefined }, "fake slack web api call");
    return answer;
  }

  private answer(method: string, args: JsonObject, token: string | undefined): HttpAnswer {
    const handler = WEB_API_METHODS[method];
    if (!handler) return json(200, { ok: false, error: "unknown_method" });
    if (!token) return json(200, { ok: false, error: "not_authed" });
    const expected = handler.tokenType === "app" ? this.deps.appToken : this.deps.botToken;
    if (token !== expected) {
      // A valid token of the other kind: Slack's not_allowed_token_type.
      const known = token === this.deps.botToken || token === this.deps.appToken;
      return json(200, { ok: false, error: known ? "not_allowed_token_type" : "invalid_auth" });
    }
    const key = handler.rateLimitKey?.(args);
    const retryAfter = key === undefined ? undefined : this.deps.rateLimiter?.take(key);
    if (retryAfter !== undefined) {
      return json(429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) });
    }
    try {
      return json(200, { ok: true, ...handler.run(args, this.deps.context) });
    } catch (err) {
      if (err instanceof ApiFailure) {
        return json(200, {
          ok: false,
          error: err.code,
          ...(err.messages.length > 0 ? { response_metadata: { messages: err.messages } } : {}),
        });
      }
      this.deps.logger.error({ err, method }, "fake slack method failed");
      return json(500, { ok: false, error: "internal_error" });
    }
  }
}
