// A real Bolt app wired to a fake Slack, over HTTP (Bolt's default receiver)
// or Socket Mode (Bolt's SocketModeReceiver, connecting to the fake).
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel, type AppOptions } from "@slack/bolt";
import { createFakeSlack, FAKE_APP_TOKEN, type FakeSlack, type FakeSlackOptions, type TransportKind } from "../../src/slack-fake/index.js";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-fake-dondoc-token";

export const ALICE = "U01ALICE";
export const BOB = "U02BOB";
export const GENERAL = "C01GENERAL";
export const PLAN = "C02PLAN";
export const SECRET = "G01SECRET";

export const SEED: NonNullable<FakeSlackOptions["seed"]> = {
  users: [
    { id: ALICE, name: "alice", realName: "Nguyễn Thị An" },
    { id: BOB, name: "bob", locale: "en-US", tz: "Europe/London" },
  ],
  channels: [
    { id: GENERAL, name: "general" },
    { id: PLAN, name: "ke-hoach", members: [ALICE] },
    { id: SECRET, name: "bi-mat", isPrivate: true, members: [ALICE] },
  ],
};

export interface Harness {
  app: App;
  fake: FakeSlack;
  close(): Promise<void>;
}

export const TRANSPORTS: readonly TransportKind[] = ["http", "socket"];

export async function startHarness(
  register: (app: App) => void,
  options: { fake?: Partial<FakeSlackOptions>; client?: AppOptions["clientOptions"]; transport?: TransportKind } = {},
): Promise<Harness> {
  const transport = options.transport ?? "http";
  const fake = await createFakeSlack({ signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, seed: SEED, transport, ...options.fake });
  const common = { token: BOT_TOKEN, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.url, ...options.client } };
  const app = transport === "socket" ? new App({ ...common, socketMode: true, appToken: FAKE_APP_TOKEN }) : new App({ ...common, signingSecret: SIGNING_SECRET });
  register(app);
  if (transport === "socket") {
    // Resolves once the fake has said hello.
    await app.start();
  } else {
    const server = await app.start({ port: 0, host: "127.0.0.1" });
    const { port } = server.address() as AddressInfo;
    fake.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
  }
  return {
    app,
    fake,
    close: async () => {
      await app.stop();
      await fake.close();
    },
  };
}

/** A modal with one text input, as dondoc's report form has. */
export function reportModal(callbackId = "report"): Record<string, unknown> {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: JSON.stringify({ taskId: 42 }),
    title: { type: "plain_text", text: "Báo cáo tiến độ" },
    submit: { type: "plain_text", text: "Gửi" },
    close: { type: "plain_text", text: "Hủy" },
    blocks: [
      {
        type: "input",
        block_id: "progress",
        label: { type: "plain_text", text: "Tiến độ (%)" },
        element: { type: "plain_text_input", action_id: "percent" },
      },
      {
        type: "input",
        block_id: "due",
        optional: true,
        label: { type: "plain_text", text: "Hạn mới" },
        element: { type: "datepicker", action_id: "date", initial_date: "2025-06-30" },
      },
    ],
  };
}

export function sections(count: number, text = "x"): Record<string, unknown>[] {
  return Array.from({ length: count }, () => ({ type: "section", text: { type: "mrkdwn", text } }));
}

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in app that records what it receives and answers with `reply`
 * (an empty 200 by default), for checking the exact requests the fake sends.
 */
export async function startRecordingApp(
  reply: (req: RecordedRequest) => { status?: number; body?: unknown } = () => ({}),
): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      const answer = reply(recorded);
      const hasBody = answer.body !== undefined;
      res.writeHead(answer.status ?? 200, hasBody ? { "content-type": "application/json" } : {});
      res.end(hasBody ? JSON.stringify(answer.body) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
