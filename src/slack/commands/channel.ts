import { canManageOrganisation } from "../../domain/permissions.js";
import { AppError } from "../../errors.js";
import { setUnitChannel } from "../../services/members.js";
import { confirmation } from "../../views/notices.js";
import { registered } from "../context.js";
import { parseChannel } from "../../domain/slack-ids.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach kenh ĐƠN_VỊ #kênh` (Office and admins): where a unit's messages go. */
export const channel: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  if (!canManageOrganisation(c.actor)) throw new AppError("FORBIDDEN_MANAGE");
  const words = rest.trim().split(" ").filter(Boolean);
  const target = words.length > 1 ? parseChannel(words[words.length - 1]!) : null;
  const unit = words.slice(0, -1).join(" ");
  if (!target || !unit) {
    throw new AppError("CHANNEL_ARGS_MISSING", { usage: "/kehoach kenh GDNN #dondoc-gdnn" });
  }
  const updated = await setUnitChannel(deps.prisma, { actor: `slack:${c.userId}`, unit, channel: target });
  const shown = target.startsWith("#") ? target : `<#${target}>`;
  return confirmation(c.lang, { vi: `Kênh của ${updated.code} từ nay là ${shown}.`, en: `${updated.code}'s channel is now ${shown}.` });
};
