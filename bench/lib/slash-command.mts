// One signed slash command through the fake Slack, timed twice: to the HTTP
// acknowledgement, and to the moment the user sees the answer. dondoc answers
// in the acknowledgement when its work takes under 2 s (src/slack/answer.ts),
// else it acknowledges empty and posts the answer to the response_url later.
import type { FakeSlack } from "../../src/slack-fake/index.js";
import type { Sample } from "./load.mjs";

/** How long a user waits for a response_url answer before the bench calls it lost. */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * The ephemeral messages the fake shows, as they appear, per user. Each
 * simulated user has at most one command in flight, so the first ephemeral
 * message for them after they sent it is its answer.
 */
export class AnswerWatcher {
  private readonly waiting = new Map<string, (at: number, ts: string) => void>();

  constructor(fake: FakeSlack) {
    fake.workspace.onChange((change) => {
      if (change.kind !== "ephemeral" || change.action !== "posted") return;
      const resolve = this.waiting.get(change.userId);
      if (!resolve) return;
      this.waiting.delete(change.userId);
      resolve(performance.now(), change.ts);
    });
  }

  /** Call before sending the command: the answer may arrive before the ack has been read. */
  expect(userId: string): { answer: Promise<{ at: number; ts: string } | null>; cancel(): void } {
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<{ at: number; ts: string } | null>((resolve) => {
      timer = setTimeout(() => {
        this.waiting.delete(userId);
        resolve(null);
      }, ANSWER_TIMEOUT_MS);
      this.waiting.set(userId, (at, ts) => {
        clearTimeout(timer);
        resolve({ at, ts });
      });
    });
    return {
      answer,
      cancel: () => {
        clearTimeout(timer);
        this.waiting.delete(userId);
      },
    };
  }
}

export interface CommandSpec {
  command: string;
  text: string;
  /** The answer's text must match, else the sample counts as an error (not registered, failure...). */
  expect: RegExp;
}

export async function sendCommand(fake: FakeSlack, watcher: AnswerWatcher, userId: string, channelId: string, spec: CommandSpec): Promise<Sample> {
  const pending = watcher.expect(userId);
  const started = performance.now();
  let res: Awaited<ReturnType<FakeSlack["slashCommand"]>>;
  try {
    res = await fake.slashCommand({ userId, channelId, command: spec.command, text: spec.text });
  } catch (e) {
    pending.cancel();
    return { status: 0, ackMs: NaN, answerMs: NaN, via: "none", late: false, error: `request failed: ${String(e)}` };
  }
  const base = { status: res.status, ackMs: res.ms, late: res.late };
  if (res.status !== 200) {
    pending.cancel();
    return { ...base, answerMs: NaN, via: "none", error: `HTTP ${res.status}: ${res.text.slice(0, 200)}` };
  }
  const body = res.body as { text?: unknown; blocks?: unknown } | string | undefined;
  const ackText = typeof body === "string" ? body : typeof body?.text === "string" ? body.text : undefined;
  let sample: Sample;
  if (ackText !== undefined || (typeof body === "object" && body?.blocks !== undefined)) {
    // Slack shows a message in the acknowledgement as soon as it has it.
    pending.cancel();
    sample = { ...base, answerMs: res.ms, via: "ack" };
    if (!spec.expect.test(ackText ?? "")) sample.error = `unexpected answer: ${(ackText ?? "").slice(0, 200)}`;
  } else {
    const answer = await pending.answer;
    if (!answer) return { ...base, answerMs: NaN, via: "none", error: `no answer within ${ANSWER_TIMEOUT_MS / 1000} s` };
    sample = { ...base, answerMs: answer.at - started, via: "response_url" };
    const text = fake.workspace.conversations.ephemerals({ userId }).find((m) => m.ts === answer.ts)?.text ?? "";
    if (!spec.expect.test(text)) sample.error = `unexpected answer: ${text.slice(0, 200)}`;
  }
  if (res.refusal) sample.error = `Slack refused the answer: ${res.refusal.error} ${res.refusal.messages.join("; ")}`;
  return sample;
}
