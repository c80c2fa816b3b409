// Who and where the local workspace has: a Slack user per active member, a
// channel per unit that has one plus the leadership's channel, and the
// "who am I" list grouped as a department reads it (leadership, the Office,
// then each unit), all from the database.
import type { PrismaClient } from "../db/database.js";
import { codeKey } from "../domain/text.js";
import { MEMBER_ROLE_LABELS } from "../i18n/labels.js";
import type { ChannelInput, SeedInput, UserInput } from "../slack-fake/index.js";

export const LEADERSHIP_CHANNEL = "dondoc-lanhdao";

/** A person in Slack whom dondoc does not know, to show what an unregistered user sees. */
export const GUEST = { id: "U0KHACH01", name: "Khách (chưa đăng ký)" } as const;

type Bilingual = { vi: string; en: string };

export interface Person {
  id: string;
  name: string;
  role: Bilingual;
  /** The unit's channel name, where this person usually works. */
  channel?: string;
}

export interface PeopleGroup {
  label: Bilingual;
  people: Person[];
}

export interface ChannelInfo {
  name: string;
  /** "GDNN · Phòng Giáo dục nghề nghiệp", or the leadership's. */
  label: Bilingual;
}

export interface LocalDirectory {
  seed: SeedInput;
  groups: PeopleGroup[];
  /** By channel name. */
  channels: Map<string, ChannelInfo>;
  /** Someone a newcomer can report as: the first staff member of a unit. */
  defaultUserId: string | undefined;
}

const ROLE_ORDER = ["LEADERSHIP", "UNIT_LEAD", "OFFICE", "ADMIN", "STAFF"] as const;
const SLACK_ID = /^[CG][A-Z0-9]{6,}$/;

/** A channel as configured ("#dondoc-gdnn", or an id set with /kehoach kenh) as a channel to seed; ids get `nameForId`. */
function channelInput(stored: string, nameForId: string): ChannelInput {
  const value = stored.trim();
  if (SLACK_ID.test(value)) return { id: value, name: nameForId };
  return { name: value.replace(/^#/, "") };
}

export async function loadDirectory(prisma: PrismaClient, options: { leadershipChannel: string }): Promise<LocalDirectory> {
  const units = await prisma.unit.findMany({ where: { active: true }, orderBy: { id: "asc" } });
  const members = await prisma.member.findMany({ where: { active: true }, include: { unit: true }, orderBy: { id: "asc" } });

  const channels = new Map<string, ChannelInfo>();
  const channelInputs: ChannelInput[] = [];
  const channelOfUnit = new Map<number, string>();
  for (const unit of units) {
    if (!unit.slackChannel) continue;
    const input = channelInput(unit.slackChannel, `dondoc-${codeKey(unit.code)}`);
    channelOfUnit.set(unit.id, input.name);
    if (channels.has(input.name)) continue;
    channels.set(input.name, { name: input.name, label: { vi: `${unit.code} · ${unit.name}`, en: "" } });
    channelInputs.push(input);
  }
  const leadership = channelInput(options.leadershipChannel, LEADERSHIP_CHANNEL);
  if (!channels.has(leadership.name)) {
    channels.set(leadership.name, { name: leadership.name, label: { vi: "Lãnh đạo Sở", en: "Department leadership" } });
    channelInputs.push({ ...leadership, purpose: "Lãnh đạo Sở theo dõi kế hoạch · Leadership follows the plan" });
  }

  const users: UserInput[] = members.map((m) => ({
    id: m.slackUserId,
    name: m.name,
    realName: m.name,
    locale: m.locale === "en" ? "en-US" : "vi-VN",
  }));
  if (!members.some((m) => m.slackUserId === GUEST.id)) users.push({ id: GUEST.id, name: GUEST.name, locale: "vi-VN" });

  const person = (m: (typeof members)[number]): Person => {
    const channel = m.unitId === null ? undefined : channelOfUnit.get(m.unitId);
    return { id: m.slackUserId, name: m.name, role: MEMBER_ROLE_LABELS[m.role], ...(channel ? { channel } : {}) };
  };
  const byRole = (a: (typeof members)[number], b: (typeof members)[number]) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name, "vi");

  const groups: PeopleGroup[] = [];
  const add = (label: Bilingual, list: typeof members) => {
    if (list.length > 0) groups.push({ label, people: [...list].sort(byRole).map(person) });
  };
  add(
    { vi: "Lãnh đạo Sở", en: "Department leadership" },
    members.filter((m) => m.role === "LEADERSHIP"),
  );
  const rest = members.filter((m) => m.role !== "LEADERSHIP");
  const officeFirst = [...units].sort((a, b) => Number(b.kind === "OFFICE") - Number(a.kind === "OFFICE"));
  for (const unit of officeFirst) {
    add(
      { vi: unit.name, en: unit.code },
      rest.filter((m) => m.unitId === unit.id),
    );
  }
  add(
    { vi: "Không thuộc đơn vị", en: "No unit" },
    rest.filter((m) => m.unitId === null || !units.some((u) => u.id === m.unitId)),
  );
  groups.push({
    label: { vi: "Chưa đăng ký với dondoc", en: "Not registered (demo)" },
    people: [{ id: GUEST.id, name: GUEST.name, role: { vi: "Khách", en: "Guest" } }],
  });

  const firstStaff = units.filter((u) => u.kind !== "OFFICE").flatMap((u) => rest.filter((m) => m.unitId === u.id && m.role === "STAFF"))[0];
  return {
    seed: { users, channels: channelInputs },
    groups,
    channels,
    defaultUserId: (firstStaff ?? members[0])?.slackUserId,
  };
}
