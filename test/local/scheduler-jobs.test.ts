// The scheduler's real jobs run from the local workspace's panel: Monday
// reminders land once in every unit's channel, the digest in the leadership
// channel, and running a job again for the same week sends nothing new.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { schedulerJobs } from "../../src/local/scheduler-jobs.js";
import { startExampleWorkspace, USERS, type Started } from "./local-workspace.js";

const UNIT_CHANNELS = ["dondoc-vp", "dondoc-ldvl", "dondoc-gdnn", "dondoc-ttdvvl", "dondoc-khtc"];

describe("the scheduler's jobs in the local workspace", () => {
  let w: Started;
  let channels: { id: string; name: string }[];
  const messages = async (name: string) => {
    const id = channels.find((c) => c.name === name)!.id;
    return (await w.api<{ messages: { text: string }[] }>(`view?user=${USERS.leadership}&channel=${id}`)).json.messages;
  };
  const run = async (job: string) => {
    const r = await w.api<{ summary: string }>(`jobs/${job}`, {});
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json.summary;
  };

  beforeAll(async () => {
    w = await startExampleWorkspace({ jobs: schedulerJobs(loadConfig({}).scheduler) });
    const ws = (await w.api<{ channels: typeof channels; jobs: { id: string; label: { vi: string } }[] }>("workspace")).json;
    channels = ws.channels;
    expect(ws.jobs.map((j) => j.id)).toEqual(["reminders", "summaries", "digest", "report-deadlines", "plan-ack-reminder"]);
    expect(ws.jobs[0]!.label.vi).toBe("Nhắc việc đầu tuần");
  });
  afterAll(async () => w?.close());

  it("posts Monday's reminders once in every unit's channel", async () => {
    await w.api("clock", { at: "2023-09-25T08:00" });
    expect(await run("reminders")).toContain("Đã gửi: 5");
    for (const name of UNIT_CHANNELS) expect(await messages(name), name).toHaveLength(1);
    expect(await run("reminders")).toContain("Đã lập trước đó");
    for (const name of UNIT_CHANNELS) expect(await messages(name), name).toHaveLength(1);
  });

  it("posts Friday's digest in the leadership channel", async () => {
    await w.api("clock", { at: "2023-09-29T16:30" });
    expect(await run("digest")).toContain("Đã gửi: 1");
    const digest = await messages("dondoc-lanhdao");
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).not.toBe("");
  });
});
