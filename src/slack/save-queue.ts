// When the database work of a form submission runs (report-submit.ts).
//
// Acknowledging comes before saving. The database work of a save (above all
// on PGlite, which runs in this thread) keeps the process from reading the
// submissions still waiting for their answer: 100 at once used to be
// answered after Slack's 3 s, 65 to 98 of them, even with the answer sent
// before the save. So saves run a few at a time, and only once submissions
// have stopped arriving for 0.5 s (at most 10 s after their own): during
// a burst, the process answers first and saves after.
import { setImmediate as nextTurn } from "node:timers/promises";
import PQueue from "p-queue";

const SAVES_AT_ONCE = 2;
const QUIET_MS = 500;
const MAX_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SaveQueue {
  private readonly queue = new PQueue({ concurrency: SAVES_AT_ONCE });
  private lastArrival = 0;

  /** Notes a submission's arrival; returns its arrival time, for inTurn. */
  arrived(): number {
    this.lastArrival = performance.now();
    return this.lastArrival;
  }

  /** Runs a database step in its turn, after the submissions already read have been answered. */
  inTurn<T>(since: number, step: () => Promise<T>): Promise<T> {
    return this.queue.add(async () => {
      while (performance.now() - this.lastArrival < QUIET_MS && performance.now() - since < MAX_WAIT_MS) await sleep(QUIET_MS / 4);
      await nextTurn();
      return step();
    });
  }
}
