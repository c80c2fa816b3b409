// apps.connections.open: the Socket Mode client asks for a WebSocket URL with
// the app-level token (xapp-…), at start and before every reconnection.
import { args } from "./args.js";
import { ApiFailure, defineMethod } from "./method.js";

/**
 * The fake's own error code for a call made while Socket Mode is turned off
 * (after a `link_disabled` disconnect): Slack does not document which one it
 * answers. @slack/socket-mode treats it as recoverable and keeps trying.
 */
export const SOCKET_MODE_DISABLED = "socket_mode_disabled";

export const connectionsOpen = {
  ...defineMethod(args({}), (_a, { socketMode }) => {
    if (!socketMode?.isEnabled) throw new ApiFailure(SOCKET_MODE_DISABLED);
    return { url: socketMode.openUrl() };
  }),
  tokenType: "app" as const,
};
