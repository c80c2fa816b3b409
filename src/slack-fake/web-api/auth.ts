// auth.test: Bolt calls it at start-up to learn its own bot ids.
import { args } from "./args.js";
import { defineMethod } from "./method.js";

export const test = defineMethod(args({}), (_a, { workspace: { team, bot } }) => ({
  url: `https://${team.domain}.slack.com/`,
  team: team.name,
  user: bot.name,
  team_id: team.id,
  user_id: bot.userId,
  bot_id: bot.botId,
  is_enterprise_install: false,
}));
