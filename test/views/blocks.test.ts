// The builders: each keeps its block within Slack's limits whatever it is given.
import type { KnownBlock, SectionBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { blocksTextLength, checkMessageBlocks } from "../../src/slack-fake/index.js";
import { actions, button, context, fields, groupedSections, header, lineSections, message, section, statusEmoji } from "../../src/views/blocks.js";
import { BLOCK_KIT_LIMITS as L, MESSAGE_BLOCKS_TEXT_BUDGET } from "../../src/views/limits.js";

const long = (n: number) => "ư".repeat(n);
const textOf = (b: SectionBlock) => b.text?.text ?? "";

describe("builders", () => {
  it("truncate header, section, button and context text to Slack's limits", () => {
    expect(header(long(500)).text.text).toHaveLength(L.headerText);
    expect(textOf(section(long(5_000)))).toHaveLength(L.sectionText);
    expect(button({ text: long(200), actionId: "a", value: "1" }).text.text).toHaveLength(L.buttonText);
    expect(context(long(5_000)).elements[0]).toMatchObject({ text: `${long(L.sectionText - 1)}…` });
  });

  it("never send empty text, which Slack refuses", () => {
    expect(header("  ").text.text).toBe("—");
    expect(textOf(section(""))).toBe("—");
    expect(context().elements).toHaveLength(1);
  });

  it("split fields ten to a section", () => {
    const blocks = fields(Array.from({ length: 23 }, (_, i) => `*${i}*\n${long(3_000)}`));
    expect(blocks.map((b) => b.fields?.length)).toEqual([10, 10, 3]);
    expect(checkMessageBlocks(blocks.slice(0, 1))?.error).not.toBe("invalid_blocks");
    expect(blocks[0]!.fields![0]!.text).toHaveLength(L.sectionFieldText);
  });

  it("keep context and actions within their element counts", () => {
    expect(context(...Array.from({ length: 15 }, () => "x")).elements).toHaveLength(L.contextElements);
    const many = Array.from({ length: 30 }, (_, i) => button({ text: "x", actionId: `a${i}`, value: "" }));
    expect(actions(many).elements).toHaveLength(L.actionsElements);
  });

  it("refuse a button value that cutting would corrupt", () => {
    expect(() => button({ text: "x", actionId: "a", value: "v".repeat(L.buttonValue + 1) })).toThrow(RangeError);
  });

  it("give each status its emoji", () => {
    expect([statusEmoji("OVERDUE"), statusEmoji("IN_PROGRESS"), statusEmoji("NOT_STARTED"), statusEmoji("DONE_ON_TIME"), statusEmoji("DONE_LATE")]).toEqual([
      "🔴",
      "🟡",
      "⚪",
      "✅",
      "🟠",
    ]);
  });
});

describe("lineSections", () => {
  const lines = Array.from({ length: 400 }, (_, i) => `• dòng ${i} ${long(80)}`);

  it("packs lines into sections of at most 3,000 characters", () => {
    const blocks = lineSections(lines.slice(0, 60), { maxChars: 100_000, more: (n) => `và ${n} dòng khác` });
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(textOf(b).length).toBeLessThanOrEqual(L.sectionText);
    expect(blocks.map(textOf).join("\n").split("\n")).toEqual(lines.slice(0, 60));
  });

  it("stops at maxChars and counts what it left out", () => {
    const blocks = lineSections(lines, { maxChars: 5_000, more: (n) => `và ${n} dòng khác` });
    expect(blocksTextLength(blocks)).toBeLessThanOrEqual(5_000);
    const text = blocks.map(textOf).join("\n");
    const shown = text.split("\n").filter((l) => l.startsWith("• ")).length;
    expect(text).toContain(`và ${400 - shown} dòng khác`);
  });

  it("shows every line, without a 'more' line, when all fit exactly", () => {
    const blocks = lineSections(["a", "b"], { maxChars: 6, more: () => "more" });
    expect(blocks.map(textOf)).toEqual(["a\nb"]);
  });

  it("cuts a line longer than a section, visibly", () => {
    const [block] = lineSections([long(10_000)], { maxChars: 100_000, more: () => "" });
    expect(textOf(block!)).toHaveLength(L.sectionText - 1);
    expect(textOf(block!).endsWith("…")).toBe(true);
  });
});

describe("groupedSections", () => {
  const groups = Array.from({ length: 30 }, (_, g) => ({
    title: `*Đơn vị ${g}*`,
    lines: Array.from({ length: 10 }, (_, i) => `• người ${g}.${i} ${long(40)}`),
  }));

  it("counts left-out lines, not titles, and never shows a title alone", () => {
    const blocks = groupedSections(groups, { maxChars: 4_000, more: (n) => `và ${n} người khác` });
    const text = blocks.map(textOf).join("\n");
    const shown = text.split("\n").filter((l) => l.startsWith("• ")).length;
    expect(text).toContain(`và ${300 - shown} người khác`);
    const rows = text.split("\n").filter((l) => l !== "");
    rows.forEach((row, i) => {
      if (row.startsWith("*Đơn vị")) expect(rows[i + 1]).toMatch(/^• /);
    });
  });
});

describe("message", () => {
  it("passes a message within the limits through unchanged", () => {
    const blocks: KnownBlock[] = [section("a"), section("b")];
    expect(message("a", blocks, "vi")).toEqual({ text: "a", blocks });
  });

  it("as a last resort, drops the tail with a visible note rather than be refused", () => {
    const tooMany = Array.from({ length: 70 }, (_, i) => section(`${i}`));
    const cut = message("x", tooMany, "vi");
    expect(cut.blocks).toHaveLength(L.messageBlocks);
    expect(JSON.stringify(cut.blocks.at(-1))).toContain("rút gọn");

    const tooLong = Array.from({ length: 6 }, () => section(long(3_000)));
    const cutText = message("x", tooLong, "en");
    expect(blocksTextLength(cutText.blocks)).toBeLessThanOrEqual(MESSAGE_BLOCKS_TEXT_BUDGET);
    expect(JSON.stringify(cutText.blocks.at(-1))).toContain("shortened");
    expect(checkMessageBlocks(cutText.blocks)).toBeUndefined();
  });
});
