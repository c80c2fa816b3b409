// Authors a new migration from the change in prisma/schema.prisma:
//   npm run db:new-migration -- add_delivery_table
// `prisma migrate dev` needs a native engine and a shadow database server,
// neither of which works offline (platform.md). `prisma migrate diff
// --from-migrations` with the bundled WebAssembly engine does: it replays the
// committed migrations into a throw-away in-memory PGlite (prisma.config.ts)
// and diffs against the schema. Real data is never touched.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("Dùng / usage: npm run db:new-migration -- ten_ngan_gon (a-z, 0-9, _)\n");
  process.exit(2);
}
const sql = execFileSync("npx", ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)/m.test(sql)) {
  process.stdout.write("Không có thay đổi nào trong schema / The schema has no changes to migrate.\n");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = `prisma/migrations/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, sql);
  process.stdout.write(`wrote ${dir}/migration.sql: review it, then run the tests (they apply it on PGlite and PostgreSQL)\n`);
}
