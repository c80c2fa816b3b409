// The leadership digest's chart: two panels of horizontal bars, progress by
// lead unit and by index (PAR INDEX, SIPAS, DDCI…), this week against last
// week, rendered on the server to an SVG and then to a PNG that Slack shows
// inline under the digest (issue 13, item 5).
//
// Libraries, and why:
// - Apache ECharts (`echarts`), server-side rendering: `init(null, null,
//   { renderer: "svg", ssr: true })` and `renderToSVGString()` need no DOM,
//   no canvas and no native build; it is an Apache project, released often,
//   and its bar charts, legends and labels cover this chart without code of
//   our own for axes or layout.
// - resvg (`@resvg/resvg-js`) rasterises the SVG to PNG: a Rust renderer
//   shipped as a prebuilt Node addon from the npm registry (no system
//   libraries such as Cairo or Pango, unlike node-canvas), deterministic
//   (the same SVG gives the same bytes), and it loads fonts from files we
//   name, never from the system unless asked.
// - The font is DejaVu Sans from the `dejavu-fonts-ttf` package (TTF files,
//   full Vietnamese coverage): loaded explicitly with system fonts turned
//   off, so "Phòng Giáo dục nghề nghiệp" renders with its diacritics on a
//   fresh machine without any font installed, and the same way everywhere.
//
// Pure: model in, SVG text and PNG bytes out. The figures are the digest
// model's, computed by statusSummary (the one counting function); nothing is
// recounted here, only divided for the bar lengths.
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import type { DigestModel, Lang, StatusCounts } from "../models/index.js";

const require = createRequire(import.meta.url);
const FONT_FAMILY = "DejaVu Sans";
/** Regular and bold: ECharts writes titles in bold. Resolved once, read by resvg on each render. */
const FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map((f) => require.resolve(f));

/** At most this many bars per panel, so the picture stays readable whatever the number of units. */
export const CHART_UNITS_SHOWN = 15;
export const CHART_INDICES_SHOWN = 10;
const WIDTH = 1500;
const ROW_HEIGHT = 44;
const LABEL_MAX = 34;

const COLORS = { lastWeek: "#b8c2cc", thisWeek: "#1f6feb" };

const STRINGS = {
  vi: {
    title: (week: string) => `Tiến độ thực hiện kế hoạch, ${week}: tuần này so với tuần trước`,
    subtitle: "Tỷ lệ nhiệm vụ đã hoàn thành trên tổng số nhiệm vụ (%), theo số liệu của dondoc",
    byUnit: "Theo đơn vị chủ trì",
    byUnitSome: (shown: number, all: number) => `Theo đơn vị chủ trì: ${shown} đơn vị có tiến độ thấp nhất trong ${all}`,
    byIndex: "Theo chỉ số",
    byIndexSome: (shown: number, all: number) => `Theo chỉ số: ${shown} trong ${all} chỉ số`,
    lastWeek: "Tuần trước",
    thisWeek: "Tuần này",
    none: "Chưa có số liệu",
  },
  en: {
    title: (week: string) => `Plan progress, ${week}: this week against last week`,
    subtitle: "Share of tasks done (%), from dondoc's figures",
    byUnit: "By lead unit",
    byUnitSome: (shown: number, all: number) => `By lead unit: the ${shown} furthest behind of ${all}`,
    byIndex: "By index",
    byIndexSome: (shown: number, all: number) => `By index: ${shown} of ${all}`,
    lastWeek: "Last week",
    thisWeek: "This week",
    none: "No figures yet",
  },
};

export interface ChartBar {
  label: string;
  done: number;
  total: number;
  lastWeekDone: number;
  lastWeekTotal: number;
}

export interface DigestChart {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
  /** The bars drawn, for the message that goes with the picture and for tests. */
  units: ChartBar[];
  indices: ChartBar[];
  unitsHidden: number;
  indicesHidden: number;
}

const doneOf = (c: StatusCounts) => c.DONE_ON_TIME + c.DONE_LATE;
const totalOf = (c: StatusCounts) => c.NOT_STARTED + c.IN_PROGRESS + c.OVERDUE + c.DONE_ON_TIME + c.DONE_LATE;
const share = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 1000) / 10);

/** "Phòng Giáo dục nghề nghiệp" cut to fit the axis, by characters (graphemes are enough for names). */
function shortLabel(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= LABEL_MAX
    ? chars.join("")
    : `${chars
        .slice(0, LABEL_MAX - 1)
        .join("")
        .trimEnd()}…`;
}

/** The bars of each panel: the units furthest behind first (by share done, then by overdue count), every index in the model's order. */
export function chartBars(model: DigestModel): { units: ChartBar[]; indices: ChartBar[]; unitsHidden: number; indicesHidden: number } {
  const units = model.byUnit
    .map((u) => ({
      bar: {
        label: shortLabel(u.unit.name || u.unit.code),
        done: doneOf(u.lead),
        total: totalOf(u.lead),
        lastWeekDone: doneOf(u.lastWeekLead),
        lastWeekTotal: totalOf(u.lastWeekLead),
      },
      overdue: u.lead.OVERDUE,
      code: u.unit.code,
    }))
    .sort((a, b) => share(a.bar.done, a.bar.total) - share(b.bar.done, b.bar.total) || b.overdue - a.overdue || a.code.localeCompare(b.code))
    .map((u) => u.bar);
  const indices = model.byIndex.map((i) => ({
    label: shortLabel(i.name || i.code),
    done: doneOf(i.counts),
    total: totalOf(i.counts),
    lastWeekDone: i.lastWeekDone,
    lastWeekTotal: i.lastWeekTotal,
  }));
  return {
    units: units.slice(0, CHART_UNITS_SHOWN),
    indices: indices.slice(0, CHART_INDICES_SHOWN),
    unitsHidden: Math.max(0, units.length - CHART_UNITS_SHOWN),
    indicesHidden: Math.max(0, indices.length - CHART_INDICES_SHOWN),
  };
}

function decimal(n: number, lang: Lang): string {
  return lang === "vi" ? String(n).replace(".", ",") : String(n);
}

/** The ECharts option: one grid per panel, side by side, categories top to bottom. */
function chartOption(bars: ReturnType<typeof chartBars>, lang: Lang, week: string): echarts.EChartsCoreOption {
  const s = STRINGS[lang];
  const panels = [
    { bars: bars.units, title: bars.unitsHidden > 0 ? s.byUnitSome(bars.units.length, bars.units.length + bars.unitsHidden) : s.byUnit, left: 290, width: 380, labels: 270 },
    {
      bars: bars.indices,
      title: bars.indicesHidden > 0 ? s.byIndexSome(bars.indices.length, bars.indices.length + bars.indicesHidden) : s.byIndex,
      left: 1040,
      width: 330,
      labels: 210,
    },
  ];
  const label = (lang: Lang) => ({
    show: true,
    position: "right" as const,
    fontSize: 13,
    formatter: (p: { value: number; data: { counts: string } }) => `${decimal(p.value, lang)}% (${p.data.counts})`,
  });
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY },
    title: [
      {
        text: s.title(week),
        subtext: s.subtitle,
        left: 24,
        top: 16,
        textStyle: { fontSize: 22, fontFamily: FONT_FAMILY },
        subtextStyle: { fontSize: 14, fontFamily: FONT_FAMILY },
      },
      ...panels.map((p) => ({ text: p.title, left: p.left - p.labels, top: 92, textStyle: { fontSize: 16, fontFamily: FONT_FAMILY } })),
      ...panels.flatMap((p) =>
        p.bars.length === 0 ? [{ text: s.none, left: p.left, top: 160, textStyle: { fontSize: 14, fontWeight: "normal" as const, color: "#666", fontFamily: FONT_FAMILY } }] : [],
      ),
    ],
    legend: { data: [s.lastWeek, s.thisWeek], right: 24, top: 24, textStyle: { fontSize: 14, fontFamily: FONT_FAMILY } },
    grid: panels.map((p) => ({ left: p.left, width: p.width, top: 130, bottom: 40, containLabel: false })),
    xAxis: panels.map((_, i) => ({ gridIndex: i, type: "value" as const, min: 0, max: 100, interval: 25, axisLabel: { formatter: "{value}%", fontSize: 12 } })),
    yAxis: panels.map((p, i) => ({
      gridIndex: i,
      type: "category" as const,
      inverse: true,
      data: p.bars.map((b) => b.label),
      axisLabel: { fontSize: 13, width: p.labels - 10, overflow: "truncate" as const },
      axisTick: { show: false },
    })),
    series: panels.flatMap((p, i) => [
      {
        name: s.lastWeek,
        type: "bar" as const,
        xAxisIndex: i,
        yAxisIndex: i,
        barGap: "10%",
        itemStyle: { color: COLORS.lastWeek },
        label: label(lang),
        data: p.bars.map((b) => ({ value: share(b.lastWeekDone, b.lastWeekTotal), counts: `${b.lastWeekDone}/${b.lastWeekTotal}` })),
      },
      {
        name: s.thisWeek,
        type: "bar" as const,
        xAxisIndex: i,
        yAxisIndex: i,
        itemStyle: { color: COLORS.thisWeek },
        label: { ...label(lang), fontWeight: "bold" as const },
        data: p.bars.map((b) => ({ value: share(b.done, b.total), counts: `${b.done}/${b.total}` })),
      },
    ]),
  };
}

/**
 * ECharts names its CSS classes with counters that run on across charts
 * ("zr3-cls-8"): renamed in order of first use, so that the same figures
 * give the same SVG (and so the same PNG) in any process, at any time.
 */
function stableClassNames(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-cls-\d+\b/g, (name) => {
    let stable = names.get(name);
    if (stable === undefined) names.set(name, (stable = `c${names.size}`));
    return stable;
  });
}

/** The chart for the digest, as SVG and PNG. Same model and words, same bytes. */
export function renderDigestChart(model: DigestModel, options: { lang: Lang; week: string }): DigestChart {
  const bars = chartBars(model);
  const rows = Math.max(bars.units.length, bars.indices.length, 3);
  const height = 130 + rows * ROW_HEIGHT + 60;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  let svg: string;
  try {
    chart.setOption(chartOption(bars, options.lang, options.week));
    svg = stableClassNames(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
  const png = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY },
    background: "#ffffff",
    fitTo: { mode: "original" },
  })
    .render()
    .asPng();
  return { svg, png, width: WIDTH, height, ...bars };
}
