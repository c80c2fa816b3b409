// Every surface, from realistic and from oversized models (200 tasks,
// 5,000-character texts, 100-character unit names), passes the fake Slack's
// Block Kit checks: Slack never refuses what a view builds, and what had to be
// cut says so ("…", "và X … khác").
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { BLOCK_KIT_LIMITS, blocksTextLength, checkMessageBlocks, checkView } from "../../src/slack-fake/index.js";
import { MESSAGE_BLOCKS_TEXT_BUDGET, BLOCK_KIT_LIMITS as VIEW_LIMITS } from "../../src/views/limits.js";
import { LANGS, OVERSIZED, SURFACES, type Output } from "./surfaces.js";

function refusal(o: Output) {
  return o.kind === "message" ? checkMessageBlocks(o.out.blocks) : checkView(o.out, o.kind);
}

function blocksOf(o: Output): KnownBlock[] {
  return o.out.blocks as KnownBlock[];
}

/** Slack refuses a block whose elements share an action_id (the fake does not check this). */
function duplicateActionIds(blocks: KnownBlock[]): string[] {
  const dupes: string[] = [];
  for (const block of blocks) {
    const elements = "elements" in block && Array.isArray(block.elements) ? block.elements : [];
    const ids = elements.flatMap((e) => ("action_id" in e && typeof e.action_id === "string" ? [e.action_id] : []));
    dupes.push(...ids.filter((id, i) => ids.indexOf(id) !== i));
  }
  return dupes;
}

const CUT_NOTES = ["Nội dung quá dài nên đã được rút gọn", "too long to show in full"];

const cases = (table: Record<string, (lang: "vi" | "en") => Output>) =>
  Object.entries(table).flatMap(([name, build]) => LANGS.map((lang) => [`${name} (${lang})`, build(lang)] as const));

describe.each([
  ["realistic models", cases(SURFACES)],
  ["oversized models", cases(OVERSIZED)],
])("%s", (_set, surfaces) => {
  it.each(surfaces)("%s is accepted by Slack's checks", (_name, out) => {
    expect(refusal(out)).toBeUndefined();
  });

  it.each(surfaces)("%s stays within the views' own budgets", (_name, out) => {
    const blocks = blocksOf(out);
    if (out.kind === "message") {
      expect(blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.messageBlocks);
      expect(blocksTextLength(blocks)).toBeLessThanOrEqual(MESSAGE_BLOCKS_TEXT_BUDGET);
      expect(out.out.text.length).toBeGreaterThan(0);
      expect(out.out.text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
    } else {
      expect(blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.viewBlocks);
    }
    expect(duplicateActionIds(blocks)).toEqual([]);
  });

  it.each(surfaces)("%s never needs the last-resort cut", (_name, out) => {
    const json = JSON.stringify(out.out);
    for (const note of CUT_NOTES) expect(json).not.toContain(note);
  });
});

describe("oversized models", () => {
  it.each(cases(OVERSIZED).filter(([name]) => !name.startsWith("not-registered") && !name.startsWith("home-unregistered")))("%s shows that it was cut", (_name, out) => {
    expect(JSON.stringify(out.out)).toContain("…");
  });
});

it("the duplicate action_id check finds duplicates", () => {
  const button = (id: string) => ({ type: "button" as const, action_id: id, text: { type: "plain_text" as const, text: "x" } });
  expect(duplicateActionIds([{ type: "actions", elements: [button("a"), button("b"), button("a")] }])).toEqual(["a"]);
  expect(
    duplicateActionIds([
      { type: "actions", elements: [button("a")] },
      { type: "actions", elements: [button("a")] },
    ]),
  ).toEqual([]);
});

describe("one source of truth for the numbers", () => {
  it("the fake Slack checks against the views' limits", () => {
    expect(BLOCK_KIT_LIMITS).toBe(VIEW_LIMITS);
  });

  it("the views' budget is below the fake's cumulative limit, itself Slack's rough figure", () => {
    expect(MESSAGE_BLOCKS_TEXT_BUDGET).toBeLessThan(BLOCK_KIT_LIMITS.messageBlocksText);
  });
});
