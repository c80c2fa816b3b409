// The report's renderers are pure (model in, bytes out), so the Slack flow and
// the approval step can reuse them: src/report imports nothing from the
// database, the use cases, the generated Prisma client or the Slack clients.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/report");
const FORBIDDEN = [/^\.\.\/(db|services|generated|slack|scheduler)\//, /^@prisma\//, /^@slack\//, /^prisma$/];

describe("src/report", () => {
  it("imports nothing from the database, the use cases or Slack", () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const imports = files.flatMap((f) => [...readFileSync(path.join(DIR, f), "utf8").matchAll(/^\s*import\s[^;]*?\sfrom\s*["']([^"']+)["']/gms)].map((m) => `${f}: ${m[1]}`));
    expect(imports.some((i) => i.endsWith(": docx"))).toBe(true); // the check reads the files
    expect(imports.filter((i) => FORBIDDEN.some((re) => re.test(i.split(": ")[1]!)))).toEqual([]);
  });
});
