// Which documents are refused as not plans (src/import-doc/genre.ts): the kinds that cannot carry a plan, by the
// line that names the kind under the header or by a legal normative document's number; never a document with a
// plan's title, never the kinds that assign work.
import { describe, expect, it } from "vitest";
import { notAPlan } from "../../src/import-doc/genre.js";
import { textToBlocks } from "../../src/import-doc/read/text.js";

const HEADER = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
const doc = (kind: string, body = "I. NHIỆM VỤ\n1. Sở Nội vụ chủ trì rà soát, hoàn thành trong Quý II/2026.") => textToBlocks(`${HEADER}${kind}\n${body}`, false);

describe("notAPlan", () => {
  it.each([
    ["BÁO CÁO", "report"],
    ["TỜ TRÌNH", "submission"],
    ["PHIẾU TRÌNH", "submission slip"],
    ["ĐIỀU LỆ", "charter"],
    ["QUY CHẾ", "regulation"],
    ["GIẤY MỜI", "invitation"],
    ["BIÊN BẢN", "minutes"],
    ["ĐỀ CƯƠNG BÁO CÁO", "outline"],
    ["BÀI PHÁT BIỂU KẾT LUẬN", "speech"],
    ["GIẢI TRÌNH BỔ SUNG", "explanatory note"],
  ])("refuses a %s, saying what it is in both languages", (kind, en) => {
    const r = notAPlan(doc(kind), undefined);
    expect(r?.vi).toContain(`đây là ${kind}, không phải kế hoạch`);
    expect(r?.en).toContain(`it is a ${en} (${kind}), not a plan`);
  });

  it("refuses a law and a normative resolution (its number carries its year) as legal normative documents", () => {
    expect(notAPlan(doc("LUẬT"), undefined)?.en).toContain("a law (LUẬT), a legal normative document");
    expect(notAPlan(doc("NGHỊ QUYẾT"), "99/2025/NQ-HĐND")?.vi).toContain("đây là văn bản số 99/2025/NQ-HĐND (văn bản quy phạm pháp luật)");
  });

  it.each(["KẾ HOẠCH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "THÔNG BÁO", "CÔNG ĐIỆN", "CHỈ THỊ", "HƯỚNG DẪN", "ĐỀ ÁN"])("reads a %s (it may carry a plan or assign work)", (kind) => {
    expect(notAPlan(doc(kind), kind === "NGHỊ QUYẾT" ? "122/NQ-CP" : "12/KH-UBND")).toBeUndefined();
  });

  it("reads a submission that carries the draft plan, and a report's kind named only inside the text", () => {
    expect(notAPlan(doc("TỜ TRÌNH", "Kính gửi: Chủ tịch UBND tỉnh\nKẾ HOẠCH\nCải cách hành chính năm 2026\nI. NHIỆM VỤ"), undefined)).toBeUndefined();
    expect(notAPlan(doc("QUYẾT ĐỊNH", "Ban hành kèm theo BÁO CÁO\nBÁO CÁO"), undefined)).toBeUndefined();
  });
});
