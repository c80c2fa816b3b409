// Issue 13, step 4: the Office's and leadership's App Home is a dashboard
// across units; the Office reminds a silent unit from it, once per unit per
// day whatever the clicks, audited; `/kehoach viec tatca` lists every unit's
// tasks for the Office and leadership only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../support/databases.js";
import { forgeNext, startDondoc, USERS, type Dondoc } from "../slack/harness.js";

describe.each(backends)("the dashboard on $name", (backend) => {
  let d: Dondoc;
  let vp: string;
  beforeAll(async () => {
    d = await startDondoc(backend, { now: new Date("2023-10-05T03:00:00Z") });
    vp = d.fake.workspace.directory.channel("dondoc-vp")!.id;
  });
  afterAll(async () => d?.close());
  const json = (x: unknown) => JSON.stringify(x);

  it("shows the Office units with overdue tasks and silent units, and reminds a unit once a day", async () => {
    await d.fake.appHomeOpened({ userId: USERS.office });
    await expect.poll(() => json(d.fake.workspace.surfaces.home(USERS.office)), { timeout: 15_000 }).toContain("Bảng điều hành");
    const home = json(d.fake.workspace.surfaces.home(USERS.office));
    expect(home).toContain("Đơn vị chưa báo cáo trong tuần");
    expect(home).toContain("unit_nudge");
    // The units' reports for the current window (Q3/2023 on 05/10/2023), as `/kehoach tinhhinhbaocao` counts them.
    expect(home).toContain("Đơn vị chưa gửi báo cáo Quý III/2023 về Văn phòng Sở");
    expect(home).toContain("*0/5* đơn vị đã gửi");
    const gdnn = await d.db.prisma.unit.findFirstOrThrow({ where: { code: "GDNN" } });
    const channel = d.fake.workspace.directory.channel(gdnn.slackChannel!)!.id;
    const view = d.fake.workspace.surfaces.home(USERS.office)!;
    // A double click: one reminder.
    await d.fake.blockAction({ userId: USERS.office, actionId: "unit_nudge", viewId: view.id, value: String(gdnn.id) }).catch(() => undefined);
    await d.fake.blockAction({ userId: USERS.office, actionId: "unit_nudge", viewId: view.id, value: String(gdnn.id) }).catch(() => undefined);
    await expect.poll(() => d.fake.workspace.conversations.messages(channel).filter((m) => json(m).includes("Văn phòng Sở nhắc đơn vị")).length, { timeout: 20_000 }).toBe(1);
    await d.runtime.idle();
    // The reminder names what the unit owes besides progress: its report for the window.
    expect(json(d.fake.workspace.conversations.messages(channel).find((m) => json(m).includes("Văn phòng Sở nhắc đơn vị")))).toContain("Chưa gửi báo cáo Quý III/2023");
    expect(d.fake.workspace.conversations.messages(channel).filter((m) => json(m).includes("Văn phòng Sở nhắc đơn vị"))).toHaveLength(1);
    expect(await d.db.prisma.auditEntry.count({ where: { action: "unit.nudge", entityId: String(gdnn.id) } })).toBe(1);
    await expect.poll(() => json(d.fake.workspace.surfaces.home(USERS.office)), { timeout: 15_000 }).toContain("đã nhắc hôm nay");
  }, 60_000);

  it("refuses a reminder from anyone but the Office, even with a forged button value", async () => {
    const khtc = await d.db.prisma.unit.findFirstOrThrow({ where: { code: "KH-TC" } });
    // Staff and a unit lead, from a button of their own App Home; leadership sees the dashboard without the button.
    for (const user of [USERS.gdnnStaff, USERS.ldvlLead]) {
      await d.fake.appHomeOpened({ userId: user });
      await expect.poll(() => d.fake.workspace.surfaces.home(user), { timeout: 15_000 }).toBeTruthy();
      const view = d.fake.workspace.surfaces.home(user)!;
      const button = JSON.stringify(view).match(/"action_id":"([a-z_]+)"/);
      expect(button, user).not.toBeNull();
      // A button of their own App Home, turned into "Nhắc đơn vị" for KH-TC.
      forgeNext(d, (payload) => {
        payload.actions[0].action_id = "unit_nudge";
        payload.actions[0].value = String(khtc.id);
      });
      const r = await d.fake.blockAction({ userId: user, actionId: button![1]!, viewId: view.id });
      expect(r.status).toBe(200);
      await expect
        .poll(
          () =>
            json(d.fake.workspace.conversations.ephemerals({ userId: user })) +
            json(d.fake.workspace.conversations.messages(d.fake.workspace.directory.imChannel(user, "U0DONDOCBOT").id)),
          { timeout: 15_000 },
        )
        .toContain("không có quyền");
    }
    await d.fake.appHomeOpened({ userId: USERS.leadership });
    await expect.poll(() => json(d.fake.workspace.surfaces.home(USERS.leadership)), { timeout: 15_000 }).toContain("Bảng điều hành");
    expect(json(d.fake.workspace.surfaces.home(USERS.leadership))).not.toContain("unit_nudge");
    await d.runtime.idle();
    expect(await d.db.prisma.delivery.count({ where: { job: "nudge", unitId: khtc.id } })).toBe(0);
    expect(await d.db.prisma.auditEntry.count({ where: { action: "unit.nudge", entityId: String(khtc.id) } })).toBe(0);
  }, 60_000);

  it("lists every unit's overdue tasks for the Office, and refuses staff", async () => {
    await d.fake.slashCommand({ userId: USERS.office, channelId: vp, command: "/kehoach", text: "viec tatca quahan" });
    await expect.poll(() => json(d.fake.workspace.conversations.ephemerals({ userId: USERS.office })), { timeout: 15_000 }).toContain("Toàn Sở");
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: vp, command: "/kehoach", text: "viec tatca" });
    await expect.poll(() => json(d.fake.workspace.conversations.ephemerals({ userId: USERS.gdnnStaff })), { timeout: 15_000 }).toContain("không có quyền xem nhiệm vụ của tất cả");
  }, 60_000);
});
