import type { Command } from "commander";
import { AppError } from "../../errors.js";
import { findPlan, objectiveProgress, statusSummary } from "../../services/plan-queries.js";
import { unitTaskSummaries } from "../../services/task-summaries.js";
import { asOf } from "../arguments.js";
import type { CliContext, Common } from "../context.js";
import { formatStatus } from "../format.js";

/** `dondoc status [NUMBER] [--at dd/mm/yyyy]`. */
export function registerStatus(program: Command, { common, withDb, print }: CliContext): void {
  common(program.command("status").argument("[number]", "số kế hoạch (mặc định: tất cả) / plan number (default: all)").option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("số nhiệm vụ theo trạng thái, đơn vị, chỉ số / task counts by status, unit and index")
    .action(async (number: string | undefined, opts: Common & { at?: string }) => {
      const day = asOf(opts.at);
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
}
