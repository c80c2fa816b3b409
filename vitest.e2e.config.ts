// `npm run test:e2e`: the local workspace in real headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core). Kept apart from
// `npm test`, which test/e2e skips unless DONDOC_E2E is set.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    env: { DONDOC_E2E: "1" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
