// The gate in front of Bolt (src/slack/http-guard.ts), driven through the
// real HTTP receiver: malformed signed payloads, oversized and trickling
// bodies, timestamps from the future. After each, dondoc still answers.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "../../src/slack-fake/index.js";
import { MAX_BODY_BYTES } from "../../src/slack/http-guard.js";
import { backends } from "../support/databases.js";
import { SIGNING_SECRET, startDondoc, USERS, type Dondoc } from "./harness.js";

const REQUEST_TIMEOUT_MS = 1_500;

interface RawAnswer {
  /** The status line's code, or 0 when the connection closed without one. */
  status: number;
  /** Body bytes the client had written when the answer (or the close) came. */
  sentWhenAnswered: number;
  /** ms from connecting to the answer or the close. */
  ms: number;
}

/**
 * A request written by hand on a socket, so that the test decides how much
 * of the body is ever sent: `bodyBytes` in chunks of `chunk`, stopping as soon
 * as the server answers or closes; `hold` leaves the connection open after
 * sending, as a slow client would.
 */
function rawRequest(port: number, head: Record<string, string>, options: { bodyBytes: number; chunk?: number; chunked?: boolean; timeoutMs?: number }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    let sent = 0;
    let answered = false;
    let received = "";
    const finish = () => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      resolve({ status: m ? Number(m[1]) : 0, sentWhenAnswered: sent, ms: Date.now() - started });
      socket.destroy();
    };
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${options.timeoutMs ?? 20_000} ms (sent ${sent} bytes)`));
    }, options.timeoutMs ?? 20_000);
    socket.on("data", (d) => {
      received += d.toString("latin1");
      if (/\r\n\r\n/.test(received)) finish();
    });
    socket.on("close", finish);
    socket.on("error", () => finish());
    socket.on("connect", async () => {
      const lines = Object.entries(head).map(([k, v]) => `${k}: ${v}`);
      socket.write(`POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\n${lines.join("\r\n")}\r\n\r\n`);
      const chunk = Buffer.alloc(options.chunk ?? 64 * 1024, "a");
      while (!answered && sent < options.bodyBytes) {
        const n = Math.min(chunk.length, options.bodyBytes - sent);
        const piece = chunk.subarray(0, n);
        const ok = socket.write(options.chunked ? Buffer.concat([Buffer.from(`${n.toString(16)}\r\n`), piece, Buffer.from("\r\n")]) : piece);
        sent += n;
        // Let the server read and answer between chunks.
        await new Promise((r) => (ok ? setImmediate(r) : socket.once("drain", r)));
      }
    });
  });
}

describe("HTTP guard in front of Bolt", () => {
  let d: Dondoc;
  let port: number;
  let channel: string;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    d = await startDondoc(backends[0]!, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
    port = d.runtime.port;
    channel = d.fake.workspace.directory.channel("dondoc-gdnn")!.id;
  });
  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    await d?.close();
  });

  const stillAnswers = async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const r = await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channel, command: "/kehoach", text: "help" });
    expect(r.status).toBe(200);
    expect(r.late).toBe(false);
  };

  const signedHead = (timestampSec = Math.floor(Date.now() / 1000), body = "") => ({
    "x-slack-request-timestamp": String(timestampSec),
    "x-slack-signature": signRequest(SIGNING_SECRET, body, timestampSec),
  });

  it.each([
    ["payload=null", "application/x-www-form-urlencoded"],
    ["payload=42", "application/x-www-form-urlencoded"],
    ['payload="text"', "application/x-www-form-urlencoded"],
    ["payload=[]", "application/x-www-form-urlencoded"],
    ["payload={not json", "application/x-www-form-urlencoded"],
    ["null", "application/json"],
    ["[]", "application/json"],
    ["7", "application/json"],
    ["{", "application/json"],
    ["", "application/json"],
  ])("answers 400 to the signed malformed body %j (%s) and keeps serving", async (raw, type) => {
    const r = await d.fake.postToApp(raw, type);
    expect(r.status).toBe(400);
    // Give a crash, if any, the time to happen.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
    await stillAnswers();
  });

  it("refuses a correctly signed request dated more than five minutes ahead", async () => {
    const raw = new URLSearchParams({
      command: "/kehoach",
      text: "help",
      user_id: USERS.gdnnStaff,
      channel_id: channel,
      team_id: "T1",
      response_url: "http://127.0.0.1:1/x",
      trigger_id: "t",
    }).toString();
    const future = await d.fake.postToApp(raw, "application/x-www-form-urlencoded", { timestampSec: Math.floor(Date.now() / 1000) + 6 * 60 });
    expect(future.status).toBe(401);
    const near = await d.fake.postToApp(raw, "application/x-www-form-urlencoded", { timestampSec: Math.floor(Date.now() / 1000) + 60 });
    expect(near.status).toBe(200);
  });

  it("answers 413 to a declared body over the limit without reading it", async () => {
    const r = await rawRequest(port, { "content-type": "application/json", "content-length": String(100 * 1024 * 1024), ...signedHead() }, { bodyBytes: 100 * 1024 * 1024 });
    expect(r.status).toBe(413);
    // Answered long before 100 MB were sent: nothing waited for or buffered the rest.
    expect(r.sentWhenAnswered).toBeLessThan(8 * 1024 * 1024);
    await stillAnswers();
  });

  it("answers 413 to a streamed (chunked) body as soon as it passes the limit", async () => {
    const r = await rawRequest(port, { "content-type": "application/json", "transfer-encoding": "chunked", ...signedHead() }, { bodyBytes: 100 * 1024 * 1024, chunked: true });
    expect(r.status).toBe(413);
    expect(r.sentWhenAnswered).toBeGreaterThan(MAX_BODY_BYTES);
    expect(r.sentWhenAnswered).toBeLessThan(MAX_BODY_BYTES + 8 * 1024 * 1024);
    await stillAnswers();
  });

  it("refuses an unsigned body over the limit without reading it", async () => {
    const r = await rawRequest(
      port,
      {
        "content-type": "application/json",
        "content-length": String(100 * 1024 * 1024),
        "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
        "x-slack-signature": `v0=${"0".repeat(64)}`,
      },
      { bodyBytes: 100 * 1024 * 1024 },
    );
    expect([401, 413]).toContain(r.status);
    expect(r.sentWhenAnswered).toBeLessThan(8 * 1024 * 1024);
  });

  it("cuts off a body that trickles in", async () => {
    const r = await rawRequest(port, { "content-type": "application/json", "content-length": "100", ...signedHead() }, { bodyBytes: 1, timeoutMs: REQUEST_TIMEOUT_MS * 6 });
    // Node answers 408 and closes; either way the connection is not held.
    expect([0, 408]).toContain(r.status);
    expect(r.ms).toBeLessThan(REQUEST_TIMEOUT_MS * 4);
    await stillAnswers();
  });

  it("still answers Slack's unsigned ssl_check", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "ssl_check=1&token=x",
    });
    expect(res.status).toBe(200);
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(unsigned.status).toBe(401);
  });

  it("keeps a keep-alive connection usable after refusing a complete request on it", async () => {
    // A refused request whose body did arrive leaves the connection healthy;
    // the client may reuse it at once (undici's pool does). Only connections
    // still streaming an unwanted body are closed after a grace period.
    const stale = String(Math.floor(Date.now() / 1000) - 10 * 60);
    const healthReq = "GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n";
    const answers = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      let received = "";
      socket.on("data", (d) => (received += d.toString("latin1")));
      socket.on("error", reject);
      socket.on("close", () => resolve(received));
      socket.on("connect", () => {
        socket.write(
          `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 2\r\nx-slack-request-timestamp: ${stale}\r\nx-slack-signature: v0=00\r\n\r\n{}`,
        );
        // The next request on the same connection straddles the refusal's grace period.
        setTimeout(() => socket.write(healthReq.slice(0, 10)), 800);
        setTimeout(() => socket.write(healthReq.slice(10)), 1_400);
        setTimeout(() => socket.end(), 2_500);
      });
    });
    const statuses = [...answers.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([401, 200]);
  });

  it("leaves other paths to Bolt", async () => {
    const missing = await fetch(`http://127.0.0.1:${port}/nothing-here`);
    expect(missing.status).toBe(404);
  });
});
