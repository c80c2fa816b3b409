import { fold } from "../../domain/text.js";
import { AppError } from "../../errors.js";
import { setMemberLocale } from "../../services/members.js";
import { confirmation } from "../../views/notices.js";
import { registered } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach ngonngu vi|en`: the language dondoc answers this user in. */
export const language: CommandHandler = async ({ deps, caller, rest }) => {
  const c = registered(caller);
  const word = fold(rest);
  const lang = ["vi", "tieng viet", "vietnamese"].includes(word) ? "vi" : ["en", "english", "tieng anh"].includes(word) ? "en" : null;
  if (!lang) throw new AppError("LANGUAGE_INVALID", { usage: "/kehoach ngonngu en" });
  await setMemberLocale(deps.prisma, c.userId, lang);
  deps.locale.forget(c.userId);
  return confirmation(lang, { vi: "Từ nay dondoc trả lời đồng chí bằng tiếng Việt.", en: "dondoc will answer you in English from now on." });
};
