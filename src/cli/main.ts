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
import { EXIT_SOFTWARE, guardCliProcess } from "../lifecycle.js";
import { createLogger, errorInfo, secretsFromEnv, type Logger } from "../log.js";
import { importOrg } from "../services/import-org.js";
import { importPlan } from "../services/import-plan.js";
import { findPlan, listPlans, listUnits, objectiveProgress, planDetail, statusSummary } from "../services/plan-queries.js";
import { unitTaskSummaries } from "../services/task-summaries.js";
import { deactivateMember, listMembers, setUnitChannel, upsertMember } from "../services/members.js";
import { parseChannel } from "../slack/commands/parse.js";
import type { MemberRole } from "../domain/permissions.js";
import { MEMBER_ROLE_LABELS } from "../i18n/labels.js";
import { formatChanges, formatDeliveries, formatJobOutcome, formatPlanDetail, formatPlanList, formatStatus, formatUnits } from "./format.js";
import { CalendarFileSchema } from "../files/calendar-file.js";
import { importCalendar, listCalendar, removeCalendarDay, setCalendarDay } from "../services/calendar.js";
import { recentDeliveries } from "../services/deliveries.js";
import { digestModel } from "../services/weekly/digest.js";
import { JOB_IDS, localInstant, occurrenceAt, type JobId } from "../domain/schedule.js";
import { formatVnDate } from "../domain/day.js";
import { CLAIM_LEASE_MS, retryFailed } from "../scheduler/delivery-store.js";
import { JOB_LABELS } from "../scheduler/jobs.js";
import { databaseUnavailable, isDatabaseFault } from "../db/faults.js";
import { backupDatabase, restoreDatabase } from "../db/backup.js";
import { backupFromRunningBot } from "../db/backup-socket.js";
import { TIME_ZONE } from "../domain/day.js";
import { runJob } from "../scheduler/run-job.js";
import { loadCalendar } from "../scheduler/scheduler.js";
import { slackDeliveryClient } from "../scheduler/slack-delivery.js";
import { digestText } from "../views/digest-text.js";
import { importDoc } from "../import-doc/import-doc.js";
import { formatImportDoc } from "../import-doc/format.js";
import { parseReportPeriod, REPORT_PERIOD_FORMS } from "../report/period.js";

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

/**
 * Runs the CLI; returns the exit code (0 ok, 1 bad input or state, 2 usage, 70 internal).
 * `database`: an open database to use instead of opening the configured one
 * for each command (left open); the tests pass one.
 */
export async function run(argv: string[], io: Io = stdio, env: NodeJS.ProcessEnv = process.env, database?: Database): Promise<number> {
  const log = createLogger(env.LOG_LEVEL ?? "warn", { secrets: [...secretsFromEnv(env), ...secretsFromEnv()] });
  const actor = `cli:${safeUser()}`;
  let exitCode = 0;

  const withDb = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    if (database) return fn(database);
    const db = await openDatabase(loadConfig(env).database, log);
    let result: T;
    try {
      result = await fn(db);
    } catch (e) {
      // Closing a database that has gone away fails too; the first error is the one to report.
      await db.close().catch(() => undefined);
      throw e;
    }
    await db.close();
    return result;
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
  // Importing a plan from its official document (src/import-doc).
  common(
    plan
      .command("import-doc")
      .argument("<file>", "văn bản kế hoạch .docx, .pdf, .txt, .md, .html / the plan document")
      .option("--out <draft>", "ghi tệp kế hoạch YAML để kiểm tra thay vì nạp / write a plan file to review instead of importing")
      .option("--dry-run", "chỉ in số liệu và điểm cần kiểm tra / print counts and flagged points only"),
  )
    .description("nạp kế hoạch từ văn bản gốc / import a plan from its official document")
    .action(async (file: string, opts: Common & { out?: string; dryRun?: boolean }) => {
      const r = await withDb((db) => importDoc(db.prisma, file, { ...(opts.out ? { out: opts.out } : {}), dryRun: opts.dryRun, actor }));
      print(opts, r, () => formatImportDoc(r, file, opts.lang));
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
      const { summary, title, objectives, overdue } = await withDb(async (db) => {
        const p = number ? await findPlan(db.prisma, number) : undefined;
        if (!p && (await db.prisma.plan.count()) === 0) throw new AppError("NO_PLANS");
        const planIds = p ? [p.id] : undefined;
        // Today or a past day alike: one function counts "as of" a day.
        const [summary, objectives, overdue] = await Promise.all([
          statusSummary(db.prisma, { today: day, planIds }),
          objectiveProgress(db.prisma, { today: day, planIds }),
          unitTaskSummaries(db.prisma, { filter: "overdue", today: day, planIds, limit: 1000 }),
        ]);
        return { title: p ? `${p.number}` : opts.lang === "vi" ? "Tất cả kế hoạch" : "All plans", summary, objectives, overdue: overdue.tasks };
      });
      print(opts, { ...summary, objectives, overdue }, () => formatStatus(title, summary, opts.lang, { objectives, overdue }));
    });

  const units = program.command("units").description("đơn vị / units");
  common(units.command("list").option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("danh sách đơn vị / list units")
    .action(async (opts: Common & { at?: string }) => {
      const list = await withDb((db) => listUnits(db.prisma, today(opts.at)));
      print(opts, list, () => formatUnits(list, opts.lang));
    });

  common(units.command("channel").argument("<unit>", "mã đơn vị / unit code").argument("<channel>", "#tên-kênh hoặc mã kênh / #channel-name or channel id"))
    .description("đặt kênh Slack của đơn vị / set a unit's Slack channel")
    .action(async (unit: string, channel: string, opts: Common) => {
      const target = parseChannel(channel);
      if (!target)
        throw new AppError("BAD_ARGUMENT", {
          vi: `"${channel}" không phải kênh Slack.`,
          en: `"${channel}" is not a Slack channel.`,
          usage: "dondoc units channel GDNN #dondoc-gdnn",
        });
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
        throw new AppError("BAD_ARGUMENT", {
          vi: `"${slackUserId}" không phải mã người dùng Slack.`,
          en: `"${slackUserId}" is not a Slack user id.`,
          usage: 'dondoc members add U0123ABCD GDNN --role staff --name "Nguyễn Văn A"',
        });
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

  const holidays = program.command("holidays").description("ngày nghỉ lễ và ngày làm bù / days off and swapped working days");
  common(holidays.command("import").argument("<file>", "tệp YAML / YAML file"))
    .description("nạp lịch ngày nghỉ / load the holiday calendar")
    .action(async (file: string, opts: Common) => {
      const loaded = parseYaml(file, await readText(file), CalendarFileSchema);
      const changes = await withDb((db) => importCalendar(db.prisma, loaded, actor));
      print(opts, changes, () => formatChanges(`${file}:`, changes, false, opts.lang));
    });
  common(holidays.command("list").option("--year <year>", "năm / year"))
    .description("liệt kê / list")
    .action(async (opts: Common & { year?: string }) => {
      const days = await withDb((db) => listCalendar(db.prisma, opts.year ? Number(opts.year) : undefined));
      print(opts, days, () =>
        days
          .map(
            (d) =>
              `${formatVnDate(d.day)}  ${d.kind === "HOLIDAY" ? (opts.lang === "vi" ? "nghỉ  " : "off   ") : opts.lang === "vi" ? "làm bù" : "worked"}  ${d.name}${d.source ? ` (${d.source})` : ""}`,
          )
          .join("\n"),
      );
    });
  common(
    holidays
      .command("add")
      .argument("<day>", "dd/mm/yyyy")
      .argument("<name>", "tên / name")
      .option("--workday", "ngày cuối tuần phải đi làm bù / a weekend day worked in exchange"),
  )
    .description("thêm hoặc sửa một ngày / add or change a day")
    .action(async (dayText: string, name: string, opts: Common & { workday?: boolean }) => {
      const day = parseDay(dayText);
      await withDb((db) => setCalendarDay(db.prisma, { actor, day, kind: opts.workday ? "WORKDAY" : "HOLIDAY", name }));
      print(opts, { day, name }, () => `${formatVnDate(day)}: ${name}`);
    });
  common(holidays.command("remove").argument("<day>", "dd/mm/yyyy"))
    .description("bỏ một ngày / remove a day")
    .action(async (dayText: string, opts: Common) => {
      const day = parseDay(dayText);
      const removed = await withDb((db) => removeCalendarDay(db.prisma, { actor, day }));
      print(opts, { day, removed }, () => (removed ? `${formatVnDate(day)} ✓` : `${formatVnDate(day)}: —`));
    });

  const jobs = program.command("jobs").description("việc định kỳ: nhắc việc, tổng kết, bản tin / scheduled jobs");
  common(
    jobs
      .command("run")
      .argument("<job>", `một trong / one of: ${JOB_IDS.join(", ")}`)
      .requiredOption("--at <datetime>", 'thời điểm "dd/mm/yyyy HH:MM" (giờ Việt Nam) / the moment, Vietnam time')
      .option("--dry-run", "in tin nhắn, không gửi / print the messages, send nothing"),
  )
    .description("chạy một việc như thể đang ở thời điểm đó (không gửi trùng) / run a job as if it were that moment (never sends twice)")
    .action(async (job: string, opts: Common & { at: string; dryRun?: boolean }) => {
      if (!(JOB_IDS as readonly string[]).includes(job)) {
        throw new AppError("BAD_ARGUMENT", { vi: `Không có việc "${job}".`, en: `No job "${job}".`, usage: `dondoc jobs run ${JOB_IDS.join("|")} --at "dd/mm/yyyy HH:MM"` });
      }
      const at = parseMoment(opts.at);
      const config = loadConfig(env);
      if (!config.slack && !opts.dryRun) {
        throw new AppError("BAD_ARGUMENT", {
          vi: "Chưa cấu hình Slack (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET); dùng --dry-run để xem trước.",
          en: "Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET); use --dry-run to preview.",
          usage: `dondoc jobs run ${job} --at "${opts.at}" --dry-run`,
        });
      }
      const outcome = await withDb(async (db) => {
        const calendar = await loadCalendar(db.prisma);
        const occurrence = occurrenceAt(job as JobId, config.scheduler.schedule, calendar, at);
        const client = config.slack ? slackDeliveryClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl, log }) : null;
        // One instance name per run: a run killed earlier holds claims under its own name.
        return runJob({ prisma: db.prisma, log, client, config: config.scheduler, instance: `${actor}:${process.pid}`, now: () => at }, occurrence, { dryRun: opts.dryRun });
      });
      print(opts, outcome, () => formatJobOutcome(outcome, opts.lang));
      if (outcome.dryRun) return;
      const label = JOB_LABELS[outcome.occurrence.job][opts.lang];
      if (outcome.delivery?.interrupted) {
        const { code, message } = outcome.delivery.interrupted;
        throw new AppError("JOB_INTERRUPTED", {
          job: label,
          period: outcome.occurrence.period,
          sent: outcome.delivery.sent + outcome.delivery.alreadyPosted,
          reason: `${code}: ${message}`,
        });
      }
      const held = outcome.stillSending;
      if (held.count > 0) {
        // The first whole minute at which every claim's lease has run out (by the run's clock).
        const retry = new Date((Math.floor(((held.lastClaimedAt ?? at).getTime() + CLAIM_LEASE_MS) / 60_000) + 1) * 60_000);
        throw new AppError("JOB_CLAIMS_PENDING", {
          count: held.count,
          job: label,
          period: outcome.occurrence.period,
          by: held.claimedBy.join(", "),
          claimedAt: held.lastClaimedAt ? formatMoment(held.lastClaimedAt) : "?",
          retryAt: formatMoment(retry),
        });
      }
    });
  common(jobs.command("status").option("--failed", "chỉ các tin lỗi / failed only").option("--limit <n>", "số dòng / rows", "30"))
    .description("các tin đã gửi, đang chờ, lỗi / deliveries sent, pending and failed")
    .action(async (opts: Common & { failed?: boolean; limit: string }) => {
      const r = await withDb((db) => recentDeliveries(db.prisma, { failedOnly: opts.failed, limit: Number(opts.limit) || 30 }));
      print(opts, r, () => formatDeliveries(r, opts.lang));
    });
  common(jobs.command("retry").argument("[ids...]", "mã tin (mặc định: mọi tin lỗi) / delivery ids (default: every failed one)"))
    .description("gửi lại tin lỗi ở lần chạy tới / resend failed deliveries at the next tick")
    .action(async (ids: string[], opts: Common) => {
      const n = await withDb((db) => retryFailed(db.prisma, new Date(), ids.length ? ids.map(Number) : undefined));
      print(opts, { retried: n }, () => (opts.lang === "vi" ? `${n} tin sẽ được gửi lại.` : `${n} deliveries will be resent.`));
    });

  const digest = program.command("digest").description("bản tin lãnh đạo / the leadership digest");
  common(digest.command("preview").option("--plan <number>", "một kế hoạch / one plan").option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("xem bản tin trong terminal / print the digest in the terminal")
    .action(async (opts: Common & { plan?: string; at?: string }) => {
      const model = await withDb(async (db) => {
        const plan = opts.plan ? await findPlan(db.prisma, opts.plan) : undefined;
        return digestModel(db.prisma, { today: today(opts.at), planIds: plan ? [plan.id] : undefined });
      });
      print(opts, model, () => digestText(model, opts.lang));
    });

  // The consolidated report (issue 12): .docx in the presentation of Nghị định 30/2020/NĐ-CP and the .xlsx appendix.
  const report = program.command("report").description("báo cáo tổng hợp / the consolidated report");
  common(
    report
      .command("build")
      .requiredOption("--plan <number>", 'số kế hoạch, ví dụ "1565" / plan number')
      .requiredOption("--period <period>", `kỳ báo cáo / reporting period: ${REPORT_PERIOD_FORMS}`)
      .requiredOption("--out <dir>", "thư mục ghi tệp / folder to write the files to")
      .option("--at <date>", "ngày báo cáo dd/mm/yyyy (mặc định: hôm nay) / the report's date (default: today)")
      .option("--parent-body <name>", 'cơ quan chủ quản (mặc định với Sở: "UBND tỉnh <địa danh>") / parent body'),
  )
    .description("lập báo cáo .docx và phụ lục .xlsx / write the report (.docx) and its appendix (.xlsx)")
    .action(async (opts: Common & { plan: string; period: string; out: string; at?: string; parentBody?: string }) => {
      const window = parseReportPeriod(opts.period);
      if (!window) throw new AppError("REPORT_PERIOD_INVALID", { period: opts.period, forms: REPORT_PERIOD_FORMS });
      // Loaded on use: docx and exceljs would add to every other command's start-up.
      const [{ buildReportModel }, { writeReportFiles }, { reportOutline }] = await Promise.all([
        import("../services/report-model.js"),
        import("../services/report-files.js"),
        import("../report/outline.js"),
      ]);
      const r = await withDb(async (db) => {
        const model = await buildReportModel(db.prisma, { plan: opts.plan, window, date: today(opts.at), parentBody: opts.parentBody });
        return { model, files: await writeReportFiles(model, opts.out) };
      });
      const result = {
        ...r.files,
        plan: r.model.plan.number,
        period: r.model.window.label,
        asOf: r.model.asOf,
        totals: r.model.totals,
        officePlaces: reportOutline(r.model).filter((b) => b.kind === "office").length,
      };
      print(opts, result, () => formatReportBuilt(result, opts.lang));
    });

  const dbCmd = program.command("db").description("cơ sở dữ liệu / database");
  dbCmd
    .command("migrate")
    .description("áp dụng các bản cập nhật cấu trúc / apply migrations")
    .action(async () => {
      await withDb(async () => undefined);
      io.out("Cơ sở dữ liệu đã cập nhật / Database is up to date.");
    });
  common(dbCmd.command("backup").argument("<file>", "tệp sao lưu / backup file"))
    .description(
      "sao lưu toàn bộ dữ liệu vào một tệp (nhất quán, PGlite hoặc PostgreSQL, kể cả khi bot đang chạy) / back up every table to one file (consistent; PGlite or PostgreSQL, also while the bot runs)",
    )
    .action(async (file: string, opts: Common) => {
      // The embedded database while the bot runs: the bot serves the backup (src/db/backup-socket.ts).
      const config = database ? null : loadConfig(env).database;
      const viaBot = config?.kind === "pglite" ? await backupFromRunningBot(config.dataDir, file) : null;
      const r = viaBot ?? (await withDb((db) => backupDatabase(db.prisma, file)));
      const how = viaBot ? (opts.lang === "vi" ? " (do dondoc đang chạy cung cấp)" : " (served by the running dondoc)") : "";
      print(opts, { ...r, viaRunningBot: viaBot !== null }, () =>
        opts.lang === "vi"
          ? `Đã sao lưu ${r.rows} dòng của ${Object.keys(r.tables).length} bảng vào ${file}${how}.`
          : `Backed up ${r.rows} rows of ${Object.keys(r.tables).length} tables to ${file}${how}.`,
      );
    });
  common(dbCmd.command("restore").argument("<file>", "tệp sao lưu / backup file").option("--force", "thay dữ liệu hiện có / replace the data already there"))
    .description("khôi phục từ tệp sao lưu, tất cả hoặc không gì cả (dừng bot trước) / restore from a backup, all or nothing (stop the bot first)")
    .action(async (file: string, opts: Common & { force?: boolean }) => {
      const r = await withDb((db) => restoreDatabase(db.prisma, file, { force: opts.force })).catch((e: unknown) => {
        // A restore replaces what a running bot is using: never under it.
        if (e instanceof AppError && e.code === "DB_IN_USE") throw new AppError("RESTORE_BOT_RUNNING", { dir: e.params.dir!, pid: e.params.pid! }, { cause: e });
        throw e;
      });
      print(opts, r, () =>
        opts.lang === "vi"
          ? `Đã khôi phục ${r.rows} dòng của ${Object.keys(r.tables).length} bảng từ ${file}.`
          : `Restored ${r.rows} rows of ${Object.keys(r.tables).length} tables from ${file}.`,
      );
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    exitCode = reportError(e, io, log);
  }
  return exitCode;
}

function formatReportBuilt(r: { docx: string; xlsx: string; plan: string; period: string; asOf: Day; totals: { total: number }; officePlaces: number }, lang: Lang): string {
  return lang === "vi"
    ? [
        `Báo cáo Kế hoạch số ${r.plan}, kỳ ${r.period} (số liệu đến ngày ${formatVnDate(r.asOf)}, ${r.totals.total} nhiệm vụ):`,
        `  ${r.docx}`,
        `  ${r.xlsx}`,
        `Có ${r.officePlaces} chỗ để Văn phòng Sở tự viết (chữ nghiêng, nền vàng, trong ngoặc vuông); số văn bản để trống cho văn thư.`,
      ].join("\n")
    : [
        `Report on plan ${r.plan}, ${r.period} (figures as of ${formatVnDate(r.asOf)}, ${r.totals.total} tasks):`,
        `  ${r.docx}`,
        `  ${r.xlsx}`,
        `${r.officePlaces} places are left for the Office's own text (italic, yellow, in square brackets); the number is left blank for the clerk.`,
      ].join("\n");
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

function parseDay(text: string): Day {
  const day = parseVnDate(text);
  if (!day)
    throw new AppError("BAD_ARGUMENT", {
      vi: `"${text}" không phải ngày dd/mm/yyyy có thật.`,
      en: `"${text}" is not a real dd/mm/yyyy date.`,
      usage: 'dondoc holidays add 02/09/2027 "Quốc khánh"',
    });
  return day;
}

/** "dd/mm/yyyy HH:MM" in Vietnam time, or an ISO instant. */
function parseMoment(text: string): Date {
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  const day = m ? parseVnDate(m[1]!) : undefined;
  if (m && day && Number(m[2] ?? 0) < 24 && Number(m[3] ?? 0) < 60) return localInstant(day, Number(m[2] ?? 8), Number(m[3] ?? 0));
  const iso = new Date(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(iso.getTime())) return iso;
  throw new AppError("BAD_ARGUMENT", {
    vi: `"${text}" không phải thời điểm hợp lệ.`,
    en: `"${text}" is not a valid moment.`,
    usage: 'dondoc jobs run reminders --at "18/09/2023 08:00"',
  });
}

/** "dd/mm/yyyy HH:MM" in Vietnam time, as --at takes it. */
function formatMoment(at: Date): string {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return `${formatVnDate(localDay(at))} ${time}`;
}

function reportError(e: unknown, io: Io, log: Logger): number {
  if (e instanceof CommanderError) {
    // Help and version are "errors" to commander; usage mistakes are already printed.
    return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0 ? 0 : 2;
  }
  // A lost database is said in one line per language, never with Prisma's
  // quote of the calling source; exit 69 (EX_UNAVAILABLE): try again later.
  if (isDatabaseFault(e) || (e instanceof AppError && e.code === "JOB_INTERRUPTED")) {
    io.err(databaseUnavailable(e).bilingual());
    return 69;
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
  log.error({ err: errorInfo(e), ref }, "unexpected error");
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
  const guard = guardCliProcess(createLogger(process.env.LOG_LEVEL ?? "warn"));
  const code = await run(argv);
  process.exitCode = guard.failed() && code === 0 ? EXIT_SOFTWARE : code;
}
