import { AppError } from "../../errors.js";
import { raiseObstacleOnTask } from "../../services/raise-obstacle.js";
import { commandRequestKey } from "../../services/request-key.js";
import { obstacleRaised, obstacleSaved } from "../../views/notices.js";
import { registered } from "../context.js";
import { postEach } from "../post.js";
import type { CommandHandler } from "./types.js";

const USAGE = "/kehoach vuongmac II.2.c.2 Chưa nhận được đề nghị của Viện";

/** `/kehoach vuongmac MÃ nội dung`: raises an obstacle to the Office, which is notified. */
export const obstacle: CommandHandler = async ({ deps, caller, rest, client, triggerId }) => {
  const c = registered(caller);
  const [code, ...words] = rest.trim().split(" ");
  const text = words.join(" ").trim();
  if (!code || !text) throw new AppError("BAD_ARGUMENT", { vi: "Cần mã nhiệm vụ và nội dung vướng mắc.", en: "Give the task code and what the obstacle is.", usage: USAGE });
  const result = await raiseObstacleOnTask({ prisma: deps.prisma, caller: c, taskRef: code, text, requestKey: commandRequestKey(triggerId), at: deps.now() });
  // A replay answers as the first did, and tells the Office nothing twice.
  if (result.kind === "raised") await postEach(deps, client, result.officeChannels, obstacleRaised(result.notice, "vi"), "notify the Office");
  return obstacleSaved(c.lang, result.taskCode);
};
