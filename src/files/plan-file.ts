// The plan file: one signed plan with its objectives, indices and criteria,
// and its tasks as a tree. See examples/plan-1565-KH-SLDTBXH.yaml.
//
// Children inherit `lead`, `cooperating`, `index`, `due`, `cadence` and
// `dueNote` from their parent unless they set their own, as plans do when a
// section says "Phân công thực hiện" once for all its bullets.
import { z } from "zod";
import { parseVnDate } from "../domain/day.js";
import { DEADLINE_FORMS, parseDeadline } from "../domain/deadline.js";
import { chainProblem, DEFAULT_CHAIN, DEFAULT_REPORTING } from "../domain/reporting-window.js";
import { BODY_ROLES, type OutsideBody, type TaskTarget } from "../domain/outside-bodies.js";
import { clean } from "../domain/text.js";

const Text = z.string().trim().min(1).transform(clean);

const VnDate = z
  .string()
  .trim()
  .refine((s) => parseVnDate(s) !== undefined, {
    message: "Ngày không hợp lệ, dùng dạng dd/mm/yyyy và một ngày có thật (ví dụ 13/06/2023) / Invalid date: use dd/mm/yyyy and a real day (e.g. 13/06/2023)",
  })
  .transform((s) => parseVnDate(s)!);

const Due = z
  .string()
  .trim()
  // A form without its year ("chậm nhất ngày 15/11") takes the plan's year at import; any year checks the form here.
  .refine((s) => parseDeadline(s, "QUARTER", { year: 2000 }) !== undefined, {
    message: `Thời hạn không đúng dạng; dùng một trong: ${DEADLINE_FORMS} / Unknown deadline form; use one of the forms shown`,
  });

const Cadence = z.enum(["week", "month", "quarter", "half", "year"]).transform((c) => c.toUpperCase() as "WEEK" | "MONTH" | "QUARTER" | "HALF" | "YEAR");

const UnitRefs = z.union([Text.transform((s) => [s]), z.array(Text).min(1)]);

const Body = z
  .object({
    name: Text.describe('Tên cơ quan, ví dụ "UBND các xã, phường, thị trấn" / the body\'s name'),
    role: z
      .enum(["cooperating", "requesting", "receiving_reports"])
      .transform((r) => r.toUpperCase() as (typeof BODY_ROLES)[number])
      .describe("cooperating (phối hợp), requesting (theo đề nghị của), receiving_reports (nơi nhận báo cáo) / the body's role"),
    note: Text.optional().describe('Lời của kế hoạch về vai trò, ví dụ "để tổng hợp chung" / the plan\'s words on the role'),
  })
  .strict();

const Target = z
  .object({
    value: z.number().finite(),
    unit: Text.describe('Đơn vị, ví dụ "%" / unit'),
    of: Text.describe('Chỉ tiêu đo cái gì, ví dụ "TTHC thuộc thẩm quyền giải quyết được công khai trên Trang TTĐT của Sở" / what it counts'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.unit === "%" && (t.value < 0 || t.value > 100))
      ctx.addIssue({ code: "custom", path: ["value"], message: `Tỷ lệ phải từ 0 đến 100, nhận được ${t.value} / A percentage must be between 0 and 100, got ${t.value}` });
  });

export interface PlanTaskInput {
  code: string;
  title: string;
  text?: string | undefined;
  index?: string | undefined;
  criterion?: string | undefined;
  lead?: string[] | undefined;
  cooperating?: string[] | undefined;
  leadNote?: string | undefined;
  partners: string[];
  bodies: OutsideBody[];
  target?: TaskTarget | undefined;
  due?: string | undefined;
  cadence?: "WEEK" | "MONTH" | "QUARTER" | "HALF" | "YEAR" | undefined;
  dueNote?: string | undefined;
  tasks: PlanTaskInput[];
}

export const PlanTaskSchema: z.ZodType<PlanTaskInput> = z.lazy(() =>
  z
    .object({
      code: Text.describe('Mã nhiệm vụ, cố định giữa các lần nạp, ví dụ "II.2.a.1" / stable task code'),
      title: Text.describe("Tên ngắn / short title"),
      text: Text.optional().describe("Nguyên văn trong kế hoạch / the plan's own words"),
      index: Text.optional().describe("Mã chỉ số / index code (PAR_INDEX, SIPAS, DDCI)"),
      criterion: Text.optional().describe("Mã tiêu chí / criterion code"),
      lead: UnitRefs.optional().describe("Đơn vị chủ trì (mã, tên khác hoặc nhóm) / lead unit(s) or group"),
      cooperating: UnitRefs.optional().describe("Đơn vị phối hợp / cooperating unit(s) or group"),
      leadNote: Text.optional().describe('Cách kế hoạch nêu đơn vị chủ trì khi không chỉ là một đơn vị, ví dụ "tham mưu Lãnh đạo Sở chủ trì" / how the plan words the lead'),
      partners: z.array(Text).default([]).describe("(Cũ) cơ quan ngoài Sở phối hợp; dùng bodies để ghi vai trò / (legacy) cooperating outside bodies; use bodies"),
      bodies: z.array(Body).default([]).describe("Cơ quan ngoài Sở và vai trò / outside bodies and their role"),
      target: Target.optional().describe("Chỉ tiêu định lượng của nhiệm vụ, ví dụ 100% TTHC được công khai / a measurable target"),
      due: Due.optional().describe(`Thời hạn / deadline: ${DEADLINE_FORMS}`),
      cadence: Cadence.optional().describe("Kỳ báo cáo của nhiệm vụ thường xuyên / reporting period of an ongoing task"),
      dueNote: Text.optional().describe("Lý do chọn thời hạn khi kế hoạch không ghi / why this deadline when the plan gives none"),
      tasks: z.array(PlanTaskSchema).default([]),
    })
    .strict(),
);

const Decimal = z.number().finite();

export const CriterionSchema = z
  .object({
    code: Text,
    name: Text,
    unit: Text.optional().describe('Đơn vị đo, ví dụ "%" / measure unit'),
    target: Decimal.optional(),
    higherIsBetter: z.boolean().default(true),
    values: z
      .array(z.object({ period: Text, value: Decimal, source: Text.optional() }).strict())
      .default([])
      .describe("Giá trị đo được theo kỳ / measured values per period"),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.unit === "%") {
      for (const [i, v] of [c.target, ...c.values.map((x) => x.value)].entries()) {
        if (v !== undefined && (v < 0 || v > 100)) {
          ctx.addIssue({
            code: "custom",
            path: i === 0 ? ["target"] : ["values", i - 1, "value"],
            message: `Tỷ lệ phải từ 0 đến 100, nhận được ${v} / A percentage must be between 0 and 100, got ${v}`,
          });
        }
      }
    }
  });

export const IndexSchema = z
  .object({
    code: Text,
    name: Text,
    fullName: Text,
    criteria: z.array(CriterionSchema).default([]),
  })
  .strict();

type Measure = "COMPLETION" | "ON_TIME_COMPLETION";

const Objective = z.union([
  Text.transform((text) => ({ text, target: undefined as { value: number; unit: string; measure?: Measure | undefined } | undefined })),
  z
    .object({
      text: Text,
      target: z
        .object({
          value: Decimal,
          unit: Text,
          measure: z
            .enum(["completion", "on_time_completion"])
            .transform((m) => m.toUpperCase() as Measure)
            .optional()
            .describe("Đo bằng tỷ lệ hoàn thành (completion) hoặc hoàn thành đúng hạn (on_time_completion) mà dondoc tính / measured by the completion rate dondoc computes"),
        })
        .strict()
        .superRefine((t, ctx) => {
          if (t.measure && t.unit !== "%")
            ctx.addIssue({
              code: "custom",
              path: ["unit"],
              message: 'Chỉ tiêu đo bằng tỷ lệ hoàn thành phải có đơn vị "%" / A target measured by a completion rate needs unit "%"',
            });
        })
        .optional(),
    })
    .strict(),
]);

const DayOfMonth = z.number().int().min(1).max(28);

/** Reporting rules (src/domain/reporting-window.ts); every field has the default a plan under Nghị định 09/2019 would use. */
const Reporting = z
  .object({
    periods: z
      .enum(["windows", "calendar"])
      .default("windows")
      .transform((p) => (p === "windows" ? "WINDOW" : "CALENDAR") as "WINDOW" | "CALENDAR")
      .describe(
        "Kỳ báo cáo của nhiệm vụ thường xuyên: windows (15 tháng trước đến 14, Nghị định 09/2019/NĐ-CP) hoặc calendar (tháng, quý dương lịch) / data windows or calendar periods",
      ),
    minCoverageDays: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(DEFAULT_REPORTING.minCoverageDays)
      .describe("Kỳ chỉ được tính khi kế hoạch có hiệu lực ít nhất chừng ấy ngày trong kỳ / a window counts only when the plan was in force this many of its days"),
    unitsDueDay: DayOfMonth.default(DEFAULT_CHAIN.unitsDueDay).describe(
      "Ngày trong tháng cuối kỳ các đơn vị gửi báo cáo về Văn phòng Sở (lùi về ngày làm việc trước nếu là ngày nghỉ) / day of the window's last month units report to the Office",
    ),
    officeDueDay: DayOfMonth.default(DEFAULT_CHAIN.officeDueDay).describe(
      "Ngày trong tháng cuối kỳ Sở gửi báo cáo cơ quan cấp trên / day of the window's last month the department reports to its superior",
    ),
    superior: Text.default(DEFAULT_CHAIN.superior).describe('Cơ quan nhận báo cáo của Sở, ví dụ "UBND tỉnh (qua Sở Nội vụ)" / the body the department reports to'),
  })
  .strict()
  .superRefine((r, ctx) => {
    const problem = chainProblem(r);
    if (problem) ctx.addIssue({ code: "custom", path: ["unitsDueDay"], message: `${problem.vi} / ${problem.en}` });
  });

export const PlanFileSchema = z
  .object({
    number: Text.describe('Số kế hoạch, ví dụ "1565/KH-SLĐTBXH" / plan number'),
    title: Text,
    issuer: Text,
    place: Text,
    issuedOn: VnDate,
    year: z.number().int().min(2000).max(2100),
    endsOn: VnDate.optional().describe("Ngày kết thúc; mặc định 31/12 của năm kế hoạch / last day, default 31/12 of the year"),
    signer: z.object({ name: Text, title: Text }).strict(),
    legalBases: z.array(Text).default([]),
    purposes: z.array(Text).default([]),
    recipients: z.array(Text).default([]),
    objectives: z
      .object({ general: z.array(Objective).default([]), specific: z.array(Objective).default([]) })
      .strict()
      .default({ general: [], specific: [] }),
    indices: z.array(IndexSchema).default([]),
    reporting: Reporting.prefault({}).describe("Kỳ báo cáo và chuỗi thời hạn báo cáo / reporting windows and the chain of report deadlines"),
    defaults: z.object({ due: Due.optional(), cadence: Cadence.optional(), dueNote: Text.optional() }).strict().default({}),
    tasks: z.array(PlanTaskSchema).min(1),
  })
  .strict();

export type PlanFile = z.output<typeof PlanFileSchema>;
