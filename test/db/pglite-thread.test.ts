// The bot runs the embedded database in a thread of its own
// (src/db/pglite-thread.ts), so that a long statement does not hold the
// event loop that reads Slack's requests and sends their acknowledgements.
// Measured in a process of its own (the fixture), against the same
// statement run in the calling thread, as the command line still does.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { migratedDataDir } from "../support/databases.js";

const FIXTURE = new URL("./fixtures/event-loop-during-query.ts", import.meta.url).pathname;

interface Measured {
  queryMs: number;
  maxGapMs: number;
  unique: boolean;
  rolledBack: boolean;
  repeatable: number;
}

async function measure(mode: "bot" | "this-thread"): Promise<Measured> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", FIXTURE, mode, await migratedDataDir("dondoc-loop-")], { timeout: 240_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Measured;
}

describe("the bot's embedded database", () => {
  it("keeps the event loop free during a long statement, and Prisma works through it", { timeout: 600_000 }, async () => {
    const inThread = await measure("this-thread");
    const bot = await measure("bot");
    // In this thread the statement holds the loop for about its whole length.
    expect(inThread.maxGapMs).toBeGreaterThan(inThread.queryMs * 0.5);
    // In the bot's way the loop keeps turning: its longest pause is a small part of the statement's time.
    expect(bot.maxGapMs, JSON.stringify({ inThread, bot })).toBeLessThan(Math.max(150, bot.queryMs * 0.25));
    expect(bot).toMatchObject({ unique: true, rolledBack: true, repeatable: 1 });
    expect(inThread).toMatchObject({ unique: true, rolledBack: true, repeatable: 1 });
  });
});
