// Importing the example organisation and the seed plan (examples/org.yaml,
// examples/plan-1565-KH-SLDTBXH.yaml) into the embedded database, the way
// `dondoc import` does: read and validate both files, importOrg, importPlan.
//
// Variants, interleaved round by round so that a noisy neighbour hits all of
// them alike (after one untimed warm-up round):
//   baseline      open a new PGlite data directory: PGlite start, initdb, migrations
//   start only    the same without migrations
//   cold          the same, then read + parse + import both files
//   warm, fresh   import into a new, migrated database whose PGlite is already started (open untimed)
//   reopen        open an existing data directory (start; migrations already applied)
// then, on one database:
//   warm, idempotent  re-import the same files into a database that has them (changes nothing)
// and, unless --no-process, genuinely cold runs in a new Node process (tsx,
// module loading, PGlite start, migrations, import, close), wall time; and a
// new process reopening the imported directory, which every CLI command pays.
//
//   npx tsx bench/import-seed.mts [--reps 5] [--warmup 1] [--no-process]
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { openDatabase, type Database, type PrismaClient } from "../src/db/database.js";
import { parseYaml, readText } from "../src/files/load.js";
import { OrgFileSchema } from "../src/files/org-file.js";
import { PlanFileSchema } from "../src/files/plan-file.js";
import { createLogger } from "../src/log.js";
import type { ChangeSummary } from "../src/services/changes.js";
import { importOrg } from "../src/services/import-org.js";
import { importPlan } from "../src/services/import-plan.js";
import { currentLoad, describeMachine, formatMachine } from "./lib/machine.mjs";
import { tempDir } from "./lib/scratch-db.mjs";
import { measure, summarise, table, type Summary } from "./lib/stats.mjs";

const ORG_FILE = fileURLToPath(new URL("../examples/org.yaml", import.meta.url));
const PLAN_FILE = fileURLToPath(new URL("../examples/plan-1565-KH-SLDTBXH.yaml", import.meta.url));
const log = createLogger("warn");

/** What `dondoc import` does for the two files: read, validate, import. */
async function importSeed(prisma: PrismaClient): Promise<{ org: ChangeSummary; plan: ChangeSummary }> {
  const org = parseYaml(ORG_FILE, await readText(ORG_FILE), OrgFileSchema);
  const plan = parseYaml(PLAN_FILE, await readText(PLAN_FILE), PlanFileSchema);
  const orgResult = await importOrg(prisma, org, { actor: "bench:import-seed" });
  const planResult = await importPlan(prisma, plan, { actor: "bench:import-seed" });
  return { org: orgResult.changes, plan: planResult.changes };
}

async function withNewDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await tempDir("import");
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const openPglite = (dir: string) => openDatabase({ kind: "pglite", dataDir: dir }, log);

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** One round of the interleaved variants; milliseconds of each. */
async function round(): Promise<Record<"baseline" | "startOnly" | "cold" | "coldOpen" | "warmFresh" | "reopen", number>> {
  const baseline = await withNewDir(async (dir) => {
    let db: Database | undefined;
    const t = await timeIt(async () => (db = await openPglite(dir)));
    await db!.close();
    return t;
  });
  const startOnly = await withNewDir(async (dir) => {
    let db: Database | undefined;
    const t = await timeIt(async () => (db = await openDatabase({ kind: "pglite", dataDir: dir }, log, { migrate: false })));
    await db!.close();
    return t;
  });
  const [cold, coldOpen] = await withNewDir(async (dir) => {
    let db: Database | undefined;
    const start = performance.now();
    db = await openPglite(dir);
    const opened = performance.now() - start;
    await importSeed(db.prisma);
    const total = performance.now() - start;
    await db.close();
    return [total, opened];
  });
  const [warmFresh, reopen] = await withNewDir(async (dir) => {
    const db = await openPglite(dir);
    await db.prisma.$queryRaw`SELECT 1`; // the client is connected and its query compiler loaded
    const t = await timeIt(() => importSeed(db.prisma));
    await db.close();
    let again: Database | undefined;
    const r = await timeIt(async () => (again = await openPglite(dir)));
    await again!.close();
    return [t, r];
  });
  return { baseline, startOnly, cold, coldOpen, warmFresh, reopen };
}

interface ChildTimes {
  wall: number;
  loaded: number;
  open: number;
  import: number;
  close: number;
}

/**
 * A new Node process: opens `dir` (new or existing), imports the seed when
 * `doImport` (otherwise runs one trivial query, as any CLI command would),
 * closes, and prints its own breakdown as JSON.
 */
async function child(dir: string, doImport: boolean): Promise<void> {
  const loaded = performance.now(); // since the process started: node, tsx, and this module's imports
  const start = performance.now();
  const db = await openPglite(dir);
  const opened = performance.now();
  if (doImport) await importSeed(db.prisma);
  else await db.prisma.$queryRaw`SELECT 1`;
  const imported = performance.now();
  await db.close();
  process.stdout.write(JSON.stringify({ loaded, open: opened - start, import: imported - opened, close: performance.now() - imported }));
}

async function inNewProcess(dir: string, mode: "import" | "reopen"): Promise<ChildTimes> {
  const start = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const args = ["--import", "tsx", fileURLToPath(import.meta.url), "--child", dir, ...(mode === "reopen" ? ["--child-no-import"] : [])];
    const p = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    p.stdout.on("data", (b: Buffer) => (text += b.toString()));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`child exited with ${code}`))));
  });
  return { wall: performance.now() - start, ...JSON.parse(out) };
}

async function main() {
  const program = new Command("import-seed")
    .description("Time importing the example org and seed plan into embedded PGlite: cold, warm, idempotent")
    .option("--reps <n>", "timed rounds", Number, 5)
    .option("--warmup <n>", "untimed rounds first", Number, 1)
    .option("--no-process", "skip the runs in a new Node process")
    .option("--child <dir>", "internal: one cold import in this process, into <dir>")
    .option("--child-no-import", "internal: with --child, only open <dir> and run one query")
    .parse();
  const o = program.opts<{ reps: number; warmup: number; process: boolean; child?: string; childNoImport?: boolean }>();
  if (o.child) return child(o.child, !o.childNoImport);

  console.log(`# import-seed benchmark (PGlite)\n${formatMachine(await describeMachine())}\n`);
  const first = await withNewDir(async (dir) => {
    const db = await openPglite(dir);
    try {
      return await importSeed(db.prisma);
    } finally {
      await db.close();
    }
  });
  console.log(`what one import writes: org ${JSON.stringify(first.org)}\n  plan ${JSON.stringify(first.plan)}\n`);

  for (let i = 0; i < o.warmup; i++) await round();
  const rounds: Awaited<ReturnType<typeof round>>[] = [];
  for (let i = 0; i < o.reps; i++) rounds.push(await round());
  const pick = (k: keyof (typeof rounds)[number]) => rounds.map((r) => r[k]);
  const baseline = summarise("baseline: PGlite start + migrations (new dir)", pick("baseline"));
  const rows: Summary[] = [
    summarise("cold: new dir, start + migrations + import", pick("cold")),
    summarise("  of which start + migrations", pick("coldOpen")),
    summarise(
      "  of which import",
      rounds.map((r) => r.cold - r.coldOpen),
    ),
    summarise("warm, fresh: import into a new started db", pick("warmFresh")),
    summarise("new dir, PGlite start only (no migrations)", pick("startOnly")),
    summarise("reopen existing dir (start, no migration)", pick("reopen")),
  ];

  const db = await withNewDirKept();
  try {
    await importSeed(db.db.prisma);
    let changed = 0;
    rows.push(
      await measure(
        "warm, idempotent: re-import, nothing changes",
        async () => {
          const r = await importSeed(db.db.prisma);
          for (const k of [...Object.values(r.org), ...Object.values(r.plan)]) changed += k.created + k.updated + (k.archived ?? 0);
        },
        { reps: o.reps, warmup: o.warmup },
      ),
    );
    if (changed) throw new Error(`a re-import changed ${changed} records: the idempotent path is not idempotent`);
    rows.push(
      await measure(
        "read + parse + validate both files only",
        async () => {
          parseYaml(ORG_FILE, await readText(ORG_FILE), OrgFileSchema);
          parseYaml(PLAN_FILE, await readText(PLAN_FILE), PlanFileSchema);
        },
        { reps: o.reps, warmup: o.warmup },
      ),
    );
  } finally {
    await db.dispose();
  }

  if (o.process) {
    const cold: ChildTimes[] = [];
    for (let i = 0; i < o.reps; i++) cold.push(await withNewDir((dir) => inNewProcess(dir, "import")));
    // What every later CLI command pays: a new process opening the existing data.
    const reopen = await withNewDir(async (dir) => {
      await inNewProcess(dir, "import");
      const runs: ChildTimes[] = [];
      for (let i = 0; i < o.reps; i++) runs.push(await inNewProcess(dir, "reopen"));
      return runs;
    });
    rows.push(
      summarise(
        "new node process, cold import: wall time",
        cold.map((r) => r.wall),
      ),
      summarise(
        "  of which node + tsx + module loading",
        cold.map((r) => r.loaded),
      ),
      summarise(
        "  of which start + migrations (new dir)",
        cold.map((r) => r.open),
      ),
      summarise(
        "  of which import",
        cold.map((r) => r.import),
      ),
      summarise(
        "new node process, reopen + SELECT 1: wall",
        reopen.map((r) => r.wall),
      ),
      summarise(
        "  of which start (existing dir)",
        reopen.map((r) => r.open),
      ),
    );
  }
  console.log(table([baseline, ...rows], baseline));
  console.log(`\nratio = median / baseline median; loadavg at the end: ${currentLoad()}`);
}

/** A database kept open across measurements. */
async function withNewDirKept(): Promise<{ db: Database; dispose(): Promise<void> }> {
  const dir = await tempDir("import");
  const db = await openPglite(dir);
  return {
    db,
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

await main();
