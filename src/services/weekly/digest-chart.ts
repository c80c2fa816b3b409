// The digest's chart as a file for Slack: the picture (src/report/
// digest-chart.ts), its name, title and comment. Separate from the digest
// message so that a chart that cannot be drawn never holds the digest up.
import type { DigestModel, Lang } from "../../models/index.js";
import { renderDigestChart } from "../../report/digest-chart.js";

export interface DigestChartFile {
  /** Unique in the digest's thread: the week is in it. */
  name: string;
  title: string;
  comment: string;
  png: Buffer;
}

/** `week` is the week as words ("tuần 40/2023"), from the view that names it in the digest. */
export function digestChartFile(model: DigestModel, lang: Lang, week: string): DigestChartFile {
  const chart = renderDigestChart(model, { lang, week });
  const more = chart.unitsHidden + chart.indicesHidden > 0;
  const comment =
    lang === "vi"
      ? `Biểu đồ tiến độ ${week} theo đơn vị chủ trì và theo chỉ số: tỷ lệ nhiệm vụ đã hoàn thành, tuần này so với tuần trước.${more ? ` Biểu đồ thể hiện ${chart.units.length} đơn vị có tiến độ thấp nhất (còn ${chart.unitsHidden} đơn vị khác) và ${chart.indices.length} chỉ số; số liệu đầy đủ ở Trang chủ dondoc (App Home) và \`/kehoach tongquan\`.` : ""}`
      : `Progress chart, ${week}, by lead unit and by index: share of tasks done, this week against last week.${more ? ` It shows the ${chart.units.length} units furthest behind (${chart.unitsHidden} more) and ${chart.indices.length} indices; all figures in dondoc's App Home and \`/kehoach overview\`.` : ""}`;
  return {
    name: `tien-do-${model.week}.png`,
    title: lang === "vi" ? `Biểu đồ tiến độ ${week}` : `Progress chart, ${week}`,
    comment,
    png: chart.png,
  };
}
