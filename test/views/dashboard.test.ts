// The Office's and leadership's App Home (issue 13 item 2, issue 11): the
// acknowledgements and unit reports outstanding, each unit with its
// reminder; and the one-off reminder naming what the unit owes.
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { DashboardModel, RemindableUnit } from "../../src/models/direction.js";
import { checkView } from "../../src/slack-fake/index.js";
import { dashboardView, nudgeMessage } from "../../src/views/dashboard.js";
import { GDNN, LDVL, TODAY, VP } from "./fixtures.js";

const unit = (id: number, u: { code: string; name: string }, over: Partial<RemindableUnit> = {}): RemindableUnit => ({
  unit: { id, ...u },
  reachable: true,
  remindedToday: false,
  ...over,
});

const base: DashboardModel = {
  member: { name: "Lê Thị Văn Phòng", role: "OFFICE" },
  today: TODAY,
  window: { start: "2023-10-02", end: "2023-10-08", key: "2023-W40" },
  overdueUnits: [],
  silentUnits: [],
  obstaclesWaiting: [],
  obstaclesWaitingCount: 0,
  extensionsPending: [],
  acknowledgements: [
    {
      plan: { id: 2, number: "77/KH-SLĐTBXH" },
      acknowledged: [{ unit: GDNN, on: "2023-09-21" }],
      pending: [
        { ...unit(2, LDVL), sentOn: "2023-09-20", reminded: true },
        { ...unit(1, VP, { remindedToday: true }), sentOn: "2023-09-20", reminded: false },
      ],
    },
  ],
  unitReports: [
    {
      plan: { id: 1, number: "1565/KH-SLĐTBXH" },
      window: { key: "2023-Q3", label: "Quý III/2023" },
      unitsDue: "2023-09-11",
      submitted: 1,
      total: 3,
      pending: [
        { ...unit(3, GDNN), state: "DRAFT" },
        { ...unit(2, LDVL, { reachable: false }), state: "NONE" },
      ],
    },
  ],
  canNudge: true,
  canDirect: false,
  canDecide: false,
  overdueTasks: [],
  overdueTaskCount: 0,
};

const texts = (m: DashboardModel, lang: "vi" | "en" = "vi") => JSON.stringify(dashboardView(m, lang).blocks);

describe("the dashboard's acknowledgements and unit reports", () => {
  it("lists who has acknowledged a published plan and who has not, each not yet with the Office's reminder", () => {
    const json = texts(base);
    expect(json).toContain("Đơn vị chưa xác nhận đã nhận kế hoạch* (quán triệt) (2)");
    expect(json).toContain("Kế hoạch số 77/KH-SLĐTBXH: *1/3* đơn vị đã xác nhận — đã xác nhận: GDNN (21/09/2023).");
    expect(json).toContain("*LĐ-VL* Phòng Lao động - Việc làm: chưa xác nhận Kế hoạch số 77/KH-SLĐTBXH (gửi ngày 20/09/2023, đã nhắc xác nhận)");
    const view = dashboardView(base, "vi");
    const buttons = (view.blocks as KnownBlock[]).flatMap((b) => (b.type === "section" && b.accessory?.type === "button" ? [b.accessory] : []));
    // LĐ-VL twice (ack, report: no channel has no button), GDNN once; VP was reminded today.
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ["unit_nudge", "2"],
      ["unit_nudge", "3"],
    ]);
    expect(json).toContain("*VP* Văn phòng Sở: chưa xác nhận Kế hoạch số 77/KH-SLĐTBXH (gửi ngày 20/09/2023) · ✅ đã nhắc hôm nay");
  });

  it("lists the units that have not sent the current window's report, with the deadline and whether it has passed", () => {
    const json = texts(base);
    expect(json).toContain("Đơn vị chưa gửi báo cáo Quý III/2023 về Văn phòng Sở* (2)");
    expect(json).toContain("Kế hoạch số 1565/KH-SLĐTBXH: *1/3* đơn vị đã gửi; hạn gửi chậm nhất ngày 11/09/2023 (đã quá hạn).");
    expect(json).toContain("*GDNN* Phòng Giáo dục nghề nghiệp: đang lập dự thảo, chưa gửi");
    expect(json).toContain("*LĐ-VL* Phòng Lao động - Việc làm: chưa gửi · _đơn vị chưa có kênh_");
    expect(texts(base, "en")).toContain("Plan 1565/KH-SLĐTBXH: *1 of 3* units have sent theirs; due by 11/09/2023 (overdue).");
  });

  it("leadership sees the same lists without the Office's reminder", () => {
    const json = texts({ ...base, canNudge: false, member: { name: "Lãnh đạo", role: "LEADERSHIP" } });
    expect(json).toContain("chưa xác nhận Kế hoạch số 77/KH-SLĐTBXH");
    expect(json).not.toContain("unit_nudge");
  });

  it("shows nothing of either when no plan was published through dondoc and none runs in the window", () => {
    const json = texts({ ...base, acknowledgements: [], unitReports: [] });
    expect(json).not.toContain("quán triệt");
    expect(json).not.toContain("chưa gửi báo cáo");
  });

  it("stays within Slack's limits with many units outstanding in every list", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => unit(100 + i, { code: `U${i}`, name: "Đơn vị ".repeat(15) }));
    const big: DashboardModel = {
      ...base,
      overdueUnits: many(30).map((u) => ({ ...u, overdue: 3, leads: 9 })),
      silentUnits: many(30).map((u) => ({ ...u, overdue: 0, leads: 9 })),
      acknowledgements: [1, 2].map((id) => ({
        plan: { id, number: `${id}/KH-X` },
        acknowledged: [],
        pending: many(30).map((u) => ({ ...u, sentOn: "2023-09-20", reminded: false })),
      })),
      unitReports: [{ ...base.unitReports[0]!, pending: many(30).map((u) => ({ ...u, state: "NONE" as const })) }],
    };
    for (const lang of ["vi", "en"] as const) {
      const view = dashboardView(big, lang);
      expect(checkView(view, "home")).toBeUndefined();
      expect(JSON.stringify(view.blocks)).toContain(lang === "vi" ? "… và 52 mục khác" : "… and 52 more");
    }
  });
});

describe("the Office's one-off reminder", () => {
  const reminder = { text: "Nhắc việc", blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "Nhắc việc tuần" } }] };

  it("names what the unit owes besides progress: a plan to acknowledge, the window's report", () => {
    const m = nudgeMessage(
      reminder,
      {
        sender: "U0VP00002",
        today: TODAY,
        owes: {
          plans: [{ number: "77/KH-SLĐTBXH", sentOn: "2023-09-20" }],
          reports: [{ planNumber: "1565/KH-SLĐTBXH", window: "Quý III/2023", unitsDue: "2023-09-11", state: "NONE" }],
        },
      },
      "vi",
    );
    const json = JSON.stringify(m.blocks);
    expect(json).toContain("Văn phòng Sở nhắc đơn vị* (đồng chí <@U0VP00002> gửi)");
    expect(json).toContain("Chưa xác nhận đã nhận Kế hoạch số 77/KH-SLĐTBXH (gửi ngày 20/09/2023)");
    expect(json).toContain("Chưa gửi báo cáo Quý III/2023 thực hiện Kế hoạch số 1565/KH-SLĐTBXH về Văn phòng Sở (hạn chậm nhất ngày 11/09/2023)");
    expect(json).toContain("Nhắc việc tuần");
  });

  it("is the weekly reminder alone when the unit owes nothing else", () => {
    const m = nudgeMessage(reminder, { sender: "U0VP00002", today: TODAY, owes: { plans: [], reports: [] } }, "vi");
    expect(m.blocks).toHaveLength(2);
  });
});
