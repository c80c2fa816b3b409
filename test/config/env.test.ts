import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.js";

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
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
    expect(() => loadConfig(env)).toThrow(/Cấu hình không hợp lệ \/ Invalid configuration/);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", SLACK_BOT_TOKEN: "" })).toMatchObject({ database: { kind: "pglite" }, slack: null });
  });
});
