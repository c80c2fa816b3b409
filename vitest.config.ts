import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The browser test runs with `npm run test:e2e` (vitest.e2e.config.ts).
    exclude: [...configDefaults.exclude, "test/e2e/**"],
    // PGlite start-up plus migrations takes a second or two on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
