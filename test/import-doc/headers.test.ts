// Reading the header of real plans (excerpts of public pages, see
// test/fixtures/plans/headers/SOURCE.md): the crawler's broken lines and
// flattened tables are what real copies look like.
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/import-doc/read/index.js";
import { parsePlan } from "../../src/import-doc/parse/structure.js";

const DIR = "test/fixtures/plans/headers";

describe("plan headers of real documents", () => {
  it.each([
    [
      "hue-398-KH-UBND-2021.txt",
      {
        number: "398/KH-UBND",
        place: "Thừa Thiên Huế",
        issuedOn: "2021-12-25",
        issuer: "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
        title: "Thực hiện cải cách hành chính gắn với chính quyền số, dịch vụ đô thị thông minh trên địa bàn tỉnh Thừa Thiên Huế năm 2022",
      },
    ],
    [
      "kontum-3335-KH-UBND-2017.txt",
      {
        number: "3335/KH-UBND",
        place: "Kon Tum",
        issuedOn: "2017-12-08",
        issuer: "Ủy ban nhân dân tỉnh Kon Tum",
        title: "Thực hiện công tác cải cách hành chính nhà nước trên địa bàn tỉnh Kon Tum năm 2018",
      },
    ],
    ["tuyenquang-87-KH-UBND-2013.txt", { number: "87/KH-UBND", place: "Tuyên Quang", issuedOn: "2013-12-10", title: "Cải cách hành chính tỉnh Tuyên Quang năm 2014" }],
    [
      "namdinh-88-KH-UBND-2015.txt",
      {
        number: "88/KH-UBND",
        place: "Nam Định",
        issuedOn: "2015-12-14",
        issuer: "Ủy ban nhân dân tỉnh Nam Định",
        title: "Cải cách hành chính nhà nước tỉnh Nam Định giai đoạn 2016 - 2020",
      },
    ],
    ["thanhhoa-130-KH-UBND-2025.txt", { number: "130/KH-UBND", place: "Thanh Hoá", issuedOn: "2025-06-27", issuer: "Ủy ban nhân dân" }],
  ])("%s", async (file, expected) => {
    const p = parsePlan((await readDocument(`${DIR}/${file}`)).blocks);
    expect(p).toMatchObject(expected);
  });

  it("a plan attached to a decision has no number of its own: the decision's is kept apart", async () => {
    const p = parsePlan((await readDocument(`${DIR}/ttg-240-QD-TTg-2025.txt`)).blocks);
    expect(p).toMatchObject({ decision: "240/QĐ-TTg", place: "Hà Nội", issuedOn: "2025-02-04", title: "Cải cách thủ tục hành chính trọng tâm năm 2025" });
    expect(p.number).toBeUndefined();
  });

  it("reads căn cứ and purposes from a real plan", async () => {
    const p = parsePlan((await readDocument(`${DIR}/hue-398-KH-UBND-2021.txt`)).blocks);
    expect(p.legalBases[0]).toMatch(/^Thực hiện Nghị quyết số 76\/NQ-CP ngày 15 tháng 7 năm 2021/);
    expect(p.purposes[0]).toMatch(/^Đưa CCHC là nhiệm vụ thường xuyên và là chương trình trọng điểm/);
  });
});
