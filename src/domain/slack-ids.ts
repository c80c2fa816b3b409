// How Slack names a person and a channel, wherever dondoc takes one from a
// person (a file, a command, the environment): one definition for all.

/** A Slack user id as people copy it: U0123ABCD (W… on Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{6,}$/;

/** A channel as dondoc stores it: a channel id, or a #name. */
export const CHANNEL_TARGET = /^([CG][A-Z0-9]{6,}|#[a-z0-9][a-z0-9_-]{0,79})$/;

/** A channel mention (<#C123|name>), a channel id or a #name; null for anything else. */
export function parseChannel(word: string): string | null {
  const m = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word);
  if (m) return m[1]!;
  return CHANNEL_TARGET.test(word) ? word : null;
}
