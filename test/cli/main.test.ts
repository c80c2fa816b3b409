// The dondoc command line, end to end: run() in this process on one test
// database opened once (opening and migrating for each call took most of
// this file's time), plus the installed bin in a child process.
import { execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import type { Database } from "../../src/db/database.js";
import { backends } from "../support/databases.js";
import { ORG_FILE, PLAN_FILE, variant } from "../support/files.js";

let env: NodeJS.ProcessEnv;
let db: Database;

async function cli(...args: string[]) {
  return cliWith(db, ...args);
}

async function cliWith(database: Database | undefined, ...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(["node", "dondoc", ...args], { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) }, env, database);
  return { code, out, err };
}

beforeAll(async () => {
  env = { DONDOC_DATA_DIR: await mkdtemp(join(tmpdir(), "dondoc-cli-")), LOG_LEVEL: "silent" };
  db = await backends[0]!.open();
});
afterAll(async () => db?.close());

describe("dondoc CLI", () => {
  it("imports the examples and shows who leads each task", async () => {
    expect((await cli("org", "import", ORG_FILE)).code).toBe(0);
    const dry = await cli("plan", "import", PLAN_FILE, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, changes: { tasks: { created: 39 } } });
    const imported = await cli("plan", "import", PLAN_FILE);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/tasks\s+39\s+0\s+0/);
    expect(imported.out).toContain("Đã ghi.");
    const again = await cli("plan", "import", PLAN_FILE, "--lang", "en");
    expect(again.out).toMatch(/tasks\s+0\s+0\s+39/);
    expect(again.out).toContain("Nothing changed.");

    const show = await cli("plan", "show", "1565");
    expect(show.code).toBe(0);
    expect(show.out).toContain("Kế hoạch số 1565/KH-SLĐTBXH");
    expect(show.out).toMatch(/II\.2\.c\.2 {2}Cung cấp danh sách doanh nghiệp[^\n]*\n\s+Chủ trì: LĐ-VL \| Phối hợp: VP \| Theo đề nghị của: Viện nghiên cứu phát triển tỉnh/);
  });

  it("finds a plan typed without diacritics", async () => {
    const r = await cli("plan", "show", "1565/kh-sldtbxh", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).plan.number).toBe("1565/KH-SLĐTBXH");
  });

  it("counts tasks by status, unit and index, as of a day", async () => {
    const r = await cli("status", "1565", "--at", "01/07/2023", "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.today).toBe("2023-07-01");
    expect(s.total).toBe(32);
    expect(s.counts.NOT_STARTED + s.counts.IN_PROGRESS + s.counts.OVERDUE).toBe(32);
    // Issued 13/06/2023, the plan covered 2 days of the window that closed on
    // 14/06: no ongoing task is overdue for it (calendar quarters made 16 of 32 so).
    expect(s.counts.OVERDUE).toBe(0);
    expect(s.rates).toMatchObject({ due: 0, doneRate: null, onTimeRate: null });
    expect(s.byIndex.map((i: { code: string }) => i.code).sort()).toEqual(["DDCI", "PAR_INDEX", "SIPAS"]);
    expect(s.byUnit.find((u: { code: string }) => u.code === "GDNN").lead.NOT_STARTED).toBeGreaterThan(0);
    const text = await cli("status", "--at", "01/01/2024");
    expect(text.out).toContain("tính đến ngày 01/01/2024");
    expect(text.out).toMatch(/Quá hạn/);
  });

  it("lists units with aliases, channels and workload", async () => {
    const r = await cli("units", "list", "--json");
    const units = JSON.parse(r.out) as { code: string; channel: string; leads: number }[];
    expect(units.map((u) => u.code).sort()).toEqual(["GDNN", "KH-TC", "LĐ-VL", "TTDVVL", "VP"]);
    expect(units.every((u) => u.channel?.startsWith("#"))).toBe(true);
    // Headings are never counted: GDNN leads 15 tasks, not its heading too.
    expect(units.find((u) => u.code === "GDNN")!.leads).toBe(15);
    expect((await cli("units", "list")).out).toContain("Văn phòng Sở");
  });

  it("answers bad input with a bilingual message and a non-zero exit", async () => {
    const missing = await cli("plan", "import", "no/such/file.yaml");
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain("Không tìm thấy tệp no/such/file.yaml");
    expect(missing.err).toContain("File no/such/file.yaml not found");

    const bad = await variant(PLAN_FILE, (t) => t.replace("lead: GDNN", "lead: Phong Giao duc"));
    const r = await cli("plan", "import", bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^Tệp .* có 1 lỗi, chưa ghi gì.*\nFile .* has 1 error\(s\); nothing was written:\n {2}- dòng\/line \d+, tasks\[2\]\.tasks\[2\]\.lead\[0\]: Không có đơn vị hay nhóm "Phong Giao duc"/,
    );

    expect((await cli("plan", "show", "9999")).err).toContain('Không có kế hoạch số "9999"');
    expect((await cli("plan", "show", "9999")).err).toContain("`dondoc plan list`");
    const nonexistent = await cli("status", "--at", "31/02/2023");
    expect(nonexistent.code).toBe(1);
    expect(nonexistent.err).toContain("Ngày 31/02/2023 (--at) không có trong lịch.");
    expect(nonexistent.err).not.toMatch(/FILE|tệp/i);
    expect(nonexistent.err).toContain("31/02/2023 (--at) is not a day of the calendar.");
    expect((await cli("plan", "frobnicate")).code).toBe(2);
  });

  it("manages members and unit channels", async () => {
    expect((await cli("members", "add", "U0NEW0001", "gdnn", "--role", "unit_lead", "--name", "Trần Văn Mới")).code).toBe(0);
    const list = JSON.parse((await cli("members", "list", "--json")).out) as { slackUserId: string; unit: string; role: string }[];
    expect(list.find((m) => m.slackUserId === "U0NEW0001")).toMatchObject({ unit: "GDNN", role: "UNIT_LEAD" });
    expect((await cli("members", "remove", "U0NEW0001")).code).toBe(0);
    expect((await cli("members", "list")).out).not.toContain("U0NEW0001");
    expect((await cli("members", "add", "bad-id", "GDNN")).code).toBe(1);
    expect((await cli("members", "add", "U0NEW0002", "XYZ")).err).toContain('Không có đơn vị "XYZ"');
    expect((await cli("units", "channel", "GDNN", "#phong-gdnn")).out).toContain("GDNN: #phong-gdnn");
    expect((await cli("units", "channel", "GDNN", "not a channel")).code).toBe(1);
  });

  it("keeps the holiday calendar", async () => {
    expect((await cli("holidays", "import", "examples/holidays-vn.yaml")).code).toBe(0);
    const list = JSON.parse((await cli("holidays", "list", "--year", "2023", "--json")).out) as { day: string }[];
    expect(list.map((d) => d.day)).toContain("2023-09-04");
    expect((await cli("holidays", "add", "24/11/2023", "Ngày nghỉ thử", "--lang", "en")).out).toContain("24/11/2023");
    expect((await cli("holidays", "add", "31/02/2023", "x")).code).toBe(1);
    expect((await cli("holidays", "remove", "24/11/2023")).code).toBe(0);
  });

  it("previews scheduled jobs and the digest without Slack", async () => {
    const dry = await cli("jobs", "run", "reminders", "--at", "18/09/2023 08:00", "--dry-run", "--json");
    expect(dry.code).toBe(0);
    const outcome = JSON.parse(dry.out) as { dryRun: boolean; occurrence: { period: string }; messages: { target: string }[] };
    expect(outcome.occurrence.period).toBe("2023-W38");
    // One per unit channel (GDNN's was moved to #phong-gdnn by an earlier test).
    expect(outcome.messages.map((m) => m.target).sort()).toEqual(["#dondoc-khtc", "#dondoc-ldvl", "#dondoc-ttdvvl", "#dondoc-vp", "#phong-gdnn"]);
    // The digest's chart is planned too, printed by its size rather than as base64.
    const digestDry = JSON.parse((await cli("jobs", "run", "digest", "--at", "22/09/2023 16:30", "--dry-run", "--json")).out) as {
      messages: { target: string; payload: { file?: { name: string; bytes?: number; base64?: string } } }[];
    };
    const chart = digestDry.messages.find((m) => m.payload.file)!.payload.file!;
    expect(chart.name).toMatch(/^tien-do-2023-W38\.png$/);
    expect(chart.bytes).toBeGreaterThan(10_000);
    expect(chart.base64).toBeUndefined();
    const noSlack = await cli("jobs", "run", "digest", "--at", "22/09/2023 16:30");
    expect(noSlack.code).toBe(1);
    expect(noSlack.err).toContain("--dry-run");
    expect((await cli("jobs", "run", "weekly", "--at", "22/09/2023 16:30", "--dry-run")).err).toContain('Không có việc định kỳ "weekly"');
    expect((await cli("jobs", "run", "digest", "--at", "yesterday", "--dry-run")).code).toBe(1);
    const digest = await cli("digest", "preview", "--at", "22/09/2023");
    expect(digest.code).toBe(0);
    expect(digest.out).toContain("1565/KH-SLĐTBXH");
    expect((await cli("jobs", "status")).code).toBe(0);
  });

  it("backs up the embedded database and restores it, refusing to overwrite without --force", async () => {
    const file = join(tmpdir(), `dondoc-cli-backup-${process.pid}.jsonl`);
    const backup = await cli("db", "backup", file, "--json");
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ tables: { Unit: 5, Task: 39 } });
    const refused = await cli("db", "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Cơ sở dữ liệu đích đã có dữ liệu .*--force\.\nThe target database already has data/);
    await cli("units", "channel", "VP", "#kenh-tam");
    const restored = await cli("db", "restore", file, "--force");
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/^Đã khôi phục \d+ dòng của \d+ bảng/);
    expect((await cli("units", "list")).out).not.toContain("#kenh-tam");
  });

  it("has --help on every command", async () => {
    for (const args of [
      [],
      ["org", "import"],
      ["plan", "import"],
      ["plan", "list"],
      ["plan", "show"],
      ["status"],
      ["units", "list"],
      ["units", "channel"],
      ["members", "list"],
      ["members", "add"],
      ["members", "remove"],
      ["holidays", "list"],
      ["holidays", "import"],
      ["jobs", "run"],
      ["jobs", "status"],
      ["jobs", "retry"],
      ["digest", "preview"],
      ["db", "migrate"],
      ["db", "backup"],
      ["db", "restore"],
    ]) {
      const r = await cli(...args, "--help");
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.out).toMatch(/Usage: dondoc/);
    }
  });

  it("refuses a broken configuration by naming the variable", async () => {
    const saved = env;
    env = { ...env, DATABASE_URL: "mysql://x" };
    // No database given: the CLI reads the configuration to open its own.
    const r = await cliWith(undefined, "units", "list");
    env = saved;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DATABASE_URL: .*postgresql:\/\//);
  });
});

// The bin itself (bin/dondoc.js, running the compiled dist/ as `npm install`
// builds it) in a child process: its own embedded database, exit codes, output.
describe("the dondoc bin", () => {
  // The embedded database whatever the environment says.
  const { DATABASE_URL: _, ...inherited } = process.env;
  const bin = (args: string[], dataDir: string) =>
    promisify(execFile)(process.execPath, ["bin/dondoc.js", ...args], { env: { ...inherited, DONDOC_DATA_DIR: dataDir, LOG_LEVEL: "silent" } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it("creates and migrates its embedded database, and reports success with exit code 0", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dondoc-bin-"));
    const r = await bin(["db", "migrate"], dir);
    expect(r).toMatchObject({ code: 0, stdout: "Cơ sở dữ liệu đã cập nhật / Database is up to date.\n" });
    expect(await readdir(dir)).toContain("PG_VERSION");
  }, 180_000);

  it("exits with 2 on a usage mistake", async () => {
    const r = await bin(["plan", "frobnicate"], await mkdtemp(join(tmpdir(), "dondoc-bin-")));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("frobnicate");
  }, 180_000);
  it("says every error in the language asked for, or as JSON", async () => {
    let configErr = "";
    const en = await cli("status", "--at", "2023-13-01", "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.err.trim()).toBe('"2023-13-01" (--at) is not a date as dd/mm/yyyy. Give the date as dd/mm/yyyy, e.g. 30/09/2023.');
    const vi = await cli("holidays", "add", "30/02/2024", "x", "--lang", "vi");
    expect(vi.err.trim()).toBe("Ngày 30/02/2024 không có trong lịch. Đề nghị ghi một ngày có thật theo dạng dd/mm/yyyy, ví dụ 30/09/2023.");
    const json = await cli("units", "channel", "GDNN", "not a channel", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.err)).toMatchObject({
      error: { code: "CHANNEL_INVALID", params: { value: "not a channel" }, message: { en: expect.stringContaining("is not a Slack channel") } },
    });
    const moment = await cli("jobs", "run", "digest", "--at", "yesterday", "--dry-run", "--lang", "en");
    expect(moment.err.trim()).toMatch(/^"yesterday" is not a moment as "dd\/mm\/yyyy HH:MM"/);
    const config = await run(["node", "dondoc", "plan", "list", "--lang", "en"], { out: () => undefined, err: (t) => void (configErr += t) }, { ...env, PORT: "http" });
    expect(config).toBe(1);
    expect(configErr).toMatch(/^Invalid configuration \(1 environment variable\(s\)\)[\s\S]*\n {2}PORT: The field "PORT" must be a number/);
    expect(configErr).not.toContain("Cấu hình");
  });
});
