// The dondoc command line: loading the organisation and plans, reading
// status. Every command takes --json for scripting and --help.
import { Command, CommanderError, Option } from "commander";
import { userInfo } from "node:os";
import { loadConfig, ConfigError } from "../config/env.js";
import { openDatabase, type Database } from "../db/database.js";
import { localDay, parseVnDate, type Day } from "../domain/day.js";
import { AppError, type Lang } from "../errors.js";
import { parseYaml, readText } from "../files/load.js";
import { OrgFileSchema } from "../files/org-file.js";
import { PlanFileSchema } from "../files/plan-file.js";
import { createLogger, type Logger } from "../log.js";
import { importOrg } from "../services/import-org.js";
import { importPlan } from "../services/import-plan.js";
import { findPlan, listPlans, listUnits, planDetail, statusSummary } from "../services/plan-queries.js";
import { deactivateMember, listMembers, setUnitChannel, upsertMember } from "../services/members.js";
import { parseChannel } from "../slack/commands/parse.js";
import type { MemberRole } from "../domain/permissions.js";
import { MEMBER_ROLE_LABELS } from "../i18n/labels.js";
import { formatChanges, formatPlanDetail, formatPlanList, formatStatus, formatUnits } from "./format.js";

interface Io {
  out(text: string): void;
  err(text: string): void;
}

const stdio: Io = {
  out: (t) => void process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => void process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
};

interface Common {
  json?: boolean;
  lang: Lang;
}

/** Runs the CLI; returns the exit code (0 ok, 1 bad input or state, 2 usage, 70 internal). */
export async function run(argv: string[], io: Io = stdio, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const log = createLogger(env.LOG_LEVEL ?? "warn");
  const actor = `cli:${safeUser()}`;
  let exitCode = 0;

  const withDb = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = await openDatabase(loadConfig(env).database, log);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  const print = (opts: Common, data: unknown, text: () => string) => io.out(opts.json ? JSON.stringify(data, null, 2) : text());

  const program = new Command("dondoc")
    .description("dondoc (đôn đốc): theo dõi thực hiện kế hoạch / carry out a department's plan")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);

  const common = (cmd: Command) =>
    cmd
      .option("--json", "in kết quả dạng JSON / print JSON")
      .addOption(new Option("--lang <lang>", "ngôn ngữ / language").choices(["vi", "en"]).default(env.DONDOC_LANG === "en" ? "en" : "vi"));

  const org = program.command("org").description("cơ cấu tổ chức / the organisation");
  common(org.command("import").argument("<file>", "tệp YAML / YAML file").option("--dry-run", "chỉ xem thay đổi / show changes only"))
    .description("nạp đơn vị, nhóm, thành viên / load units, groups and members")
    .action(async (file: string, opts: Common & { dryRun?: boolean }) => {
      const loaded = parseYaml(file, await readText(file), OrgFileSchema);
      const r = await withDb((db) => importOrg(db.prisma, loaded, { dryRun: opts.dryRun, actor }));
      print(opts, r, () => formatChanges(`${file}:`, r.changes, r.dryRun, opts.lang));
    });

  const plan = program.command("plan").description("kế hoạch / plans");
  common(plan.command("import").argument("<file>", "tệp YAML / YAML file").option("--dry-run", "chỉ xem thay đổi / show changes only"))
    .description("nạp hoặc cập nhật một kế hoạch / load or update a plan")
    .action(async (file: string, opts: Common & { dryRun?: boolean }) => {
      const loaded = parseYaml(file, await readText(file), PlanFileSchema);
      const r = await withDb((db) => importPlan(db.prisma, loaded, { dryRun: opts.dryRun, actor }));
      print(opts, r, () => formatChanges(`${r.number} (${file}):`, r.changes, r.dryRun, opts.lang));
    });
  common(plan.command("list").option("--at <date>", "tính đến ngày dd/mm/yyyy / as of dd/mm/yyyy"))
    .description("danh sách kế hoạch / list plans")
    .action(async (opts: Common & { at?: string }) => {
      const plans = await withDb((db) => listPlans(db.prisma, today(opts.at)));
      if (plans.length === 0 && !opts.json) throw new AppError("NO_PLANS");
      print(opts, plans, () => formatPlanList(plans, opts.lang));
    });
  common(plan.command("show").argument("<number>", 'số kế hoạch, ví dụ "1565/KH-SLĐTBXH" hoặc "1565" / plan number').option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("nhiệm vụ và đơn vị chủ trì, phối hợp / tasks with lead and cooperating units")
    .action(async (number: string, opts: Common & { at?: string }) => {
      const detail = await withDb((db) => planDetail(db.prisma, number, today(opts.at)));
      print(opts, detail, () => formatPlanDetail(detail, opts.lang));
    });

  common(program.command("status").argument("[number]", "số kế hoạch (mặc định: tất cả) / plan number (default: all)").option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("số nhiệm vụ theo trạng thái, đơn vị, chỉ số / task counts by status, unit and index")
    .action(async (number: string | undefined, opts: Common & { at?: string }) => {
      const day = today(opts.at);
      const { summary, title } = await withDb(async (db) => {
        const p = number ? await findPlan(db.prisma, number) : undefined;
        if (!p && (await db.prisma.plan.count()) === 0) throw new AppError("NO_PLANS");
        return {
          title: p ? `${p.number}` : opts.lang === "vi" ? "Tất cả kế hoạch" : "All plans",
          // A past day is computed from the reports made up to it.
          summary: await statusSummary(db.prisma, { today: day, planIds: p ? [p.id] : undefined, source: opts.at ? "reports" : "current" }),
        };
      });
      print(opts, summary, () => formatStatus(title, summary, opts.lang));
    });

  const units = program.command("units").description("đơn vị / units");
  common(units.command("list"))
    .description("danh sách đơn vị / list units")
    .action(async (opts: Common) => {
      const list = await withDb((db) => listUnits(db.prisma));
      print(opts, list, () => formatUnits(list, opts.lang));
    });

  common(units.command("channel").argument("<unit>", "mã đơn vị / unit code").argument("<channel>", "#tên-kênh hoặc mã kênh / #channel-name or channel id"))
    .description("đặt kênh Slack của đơn vị / set a unit's Slack channel")
    .action(async (unit: string, channel: string, opts: Common) => {
      const target = parseChannel(channel);
      if (!target) throw new AppError("BAD_ARGUMENT", { vi: `"${channel}" không phải kênh Slack.`, en: `"${channel}" is not a Slack channel.`, usage: "dondoc units channel GDNN #dondoc-gdnn" });
      const u = await withDb((db) => setUnitChannel(db.prisma, { actor, unit, channel: target }));
      print(opts, { code: u.code, channel: u.slackChannel }, () => `${u.code}: ${u.slackChannel}`);
    });

  const membersCmd = program.command("members").description("thành viên / members");
  common(membersCmd.command("list"))
    .description("danh sách thành viên / list members")
    .action(async (opts: Common) => {
      const list = await withDb((db) => listMembers(db.prisma));
      const rows = list.map((m) => ({ slackUserId: m.slackUserId, name: m.name, unit: m.unit?.code ?? null, role: m.role, locale: m.locale }));
      print(opts, rows, () => rows.map((m) => `${m.slackUserId}  ${m.unit ?? "—"}  ${MEMBER_ROLE_LABELS[m.role][opts.lang]}  ${m.name}`).join("\n"));
    });
  common(
    membersCmd
      .command("add")
      .argument("<slackUserId>", "mã người dùng Slack, ví dụ U0123ABCD / Slack user id")
      .argument("<unit>", "đơn vị / unit")
      .addOption(new Option("--role <role>", "vai trò / role").choices(["staff", "unit_lead", "office", "leadership", "admin"]).default("staff"))
      .option("--name <name>", "họ tên / full name"),
  )
    .description("thêm hoặc cập nhật thành viên / add or update a member")
    .action(async (slackUserId: string, unit: string, opts: Common & { role: string; name?: string }) => {
      if (!/^[UW][A-Z0-9]{6,}$/.test(slackUserId)) {
        throw new AppError("BAD_ARGUMENT", { vi: `"${slackUserId}" không phải mã người dùng Slack.`, en: `"${slackUserId}" is not a Slack user id.`, usage: "dondoc members add U0123ABCD GDNN --role staff --name \"Nguyễn Văn A\"" });
      }
      const role = opts.role.toUpperCase() as MemberRole;
      const m = await withDb((db) => upsertMember(db.prisma, { actor, slackUserId, name: opts.name ?? slackUserId, unit, role }));
      print(opts, { slackUserId, unit: m.unit?.code, role }, () => `${slackUserId}: ${m.unit?.code} · ${MEMBER_ROLE_LABELS[role][opts.lang]}`);
    });
  common(membersCmd.command("remove").argument("<slackUserId>", "mã người dùng Slack / Slack user id"))
    .description("ngừng thành viên (giữ lịch sử báo cáo) / deactivate a member (keeps their reports)")
    .action(async (slackUserId: string, opts: Common) => {
      const m = await withDb((db) => deactivateMember(db.prisma, { actor, slackUserId }));
      if (!m) throw new AppError("BAD_ARGUMENT", { vi: `${slackUserId} chưa là thành viên.`, en: `${slackUserId} is not a member.`, usage: "dondoc members list" });
      print(opts, { slackUserId, active: false }, () => `${slackUserId}: ${opts.lang === "vi" ? "đã ngừng" : "deactivated"}`);
    });

  const dbCmd = program.command("db").description("cơ sở dữ liệu / database");
  dbCmd
    .command("migrate")
    .description("áp dụng các bản cập nhật cấu trúc / apply migrations")
    .action(async () => {
      await withDb(async () => undefined);
      io.out("Cơ sở dữ liệu đã cập nhật / Database is up to date.");
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    exitCode = reportError(e, io, log);
  }
  return exitCode;
}

function today(at: string | undefined): Day {
  if (at === undefined) return localDay(new Date());
  const day = parseVnDate(at);
  if (!day) {
    throw new AppError("FILE_INVALID", {
      file: "--at",
      count: 1,
      details: `  - "${at}": ngày không hợp lệ, dùng dd/mm/yyyy / invalid date, use dd/mm/yyyy`,
    });
  }
  return day;
}

function reportError(e: unknown, io: Io, log: Logger): number {
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; usage mistakes are already printed.
    return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof AppError) {
    io.err(e.bilingual());
    return 1;
  }
  if (e instanceof ConfigError) {
    io.err(e.message);
    return 1;
  }
  const ref = `E${Date.now().toString(36)}`;
  log.error({ err: e, ref }, "unexpected error");
  io.err(new AppError("INTERNAL", { ref }).bilingual());
  return 70;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}
