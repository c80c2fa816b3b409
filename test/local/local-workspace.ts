// The local workspace on a fresh in-memory database with the example
// organisation and plan, for the API and browser tests.
import type { Database } from "../../src/db/database.js";
import { startLocal, type LocalJobsOption, type LocalWorkspace } from "../../src/local/start-local.js";
import { importOrg } from "../../src/services/import-org.js";
import { importPlan } from "../../src/services/import-plan.js";
import { backends, log } from "../support/databases.js";
import { loadOrg, loadPlan } from "../support/files.js";

/** Wednesday 20/09/2023, 10:00 in Vietnam. */
export const START = new Date("2023-09-20T03:00:00Z");

export const USERS = {
  gdnnStaff: "U0GDNN002",
  leadership: "U0LDS0001",
} as const;

/**
 * A stand-in for the scheduler's jobs: "reminders" posts one message to each
 * unit's channel through the Web API of the fake Slack, as the real job will.
 */
export const fakeJobs: LocalJobsOption = ({ client, deps }) => ({
  names: [{ id: "reminders", label: { vi: "Nhắc việc thứ Hai", en: "Monday reminders" } }],
  async run(_id, at) {
    const units = await deps.prisma.unit.findMany({ where: { slackChannel: { not: null } }, orderBy: { id: "asc" } });
    for (const unit of units) {
      const day = at.toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" });
      await client.chat.postMessage({ channel: unit.slackChannel!, text: `🔔 Nhắc việc tuần cho *${unit.code}* ${unit.name}, ngày ${day} _(việc giả lập của bài kiểm thử)_` });
    }
    return `Đã gửi ${units.length} tin nhắc việc · ${units.length} reminders sent`;
  },
});

export interface Started {
  db: Database;
  local: LocalWorkspace;
  /** Calls the page's API: GET without a body, POST JSON with one. */
  api<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; json: T }>;
  close(): Promise<void>;
}

export async function startExampleWorkspace(options: { jobs?: LocalJobsOption } = {}): Promise<Started> {
  const db = await backends[0]!.open();
  await importOrg(db.prisma, await loadOrg(), { actor: "test" });
  await importPlan(db.prisma, await loadPlan(), { actor: "test" });
  const local = await startLocal({ db, log, port: 0, now: START, ...(options.jobs ? { jobs: options.jobs } : {}) });
  return {
    db,
    local,
    async api<T>(path: string, body?: unknown) {
      const res = await fetch(
        new URL(`api/${path}`, local.url),
        body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      );
      return { status: res.status, json: (await res.json()) as T };
    },
    async close() {
      await local.close();
      await db.close();
    },
  };
}
