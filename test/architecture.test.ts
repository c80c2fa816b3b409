// Every layer's allowed imports, written down once (docs/style.md 13) and
// checked on the import lines of every file in src: a new import against the
// direction below fails here. The direction, bottom to top:
//
//   domain, errors, log          pure rules; the error catalogue; logging
//   models, i18n                 what use cases return and views render; words
//   config, files                the environment; plan, org, calendar files
//   db                           the database and its SQL
//   delivery                     the outbox: planned Slack messages, posted once within Slack's limits
//   report, views                pure renderers: model in, bytes / Block Kit out
//   services                     the use cases
//   import-doc                   reading a plan from its document (uses import services)
//   scheduler, slack             the Slack surfaces and the scheduled jobs
//   cli, local, demo, main       entry points
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

/** Layer → the layers its files may import (besides its own). A layer is a folder of src, or a file at its top. */
export const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  errors: [],
  log: [],
  "log-slack": ["log"],
  models: ["domain", "errors"],
  i18n: ["domain", "errors"],
  config: ["domain", "errors", "i18n"],
  files: ["domain", "errors", "i18n"],
  db: ["config", "domain", "errors", "generated", "log"],
  delivery: ["db", "domain", "errors", "generated", "log", "log-slack"],
  report: ["domain", "errors", "i18n", "models"],
  views: ["domain", "errors", "i18n", "models"],
  services: ["db", "delivery", "domain", "errors", "files", "generated", "i18n", "log", "models", "report"],
  "import-doc": ["db", "delivery", "domain", "errors", "files", "i18n", "log", "models", "services"],
  scheduler: ["config", "db", "delivery", "domain", "errors", "generated", "i18n", "log", "log-slack", "models", "services", "views"],
  slack: ["config", "db", "delivery", "domain", "errors", "i18n", "import-doc", "log", "log-slack", "models", "report", "services", "views"],
  "slack-fake": ["views"],
  lifecycle: ["errors", "log"],
  demo: ["db", "domain", "errors", "files", "services"],
  cli: ["config", "db", "delivery", "domain", "errors", "files", "i18n", "import-doc", "lifecycle", "log", "models", "report", "scheduler", "services", "views"],
  local: ["config", "db", "delivery", "domain", "errors", "i18n", "log", "log-slack", "models", "scheduler", "services", "slack", "slack-fake", "views"],
  main: ["config", "db", "delivery", "demo", "errors", "files", "lifecycle", "local", "log", "scheduler", "services", "slack"],
};

/** Packages a layer must not import: views and renderers never reach the database or the Slack clients. */
const FORBIDDEN_PACKAGES: Record<string, readonly RegExp[]> = {
  domain: [/^@prisma\//, /^prisma$/, /^@slack\//, /^pg$/, /^@electric-sql\//],
  models: [/^@prisma\//, /^prisma$/, /^@slack\/(bolt|web-api)/],
  views: [/^@prisma\//, /^prisma$/, /^@slack\/bolt(\/|$)/, /^@slack\/web-api(\/|$)/],
  report: [/^@prisma\//, /^prisma$/, /^@slack\//],
};

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

/** "slack/listeners/actions.ts" → "slack"; "errors.ts" → "errors". */
const layerOf = (rel: string) => (rel.includes("/") ? rel.split("/")[0]! : rel.replace(/\.ts$/, ""));

/** What is wrong with one import of one file (paths relative to src), or null. */
export function violation(file: string, specifier: string): string | null {
  const from = layerOf(file);
  if (!specifier.startsWith(".")) {
    const bad = (FORBIDDEN_PACKAGES[from] ?? []).some((re) => re.test(specifier));
    return bad ? `${file} imports the package ${specifier}` : null;
  }
  const target = path.relative(SRC, path.resolve(SRC, path.dirname(file), specifier)).replace(/\.js$/, ".ts");
  const to = layerOf(target);
  // Within Slack: a listener never imports another listener, a subcommand never a listener.
  if (file.startsWith("slack/listeners/") && target.startsWith("slack/listeners/")) return `${file} imports another listener, ${target}`;
  if (file.startsWith("slack/commands/") && target.startsWith("slack/listeners/")) return `${file} (a subcommand) imports a listener, ${target}`;
  if (from === to) return null;
  const allowed = ALLOWED[from];
  if (!allowed) return `${file}: layer ${from} is not in the table`;
  return allowed.includes(to) ? null : `${file} (${from}) imports ${target} (${to})`;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "generated" ? [] : tsFiles(path.join(dir, e.name))) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

describe("the layers of src", () => {
  const files = tsFiles(SRC).map((f) => path.relative(SRC, f));

  it("import only what the table allows", () => {
    const found = files.flatMap((f) =>
      importsOf(readFileSync(path.join(SRC, f), "utf8"))
        .map((s) => violation(f, s))
        .filter((v) => v !== null),
    );
    expect(found).toEqual([]);
  });

  it("are all in the table, and the check reads every file (it is not vacuous)", () => {
    expect(files.length).toBeGreaterThan(150);
    expect([...new Set(files.map(layerOf))].filter((l) => !ALLOWED[l])).toEqual([]);
    const all = files.flatMap((f) => importsOf(readFileSync(path.join(SRC, f), "utf8")));
    expect(all).toContain("@slack/types");
    expect(all).toContain("../models/index.js");
  });

  it.each([
    ["views/home.ts", "../services/home.js", "a view reaching a use case"],
    ["views/home.ts", "../db/database.js", "a view reaching the database"],
    ["views/example.ts", "@prisma/client", "a view importing Prisma"],
    ["views/example.ts", "@slack/web-api", "a view importing the Slack client"],
    ["services/home.ts", "../views/home.js", "a use case importing a view"],
    ["services/members.ts", "../slack/context.js", "a use case importing Slack"],
    ["domain/day.ts", "../db/database.js", "the domain reaching the database"],
    ["scheduler/jobs.ts", "../slack/app.js", "the scheduler importing Slack"],
    ["slack/app.ts", "../scheduler/run-job.js", "Slack importing the scheduler"],
    ["cli/commands/units.ts", "../../slack/commands/parse.js", "the CLI importing Slack"],
    ["local/jobs.ts", "../cli/format.js", "the local workspace importing the CLI"],
    ["report/docx.ts", "../services/report-model.js", "a renderer reaching a use case"],
    ["slack/listeners/actions.ts", "./home.js", "a listener importing another"],
    ["slack/commands/tasks.ts", "../listeners/actions.js", "a subcommand importing a listener"],
    ["services/nudge.ts", "../views/reminder.js", "a use case rendering a message itself"],
    ["services/plan-acks.ts", "../scheduler/run-job.js", "a use case importing the scheduler"],
    ["services/unit-reports.ts", "../import-doc/corrections.js", "a use case importing the document import above it"],
    ["delivery/fan-out.ts", "../services/nudge.js", "the outbox reaching a use case"],
    ["delivery/fan-out.ts", "../views/blocks.js", "the outbox importing a view"],
    ["views/plan-import.ts", "../import-doc/corrections.js", "a view reaching the document import"],
    ["slack/listeners/home.ts", "./dashboard.js", "a listener importing another"],
  ])("refuses %s importing %s (%s)", (file, specifier) => {
    expect(violation(file, specifier)).not.toBeNull();
  });

  it("lets each layer import what it needs", () => {
    expect(violation("services/home.ts", "../models/index.js")).toBeNull();
    expect(violation("views/home.ts", "../models/index.js")).toBeNull();
    expect(violation("slack/listeners/home.ts", "../../services/home.js")).toBeNull();
    expect(violation("slack/listeners/command.ts", "../commands/index.js")).toBeNull();
    expect(violation("cli/commands/units.ts", "../../domain/slack-ids.js")).toBeNull();
    expect(violation("services/nudge.ts", "../delivery/delivery-store.js")).toBeNull();
    expect(violation("slack/listeners/dashboard.ts", "../../delivery/fan-out.js")).toBeNull();
    expect(violation("slack/listeners/plan-import.ts", "../../import-doc/plan-import.js")).toBeNull();
    expect(violation("slack/listeners/home.ts", "../home-view.js")).toBeNull();
  });
});

/**
 * The longest a function in src may be, from its first line to its last
 * (README, "Size"): past it a function does several things, and its steps
 * want names of their own.
 */
export const MAX_FUNCTION_LINES = 100;

/** Functions still over the limit, waiting for their split; none now. Take one off once it is split. */
const WAITING_FOR_SPLIT = new Set<string>();

/** Every function (declarations, methods, arrows, function expressions) longer than `max` lines, by name. */
export function longFunctions(file: string, source: string, max = MAX_FUNCTION_LINES): { name: string; lines: number }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const nameOf = (n: ts.SignatureDeclaration): string => {
    if (n.name) return n.name.getText(sf);
    const p = n.parent;
    if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) return p.name.getText(sf);
    return `(function at line ${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1})`;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && "body" in n && n.body) {
      const lines = sf.getLineAndCharacterOfPosition(n.end).line - sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      if (lines > max) found.push({ name: nameOf(n), lines });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe("the functions of src", () => {
  const files = tsFiles(SRC).map((f) => path.relative(SRC, f));
  const long = files.flatMap((f) => longFunctions(f, readFileSync(path.join(SRC, f), "utf8")).map((l) => ({ key: `${f} ${l.name}`, lines: l.lines })));

  it(`are at most ${MAX_FUNCTION_LINES} lines long`, () => {
    expect(long.filter((l) => !WAITING_FOR_SPLIT.has(l.key))).toEqual([]);
  });

  it("list as waiting only functions still over the limit", () => {
    const stillLong = new Set(long.map((l) => l.key));
    expect([...WAITING_FOR_SPLIT].filter((k) => !stillLong.has(k))).toEqual([]);
  });

  it("finds a long function of every kind (the check is not vacuous)", () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES }, (_, i) => `  x += ${i};`).join("\n");
    const source = [`function a() {\n${body}\n}`, `const b = () => {\n${body}\n};`, `class C {\n  m() {\n${body}\n  }\n}`, `function short() {\n  return 1;\n}`].join("\n");
    expect(longFunctions("x.ts", source).map((l) => l.name)).toEqual(["a", "b", "m"]);
  });
});
