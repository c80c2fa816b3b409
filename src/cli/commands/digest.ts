import type { Command } from "commander";
import { findPlan } from "../../services/plan-queries.js";
import { digestModel } from "../../services/weekly/digest.js";
import { digestText } from "../../views/digest-text.js";
import { asOf } from "../arguments.js";
import type { CliContext, Common } from "../context.js";

/** `dondoc digest preview [--plan N] [--at dd/mm/yyyy]`. */
export function registerDigest(program: Command, { common, withDb, print }: CliContext): void {
  const digest = program.command("digest").description("bản tin lãnh đạo / the leadership digest");
  common(digest.command("preview").option("--plan <number>", "một kế hoạch / one plan").option("--at <date>", "tính đến ngày / as of dd/mm/yyyy"))
    .description("xem bản tin trong terminal / print the digest in the terminal")
    .action(async (opts: Common & { plan?: string; at?: string }) => {
      const today = asOf(opts.at);
      const model = await withDb(async (db) => {
        const plan = opts.plan ? await findPlan(db.prisma, opts.plan) : undefined;
        return digestModel(db.prisma, { today, planIds: plan ? [plan.id] : undefined });
      });
      print(opts, model, () => digestText(model, opts.lang));
    });
}
