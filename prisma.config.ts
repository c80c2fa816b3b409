// Prisma CLI configuration.
//
// dondoc never lets the Prisma CLI touch real data: migrations are applied by
// src/db/migrate.ts on both databases (see README, "Database migrations").
// The CLI is used for `prisma generate` and for authoring new migrations with
// `npm run db:new-migration`, which diffs against a throw-away PGlite.
// engine "js" + a driver adapter keeps the CLI on its bundled WebAssembly
// engines: nothing is downloaded (platform.md).
import { defineConfig } from "prisma/config";

// The schema's datasource reads DATABASE_URL. If it cannot resolve, the CLI
// silently falls back to the native engine and tries to download it, so give
// it a placeholder; the adapter below decides the real connection.
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost/placeholder";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // scripts/new-migration.ts points this at a scratch directory holding the
    // committed migrations; otherwise an empty in-memory database.
    const dir = process.env.DONDOC_PRISMA_SCRATCH_DIR;
    // Typed against an older @prisma/driver-adapter-utils; same interface at
    // run time (see src/db/database.ts).
    const adapter = new PrismaPGlite(dir ? new PGlite(dir) : new PGlite());
    return adapter as unknown as import("@prisma/adapter-pg").PrismaPg;
  },
});
