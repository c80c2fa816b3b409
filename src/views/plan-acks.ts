// The plan as sent to each unit when it is published (Ban hành), with the
// button a unit acknowledges it with ("quán triệt"); the reminder to a unit
// that has not; and the Office's view of who has acknowledged.
import type { KnownBlock } from "@slack/types";
import { formatVnDate, type Day } from "../domain/day.js";
import { ACTION_IDS } from "./action-ids.js";
import { actions, button, context, type SlackMessage, header, lineSections, message, section } from "./blocks.js";
import { esc } from "./format.js";
import type { Lang } from "../models/index.js";
import type { AckReminderModel, PlanAcksModel, PlanForUnitModel, UnitTaskLine } from "../models/plan-acks.js";

export const ACK_BUTTON: Record<Lang, string> = { vi: "Đã nhận, sẽ tổ chức thực hiện", en: "Received; we will carry it out" };

const ackButton = (planId: number, lang: Lang) =>
  actions([button({ text: ACK_BUTTON[lang], actionId: ACTION_IDS.planAck, value: String(planId), style: "primary" })], `plan_ack:${planId}`);

const line = (t: UnitTaskLine) => `• *${esc(t.code, 40)}* ${esc(t.title, 160)} — _${esc(t.dueLabel, 60)}_`;

/** Posted to a unit's channel when the plan is published: the tasks it leads and cooperates on. */
export function planForUnitMessage(m: PlanForUnitModel, lang: Lang): SlackMessage {
  const vi = lang === "vi";
  const p = m.plan;
  const blocks: KnownBlock[] = [
    header(vi ? `Kế hoạch số ${p.number}` : `Plan ${p.number}`),
    section(
      vi
        ? `Kính gửi: ${esc(m.unit.name, 150)}\nVăn phòng Sở gửi Kế hoạch số ${esc(p.number, 60)} ngày ${formatVnDate(p.issuedOn)} ${esc(p.title, 300)}. Đơn vị chủ trì ${m.lead.length} nhiệm vụ, phối hợp ${m.cooperating.length} nhiệm vụ.`
        : `To: ${esc(m.unit.name, 150)}\nThe Office sends plan ${esc(p.number, 60)} of ${formatVnDate(p.issuedOn)}, ${esc(p.title, 300)}. Your unit leads ${m.lead.length} task(s) and cooperates on ${m.cooperating.length}.`,
    ),
  ];
  const list = (title: string, tasks: UnitTaskLine[]) => {
    if (!tasks.length) return;
    blocks.push(section(`*${title}*`));
    blocks.push(
      ...lineSections(tasks.map(line), { maxChars: 4_000, more: (n) => (vi ? `… và ${n} nhiệm vụ khác (xem: /kehoach viec)` : `… and ${n} more task(s) (see: /kehoach tasks)`) }),
    );
  };
  list(vi ? "Nhiệm vụ chủ trì" : "Tasks the unit leads", m.lead);
  list(vi ? "Nhiệm vụ phối hợp" : "Tasks the unit cooperates on", m.cooperating);
  blocks.push(
    section(
      vi
        ? "Đề nghị đơn vị quán triệt kế hoạch tới cán bộ, công chức, viên chức của đơn vị và xác nhận đã nhận bằng nút dưới đây."
        : "Please brief your unit's staff on the plan and confirm receipt with the button below.",
    ),
    ackButton(p.id, lang),
  );
  return message(
    vi
      ? `Kế hoạch số ${p.number}: đơn vị chủ trì ${m.lead.length}, phối hợp ${m.cooperating.length} nhiệm vụ`
      : `Plan ${p.number}: ${m.lead.length} led, ${m.cooperating.length} cooperating`,
    blocks,
    lang,
  );
}

/** The one reminder to a unit that has not acknowledged after the set working days. */
export function ackReminderMessage(m: AckReminderModel, lang: Lang): SlackMessage {
  const vi = lang === "vi";
  const text = vi
    ? `Kính gửi: ${esc(m.unit.name, 150)}\nKế hoạch số ${esc(m.plan.number, 60)} đã được gửi tới đơn vị ngày ${formatVnDate(m.sentOn)}; sau ${m.days} ngày làm việc, đơn vị chưa xác nhận đã nhận và quán triệt. Đề nghị đơn vị xác nhận bằng nút dưới đây.`
    : `To: ${esc(m.unit.name, 150)}\nPlan ${esc(m.plan.number, 60)} was sent to your unit on ${formatVnDate(m.sentOn)}; after ${m.days} working days your unit has not confirmed receipt. Please confirm with the button below.`;
  return message(vi ? `Nhắc xác nhận Kế hoạch số ${m.plan.number}` : `Reminder: acknowledge plan ${m.plan.number}`, [section(text), ackButton(m.plan.id, lang)], lang);
}

/** Blocks for the Office (App Home or a message): who has acknowledged a plan, who has not. */
export function planAcksBlocks(m: PlanAcksModel, lang: Lang): KnownBlock[] {
  const vi = lang === "vi";
  const total = m.acknowledged.length + m.pending.length;
  const lines = [
    ...m.pending.map((u) =>
      vi
        ? `⏳ *${esc(u.code, 20)}* ${esc(u.name, 100)}: chưa xác nhận (gửi ngày ${formatVnDate(u.sentOn)}${u.reminded ? ", đã nhắc" : ""}${u.hasChannel ? "" : ", đơn vị chưa có kênh"})`
        : `⏳ *${esc(u.code, 20)}* ${esc(u.name, 100)}: not yet (sent ${formatVnDate(u.sentOn)}${u.reminded ? ", reminded" : ""}${u.hasChannel ? "" : ", no channel"})`,
    ),
    ...m.acknowledged.map((u) =>
      vi
        ? `✅ *${esc(u.code, 20)}* ${esc(u.name, 100)}: đã xác nhận ngày ${formatVnDate(u.at)}`
        : `✅ *${esc(u.code, 20)}* ${esc(u.name, 100)}: acknowledged on ${formatVnDate(u.at)}`,
    ),
  ];
  return [
    section(
      vi
        ? `*Quán triệt Kế hoạch số ${esc(m.plan.number, 60)}*: ${m.acknowledged.length}/${total} đơn vị đã xác nhận, ${m.pending.length} đơn vị chưa xác nhận.`
        : `*Acknowledgements of plan ${esc(m.plan.number, 60)}*: ${m.acknowledged.length}/${total} units have acknowledged, ${m.pending.length} have not.`,
    ),
    ...lineSections(lines, { maxChars: 2_800, more: (n) => (vi ? `… và ${n} đơn vị khác` : `… and ${n} more unit(s)`) }),
  ];
}

export function planAcksMessage(m: PlanAcksModel, lang: Lang): SlackMessage {
  return message(lang === "vi" ? `Quán triệt Kế hoạch số ${m.plan.number}` : `Acknowledgements of plan ${m.plan.number}`, planAcksBlocks(m, lang), lang);
}

/** The answer to the unit member who clicked. */
export function ackRecorded(lang: Lang, m: { number: string; unitName: string; at: Day; already: boolean }): SlackMessage {
  const text =
    lang === "vi"
      ? m.already
        ? `${m.unitName} đã xác nhận nhận Kế hoạch số ${m.number} ngày ${formatVnDate(m.at)}; không ghi nhận lại.`
        : `Đã ghi nhận: ${m.unitName} đã nhận Kế hoạch số ${m.number} và sẽ tổ chức thực hiện (ngày ${formatVnDate(m.at)}).`
      : m.already
        ? `${m.unitName} already acknowledged plan ${m.number} on ${formatVnDate(m.at)}; nothing recorded again.`
        : `Recorded: ${m.unitName} has received plan ${m.number} and will carry it out (${formatVnDate(m.at)}).`;
  return message(text, [context(text)], lang);
}
