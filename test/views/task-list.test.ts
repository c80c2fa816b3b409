// The task list: buttons, page buttons, empty lists, and the page-size proof.
import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { blocksTextLength, checkMessageBlocks } from "../../src/slack-fake/index.js";
import { ACTION_IDS } from "../../src/views/action-ids.js";
import { BLOCK_KIT_LIMITS as L, MESSAGE_BLOCKS_TEXT_BUDGET } from "../../src/views/limits.js";
import { TASK_LIST_PAGE_SIZE } from "../../src/models/index.js";
import { taskListMessage } from "../../src/views/task-list.js";
import { manyTasks, oversized, taskList, taskListEmpty } from "./fixtures.js";

const buttons = (blocks: KnownBlock[]): Button[] =>
  blocks.filter((b): b is ActionsBlock => b.type === "actions").flatMap((b) => b.elements.filter((e): e is Button => e.type === "button"));

describe("taskListMessage", () => {
  it("gives each task a report button (task id) when the viewer may report, and a show button always", () => {
    const { blocks } = taskListMessage(taskList, "vi");
    const byAction = (id: string) =>
      buttons(blocks)
        .filter((b) => b.action_id === id)
        .map((b) => b.value);
    expect(byAction(ACTION_IDS.reportOpen)).toEqual(["31", "33", "24", "45"]);
    expect(byAction(ACTION_IDS.taskShow)).toEqual(["31", "33", "24", "45"]);

    const readOnly = taskListMessage({ ...taskList, canReport: false }, "vi");
    expect(buttons(readOnly.blocks).filter((b) => b.action_id === ACTION_IDS.reportOpen)).toEqual([]);
  });

  it("pages with ◀/▶ buttons whose value names unit, filter and the page to show", () => {
    const pageButtons = (page: number) => buttons(taskListMessage({ ...taskList, filter: "overdue", page }, "vi").blocks).filter((b) => b.action_id === ACTION_IDS.tasksPage);

    expect(pageButtons(0).map((b) => [b.text.text, JSON.parse(b.value!)])).toEqual([["Sau ▶", { u: "LĐ-VL", f: "overdue", p: 1 }]]);
    expect(pageButtons(1).map((b) => JSON.parse(b.value!).p)).toEqual([0, 2]);
    expect(pageButtons(2).map((b) => b.text.text)).toEqual(["◀ Trước"]);
    expect(JSON.stringify(taskListMessage(taskList, "vi").blocks)).toContain("Trang 2/3");
    expect(JSON.stringify(taskListMessage(taskList, "en").blocks)).toContain("Page 2/3");
  });

  it("shows no page controls for a single page", () => {
    const single = taskListMessage({ ...taskList, page: 0, pageCount: 1 }, "vi");
    expect(buttons(single.blocks).some((b) => b.action_id === ACTION_IDS.tasksPage)).toBe(false);
    expect(JSON.stringify(single.blocks)).not.toContain("Trang");
  });

  it("says something friendly when there is nothing to show", () => {
    expect(taskListMessage(taskListEmpty, "vi").text).toBe("Không có nhiệm vụ nào quá hạn. 👍");
    expect(taskListMessage(taskListEmpty, "en").text).toBe("No overdue tasks. 👍");
    expect(taskListMessage({ ...taskListEmpty, filter: "due_soon" }, "vi").text).toMatch(/sắp đến hạn/);
  });

  it("escapes what came from the plan file", () => {
    const tricky = { ...manyTasks(1, 10)[0]!, title: "Báo cáo <!channel> & <https://x.example|link>" };
    const json = JSON.stringify(taskListMessage({ ...taskList, tasks: [tricky] }, "vi").blocks);
    expect(json).toContain("Báo cáo &lt;!channel&gt; &amp; &lt;https://x.example|link&gt;");
  });

  it(`holds a page of ${TASK_LIST_PAGE_SIZE} tasks with titles of any length within 50 blocks and 12,000 characters`, () => {
    for (const lang of ["vi", "en"] as const) {
      const out = taskListMessage(oversized.taskListPage, lang);
      expect(oversized.taskListPage.tasks).toHaveLength(TASK_LIST_PAGE_SIZE);
      expect(out.blocks.length).toBeLessThanOrEqual(L.messageBlocks);
      expect(blocksTextLength(out.blocks)).toBeLessThanOrEqual(L.messageBlocksText);
      expect(blocksTextLength(out.blocks)).toBeLessThanOrEqual(MESSAGE_BLOCKS_TEXT_BUDGET);
      expect(checkMessageBlocks(out.blocks)).toBeUndefined();
      // Every task is there, cut visibly.
      expect(buttons(out.blocks).filter((b) => b.action_id === ACTION_IDS.taskShow)).toHaveLength(TASK_LIST_PAGE_SIZE);
      expect(JSON.stringify(out.blocks).match(/…\\n/g)?.length).toBeGreaterThanOrEqual(TASK_LIST_PAGE_SIZE);
    }
  });

  it("counts the tasks it cannot show when a caller sends far more than a page", () => {
    const out = taskListMessage(oversized.taskList, "vi");
    const shown = buttons(out.blocks).filter((b) => b.action_id === ACTION_IDS.taskShow).length;
    expect(JSON.stringify(out.blocks)).toContain(`và ${200 - shown} nhiệm vụ khác`);
    expect(checkMessageBlocks(out.blocks)).toBeUndefined();
  });
});
