// The organisation file: units (with aliases and Slack channels), groups of
// units a plan can assign work to, and members. See examples/org.yaml.
import { z } from "zod";
import { SLACK_USER_ID } from "../domain/slack-ids.js";
import { clean } from "../domain/text.js";

const Text = z.string().trim().min(1).transform(clean);

export const UNIT_KINDS = { office: "OFFICE", division: "DIVISION", center: "CENTER", other: "OTHER" } as const;
export const MEMBER_ROLES = {
  staff: "STAFF",
  unit_lead: "UNIT_LEAD",
  office: "OFFICE",
  leadership: "LEADERSHIP",
  admin: "ADMIN",
} as const;

const SlackChannel = z
  .string()
  .trim()
  .regex(/^([CGD][A-Z0-9]{6,}|#[a-z0-9][a-z0-9_-]{0,79})$/, {
    message: "Kênh Slack phải là mã kênh (C0123ABCD) hoặc tên kênh bắt đầu bằng # (#dondoc-vp) / Slack channel must be a channel id (C0123ABCD) or a #name (#dondoc-vp)",
  });

export const OrgUnitSchema = z
  .object({
    code: Text.describe('Mã đơn vị, ví dụ "VP", "LĐ-VL" / unit code'),
    name: Text.describe("Tên đầy đủ / full name"),
    kind: z.enum(Object.keys(UNIT_KINDS) as [keyof typeof UNIT_KINDS]).transform((k) => UNIT_KINDS[k]),
    channel: SlackChannel.optional().describe("Kênh Slack của đơn vị / the unit's Slack channel"),
    aliases: z.array(Text).default([]).describe("Tên gọi khác / other names"),
    active: z.boolean().default(true),
    mergedInto: Text.optional().describe("Đơn vị kế thừa khi sáp nhập / successor when merged"),
  })
  .strict();

export const OrgGroupSchema = z
  .object({
    code: Text,
    name: Text,
    units: z.union([z.literal("all"), z.array(Text).min(1)]).describe('"all" = mọi đơn vị đang hoạt động / every active unit; hoặc danh sách mã / or a list of codes'),
    except: z.array(Text).default([]),
  })
  .strict();

export const OrgMemberSchema = z
  .object({
    slackUserId: z.string().trim().regex(SLACK_USER_ID, { message: "Mã người dùng Slack có dạng U0123ABCD / Slack user id looks like U0123ABCD" }),
    name: Text,
    unit: Text.optional(),
    role: z
      .enum(Object.keys(MEMBER_ROLES) as [keyof typeof MEMBER_ROLES])
      .default("staff")
      .transform((r) => MEMBER_ROLES[r]),
    locale: z.enum(["vi", "en"]).optional(),
  })
  .strict();

export const OrgFileSchema = z
  .object({
    units: z.array(OrgUnitSchema).min(1),
    groups: z.array(OrgGroupSchema).default([]),
    members: z.array(OrgMemberSchema).default([]),
  })
  .strict();

export type OrgFile = z.output<typeof OrgFileSchema>;
