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
  mode: "bot" | "this-thread";
  queryMs: number;
  maxGapMs: number;
  unique: boolean;
  rolledBack: boolean;
  repeatable: number;
}

/**
 * Both ways in one process (one Node start, not two), each on its own
 * migrated directory. A million rows is about 1 s on a quiet machine: long
 * enough that holding the loop for it stands far above the timer's own
 * jitter (the bot's longest pause must stay under a quarter of it, and
 * 150 ms at least), short enough not to cost the suite.
 */
async function measure(): Promise<Record<Measured["mode"], Measured>> {
  const dirs = [await migratedDataDir("dondoc-loop-"), await migratedDataDir("dondoc-loop-")];
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", FIXTURE, "1000000", `this-thread=${dirs[0]}`, `bot=${dirs[1]}`], {
    timeout: 240_000,
  });
  const lines = stdout
    .trim()
    .split("\n")
    .slice(-2)
    .map((l) => JSON.parse(l) as Measured);
  return Object.fromEntries(lines.map((m) => [m.mode, m])) as Record<Measured["mode"], Measured>;
}

describe("the bot's embedded database", () => {
  it("keeps the event loop free during a long statement, and Prisma works through it", { timeout: 300_000 }, async () => {
    const { "this-thread": inThread, bot } = await measure();
    // In this thread the statement holds the loop for about its whole length.
    expect(inThread.maxGapMs).toBeGreaterThan(inThread.queryMs * 0.5);
    // In the bot's way the loop keeps turning: its longest pause is a small part of the statement's time.
    expect(bot.maxGapMs, JSON.stringify({ inThread, bot })).toBeLessThan(Math.max(150, bot.queryMs * 0.25));
    expect(bot).toMatchObject({ unique: true, rolledBack: true, repeatable: 1 });
    expect(inThread).toMatchObject({ unique: true, rolledBack: true, repeatable: 1 });
  });
});
