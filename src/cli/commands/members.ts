import { type Command, Option } from "commander";
import { MEMBER_ROLES, type MemberRole } from "../../domain/permissions.js";
import { SLACK_USER_ID } from "../../domain/slack-ids.js";
import { AppError } from "../../errors.js";
import { MEMBER_ROLE_LABELS } from "../../i18n/labels.js";
import { deactivateMember, listMembers, upsertMember } from "../../services/members.js";
import type { CliContext, Common } from "../context.js";

/** `dondoc members list | add SLACK_ID UNIT | remove SLACK_ID`. */
export function registerMembers(program: Command, { common, withDb, print, actor }: CliContext): void {
  const members = program.command("members").description("thành viên / members");
  common(members.command("list"))
    .description("danh sách thành viên / list members")
    .action(async (opts: Common) => {
      const list = await withDb((db) => listMembers(db.prisma));
      const rows = list.map((m) => ({ slackUserId: m.slackUserId, name: m.name, unit: m.unit?.code ?? null, role: m.role, locale: m.locale }));
      print(opts, rows, () => rows.map((m) => `${m.slackUserId}  ${m.unit ?? "—"}  ${MEMBER_ROLE_LABELS[m.role][opts.lang]}  ${m.name}`).join("\n"));
    });
  common(
    members
      .command("add")
      .argument("<slackUserId>", "mã người dùng Slack, ví dụ U0123ABCD / Slack user id")
      .argument("<unit>", "đơn vị / unit")
      .addOption(new Option("--role <role>", "vai trò / role").choices(MEMBER_ROLES.map((r) => r.toLowerCase())).default("staff"))
      .option("--name <name>", "họ tên / full name"),
  )
    .description("thêm hoặc cập nhật thành viên / add or update a member")
    .action(async (slackUserId: string, unit: string, opts: Common & { role: string; name?: string }) => {
      if (!SLACK_USER_ID.test(slackUserId)) {
        throw new AppError("SLACK_USER_INVALID", { value: slackUserId, usage: 'dondoc members add U0123ABCD GDNN --role staff --name "Nguyễn Văn A"' });
      }
      const role = opts.role.toUpperCase() as MemberRole;
      const m = await withDb((db) => upsertMember(db.prisma, { actor, slackUserId, name: opts.name ?? slackUserId, unit, role }));
      print(opts, { slackUserId, unit: m.unit?.code, role }, () => `${slackUserId}: ${m.unit?.code} · ${MEMBER_ROLE_LABELS[role][opts.lang]}`);
    });
  common(members.command("remove").argument("<slackUserId>", "mã người dùng Slack / Slack user id"))
    .description("ngừng thành viên (giữ lịch sử báo cáo) / deactivate a member (keeps their reports)")
    .action(async (slackUserId: string, opts: Common) => {
      const m = await withDb((db) => deactivateMember(db.prisma, { actor, slackUserId }));
      if (!m) throw new AppError("MEMBER_NOT_FOUND", { user: slackUserId });
      print(opts, { slackUserId, active: false }, () => `${slackUserId}: ${opts.lang === "vi" ? "đã ngừng" : "deactivated"}`);
    });
}
