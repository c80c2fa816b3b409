// The digest as terminal text (`dondoc digest preview`): the same figures and
// words as the Slack message, in aligned columns, every row listed.
import { describe, expect, it } from "vitest";
import { digestText } from "../../src/views/digest-text.js";
import { digestSummary } from "../../src/views/digest.js";
import type { Lang } from "../../src/models/index.js";
import * as w from "./weekly-fixtures.js";

const LANGS: Lang[] = ["vi", "en"];

describe.each(LANGS)("digestText (%s)", (lang) => {
  it("matches __golden__/digest-text", async () => {
    await expect(digestText(w.digest, lang)).toMatchFileSnapshot(`./__golden__/digest-text.${lang}.txt`);
  });

  it("matches __golden__/digest-text-first-week", async () => {
    await expect(digestText(w.digestFirstWeek, lang)).toMatchFileSnapshot(`./__golden__/digest-text-first-week.${lang}.txt`);
  });
});

/** The lines of the table that follows `title`, up to the next blank line. */
function tableAfter(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(title));
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end);
}

describe("digestText", () => {
  const vi = digestText(w.digest, "vi");

  it("starts with the essentials, as the Slack message does", () => {
    expect(vi.split("\n").slice(2, 4)).toEqual(digestSummary(w.digest, "vi"));
    expect(vi.split("\n").slice(8, 12)).toEqual([
      "Tiến độ chung: 9/42 nhiệm vụ đã hoàn thành (21,4%), ▲ 2 so với tuần trước · 3 quá hạn (▼ 1)",
      "Tỷ lệ hoàn thành: 75% (9/12) · đúng hạn 58,3% (7/12) (▲ 11,4 điểm so với tuần trước)",
      "Mục tiêu của kế hoạch: Phấn đấu hoàn thành 100% nhiệm vụ UBND tỉnh giao cho Sở Lao động – Thương binh và Xã hội thực hiện Chỉ số PAR INDEX, SIPAS, DDCI của tỉnh: chỉ tiêu 100%, hiện đạt 75% (9/12)",
      "Tuần này: 9 báo cáo từ các đơn vị · 2 đơn vị chưa báo cáo · 2 vướng mắc chưa giải quyết",
    ]);
  });

  it("right-aligns the numbers of a table in one column", () => {
    const rows = tableAfter(vi, "Theo đơn vị chủ trì (5):").slice(2); // two heading lines
    expect(rows).toHaveLength(5);
    // The "Chủ trì" column (20, 6, 16, 6, 5) ends at the same column on every row (unit codes are NFC: one character, one column).
    const ends = rows.map((r) => /^\s*\S+\s+\d+/.exec(r)![0].length);
    expect(new Set(ends).size).toBe(1);
  });

  it("lists the units with the most overdue first", () => {
    const model = { ...w.digest, byUnit: [...w.digest.byUnit].reverse() };
    const rows = tableAfter(digestText(model, "vi"), "Theo đơn vị chủ trì").slice(2);
    expect(rows.map((r) => r.trim().split(/\s+/)[0])).toEqual(["GDNN", "LĐ-VL", "VP", "KH-TC", "TTDVVL"]);
  });

  it("lists everything at province scale, one row per line", () => {
    const text = digestText(w.oversizedWeekly.digest, "en");
    const units = tableAfter(text, "By lead unit (1000):");
    expect(units).toHaveLength(1_000 + 2);
    const overdue = tableAfter(text, "Overdue tasks, longest first (20000):");
    expect(overdue).toHaveLength(500 + 2);
    expect(text).toContain("… and 19500 more overdue tasks");
    for (const line of text.split("\n")) expect(line.length).toBeLessThan(450);
  });
});
