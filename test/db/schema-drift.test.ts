// The committed migrations must produce exactly prisma/schema.prisma:
// a schema change without its migration fails here, not in production.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("migrations and schema", () => {
  it("agree (run `npm run db:new-migration -- name` after changing the schema)", () => {
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(sql.split("\n").filter((l) => /^\s*(CREATE|ALTER|DROP)/.test(l))).toEqual([]);
  }, 120_000);
});
