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
    return (await w.api<{ messages: { text: string; html: string }[] }>(`view?user=${USERS.leadership}&channel=${id}`)).json.messages;
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

  it("posts Friday's digest in the leadership channel, with its chart shown as an image in the digest's thread", async () => {
    await w.api("clock", { at: "2023-09-29T16:30" });
    expect(await run("digest")).toContain("Đã gửi: 2");
    const shown = await messages("dondoc-lanhdao");
    expect(shown).toHaveLength(2);
    const [digest, chart] = shown as { text: string; html: string }[];
    expect(digest!.text).toMatch(/^Kế hoạch .*, tuần 39\/2023: đã hoàn thành/);
    expect(chart!.html).toContain("Reply in thread");
    const src = /<img src="([^"]+)" alt="Biểu đồ tiến độ tuần 39\/2023"/.exec(chart!.html)?.[1];
    expect(src).toMatch(/^\/api\/files\/F/);
    const res = await fetch(new URL(src!, w.local.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect((await fetch(new URL("/api/files/FNOSUCHFILE", w.local.url))).status).toBe(404);
    // Run again: nothing new, neither the digest nor its chart.
    expect(await run("digest")).toContain("Đã lập trước đó");
    expect(await messages("dondoc-lanhdao")).toHaveLength(2);
  });
});
