// `dondoc plan import-doc` end to end on an embedded database.
import { beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import { ORG_FILE } from "../support/files.js";

const SEED = "test/fixtures/plans/1565-KH-SLDTBXH/plan.txt";
let env: NodeJS.ProcessEnv;
let dir: string;

async function cli(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(["node", "dondoc", ...args], { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) }, env);
  return { code, out, err };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dondoc-importdoc-"));
  env = { DONDOC_DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" };
  expect((await cli("org", "import", ORG_FILE)).code).toBe(0);
}, 120_000);

describe("dondoc plan import-doc", () => {
  it("--dry-run prints counts and flagged points and writes nothing", async () => {
    const r = await cli("plan", "import-doc", SEED, "--dry-run", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ number: "1565/KH-SLĐTBXH", dryRun: true, counts: { tasks: 39 } });
    expect(j.newBodies.map((b: { name: string }) => b.name)).toEqual(["UBND các xã, phường, thị trấn"]);
    expect(j.flags).toContainEqual(expect.objectContaining({ code: "LEAD_GUESSED", taskCode: "III.2" }));
    expect((await cli("plan", "list", "--json")).out.trim()).toBe("[]");
  });

  it("--out writes a plan file that `plan import` accepts, with sources and marks", async () => {
    const out = join(dir, "draft.yaml");
    const r = await cli("plan", "import-doc", SEED, "--out", out);
    expect(r.code).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text).toContain('# dòng 101; phân công đọc từ: câu "… chủ trì, phối hợp …"');
    expect(text).toMatch(/lead: \["GDNN"\]/);
    expect(text).toContain("⚠ KIỂM TRA");
    expect(existsSync(join(dir, "draft.units.yaml"))).toBe(true);
    expect((await cli("org", "import", join(dir, "draft.units.yaml"))).code).toBe(0);
    const dry = await cli("plan", "import", out, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ changes: { tasks: { created: 39 } } });
  });

  it("a table plan's draft (headings without deadlines) is accepted too, the issuer's name cased as agencies are", async () => {
    const out = join(dir, "table.yaml");
    expect((await cli("plan", "import-doc", "test/fixtures/plans/1565-table-layout/plan.docx", "--out", out)).code).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text).toContain('issuer: "Sở Lao động - Thương binh và Xã hội"');
    expect(text).toContain("# bảng 1, dòng 3 của bảng; phân công đọc từ: bảng phân công");
    const dry = await cli("plan", "import", out, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ changes: { tasks: { created: 29 } } });
  });

  it("imports the plan; importing the same document again changes nothing; an amended one updates by task", async () => {
    const first = await cli("plan", "import-doc", SEED);
    expect(first.code).toBe(0);
    expect(first.out).toContain("Đã nạp kế hoạch 1565/KH-SLĐTBXH: nhiệm vụ tạo mới 39");
    const again = await cli("plan", "import-doc", SEED, "--json");
    expect(JSON.parse(again.out).changes.tasks).toMatchObject({ created: 0, updated: 0, unchanged: 39 });
    const amended = join(dir, "amended.txt");
    const seed = await readFile(SEED, "utf8");
    await writeFile(
      amended,
      seed.replace(
        "- Công khai 100% TTHC thuộc thẩm quyền giải quyết trên Trang TTĐT của Sở;",
        "- Công khai 100% TTHC thuộc thẩm quyền giải quyết trên Trang TTĐT của Sở;\nThời gian thực hiện: Quý IV/2023",
      ),
    );
    const r = await cli("plan", "import-doc", amended, "--json");
    expect(JSON.parse(r.out).changes.tasks).toMatchObject({ created: 0, updated: 1, unchanged: 38 });
  });

  it("refuses a document that is not a plan, with a bilingual message", async () => {
    const file = join(dir, "letter.txt");
    await writeFile(file, "Kính gửi: Văn phòng Sở\nĐề nghị đồng chí cho biết lịch họp tuần sau.\n");
    const r = await cli("plan", "import-doc", file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/không phải một kế hoạch.*\n.*is not a plan/);
  });

  it("refuses a law, whose articles read like tasks, saying what it is and what to import instead", async () => {
    const file = join(dir, "luat.txt");
    await writeFile(
      file,
      "QUỐC HỘI\nLuật số: 83/2025/QH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT BẦU CỬ\nĐiều 1. Sửa đổi, bổ sung một số điều\n1. Ủy ban nhân dân cấp tỉnh có trách nhiệm kiểm tra, đôn đốc việc lập danh sách cử tri trước ngày 15/02/2026.\n2. Ban thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh chủ trì hiệp thương.\n",
    );
    const r = await cli("plan", "import-doc", file, "--dry-run");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /đây là LUẬT \(văn bản quy phạm pháp luật\).*nạp kế hoạch triển khai văn bản này.*\n.*it is a law \(LUẬT\), a legal normative document.*Import the plan that implements it/,
    );
    // A resolution whose number carries its year is a normative one (a plan's, or a resolution assigning work, does not).
    const nq = join(dir, "nq-hdnd.txt");
    await writeFile(
      nq,
      "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG NINH\nSố: 99/2025/NQ-HĐND\nNGHỊ QUYẾT\nQuy định mức chi phục vụ công tác bầu cử\nĐiều 1. Phạm vi điều chỉnh\n1. Ủy ban nhân dân tỉnh có trách nhiệm hướng dẫn, kiểm tra việc chi trước ngày 15/02/2026.\n",
    );
    const n = await cli("plan", "import-doc", nq, "--dry-run");
    expect(n.code).toBe(1);
    expect(n.err).toMatch(/đây là văn bản số 99\/2025\/NQ-HĐND \(văn bản quy phạm pháp luật\).*\n.*it is document No\. 99\/2025\/NQ-HĐND/);
  });
});
