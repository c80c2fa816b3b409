// Prisma CLI configuration.
//
// dondoc never lets the Prisma CLI touch real data: migrations are applied by
// src/db/migrate.ts on both databases (see README, "Database migrations").
// The CLI is used for `prisma generate` and for authoring new migrations with
// `npm run db:new-migration` (`migrate diff --from-migrations`), which
// replays the committed migrations into a throw-away in-memory PGlite.
// engine "js" + a driver adapter keeps the CLI on its bundled WebAssembly
// engines: nothing is downloaded (platform.md).
import { defineConfig } from "prisma/config";
import type { PrismaPg } from "@prisma/adapter-pg";

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
    const factory = new PrismaPGlite(new PGlite());
    // pglite-prisma-adapter 0.6 sends a shadow database's migration scripts
    // as one prepared statement (refused: several commands) or without
    // awaiting them; run them with PGlite's exec, which takes several
    // statements, so `migrate diff --from-migrations` can replay migrations.
    factory.connectToShadowDb = async () => {
      const shadow = new PGlite();
      const adapter = await new PrismaPGlite(shadow).connect();
      const exec = async (script: string) => void (await shadow.exec(script));
      adapter.executeScript = exec;
      // The schema engine also sends whole migration files as one raw statement.
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => (query.args.length === 0 && /;\s*\S/.test(query.sql) ? (await exec(query.sql), 0) : executeRaw(query));
      return adapter;
    };
    // Typed against an older @prisma/driver-adapter-utils; the same
    // interface at run time (see src/db/database.ts).
    return factory as unknown as PrismaPg;
  },
});
