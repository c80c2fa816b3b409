// The committed migrations must produce exactly prisma/schema.prisma:
// a schema change without its migration fails here, not in production.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("migrations and schema", () => {
  it("agree (run `npm run db:new-migration -- name` after changing the schema)", () => {
    // The prisma CLI straight from node_modules: npx would cost another Node start.
    const sql = execFileSync(
      process.execPath,
      ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(sql.split("\n").filter((l) => /^\s*(CREATE|ALTER|DROP)/.test(l))).toEqual([]);
  }, 120_000);
});
