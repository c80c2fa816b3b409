// The Socket Mode receiver, built here rather than by Bolt so that each
// delivery carries its envelope_id into the listeners' context (for
// redelivery.ts). Everything else is as Bolt builds it for `socketMode: true`:
// the app-level token, the Web API options (SLACK_API_URL, retries) for
// apps.connections.open, and @slack/socket-mode's defaults for pings and
// reconnection.
import { SocketModeReceiver, type AppOptions } from "@slack/bolt";
import type { Logger as SlackLogger } from "@slack/logger";
import { ENVELOPE_ID } from "./redelivery.js";

export function socketModeReceiver(appToken: string, logger: SlackLogger, clientOptions: AppOptions["clientOptions"]): SocketModeReceiver {
  return new SocketModeReceiver({
    appToken,
    logger,
    installerOptions: { clientOptions },
    customPropertiesExtractor: (args: { envelope_id?: unknown }) => (typeof args.envelope_id === "string" ? { [ENVELOPE_ID]: args.envelope_id } : {}),
  });
}
