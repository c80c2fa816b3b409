import { canImportPlan } from "../../domain/permissions.js";
import { AppError } from "../../errors.js";
import { uploadModal } from "../../views/plan-import.js";
import { registered } from "../context.js";
import type { CommandHandler } from "./types.js";

/** `/kehoach nhapkehoach`: the Office opens the form to give a plan document. */
export const importPlan: CommandHandler = async ({ caller, client, triggerId }) => {
  const c = registered(caller);
  if (!canImportPlan(c.actor)) throw new AppError("FORBIDDEN_IMPORT");
  await client.views.open({ trigger_id: triggerId, view: uploadModal(c.lang) });
  return null;
};
