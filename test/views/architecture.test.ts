// Views are pure functions from data to Block Kit (docs/style.md): they never
// reach the database, the use cases, the generated Prisma client or the Slack
// client. Checked on the import lines of every file in src/views.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");
const VIEWS = path.join(SRC, "views");

const FORBIDDEN_DIRS = ["db", "services", "generated"].map((d) => path.join(SRC, d));
const FORBIDDEN_PACKAGES = [/^@prisma\//, /^@slack\/bolt(\/|$)/, /^@slack\/web-api(\/|$)/, /^prisma(\/|$)/];

/** Module specifiers of static imports, re-exports, dynamic imports and require calls. */
export function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gms,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) specifiers.push(m[1]!);
  return specifiers;
}

function violation(file: string, specifier: string): string | null {
  if (specifier.startsWith(".")) {
    const target = path.resolve(path.dirname(file), specifier);
    const dir = FORBIDDEN_DIRS.find((d) => target === d || target.startsWith(d + path.sep));
    return dir ? `${path.relative(SRC, file)} imports ${specifier} (src/${path.basename(dir)})` : null;
  }
  return FORBIDDEN_PACKAGES.some((re) => re.test(specifier)) ? `${path.relative(SRC, file)} imports ${specifier}` : null;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("src/views", () => {
  const files = tsFiles(VIEWS);

  it("imports nothing from src/db, src/services, src/generated, Prisma or the Slack clients", () => {
    const found = files.flatMap((f) => importsOf(readFileSync(f, "utf8")).map((s) => violation(f, s)).filter((v) => v !== null));
    expect(found).toEqual([]);
  });

  it("is actually read (the check is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(10);
    const all = files.flatMap((f) => importsOf(readFileSync(f, "utf8")));
    expect(all).toContain("@slack/types");
    expect(all).toContain("../domain/day.js");
  });

  it("would catch each forbidden kind of import", () => {
    const file = path.join(VIEWS, "example.ts");
    const source = [
      'import { openDatabase } from "../db/open.js";',
      'import type { PrismaClient } from "../generated/prisma/client.js";',
      "import {\n  statusSummary,\n} from '../services/status.js';",
      'export { x } from "@prisma/client";',
      'const bolt = await import("@slack/bolt");',
      'import type { WebClient } from "@slack/web-api";',
    ].join("\n");
    expect(importsOf(source).map((s) => violation(file, s)).filter(Boolean)).toHaveLength(6);
  });
});
