import { listUnits } from "../../services/plan-queries.js";
import { unitsMessage } from "../../views/units.js";
import { registered, today } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach donvi`: the units, their channels and workload. */
export const units: CommandHandler = async ({ deps, caller }) => {
  registered(caller);
  const list = await listUnits(deps.prisma, today(deps));
  return unitsMessage({ units: list.filter((u) => u.active) }, caller.lang);
};
