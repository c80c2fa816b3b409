// The fake Slack's public surface.
export { createFakeSlack, FAKE_APP_TOKEN, type FakeSlack, type FakeSlackOptions, type FakeSocketMode } from "./fake-slack.js";
export type { AppTransport, Delivered, TransportKind } from "./app-driver/transport.js";
export { SOCKET_MODE_PATH, TICKET_LIFETIME_MS, type DisconnectReason, type SocketConnection, type SocketModeOptions } from "./socket-mode/server.js";
export type { Ack, Attempt, Envelope, EnvelopeResult, EnvelopeType } from "./socket-mode/envelopes.js";
export { SOCKET_MODE_DISABLED } from "./web-api/apps.js";
export { signRequest, signatureHeaders } from "./sign.js";
export { BLOCK_KIT_LIMITS } from "./block-kit/limits.js";
export { checkMessageBlocks, checkView, blocksTextLength, type BlockKitRefusal } from "./block-kit/validate.js";
export type { AppResponse, DeliveryOptions } from "./app-driver/connection.js";
export { ACK_DEADLINE_MS } from "./app-driver/connection.js";
export type {
  BlockActionInput,
  EventDeliveryOptions,
  EventResult,
  InteractionResult,
  SlashCommandInput,
  ViewSubmissionInput,
} from "./app-driver/interactions.js";
export type { InputValue, LocatedElement } from "./app-driver/element-values.js";
export { interactiveElements } from "./app-driver/element-values.js";
export type { ApiCall } from "./call-log.js";
export { RESPONSE_URL_METHOD } from "./call-log.js";
export type { Fault } from "./faults.js";
export type { RateLimitOptions } from "./rate-limiter.js";
export { TRIGGER_LIFETIME_MS } from "./triggers.js";
export { RESPONSE_URL_LIFETIME_MS, RESPONSE_URL_MAX_USES } from "./response-urls.js";
export type { Workspace, SeedInput, Team, BotIdentity } from "./state/workspace.js";
export type { Channel, ChannelInput, User, UserInput } from "./state/directory.js";
export type { Message, EphemeralMessage } from "./state/conversations.js";
export { compareTs } from "./state/conversations.js";
export type { View } from "./state/surfaces.js";
export type { WorkspaceChange } from "./state/changes.js";
export type { Clock, FakeSlackLogger, Block } from "./types.js";
