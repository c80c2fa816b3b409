// The Web API methods the fake answers: those dondoc uses.
import * as apps from "./apps.js";
import * as auth from "./auth.js";
import * as chat from "./chat.js";
import * as conversations from "./conversations.js";
import * as files from "./files.js";
import * as filesInfo from "./files-info.js";
import type { WebApiMethod } from "./method.js";
import * as users from "./users.js";
import * as views from "./views.js";

export const WEB_API_METHODS: Readonly<Record<string, WebApiMethod>> = {
  "apps.connections.open": apps.connectionsOpen,
  "auth.test": auth.test,
  "chat.postMessage": chat.postMessage,
  "chat.update": chat.update,
  "chat.postEphemeral": chat.postEphemeral,
  "chat.delete": chat.deleteMessage,
  "views.open": views.open,
  "views.push": views.push,
  "views.update": views.update,
  "views.publish": views.publish,
  "users.info": users.info,
  "conversations.info": conversations.info,
  "conversations.list": conversations.list,
  "conversations.join": conversations.join,
  "conversations.history": conversations.history,
  "conversations.replies": conversations.replies,
  "conversations.open": conversations.open,
  "files.getUploadURLExternal": files.getUploadURLExternal,
  "files.completeUploadExternal": files.completeUploadExternal,
  "files.info": filesInfo.info,
};
