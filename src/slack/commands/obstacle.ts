import { AppError } from "../../errors.js";
import { obstacleListModel, recordObstacleNotice } from "../../services/obstacle-life.js";
import { raiseObstacleOnTask } from "../../services/raise-obstacle.js";
import { commandRequestKey } from "../../services/request-key.js";
import { obstacleRaised, obstacleSaved } from "../../views/notices.js";
import { obstacleListMessage } from "../../views/obstacles.js";
import { registered, today } from "../context.js";
import { postEach } from "../post.js";
import type { CommandHandler } from "./types.js";

const USAGE = "/kehoach vuongmac II.2.c.2 Chưa nhận được đề nghị của Viện";

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
  if (!code || !text) throw new AppError("OBSTACLE_INCOMPLETE", { usage: USAGE });
  const result = await raiseObstacleOnTask({ prisma: deps.prisma, caller: c, taskRef: code, text, requestKey: commandRequestKey(triggerId), at: deps.now() });
  // A replay answers as the first did, and tells the Office nothing twice.
  if (result.kind === "raised") {
    const notice = obstacleRaised(result.notice, "vi");
    const office = await postEach(
      deps,
      client,
      result.officeChannels.filter((ch) => ch !== result.unitChannel),
      notice,
      "notify the Office",
    );
    // The unit's own notice (the Office's own when it raised it) opens the thread leadership's direction goes to.
    const unit = result.unitChannel ? await postEach(deps, client, [result.unitChannel], notice, "post the obstacle to the unit's channel") : [];
    // Every copy is recorded, so that each shows in place what became of the obstacle.
    for (const copy of unit) await recordObstacleNotice(deps.prisma, result.notice.id, copy, { thread: true });
    for (const copy of office) await recordObstacleNotice(deps.prisma, result.notice.id, copy, { thread: false });
  }
  return obstacleSaved(c.lang, result.taskCode);
};
