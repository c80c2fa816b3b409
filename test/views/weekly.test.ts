// The weekly messages: Monday's reminder, Friday's unit summary, the
// leadership digest and the report-deadline reminder. Their golden files and
// the fixed limit checks run with every other surface (surfaces.ts); here,
// what each must say, and sweeps over model sizes checked with the fake
// Slack's Block Kit validation.
import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { blocksTextLength, checkMessageBlocks } from "../../src/slack-fake/index.js";
import { ACTION_IDS } from "../../src/views/action-ids.js";
import type { SlackMessage } from "../../src/views/blocks.js";
import { change, criterionFacts, decimal, digestMessage, digestSummary, rateChange } from "../../src/views/digest.js";
import { BLOCK_KIT_LIMITS, MESSAGE_BLOCKS_TEXT_BUDGET } from "../../src/views/limits.js";
import type { DigestModel, Lang, UnitReminderModel, UnitSummaryModel } from "../../src/models/index.js";
import { reminderMessage } from "../../src/views/reminder.js";
import { weekLabel } from "../../src/views/weekly.js";
import { reportDeadlineMessage, reportPeriodName } from "../../src/views/report-deadline.js";
import { percentChange, unitSummaryMessage } from "../../src/views/unit-summary.js";
import { LONG, TASKS, manyTasks } from "./fixtures.js";
import * as w from "./weekly-fixtures.js";

const LANGS: Lang[] = ["vi", "en"];

/** Every text of a message's blocks, in order, one string per block. */
function texts(m: SlackMessage): string[] {
  return m.blocks.map((b) => {
    const parts: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === "object" && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          if (k === "text" && typeof x === "string") parts.push(x);
          else walk(x);
        }
      }
    };
    walk(b);
    return parts.join("\n");
  });
}

const all = (m: SlackMessage) => texts(m).join("\n");

type Button = { action_id: string; value: string; text: { text: string } };

/** Buttons wherever they sit: in actions blocks or as a section's accessory. */
function buttons(m: SlackMessage): Button[] {
  return m.blocks.flatMap((b) => {
    if (b.type === "actions") return b.elements.filter((e) => e.type === "button") as unknown as Button[];
    if (b.type === "section" && b.accessory?.type === "button") return [b.accessory as unknown as Button];
    return [];
  });
}

/** The checks Slack applies, and the views' own budgets. */
function expectAccepted(m: SlackMessage): void {
  expect(checkMessageBlocks(m.blocks)).toBeUndefined();
  expect(m.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.messageBlocks);
  expect(blocksTextLength(m.blocks)).toBeLessThanOrEqual(MESSAGE_BLOCKS_TEXT_BUDGET);
  expect(m.text.length).toBeGreaterThan(0);
  expect(JSON.stringify(m)).not.toMatch(/Nội dung quá dài nên đã được rút gọn|too long to show in full/);
  for (const block of m.blocks as KnownBlock[]) {
    if (block.type !== "actions") continue;
    const ids = block.elements.map((e) => ("action_id" in e ? e.action_id : undefined));
    expect(new Set(ids).size).toBe(ids.length);
  }
}

describe("weekLabel", () => {
  it("reads an ISO week the way each language says it", () => {
    expect(weekLabel("2023-W38", "vi")).toBe("tuần 38/2023");
    expect(weekLabel("2023-W05", "en")).toBe("week 5 of 2023");
    expect(weekLabel("tuần đặc biệt", "vi")).toBe("tuần đặc biệt");
  });
});

describe("reminderMessage", () => {
  const vi = reminderMessage(w.reminder, "vi");

  it("greets the unit's leads by mention, in the message and in the notification", () => {
    expect(texts(vi)[1]).toMatch(/^Kính gửi: \*LĐ-VL\* Phòng Lao động - Việc làm \(đồng chí <@U0LDVL0001>, <@U0LDVL0003>\)\./);
    expect(vi.text).toMatch(/^<@U0LDVL0001>, <@U0LDVL0003> LĐ-VL, tuần 40\/2023: 1 nhiệm vụ chủ trì quá hạn/);
    expect(vi.text).toMatch(/Phối hợp: 16 nhiệm vụ quá hạn\.$/);
    expect(texts(vi)[0]).toBe("Nhắc việc tuần 40/2023 · LĐ-VL");
  });

  it("lists what the unit leads first (overdue, due within 14 days, no report for 7 days), then the tasks it cooperates on, then obstacles", () => {
    const model: UnitReminderModel = { ...w.reminder, overdue: [TASKS.ddciList, TASKS.surveyList], dueSoon: [TASKS.insurance], counts: { overdue: 2, dueSoon: 1, stale: 2 } };
    const body = all(reminderMessage(model, "vi"));
    const at = (s: string) => body.indexOf(s);
    expect(at("🔴 *Nhiệm vụ chủ trì quá hạn* (2)")).toBeGreaterThan(0);
    expect(at("🟡 *Nhiệm vụ chủ trì đến hạn trong 14 ngày* (1)")).toBeGreaterThan(at("🔴 *Nhiệm vụ chủ trì quá hạn* (2)"));
    expect(at("⏳ *Nhiệm vụ chủ trì chưa báo cáo trong 7 ngày* (2)")).toBeGreaterThan(at("🟡 *Nhiệm vụ chủ trì"));
    expect(at("🤝 *Nhiệm vụ phối hợp*")).toBeGreaterThan(at("⏳"));
    expect(at("⚠️ *Khó khăn, vướng mắc chưa giải quyết* (2)")).toBeGreaterThan(at("🤝"));
    // Worst first, as the model sends them.
    expect(at("*II.2.c.2*")).toBeLessThan(at("*II.2.a.2.3*"));
  });

  it("summarises the tasks the unit only cooperates on in one count line, listing only those with its own open obstacle", () => {
    const body = all(vi);
    expect(body).toContain("🤝 *Nhiệm vụ phối hợp* (do đơn vị khác chủ trì, đơn vị chủ trì báo cáo): 16 nhiệm vụ quá hạn, 1 nhiệm vụ đến hạn trong 14 ngày.");
    expect(body).toContain("Nhiệm vụ phối hợp đơn vị còn khó khăn, vướng mắc chưa giải quyết:");
    // 16 overdue cooperating tasks, one task shown: the one with the unit's obstacle.
    expect(texts(vi).filter((t) => t.includes("_Phối hợp_"))).toEqual([
      "🟡 *II.2.a.4.4* Kiểm tra thực hiện thư xin lỗi đối với hồ sơ trễ hạn\n_Phối hợp_ · Hạn: trước ngày 15/10/2023 · còn 13 ngày · 20%\nBáo cáo",
    ]);
    const none = reminderMessage({ ...w.reminder, cooperating: { overdue: 0, dueSoon: 0, withObstacle: [] } }, "vi");
    expect(all(none)).not.toContain("Nhiệm vụ phối hợp");
    expect(none.text).not.toContain("Phối hợp");
  });

  it("shows code, title, due, days and percent, with *Chủ trì* in bold and _Phối hợp_ in italics", () => {
    const lines = texts(vi);
    expect(lines).toContain("🔴 *II.2.c.2* Cung cấp danh sách doanh nghiệp cho khảo sát DDCI\n*Chủ trì* · Hạn: Quý III/2023 (30/09/2023) · quá hạn 2 ngày · 40%\nBáo cáo");
    expect(lines).toContain("🟡 *II.2.a.4.4* Kiểm tra thực hiện thư xin lỗi đối với hồ sơ trễ hạn\n_Phối hợp_ · Hạn: trước ngày 15/10/2023 · còn 13 ngày · 20%\nBáo cáo");
    expect(all(vi)).toContain("*Chủ trì* · Hạn: Thường xuyên · 0% · chưa có báo cáo nào");
    expect(all(reminderMessage(w.reminder, "en"))).toContain("_Cooperating_ · Due: trước ngày 15/10/2023 · 13 days left · 20%");
  });

  it("puts a Báo cáo button on every task shown, valued with the task's id", () => {
    const b = buttons(vi);
    expect(b.map((x) => [x.action_id, x.value, x.text.text])).toEqual([31, 24, 47, 19].map((id) => [ACTION_IDS.reportOpen, String(id), "Báo cáo"]));
  });

  it("escapes what people typed in obstacles", () => {
    expect(all(vi)).toContain("doanh nghiệp &lt;50 lao động");
    expect(all(vi)).toContain("— từ 25/09/2023 (7 ngày):");
  });

  it("counts the tasks it does not show, from the model's counts", () => {
    const model: UnitReminderModel = {
      ...w.reminder,
      overdue: manyTasks(10, 50),
      dueSoon: [],
      stale: [],
      openObstacles: [],
      counts: { overdue: 37, dueSoon: 0, stale: 0 },
      cooperating: { overdue: 0, dueSoon: 0, withObstacle: [] },
    };
    const m = reminderMessage(model, "vi");
    expect(all(m)).toContain("🔴 *Nhiệm vụ chủ trì quá hạn* (37)");
    expect(buttons(m)).toHaveLength(8);
    expect(all(m)).toContain("… và 29 nhiệm vụ khác — xem đủ bằng `/kehoach viec quahan`.");
    expect(all(reminderMessage(model, "en"))).toContain("… and 29 more tasks — see them all with `/kehoach tasks quahan`.");
  });

  it("has a short, sober message when the unit leads nothing to chase, with the count of the tasks it cooperates on", () => {
    const m = reminderMessage(w.reminderAllClear, "vi");
    expect(m.blocks).toHaveLength(4);
    expect(all(m)).toContain("đã báo cáo đủ các nhiệm vụ chủ trì.");
    expect(all(m)).toContain("🤝 *Nhiệm vụ phối hợp* (do đơn vị khác chủ trì, đơn vị chủ trì báo cáo): 3 nhiệm vụ quá hạn");
    expect(buttons(m)).toEqual([]);
    expect(m.text).toBe("<@U0KHTC0001> KH-TC, tuần 40/2023: không có nhiệm vụ chủ trì cần đôn đốc. Phối hợp: 3 nhiệm vụ quá hạn.");
    const quiet = reminderMessage({ ...w.reminderAllClear, cooperating: { overdue: 0, dueSoon: 0, withObstacle: [] } }, "vi");
    expect(quiet.blocks).toHaveLength(3);
  });

  it("greets the whole unit when it has no lead, and never turns a malformed id into markup", () => {
    expect(texts(reminderMessage({ ...w.reminder, unitLeads: [] }, "vi"))[1]).toMatch(/^Kính gửi: \*LĐ-VL\* Phòng Lao động - Việc làm\.\n/);
    expect(all(reminderMessage({ ...w.reminder, unitLeads: ["<!channel>"] }, "vi"))).toContain("`&lt;!channel&gt;`");
  });

  it.each(LANGS)("stays within Slack's limits whatever the sizes (%s)", (lang) => {
    for (const n of [0, 1, 7, 8, 9, 50, 500]) {
      const tasks = manyTasks(Math.min(n, 200), n % 2 === 0 ? 5_000 : 40);
      const model: UnitReminderModel = {
        ...w.oversizedWeekly.reminder,
        unitLeads: Array.from({ length: n }, (_, i) => `U${String(i).padStart(9, "0")}`),
        overdue: tasks,
        dueSoon: tasks,
        stale: tasks,
        counts: { overdue: n, dueSoon: n, stale: n },
        openObstacles: w.oversizedWeekly.reminder.openObstacles.slice(0, n),
      };
      expectAccepted(reminderMessage(model, lang));
    }
  });
});

describe("unitSummaryMessage", () => {
  const vi = unitSummaryMessage(w.unitSummary, "vi");

  it("shows each report with who sent it and the change in percent", () => {
    const body = all(vi);
    expect(body).toContain("• *II.2.c.2* Cung cấp danh sách doanh nghiệp cho khảo sát DDCI (*Chủ trì*) — <@U0LDVL0001> · 40% → 60% · 03/10");
    expect(body).toContain("(_Phối hợp_) — <@U0LDVL0002> · mới: 100% ✅ hoàn thành · 04/10");
    expect(body).toContain("— Trần Thị Bình · 60% (không đổi) · 05/10");
  });

  it("words a change in percent", () => {
    expect(percentChange({ percent: 60, previousPercent: 40, done: false }, "vi")).toBe("40% → 60%");
    expect(percentChange({ percent: 60, previousPercent: null, done: false }, "vi")).toBe("mới: 60%");
    expect(percentChange({ percent: 100, previousPercent: 80, done: true }, "vi")).toBe("80% → 100% ✅ hoàn thành");
    expect(percentChange({ percent: 60, previousPercent: null, done: false }, "en")).toBe("new: 60%");
    expect(percentChange({ percent: 50, previousPercent: 50, done: false }, "en")).toBe("50% (unchanged)");
  });

  it("shows what was done this week and what is now overdue, with the counts", () => {
    const body = all(vi);
    expect(body).toContain("📝 *Báo cáo trong tuần*\n3");
    expect(body).toContain("✅ *Hoàn thành trong tuần* (1)");
    expect(body).toContain("_Phối hợp_ · 🟠 Hoàn thành quá hạn · Hạn: Quý III/2023 (30/09/2023)");
    expect(body).toContain("🔴 *Nhiệm vụ đang quá hạn* (1)");
    expect(body).toContain("*Chủ trì* · Hạn: Quý III/2023 (30/09/2023) · quá hạn 6 ngày · 60%");
    expect(vi.text).toBe("LĐ-VL, tuần 40/2023: 3 báo cáo, 1 nhiệm vụ hoàn thành, 1 đang quá hạn.");
  });

  it("is friendly when nothing was reported, and offers the report button", () => {
    const m = unitSummaryMessage(w.unitSummaryQuiet, "vi");
    expect(all(m)).toContain("Tuần này đơn vị chưa gửi báo cáo nào.");
    expect(all(m)).toContain("Đơn vị không có nhiệm vụ nào quá hạn.");
    expect(buttons(m).map((b) => [b.action_id, b.value])).toEqual([[ACTION_IDS.reportOpen, ""]]);
    expect(all(unitSummaryMessage(w.unitSummaryQuiet, "en"))).toContain("The unit has not sent any report this week.");
  });

  it("counts reports and overdue tasks the caller did not send", () => {
    const model: UnitSummaryModel = { ...w.unitSummary, reportCount: 10, overdueCount: 4 };
    const body = all(unitSummaryMessage(model, "vi"));
    expect(body).toContain("📝 *Báo cáo đơn vị đã gửi tuần này* (10)");
    expect(body).toContain("… và 7 báo cáo khác");
    expect(body).toContain("… và 3 nhiệm vụ khác");
  });

  it.each(LANGS)("stays within Slack's limits whatever the sizes (%s)", (lang) => {
    const big = w.oversizedWeekly.unitSummary;
    for (const n of [0, 1, 10, 100, 1_000]) {
      const model: UnitSummaryModel = {
        ...big,
        reports: big.reports.slice(0, n),
        reportCount: n,
        doneThisWeek: big.doneThisWeek.slice(0, n),
        overdue: big.overdue.slice(0, n),
        overdueCount: n * 2,
      };
      expectAccepted(unitSummaryMessage(model, lang));
    }
  });
});

const SUMMARY_VI = [
  "Kế hoạch 1565/KH-SLĐTBXH, tuần 40/2023: đã hoàn thành 9/42 nhiệm vụ (21,4%), tỷ lệ hoàn thành so với nhiệm vụ đến hạn 75% (9/12), ▲ 11,4 điểm so với tuần trước.",
  "Có 3 nhiệm vụ quá hạn (▼ 1 so với tuần trước); 2 khó khăn, vướng mắc chờ Lãnh đạo Sở cho ý kiến chỉ đạo; 2 đơn vị chưa báo cáo trong tuần.",
].join("\n");

describe("digestMessage", () => {
  const vi = digestMessage(w.digest, "vi");
  const en = digestMessage(w.digest, "en");

  it("opens with a two-line summary a director can forward as is, also the notification's text", () => {
    expect(texts(vi)[1]).toBe(SUMMARY_VI);
    expect(digestSummary(w.digest, "vi").join("\n")).toBe(SUMMARY_VI);
    expect(digestSummary(w.digest, "en")).toEqual([
      "Plan 1565/KH-SLĐTBXH, week 40 of 2023: 9/42 tasks done (21.4%), completion rate against tasks due 75% (9/12), ▲ 11.4 pts vs last week.",
      "3 tasks overdue (▼ 1 vs last week); 2 obstacles waiting for the leadership's direction; 2 units did not report this week.",
    ]);
    expect(en.text).toBe(digestSummary(w.digest, "en").join("\n"));
  });

  it("counts every obstacle waiting in the summary, not only the oldest listed", () => {
    const m = digestMessage({ ...w.digest, openObstaclesCount: 37 }, "vi");
    expect(m.text).toContain("37 khó khăn, vướng mắc chờ Lãnh đạo Sở cho ý kiến chỉ đạo");
    expect(all(m)).toContain("… và 35 vướng mắc khác");
  });

  it("stays within the same bounds with 5 or 500 units, and says where the rest is", () => {
    const sizes = [5, 500].map((n) => {
      const units = Array.from({ length: n }, (_, i) => ({ ...w.digest.byUnit[i % 5]!, unit: { code: `ĐV-${i}`, name: `Phòng số ${i}` } }));
      const m = digestMessage({ ...w.digest, byUnit: units, silentUnits: units.map((u) => u.unit) }, "vi");
      expectAccepted(m);
      expect(m.text.split("\n")).toHaveLength(2);
      return { blocks: m.blocks.length, chars: blocksTextLength(m.blocks), body: all(m) };
    });
    expect(sizes[1]!.blocks).toBe(sizes[0]!.blocks);
    expect(sizes[1]!.chars).toBeLessThanOrEqual(MESSAGE_BLOCKS_TEXT_BUDGET);
    expect(sizes[0]!.body).not.toContain("đơn vị khác — xem đủ");
    expect(sizes[1]!.body).toMatch(/… và \d+ đơn vị khác — xem đủ ở Trang chủ dondoc \(App Home\)/);
  });

  it("says the essentials first: progress, completion rates against what is due, the plan's objective, the change since last week", () => {
    expect(texts(vi)[0]).toBe("Tổng hợp tình hình thực hiện kế hoạch, tuần 40/2023");
    // 9 done of 12 due (9 done + 3 overdue), 7 of them on time; a week earlier 7 of 11.
    expect(texts(vi)[3]).toBe(
      [
        "*Tiến độ chung*: 9/42 nhiệm vụ đã hoàn thành (21,4%), ▲ 2 so với tuần trước · 3 quá hạn (▼ 1)",
        "*Tỷ lệ hoàn thành*: 75% (9/12) · đúng hạn 58,3% (7/12) (▲ 11,4 điểm so với tuần trước)",
        "*Mục tiêu của kế hoạch*: Phấn đấu hoàn thành 100% nhiệm vụ UBND tỉnh giao cho Sở Lao động – Thương binh và Xã hội thực hiện Chỉ số PAR INDEX, SIPAS, DDCI của tỉnh: chỉ tiêu 100%, hiện đạt 75% (9/12)",
        "*Tuần này*: 9 báo cáo từ các đơn vị · 2 đơn vị chưa báo cáo · 2 vướng mắc chưa giải quyết",
      ].join("\n"),
    );
    expect(texts(en)[3]).toContain("*Completion rate*: 75% (9/12) · on time 58.3% (7/12) (▲ 11.4 pts vs last week)");
    expect(vi.text).toBe(SUMMARY_VI);
  });

  it("counts the five government statuses, each with its change", () => {
    const counts = texts(vi)[4]!;
    for (const line of [
      "🔴 *Quá hạn*\n3 (▼ 1)",
      "🟡 *Đang thực hiện trong hạn*\n24 (▲ 1)",
      "⚪ *Chưa thực hiện*\n6 (▼ 2)",
      "✅ *Hoàn thành đúng hạn*\n7 (▲ 2)",
      "🟠 *Hoàn thành quá hạn*\n2 (không đổi)",
    ]) {
      expect(counts).toContain(line);
    }
  });

  it("shows progress per index and criteria against their targets", () => {
    const body = all(vi);
    expect(body).toContain("*PAR INDEX*\n4/16 hoàn thành (▲ 1)\n🔴 1 · 🟡 9 · ⚪ 2 · ✅ 3 · 🟠 1");
    expect(body).toContain("`DDCI.DTLD.10` Giáo dục dạy nghề tại tỉnh có chất lượng tốt — mới nhất 71% (2022) · ▼ 3,5 so với 2021 (kém đi) · chỉ tiêu ≥ 80%: ⚠️ chưa đạt");
    expect(body).toContain("`DDCI.DTLD.04` Tỷ lệ chi phí tuyển dụng lao động trong tổng chi phí kinh doanh — chưa có số liệu · chỉ tiêu ≤ 5%");
    expect(body).toContain("mới nhất 91,2% (2022) · ▲ 1,5 so với 2021 (tốt lên) · chỉ tiêu ≥ 90%: ✅ đạt");
  });

  it("judges a lower-is-better criterion the right way round", () => {
    const c = {
      index: "DDCI",
      code: "X",
      name: "Chi phí",
      measureUnit: "%",
      target: 5,
      higherIsBetter: false,
      latest: { period: "2023", value: 4 },
      previous: { period: "2022", value: 6 },
    };
    expect(criterionFacts(c, "vi")).toEqual({ latest: "4% (2023)", change: "▼ 2 so với 2022 (tốt lên)", target: "≤ 5%", met: true });
  });

  it("lists units with the most overdue first, then the overdue tasks longest first", () => {
    const model: DigestModel = {
      ...w.digest,
      byUnit: [w.digest.byUnit[3]!, { ...w.digest.byUnit[1]!, lead: { ...w.digest.byUnit[1]!.lead, OVERDUE: 4 } }, w.digest.byUnit[0]!],
    };
    const units = texts(digestMessage(model, "vi")).find((t) => t.startsWith("• *LĐ-VL*"))!;
    expect(units.split("\n").map((l) => l.split("*")[1])).toEqual(["LĐ-VL", "VP", "TTDVVL"]);
    const body = all(vi);
    expect(body).toContain("• *II.2.c.3.1* Tiêu chí: thủ tục miễn, giảm chi phí đào tạo nghề cho người lao động — *GDNN* · quá hạn 98 ngày · hạn Quý II/2023 (30/06/2023) · 30%");
    expect(body.indexOf("*II.2.c.3.1*")).toBeLessThan(body.indexOf("*II.2.c.2* Cung"));
  });

  it("names open obstacles with their age and the units that did not report", () => {
    const body = all(vi);
    expect(body).toContain("• #9 *GDNN* · *II.2.c.3.1* (32 ngày): Chưa có kinh phí");
    expect(body).toContain("🔕 *Đơn vị chưa báo cáo tuần này* (2): *TTDVVL*, *KH-TC*");
    expect(texts(vi).at(-1)).toContain("Số liệu tính đến ngày 06/10/2023");
  });

  it("compares nothing on a plan's first week", () => {
    const m = digestMessage(w.digestFirstWeek, "vi");
    expect(texts(m)[3]).toContain("*Tiến độ chung*: 0/42 nhiệm vụ đã hoàn thành (0%) · 0 quá hạn\n");
    expect(texts(m)[3]).toContain("*Tỷ lệ hoàn thành*: chưa tính được (chưa có nhiệm vụ nào đến hạn)");
    expect(all(m)).not.toMatch(/[▲▼]\s\d/);
    expect(all(m)).toContain("Đây là bản tổng hợp đầu tiên");
  });

  it("caps every list and says how many it left out, with 1,000 units and 500 overdue tasks", () => {
    const m = digestMessage(w.oversizedWeekly.digest, "vi");
    expectAccepted(m);
    const body = all(m);
    expect(body).toMatch(/… và \d+ đơn vị khác — xem đủ ở Trang chủ dondoc \(App Home\) hoặc bằng `\/kehoach tongquan`/);
    expect(body).toMatch(/… và \d+ nhiệm vụ quá hạn khác/);
    expect(body).toMatch(/… và \d+ tiêu chí khác/);
    expect(body).toMatch(/… và \d+ vướng mắc khác/);
    expect(body).toMatch(/\*Đơn vị chưa báo cáo tuần này\* \(1000\): .* và \d+ đơn vị khác/);
    expect(body).toContain("… và 191 chỉ số khác");
    // 20,000 overdue in all: what is shown and what is counted add up.
    const shown = (body.match(/^• \*II\.2\.c\./gm) ?? []).length;
    expect(body).toContain(`… và ${20_000 - shown} nhiệm vụ quá hạn khác`);
  });

  it.each(LANGS)("stays within Slack's limits whatever the sizes (%s)", (lang) => {
    const big = w.oversizedWeekly.digest;
    for (const n of [0, 1, 3, 10, 100, 1_000]) {
      const model: DigestModel = {
        ...big,
        plans: big.plans.slice(0, n),
        byIndex: big.byIndex.slice(0, n),
        criteria: big.criteria.slice(0, n),
        byUnit: big.byUnit.slice(0, n),
        overdue: big.overdue.slice(0, n),
        overdueCount: n,
        openObstacles: big.openObstacles.slice(0, n),
        silentUnits: big.silentUnits.slice(0, n),
      };
      expectAccepted(digestMessage(model, lang));
    }
  });
});

describe("digest figures", () => {
  it("shows changes with arrows and numbers", () => {
    expect(change(2, "vi")).toBe("▲ 2");
    expect(change(-1, "en")).toBe("▼ 1");
    expect(change(0, "vi")).toBe("không đổi");
    expect(change(-3.5, "vi")).toBe("▼ 3,5");
    expect(rateChange(7 / 9, 5 / 7, "vi")).toBe("▲ 6,3 điểm");
    expect(rateChange(0.5, 0.6, "en")).toBe("▼ 10 pts");
    expect(rateChange(null, 0.6, "vi")).toBeNull();
    expect(decimal(82.345, "vi")).toBe("82,35");
  });
});

describe("reportDeadlineMessage", () => {
  it("names the report the way the guidance does", () => {
    expect(reportPeriodName(w.reportDeadlineQuarter.period, "vi")).toBe("Báo cáo quý III/2023");
    expect(reportPeriodName(w.reportDeadlineHalfYear.period, "vi")).toBe("Báo cáo quý II và 6 tháng đầu năm 2023");
    expect(reportPeriodName(w.reportDeadlineYear.period, "vi")).toBe("Báo cáo năm 2023 (quý IV)");
    expect(reportPeriodName(w.reportDeadlineQuarter.period, "en")).toBe("Report for Q3 2023");
    expect(reportPeriodName(w.reportDeadlineHalfYear.period, "en")).toBe("Report for Q2 and the first half of 2023");
    expect(reportPeriodName(w.reportDeadlineYear.period, "en")).toBe("Annual report 2023 (Q4)");
  });

  it("gives the data window and the unit's deadline to the Office, mentions the leads, counts the unit's lead tasks", () => {
    const m = reportDeadlineMessage(w.reportDeadlineQuarter, "vi");
    const body = all(m);
    expect(body).toContain("<@U0LDVL0001> — *LĐ-VL* Phòng Lao động - Việc làm");
    expect(body).toContain("• Số liệu tính từ ngày *15/06/2023* đến ngày *14/09/2023*\n• Gửi Văn phòng Sở chậm nhất ngày *08/09/2023*");
    expect(body).toContain("*Nhiệm vụ chủ trì chưa hoàn thành*\n5");
    expect(body).toContain("🔴 *Trong đó quá hạn*\n1");
    // The 20th is the province's deadline to the Ministry, never a unit's.
    expect(body).not.toContain("20/09/2023");
    expect(body).toContain("Văn phòng Sở tổng hợp, báo cáo UBND tỉnh (qua Sở Nội vụ) chậm nhất ngày 15/09/2023");
    expect(m.text).toBe("<@U0LDVL0001> LĐ-VL: Báo cáo quý III/2023 — số liệu từ 15/06/2023 đến 14/09/2023, gửi Văn phòng Sở chậm nhất ngày 08/09/2023.");
  });

  it("tells the Office when the units report and when the department reports to its superior, never to send to itself", () => {
    const m = reportDeadlineMessage(w.reportDeadlineOffice, "vi");
    const body = all(m);
    expect(body).toContain("📅 Sắp đến hạn: Báo cáo quý III/2023 của Sở");
    expect(body).toContain("• Các đơn vị gửi Văn phòng Sở chậm nhất ngày *08/09/2023*; Sở gửi UBND tỉnh (qua Sở Nội vụ) chậm nhất ngày *15/09/2023*");
    expect(body).not.toMatch(/^• Gửi Văn phòng Sở/m);
    expect(m.text).toBe("<@U0VP000001> VP: Báo cáo quý III/2023 của Sở — các đơn vị gửi chậm nhất ngày 08/09/2023; Sở gửi UBND tỉnh (qua Sở Nội vụ) chậm nhất ngày 15/09/2023.");
  });

  it("lists each plan in force with its own deadlines", () => {
    const body = all(reportDeadlineMessage(w.reportDeadlineHalfYear, "vi"));
    expect(body).toContain("• Kế hoạch số 277/KH-SLĐTBXH: gửi Văn phòng Sở chậm nhất ngày *09/06/2023*");
    expect(body).toContain("• Kế hoạch số 3883/KH-SLĐTBXH: gửi Văn phòng Sở chậm nhất ngày *09/06/2023*");
  });

  it("has one Báo cáo button that lets the reporter choose the task", () => {
    for (const model of [w.reportDeadlineQuarter, w.reportDeadlineHalfYear, w.reportDeadlineYear]) {
      expect(buttons(reportDeadlineMessage(model, "vi")).map((b) => [b.action_id, b.value])).toEqual([[ACTION_IDS.reportOpen, ""]]);
    }
  });

  it.each(LANGS)("stays within Slack's limits (%s)", (lang) => {
    expectAccepted(reportDeadlineMessage(w.oversizedWeekly.reportDeadline, lang));
    expectAccepted(reportDeadlineMessage({ ...w.reportDeadlineYear, unit: { code: LONG(500), name: LONG(5_000) } }, lang));
  });
});

describe("action_ids", () => {
  const messages: [string, SlackMessage][] = LANGS.flatMap((lang) => [
    [`reminder ${lang}`, reminderMessage(w.reminder, lang)],
    [`reminder, 500 tasks a list ${lang}`, reminderMessage(w.oversizedWeekly.reminder, lang)],
    [`unit summary ${lang}`, unitSummaryMessage(w.unitSummary, lang)],
    [`digest ${lang}`, digestMessage(w.digest, lang)],
    [`report deadline ${lang}`, reportDeadlineMessage(w.reportDeadlineQuarter, lang)],
  ]);

  it.each(messages)("are unique within each actions block, and every button opens the report modal or the direction form (%s)", (name, m) => {
    for (const block of m.blocks) {
      if (block.type !== "actions") continue;
      const ids = block.elements.map((e) => ("action_id" in e ? e.action_id : ""));
      expect(new Set(ids).size).toBe(ids.length);
    }
    // The digest's buttons are leadership's "Cho ý kiến chỉ đạo" on the waiting obstacles (issue 13).
    const expected = name.startsWith("digest") ? ACTION_IDS.obstacleDirect : ACTION_IDS.reportOpen;
    for (const b of buttons(m)) expect(b.action_id).toBe(expected);
  });
});
