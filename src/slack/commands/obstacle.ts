import { errorInfo } from "../../log.js";
import { AppError } from "../../errors.js";
import { obstacleListModel, recordObstacleNotice } from "../../services/obstacle-life.js";
import { raiseObstacleOnTask } from "../../services/raise-obstacle.js";
import { commandRequestKey } from "../../services/request-key.js";
import { obstacleRaised, obstacleSaved } from "../../views/notices.js";
import { obstacleListMessage } from "../../views/obstacles.js";
import { registered, today } from "../context.js";
import type { CommandHandler } from "./types.js";

const USAGE = "/kehoach vuongmac II.2.c.2 Chưa nhận được đề nghị của Viện";
const TEXT_MAX = 2_000;

/**
 * `/kehoach vuongmac MÃ nội dung`: raises an obstacle to the Office, which is
 * notified; the unit's channel gets the notice whose thread receives the
 * direction. Without arguments: the open obstacles with their age.
 */
export const obstacle: CommandHandler = async ({ deps, caller, rest, client, triggerId }) => {
  const c = registered(caller);
  if (rest.trim() === "") return obstacleListMessage(await obstacleListModel(deps.prisma, c.member, today(deps)), c.lang);
  const [code, ...words] = rest.trim().split(" ");
  const text = words.join(" ").trim();
  if (!code || !text) throw new AppError("BAD_ARGUMENT", { vi: "Cần mã nhiệm vụ và nội dung vướng mắc.", en: "Give the task code and what the obstacle is.", usage: USAGE });
  if (text.length > TEXT_MAX) throw new AppError("TEXT_TOO_LONG", { max: TEXT_MAX });
  if (!c.member.unit) throw new AppError("NO_UNIT");
  const result = await raiseObstacleOnTask({
    prisma: deps.prisma,
    caller: { userId: c.userId, actor: c.actor, unit: c.member.unit },
    taskRef: code,
    text,
    requestKey: commandRequestKey(triggerId),
    at: deps.now(),
  });
  // A replay answers as the first did, and tells the Office nothing twice.
  if (result.kind === "raised") {
    const notice = obstacleRaised(result.notice, "vi");
    // The obstacle is saved; a failed notice is logged, not shown as a failure.
    const channels = [...new Set([...result.officeChannels, ...(result.unitChannel ? [result.unitChannel] : [])])];
    for (const channel of channels) {
      const posted = await client.chat.postMessage({ channel, ...notice }).catch((err: unknown) => {
        deps.log.error({ err: errorInfo(err), channel }, "could not post the obstacle's notice");
        return null;
      });
      // The unit's own notice opens the thread leadership's direction goes to.
      if (channel === result.unitChannel && posted?.ts && posted.channel) await recordObstacleNotice(deps.prisma, result.notice.id, posted.channel, posted.ts);
    }
  }
  return obstacleSaved(c.lang, result.taskCode);
};
