import { canManageOrganisation } from "../../domain/permissions.js";
import { fold } from "../../domain/text.js";
import { AppError } from "../../errors.js";
import { deactivateMember, listMembers, upsertMember } from "../../services/members.js";
import { membersMessage } from "../../views/members.js";
import { confirmation } from "../../views/notices.js";
import { registered } from "../context.js";
import { parseRole, parseUserMention } from "./parse.js";
import type { CommandHandler } from "./types.js";

const ROLE_WORDS = "canbo, truongphong, vanphong, lanhdao, quantri";
const USAGE = "/kehoach thanhvien them @người ĐƠN_VỊ [canbo|truongphong|vanphong|lanhdao|quantri] · /kehoach thanhvien xoa @người";

/** `/kehoach thanhvien [them @người ĐƠN_VỊ [vai trò] | xoa @người]` (Office and admins). */
export const members: CommandHandler = async ({ deps, caller, rest, client }) => {
  const c = registered(caller);
  const [verb = "", ...args] = rest.trim().split(" ").filter(Boolean);
  const action = fold(verb);
  if (action === "") {
    const list = await listMembers(deps.prisma);
    return membersMessage(
      { members: list.map((m) => ({ slackUserId: m.slackUserId, name: m.name, role: m.role, unit: m.unit && { code: m.unit.code, name: m.unit.name } })) },
      c.lang,
    );
  }
  if (!canManageOrganisation(c.actor)) throw new AppError("FORBIDDEN_MANAGE");
  const userId = args[0] ? parseUserMention(args[0]) : null;
  if (!userId) throw new AppError("MENTION_MISSING", { usage: USAGE });
  const actor = `slack:${c.userId}`;
  if (["them", "add", "sua", "update"].includes(action)) {
    const [, unit, roleWord] = args;
    if (!unit) throw new AppError("MEMBER_UNIT_MISSING", { usage: USAGE });
    const role = roleWord ? parseRole(roleWord) : "STAFF";
    if (!role) throw new AppError("ROLE_UNKNOWN", { role: roleWord!, roles: ROLE_WORDS });
    const info = await client.users.info({ user: userId }).catch(() => null);
    const name = info?.user?.real_name || info?.user?.name || userId;
    const m = await upsertMember(deps.prisma, { actor, slackUserId: userId, name, unit, role });
    return confirmation(c.lang, { vi: `Đã cập nhật <@${userId}>: ${m.unit?.code} · ${role}.`, en: `Updated <@${userId}>: ${m.unit?.code} · ${role}.` });
  }
  if (["xoa", "remove", "bo"].includes(action)) {
    const m = await deactivateMember(deps.prisma, { actor, slackUserId: userId });
    if (!m) throw new AppError("MEMBER_NOT_FOUND", { user: `<@${userId}>` });
    return confirmation(c.lang, { vi: `Đã ngừng <@${userId}>; các báo cáo cũ vẫn giữ nguyên.`, en: `Deactivated <@${userId}>; their past reports are kept.` });
  }
  throw new AppError("MEMBERS_ACTION_UNKNOWN", { action: verb, usage: USAGE });
};
