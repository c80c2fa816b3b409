// What every Slack listener works with: dependencies, the caller as dondoc
// knows them, and the language to answer in.
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { PrismaClient } from "../db/database.js";
import { localDay, type Day } from "../domain/day.js";
import type { Actor } from "../domain/permissions.js";
import { AppError, type Lang } from "../errors.js";
import type { Logger } from "../log.js";
import { memberBySlackId, type MemberWithUnit } from "../services/members.js";
import type { LocaleCache } from "./locale.js";
import type { Metrics } from "./metrics.js";

export interface SlackDeps {
  prisma: PrismaClient;
  log: Logger;
  metrics: Metrics;
  locale: LocaleCache;
  /** The clock; tests and the local workspace move it. */
  now: () => Date;
  /** The pace of the posts a listener sends itself; LISTENER_MESSAGES_PER_MINUTE unless set (tests raise it). */
  messagesPerMinute?: number;
}

/**
 * The posts a listener sends itself (a publish, nudges, reminders to report)
 * go out at this pace: under Slack's limit of about one message a second per
 * workspace, with room left for the scheduler's own deliveries.
 */
export const LISTENER_MESSAGES_PER_MINUTE = 50;

export const listenerPace = (deps: SlackDeps): number => deps.messagesPerMinute ?? LISTENER_MESSAGES_PER_MINUTE;

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

export interface Caller {
  userId: string;
  member: MemberWithUnit | null;
  lang: Lang;
}

export interface RegisteredCaller extends Caller {
  member: MemberWithUnit;
  actor: Actor;
  /** The member's unit, if they belong to one. */
  unit: MemberWithUnit["unit"];
}

export async function resolveCaller(deps: SlackDeps, client: WebClient, userId: string): Promise<Caller> {
  const member = await memberBySlackId(deps.prisma, userId);
  const lang = await deps.locale.langOf(client, userId, member?.locale);
  return { userId, member: member?.active ? member : null, lang };
}

/** Throws NOT_REGISTERED unless the caller is an active member. */
export function registered(caller: Caller): RegisteredCaller {
  if (!caller.member) throw new AppError("NOT_REGISTERED");
  const m = caller.member;
  return { ...caller, member: m, actor: { role: m.role, unitId: m.unitId, active: m.active }, unit: m.unit };
}

export function today(deps: SlackDeps): Day {
  return localDay(deps.now());
}
