// The progress-report modal: ids the listener reads, the 100-option limit,
// the preselected task, and metadata.
import type { InputBlock, StaticSelect } from "@slack/types";
import { describe, expect, it } from "vitest";
import { checkView } from "../../src/slack-fake/index.js";
import { BLOCK_KIT_LIMITS as L } from "../../src/views/limits.js";
import { REPORT_MODAL, reportModal } from "../../src/views/report-modal.js";
import { oversized, reportModalModel } from "./fixtures.js";

const inputs = (view: ReturnType<typeof reportModal>) => view.blocks.filter((b): b is InputBlock => b.type === "input");
const select = (view: ReturnType<typeof reportModal>) => inputs(view).find((b) => b.block_id === REPORT_MODAL.task)!.element as StaticSelect;

describe("reportModal", () => {
  it("has the callback id, frame labels within 24 characters, and the caller's metadata", () => {
    for (const lang of ["vi", "en"] as const) {
      const view = reportModal(reportModalModel, lang);
      expect(view.callback_id).toBe("progress_report");
      expect(view.private_metadata).toBe(reportModalModel.privateMetadata);
      for (const label of [view.title, view.submit!, view.close!]) expect(label.text.length).toBeLessThanOrEqual(L.viewTitle);
    }
    const vi = reportModal(reportModalModel, "vi");
    expect([vi.title.text, vi.submit?.text, vi.close?.text]).toEqual(["Báo cáo tiến độ", "Gửi", "Hủy"]);
  });

  it("names every input block after its element's action_id", () => {
    const view = reportModal(reportModalModel, "vi");
    expect(inputs(view).map((b) => [b.block_id, "action_id" in b.element ? b.element.action_id : undefined])).toEqual([
      ["task", "task"],
      ["percent", "percent"],
      ["done", "done"],
      ["note", "note"],
      ["evidence", "evidence"],
    ]);
    expect(
      inputs(view)
        .filter((b) => b.optional)
        .map((b) => b.block_id),
    ).toEqual(["done", "note", "evidence"]);
  });

  it("preselects the task with an initial_option equal to one of the options, and its percent", () => {
    const view = reportModal(reportModalModel, "vi");
    const s = select(view);
    expect(s.initial_option).toEqual(s.options![0]);
    expect(s.options![0]!.text.text).toBe("II.2.c.2 · Cung cấp danh sách doanh nghiệp cho khảo sát DDCI");
    const percent = inputs(view).find((b) => b.block_id === REPORT_MODAL.percent)!.element;
    expect(percent).toMatchObject({ type: "number_input", is_decimal_allowed: false, min_value: "0", max_value: "100", initial_value: "40" });

    const none = select(reportModal({ ...reportModalModel, selectedTaskId: null }, "vi"));
    expect(none.initial_option).toBeUndefined();
  });

  it("offers at most 100 tasks, says so, and keeps the preselected one", () => {
    const view = reportModal(oversized.reportModal, "vi");
    const s = select(view);
    expect(s.options).toHaveLength(L.selectOptions);
    expect(s.initial_option?.value).toBe("1150");
    expect(s.options!.map((o) => o.value)).toContain("1150");
    expect(JSON.stringify(view.blocks)).toContain("Chỉ hiện 100 trong 200 nhiệm vụ");
    for (const o of s.options!) expect(o.text.text.length).toBeLessThanOrEqual(L.optionText);
    expect(checkView(view, "modal")).toBeUndefined();
  });

  it("without tasks, explains and offers no form to submit", () => {
    const view = reportModal({ ...reportModalModel, tasks: [], selectedTaskId: null }, "vi");
    expect(inputs(view)).toEqual([]);
    expect(view.submit).toBeUndefined();
    expect(checkView(view, "modal")).toBeUndefined();
  });

  it("refuses metadata Slack would refuse, rather than cut it", () => {
    expect(() => reportModal({ ...reportModalModel, privateMetadata: "m".repeat(L.privateMetadata + 1) }, "vi")).toThrow(RangeError);
  });
});
