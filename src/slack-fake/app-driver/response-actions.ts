// What Slack does with the app's answer to a view submission: close the
// modal (empty answer), show errors, update or push a view, or clear the stack.
import { BLOCK_KIT_LIMITS } from "../block-kit/limits.js";
import { checkView, type BlockKitRefusal } from "../block-kit/validate.js";
import type { Surfaces, View } from "../state/surfaces.js";
import { isJsonObject, type JsonObject } from "../types.js";

/** Answers Slack's refusal when the app's answer holds a view Slack would not show. */
export function applyResponseAction(surfaces: Surfaces, view: View, body: unknown): BlockKitRefusal | undefined {
  const answer = isJsonObject(body) ? body : {};
  switch (answer.response_action) {
    case undefined:
      surfaces.closeTop(view.userId);
      return undefined;
    case "errors":
      surfaces.setErrors(view, isJsonObject(answer.errors) ? (answer.errors as Record<string, string>) : {});
      return undefined;
    case "clear":
      surfaces.clearModals(view.userId);
      return undefined;
    case "update":
    case "push": {
      const refusal = checkView(answer.view, "modal");
      if (refusal) return refusal;
      const definition = answer.view as JsonObject;
      if (answer.response_action === "update") {
        surfaces.update(view, definition);
        return undefined;
      }
      if (surfaces.modalStack(view.userId).length >= BLOCK_KIT_LIMITS.modalStackDepth) {
        return { error: "push_limit_reached", messages: [] };
      }
      surfaces.pushModal(view.userId, definition);
      return undefined;
    }
    default:
      return {
        error: "invalid_arguments",
        messages: [`[ERROR] unknown response_action ${String(answer.response_action)} [json-pointer:/response_action]`],
      };
  }
}
