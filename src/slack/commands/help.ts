import { helpMessage } from "../../views/help.js";
import type { CommandHandler } from "./types.js";

export const help: CommandHandler = async ({ caller }) => helpMessage(caller.lang);
