// Authors a new migration from the change in prisma/schema.prisma:
//   npm run db:new-migration -- add_delivery_table
// `prisma migrate dev` needs a native engine and a shadow database, neither
// of which works offline (platform.md); `migrate diff --from-migrations`
// fails on PGlite's shadow database (it sends each migration as one prepared
// statement) and `--from-schema-datasource` is refused with an adapter. So:
// apply the committed migrations to a scratch PGlite directory with dondoc's
// own runner, introspect it (`prisma db pull --print`), and diff that
// datamodel against the schema with the bundled WebAssembly engine. Real
// data is never touched.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../src/db/database.js";
import { createLogger } from "../src/log.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Dùng / usage: npm run db:new-migration -- ten_ngan_gon (a-z, 0-9, _)\n");
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), "dondoc-migration-"));
try {
  const db = await openDatabase({ kind: "pglite", dataDir: join(scratch, "db") }, createLogger("warn"));
  await db.close();
  const env = { ...process.env, DONDOC_PRISMA_SCRATCH_DIR: join(scratch, "db") };
  const pulled = execFileSync("npx", ["prisma", "db", "pull", "--print"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env });
  writeFileSync(join(scratch, "current.prisma"), pulled);
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", join(scratch, "current.prisma"), "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)/m.test(sql)) {
    process.stdout.write("Không có thay đổi nào trong schema / The schema has no changes to migrate.\n");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = `prisma/migrations/${stamp}_${name}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/migration.sql`, sql);
    process.stdout.write(`wrote ${dir}/migration.sql: review it, then run the tests (they apply it on PGlite and PostgreSQL)\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
