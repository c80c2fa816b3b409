// /kehoach chiso: the indices a plan aims to raise (PAR INDEX, SIPAS, DDCI),
// their criteria, targets and latest measured values.
import type { KnownBlock } from "@slack/types";
import { context, groupedSections, header, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, esc } from "./format.js";
import type { IndicatorsModel, Lang } from "../models/index.js";

type Criterion = IndicatorsModel["indices"][number]["criteria"][number];

const vi = {
  title: "Chỉ số và tiêu chí",
  empty: "Chưa có chỉ số nào. Chỉ số được nạp cùng kế hoạch.",
  noCriteria: "Chưa có tiêu chí.",
  latest: "mới nhất",
  noData: "chưa có số liệu",
  target: "chỉ tiêu",
  more: (n: number) => `… và ${n} tiêu chí khác`,
  legend: "≥ chỉ tiêu: càng cao càng tốt · ≤ chỉ tiêu: càng thấp càng tốt",
  fallback: (n: number) => `${n} chỉ số và các tiêu chí`,
};

const en: typeof vi = {
  title: "Indices and criteria",
  empty: "No indices yet. Indices are loaded with a plan.",
  noCriteria: "No criteria.",
  latest: "latest",
  noData: "no data yet",
  target: "target",
  more: (n) => `… and ${n} more criteria`,
  legend: "≥ target: higher is better · ≤ target: lower is better",
  fallback: (n) => `${n} indices and their criteria`,
};

const STRINGS = { vi, en };

/** 45.5 → "45,5" in Vietnamese, "45.5" in English; "%" sticks to the number. */
function measure(value: number, unit: string | null, lang: Lang): string {
  const n = lang === "vi" ? String(value).replace(".", ",") : String(value);
  if (unit === null || unit === "") return n;
  return unit === "%" ? `${n}%` : `${n} ${esc(unit, 30)}`;
}

function criterionLine(c: Criterion, lang: Lang): string {
  const s = STRINGS[lang];
  const facts = [c.latest ? `${s.latest}: ${measure(c.latest.value, c.measureUnit, lang)} (${esc(c.latest.period, 40)})` : s.noData];
  if (c.target !== null) facts.push(`${s.target}: ${c.higherIsBetter ? "≥" : "≤"} ${measure(c.target, c.measureUnit, lang)}`);
  return `• \`${esc(c.code.replace(/`/g, ""), CAPS.code)}\` ${esc(c.name, CAPS.title)} — ${facts.join(" · ")}`;
}

export function indicatorsMessage(model: IndicatorsModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [header(s.title)];
  if (model.indices.length === 0) {
    blocks.push(section(s.empty));
    return message(s.title, blocks, lang);
  }
  const groups = model.indices.map((index) => ({
    title: `*${esc(index.name || index.code, CAPS.unitName)}* — ${esc(index.fullName, CAPS.title)}`,
    lines: index.criteria.length > 0 ? index.criteria.map((c) => criterionLine(c, lang)) : [s.noCriteria],
  }));
  blocks.push(...groupedSections(groups, { maxChars: 9_000, more: s.more }), context(s.legend));
  return message(s.fallback(model.indices.length), blocks, lang);
}
