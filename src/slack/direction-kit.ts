// What the direction loop's listeners share (issue 13): the forms'
// private_metadata, a button's id, and posting without failing the work.
// Running a button and telling a person are src/slack/answer.ts's.
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { AppError, type Lang } from "../errors.js";
import { errorInfo } from "../log.js";
import { IdValue } from "../services/input.js";
import { parseJsonAs } from "../domain/json.js";
import type { Caller, Message, SlackDeps } from "./context.js";

/** Opaque to Slack and never trusted for permission: an id to check again, where to answer, the language. */
const FormMetadata = z.object({
  id: z.number().int().min(1).max(2_147_483_647),
  c: z
    .string()
    .regex(/^[CDG][A-Z0-9]{2,30}$/)
    .optional(),
  l: z.enum(["vi", "en"]).optional(),
});
export type FormMetadata = z.infer<typeof FormMetadata>;

export function formMetadata(m: FormMetadata): string {
  return JSON.stringify(m);
}

export function parseFormMetadata(text: string | undefined): FormMetadata | null {
  return parseJsonAs(FormMetadata, text);
}

/** A button's value as an id; a forged one is refused in words. */
export function idFromButton(value: string | undefined): number {
  const parsed = IdValue.safeParse(value ?? "");
  if (!parsed.success) throw new AppError("BUTTON_INVALID");
  return parsed.data;
}

/** Posts, logging a failure: what was recorded stays recorded. */
export async function post(deps: SlackDeps, client: WebClient, what: string, args: { channel: string; thread_ts?: string } & Message): Promise<string | null> {
  try {
    const r = await client.chat.postMessage(args);
    return r.ts ?? null;
  } catch (err) {
    deps.log.error({ err: errorInfo(err), channel: args.channel }, `could not ${what}`);
    return null;
  }
}

export const langOf = (caller: Caller, metadata: FormMetadata | null): Lang => metadata?.l ?? caller.lang;
