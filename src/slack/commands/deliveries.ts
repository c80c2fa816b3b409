import { canManageOrganisation } from "../../domain/permissions.js";
import { fold } from "../../domain/text.js";
import { AppError } from "../../errors.js";
import { recentDeliveries, retryFailed } from "../../services/deliveries.js";
import { deliveriesMessage } from "../../views/deliveries.js";
import { confirmation } from "../../views/notices.js";
import { registered } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach tinnhan [loi | guilai]` (Office and admins): scheduled messages sent, failed, resent. */
export const deliveries: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  if (!canManageOrganisation(c.actor) && c.actor.role !== "LEADERSHIP") throw new AppError("FORBIDDEN_MANAGE");
  const word = fold(rest);
  if (["guilai", "gui lai", "retry", "resend"].includes(word)) {
    if (!canManageOrganisation(c.actor)) throw new AppError("FORBIDDEN_MANAGE");
    const n = await retryFailed(deps.prisma, deps.now());
    return confirmation(c.lang, { vi: `${n} tin lỗi sẽ được gửi lại trong vòng một phút.`, en: `${n} failed messages will be resent within a minute.` });
  }
  const failedOnly = ["loi", "failed", "errors"].includes(word);
  return deliveriesMessage(await recentDeliveries(deps.prisma, { limit: 20, failedOnly }), c.lang);
};
