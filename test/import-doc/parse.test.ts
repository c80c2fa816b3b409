// Parsing the genre: bodies, assignments, deadlines, the outline and tables.
import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../src/domain/deadline.js";
import { analyze } from "../../src/import-doc/analyze.js";
import { bodyHeading, dueInText, fromProse, labelOf, leadValue, partnersInText } from "../../src/import-doc/parse/assignment.js";
import { BodyMatcher, bodyKey, splitBodies } from "../../src/import-doc/parse/bodies.js";
import { markerOf, parsePlan } from "../../src/import-doc/parse/structure.js";
import { textToBlocks } from "../../src/import-doc/read/text.js";
import { score } from "../../src/import-doc/score.js";
import type { Block, TableCell } from "../../src/import-doc/read/types.js";

describe("splitBodies", () => {
  it.each([
    ["Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]],
    ["Sở Tài chính, Sở Tư pháp và các cơ quan liên quan", ["Sở Tài chính", "Sở Tư pháp", "các cơ quan liên quan"]],
    ["Trung tâm Dịch vụ việc làm (Sở Nội vụ)", ["Trung tâm Dịch vụ việc làm (Sở Nội vụ)"]],
    // A magazine is a body of its own after the provincial broadcaster (whose name holds a comma).
    ["Báo và Phát thanh, Truyền hình tỉnh, Tạp chí Diễn đàn doanh nghiệp", ["Báo và Phát thanh, Truyền hình tỉnh", "Tạp chí Diễn đàn doanh nghiệp"]],
    ["UBND các xã, phường, đặc khu", ["UBND các xã, phường, đặc khu"]],
    ["Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]],
    ["Các phòng, trung tâm thuộc Sở", ["Các phòng, trung tâm thuộc Sở"]],
    ["Phòng LĐ-VL, GDNN, TTDVVL", ["Phòng LĐ-VL", "GDNN", "TTDVVL"]],
    ["- Sở Nội vụ\n- Sở Tài chính;\n- Công an tỉnh", ["Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"]],
    ["Các sở, ban, ngành; UBND các huyện, thị xã, thành phố", ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]],
    ["Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
    ["Văn phòng HĐND và UBND xã, Phòng Kinh tế", ["Văn phòng HĐND và UBND xã", "Phòng Kinh tế"]],
    ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh"]],
    ["Sở Tư pháp và UBND tỉnh", ["Sở Tư pháp", "UBND tỉnh"]],
    ["Sở Tư pháp, Sở Nội vụ (theo chức năng, nhiệm vụ)", ["Sở Tư pháp", "Sở Nội vụ"]],
    ["Sở Khoa học và Công nghệ; Viễn thông tỉnh, Bưu điện tỉnh", ["Sở Khoa học và Công nghệ", "Viễn thông tỉnh", "Bưu điện tỉnh"]],
    // After a named body, a kind of body in lower case starts the bodies concerned; after a bare list of kinds it does not.
    ["Bộ Y tế, cơ quan, đơn vị liên quan", ["Bộ Y tế", "cơ quan, đơn vị liên quan"]],
    ["Bộ Tài chính, các bộ, ngành, cơ quan, tổ chức có liên quan", ["Bộ Tài chính", "các bộ, ngành, cơ quan, tổ chức có liên quan"]],
    ["Bộ, ngành, cơ quan, đơn vị có liên quan", ["Bộ, ngành, cơ quan, đơn vị có liên quan"]],
    ["Bộ Tài chính, cơ quan, tổ chức có liên quan, cơ sở khám bệnh, chữa bệnh", ["Bộ Tài chính", "cơ quan, tổ chức có liên quan", "cơ sở khám bệnh, chữa bệnh"]],
    ["Các cơ quan, tổ chức, đơn vị có liên quan", ["Các cơ quan, tổ chức, đơn vị có liên quan"]],
    ["Các bộ, cơ quan ngang bộ và cơ quan, tổ chức liên quan", ["Các bộ, cơ quan ngang bộ", "cơ quan, tổ chức liên quan"]],
    ["Bộ, ngành và cơ quan, đơn vị có liên quan", ["Bộ, ngành và cơ quan, đơn vị có liên quan"]],
    // Whom a body submits to, or where it acts, is not part of its name.
    ["Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp", ["Ủy ban nhân dân cấp tỉnh"]],
    ["Bộ Y tế, Sở Y tế đối với địa phương", ["Bộ Y tế", "Sở Y tế"]],
    ["Các Bộ: NN&MT, Xây dựng, Giáo dục và Đào tạo", ["Bộ NN&MT", "Bộ Xây dựng", "Bộ Giáo dục và Đào tạo"]],
    // Each body with the part it leads in parentheses, one after the other without a comma (NQ 97/NQ-CP).
    [
      "Bộ Tư pháp (đối với các nội dung liên quan đến thủ tục hành chính) Bộ Tài chính (đối với các nội dung liên quan đến điều kiện đầu tư kinh doanh)",
      ["Bộ Tư pháp", "Bộ Tài chính"],
    ],
    // "các tổ chức nhân dân" (people's organisations) is a kind of body of its own after a list of others (NQ 100/NQ-CP).
    ["Các Bộ, ngành, địa phương, các tổ chức nhân dân", ["Các Bộ, ngành, địa phương", "các tổ chức nhân dân"]],
    ["Bộ Nội vụ, các tổ chức nhân dân", ["Bộ Nội vụ", "các tổ chức nhân dân"]],
    // NQ 109/NQ-CP: "các tỉnh, thành phố" after the ministries, and a city by its name, are bodies of their own;
    // "UBND các tỉnh, thành phố …" stays one.
    ["Các bộ, ngành, các tỉnh, thành phố", ["Các bộ, ngành", "các tỉnh, thành phố"]],
    ["Bộ Tài chính, các tỉnh, thành phố", ["Bộ Tài chính", "các tỉnh, thành phố"]],
    ["Bộ Xây dựng, Thành phố Hà Nội, Thành phố Hồ Chí Minh", ["Bộ Xây dựng", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh"]],
    ["Bộ Tài chính, Thành phố Hồ Chí Minh, thành phố Đà Nẵng", ["Bộ Tài chính", "Thành phố Hồ Chí Minh", "thành phố Đà Nẵng"]],
    ["UBND các tỉnh, thành phố trực thuộc trung ương", ["UBND các tỉnh, thành phố trực thuộc trung ương"]],
    ["Các cơ quan đại diện chủ sở hữu, các Tập đoàn kinh tế", ["Các cơ quan đại diện chủ sở hữu", "các Tập đoàn kinh tế"]],
    // QĐ 982/QĐ-TTg: a cell's bodies one a line, run together by the layout; "Cơ quan …" / "Và các …" in capitals after
    // a named body starts the next one.
    ["Bộ Công Thương Cơ quan, tổ chức và doanh nghiệp liên quan", ["Bộ Công Thương", "Cơ quan, tổ chức và doanh nghiệp liên quan"]],
    ["Bộ Ngoại giao Và các cơ quan, tổ chức, doanh nghiệp liên quan", ["Bộ Ngoại giao", "các cơ quan, tổ chức, doanh nghiệp liên quan"]],
    ["Cơ quan, tổ chức, doanh nghiệp liên quan", ["Cơ quan, tổ chức, doanh nghiệp liên quan"]],
    // NQ 175/NQ-CP: the bodies numbered in the cell.
    ["(1) Bộ Tư pháp (2) Văn phòng Chính phủ (3) Bộ Công an", ["Bộ Tư pháp", "Văn phòng Chính phủ", "Bộ Công an"]],
    ["(1) Bộ Thông tin và Truyền thông (2) Các bộ, ngành, địa phương", ["Bộ Thông tin và Truyền thông", "Các bộ, ngành, địa phương"]],
    // People named by their titles (commune and ward plans): each title starts an entry; a comma inside one title's
    // description ("…, phụ trách lĩnh vực …", "…, giúp việc …") does not.
    ["Các đ/c Phó Chủ tịch, Trưởng các đoàn thể, các đồng chí Chuyên viên Văn phòng", ["Các đ/c Phó Chủ tịch", "Trưởng các đoàn thể", "các đồng chí Chuyên viên Văn phòng"]],
    ["Chủ tịch, Phó Chủ tịch Hội Nông dân xã, Bí thư Đoàn Thanh niên", ["Chủ tịch", "Phó Chủ tịch Hội Nông dân xã", "Bí thư Đoàn Thanh niên"]],
    ["Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực Dân chủ, Pháp luật", ["Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực Dân chủ, Pháp luật"]],
    ["Sở Nội vụ, cán bộ tham mưu, giúp việc của Sở", ["Sở Nội vụ", "cán bộ tham mưu, giúp việc của Sở"]],
    // NQ 109/NQ-CP: after a bare list of kinds, "và" the units concerned is a group of its own ("," goes on).
    ["Các Bộ, cơ quan, địa phương và đơn vị có liên quan", ["Các Bộ, cơ quan, địa phương", "đơn vị có liên quan"]],
    ["Các bộ, ngành và các đơn vị liên quan", ["Các bộ, ngành", "các đơn vị liên quan"]],
    ["Bộ, ngành, cơ quan, đơn vị có liên quan", ["Bộ, ngành, cơ quan, đơn vị có liên quan"]],
  ])("%s", (input, expected) => {
    expect(splitBodies(input)).toEqual(expected);
  });
});

describe("BodyMatcher", () => {
  const m = new BodyMatcher(
    [
      { code: "SKHCN", name: "Sở Khoa học và Công nghệ", aliases: [] },
      { code: "UBND-TP", name: "Ủy ban nhân dân thành phố", aliases: [] },
      { code: "SGDDT", name: "Sở Giáo dục và Đào tạo", aliases: [] },
      { code: "LĐ-VL", name: "Phòng Lao động - Việc làm", aliases: ["Phòng LĐVL"] },
    ],
    [{ code: "ALL", name: "Các phòng, tổ chức, trung tâm thuộc Sở" }],
  );
  it("matches by abbreviation, code, alias, without diacritics", () => {
    expect(m.match("Sở KH&CN")).toMatchObject({ kind: "unit", code: "SKHCN" });
    expect(m.match("UBND TP")).toMatchObject({ kind: "unit", code: "UBND-TP" });
    expect(m.match("So GD&DT")).toMatchObject({ kind: "unit", code: "SGDDT" });
    expect(m.match("phong lao dong viec lam")).toMatchObject({ kind: "unit", code: "LĐ-VL" });
    expect(m.match("ldvl")).toMatchObject({ kind: "unit", code: "LĐ-VL" });
    expect(m.match("các phòng, tổ chức, trung tâm thuộc Sở")).toMatchObject({ kind: "group", code: "ALL" });
  });
  it("never drops an unknown body: it is new", () => {
    expect(m.match("Sở Nội vụ")).toEqual({ kind: "new", name: "Sở Nội vụ", key: bodyKey("Sở Nội vụ") });
  });
});

describe("assignments", () => {
  it("reads prose", () => {
    expect(fromProse("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp và các cơ quan liên quan xây dựng đề án.")).toEqual({
      lead: ["Sở Nội vụ"],
      cooperating: ["Sở Tài chính", "Sở Tư pháp", "các cơ quan liên quan"],
      via: "prose",
    });
    expect(fromProse("Phòng Lao động - Việc làm phối hợp Văn phòng Sở cung cấp danh sách")).toMatchObject({ lead: ["Phòng Lao động - Việc làm"], cooperating: ["Văn phòng Sở"] });
    expect(fromProse("Các phòng, tổ chức, trung tâm thuộc Sở tập trung thực hiện Kế hoạch", true)).toMatchObject({
      lead: ["Các phòng, tổ chức, trung tâm thuộc Sở"],
      via: "subject",
    });
    expect(fromProse("Căn cứ chức năng, nhiệm vụ được giao, các phòng thuộc Sở có trách nhiệm triển khai", true)).toMatchObject({ lead: ["Các phòng thuộc Sở"] });
    expect(fromProse("Sở Nội vụ: tham mưu UBND tỉnh", true)).toMatchObject({ lead: ["Sở Nội vụ"], via: "heading" });
    expect(fromProse("Tổ chức triển khai các hoạt động thông tin", true)).toEqual({ lead: [], cooperating: [] });
  });
  it("reads an assignment in a heading's parenthesis, cooperating bodies before their verb", () => {
    expect(
      fromProse("Cải cách thủ tục hành chính (Trung tâm Phục vụ hành chính công xã chủ trì; các phòng chuyên môn thuộc UBND xã phối hợp; thực hiện thường xuyên)"),
    ).toMatchObject({
      lead: ["Trung tâm Phục vụ hành chính công xã"],
      cooperating: ["các phòng chuyên môn thuộc UBND xã"],
    });
  });
  it("finds a deadline or a cadence inside the sentence", () => {
    const parses = (s: string) => parseDeadline(s, "QUARTER", { year: 2026 }) !== undefined;
    expect(dueInText("tham mưu ban hành Kế hoạch tuyên truyền, hoàn thành trong Quý I/2026.", parses)).toBe("Quý I/2026");
    expect(dueInText("tổ chức đánh giá, hoàn thành trước ngày 15 tháng 12 năm 2026.", parses)).toBe("trước ngày 15 tháng 12 năm 2026");
    expect(dueInText("tuyên truyền trên hệ thống truyền thanh cơ sở; thực hiện thường xuyên.", parses)).toBe("thường xuyên");
    // The day something is to happen: "… dự kiến tổ chức hội nghị vào ngày 02/02/2026".
    expect(dueInText("Ban Thường trực Ủy ban MTTQ phường dự kiến tổ chức hội nghị vào ngày 02/02/2026.", parses)).toBe("ngày 02/02/2026");
    expect(dueInText("tuyên truyền trên hệ thống truyền thanh cơ sở.", parses)).toBeUndefined();
    // "chậm nhất là ngày …" anywhere in the sentence, as "trước ngày …".
    expect(dueInText("xây dựng kế hoạch; thời gian hoàn thành ban hành kế hoạch chậm nhất là ngày 30/01/2026.", parses)).toBe("chậm nhất là ngày 30/01/2026");
  });
  it("reads the bodies of a Government resolution's prose items (NQ 122/NQ-CP)", () => {
    // The subject ends at "khẩn trương" / "nghiêm túc"; "chương trình" is a noun, not the verb "trình".
    expect(fromProse("Bộ Công an, Bộ Quốc phòng khẩn trương xây dựng, trình Chính phủ ban hành các Nghị định", true)).toMatchObject({
      lead: ["Bộ Công an", "Bộ Quốc phòng"],
    });
    expect(fromProse("Các Bộ chủ chương trình và các bộ, cơ quan trung ương có liên quan nghiêm túc thực hiện các nhiệm vụ", true).lead[0]).toBe("Các Bộ chủ chương trình");
    expect(fromProse("Chủ trì, phối hợp với các bộ, cơ quan liên quan khẩn trương xử lý các kiến nghị").cooperating).toEqual(["các bộ, cơ quan liên quan"]);
    // An item that opens with a verb or two and its own cooperation.
    expect(fromProse("Chủ động phối hợp với các bộ, cơ quan liên quan nghiên cứu, xây dựng, trình Chính phủ").cooperating).toEqual(["các bộ, cơ quan liên quan"]);
    expect(fromProse("Tham mưu, phối hợp chặt chẽ với các bộ, cơ quan liên quan triển khai các nhiệm vụ").cooperating).toEqual(["các bộ, cơ quan liên quan"]);
    // "các Bộ: Xây dựng, Quốc phòng": one ministry per name after the colon.
    expect(fromProse("Chủ trì, phối hợp với các Bộ: Xây dựng, Quốc phòng theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo").cooperating).toEqual(["Bộ Xây dựng", "Bộ Quốc phòng"]);
  });
  it("reads 'UBND' before a list of places' names as the People's Committee of each place (NQ 175/NQ-CP)", () => {
    expect(splitBodies("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh, Hòa Bình, Cần Thơ, Lâm Đồng")).toEqual([
      "UBND thành phố Hà Nội",
      "UBND Thành phố Hồ Chí Minh",
      "UBND Hòa Bình",
      "UBND Cần Thơ",
      "UBND Lâm Đồng",
    ]);
    expect(splitBodies("Ủy ban nhân dân tỉnh Hòa Bình và Cần Thơ")).toEqual(["Ủy ban nhân dân tỉnh Hòa Bình", "Ủy ban nhân dân Cần Thơ"]);
    // A body after the committee is a body of its own; a list of kinds stays one body.
    expect(splitBodies("UBND Thành phố Hồ Chí Minh, Bộ Công Thương")).toEqual(["UBND Thành phố Hồ Chí Minh", "Bộ Công Thương"]);
    expect(splitBodies("UBND tỉnh Lâm Đồng, Sở Tư pháp")).toEqual(["UBND tỉnh Lâm Đồng", "Sở Tư pháp"]);
    expect(splitBodies("UBND các xã, phường, đặc khu")).toEqual(["UBND các xã, phường, đặc khu"]);
  });
  it("reads the State's groups and corporations as one collective", () => {
    expect(splitBodies("Các Tập đoàn, Tổng công ty")).toEqual(["Các Tập đoàn, Tổng công ty"]);
    expect(splitBodies("Bộ Tài chính, các Tập đoàn kinh tế, Tổng công ty, doanh nghiệp nhà nước")).toEqual([
      "Bộ Tài chính",
      "các Tập đoàn kinh tế, Tổng công ty, doanh nghiệp nhà nước",
    ]);
    expect(splitBodies("Bộ Công Thương, Tổng công ty Điện lực")).toEqual(["Bộ Công Thương", "Tổng công ty Điện lực"]);
  });
  it("reads a provincial plan's subjects after a cited text, press bodies and roles (Lâm Đồng, 2026)", () => {
    // Whatever the preamble cites, the subject is the bodies after its first comma; not a later comma after a list the
    // preamble itself names.
    expect(fromProse("Căn cứ nội dung Kế hoạch này và điều kiện thực tế, các sở, ban, ngành, UBND các xã, phường, đặc khu xây dựng Kế hoạch của mình", true).lead).toEqual([
      "Các sở, ban, ngành",
      "UBND các xã, phường, đặc khu",
    ]);
    expect(fromProse("Căn cứ Kế hoạch phát động thi đua của UBND tỉnh, các cơ quan, đơn vị, địa phương xây dựng Kế hoạch trong Quý I/2026", true).lead).toEqual([
      "Các cơ quan, đơn vị, địa phương",
    ]);
    expect(fromProse("Trên cơ sở đề xuất của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, Bộ Tài chính tổng hợp, báo cáo", true).lead).toEqual([]);
    // "cơ quan truyền thông" names a kind of body, not the verb "truyền thông".
    expect(fromProse("Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các cơ quan truyền thông, báo chí tăng cường tuyên truyền").cooperating).toEqual([
      "các cơ quan truyền thông, báo chí",
    ]);
    expect(fromProse("Sở Tư pháp chủ trì, phối hợp với các cơ quan quản lý nhà nước rà soát văn bản").cooperating).toEqual(["các cơ quan quản lý nhà nước"]);
    // After "được" a verb is passive: the bodies it applies to, not what they do.
    expect(bodyHeading("Các cơ quan, đơn vị được kiểm tra")).toEqual(["Các cơ quan, đơn vị được kiểm tra"]);
    expect(fromProse("Các cơ quan, đơn vị được kiểm tra chuẩn bị báo cáo theo đề cương", true).lead).toEqual(["Các cơ quan, đơn vị được kiểm tra"]);
    // A province's merged press body is one name; a body's standing role in parentheses is not part of its name.
    expect(splitBodies("Báo và Đài Phát thanh, Truyền hình Lâm Đồng")).toEqual(["Báo và Đài Phát thanh, Truyền hình Lâm Đồng"]);
    expect(splitBodies("Báo Lâm Đồng và Đài Phát thanh, Truyền hình tỉnh")).toEqual(["Báo Lâm Đồng", "Đài Phát thanh, Truyền hình tỉnh"]);
    expect(bodyHeading("Giao Sở Nội vụ (Cơ quan Thường trực Hội đồng Thi đua - Khen thưởng tỉnh và CCHC của tỉnh):")).toEqual(["Sở Nội vụ"]);
  });
  it("ends a board's name at what it does to a meeting or its members (triệu tập, yêu cầu)", () => {
    expect(fromProse("Ban Thường trực Ủy ban MTTQ Việt Nam phường triệu tập và chủ trì hội nghị gồm:", true).lead).toEqual(["Ban Thường trực Ủy ban MTTQ Việt Nam phường"]);
    expect(fromProse("Ban Thường trực Ủy ban MTTQ Việt Nam phường yêu cầu các thành viên triển khai kế hoạch này", true).lead).toEqual([
      "Ban Thường trực Ủy ban MTTQ Việt Nam phường",
    ]);
  });
  it("reads a heading asking a body to help (Đề nghị X phối hợp) as naming that body", () => {
    expect(bodyHeading("Đề nghị Ủy ban nhân dân phường phối hợp")).toEqual(["Ủy ban nhân dân phường"]);
    expect(bodyHeading("Đề nghị Công an xã phối hợp thực hiện:")).toEqual(["Công an xã"]);
    // Not a heading that says who helps whom.
    expect(bodyHeading("Sở Y tế phối hợp")).toBeUndefined();
  });
  it("reads a heading naming a person by title as that title, whole", () => {
    expect(bodyHeading("Cán bộ phụ trách lĩnh vực tuyên truyền và thi đua")).toEqual(["Cán bộ phụ trách lĩnh vực tuyên truyền và thi đua"]);
    expect(bodyHeading("Chuyên viên phụ trách lĩnh vực Tổ chức, Kiểm tra")).toEqual(["Chuyên viên phụ trách lĩnh vực Tổ chức, Kiểm tra"]);
    expect(bodyHeading("Chuyên viên Văn phòng Đảng ủy phường")).toEqual(["Chuyên viên Văn phòng Đảng ủy phường"]);
    // A title doing work is a sentence, not a heading.
    expect(bodyHeading("Cán bộ thực hiện kiểm tra hồ sơ")).toBeUndefined();
  });
  it("reads a person by title as a cooperating body, and the branch associations of a village as a body", () => {
    expect(fromProse("Phối hợp với Trưởng ấp rà soát danh sách cử tri; chuẩn bị cơ sở vật chất").cooperating).toEqual(["Trưởng ấp"]);
    expect(fromProse("Chủ trì, phối hợp với Trưởng ấp và các chi hội, đoàn thể ở ấp: Lập danh sách cử tri").cooperating).toEqual(["Trưởng ấp", "các chi hội, đoàn thể ở ấp"]);
    expect(fromProse("Phối hợp với Thư ký hội nghị hoàn thiện biên bản").cooperating).toEqual(["Thư ký hội nghị"]);
  });
  it("reads a person by title opening an item, or given the work, as its lead", () => {
    expect(fromProse("Đồng chí Chủ tịch Ủy ban MTTQ phường chịu trách nhiệm chỉ đạo chung", true)).toMatchObject({
      lead: ["Đồng chí Chủ tịch Ủy ban MTTQ phường"],
      via: "subject",
    });
    expect(fromProse("Đồng chí Phó Chủ tịch Ủy ban MTTQ phường trực tiếp tham mưu xây dựng nội dung", true).lead).toEqual(["Đồng chí Phó Chủ tịch Ủy ban MTTQ phường"]);
    expect(fromProse("Giao đồng chí Phó Chủ tịch Ủy ban MTTQ phường thực hiện nhiệm vụ theo kế hoạch").lead).toEqual(["đồng chí Phó Chủ tịch Ủy ban MTTQ phường"]);
    // After "phụ trách", a verb names the field: "phụ trách tổng hợp".
    expect(fromProse("Chuyên viên phụ trách tổng hợp tham mưu Ban Thường trực chuẩn bị nội dung", true).lead).toEqual(["Chuyên viên phụ trách tổng hợp"]);
    // Not in the middle of a sentence, nor a title with no verb.
    expect(fromProse("Chuyên viên phụ trách lĩnh vực Tổ chức, Kiểm tra", true).lead).toEqual([]);
  });
  it("reads a day or a span of days opening an item, then the body that acts by then", () => {
    expect(fromProse("Từ ngày 05/02/2026 - 08/02/2026: Ban Thường trực Ủy ban MTTQ phường trao đổi với các cơ quan có người ứng cử", true)).toMatchObject({
      lead: ["Ban Thường trực Ủy ban MTTQ phường"],
      due: "Từ ngày 05/02/2026 - 08/02/2026",
    });
    expect(fromProse("Ngày 04/02/2026, Ban Thường trực Ủy ban MTTQ phường họp với các tổ trưởng", true)).toMatchObject({
      lead: ["Ban Thường trực Ủy ban MTTQ phường"],
      due: "Ngày 04/02/2026",
    });
    expect(fromProse("Ban Thường trực Ủy ban MTTQ phường dự kiến tổ chức hội nghị vào ngày 02/02/2026", true).lead).toEqual(["Ban Thường trực Ủy ban MTTQ phường"]);
  });
  it("keeps an office named after the body it serves as one (Văn phòng Cơ quan …)", () => {
    expect(splitBodies("Văn phòng Cơ quan Ủy ban MTTQ phường")).toEqual(["Văn phòng Cơ quan Ủy ban MTTQ phường"]);
    // A named body, then "Cơ quan …" on the next line of a cell, still two.
    expect(splitBodies("Bộ Công Thương Cơ quan, tổ chức và doanh nghiệp liên quan")).toEqual(["Bộ Công Thương", "Cơ quan, tổ chức và doanh nghiệp liên quan"]);
  });
  it("does not take a minister for a body", () => {
    // Under "1. Các bộ, cơ quan, địa phương …:" and "3. Bộ Tài chính chủ trì …:", the item goes on with its heading's bodies.
    expect(fromProse("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố thành lập Tổ công tác", true).lead).toEqual([]);
    expect(fromProse("Bộ trưởng Bộ Tài chính - Phó Trưởng Ban Chỉ đạo quốc gia chống buôn lậu khẩn trương xây dựng", true).lead).toEqual([]);
  });
  it("finds the ministries named inside an item for a part of its work", () => {
    expect(partnersInText("Tăng cường các giải pháp quản lý thuế, chống thất thu; phối hợp với Bộ Công an rà soát, hoàn thiện các quy định")).toEqual(["Bộ Công an"]);
    expect(partnersInText("Khẩn trương rà soát các quy định. Phối hợp chặt chẽ với Bộ Tài chính để sửa đổi các quy định")).toEqual(["Bộ Tài chính"]);
    expect(partnersInText("Số hóa dữ liệu đất đai. Phối hợp với Bộ Xây dựng thiết lập cơ chế xử lý đất bỏ hoang")).toEqual(["Bộ Xây dựng"]);
    expect(
      partnersInText("gửi Bộ Tài chính trước ngày 06 tháng 5 năm 2026. Trên cơ sở đề xuất của các địa phương, Bộ Tài chính khẩn trương phối hợp với các Bộ, cơ quan rà soát"),
    ).toEqual(["Bộ Tài chính"]);
    // A later sentence that opens with its cooperation names collectives too (a heading "1. Sở Nội vụ" names none).
    expect(partnersInText("Chỉ đạo tổ chức kiểm tra theo đúng nội dung Kế hoạch. Phối hợp với các cơ quan, địa phương có liên quan để thống nhất lịch trình")).toEqual([
      "các cơ quan, địa phương có liên quan",
    ]);
    // A collective after "phối hợp với" is the heading's cooperating bodies said again.
    expect(partnersInText("Chủ động đôn đốc, phối hợp với địa phương theo dõi sát diễn biến thị trường")).toEqual([]);
    expect(partnersInText("Theo dõi, đôn đốc và phối hợp chặt chẽ với các bộ, cơ quan, địa phương trong công tác lập quy hoạch")).toEqual([]);
  });
  it("finds a quarter, a month or a day set anywhere in a prose item, the 'hoàn thành' one first", () => {
    const parses = (s: string) => parseDeadline(s, "QUARTER", { year: 2026 }) !== undefined;
    // NQ 122/NQ-CP: the verb before the period is not "hoàn thành"/"báo cáo"; the phrase ends at its year.
    expect(dueInText("Đẩy nhanh tiến độ lập quy hoạch, hoàn thành việc phê duyệt quy hoạch trong quý II năm 2026, bảo đảm", parses)).toBe("quý II năm 2026");
    expect(dueInText("Trong quý II năm 2026, nghiên cứu, ban hành theo thẩm quyền", parses)).toBe("quý II năm 2026");
    expect(dueInText("Khẩn trương báo cáo Chính phủ trong tháng 5 năm 2026 nội dung trình Ủy ban Thường vụ Quốc hội", parses)).toBe("tháng 5 năm 2026");
    expect(dueInText("theo dõi sát thị trường; trước ngày 10 tháng 5 năm 2026, có hướng dẫn cụ thể", parses)).toBe("trước ngày 10 tháng 5 năm 2026");
    // A parenthesis naming a term or an anniversary is not when the work is due.
    expect(dueInText("cơ cấu tổ chức Chính phủ nhiệm kỳ Quốc hội khóa XVI (2026 - 2031); hoàn thành trong quý II năm 2026.", parses)).toBe("quý II năm 2026");
    expect(dueInText("kỷ niệm 80 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2027) ban hành kèm theo Quyết định", parses)).toBeUndefined();
    // "trong năm 2026" alone often measures a target, not a deadline.
    expect(dueInText("phấn đấu tiết kiệm điện tối thiểu 3,0% tổng điện năng tiêu thụ toàn quốc trong năm 2026", parses)).toBeUndefined();
  });
  it("reads labelled lines in their spellings", () => {
    expect(labelOf("- Cơ quan chủ trì: Sở Y tế")).toEqual({ kind: "lead", value: "Sở Y tế" });
    expect(labelOf("+ Đơn vị chủ trì thực hiện: Văn phòng Sở")).toEqual({ kind: "lead", value: "Văn phòng Sở" });
    expect(labelOf("Đơn vị phối hợp: Các phòng")).toEqual({ kind: "cooperating", value: "Các phòng" });
    expect(labelOf("Thời gian thực hiện: Quý IV/2025.")).toEqual({ kind: "due", value: "Quý IV/2025" });
    expect(labelOf("Thời gian hoàn thành: Tháng 6/2026")).toEqual({ kind: "due", value: "Tháng 6/2026" });
    expect(leadValue("Sở Y tế chủ trì, phối hợp với Sở GD&ĐT, Sở TT&TT")).toMatchObject({ lead: ["Sở Y tế"], cooperating: ["Sở GD&ĐT", "Sở TT&TT"] });
    expect(fromProse("Rà soát quy trình (Chủ trì: Sở Tư pháp; phối hợp: Sở Nội vụ; thời gian: Quý III/2025)")).toMatchObject({
      lead: ["Sở Tư pháp"],
      cooperating: ["Sở Nội vụ"],
      due: "Quý III/2025",
    });
    expect(fromProse("Rà soát TTHC. Cơ quan chủ trì: Sở Tư pháp. Cơ quan phối hợp: Sở Nội vụ, Văn phòng UBND tỉnh. Thời gian hoàn thành: Quý II/2026.")).toMatchObject({
      lead: ["Sở Tư pháp"],
      cooperating: ["Sở Nội vụ", "Văn phòng UBND tỉnh"],
      due: "Quý II/2026",
    });
    expect(fromProse("Rà soát TTHC (cơ quan chủ trì: Sở Tư pháp, phối hợp: Sở Nội vụ; thời gian: năm 2026)")).toMatchObject({
      lead: ["Sở Tư pháp"],
      cooperating: ["Sở Nội vụ"],
      due: "năm 2026",
    });
    expect(fromProse("Chỉnh trang đô thị. Chủ trì: UBND TP. Huế. Thời gian: Quý IV/2026.")).toMatchObject({ lead: ["UBND TP. Huế"], due: "Quý IV/2026" });
  });
});

describe("deadlines of imported documents", () => {
  it.each([
    ["Quý IV/2025", { kind: "QUARTER", dueOn: "2025-12-31" }],
    ["Quí IV-2025", { kind: "QUARTER", dueOn: "2025-12-31" }],
    ["Quý IV/2025 - Quý II/2026", { kind: "QUARTER", dueOn: "2026-06-30" }],
    ["Năm 2025 - 2026", { kind: "YEAR", dueOn: "2026-12-31" }],
    ["Giai đoạn 2026 - 2030", { kind: "YEAR", dueOn: "2030-12-31" }],
    ["Năm 2025 và các năm tiếp theo", { kind: "ONGOING", cadence: "YEAR", from: "2025-01-01" }],
    ["Hằng năm", { kind: "ONGOING", cadence: "YEAR" }],
    ["Hàng năm", { kind: "ONGOING", cadence: "YEAR" }],
    ["Thường xuyên", { kind: "ONGOING", cadence: "QUARTER" }],
    ["Định kỳ 06 tháng", { kind: "ONGOING", cadence: "HALF" }],
    ["trước ngày 16 tháng 12 năm 2025", { kind: "DATE", dueOn: "2025-12-16" }],
    ["chậm nhất ngày 15/11", { kind: "DATE", dueOn: "2025-11-15" }],
    ["trước ngày 01/6 và 15/11 hằng năm", { kind: "ONGOING", cadence: "HALF" }],
    ["Tháng 6/2026", { kind: "DATE", dueOn: "2026-06-30" }],
    ["Khi có phát sinh", { kind: "EVENT" }],
    ["theo yêu cầu", { kind: "EVENT" }],
    ["Trong năm 2025", { kind: "YEAR", dueOn: "2025-12-31" }],
    ["Từ tháng 7/2025 đến tháng 12/2025", { kind: "DATE", dueOn: "2025-12-31" }],
    ["Đến hết năm 2026", { kind: "YEAR", dueOn: "2026-12-31" }],
    ["Hết Quý II/2026", { kind: "QUARTER", dueOn: "2026-06-30" }],
    ["Quý I, II/2026", { kind: "QUARTER", dueOn: "2026-06-30" }],
    ["Quý II và Quý IV/2026", { kind: "QUARTER", dueOn: "2026-12-31" }],
    ["Tháng 5, 6/2026", { kind: "DATE", dueOn: "2026-06-30" }],
    ["Liên tục", { kind: "ONGOING", cadence: "QUARTER" }],
    ["Trước ngày 20 hằng tháng", { kind: "ONGOING", cadence: "MONTH" }],
    ["Định kỳ 6 tháng, năm", { kind: "ONGOING", cadence: "HALF" }],
    ["Sau khi có hướng dẫn của Bộ", { kind: "EVENT" }],
    // QĐ 844/QĐ-TTg's Phụ lục (test/fixtures/plans/real-844-QD-TTg-2026).
    ["Hằng năm và từng giai đoạn", { kind: "ONGOING", cadence: "YEAR" }],
    ["Hằng năm, thường xuyên", { kind: "ONGOING", cadence: "YEAR" }],
    ["Từ quý II/2027", { kind: "ONGOING", cadence: "QUARTER", from: "2027-04-01" }],
    ["Từ tháng 5/2026, thường xuyên", { kind: "ONGOING", cadence: "QUARTER", from: "2026-05-01" }],
    ["Từ quý III/2026 đến quý III/2030", { kind: "QUARTER", dueOn: "2030-09-30" }],
    // NQ 105/NQ-CP's Phụ lục I: a note in parentheses after the deadline; a deadline per part of the work.
    ["Năm 2026 (sau khi Chính phủ ban hành Nghị định quy định về vị trí việc làm)", { kind: "YEAR", dueOn: "2026-12-31" }],
    ["Quý II/2026 (theo yêu cầu của cấp có thẩm quyền về định hướng biên chế giai đoạn 2026 - 2031)", { kind: "QUARTER", dueOn: "2026-06-30" }],
    ["Ban hành các quy định trong Quý II/2026. Xây dựng cơ sở dữ liệu trong Quý IV/2026", { kind: "QUARTER", dueOn: "2026-12-31" }],
    ["Ban hành các quy định trong Quý II/2026. Đầu tư hạ tầng trong Quý II/2026. Cập nhật thường xuyên", { kind: "ONGOING", cadence: "QUARTER" }],
    // NQ 109/NQ-CP's Phụ lục IV: a standing task.
    ["Nhiệm vụ thường xuyên", { kind: "ONGOING", cadence: "QUARTER" }],
    // NQ 97/NQ-CP's Phụ lục.
    ["2026 và hằng năm", { kind: "ONGOING", cadence: "YEAR", from: "2026-01-01" }],
    ["Theo Kế hoạch của Ủy ban Thường vụ Quốc hội", { kind: "EVENT" }],
  ])("%s", (label, expected) => {
    expect(parseDeadline(label, "QUARTER", { year: 2025 })).toEqual({ ...expected, label });
  });
  it("needs the plan's year for a date without one, and refuses what it does not understand", () => {
    expect(parseDeadline("chậm nhất ngày 15/11")).toBeUndefined();
    for (const bad of [
      "sớm",
      "31/02/2025",
      "Quý V/2025",
      "Tháng 13/2025",
      "ngay sau khi xong",
      "Đã hoàn thành",
      "Đã hoàn thành (năm 2025)",
      "Ban hành các quy định trong Quý II/2026. Sau đó báo cáo",
    ])
      expect(parseDeadline(bad, "QUARTER", { year: 2025 })).toBeUndefined();
  });
});

describe("markerOf", () => {
  it.each([
    ["II. NHIỆM VỤ", "ROMAN"],
    ["1. Mục tiêu", "NUM"],
    ["1.1. Rà soát", "DEC1"],
    ["a) Chỉ số SIPAS", "LETTER"],
    ["- Công khai", "DASH"],
    ["+ Tăng cường", "PLUS"],
    ["- + Tỷ lệ", "PLUS"],
  ])("%s", (text, type) => expect(markerOf(text)?.type).toBe(type));
  it("does not read a date as a number", () => expect(markerOf("15/11/2025 là hạn")).toBeUndefined());
});

const plan = (body: string) =>
  parsePlan(
    textToBlocks(
      `ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12/KH-UBND\nAn Giang, ngày 05 tháng 3 năm 2025\nKẾ HOẠCH\nCải cách hành chính năm 2025\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n${body}\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An`,
      false,
    ),
  );

describe("parsePlan", () => {
  it("reads the header, căn cứ, objectives with targets, Nơi nhận and the signer", () => {
    const p = plan(
      "I. MỤC TIÊU\n- Chỉ tiêu 1: Tỷ lệ hồ sơ trực tuyến đạt 60%.\nII. NHIỆM VỤ\n1. Rà soát thủ tục hành chính\n- Cơ quan chủ trì: Sở Tư pháp\n- Thời gian thực hiện: Quý II/2025",
    );
    expect(p).toMatchObject({ number: "12/KH-UBND", place: "An Giang", issuedOn: "2025-03-05", title: "Cải cách hành chính năm 2025", issuer: "Ủy ban nhân dân tỉnh An Giang" });
    expect(p.legalBases).toEqual(["Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ"]);
    expect(p.objectives.specific[0]).toMatchObject({ target: { value: 60, unit: "%" } });
    expect(p.recipients).toEqual(["Như trên", "Lưu: VT"]);
    expect(p.signer).toEqual({ name: "Nguyễn Văn An", title: "KT. Chủ tịch - Phó Chủ tịch" });
    expect(p.tasks).toMatchObject([{ code: "II.1", lead: ["Sở Tư pháp"], due: "Quý II/2025", via: "label" }]);
  });

  it("reads a request paragraph after the last item of 'Tổ chức thực hiện' as a task of its own", () => {
    const p = plan(
      "I. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh\n- Chuẩn bị tài liệu hội nghị.\nĐề nghị Công an tỉnh, Sở Y tế phối hợp Văn phòng UBND tỉnh trong công tác bảo đảm hội nghị.",
    );
    expect(p.tasks).toMatchObject([
      { lead: ["Văn phòng UBND tỉnh"], children: [{ text: "Chuẩn bị tài liệu hội nghị." }] },
      { lead: ["Công an tỉnh", "Sở Y tế"], cooperating: ["Văn phòng UBND tỉnh"] },
    ]);
    // A line that goes on with the item's sentence stays in it.
    const q = plan("I. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh\n- Chuẩn bị tài liệu hội nghị và\nĐề nghị Sở Y tế bố trí xe.");
    expect(q.tasks[0]!.children).toHaveLength(1);
  });

  it("flags an item whose number skips one and takes its lead from the heading above (Lương Minh, 'no 3.1')", () => {
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nHiệp thương\nII. NỘI DUNG\n2. Hội nghị lần thứ hai\n2.1. Nội dung: lập danh sách sơ bộ\n- Đơn vị chủ trì: Ban Thường trực\n2.2. Báo cáo kết quả Hội nghị\n3. Hội nghị lần thứ ba\nNội dung: lập danh sách chính thức\n- Đơn vị chủ trì: Ban Công tác mặt trận thôn\n3.3. Báo cáo kết quả Hội nghị\n- Gửi biên bản về Ban Thường trực.",
        false,
      ),
      { year: 2026 },
    );
    // 3.3 inherits heading 3's lead across the missing 3.1 and 3.2: flagged; 2.2 follows 2.1: not.
    expect(p.flags.filter((f) => f.code === "NUMBER_SKIPPED").map((f) => f.taskCode)).toEqual(["II.3.3"]);
  });

  it("drops an empty bullet from Nơi nhận (a page saved from Word writes one per blank line of the list)", () => {
    const p = parsePlan(textToBlocks("KẾ HOẠCH\nBầu cử\nI. NHIỆM VỤ\n1. Giao Sở Nội vụ chủ trì hướng dẫn.\nNơi nhận:\n- Như trên;\n-\n- ;\n- Lưu: VT.", false), { year: 2026 });
    expect(p.recipients).toEqual(["Như trên", "Lưu: VT"]);
  });

  it("reads 'Giao X <verb>', carries a 'Tổ chức thực hiện' subject to the items after it, and skips an appendix's title lines", () => {
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nCải cách hành chính\nI. TỔ CHỨC THỰC HIỆN\n1. Căn cứ chức năng, nhiệm vụ được giao, các phòng thuộc Sở có trách nhiệm triển khai Kế hoạch.\n2. Tổ chức quán triệt Kế hoạch đến công chức, viên chức.\n3. Giao Văn phòng Sở theo dõi, đôn đốc, tổng hợp.\n4. Sở Nội vụ: hướng dẫn nghiệp vụ.\nPHỤ LỤC\n(Kèm theo Kế hoạch)",
        false,
      ),
      { year: 2026 },
    );
    expect(p.tasks.map((t) => [t.code, t.lead, t.via])).toEqual([
      ["I.1", ["Các phòng thuộc Sở"], "subject"],
      ["I.2", ["Các phòng thuộc Sở"], "subject"],
      ["I.3", ["Văn phòng Sở"], "prose"],
      ["I.4", ["Sở Nội vụ"], "heading"],
    ]);
    expect(p.flags.filter((f) => f.code === "LEAD_GUESSED").map((f) => f.taskCode)).toEqual(["I.1", "I.2"]);
  });

  it("reads a heading over a paragraph whose subject is a body doing work by a date as assigned", () => {
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nThi đua\nI. NHIỆM VỤ\n1. Thời gian gửi hồ sơ khen thưởng:\nCác cơ quan, đơn vị, địa phương lập hồ sơ gửi về Sở Nội vụ trước ngày 15/02/2027 để tổng hợp.\n2. Giấy khen của các sở:\nCác cơ quan, đơn vị, địa phương chủ động xây dựng tiêu chuẩn khen thưởng.",
        false,
      ),
      { year: 2026 },
    );
    expect(p.tasks.map((t) => [t.code, t.lead, t.due])).toEqual([
      ["I.1", ["Các cơ quan, đơn vị, địa phương"], "trước ngày 15/02/2027"],
      ["I.2", [], undefined],
    ]);
  });

  it("reads the assignments of a part it does not otherwise read, not its descriptions (Lâm Đồng, 2026)", () => {
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nKiểm tra cải cách hành chính\nI. ĐOÀN KIỂM TRA, THỜI GIAN KIỂM TRA\n1. Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì phối hợp với các ngành có liên quan tổ chức kiểm tra.\n2. Số lượng đơn vị kiểm tra: tối thiểu 20% cơ quan chuyên môn.\n3. Quý I/2027, các cơ quan, đơn vị, địa phương đánh giá kết quả thực hiện.\n4. Trung tâm dữ liệu tỉnh thực hiện lưu trữ dữ liệu của các đơn vị.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi, đôn đốc.",
        false,
      ),
      { year: 2026 },
    );
    expect(p.tasks.map((t) => [t.code, t.lead, t.cooperating, t.due])).toEqual([
      ["I.1", ["Sở Nội vụ"], ["các ngành có liên quan"], undefined],
      ["I.3", ["Các cơ quan, đơn vị, địa phương"], [], "Quý I/2027"],
      ["II.1", ["Sở Tư pháp"], [], undefined],
    ]);
    expect(p.flags.filter((f) => f.code === "SECTION_SKIPPED").map((f) => f.text)).toEqual(["I. ĐOÀN KIỂM TRA, THỜI GIAN KIỂM TRA"]);
  });

  it("reads an undated paragraph that hands this plan down to a body as assigned, in a part it does not otherwise read (thi đua, Lâm Đồng 2026)", () => {
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nThi đua cải cách hành chính\nI. TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG\n1. Bằng khen của Chủ tịch UBND tỉnh\nMỗi cơ quan, đơn vị, địa phương được đề xuất 01 tập thể.\n2. Giấy khen của Thủ trưởng các sở, ban, ngành\nCăn cứ Kế hoạch này, các cơ quan, đơn vị, địa phương trên địa bàn tỉnh chủ động xây dựng, ban hành tiêu chuẩn để khen thưởng theo thẩm quyền.\n3. Giấy khen của Chủ tịch UBND cấp xã\nCác cơ quan, đơn vị, địa phương chủ động xây dựng tiêu chuẩn khen thưởng.\n4. Căn cứ Kế hoạch phát động thi đua của Bộ, Sở Nội vụ hướng dẫn.\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp theo dõi, đôn đốc.",
        false,
      ),
      { year: 2026 },
    );
    // Only the paragraph that opens by citing this plan: the same sentence without it (3.) describes, and a plan
    // cited that is not this one (4.) is no hand-down; "chủ động" ends the subject.
    expect(p.tasks.map((t) => [t.code, t.lead, t.due])).toEqual([
      ["I.2", ["Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh"], undefined],
      ["II.1", ["Sở Tư pháp"], undefined],
    ]);
    expect(p.flags.filter((f) => f.taskCode === "I.2").map((f) => f.code)).toContain("LEAD_GUESSED");
  });

  it("gives the items of a heading that only names bodies to those bodies ('Tổ chức thực hiện' body by body)", () => {
    expect(bodyHeading("Sở Nội vụ")).toEqual(["Sở Nội vụ"]);
    expect(bodyHeading("Các sở, ban, ngành; UBND các xã, phường, đặc khu")).toEqual(["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]);
    expect(bodyHeading("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh")).toEqual([
      "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "các tổ chức chính trị - xã hội tỉnh",
    ]);
    expect(bodyHeading("Sở Nội vụ tham mưu UBND tỉnh")).toBeUndefined();
    expect(bodyHeading("Cải cách thủ tục hành chính")).toBeUndefined();
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nCải cách hành chính\nII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng UBND tỉnh\na) Chủ trì, phối hợp với Sở Khoa học và Công nghệ nâng cấp Hệ thống thông tin, hoàn thành trong Quý III/2026.\nb) Theo dõi, đôn đốc; tổng hợp, báo cáo UBND tỉnh trước ngày 10/12/2026.\n2. Sở Nội vụ\nChủ trì, phối hợp với Văn phòng UBND tỉnh đưa kết quả vào đánh giá Chỉ số cải cách hành chính; thời gian: Quý IV/2026.",
        false,
      ),
      { year: 2026 },
    );
    expect(p.tasks.map((t) => [t.code, t.lead, t.cooperating, t.due, t.children.map((c) => [c.code, c.lead, c.cooperating, c.due])])).toEqual([
      [
        "II.1",
        ["Văn phòng UBND tỉnh"],
        [],
        undefined,
        [
          ["II.1.a", [], ["Sở Khoa học và Công nghệ"], "Quý III/2026"],
          ["II.1.b", [], [], "trước ngày 10/12/2026"],
        ],
      ],
      ["II.2", ["Sở Nội vụ"], ["Văn phòng UBND tỉnh"], "Quý IV/2026", []],
    ]);
  });

  it("reads the cooperating bodies an item names in its opening words, and a 'Kiến nghị' part body by body", () => {
    expect(fromProse("Phối hợp với Công an tỉnh, các cơ quan liên quan nghiên cứu mô hình").cooperating).toEqual(["Công an tỉnh", "các cơ quan liên quan"]);
    expect(fromProse("Tích cực phối hợp với Sở Y tế tổ chức tuyên truyền").cooperating).toEqual(["Sở Y tế"]);
    expect(fromProse("Hướng dẫn, phối hợp với các sở, ngành, UBND các xã, phường xây dựng chuyên mục").cooperating).toEqual(["các sở, ngành", "UBND các xã, phường"]);
    expect(fromProse("Định hướng và phối hợp chặt chẽ với các sở, ban, ngành triển khai").cooperating).toEqual(["các sở, ban, ngành"]);
    // "X: Chủ trì, phối hợp với Y …": X leads, Y cooperates.
    expect(fromProse("Sở Tư pháp: Chủ trì, phối hợp với Sở Nội vụ tổ chức tuyên truyền.", true)).toMatchObject({ lead: ["Sở Tư pháp"], cooperating: ["Sở Nội vụ"] });
    expect(fromProse("Sở Tư pháp: Phối hợp với Sở Nội vụ tổ chức tuyên truyền.", true)).toMatchObject({ lead: ["Sở Tư pháp"], cooperating: ["Sở Nội vụ"] });
    // A later clause that opens with "chủ trì, phối hợp với" (no other subject): the item's own cooperation.
    expect(fromProse("Tham mưu ban hành Quy chế. Rà soát, nâng cấp Trang thông tin; chủ trì, phối hợp với các cơ quan liên quan vận hành").cooperating).toEqual([
      "các cơ quan liên quan",
    ]);
    // Further into the sentence, a product's name ("quy chế phối hợp với"), or after a full stop: not read.
    expect(fromProse("Xây dựng quy chế phối hợp với Sở Y tế trong công tác quản lý").cooperating).toEqual([]);
    expect(fromProse("Tổ chức quán triệt, triển khai thực hiện những nhiệm vụ nêu trên, phối hợp với các cơ quan liên quan").cooperating).toEqual([]);
    const p = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nPhòng, chống ma túy\nI. NHIỆM VỤ\n1. Công an tỉnh\n- Phối hợp với Sở Y tế tổ chức điều trị nghiện.\nII. KIẾN NGHỊ\n1. Ngân hàng Nhà nước khu vực X: Chỉ đạo các ngân hàng cho vay.\n2. Chi cục Hải quan khu vực XIII: Phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh tổ chức kiểm soát.",
        false,
      ),
      { year: 2026 },
    );
    // A heading over a paragraph that assigns it: the heading is the task, the paragraph's "X chủ trì" its lead.
    const q = parsePlan(
      textToBlocks(
        "KẾ HOẠCH\nTuyên truyền\nI. HOẠT ĐỘNG TRỌNG TÂM\n1. Tổ chức Cuộc thi tìm hiểu về cải cách hành chính\nSở Nội vụ chủ trì, phối hợp với Sở Tư pháp tổ chức Cuộc thi.\n2. Tổ chức tập huấn nghiệp vụ\nTổ chức các lớp tập huấn về nghiệp vụ.",
        false,
      ),
      { year: 2026 },
    );
    expect(q.tasks.map((t) => [t.code, t.lead, t.cooperating])).toEqual([
      ["I.1", ["Sở Nội vụ"], ["Sở Tư pháp"]],
      ["I.2", [], []],
    ]);
    const flat = p.tasks.flatMap((t) => [t, ...t.children]).map((t) => [t.code, t.lead, t.cooperating]);
    expect(flat).toEqual([
      ["I.1", ["Công an tỉnh"], []],
      ["I.1.1", [], ["Sở Y tế"]],
      ["II.1", ["Ngân hàng Nhà nước khu vực X"], []],
      ["II.2", ["Chi cục Hải quan khu vực XIII"], ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]],
    ]);
  });

  it("takes a title that opens with 'Thực hiện', and cuts a subject at 'là'", () => {
    const blocks = textToBlocks(
      "ỦY BAN NHÂN DÂN\nXÃ HƯNG LỘC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 56/KH-UBND\nHưng Lộc, ngày 12 tháng 01 năm 2026\nKẾ HOẠCH\nThực hiện công tác cải cách hành chính năm 2026\nThực hiện Kế hoạch số 301/KH-UBND của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã xây dựng Kế hoạch như sau:\nI. TỔ CHỨC THỰC HIỆN\n1. Công an xã là cơ quan thường trực, theo dõi, đôn đốc thực hiện Kế hoạch.",
      false,
    );
    const p = parsePlan(blocks, { year: 2026 });
    expect(p.title).toBe("Thực hiện công tác cải cách hành chính năm 2026");
    expect(p.tasks.at(-1)).toMatchObject({ lead: ["Công an xã"] });
  });

  it("gives a heading's assignment to its items and keeps a 'Phân công thực hiện' block off the task list", () => {
    const p = plan(
      "II. NHIỆM VỤ\na) Nâng cao Chỉ số PAR INDEX\n- Công khai 100% TTHC;\n- Kiểm tra việc giải quyết TTHC.\n- Phân công thực hiện:\n+ Đơn vị chủ trì: Văn phòng Sở\n+ Đơn vị phối hợp: Các phòng, trung tâm thuộc Sở",
    );
    expect(p.tasks).toMatchObject([{ code: "II.a", lead: ["Văn phòng Sở"], cooperating: ["Các phòng, trung tâm thuộc Sở"], children: [{ code: "II.a.1" }, { code: "II.a.2" }] }]);
    expect(p.tasks[0]!.children).toHaveLength(2);
    expect(p.flags.filter((f) => f.code === "NO_LEAD")).toEqual([]);
  });

  it("gives labelled lines written as bullets to the numbered item their description bullets belong to, not to the last bullet", () => {
    const p = plan(
      "II. NỘI DUNG\n1. Xây dựng quy chế làm việc\n- Bảo đảm đúng quy định;\n- Lấy ý kiến các thành viên.\n- Thời gian hoàn thành: Quý I/2026;\n- Đơn vị chủ trì: Văn phòng\n- Đơn vị phối hợp: Các đ/c Phó Chủ tịch, Trưởng các đoàn thể.\n- Kết quả: Quy chế.\n2. Tổ chức hội nghị sơ kết\n- Chuẩn bị tài liệu.\n* Thời gian thực hiện: Tháng 6/2026.\n3. Rà soát hồ sơ\n- Rà soát hồ sơ lưu trữ\n+ Đơn vị chủ trì: Phòng Hành chính",
    );
    expect(p.tasks).toMatchObject([
      { code: "II.1", lead: ["Văn phòng"], cooperating: ["Các đ/c Phó Chủ tịch", "Trưởng các đoàn thể"], due: "Quý I/2026", children: [{ lead: [] }, { lead: [] }] },
      { code: "II.2", due: "Tháng 6/2026", children: [{ lead: [] }] },
      // A label one level down ("+" under "-") is the bullet's own.
      { code: "II.3", lead: [], children: [{ lead: ["Phòng Hành chính"] }] },
    ]);
    expect(p.tasks[0]!.children).toHaveLength(2);
  });

  it("reads an empty time label followed by its parts one a bullet ('+ Đợt 1: …') as one deadline, the parts as written", () => {
    const p = plan(
      "III. NỘI DUNG\n2. Kiểm tra việc hiệp thương\n- Việc bảo đảm cơ cấu, thành phần.\n* Thời gian thực hiện:\n+ Đợt 1: Từ ngày 01/12/2025 đến ngày 14/12/2025.\n+ Đợt 2: Từ ngày 02/02/2026 đến ngày 08/02/2026.\n3. Giám sát việc lập danh sách cử tri\n- Cách tính tuổi.",
    );
    expect(p.tasks).toMatchObject([
      { code: "III.2", due: "Đợt 1: Từ ngày 01/12/2025 đến ngày 14/12/2025; Đợt 2: Từ ngày 02/02/2026 đến ngày 08/02/2026", children: [{ code: "III.2.1" }] },
      { code: "III.3", children: [{ text: "Cách tính tuổi." }] },
    ]);
    expect(p.tasks[0]!.children).toHaveLength(1);
    expect(p.tasks[1]).not.toHaveProperty("due");
  });

  it("reads one block of labels after the last of a heading's items as the heading's, and flags its items", () => {
    const p = plan(
      "II. NỘI DUNG\n1. Tiếp nhận hồ sơ\n1.1. Tiếp nhận hồ sơ trực tuyến\n- Đơn vị chủ trì: Bộ phận một cửa\n- Thời gian thực hiện: Quý I/2026\n3. Theo dõi, tổng hợp tình hình\n3.1. Theo dõi việc giải quyết hồ sơ;\n3.2. Tổng hợp khó khăn, vướng mắc;\n3.3. Báo cáo định kỳ.\n- Thời gian thực hiện: Từ tháng 12/2025 đến quý I/2026.\n- Đơn vị chủ trì: Văn phòng\n- Đơn vị phối hợp: Công an xã",
    );
    expect(p.tasks[1]).toMatchObject({ code: "II.3", lead: ["Văn phòng"], cooperating: ["Công an xã"], due: "Từ tháng 12/2025 đến quý I/2026", sharedLabels: true });
    expect(p.tasks[1]!.children.map((c) => c.lead)).toEqual([[], [], []]);
    expect(p.flags.filter((f) => f.code === "LABELS_SHARED").map((f) => f.taskCode)).toEqual(["II.3.1", "II.3.2", "II.3.3"]);
    // An item with a block of its own keeps it (1.1 is the only item of 1, and carries its own labels).
    expect(p.tasks[0]).toMatchObject({ lead: [], children: [{ code: "II.1.1", lead: ["Bộ phận một cửa"] }] });
    expect(p.flags.filter((f) => f.code === "NO_LEAD")).toEqual([]);
  });

  it("gives the items under a period heading ('Đợt 1: Từ ngày … đến ngày …:') that period as their deadline, and keeps one ending with an event", () => {
    const p = plan(
      "II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN\n1. Đợt 1: Từ ngày 02/3/2026 đến ngày 20/3/2026:\na) Nội dung kiểm tra:\n- Kiểm tra việc lập danh sách.\n- Kiểm tra việc niêm yết (từ 05/3/2026 đến 10/3/2026).\n2. Đợt 2: Từ ngày 21/3/2026 đến ngày kết thúc đợt bầu cử gồm các nội dung trọng tâm:\n- Giám sát việc kiểm phiếu.",
    );
    expect(p.tasks).toMatchObject([
      { code: "II.1", due: "Từ ngày 02/3/2026 đến ngày 20/3/2026", children: [{ children: [{ code: "II.1.a.1" }, { due: "từ 05/3/2026 đến 10/3/2026" }] }] },
      { code: "II.2", due: "Từ ngày 21/3/2026 đến ngày kết thúc đợt bầu cử" },
    ]);
    const model = analyze(p, { units: [], groups: [] }, 2026);
    expect(model.tasks.find((t) => t.text === "Kiểm tra việc lập danh sách.")?.effective.due).toBe("Từ ngày 02/3/2026 đến ngày 20/3/2026");
    expect(model.tasks.find((t) => t.text === "Giám sát việc kiểm phiếu.")?.effective.deadline).toMatchObject({ kind: "EVENT" });
  });

  it("names the issuer of a header ending with a standing organ ('BAN THƯỜNG TRỰC') as that organ of the body above", () => {
    const p = parsePlan(
      textToBlocks(
        "ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG AN PHÚ ĐÔNG\nBAN THƯỜNG TRỰC\nSố: 05/KH-MTTQ-BTT\nAn Phú Đông, ngày 02 tháng 12 năm 2025\nKẾ HOẠCH\nGiám sát công tác bầu cử\nI. NỘI DUNG\n1. Giám sát việc lập danh sách cử tri.",
        false,
      ),
      { year: 2025 },
    );
    expect(p.issuer).toBe("Ban Thường trực Ủy ban MTTQ Việt Nam phường An Phú Đông");
    expect(analyze(p, { units: [], groups: [] }, 2025).tasks[0]!.effective.lead.map((r) => r.name)).toEqual(["Ban Thường trực Ủy ban MTTQ Việt Nam phường An Phú Đông"]);
  });

  it("gives a heading whose items name no lead the issuer itself (flagged), so its items inherit it as the heading's work", () => {
    const p = plan(
      "III. NỘI DUNG GIÁM SÁT\n1. Giám sát việc lập danh sách cử tri\n- Cách tính tuổi;\n- Việc niêm yết danh sách.\n2. Giám sát việc kiểm phiếu\n- Sở Nội vụ chủ trì kiểm tra biên bản.",
    );
    const model = analyze(p, { units: [], groups: [] }, 2025);
    const lead = (code: string) => model.tasks.find((t) => t.code === code)!.effective.lead.map((r) => r.name);
    expect(lead("III.1")).toEqual(["Ủy ban nhân dân tỉnh An Giang"]);
    expect(model.tasks.find((t) => t.code === "III.1.1")!.lead).toEqual([]);
    expect(lead("III.1.1")).toEqual(["Ủy ban nhân dân tỉnh An Giang"]);
    expect(model.tasks.find((t) => t.code === "III.1")!.flags).toContain("NO_LEAD");
    // A heading one of whose items names its lead is not given one.
    expect(lead("III.2")).toEqual([]);
    expect(lead("III.2.1")).toEqual(["Sở Nội vụ"]);
  });

  it("reads no lead from a bare kind of body before 'chủ trì' ('Cơ quan chủ trì, thành phần … hội nghị': what is inspected)", () => {
    expect(fromProse("Cơ quan chủ trì, thành phần, số lượng cử tri tham dự hội nghị.", true).lead).toEqual([]);
    expect(fromProse("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức hội nghị.", true)).toMatchObject({ lead: ["Sở Nội vụ"], cooperating: ["Sở Tài chính"] });
  });

  it("reads the subject before 'tham gia', and a team named by its work ('Đoàn kiểm tra', 'Tổ kiểm tra') as one body", () => {
    expect(fromProse("Các tổ chức thành viên của Mặt trận tham gia kiểm tra, giám sát theo phân công.", true)).toMatchObject({
      lead: ["Các tổ chức thành viên của Mặt trận"],
      via: "subject",
    });
    expect(fromProse("Đoàn kiểm tra trong quá trình làm việc nếu có vướng mắc thì báo cáo kịp thời.", true)).toMatchObject({ lead: ["Đoàn kiểm tra"] });
    expect(fromProse("Tổ kiểm tra tổng hợp kết quả, báo cáo Ban Chỉ đạo.", true)).toMatchObject({ lead: ["Tổ kiểm tra"] });
  });

  it("reads a heading 'Các tổ chức chính trị - xã hội' as one body, not 'Các' doing 'tổ chức'", () => {
    expect(bodyHeading("2. Các tổ chức chính trị - xã hội xã".replace(/^2\. /, ""))).toEqual(["Các tổ chức chính trị - xã hội xã"]);
    const p = plan("V. TỔ CHỨC THỰC HIỆN\n2. Các tổ chức thành viên của Mặt trận Tổ quốc xã\n- Chỉ đạo chi hội ở thôn nắm tình hình.");
    expect(p.tasks).toMatchObject([{ lead: ["Các tổ chức thành viên của Mặt trận Tổ quốc xã"] }]);
  });

  it("reads one task set out field by field in numbered lines ('1. Tên nhiệm vụ:' … '5. Thời gian hoàn thành:', NQ 97/NQ-CP's Điều 2)", () => {
    const p = plan(
      "Điều 2. Điều chỉnh nhiệm vụ tại số thứ tự thứ 5 mục IV của Phụ lục như sau:\n1. Tên nhiệm vụ: Xây dựng Đề án hình thành mạng lưới chuyên gia pháp lý.\n2. Cơ quan chủ trì: Bộ Tư pháp.\n3. Cơ quan phối hợp: Các bộ, ngành.\n4. Kết quả: Quyết định của Thủ tướng Chính phủ phê duyệt Đề án.\n5. Thời gian hoàn thành: Quý IV/2026.",
    );
    expect(p.tasks).toHaveLength(1);
    expect(p.tasks[0]).toMatchObject({
      text: "Xây dựng Đề án hình thành mạng lưới chuyên gia pháp lý.",
      lead: ["Bộ Tư pháp"],
      cooperating: ["Các bộ, ngành"],
      due: "Quý IV/2026",
      children: [],
    });
  });

  it("keeps a deadline it does not understand verbatim and flags it", () => {
    const p = plan("II. NHIỆM VỤ\n1. Giao Sở Nội vụ chủ trì tổng kết.\nThời gian thực hiện: ngay sau khi có kết quả");
    expect(p.tasks[0]).toMatchObject({ lead: ["Sở Nội vụ"], due: "ngay sau khi có kết quả" });
    expect(p.flags).toContainEqual(expect.objectContaining({ code: "DUE_UNKNOWN", taskCode: "II.1", text: "ngay sau khi có kết quả" }));
  });

  it("does not put the deadline above in place of a task's own deadline it does not understand, and scores the task on the text kept", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("STT"), c("Nhiệm vụ"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời gian hoàn thành")],
      [c("1"), c("Rà soát hạ tầng công nghệ thông tin"), c("Sở Khoa học và Công nghệ"), c("Sở Tài chính"), c("Quý IV/2025")],
      [c(""), c("Bố trí kinh phí thực hiện"), c(""), c("Sở Tài chính"), c("Theo lộ trình của Đề án")],
    ];
    const model = analyze(parsePlan([{ kind: "table", rows, rowPos: rows.map(() => ({})), pos: {} }], { year: 2025 }), { units: [], groups: [] }, 2025);
    const own = model.tasks.find((t) => t.text === "Bố trí kinh phí thực hiện")!;
    expect(own).toMatchObject({ due: "Theo lộ trình của Đề án", flags: expect.arrayContaining(["DUE_UNKNOWN"]) });
    expect(own.effective.due).toBeUndefined();
    const expected = { lead: ["Sở Khoa học và Công nghệ"], cooperating: ["Sở Tài chính"] };
    const scored = score(model, { tasks: [{ text: "Bố trí kinh phí thực hiện", due: "Theo lộ trình của Đề án", ...expected }] });
    expect(scored).toMatchObject({ dueRight: 1, allRight: 1, unflaggedErrors: 0 });
    expect(score(model, { tasks: [{ text: "Bố trí kinh phí thực hiện", due: "Quý IV/2025", ...expected }] }).dueRight).toBe(0);
  });

  it("scores an expected task against the task whose whole text it is before a heading that merely starts with it", () => {
    const p = plan(
      "II. NỘI DUNG\n7. Tổng kết công tác năm của Ủy ban; bảo đảm điều kiện\n7.1. Tổng kết công tác năm\n- Đơn vị chủ trì: Văn phòng\n- Thời gian hoàn thành: Tháng 4/2026",
    );
    const model = analyze(p, { units: [], groups: [] }, 2025);
    const s = score(model, { tasks: [{ text: "Tổng kết công tác năm", lead: ["Văn phòng"], cooperating: [], due: "Tháng 4/2026" }] });
    expect(s).toMatchObject({ allRight: 1, extra: 1 });
  });

  it("reads no body from a cell that refers to another document's assignment, nor a cooperating cell merged into the follow-up column", () => {
    const c = (text: string, spanned = false): TableCell => ({ text, spanned });
    const ref = "Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025";
    const rows: TableCell[][] = [
      [c("STT"), c("Nhiệm vụ"), c("Thời gian hoàn thành"), c("Chủ trì thực hiện"), c("Phối hợp thực hiện"), c("Theo dõi, kiểm tra, đôn đốc")],
      [c("1"), c("Tiếp tục triển khai Quyết định số 1441/QĐ-UBND"), c("Trong năm 2026"), c(ref), c(ref, true), c("Văn phòng UBND tỉnh")],
      [c("2"), c("Xây dựng kế hoạch cải cách hành chính"), c("Trong năm 2026"), c("Các cơ quan, đơn vị, địa phương"), c("Sở Nội vụ"), c("Sở Nội vụ", true)],
      [c("3"), c("Rà soát thủ tục hành chính"), c("Trong năm 2026"), c("Sở Tư pháp"), c("Sở Nội vụ"), c("Văn phòng UBND tỉnh")],
    ];
    const p = parsePlan([{ kind: "table", rows, rowPos: rows.map(() => ({})), pos: {} }], { year: 2026 });
    const byText = (t: string) => p.tasks.find((x) => x.text.startsWith(t))!;
    expect(byText("Tiếp tục")).toMatchObject({ lead: [], cooperating: [] });
    expect(p.flags).toContainEqual(expect.objectContaining({ code: "NO_LEAD", taskCode: byText("Tiếp tục").code }));
    expect(byText("Xây dựng")).toMatchObject({ lead: ["Các cơ quan, đơn vị, địa phương"], cooperating: [] });
    expect(byText("Rà soát")).toMatchObject({ lead: ["Sở Tư pháp"], cooperating: ["Sở Nội vụ"] });
  });

  it("reads a numbered row holding its task alone over a row without a number that says who carries it out and when as one task", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("STT"), c("Nhiệm vụ"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời gian hoàn thành")],
      [c("1"), c("Phát triển nguồn nhân lực chất lượng cao."), c(""), c(""), c("")],
      [c(""), c("Thực hiện đặt hàng đào tạo tại các cơ sở giáo dục đại học."), c("Bộ Giáo dục và Đào tạo"), c("Các bộ, cơ quan"), c("Năm 2026")],
      [c("2"), c("Cập nhật bản đồ rủi ro thiên tai"), c("Bộ Nông nghiệp và Môi trường"), c(""), c("Năm 2027")],
    ];
    const p = parsePlan([{ kind: "table", rows, rowPos: rows.map(() => ({})), pos: {} }], { year: 2026 });
    expect(p.tasks.map((t) => ({ text: t.text, lead: t.lead, cooperating: t.cooperating, due: t.due, children: t.children.length }))).toEqual([
      {
        text: "Phát triển nguồn nhân lực chất lượng cao. Thực hiện đặt hàng đào tạo tại các cơ sở giáo dục đại học.",
        lead: ["Bộ Giáo dục và Đào tạo"],
        cooperating: ["Các bộ, cơ quan"],
        due: "Năm 2026",
        children: 0,
      },
      { text: "Cập nhật bản đồ rủi ro thiên tai", lead: ["Bộ Nông nghiệp và Môi trường"], cooperating: [], due: "Năm 2027", children: 0 },
    ]);
  });

  it("flags a task stated twice with the same lead (the document's body, then its appendix), not the same words given to another body", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("STT"), c("Nhiệm vụ"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời gian hoàn thành")],
      [c("1"), c("Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ"), c("Bộ Công an"), c(""), c("Năm 2024")],
      [c("2"), c("Rà soát hiện trạng công nghệ thông tin tại các bộ, ngành"), c("Bộ Công an"), c(""), c("Năm 2024")],
      [c("3"), c("Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP của Chính phủ"), c("Bộ Công an"), c("Bộ Tư pháp"), c("Năm 2024")],
      [c("4"), c("Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP của Chính phủ"), c("Bộ Tư pháp"), c(""), c("Năm 2024")],
    ];
    const model = analyze(parsePlan([{ kind: "table", rows, rowPos: rows.map(() => ({})), pos: {} }], { year: 2025 }), { units: [], groups: [] }, 2025);
    const twice = model.tasks.filter((t) => t.flags.includes("STATED_TWICE")).map((t) => t.lead.map((r) => r.name).join());
    expect(twice).toEqual(["Bộ Công an", "Bộ Công an"]);
    expect(model.flags.filter((f) => f.code === "STATED_TWICE")).toHaveLength(2);
  });

  it("reads an assignment table with merged cells, parts restarting their numbering and a row split over two pages", () => {
    const c = (text: string, spanned = false): TableCell => ({ text, spanned });
    const rows: TableCell[][] = [
      [c("STT"), c("Nhiệm vụ"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời gian hoàn thành")],
      [c("A"), c("CẢI CÁCH THỂ CHẾ"), c("CẢI CÁCH THỂ CHẾ", true), c("CẢI CÁCH THỂ CHẾ", true), c("CẢI CÁCH THỂ CHẾ", true)],
      [c("1"), c("Rà soát văn bản quy phạm pháp luật"), c("Sở Tư pháp"), c("Các sở, ban, ngành"), c("Quý IV/2025")],
      [c("2"), c("Kiểm tra văn bản"), c("Sở Tư pháp", true), c("Sở Nội vụ\nSở Tài chính"), c("Hằng năm")],
      [c(""), c("(tiếp) tại các địa phương"), c(""), c(""), c("")],
      [c("B"), c("CẢI CÁCH TTHC"), c("CẢI CÁCH TTHC", true), c("CẢI CÁCH TTHC", true), c("CẢI CÁCH TTHC", true)],
      [c("1"), c("Số hóa hồ sơ"), c("Văn phòng UBND tỉnh"), c("UBND các xã, phường, đặc khu"), c("Khi có phát sinh")],
    ];
    const blocks: Block[] = [
      ...textToBlocks("KẾ HOẠCH\nThực hiện cải cách hành chính\nII. NHIỆM VỤ\nChi tiết tại Phụ lục kèm theo.", false),
      { kind: "table", rows, rowPos: rows.map((_, i) => ({ table: 1, row: i + 1 })), pos: { table: 1 } },
    ];
    const p = parsePlan(blocks, { year: 2025 });
    expect(p.tasks.map((t) => t.code)).toEqual(["PL1.A", "PL1.B"]);
    expect(p.tasks[0]!.children).toMatchObject([
      { code: "PL1.A.1", lead: ["Sở Tư pháp"], cooperating: ["Các sở, ban, ngành"], due: "Quý IV/2025", source: { table: 1, row: 3 } },
      { code: "PL1.A.2", text: "Kiểm tra văn bản (tiếp) tại các địa phương", lead: ["Sở Tư pháp"], cooperating: ["Sở Nội vụ", "Sở Tài chính"], due: "Hằng năm" },
    ]);
    expect(p.tasks[1]!.children).toMatchObject([{ code: "PL1.B.1", cooperating: ["UBND các xã, phường, đặc khu"], due: "Khi có phát sinh" }]);
  });

  it("reads 'Đơn vị | Nhiệm vụ chủ trì' as the lead's column and its tasks; bodies numbered in a cell (NQ 175/NQ-CP)", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("STT"), c("Đơn vị"), c("Nhiệm vụ chủ trì"), c("Đơn vị phối hợp"), c("Thời gian hoàn thành")],
      [c("1"), c("Bộ Thông tin và Truyền thông"), c("Ban hành Khung kiến trúc Chính phủ điện tử 3.0"), c("Văn phòng Chính phủ"), c("Quý IV/2023")],
      [c(""), c(""), c("Tuyên truyền về Trung tâm dữ liệu quốc gia"), c("(1) Bộ Công an (2) VTV"), c("Thường xuyên")],
      [c("2"), c("Bộ Công an"), c("Rà soát các luật có quy định về cơ sở dữ liệu"), c("(1) Bộ Tư pháp (2) Các bộ, ngành, địa phương"), c("Tháng 9/2024")],
    ];
    const blocks: Block[] = [
      ...textToBlocks("KẾ HOẠCH\nThực hiện Đề án\nII. NHIỆM VỤ\nChi tiết tại Phụ lục kèm theo.", false),
      { kind: "table", rows, rowPos: rows.map((_, i) => ({ table: 1, row: i + 1 })), pos: { table: 1 } },
    ];
    const tasks = parsePlan(blocks, { year: 2023 }).tasks.flatMap((t) => [t, ...t.children]);
    expect(tasks).toMatchObject([
      { text: "Ban hành Khung kiến trúc Chính phủ điện tử 3.0", lead: ["Bộ Thông tin và Truyền thông"], cooperating: ["Văn phòng Chính phủ"], due: "Quý IV/2023" },
      // A row without a number of its own (its lead cell merged down from the row above) goes under that row.
      { code: "PL1.1.r2", text: "Tuyên truyền về Trung tâm dữ liệu quốc gia", cooperating: ["Bộ Công an", "VTV"], due: "Thường xuyên" },
      { text: "Rà soát các luật có quy định về cơ sở dữ liệu", lead: ["Bộ Công an"], cooperating: ["Bộ Tư pháp", "Các bộ, ngành, địa phương"], due: "Tháng 9/2024" },
    ]);
  });

  it("gives a sub-row with no number and no task of its own (both cells merged down) the task of the row above (NQ 97/NQ-CP)", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("TT"), c("Tên nhiệm vụ"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Kết quả"), c("Thời gian hoàn thành")],
      [c("15"), c("Thể chế hóa các chủ trương phát triển kinh tế tư nhân"), c("Bộ Tài chính"), c("Các bộ, cơ quan ngang bộ"), c("Báo cáo chuyên đề"), c("Tháng 5/2026")],
      [c(""), c(""), c("Bộ Tài chính"), c("Các bộ, cơ quan ngang bộ"), c("Báo cáo kết quả"), c("Tháng 11/2026")],
      [c("16"), c("Xây dựng Đề án văn hóa tuân thủ pháp luật"), c("Bộ Tư pháp"), c("Các bộ, ngành"), c("Đề án"), c("Tháng 8/2026")],
    ];
    const blocks: Block[] = [
      ...textToBlocks("KẾ HOẠCH\nThực hiện Nghị quyết\nII. NHIỆM VỤ\nChi tiết tại Phụ lục kèm theo.", false),
      { kind: "table", rows, rowPos: rows.map((_, i) => ({ table: 1, row: i + 1 })), pos: { table: 1 } },
    ];
    const tasks = analyze(parsePlan(blocks, { year: 2026 }), { units: [], groups: [] }, 2026).tasks;
    const sub = tasks.filter((t) => t.text.startsWith("Thể chế hóa các chủ trương"));
    expect(sub.map((t) => [t.effective.lead.map((r) => r.name), t.effective.due])).toEqual([
      [["Bộ Tài chính"], "Tháng 5/2026"],
      [["Bộ Tài chính"], "Tháng 11/2026"],
    ]);
  });

  it("reads a deadline cell without the full stop ending it and without the space of a range wrapped after its dash; flags a body named to lead and to cooperate", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("TT"), c("Tên nhiệm vụ"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời hạn hoàn thành")],
      [c("1"), c("Tuyên truyền, phổ biến pháp luật"), c("Bộ Ngoại giao"), c("Các Bộ, ngành, địa phương"), c("Thực hiện thường xuyên.")],
      [c("2"), c("Đề xuất cơ chế khen thưởng"), c("Bộ Ngoại giao"), c("Bộ Tư pháp"), c("Năm 2026-\n2030")],
      [c("3"), c("Nâng cao ý thức chấp hành pháp luật"), c("Các Bộ, ngành, địa phương"), c("Các Bộ, ngành, địa phương"), c("Năm 2026 - 2030")],
      [c("4"), c("Rà soát văn bản"), c("Bộ Tư pháp"), c("Bộ Công an"), c("Tiếp tục...")],
    ];
    const blocks: Block[] = [
      ...textToBlocks("KẾ HOẠCH\nThực hiện công tác phi chính phủ nước ngoài\nII. NHIỆM VỤ\nChi tiết tại Phụ lục kèm theo.", false),
      { kind: "table", rows, rowPos: rows.map((_, i) => ({ table: 1, row: i + 1 })), pos: { table: 1 } },
    ];
    const p = parsePlan(blocks, { year: 2026 });
    expect(p.tasks.map((t) => t.due)).toEqual(["Thực hiện thường xuyên", "Năm 2026-2030", "Năm 2026 - 2030", "Tiếp tục..."]);
    const m = analyze(p, { units: [] }, 2026);
    expect(m.tasks[2]).toMatchObject({ lead: [{ name: "Các Bộ, ngành, địa phương" }], cooperating: [], flags: expect.arrayContaining(["LEAD_ALSO_COOPERATING"]) });
    expect(m.tasks[0]!.flags).not.toContain("LEAD_ALSO_COOPERATING");
    expect(m.flags).toContainEqual(expect.objectContaining({ code: "LEAD_ALSO_COOPERATING", taskCode: m.tasks[2]!.code, text: "Các Bộ, ngành, địa phương" }));
  });

  it("skips a header repeated on a new page, but not a row whose lead cell says who 'chủ trì' and whose task mentions 'nhiệm vụ' (NQ 109/NQ-CP, row 82)", () => {
    const c = (text: string): TableCell => ({ text, spanned: false });
    const rows: TableCell[][] = [
      [c("TT"), c("Nhiệm vụ cụ thể"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời hạn thực hiện")],
      [c("1"), c("Tổng rà soát hệ thống văn bản quy phạm pháp luật"), c("Bộ Tư pháp"), c("Các bộ, ngành"), c("2026 - 2027")],
      [c("TT"), c("Nhiệm vụ cụ thể"), c("Cơ quan chủ trì"), c("Cơ quan phối hợp"), c("Thời hạn thực hiện")],
      [
        c("2"),
        c("Quản lý, điều hành NSNN hiệu lực, hiệu quả … theo nhu cầu, tiến độ giải ngân các nhiệm vụ đầu tư phát triển"),
        c("1. Bộ Tài chính đầu mối, chủ trì 2. Các Bộ, cơ quan, địa phương thực hiện nhiệm vụ thu"),
        c("Các bộ, ngành"),
        c("2026 - 2030"),
      ],
    ];
    const blocks: Block[] = [
      ...textToBlocks("KẾ HOẠCH\nPhát triển kinh tế - xã hội\nII. NHIỆM VỤ\nChi tiết tại Phụ lục kèm theo.", false),
      { kind: "table", rows, rowPos: rows.map((_, i) => ({ table: 1, row: i + 1 })), pos: { table: 1 } },
    ];
    const p = parsePlan(blocks, { year: 2026 });
    expect(p.tasks.map((t) => t.text.slice(0, 20))).toEqual(["Tổng rà soát hệ thốn", "Quản lý, điều hành N"]);
  });
});
