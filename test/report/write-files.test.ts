// Writing the report's two files: both or nothing, never a temporary file left.
import { describe, expect, it } from "vitest";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "../../src/errors.js";
import { writeReportFiles } from "../../src/services/report-files.js";
import { model, task } from "./fixtures.js";

describe("writeReportFiles", () => {
  it("writes the .docx and the .xlsx under ASCII names", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dondoc-write-"));
    const files = await writeReportFiles(model([task(1)]), path.join(dir, "new-folder"));
    expect(path.basename(files.docx)).toBe("bao-cao-1565-khsldtbxh-quy-iii-2023.docx");
    expect((await readdir(path.join(dir, "new-folder"))).sort()).toEqual(["bao-cao-1565-khsldtbxh-quy-iii-2023.docx", "phu-luc-1565-khsldtbxh-quy-iii-2023.xlsx"]);
  });

  it("leaves the folder as it was when rendering fails", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dondoc-write-"));
    const broken = model([task(1)]);
    broken.header.date = "not a day";
    const e = await writeReportFiles(broken, dir).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("REPORT_OUT_UNWRITABLE");
    expect(await readdir(dir)).toEqual([]);
  });
});
