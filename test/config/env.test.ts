import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/env.js";
import { AppError } from "../../src/errors.js";

describe("configuration", () => {
  it("defaults to the embedded database and no Slack", () => {
    expect(loadConfig({})).toMatchObject({ database: { kind: "pglite", dataDir: "./data" }, port: 3000, slack: null });
  });

  it("chooses Socket Mode with an app-level token, HTTP without", () => {
    const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef" };
    expect(loadConfig({ ...base, SLACK_APP_TOKEN: "xapp-1" }).slack).toMatchObject({ mode: "socket", appToken: "xapp-1" });
    expect(loadConfig(base).slack).toMatchObject({ mode: "http", command: "/kehoach" });
    expect(loadConfig({ ...base, SLACK_API_URL: "http://127.0.0.1:4000/api/" }).slack?.apiUrl).toBe("http://127.0.0.1:4000/api/");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "http" }, "PORT"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "0123456789" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "0123456789", SLACK_APP_TOKEN: "xapp-1" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789", SLACK_APP_TOKEN: "xoxb-wrong" }, "SLACK_APP_TOKEN"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
  ])("refuses %j, naming %s", (env, name) => {
    const error = (() => {
      try {
        loadConfig(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFIG_INVALID");
    expect((error as AppError).bilingual()).toMatch(new RegExp(`^Cấu hình không hợp lệ[\\s\\S]*\nInvalid configuration[\\s\\S]*\n  ${name}: `));
    // Each language alone, naming the variable.
    expect((error as AppError).text("en", "cli")).toMatch(new RegExp(`^Invalid configuration[\\s\\S]*\n  ${name}: [\\s\\S]*$`));
    expect((error as AppError).text("en", "cli")).not.toMatch(/Cấu hình|phải|cần/);
  });

  it("says in words which variable is wrong and how, not zod's own terms", () => {
    const error = (() => {
      try {
        loadConfig({ PORT: "http", SLACK_COMMAND: "kehoach" });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.text("vi", "cli")).toContain('PORT: Trường "PORT" phải là một số');
    expect(error?.text("en", "cli")).toContain('SLACK_COMMAND: The field "SLACK_COMMAND" is not in the required form (/^\\/[a-z0-9_-]+$/)');
    expect(error?.bilingual()).not.toMatch(/expected \w+, received|Invalid input/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", SLACK_BOT_TOKEN: "" })).toMatchObject({ database: { kind: "pglite" }, slack: null });
  });
});
