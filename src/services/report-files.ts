// Writes the consolidated report's two files (.docx and .xlsx appendix) into
// a folder, all or nothing: each is written to a temporary file in the same
// folder and renamed into place only when both are complete, so a failure
// (a full disk, a folder that is not writable) never leaves a half-written
// report where the Office would pick it up.
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { access, constants, mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { finished } from "node:stream/promises";
import { codeKey, fold } from "../domain/text.js";
import { AppError } from "../errors.js";
import { renderReportDocx } from "../report/docx.js";
import type { ReportModel } from "../report/model.js";
import { writeReportXlsx } from "../report/xlsx.js";

export interface ReportFiles {
  docx: string;
  xlsx: string;
}

/** "bao-cao-1565-khsldtbxh-quy-iii-2023": ASCII, so the name survives every mail system and file share. */
export function reportBaseName(m: ReportModel): string {
  const slug = (s: string) =>
    fold(s)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  return `${slug(codeKey(m.plan.number))}-${slug(m.window.label)}`;
}

export async function writeReportFiles(m: ReportModel, dir: string): Promise<ReportFiles> {
  const out = path.resolve(dir);
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException)?.code;
    throw new AppError("REPORT_OUT_UNWRITABLE", { dir: out, reason: code ?? (e instanceof Error ? e.message : String(e)) }, { cause: e });
  };
  try {
    await mkdir(out, { recursive: true });
    if (!(await stat(out)).isDirectory()) fail(Object.assign(new Error("not a directory"), { code: "ENOTDIR" }));
    await access(out, constants.W_OK);
  } catch (e) {
    if (e instanceof AppError) throw e;
    fail(e);
  }
  const base = reportBaseName(m);
  const files = { docx: path.join(out, `bao-cao-${base}.docx`), xlsx: path.join(out, `phu-luc-${base}.xlsx`) };
  const tag = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = { docx: `${files.docx}${tag}`, xlsx: `${files.xlsx}${tag}` };
  // The two files at once: the .xlsx streams to disk while the .docx is packed.
  // Every step is let finish (or fail), and the .xlsx stream closed, before
  // cleaning up, so that no write still in flight recreates a temporary file.
  let stream: WriteStream | undefined;
  try {
    stream = createWriteStream(temp.xlsx, { flags: "wx" });
    const xlsx = stream;
    const steps = await Promise.allSettled([
      renderReportDocx(m).then((bytes) => writeFile(temp.docx, bytes, { flag: "wx" })),
      writeReportXlsx(m, xlsx).catch((e: unknown) => {
        xlsx.destroy();
        throw e;
      }),
      finished(xlsx),
    ]);
    const failed = steps.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
    await rename(temp.xlsx, files.xlsx);
    await rename(temp.docx, files.docx);
    return files;
  } catch (e) {
    if (stream && !stream.closed) {
      stream.destroy();
      await once(stream, "close");
    }
    await Promise.all([unlink(temp.docx).catch(() => undefined), unlink(temp.xlsx).catch(() => undefined)]);
    return fail(e);
  }
}
