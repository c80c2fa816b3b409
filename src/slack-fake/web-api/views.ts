// views.open, views.push, views.update, views.publish.
import { z } from "zod";
import { BLOCK_KIT_LIMITS } from "../block-kit/limits.js";
import { checkView } from "../block-kit/validate.js";
import type { View } from "../state/surfaces.js";
import type { Workspace } from "../state/workspace.js";
import type { Triggers } from "../triggers.js";
import type { JsonObject } from "../types.js";
import { viewJson } from "../wire.js";
import { args, jsonField } from "./args.js";
import { ApiFailure, defineMethod } from "./method.js";

function viewDefinition(value: unknown, type: "modal" | "home"): JsonObject {
  const refusal = checkView(value, type);
  if (refusal) throw new ApiFailure(refusal.error, refusal.messages);
  return value as JsonObject;
}

function exchangeTrigger(triggers: Triggers, triggerId: string | undefined): string {
  if (!triggerId) throw new ApiFailure("invalid_arguments", ["[ERROR] missing required field: trigger_id [json-pointer:/trigger_id]"]);
  const exchanged = triggers.exchange(triggerId);
  if ("error" in exchanged) throw new ApiFailure(exchanged.error);
  return exchanged.userId;
}

function answer(workspace: Workspace, view: View): JsonObject {
  return { view: viewJson(view, workspace.team, workspace.bot) };
}

const triggered = args({ trigger_id: z.string().optional(), view: jsonField });

export const open = defineMethod(triggered, (a, { workspace, triggers }) => {
  const definition = viewDefinition(a.view, "modal");
  const userId = exchangeTrigger(triggers, a.trigger_id);
  return answer(workspace, workspace.surfaces.openModal(userId, definition));
});

export const push = defineMethod(triggered, (a, { workspace, triggers }) => {
  const definition = viewDefinition(a.view, "modal");
  const userId = exchangeTrigger(triggers, a.trigger_id);
  const depth = workspace.surfaces.modalStack(userId).length;
  if (depth === 0) throw new ApiFailure("not_found");
  if (depth >= BLOCK_KIT_LIMITS.modalStackDepth) throw new ApiFailure("push_limit_reached");
  const view = workspace.surfaces.pushModal(userId, definition);
  if (!view) throw new ApiFailure("not_found");
  return answer(workspace, view);
});

export const update = defineMethod(
  args({ view_id: z.string().optional(), external_id: z.string().optional(), hash: z.string().optional(), view: jsonField }),
  (a, { workspace }) => {
    if (!a.view_id && !a.external_id) {
      throw new ApiFailure("invalid_arguments", ["[ERROR] view_id or external_id is required [json-pointer:/view_id]"]);
    }
    const { surfaces } = workspace;
    const view = a.view_id ? surfaces.view(a.view_id) : surfaces.viewByExternalId(a.external_id ?? "");
    if (!view) throw new ApiFailure("not_found");
    const definition = viewDefinition(a.view, view.type);
    if (a.hash && a.hash !== view.hash) throw new ApiFailure("hash_conflict");
    return answer(workspace, surfaces.update(view, definition));
  },
);

export const publish = defineMethod(args({ user_id: z.string().optional(), hash: z.string().optional(), view: jsonField }), (a, { workspace }) => {
  const definition = viewDefinition(a.view, "home");
  const user = a.user_id ? workspace.directory.user(a.user_id) : undefined;
  if (!user) throw new ApiFailure("user_not_found");
  const current = workspace.surfaces.home(user.id);
  if (a.hash && current && a.hash !== current.hash) throw new ApiFailure("hash_conflict");
  return answer(workspace, workspace.surfaces.publishHome(user.id, definition));
});
