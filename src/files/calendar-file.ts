// The holiday calendar file: days off and swapped working days.
import { z } from "zod";
import { isoWeekday, parseVnDate } from "../domain/day.js";
import { clean } from "../domain/text.js";

const CalendarDaySchema = z
  .object({
    day: z
      .string()
      .refine((s) => parseVnDate(s) !== undefined, { message: "Ngày dd/mm/yyyy có thật / a real dd/mm/yyyy date" })
      .transform((s) => parseVnDate(s)!),
    kind: z
      .enum(["holiday", "workday"])
      .default("holiday")
      .transform((k) => (k === "holiday" ? ("HOLIDAY" as const) : ("WORKDAY" as const))),
    name: z.string().trim().min(1).transform(clean),
    source: z.string().trim().min(1).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.kind === "WORKDAY" && isoWeekday(d.day) <= 5) {
      ctx.addIssue({ code: "custom", path: ["kind"], message: "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật / A swapped working day must be a Saturday or Sunday" });
    }
  });

export const CalendarFileSchema = z.object({ days: z.array(CalendarDaySchema).min(1) }).strict();
export type CalendarFile = z.output<typeof CalendarFileSchema>;
