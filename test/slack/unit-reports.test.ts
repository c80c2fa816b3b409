// The whole flow in Slack, through the real Bolt app and the fake Slack:
// a unit's staff prepares the unit's report with an evidence file, its lead
// sends it, the Office sees who has sent and reminds the others, builds the
// consolidated report and sends it to leadership by direct message; a leader
// asks for changes, the Office builds again, a leader approves, and the
// approved .docx and .xlsx arrive in the Office's channel through files
// upload v2; the files are read back. Then the refusals: a second decision,
// a forged approval, a file over Slack's limit.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportProgress } from "../../src/services/report-progress.js";
import type { StoredFile } from "../../src/slack-fake/files/store.js";
import { backends } from "../support/databases.js";
import { startDondoc, USERS, type Dondoc } from "./harness.js";

const GDNN_LEAD = "U0GDNN001";
const LEADER_2 = "U0LDS0002";

async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
}

const backend = backends[0]!;

describe("units' reports, the consolidated report and its approval in Slack", () => {
  let d: Dondoc;
  let channelOf: (code: string) => string;
  let officeChannel: string;
  const texts = (channel: string) => d.fake.workspace.conversations.history(channel).map((m) => m.text);
  const ephemeral = (user: string) => d.fake.workspace.conversations.ephemerals({ userId: user }).at(-1)?.text ?? "";
  const dmTexts = (user: string) => {
    const dm = d.fake.workspace.directory.imChannel(user, d.fake.workspace.bot.userId);
    return d.fake.workspace.conversations.history(dm.id);
  };
  const until = async (check: () => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    // The workflow is the subject here, not Slack's 3 s for opening a form
    // (the other Slack tests keep the fake's 3 s): with the
    // database in this thread and another test file beside it, a loaded
    // machine can take longer than 3 s to reach views.open.
    d = await startDondoc(backend, { now: new Date("2023-09-05T03:00:00Z"), triggerLifetimeMs: 60_000 });
    const units = await d.db.prisma.unit.findMany();
    channelOf = (code) =>
      `C${units
        .find((u) => u.code === code)!
        .id.toString()
        .padStart(8, "0")}`;
    officeChannel = channelOf("VP");
    const gdnn = units.find((u) => u.code === "GDNN")!;
    const task = await d.db.prisma.task.findFirstOrThrow({
      where: { archivedAt: null, children: { none: {} }, assignments: { some: { unitId: gdnn.id, role: "LEAD" } } },
      orderBy: { id: "asc" },
    });
    await reportProgress(d.db.prisma, {
      taskId: task.id,
      unitId: gdnn.id,
      reporter: USERS.gdnnStaff,
      percent: 70,
      note: "Đã tổ chức 03 lớp bồi dưỡng kỹ năng cho giáo viên",
      at: new Date("2023-08-15T03:00:00Z"),
    });
  }, 300_000);
  afterAll(async () => {
    await d?.close();
  });

  it("staff prepare the unit's report with an evidence file; the lead sends it; the Office is told", async () => {
    await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channelOf("GDNN"), command: "/kehoach", text: "bao cao don vi Quý III/2023" });
    const modal = d.fake.workspace.surfaces.topModal(USERS.gdnnStaff)!;
    expect(modal.callbackId).toBe("unit_report");
    const json = JSON.stringify(modal.blocks);
    expect(json).toContain("Đã tổ chức 03 lớp bồi dưỡng kỹ năng cho giáo viên (tiến độ 70%)."); // pre-filled
    expect(json).not.toContain("send_action"); // staff cannot send
    const file: StoredFile = d.fake.workspace.files.add({ userId: USERS.gdnnStaff, name: "Danh sách học viên.xlsx", bytes: Buffer.alloc(20_480, 1) });
    const r = await d.fake.viewSubmission({
      userId: USERS.gdnnStaff,
      values: { evidence_files: { evidence_files: [file.id] } },
    });
    expect(r.status).toBe(200);
    await until(() => ephemeral(USERS.gdnnStaff).includes("Đã lưu dự thảo"));
    expect(ephemeral(USERS.gdnnStaff)).toBe(
      "Đã lưu dự thảo báo cáo Quý III/2023 của Phòng Giáo dục nghề nghiệp, kèm 1 tệp tài liệu kiểm chứng; báo cáo chưa được gửi Văn phòng Sở.",
    );

    await d.fake.slashCommand({ userId: GDNN_LEAD, channelId: channelOf("GDNN"), command: "/kehoach", text: "baocaodonvi" });
    const leadModal = d.fake.workspace.surfaces.topModal(GDNN_LEAD)!;
    expect(JSON.stringify(leadModal.blocks)).toContain("Danh sách học viên.xlsx"); // the file attached by staff is kept and listed
    await d.fake.viewSubmission({
      userId: GDNN_LEAD,
      values: {
        shortcomings: { shortcomings: "Một số cơ sở chưa cập nhật dữ liệu kịp thời do thiếu nhân lực." },
        proposals: { proposals: "Đề nghị UBND tỉnh bổ sung kinh phí khảo sát DDCI năm 2024." },
      },
    });
    await until(() => texts(officeChannel).some((t) => t.includes("Phòng Giáo dục nghề nghiệp")));
    expect(texts(officeChannel).at(-1)).toBe("Văn phòng Sở đã nhận báo cáo Quý III/2023 (Kế hoạch số 1565/KH-SLĐTBXH) của Phòng Giáo dục nghề nghiệp.");
    const stored = await d.db.prisma.unitReport.findFirstOrThrow({});
    expect(stored).toMatchObject({ status: "SUBMITTED", submittedBy: GDNN_LEAD, period: "2023-Q3" });
    expect(stored.evidenceFiles).toEqual([{ id: file.id, name: "Danh sách học viên.xlsx", size: 20_480, permalink: d.fake.workspace.files.urlPrivate(file) }]);
  });

  it("the Office sees who has sent and reminds the others, once per click", async () => {
    const ack = await d.fake.slashCommand({ userId: USERS.office, channelId: officeChannel, command: "/kehoach", text: "tinhhinhbaocao" });
    const body = JSON.stringify(ack.body);
    expect(body).toContain("đơn vị đã gửi báo cáo về Văn phòng Sở");
    expect(body).toContain("✅ *GDNN* Phòng Giáo dục nghề nghiệp: đã gửi ngày 05/09/2023");
    // Staff cannot see it.
    const refused = await d.fake.slashCommand({ userId: USERS.gdnnStaff, channelId: channelOf("GDNN"), command: "/kehoach", text: "tinhhinhbaocao" });
    expect(JSON.stringify(refused.body)).toContain("Chức năng này dành cho Văn phòng Sở.");

    const before = texts(channelOf("LĐ-VL")).length;
    await d.fake.blockAction({ userId: USERS.office, actionId: "unit_report_remind", channelId: officeChannel });
    await until(() => texts(channelOf("LĐ-VL")).length === before + 1);
    expect(texts(channelOf("LĐ-VL")).at(-1)).toBe("Kính gửi: Phòng Lao động - Việc làm. Văn phòng Sở chưa nhận được báo cáo Quý III/2023 của đơn vị.");
    expect(texts(channelOf("GDNN")).some((t) => t.includes("chưa nhận được báo cáo"))).toBe(false); // it has sent
    expect(await d.db.prisma.auditEntry.count({ where: { action: "unit-report.remind" } })).toBe(1);
  });

  it("the Office builds the report and sends it to leadership; a leader asks for changes; the Office builds again; a leader approves; the files arrive in the Office's channel", async () => {
    d.setNow(new Date("2023-09-12T03:00:00Z"));
    const sharedFiles = () => dmTexts(LEADER_2).filter((m) => (m.files?.length ?? 0) > 0).length;
    const filesBefore = sharedFiles();
    const built = await d.fake.slashCommand({ userId: USERS.office, channelId: officeChannel, command: "/kehoach", text: "báo cáo tổng hợp Quý III/2023" });
    // Acknowledged first, before the seconds of building; the result follows
    // through response_url. Checked by order, not by Slack's 3 s, which a
    // loaded machine can miss: when the answer came, the built files had not
    // reached the leader yet (sharing them is the build's last steps, several
    // calls to Slack, each a turn of the event loop that reads the answer).
    expect(JSON.stringify(built.body)).toContain("Đang lập dự thảo báo cáo tổng hợp");
    expect(sharedFiles()).toBe(filesBefore);
    await until(() => dmTexts(LEADER_2).length >= 2);
    await until(() => `${JSON.stringify(built.body)}${JSON.stringify(d.fake.calls("response_url"))}`.includes("phiên bản 1"));
    const request = dmTexts(LEADER_2)[0]!;
    expect(request.text).toBe("Trình duyệt báo cáo Quý III/2023 (Kế hoạch số 1565/KH-SLĐTBXH), phiên bản 1.");
    expect(dmTexts(LEADER_2)[1]!.files?.map((f) => f.name)).toEqual(["bao-cao-1565-khsldtbxh-quy-iii-2023.docx", "phu-luc-1565-khsldtbxh-quy-iii-2023.xlsx"]);
    const dm = d.fake.workspace.directory.imChannel(LEADER_2, d.fake.workspace.bot.userId).id;

    // Changes need a comment.
    await d.fake.blockAction({ userId: LEADER_2, actionId: "consolidated_changes", channelId: dm, messageTs: request.ts });
    await until(() => d.fake.workspace.surfaces.topModal(LEADER_2) !== undefined);
    const empty = await d.fake.viewSubmission({ userId: LEADER_2 });
    expect(JSON.stringify(empty.body)).toContain("Đề nghị ghi nội dung cần chỉnh sửa.");
    await d.fake.viewSubmission({ userId: LEADER_2, values: { comment: { comment: "Bổ sung số liệu của Phòng Lao động - Việc làm." } } });
    await until(() => texts(officeChannel).some((t) => t.startsWith("Lãnh đạo Sở yêu cầu chỉnh sửa")));

    // Version 2; version 1 can no longer be approved.
    await d.fake.slashCommand({ userId: USERS.office, channelId: officeChannel, command: "/kehoach", text: "baocaotonghop" });
    const request2 = () => dmTexts(LEADER_2).find((m) => m.text.startsWith("Trình duyệt") && m.text.includes("phiên bản 2"));
    await until(() => request2() !== undefined);
    const v2 = request2()!;
    await d.fake.blockAction({ userId: LEADER_2, actionId: "consolidated_approve", channelId: dm, messageTs: request.ts });
    await until(() => d.fake.workspace.surfaces.topModal(LEADER_2) !== undefined);
    await d.fake.viewSubmission({ userId: LEADER_2 });
    await until(() => dmTexts(LEADER_2).some((m) => m.text.includes("đã được yêu cầu chỉnh sửa")));

    await d.fake.blockAction({ userId: LEADER_2, actionId: "consolidated_approve", channelId: dm, messageTs: v2.ts });
    await until(() => d.fake.workspace.surfaces.topModal(LEADER_2) !== undefined);
    await d.fake.viewSubmission({ userId: LEADER_2, values: { comment: { comment: "Đồng ý." } } });
    await until(() => d.fake.workspace.conversations.history(officeChannel).some((m) => (m.files?.length ?? 0) > 0));
    await d.runtime.idle(); // the delivery is recorded after the files are posted
    const delivered = d.fake.workspace.conversations.history(officeChannel).find((m) => m.files)!;
    expect(delivered.text).toContain("đã duyệt Báo cáo kết quả thực hiện Kế hoạch số 1565/KH-SLĐTBXH, Quý III/2023 (phiên bản 2)");
    expect(delivered.text).toContain("Ý kiến của Lãnh đạo Sở: Đồng ý.");
    expect(delivered.files!.map((f) => f.name)).toEqual(["bao-cao-1565-khsldtbxh-quy-iii-2023.docx", "phu-luc-1565-khsldtbxh-quy-iii-2023.xlsx"]);

    // The files in the channel are the approved version, byte for byte, and read back with the units' texts.
    const row = await d.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 2 } });
    expect(row).toMatchObject({ status: "APPROVED", decidedBy: LEADER_2, comment: "Đồng ý." });
    expect(row.deliveredFiles).toEqual(delivered.files!.map((f) => f.id));
    const docx = d.fake.workspace.files.get(String(delivered.files![0]!.id))!.bytes;
    expect(docx.equals(Buffer.from(row.docx, "base64"))).toBe(true);
    const text = await docxText(docx);
    expect(text).toContain("Một số cơ sở chưa cập nhật dữ liệu kịp thời do thiếu nhân lực.");
    expect(text).toContain("Đề nghị UBND tỉnh bổ sung kinh phí khảo sát DDCI năm 2024.");
    expect(text).not.toContain("[Văn phòng Sở");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.fake.workspace.files.get(String(delivered.files![1]!.id))!.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Biểu 3 - Tài liệu kiểm chứng")?.getRow(6).getCell(3).value).toBe("Danh sách học viên.xlsx");
    const actions = (await d.db.prisma.auditEntry.findMany({ where: { entity: "ConsolidatedReport" }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual([
      "consolidated-report.build",
      "consolidated-report.request-changes",
      "consolidated-report.build",
      "consolidated-report.approve",
      "consolidated-report.deliver",
    ]);

    // Another leader's approval of the same version records nothing and sends nothing again.
    const dm1 = d.fake.workspace.directory.imChannel(USERS.leadership, d.fake.workspace.bot.userId).id;
    const v2For1 = d.fake.workspace.conversations.history(dm1).find((m) => m.text.startsWith("Trình duyệt") && m.text.includes("phiên bản 2"))!;
    await d.fake.blockAction({ userId: USERS.leadership, actionId: "consolidated_approve", channelId: dm1, messageTs: v2For1.ts });
    await until(() => d.fake.workspace.surfaces.topModal(USERS.leadership) !== undefined);
    await d.fake.viewSubmission({ userId: USERS.leadership });
    await until(() => d.fake.workspace.conversations.history(dm1).some((m) => m.text.includes("đã được duyệt")));
    expect(d.fake.workspace.conversations.history(officeChannel).filter((m) => m.files).length).toBe(1);
  });

  it("refuses an approval by anyone but leadership, and a file over Slack's limit shares nothing", async () => {
    const row = await d.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 2 } });
    // The Office forges the approve button of the leader's message.
    const dm = d.fake.workspace.directory.imChannel(LEADER_2, d.fake.workspace.bot.userId).id;
    const v2 = d.fake.workspace.conversations.history(dm).find((m) => m.text.startsWith("Trình duyệt") && m.text.includes("phiên bản 2"))!;
    await d.fake.blockAction({ userId: USERS.office, actionId: "consolidated_approve", channelId: dm, messageTs: v2.ts }).catch(() => undefined);
    expect(d.fake.workspace.surfaces.topModal(USERS.office)).toBeUndefined();

    // A new version approved while Slack takes no file that large.
    d.fake.setFileSizeLimit(1_000);
    await d.fake.slashCommand({ userId: USERS.office, channelId: officeChannel, command: "/kehoach", text: "baocaotonghop" });
    const request3 = () => d.fake.workspace.conversations.history(dm).find((m) => m.text.startsWith("Trình duyệt") && m.text.includes("phiên bản 3"));
    await until(() => request3() !== undefined);
    const v3 = request3()!;
    await d.fake.blockAction({ userId: LEADER_2, actionId: "consolidated_approve", channelId: dm, messageTs: v3.ts });
    await until(() => d.fake.workspace.surfaces.topModal(LEADER_2) !== undefined);
    await d.fake.viewSubmission({ userId: LEADER_2 });
    await until(() => d.fake.workspace.conversations.history(dm).some((m) => m.text.includes("vượt giới hạn")));
    expect(d.fake.workspace.conversations.history(dm).at(-1)!.text).toMatch(
      /^Đã ghi nhận ý kiến duyệt báo cáo Quý III\/2023 \(phiên bản 3\)\. Tệp báo cáo chưa gửi được vào kênh của Văn phòng Sở: Tệp bao-cao-1565-khsldtbxh-quy-iii-2023\.docx có dung lượng .+, vượt giới hạn/,
    );
    expect(d.fake.workspace.conversations.history(officeChannel).filter((m) => m.files).length).toBe(1);
    const v3row = await d.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 3 } });
    expect(v3row).toMatchObject({ status: "APPROVED", deliveredAt: null, deliveredFiles: [] });
    expect(row.id).not.toBe(v3row.id);
    d.fake.setFileSizeLimit(1024 ** 3);
  });

  it("tells the Office a delivery failed and lets it send the approved files again, once however often it clicks", async () => {
    const v3row = await d.db.prisma.consolidatedReport.findFirstOrThrow({ where: { version: 3 } });
    const notice = d.fake.workspace.conversations.history(officeChannel).find((m) => m.text.includes("dondoc chưa gửi được tệp báo cáo vào kênh này"))!;
    expect(notice.text).toBe("Báo cáo Quý III/2023 (Kế hoạch số 1565/KH-SLĐTBXH, phiên bản 3) đã được Lãnh đạo Sở duyệt, nhưng dondoc chưa gửi được tệp báo cáo vào kênh này.");
    expect(JSON.stringify(notice.blocks)).toContain("vượt giới hạn");

    // Only the Office may ask again: a unit's staff clicking the button sends nothing.
    const answered = d.fake.calls("response_url").length;
    await d.fake.blockAction({ userId: USERS.gdnnStaff, actionId: "consolidated_redeliver", channelId: officeChannel, messageTs: notice.ts });
    await until(() => JSON.stringify(d.fake.calls("response_url").slice(answered)).includes("Chức năng này dành cho Văn phòng Sở."));
    expect(d.fake.workspace.conversations.history(officeChannel).filter((m) => m.files).length).toBe(1);

    // The Office clicks twice at once: one copy of the approved files arrives.
    await Promise.all([
      d.fake.blockAction({ userId: USERS.office, actionId: "consolidated_redeliver", channelId: officeChannel, messageTs: notice.ts }),
      d.fake.blockAction({ userId: USERS.office, actionId: "consolidated_redeliver", channelId: officeChannel, messageTs: notice.ts }),
    ]);
    await until(() => d.fake.workspace.conversations.history(officeChannel).filter((m) => m.files).length === 2);
    await until(() => JSON.stringify(d.fake.calls("response_url")).includes("đã ở trong kênh của Văn phòng Sở"));
    await d.runtime.idle();
    const withFiles = d.fake.workspace.conversations.history(officeChannel).filter((m) => m.files);
    expect(withFiles.length).toBe(2);
    expect(withFiles[1]!.text).toContain("(phiên bản 3)");
    const after = await d.db.prisma.consolidatedReport.findUniqueOrThrow({ where: { id: v3row.id } });
    expect(after.deliveredFiles).toEqual(withFiles[1]!.files!.map((f) => f.id));
    expect(Buffer.from(after.docx, "base64").equals(d.fake.workspace.files.get(String(withFiles[1]!.files![0]!.id))!.bytes)).toBe(true);
    const audit = await d.db.prisma.auditEntry.findMany({ where: { entity: "ConsolidatedReport", entityId: String(v3row.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["consolidated-report.build", `slack:${USERS.office}`],
      ["consolidated-report.approve", `slack:${LEADER_2}`],
      ["consolidated-report.deliver-failed", `slack:${LEADER_2}`],
      ["consolidated-report.deliver", `slack:${USERS.office}`],
    ]);

    // Again later: already there, nothing sent.
    await d.fake.blockAction({ userId: USERS.office, actionId: "consolidated_redeliver", channelId: officeChannel, messageTs: notice.ts });
    await d.runtime.idle();
    expect(d.fake.workspace.conversations.history(officeChannel).filter((m) => m.files).length).toBe(2);
  });
});
