import { mkdtemp, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseYaml, readText } from "../../src/files/load.js";
import { OrgFileSchema } from "../../src/files/org-file.js";
import { PlanFileSchema } from "../../src/files/plan-file.js";

export const ORG_FILE = "examples/org.yaml";
export const PLAN_FILE = "examples/plan-1565-KH-SLDTBXH.yaml";

export async function loadOrg(file = ORG_FILE) {
  return parseYaml(file, await readText(file), OrgFileSchema);
}

export async function loadPlan(file = PLAN_FILE) {
  return parseYaml(file, await readText(file), PlanFileSchema);
}

/** Writes a variant of an example file (text replaced) to a temp file and returns its path. */
export async function variant(file: string, edit: (text: string) => string, name = "variant.yaml"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-test-"));
  const path = join(dir, name);
  const text = await readFile(file, "utf8");
  const edited = edit(text);
  if (edited === text) throw new Error(`variant of ${file} changed nothing`);
  await writeFile(path, edited);
  return path;
}

export async function tempFile(content: string | Buffer, name = "file.yaml"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dondoc-test-"));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}
