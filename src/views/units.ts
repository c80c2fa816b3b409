// /kehoach donvi: the units, their Slack channels and workload.
import type { KnownBlock } from "@slack/types";
import { RATE_LABELS, rateWithCounts, UNIT_KIND_LABELS } from "../i18n/labels.js";
import { context, header, lineSections, message, section, type SlackMessage } from "./blocks.js";
import { CAPS, channel, esc } from "./format.js";
import type { Lang, UnitsModel } from "../models/index.js";

type Unit = UnitsModel["units"][number];

const vi = {
  title: "Đơn vị",
  empty: "Chưa có đơn vị nào. Đề nghị Văn phòng Sở nạp danh sách đơn vị của Sở.",
  channel: "kênh",
  noChannel: "chưa có kênh",
  facts: (leads: number, overdue: number, rate: string, cooperates: number, members: number) =>
    `chủ trì ${leads} (${overdue} quá hạn, tỷ lệ hoàn thành ${rate}) · phối hợp ${cooperates} · ${members} thành viên`,
  more: (n: number) => `… và ${n} đơn vị khác`,
  fallback: (n: number) => `${n} đơn vị`,
};

const en: typeof vi = {
  title: "Units",
  empty: "No units yet. The Office is asked to load the department's units.",
  channel: "channel",
  noChannel: "no channel",
  facts: (leads, overdue, rate, cooperates, members) => `leads ${leads} (${overdue} overdue, completion rate ${rate}) · cooperates on ${cooperates} · ${members} members`,
  more: (n) => `… and ${n} more units`,
  fallback: (n) => `${n} units`,
};

const STRINGS = { vi, en };

function unitLine(u: Unit, lang: Lang): string {
  const s = STRINGS[lang];
  const where = u.channel ? `${s.channel} ${channel(u.channel)}` : s.noChannel;
  const rate = rateWithCounts(u.rates.done, u.rates.due, u.rates.doneRate, lang);
  return `• *${esc(u.code, CAPS.code)}* ${esc(u.name, CAPS.unitName)} (${UNIT_KIND_LABELS[u.kind][lang]}) · ${where} · ${s.facts(u.leads, u.overdue, rate, u.cooperates, u.members)}`;
}

export function unitsMessage(model: UnitsModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [header(s.title)];
  if (model.units.length === 0) blocks.push(section(s.empty));
  else
    blocks.push(
      ...lineSections(
        model.units.map((u) => unitLine(u, lang)),
        { maxChars: 10_000, more: s.more },
      ),
      context(RATE_LABELS.definition[lang]),
    );
  return message(s.fallback(model.units.length), blocks, lang);
}
