// `dondoc jobs run` against a fake Slack: what it says when an earlier run
// was killed, and when the database goes away in the middle of a run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { openDatabase } from "../../src/db/database.js";
import { localInstant, occurrenceAt } from "../../src/domain/schedule.js";
import { claimNext, deliveryKey } from "../../src/delivery/delivery-store.js";
import { runJob } from "../../src/scheduler/run-job.js";
import { loadCalendar } from "../../src/scheduler/scheduler.js";
import { slackDeliveryClient } from "../../src/delivery/slack-delivery.js";
import { createFakeSlack, type FakeSlack } from "../../src/slack-fake/index.js";
import { log, migratedDataDir } from "../support/databases.js";
import { ORG_FILE, PLAN_FILE } from "../support/files.js";
import { breakablePostgres, type BreakableDatabase } from "./breakable-db.js";
import { BOT_TOKEN, schedulerConfig } from "./harness.js";

const CHANNELS = ["dondoc-vp", "dondoc-ldvl", "dondoc-gdnn", "dondoc-ttdvvl", "dondoc-khtc", "dondoc-lanhdao"];
const UNIT_CHANNELS = CHANNELS.slice(0, 5);
// A Monday still to come: Slack's clock (the real one) is earlier than the run's.
const FUTURE = localInstant("2030-03-04", 8, 0);

async function cli(env: NodeJS.ProcessEnv, ...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(["node", "dondoc", ...args], { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) }, env);
  return { code, out, err };
}

async function fakeSlack(): Promise<FakeSlack> {
  return createFakeSlack({ signingSecret: "cli-jobs-secret", botToken: BOT_TOKEN, seed: { channels: CHANNELS.map((name) => ({ name })) } });
}

const count = (fake: FakeSlack, name: string) => fake.workspace.conversations.messages(fake.workspace.directory.channel(name)!.id).length;

async function load(env: NodeJS.ProcessEnv) {
  for (const args of [
    ["org", "import", ORG_FILE],
    ["plan", "import", PLAN_FILE],
    ["holidays", "import", "examples/holidays-vn.yaml"],
  ]) {
    const r = await cli(env, ...args);
    expect(r.code, `${args.join(" ")}: ${r.err}`).toBe(0);
  }
}

describe("dondoc jobs run after a run that was killed", () => {
  let fake: FakeSlack;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    fake = await fakeSlack();
    const dataDir = await migratedDataDir("dondoc-cli-jobs-");
    env = { DONDOC_DATA_DIR: dataDir, LOG_LEVEL: "silent", SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: "cli-jobs-signing-secret-0123456789", SLACK_API_URL: fake.url };
    await load(env);
    // The first `jobs run reminders --at "04/03/2030 08:00"` claimed all
    // five reminders, posted two, and was killed with -9.
    const db = await openDatabase({ kind: "pglite", dataDir }, log);
    const o = occurrenceAt("reminders", schedulerConfig.schedule, await loadCalendar(db.prisma), FUTURE);
    await runJob({ prisma: db.prisma, log, client: null, config: schedulerConfig, instance: "cli:operator:4242", now: () => FUTURE }, o);
    const client = slackDeliveryClient({ token: BOT_TOKEN, apiUrl: fake.url });
    for (let i = 0; i < 5; i++) {
      const d = (await claimNext(db.prisma, { instance: "cli:operator:4242", now: FUTURE }))!;
      if (i < 2) await client.post(d.target, d.payload, deliveryKey(d));
    }
    await db.close();
  }, 240_000);
  afterAll(async () => fake?.close());

  it("run again at the same --at: says what is held and when to run, and exits 1", async () => {
    const r = await cli(env, "jobs", "run", "reminders", "--at", "04/03/2030 08:00");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Còn 5 tin của việc "Nhắc việc đầu tuần" kỳ tuần 10\/2030 đang ở trạng thái "đang gửi" .*cli:operator:4242.*--at "04\/03\/2030 08:03" hoặc muộn hơn/);
    expect(r.err).toMatch(/\n5 message\(s\) of job "Monday reminders" for week 10 of 2030 are still "sending"/);
    // --lang en alone, and --json: the same error, as asked.
    const en = await cli(env, "jobs", "run", "reminders", "--at", "04/03/2030 08:00", "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.err.trim()).toMatch(/^5 message\(s\) of job "Monday reminders" for week 10 of 2030 are still "sending"[^\n]*$/);
    const json = await cli(env, "jobs", "run", "reminders", "--at", "04/03/2030 08:00", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.err)).toMatchObject({ error: { code: "JOB_CLAIMS_PENDING", params: { periodVi: "tuần 10/2030", periodEn: "week 10 of 2030" } } });
    for (const c of UNIT_CHANNELS) expect(count(fake, c), c).toBeLessThanOrEqual(1);
  });

  it("run at the time it names: finds the two already posted and sends the other three, once", async () => {
    const r = await cli(env, "jobs", "run", "reminders", "--at", "04/03/2030 08:03", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ delivery: { sent: 3, alreadyPosted: 2, failed: 0 }, stillSending: { count: 0 } });
    for (const c of UNIT_CHANNELS) expect(count(fake, c), c).toBe(1);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("dondoc jobs run when PostgreSQL goes away mid-run", () => {
  let fake: FakeSlack;
  let broken: BreakableDatabase;
  let env: NodeJS.ProcessEnv;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeAll(async () => {
    fake = await fakeSlack();
    broken = await breakablePostgres(serverUrl!);
    env = {
      DATABASE_URL: broken.url,
      LOG_LEVEL: "silent",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: "cli-jobs-signing-secret-0123456789",
      SLACK_API_URL: fake.url,
      DONDOC_SLACK_MESSAGES_PER_MINUTE: "60",
    };
    await load(env);
    process.on("unhandledRejection", onUnhandled);
  }, 240_000);
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await broken?.restore();
    await broken?.db.close();
    await fake?.close();
  });

  it("ends with a bilingual message and exit 69, then a later run sends the rest once", { timeout: 120_000 }, async () => {
    const posted = () => UNIT_CHANNELS.reduce((n, c) => n + count(fake, c), 0);
    let cut = false;
    const watcher = setInterval(() => {
      if (!cut && posted() >= 2) {
        cut = true;
        void broken.cut();
      }
    }, 5);
    const r = await cli(env, "jobs", "run", "reminders", "--at", "18/09/2023 08:00");
    clearInterval(watcher);
    expect(cut).toBe(true);
    expect(unhandled).toEqual([]);
    expect(r.code).toBe(69);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Việc "Nhắc việc đầu tuần" kỳ tuần 38\/2023 dừng giữa chừng vì mất kết nối cơ sở dữ liệu \((P2010\/)?(57P01|55000)[^)]*\); đã gửi \d tin\. Đề nghị đồng chí chạy lại lệnh/,
    );
    expect(lines[1]).toMatch(/^Job "Monday reminders" for week 38 of 2023 stopped part-way because the database connection was lost/);
    expect(r.err).not.toMatch(/Invalid `prisma|at .*\.js:\d+|PrismaClient/);

    // While it is down, any command says so in one line per language.
    const down = await cli(env, "units", "list");
    expect(down.code).toBe(69);
    expect(down.err.trim().split("\n")).toHaveLength(2);
    expect(down.err).toMatch(/^Không kết nối được cơ sở dữ liệu/);

    await broken.restore();
    const again = await cli(env, "jobs", "run", "reminders", "--at", "18/09/2023 08:03");
    expect(again.err).toBe("");
    expect(again.code).toBe(0);
    for (const c of UNIT_CHANNELS) expect(count(fake, c), c).toBe(1);
  });
});
