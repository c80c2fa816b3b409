// The digest's chart (src/report/digest-chart.ts): the SVG carries the units'
// and indices' names and the model's figures, the PNG decodes to the
// expected size and is not blank, and the same figures give the same bytes.
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { CHART_UNITS_SHOWN, chartBars, renderDigestChart } from "../../src/report/digest-chart.js";
import type { StatusCounts } from "../../src/models/index.js";
import * as w from "../views/weekly-fixtures.js";

const done = (c: StatusCounts) => c.DONE_ON_TIME + c.DONE_LATE;
const total = (c: StatusCounts) => Object.values(c).reduce((a, b) => a + b, 0);
/** Text nodes of the SVG, entities decoded. */
const svgTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));

describe("renderDigestChart", () => {
  const chart = renderDigestChart(w.digest, { lang: "vi", week: "tuần 40/2023" });

  it("draws every unit and index by name with this week's and last week's figures from the model", () => {
    const texts = svgTexts(chart.svg);
    expect(texts).toContain("Tiến độ thực hiện kế hoạch, tuần 40/2023: tuần này so với tuần trước");
    for (const u of w.digest.byUnit) {
      expect(texts).toContain(u.unit.name);
      // "6,3% (1/16)" this week and "0% (0/16)" last week, as statusSummary counted them.
      expect(texts.some((t) => t.endsWith(`(${done(u.lead)}/${total(u.lead)})`))).toBe(true);
      expect(texts.some((t) => t.endsWith(`(${done(u.lastWeekLead)}/${total(u.lastWeekLead)})`))).toBe(true);
    }
    for (const i of w.digest.byIndex) {
      expect(texts).toContain(i.name);
      expect(texts.some((t) => t.endsWith(`(${done(i.counts)}/${total(i.counts)})`))).toBe(true);
      expect(texts.some((t) => t.endsWith(`(${i.lastWeekDone}/${i.lastWeekTotal})`))).toBe(true);
    }
    // Phòng Giáo dục nghề nghiệp: 1 of 16 done this week, none last week; shares in Vietnamese decimals.
    expect(texts).toContain("6,3% (1/16)");
    expect(texts).toContain("0% (0/16)");
  });

  it("puts the units furthest behind first", () => {
    expect(chartBars(w.digest).units.map((b) => b.label)).toEqual([
      "Phòng Giáo dục nghề nghiệp",
      "Phòng Lao động - Việc làm",
      "Phòng Kế hoạch - Tài chính",
      "Văn phòng Sở",
      "Trung tâm Dịch vụ việc làm",
    ]);
  });

  it("renders a PNG of the announced size that is not blank", () => {
    const png = PNG.sync.read(chart.png);
    expect([png.width, png.height]).toEqual([chart.width, chart.height]);
    expect(png.width).toBe(1500);
    let blue = 0;
    let grey = 0;
    let white = 0;
    for (let p = 0; p < png.data.length; p += 4) {
      const [r, g, b] = [png.data[p]!, png.data[p + 1]!, png.data[p + 2]!];
      if (r === 0x1f && g === 0x6f && b === 0xeb) blue++;
      else if (r === 0xb8 && g === 0xc2 && b === 0xcc) grey++;
      else if (r === 255 && g === 255 && b === 255) white++;
    }
    // This week's bars (blue), last week's (grey), on a white background.
    expect(blue).toBeGreaterThan(2_000);
    expect(grey).toBeGreaterThan(1_000);
    expect(white).toBeGreaterThan((png.width * png.height) / 2);
  });

  it("gives the same SVG and PNG for the same figures", () => {
    const again = renderDigestChart(w.digest, { lang: "vi", week: "tuần 40/2023" });
    expect(again.svg).toBe(chart.svg);
    expect(again.png.equals(chart.png)).toBe(true);
    const other = renderDigestChart({ ...w.digest, byUnit: w.digest.byUnit.slice(1) }, { lang: "vi", week: "tuần 40/2023" });
    expect(other.png.equals(chart.png)).toBe(false);
  });

  it("keeps its size with 1,000 units and says how many it left out", () => {
    const big = renderDigestChart(w.oversizedWeekly.digest, { lang: "en", week: "week 40 of 2023" });
    expect(big.units).toHaveLength(CHART_UNITS_SHOWN);
    expect(big.unitsHidden).toBe(1_000 - CHART_UNITS_SHOWN);
    expect(svgTexts(big.svg)).toContain(`By lead unit: the ${CHART_UNITS_SHOWN} furthest behind of 1000`);
    expect(big.height).toBeLessThan(1_000);
    expect(PNG.sync.read(big.png).height).toBe(big.height);
  });

  it("says there are no figures yet on an empty plan", () => {
    const empty = renderDigestChart(w.digestFirstWeek, { lang: "en", week: "week 40 of 2023" });
    expect(svgTexts(empty.svg).filter((t) => t === "No figures yet")).toHaveLength(2);
    expect(PNG.sync.read(empty.png).width).toBe(1500);
  });
});
