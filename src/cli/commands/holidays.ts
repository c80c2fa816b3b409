import type { Command } from "commander";
import { formatVnDate } from "../../domain/day.js";
import { CalendarFileSchema } from "../../files/calendar-file.js";
import { parseYaml, readText } from "../../files/load.js";
import { importCalendar, listCalendar, removeCalendarDay, setCalendarDay } from "../../services/calendar.js";
import { dayArgument } from "../arguments.js";
import type { CliContext, Common } from "../context.js";
import { formatChanges } from "../format.js";

/** `dondoc holidays import FILE | list | add DAY NAME | remove DAY`. */
export function registerHolidays(program: Command, { common, withDb, print, actor }: CliContext): void {
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
      const kind = (d: (typeof days)[number]) => (d.kind === "HOLIDAY" ? (opts.lang === "vi" ? "nghỉ  " : "off   ") : opts.lang === "vi" ? "làm bù" : "worked");
      print(opts, days, () => days.map((d) => `${formatVnDate(d.day)}  ${kind(d)}  ${d.name}${d.source ? ` (${d.source})` : ""}`).join("\n"));
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
      const day = dayArgument(dayText);
      await withDb((db) => setCalendarDay(db.prisma, { actor, day, kind: opts.workday ? "WORKDAY" : "HOLIDAY", name }));
      print(opts, { day, name }, () => `${formatVnDate(day)}: ${name}`);
    });
  common(holidays.command("remove").argument("<day>", "dd/mm/yyyy"))
    .description("bỏ một ngày / remove a day")
    .action(async (dayText: string, opts: Common) => {
      const day = dayArgument(dayText);
      const removed = await withDb((db) => removeCalendarDay(db.prisma, { actor, day }));
      print(opts, { day, removed }, () => (removed ? `${formatVnDate(day)} ✓` : `${formatVnDate(day)}: —`));
    });
}
