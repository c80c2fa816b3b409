// Slack's request signing, exactly as Slack does it, so that the app's own
// verification (Bolt's) is what tests exercise. Kept apart so that tests can
// forge bad or stale signatures on purpose.
import { createHmac } from "node:crypto";

/** `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` keyed with the signing secret. */
export function signRequest(signingSecret: string, rawBody: string, timestampSec: number): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestampSec}:${rawBody}`);
  return `v0=${hmac.digest("hex")}`;
}

/** The two headers Slack adds to every request it sends to an app. */
export function signatureHeaders(signingSecret: string, rawBody: string, timestampSec: number): { "x-slack-signature": string; "x-slack-request-timestamp": string } {
  return {
    "x-slack-signature": signRequest(signingSecret, rawBody, timestampSec),
    "x-slack-request-timestamp": String(timestampSec),
  };
}
