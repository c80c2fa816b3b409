// The report's text from a model, without a database: what each section says
// when there are many overdue tasks, none, obstacles or none, and that the
// Office's own places are always marked.
import { describe, expect, it } from "vitest";
import { model, task } from "./fixtures.js";
import { OVERDUE_LISTED, reportOutline, type Block } from "../../src/report/outline.js";
import { parseReportPeriod } from "../../src/report/period.js";
import { placeAndDate, renderReportDocx } from "../../src/report/docx.js";

const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "table" ? [] : [b.text]));

describe("reportOutline", () => {
  it("lists the first overdue tasks and points to the appendix for the rest", () => {
    const tasks = Array.from({ length: 25 }, (_, i) => task(i + 1, { status: "OVERDUE", title: `Việc quá hạn ${i + 1}` }));
    const t = texts(reportOutline(model(tasks)));
    expect(t).toContain("Còn 25 nhiệm vụ quá hạn chưa hoàn thành, gồm:");
    expect(t.filter((x) => x.startsWith("- II."))).toHaveLength(OVERDUE_LISTED);
    expect(t).toContain("- 5 nhiệm vụ khác tại Biểu 1 của Phụ lục.");
    expect(t).toContain("Đơn vị chủ trì còn nhiệm vụ quá hạn: Văn phòng Sở (25).");
    expect(t).toContain("1. Các đơn vị chủ trì tập trung hoàn thành dứt điểm 25 nhiệm vụ quá hạn nêu tại điểm 1 Mục II.");
    // An ongoing task is overdue for a missed window: no percent is quoted for it.
    const ongoing = texts(reportOutline(model([task(1, { status: "OVERDUE", due: "Thường xuyên", dueOn: null }), task(2, { status: "OVERDUE" })])));
    expect(ongoing).toContain("- II.1. Nhiệm vụ 1 (chủ trì: Văn phòng Sở; thời hạn: Thường xuyên);");
    // The last item of a list ends with a full stop.
    expect(ongoing).toContain("- II.2. Nhiệm vụ 2 (chủ trì: Văn phòng Sở; thời hạn: Quý III/2023; tiến độ: 40%).");
    expect(ongoing).toContain("- Chưa thực hiện: 0 nhiệm vụ.");
  });

  it("says so when nothing is overdue, no obstacle was raised and nothing finished yet", () => {
    const t = texts(reportOutline(model([task(1), task(2)])));
    expect(t).toContain("Không có nhiệm vụ quá hạn; các nhiệm vụ đã hoàn thành đều đúng thời hạn.");
    expect(t).toContain("Trong kỳ, không có khó khăn, vướng mắc nào được các đơn vị phản ánh về Văn phòng Sở.");
    expect(t).toContain("Chưa có nhiệm vụ nào đến hạn nên chưa tính tỷ lệ hoàn thành.");
    expect(t).toContain("Số liệu báo cáo tính từ ngày 15/06/2023 đến ngày 14/09/2023; trong kỳ, các đơn vị chưa gửi báo cáo tiến độ nào về Văn phòng Sở.");
  });

  it("marks every place the Office writes itself, and only those", () => {
    const blocks = reportOutline(model([task(1)]));
    const office = blocks.filter((b) => b.kind === "office");
    expect(office.map((b) => b.text)).toEqual([
      "[Văn phòng Sở bổ sung nguyên nhân khách quan, chủ quan của các tồn tại, hạn chế nêu trên, trên cơ sở báo cáo của các đơn vị.]",
      "[Văn phòng Sở bổ sung các giải pháp khác (nếu có).]",
      "[Văn phòng Sở ghi kiến nghị, đề xuất với cấp trên (nếu có), trên cơ sở đề xuất của các đơn vị.]",
    ]);
    expect(blocks.filter((b) => b.kind !== "office").some((b) => b.kind !== "table" && /^\[/.test(b.text))).toBe(false);
  });

  it("lists the tasks due in the next window with their dates", () => {
    const next = { window: parseReportPeriod("Quý IV/2023")!, tasks: [task(7, { title: "Lựa chọn danh sách DN", due: "Quý IV/2023", dueOn: "2023-12-31" })] };
    const t = texts(reportOutline(model([task(7)], { next })));
    expect(t).toContain("1. Triển khai, hoàn thành 1 nhiệm vụ đến hạn trong kỳ báo cáo quý IV năm 2023 (từ ngày 15/09/2023 đến ngày 14/12/2023):");
    expect(t).toContain("- II.7. Lựa chọn danh sách DN (chủ trì: Văn phòng Sở; thời hạn: Quý IV/2023).");
  });
});

describe("placeAndDate (Nghị định 30/2020, Phụ lục I, II.4)", () => {
  it("pads days below 10 and the months 1 and 2", () => {
    expect(placeAndDate("Thừa Thiên Huế", "2024-01-05")).toBe("Thừa Thiên Huế, ngày 05 tháng 01 năm 2024");
    expect(placeAndDate("Huế", "2023-09-18")).toBe("Huế, ngày 18 tháng 9 năm 2023");
    expect(placeAndDate("Huế", "2023-12-09")).toBe("Huế, ngày 09 tháng 12 năm 2023");
  });

  it("renders a .docx that is a zip (PK) with the model's text", async () => {
    const bytes = await renderReportDocx(model([task(1)]));
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });
});
