// Block Kit checks: the limits Slack enforces, with Slack's error codes and
// json-pointer messages.
import { describe, expect, it } from "vitest";
import { BLOCK_KIT_LIMITS, checkMessageBlocks, checkView } from "../../src/slack-fake/index.js";
import { reportModal, sections } from "./harness.js";

const text = (n: number) => "ư".repeat(n);
const plain = (t: string) => ({ type: "plain_text", text: t });
const option = (value: string, label = value) => ({ text: plain(label), value });

describe("message blocks", () => {
  it("accepts 50 blocks and refuses 51", () => {
    expect(checkMessageBlocks(sections(50))).toBeUndefined();
    expect(checkMessageBlocks(sections(51))).toEqual({
      error: "invalid_blocks",
      messages: ["[ERROR] must provide an array of no more than 50 items [json-pointer:/blocks]"],
    });
  });

  it.each([
    ["section text", { type: "section", text: { type: "mrkdwn", text: text(3001) } }, "/blocks/0/text/text"],
    ["header text", { type: "header", text: plain(text(151)) }, "/blocks/0/text/text"],
    ["button text", { type: "actions", elements: [{ type: "button", action_id: "a", text: plain(text(76)) }] }, "/blocks/0/elements/0/text/text"],
    [
      "option text",
      { type: "section", text: plain("x"), accessory: { type: "static_select", action_id: "s", options: [option("v", text(76))] } },
      "/blocks/0/accessory/options/0/text/text",
    ],
  ])("refuses an over-long %s", (_name, block, pointer) => {
    const refusal = checkMessageBlocks([block]);

    expect(refusal?.error).toBe("invalid_blocks");
    expect(refusal?.messages[0]).toMatch(`[json-pointer:${pointer}]`);
  });

  it("accepts text exactly at the limits", () => {
    expect(checkMessageBlocks([{ type: "section", text: { type: "mrkdwn", text: text(3000) } }])).toBeUndefined();
    expect(checkMessageBlocks([{ type: "header", text: plain(text(150)) }])).toBeUndefined();
  });

  it("refuses a select of 101 options", () => {
    const options = Array.from({ length: 101 }, (_, i) => option(String(i)));
    const refusal = checkMessageBlocks([{ type: "actions", elements: [{ type: "static_select", action_id: "s", options }] }]);

    expect(refusal?.messages).toEqual(["[ERROR] must provide an array of no more than 100 items [json-pointer:/blocks/0/elements/0/options]"]);
  });

  it("refuses header text that is mrkdwn, unknown block types and duplicate block ids", () => {
    expect(checkMessageBlocks([{ type: "header", text: { type: "mrkdwn", text: "x" } }])?.error).toBe("invalid_blocks");
    expect(checkMessageBlocks([{ type: "carousel" }])?.messages).toEqual(["[ERROR] unsupported type: carousel [json-pointer:/blocks/0/type]"]);
    expect(
      checkMessageBlocks([
        { type: "divider", block_id: "a" },
        { type: "divider", block_id: "a" },
      ])?.messages[0],
    ).toMatch(/duplicate block_id/);
  });

  it("refuses blocks that hold more than 12,000 characters in total with msg_blocks_too_long", () => {
    expect(checkMessageBlocks(sections(4, text(3000)))).toBeUndefined();
    expect(checkMessageBlocks([...sections(4, text(3000)), ...sections(1, "a")])?.error).toBe("msg_blocks_too_long");
  });
});

describe("views", () => {
  it("accepts 100 blocks in a modal or App Home and refuses 101", () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: "divider" }));

    expect(checkView({ ...reportModal(), blocks: blocks(100) }, "modal")).toBeUndefined();
    expect(checkView({ type: "home", blocks: blocks(101) }, "home")?.messages).toEqual(["[ERROR] must provide an array of no more than 100 items [json-pointer:/view/blocks]"]);
  });

  it("refuses modal titles, submit and close labels over 24 characters, and long private_metadata", () => {
    const refusal = checkView(
      {
        ...reportModal(),
        title: plain(text(25)),
        submit: plain(text(25)),
        close: plain(text(25)),
        private_metadata: text(BLOCK_KIT_LIMITS.privateMetadata + 1),
      },
      "modal",
    );

    expect(refusal?.error).toBe("invalid_arguments");
    expect(refusal?.messages.map((m) => /json-pointer:([^\]]+)/.exec(m)?.[1])).toEqual(["/view/private_metadata", "/view/title/text", "/view/submit/text", "/view/close/text"]);
  });

  it("requires a title, and a submit button when the modal has inputs", () => {
    const { title: _title, submit: _submit, ...bare } = reportModal();

    expect(checkView(bare, "modal")?.messages).toEqual([
      "[ERROR] missing required field [json-pointer:/view/title]",
      "[ERROR] submit is required when the view has input blocks [json-pointer:/view/submit]",
    ]);
  });

  it("refuses a view of the wrong type", () => {
    expect(checkView(reportModal(), "home")?.messages).toEqual(["[ERROR] must be home [json-pointer:/view/type]"]);
  });
});
