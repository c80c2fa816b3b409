// JSON Schemas of the file formats, generated from the zod schemas so the
// documentation can never drift from what the importer accepts.
import { z } from "zod";
import { CalendarFileSchema } from "./calendar-file.js";
import { OrgFileSchema } from "./org-file.js";
import { PlanFileSchema } from "./plan-file.js";

export function jsonSchemas(): Record<"org" | "plan" | "calendar", object> {
  const convert = (schema: z.ZodType, title: string, id: string) => ({
    ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
    $id: `https://dondoc.local/schema/${id}.schema.json`,
    title,
  });
  return {
    org: convert(OrgFileSchema, "dondoc organisation file (đơn vị, nhóm, thành viên)", "org"),
    plan: convert(PlanFileSchema, "dondoc plan file (kế hoạch)", "plan"),
    calendar: convert(CalendarFileSchema, "dondoc holiday calendar (ngày nghỉ, ngày làm bù)", "calendar"),
  };
}
