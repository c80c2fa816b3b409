// The one catalogue of errors (src/errors.ts), read whole: every message in
// the administrative register (docs/glossary.md), and a Slack user never told
// to run the command line.
import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES } from "../src/errors.js";

/** Any parameter a message reads, as a recognisable word. */
const params = new Proxy({}, { get: (_t, key) => (key === "exists" ? "no" : `«${String(key)}»`), has: () => true }) as Record<string, string>;

describe("the error catalogue", () => {
  const all = ERROR_CODES.map((code) => new AppError(code, params));

  it("is read whole (the checks are not vacuous)", () => {
    expect(ERROR_CODES.length).toBeGreaterThan(50);
    expect(ERROR_CODES).toContain("DATE_INVALID");
    expect(ERROR_CODES).not.toContain("BAD_ARGUMENT");
  });

  it.each(ERROR_CODES)('%s: Vietnamese in the register, never "bạn", "hãy" or "vui lòng"', (code) => {
    const e = all.find((x) => x.code === code)!;
    for (const surface of ["slack", "cli"] as const) expect(e.text("vi", surface)).not.toMatch(/\b(bạn|hãy|vui lòng)\b/iu);
  });

  it.each(ERROR_CODES)("%s: never tells a Slack user to run a dondoc command", (code) => {
    const e = all.find((x) => x.code === code)!;
    for (const lang of ["vi", "en"] as const) expect(e.text(lang, "slack")).not.toMatch(/`dondoc /);
  });

  it("points an operator to the command that helps, and a Slack user to the subcommand", () => {
    const e = new AppError("UNIT_NOT_FOUND", { unit: "XYZ" });
    expect(e.text("vi", "cli")).toContain("`dondoc units list`");
    expect(e.text("vi", "slack")).toContain("`/kehoach donvi`");
    expect(e.bilingual()).toMatch(/^Không có đơn vị "XYZ"[^\n]*`dondoc units list`\.\nNo unit "XYZ"[^\n]*`dondoc units list`\.$/);
  });

  it("says a day that does not exist as such, and a wrong form as a wrong form", () => {
    expect(new AppError("DATE_INVALID", { value: "31/02/2024", exists: "no" }).text("vi")).toMatch(/^Ngày 31\/02\/2024 không có trong lịch\./);
    expect(new AppError("DATE_INVALID", { value: "hôm qua", exists: "" }).text("vi")).toMatch(/^"hôm qua" không phải một ngày theo dạng dd\/mm\/yyyy\./);
  });

  it("gives the details in the language asked for, and in both when both are", () => {
    const e = new AppError("CONFIG_INVALID", { count: 1 }, { details: [{ vi: "  PORT: phải là một số", en: "  PORT: must be a number" }] });
    expect(e.text("en", "cli")).toBe("Invalid configuration (1 environment variable(s)). Correct the variables below and start again:\n  PORT: must be a number");
    expect(e.bilingual().split("\n").at(-1)).toBe("  PORT: phải là một số /   PORT: must be a number");
    expect(e.json()).toMatchObject({ code: "CONFIG_INVALID", params: { count: 1 }, message: { en: expect.stringContaining("PORT: must be a number") } });
  });
});
