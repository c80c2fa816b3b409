// Rate limits and injected failures, seen through @slack/web-api (the client
// Bolt gives listeners), which waits out a 429's Retry-After and retries.
import { afterEach, describe, expect, it } from "vitest";
import { LogLevel, webApi } from "@slack/bolt";
import { createFakeSlack, type FakeSlack, type FakeSlackOptions } from "../../src/slack-fake/index.js";
import { ALICE, BOT_TOKEN, GENERAL, PLAN, SEED, SIGNING_SECRET } from "./harness.js";

let fake: FakeSlack | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: Partial<FakeSlackOptions> = {}): Promise<FakeSlack> {
  fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED, ...options });
  return fake;
}

/** Retries without backoff of its own, so the only wait is the server's Retry-After. */
function client(url: string, retries: number, extra: Partial<webApi.WebClientOptions> = {}): webApi.WebClient {
  return new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: url,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries, minTimeout: 0, maxTimeout: 0 },
    ...extra,
  });
}

async function rawPost(url: string, text: string): Promise<Response> {
  return fetch(`${url}chat.postMessage`, {
    method: "POST",
    headers: { authorization: `Bearer ${BOT_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ channel: GENERAL, text }),
  });
}

describe("chat.postMessage rate limits", () => {
  it("answers a second message within a second with 429, Retry-After and ratelimited", async () => {
    const slack = await start({ rateLimits: { perChannelPerSecond: 1 } });

    expect((await rawPost(slack.url, "một")).status).toBe(200);
    const limited = await rawPost(slack.url, "hai");

    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(await limited.json()).toEqual({ ok: false, error: "ratelimited" });
  });

  it("is waited out and retried by @slack/web-api", async () => {
    const slack = await start({ rateLimits: { perChannelPerSecond: 1 } });
    const web = client(slack.url, 3);
    const retryAfters: number[] = [];
    web.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number) => retryAfters.push(seconds));

    await web.chat.postMessage({ channel: GENERAL, text: "một" });
    const started = Date.now();
    const second = await web.chat.postMessage({ channel: GENERAL, text: "hai" });

    expect(second.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(retryAfters).toEqual([1]);
    expect(slack.calls("chat.postMessage").map((c) => c.status)).toEqual([200, 429, 200]);
    expect(slack.workspace.conversations.messages(GENERAL).map((m) => m.text)).toEqual(["một", "hai"]);
  });

  it("limits each channel on its own", async () => {
    const slack = await start({ rateLimits: { perChannelPerSecond: 1 } });
    const web = client(slack.url, 0, { rejectRateLimitedCalls: true });

    await web.chat.postMessage({ channel: GENERAL, text: "một" });
    await web.chat.postMessage({ channel: PLAN, text: "một" });

    expect(slack.calls("chat.postMessage").every((c) => c.ok)).toBe(true);
  });

  it("caps the whole workspace per minute, with Retry-After until the oldest message leaves the window", async () => {
    let now = 1_700_000_000_000;
    const slack = await start({ now: () => now, rateLimits: { workspacePerMinute: 2 } });
    const web = client(slack.url, 0, { rejectRateLimitedCalls: true });

    await web.chat.postMessage({ channel: GENERAL, text: "1" });
    now += 20_000;
    await web.chat.postMessage({ channel: PLAN, text: "2" });
    now += 1_000;
    await expect(web.chat.postMessage({ channel: ALICE, text: "3" })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 39,
    });
    now += 39_000;
    await expect(web.chat.postMessage({ channel: GENERAL, text: "4" })).resolves.toMatchObject({ ok: true });
  });

  it("does not limit when rate limits are off", async () => {
    const slack = await start();
    const web = client(slack.url, 0, { rejectRateLimitedCalls: true });

    for (let i = 0; i < 20; i++) await web.chat.postMessage({ channel: GENERAL, text: String(i) });

    expect(slack.workspace.conversations.messages(GENERAL)).toHaveLength(20);
  });
});

describe("failNext", () => {
  it("answers HTTP 500, which @slack/web-api retries", async () => {
    const slack = await start();
    slack.failNext("chat.postMessage", { status: 500 });

    const result = await client(slack.url, 1).chat.postMessage({ channel: GENERAL, text: "lại" });

    expect(result.ok).toBe(true);
    expect(slack.calls("chat.postMessage").map((c) => [c.status, c.injected])).toEqual([
      [500, true],
      [200, false],
    ]);
  });

  it("answers HTTP 500 as an HTTP error when the client does not retry", async () => {
    const slack = await start();
    slack.failNext("chat.postMessage", { status: 500 });

    await expect(client(slack.url, 0).chat.postMessage({ channel: GENERAL, text: "x" })).rejects.toMatchObject({
      code: webApi.ErrorCode.HTTPError,
      statusCode: 500,
    });
    expect(slack.workspace.conversations.messages(GENERAL)).toHaveLength(0);
  });

  it("answers a Slack error the given number of times, then works again", async () => {
    const slack = await start();
    slack.failNext("conversations.info", { error: "channel_not_found" }, 2);
    const web = client(slack.url, 0);

    for (let i = 0; i < 2; i++) {
      await expect(web.conversations.info({ channel: GENERAL })).rejects.toMatchObject({
        code: webApi.ErrorCode.PlatformError,
        data: { ok: false, error: "channel_not_found" },
      });
    }
    await expect(web.conversations.info({ channel: GENERAL })).resolves.toMatchObject({ ok: true });
  });

  it("answers 429 with the given Retry-After", async () => {
    const slack = await start();
    slack.failNext("*", { status: 429, retryAfter: 7 });

    await expect(client(slack.url, 0, { rejectRateLimitedCalls: true }).users.info({ user: ALICE })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    expect(slack.calls()[0]).toMatchObject({ method: "users.info", status: 429, injected: true, error: "ratelimited" });
  });
});
