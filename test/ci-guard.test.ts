// In CI the PostgreSQL half of the persistence tests must run, not skip.
import { describe, expect, it } from "vitest";

describe("test environment", () => {
  it.runIf(process.env.CI)("has TEST_DATABASE_URL in CI, so the PostgreSQL tests run", () => {
    expect(process.env.TEST_DATABASE_URL, "set TEST_DATABASE_URL (see .ci/run)").toMatch(/^postgres(ql)?:\/\//);
  });
});
