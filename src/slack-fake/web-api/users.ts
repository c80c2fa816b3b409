// users.info. The locale is only in the answer with include_locale=true,
// which is why dondoc asks for it.
import { z } from "zod";
import { userJson } from "../wire.js";
import { args, flag } from "./args.js";
import { ApiFailure, defineMethod } from "./method.js";

export const info = defineMethod(args({ user: z.string().optional(), include_locale: flag.optional() }), (a, { workspace, now }) => {
  const user = a.user ? workspace.directory.user(a.user) : undefined;
  if (!user) throw new ApiFailure("user_not_found");
  return { user: userJson(user, workspace.team, { includeLocale: a.include_locale ?? false, at: new Date(now()) }) };
});
