// The leadership digest as plain text, for `dondoc digest preview`: the same
// figures and words as the Slack message (digest.ts), in aligned columns
// (cli-table3, as src/cli/format.ts). A terminal has no block or character
// limit, so every unit, criterion, overdue task and obstacle is listed; only
// long texts are cut so that a row stays on one line.
import { textTable } from "./text-table.js";
import { formatVnDate } from "../domain/day.js";
import { missingReportText, rateWithCounts, STATUS_LABELS } from "../i18n/labels.js";
import { STATUS_ORDER } from "./blocks.js";
import {
  DIGEST_STRINGS,
  change,
  digestSummary,
  criteriaByIndex,
  criterionFacts,
  doneCount,
  hasLastWeek,
  headlineFacts,
  obstaclesWaiting,
  rateChange,
  sumCounts,
  unitsWorstFirst,
} from "./digest.js";
import { truncate } from "./limits.js";
import type { CompletionRates, DigestModel, Lang } from "../models/index.js";
import { weekLabel } from "./weekly.js";

const vi = {
  status: "Trạng thái",
  tasks: "Số nhiệm vụ",
  lastWeek: "Tuần trước",
  change: "Thay đổi",
  index: "Chỉ số",
  total: "Tổng",
  done: "Hoàn thành",
  code: "Mã",
  criterion: "Tiêu chí",
  latest: "Mới nhất",
  target: "Chỉ tiêu",
  verdict: "Đánh giá",
  unit: "Đơn vị",
  leads: "Chủ trì",
  reports: "Báo cáo tuần này",
  task: "Nhiệm vụ",
  due: "Hạn",
  daysOverdue: "Số ngày quá hạn",
  percent: "Tiến độ",
  days: "Số ngày",
  text: "Nội dung",
  none: "Không có.",
};

const en: typeof vi = {
  status: "Status",
  tasks: "Tasks",
  lastWeek: "Last week",
  change: "Change",
  index: "Index",
  total: "Total",
  done: "Done",
  code: "Code",
  criterion: "Criterion",
  latest: "Latest",
  target: "Target",
  verdict: "Verdict",
  unit: "Unit",
  leads: "Leads",
  reports: "Reports this week",
  task: "Task",
  due: "Due",
  daysOverdue: "Days overdue",
  percent: "Progress",
  days: "Days",
  text: "Text",
  none: "None.",
};

const COLUMNS = { vi, en };

const PLAN_MAX = 400;
const LINE_MAX = 100;
const TITLE_MAX = 60;
const CRITERION_MAX = 45;
const NAME_MAX = 50;
const TEXT_MAX = 80;

/** One line of at most `max` characters: rows of a table must not break. */
function cell(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, " ").trim(), max, "plain_text") || "—";
}

/** A long column heading on two lines ("Đang thực hiện\ntrong hạn"), so that number columns stay narrow. */
function stacked(label: string): string {
  const words = label.split(" ");
  if (words.length < 4) return label;
  const half = Math.ceil(words.length / 2);
  return `${words.slice(0, half).join(" ")}\n${words.slice(half).join(" ")}`;
}

/** "VP, KH-TC, …" in lines of at most `width` characters. */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const next = line === "" ? item : `${line}, ${item}`;
    if (line !== "" && next.length + 1 > width) {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function heading(text: string, n?: number): string {
  return n === undefined ? `${text}:` : `${text} (${n}):`;
}

export function digestText(model: DigestModel, lang: Lang): string {
  const out = [
    ...opening(model, lang),
    ...statusTable(model, lang),
    ...indexTable(model, lang),
    ...criteriaTable(model, lang),
    ...unitsTable(model, lang),
    ...overdueTable(model, lang),
    ...obstaclesTable(model, lang),
    ...silentUnits(model, lang),
    "",
    DIGEST_STRINGS[lang].asOf(formatVnDate(model.today)),
  ];
  return `${out.map((line) => line.trimEnd()).join("\n")}\n`;
}

/** The title, the lines one can forward, the addressee, the plans and the headline facts. */
function opening(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const title = s.header(weekLabel(model.week, lang)).toUpperCase();
  return [
    title,
    "=".repeat(Math.min(title.length, 80)),
    ...digestSummary(model, lang),
    "",
    s.to,
    ...model.plans.map((p) => cell(s.plan(p.number, p.title), PLAN_MAX)),
    "",
    ...headlineFacts(model, lang).map((f) => `${f.label}: ${f.value}`),
  ];
}

/** Tasks by status and the two rates, against last week when there is one. */
function statusTable(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const c = COLUMNS[lang];
  const compare = hasLastWeek(model);
  const status = compare ? textTable([c.status, c.tasks, c.lastWeek, c.change], ["left", "right", "right", "right"]) : textTable([c.status, c.tasks], ["left", "right"]);
  const row = (label: string, now: string | number, before: string | number, diff: string) => status.push(compare ? [label, now, before, diff] : [label, now]);
  row(s.total, model.now.total, model.lastWeek.total, change(model.now.total - model.lastWeek.total, lang));
  for (const st of STATUS_ORDER) {
    const n = model.now.counts[st];
    row(STATUS_LABELS[st][lang], n, model.lastWeek.counts[st], change(n - model.lastWeek.counts[st], lang));
  }
  const rates = (r: CompletionRates, pick: "done" | "onTime") =>
    pick === "done" ? rateWithCounts(r.done, r.due, r.doneRate, lang) : rateWithCounts(r.doneOnTime, r.due, r.onTimeRate, lang);
  row(s.doneLabel, rates(model.now.rates, "done"), rates(model.lastWeek.rates, "done"), rateChange(model.now.rates.doneRate, model.lastWeek.rates.doneRate, lang) ?? "—");
  row(s.onTimeLabel, rates(model.now.rates, "onTime"), rates(model.lastWeek.rates, "onTime"), rateChange(model.now.rates.onTimeRate, model.lastWeek.rates.onTimeRate, lang) ?? "—");
  return ["", status.toString(), compare ? s.onTimeNote : `${s.onTimeNote} ${s.firstWeek}`];
}

function indexTable(model: DigestModel, lang: Lang): string[] {
  if (model.byIndex.length === 0) return [];
  const c = COLUMNS[lang];
  const compare = hasLastWeek(model);
  const byIndex = textTable(
    [c.index, c.total, ...STATUS_ORDER.map((st) => stacked(STATUS_LABELS[st][lang])), c.done, c.change],
    ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
  );
  for (const i of model.byIndex) {
    const done = doneCount(i.counts);
    const diff = compare ? change(done - i.lastWeekDone, lang) : "—";
    byIndex.push([cell(i.name || i.code, NAME_MAX), sumCounts(i.counts), ...STATUS_ORDER.map((st) => i.counts[st]), done, diff]);
  }
  return ["", heading(DIGEST_STRINGS[lang].byIndex), byIndex.toString()];
}

function criteriaTable(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const c = COLUMNS[lang];
  const head = ["", heading(s.criteria, model.criteria.length)];
  if (model.criteria.length === 0) return [...head, s.noCriteria];
  const criteria = textTable([c.index, c.code, c.criterion, c.latest, c.change, c.target, c.verdict], ["left", "left", "left", "left", "left", "left", "left"]);
  for (const group of criteriaByIndex(model.criteria)) {
    group.criteria.forEach((cr, i) => {
      const f = criterionFacts(cr, lang);
      const verdict = f.met === null ? "—" : f.met ? s.metPlain : s.notMetPlain;
      const index = i === 0 ? cell(group.index, 20) : "";
      criteria.push([index, cell(cr.code, 30), cell(cr.name, CRITERION_MAX), f.latest ?? s.noData, f.change ?? "—", f.target ?? "—", verdict]);
    });
  }
  return [...head, criteria.toString()];
}

function unitsTable(model: DigestModel, lang: Lang): string[] {
  if (model.byUnit.length === 0) return [];
  const s = DIGEST_STRINGS[lang];
  const c = COLUMNS[lang];
  const units = textTable(
    [c.unit, c.leads, ...(["OVERDUE", "IN_PROGRESS", "NOT_STARTED"] as const).map((st) => stacked(STATUS_LABELS[st][lang])), c.done, stacked(s.doneLabel), stacked(c.reports)],
    ["left", "right", "right", "right", "right", "right", "right", "right"],
  );
  for (const u of unitsWorstFirst(model.byUnit)) {
    const l = u.lead;
    units.push([
      cell(u.unit.code, 30),
      sumCounts(l),
      l.OVERDUE,
      l.IN_PROGRESS,
      l.NOT_STARTED,
      doneCount(l),
      rateWithCounts(u.rates.done, u.rates.due, u.rates.doneRate, lang),
      u.reportsThisWeek,
    ]);
  }
  return ["", heading(s.byUnit, model.byUnit.length), units.toString()];
}

function overdueTable(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const c = COLUMNS[lang];
  const overdueCount = Math.max(model.overdueCount, model.overdue.length);
  const head = ["", heading(s.overdue, overdueCount)];
  if (overdueCount === 0) return [...head, s.noOverdue];
  const overdue = textTable([c.code, c.task, c.leads, c.due, stacked(c.daysOverdue), c.percent], ["left", "left", "left", "left", "right", "right"]);
  for (const t of model.overdue) {
    const due =
      t.missingReport !== null
        ? `${t.dueLabel}, ${missingReportText(t.missingReport, lang)}`
        : t.dueOn === null
          ? t.dueLabel
          : `${t.dueLabel.trim() === "" ? "" : `${t.dueLabel} `}(${formatVnDate(t.dueOn)})`;
    overdue.push([cell(t.code, 30), cell(t.title, TITLE_MAX), cell(t.lead.map((u) => u.code).join(", "), 30), cell(due, 40), t.daysOverdue ?? "—", `${t.percent}%`]);
  }
  return [...head, overdue.toString(), ...(overdueCount > model.overdue.length ? [s.moreTasks(overdueCount - model.overdue.length)] : [])];
}

function obstaclesTable(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const c = COLUMNS[lang];
  const head = ["", heading(s.obstacles, obstaclesWaiting(model))];
  if (model.openObstacles.length === 0) return [...head, s.noObstacles];
  const obstacles = textTable(["#", c.unit, c.task, c.days, c.text], ["right", "left", "left", "right", "left"]);
  for (const o of model.openObstacles) obstacles.push([o.id, cell(o.unit.code, 30), cell(o.task.code, 30), o.days, cell(o.text, TEXT_MAX)]);
  return [...head, obstacles.toString()];
}

function silentUnits(model: DigestModel, lang: Lang): string[] {
  const s = DIGEST_STRINGS[lang];
  const head = ["", heading(s.silent, model.silentUnits.length)];
  if (model.silentUnits.length === 0) return [...head, s.noSilent];
  return [
    ...head,
    ...wrapList(
      model.silentUnits.map((u) => cell(u.code, 30)),
      LINE_MAX,
    ),
  ];
}
