// Help, the detail of a task, notices and small formatting rules.
import { describe, expect, it } from "vitest";
import { SUBCOMMANDS } from "../../src/i18n/subcommands.js";
import { helpMessage } from "../../src/views/help.js";
import { dueText, link, person, safeMrkdwn, slackDate } from "../../src/views/format.js";
import { confirmation, errorMessage, notRegistered, obstacleRaised } from "../../src/views/notices.js";
import { taskDetailMessage } from "../../src/views/task-detail.js";
import { OFFICE_CONTACTS, obstacleRaisedModel, taskDetail } from "./fixtures.js";

describe("helpMessage", () => {
  it("starts with the unknown command and the suggestion", () => {
    expect(helpMessage("vi", { unknown: "bao-cao", suggestion: "baocao" }).text).toBe("Không có lệnh “bao-cao”. Có phải đồng chí muốn gõ `baocao`?");
    expect(helpMessage("en", { unknown: "bao-cao", suggestion: "baocao" }).text).toBe("Unknown command “bao-cao”. Did you mean `baocao`?");
    expect(helpMessage("vi", { unknown: "xyz" }).text).toBe("Không có lệnh “xyz”.");
  });

  it("shows what was typed as text, never as markup", () => {
    expect(helpMessage("vi", { unknown: "<!channel>" }).text).toBe("Không có lệnh “&lt;!channel&gt;”.");
  });

  it("lists every subcommand under both names, with the words of SUBCOMMANDS", () => {
    for (const lang of ["vi", "en"] as const) {
      const text = JSON.stringify(helpMessage(lang).blocks);
      for (const [name, w] of Object.entries(SUBCOMMANDS)) {
        const mine = w[lang];
        const theirs = w[lang === "vi" ? "en" : "vi"];
        expect(text, name).toContain(`/kehoach ${mine}`);
        if (theirs !== mine) expect(text, name).toContain(`\`${theirs}`);
      }
    }
    const vi = JSON.stringify(helpMessage("vi").blocks);
    expect(vi).toContain("thanhvien them @người ĐƠN_VỊ [vai trò]");
    expect(vi).toContain("thanhvien xoa @người");
    expect(vi).toContain("kenh ĐƠN_VỊ #kênh");
  });
});

describe("taskDetailMessage", () => {
  it("shows evidence as links, report times as Slack dates, and the report button", () => {
    const json = JSON.stringify(taskDetailMessage(taskDetail, "vi").blocks);
    expect(json).toContain("<https://drive.example.gov.vn/ddci/danh-sach-dn.xlsx|drive.example.gov.vn>");
    expect(json).toContain("<!date^1694485800^{date_short_pretty} {time}|12/09/2023>");
    expect(json).toContain('"action_id":"report_open"');
    expect(JSON.stringify(taskDetailMessage({ ...taskDetail, canReport: false }, "vi").blocks)).not.toContain("report_open");
  });

  it("shows an approved deadline with the plan's own kept next to it", () => {
    const extended = { ...taskDetail, task: { ...taskDetail.task, dueOn: "2023-11-30", extendedFrom: "2023-10-31" } };
    expect(JSON.stringify(taskDetailMessage(extended, "vi").blocks)).toContain("*Hạn*\\n30/11/2023 (đã gia hạn từ 31/10/2023)");
    expect(JSON.stringify(taskDetailMessage(extended, "en").blocks)).toContain("30/11/2023 (extended from 31/10/2023)");
    expect(JSON.stringify(taskDetailMessage(taskDetail, "vi").blocks)).not.toContain("gia hạn");
  });
});

describe("notices", () => {
  it("obstacleRaised tells the Office channel what happens next", () => {
    expect(JSON.stringify(obstacleRaised(obstacleRaisedModel, "vi").blocks)).toContain("Văn phòng Sở tổng hợp, báo cáo Lãnh đạo Sở");
  });

  it("the obstacle's notice shows what became of it in place of the buttons no longer due", () => {
    const open = JSON.stringify(obstacleRaised(obstacleRaisedModel, "vi").blocks);
    expect(open).toContain("obstacle_direct");
    const directed = JSON.stringify(obstacleRaised(obstacleRaisedModel, "vi", { kind: "directed", by: "U0LDS0001" }).blocks);
    expect(directed).toContain("Đã có ý kiến chỉ đạo của đồng chí <@U0LDS0001>");
    expect(directed).not.toContain("obstacle_direct");
    expect(directed).toContain("obstacle_close");
    const resolved = JSON.stringify(obstacleRaised(obstacleRaisedModel, "en", { kind: "closed", outcome: "RESOLVED", by: "U0VP00002" }).blocks);
    expect(resolved).toContain("Resolved (marked by <@U0VP00002>)");
    expect(resolved).not.toContain("obstacle_");
    expect(JSON.stringify(obstacleRaised(obstacleRaisedModel, "vi", { kind: "closed", outcome: "WITHDRAWN", by: "U0LDVL002" }).blocks)).toContain("Đơn vị đã rút");
  });

  it("notRegistered names the Office contacts, in both languages", () => {
    const out = notRegistered("vi", OFFICE_CONTACTS);
    expect(out.text).toBe("Đồng chí chưa có trong danh sách thành viên của dondoc. Đề nghị đồng chí liên hệ Văn phòng Sở (<@U0VP000001>, <@U0VP000002>) để được thêm vào đơn vị.");
    expect(JSON.stringify(out.blocks)).toContain("You are not on dondoc's member list yet.");
    expect(notRegistered("en", []).text).toBe("You are not on dondoc's member list yet. Please contact the Office to be added to your unit.");
  });

  it("errorMessage and confirmation keep mentions but escape anything else", () => {
    expect(errorMessage("<@U0LDVL0001> chưa là thành viên; <!channel>").text).toBe("⚠️ <@U0LDVL0001> chưa là thành viên; &lt;!channel&gt;");
    expect(confirmation("en", { vi: "x", en: "Channel is now <#C0DONDOC1>." }).text).toBe("✅ Channel is now <#C0DONDOC1>.");
  });
});

describe("formatting", () => {
  it("dueText gives the plan's words and the day", () => {
    expect(dueText({ dueLabel: "Quý III/2023", dueOn: "2023-09-30" })).toBe("Quý III/2023 (30/09/2023)");
    expect(dueText({ dueLabel: "31/12/2023", dueOn: "2023-12-31" })).toBe("31/12/2023");
    expect(dueText({ dueLabel: "trước ngày 15/12/2023", dueOn: "2023-12-15" })).toBe("trước ngày 15/12/2023");
    expect(dueText({ dueLabel: "Thường xuyên", dueOn: null })).toBe("Thường xuyên");
  });

  it("link makes http(s) URLs links and anything else text", () => {
    expect(link("https://a.gov.vn/x?a=1&b=2")).toBe("<https://a.gov.vn/x?a=1&amp;b=2|a.gov.vn>");
    expect(link("https://a.gov.vn/x|y>z")).toBe("<https://a.gov.vn/x%7Cy%3Ez|a.gov.vn>");
    expect(link("javascript:alert(1)")).toBe("javascript:alert(1)");
    expect(link("<!channel>")).toBe("&lt;!channel&gt;");
  });

  it("person mentions Slack users and names command-line reporters", () => {
    expect(person("U0LDVL0001")).toBe("<@U0LDVL0001>");
    expect(person("cli:Trần Thị Bình")).toBe("Trần Thị Bình");
  });

  it("slackDate falls back to the day in Asia/Ho_Chi_Minh", () => {
    expect(slackDate(new Date("2023-09-30T18:30:00Z"))).toBe("<!date^1696098600^{date_short_pretty} {time}|01/10/2023>");
  });

  it("safeMrkdwn keeps only well-formed mentions", () => {
    expect(safeMrkdwn("<@U1AB> & <#C1AB|kênh> <@here> <https://x|y>")).toBe("<@U1AB> &amp; <#C1AB|kênh> &lt;@here&gt; &lt;https://x|y&gt;");
  });
});
