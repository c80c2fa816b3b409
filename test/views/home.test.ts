// App Home: report buttons, capped lists, and members without a unit.
import type { Button, KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { checkView } from "../../src/slack-fake/index.js";
import { ACTION_IDS } from "../../src/views/action-ids.js";
import { HOME_LIST_MAX } from "../../src/models/index.js";
import { homeView } from "../../src/views/home.js";
import { BLOCK_KIT_LIMITS as L } from "../../src/views/limits.js";
import { home, homeLeadership, oversized } from "./fixtures.js";

function buttonsOf(blocks: KnownBlock[]): Button[] {
  return blocks.flatMap((b) => {
    if (b.type === "section" && b.accessory?.type === "button") return [b.accessory];
    if (b.type === "actions") return b.elements.filter((e): e is Button => e.type === "button");
    return [];
  });
}

describe("homeView", () => {
  it("has a primary report button and one per listed task when the member may report", () => {
    const view = homeView(home, "vi");
    const reports = buttonsOf(view.blocks as KnownBlock[]).filter((b) => b.action_id === ACTION_IDS.reportOpen);
    expect(reports.map((b) => [b.text.text, b.value, b.style])).toEqual([
      ["Báo cáo tiến độ", "", "primary"],
      ["Báo cáo", "31", undefined],
      ["Báo cáo", "47", undefined],
      ["Báo cáo", "24", undefined],
      ["Báo cáo", "45", undefined],
    ]);
    expect(buttonsOf(homeView({ ...home, canReport: false }, "vi").blocks as KnownBlock[])).toEqual([]);
  });

  it("caps each list and counts the rest, staying within 100 blocks", () => {
    const view = homeView(oversized.home, "vi");
    expect(view.blocks.length).toBeLessThanOrEqual(L.viewBlocks);
    const json = JSON.stringify(view.blocks);
    expect(json.match(new RegExp(`và ${200 - HOME_LIST_MAX} nhiệm vụ khác`, "g"))).toHaveLength(4);
    expect(checkView(view, "home")).toBeUndefined();
  });

  it("tells a member without a unit that the page is for unit members and points to the overview", () => {
    const vi = JSON.stringify(homeView(homeLeadership, "vi").blocks);
    expect(vi).toContain("Trang này dành cho thành viên các đơn vị");
    expect(vi).toContain("/kehoach tongquan");
    expect(JSON.stringify(homeView(homeLeadership, "en").blocks)).toContain("/kehoach overview");
    expect(buttonsOf(homeView(homeLeadership, "vi").blocks as KnownBlock[])).toEqual([]);
  });
});

describe("homeView with list counts", () => {
  it("shows the full count and says how many more there are", () => {
    const model = home;
    const view = homeView({ ...model, counts: { overdue: 37, dueSoon: model.dueSoon.length, stale: model.stale.length, recentlyDone: model.recentlyDone.length } }, "vi");
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(`(37)`);
    expect(text).toContain(`và ${37 - Math.min(model.overdue.length, HOME_LIST_MAX)} nhiệm vụ khác`);
  });
});
