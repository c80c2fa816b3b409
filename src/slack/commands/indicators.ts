import { indicators as indicatorModel } from "../../services/indicators.js";
import { indicatorsMessage } from "../../views/indicators.js";
import { registered } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach chiso`: criteria with targets and latest values. */
export const indicators: CommandHandler = async ({ deps, caller }) => {
  registered(caller);
  return indicatorsMessage(await indicatorModel(deps.prisma), caller.lang);
};
