// /kehoach thanhvien: members by unit. Members appear as mentions so Slack
// shows their current names; the list is answered ephemerally (a mention in
// a channel post would notify everyone listed).
import type { KnownBlock } from "@slack/types";
import { MEMBER_ROLE_LABELS } from "../i18n/labels.js";
import { groupedSections, header, message, section, type LineGroup, type SlackMessage } from "./blocks.js";
import { CAPS, esc, mention, unitLabel } from "./format.js";
import type { Lang, MemberListModel } from "../models/index.js";

type Member = MemberListModel["members"][number];

const vi = {
  title: "Thành viên",
  empty: "Chưa có thành viên nào. Văn phòng Sở thêm người bằng `/kehoach thanhvien them @người ĐƠN_VỊ`.",
  noUnit: "*Không thuộc đơn vị nào* — lãnh đạo Sở, quản trị",
  more: (n: number) => `… và ${n} thành viên khác`,
  fallback: (n: number) => `${n} thành viên`,
};

const en: typeof vi = {
  title: "Members",
  empty: "No members yet. The Office adds people with `/kehoach members them @person UNIT`.",
  noUnit: "*In no unit* — leadership, administrators",
  more: (n) => `… and ${n} more members`,
  fallback: (n) => `${n} members`,
};

const STRINGS = { vi, en };

function memberLine(m: Member, lang: Lang): string {
  return `• ${esc(m.name, CAPS.name)} ${mention(m.slackUserId)} — ${MEMBER_ROLE_LABELS[m.role][lang]}`;
}

/** Units in the order they first appear (the caller sorts), members without a unit last. */
function byUnit(members: readonly Member[], lang: Lang): LineGroup[] {
  const groups = new Map<string | null, { title: string; lines: string[] }>();
  for (const m of members) {
    const key = m.unit?.code ?? null;
    let group = groups.get(key);
    if (!group) {
      group = { title: m.unit ? unitLabel(m.unit) : STRINGS[lang].noUnit, lines: [] };
      groups.set(key, group);
    }
    group.lines.push(memberLine(m, lang));
  }
  const noUnit = groups.get(null);
  groups.delete(null);
  return [...groups.values(), ...(noUnit ? [noUnit] : [])].map((g) => ({ title: `${g.title} (${g.lines.length})`, lines: g.lines }));
}

export function membersMessage(model: MemberListModel, lang: Lang): SlackMessage {
  const s = STRINGS[lang];
  const blocks: KnownBlock[] = [header(s.title)];
  if (model.members.length === 0) blocks.push(section(s.empty));
  else blocks.push(...groupedSections(byUnit(model.members, lang), { maxChars: 10_000, more: s.more }));
  return message(s.fallback(model.members.length), blocks, lang);
}
