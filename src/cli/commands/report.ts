// The consolidated report (issue 12): .docx in the presentation of Nghị định
// 30/2020/NĐ-CP and the .xlsx appendix.
import type { Command } from "commander";
import { formatVnDate, type Day } from "../../domain/day.js";
import { AppError, type Lang } from "../../errors.js";
import { parseReportPeriod, REPORT_PERIOD_FORMS } from "../../report/period.js";
import { asOf } from "../arguments.js";
import type { CliContext, Common } from "../context.js";

/** `dondoc report build --plan N --period P --out DIR [--at dd/mm/yyyy]`. */
export function registerReport(program: Command, { common, withDb, print }: CliContext): void {
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
      const date = asOf(opts.at);
      // Loaded on use: docx and exceljs would add to every other command's start-up.
      const [{ buildReportModel }, { writeReportFiles }, { reportOutline }] = await Promise.all([
        import("../../services/report-model.js"),
        import("../../services/report-files.js"),
        import("../../report/outline.js"),
      ]);
      const r = await withDb(async (db) => {
        const model = await buildReportModel(db.prisma, { plan: opts.plan, window, date, parentBody: opts.parentBody });
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
