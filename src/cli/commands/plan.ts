import type { Command } from "commander";
import { AppError } from "../../errors.js";
import { parseYaml, readText } from "../../files/load.js";
import { PlanFileSchema } from "../../files/plan-file.js";
import { formatImportDoc } from "../../import-doc/format.js";
import { importDoc } from "../../import-doc/import-doc.js";
import { importPlan } from "../../services/import-plan.js";
import { planAcknowledgements } from "../../services/plan-acks.js";
import { findPlan, listPlans, planDetail } from "../../services/plan-queries.js";
import { asOf } from "../arguments.js";
import type { CliContext, Common } from "../context.js";
import { formatChanges, formatPlanDetail, formatPlanList } from "../format.js";
import { formatPlanAcks } from "../format-acks.js";

/** `dondoc plan import | import-doc | list | show | acks`. */
export function registerPlan(program: Command, { common, withDb, print, actor }: CliContext): void {
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
      const plans = await withDb((db) => listPlans(db.prisma, asOf(opts.at)));
      if (plans.length === 0 && !opts.json) throw new AppError("NO_PLANS");
      print(opts, plans, () => formatPlanList(plans, opts.lang));
    });
  common(plan.command("show").argument("<number>", 'số kế hoạch, ví dụ "1565/KH-SLĐTBXH" hoặc "1565" / plan number').option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("nhiệm vụ và đơn vị chủ trì, phối hợp / tasks with lead and cooperating units")
    .action(async (number: string, opts: Common & { at?: string }) => {
      const detail = await withDb((db) => planDetail(db.prisma, number, asOf(opts.at)));
      print(opts, detail, () => formatPlanDetail(detail, opts.lang));
    });
  common(plan.command("acks").argument("<number>", "số kế hoạch / plan number"))
    .description("đơn vị đã / chưa xác nhận nhận kế hoạch (quán triệt) / units that have and have not acknowledged the plan")
    .action(async (number: string, opts: Common) => {
      const acks = await withDb(async (db) => planAcknowledgements(db.prisma, (await findPlan(db.prisma, number)).id));
      print(opts, acks, () => formatPlanAcks(acks, opts.lang));
    });
}
