// Every error in the catalogue, as the command line says it: in the language
// asked for alone (--lang en), as JSON with --json, in both languages when
// none was asked for, with the exit code of its kind.
import { describe, expect, it } from "vitest";
import { reportError, type ErrorVoice } from "../../src/cli/errors.js";
import { AppError, ERROR_CODES, type ErrorCode } from "../../src/errors.js";
import { createLogger } from "../../src/log.js";

const log = createLogger("silent");

/** Every parameter a message asks for, named after itself, so that each shows in the text. */
const params = new Proxy({} as Record<string, string>, { get: (_, key) => (typeof key === "string" ? `«${key}»` : undefined) });

function said(code: ErrorCode, voice: ErrorVoice) {
  const out: string[] = [];
  const exit = reportError(new AppError(code, params), { out: (t) => out.push(t), err: (t) => out.push(t) }, log, voice);
  return { exit, text: out.join("\n") };
}

describe("errors at the command line", () => {
  it.each(ERROR_CODES)("%s: --lang en alone, --lang vi alone, both by default", (code) => {
    const e = new AppError(code, params);
    const en = said(code, { lang: "en", explicit: true, json: false });
    expect(en.text).toBe(e.text("en", "cli"));
    expect(en.text).not.toContain(e.text("vi", "cli"));
    const vi = said(code, { lang: "vi", explicit: true, json: false });
    expect(vi.text).toBe(e.text("vi", "cli"));
    expect(vi.text).not.toContain(e.text("en", "cli"));
    expect(said(code, { lang: "vi", explicit: false, json: false }).text).toBe(e.bilingual("cli"));
    expect([1, 69]).toContain(en.exit);
  });

  it.each(ERROR_CODES)("%s: --json is one JSON object with the code and both messages", (code) => {
    const { text } = said(code, { lang: "en", explicit: true, json: true });
    const parsed = JSON.parse(text) as { error: { code: string; message: { vi: string; en: string } } };
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message.en).toBe(new AppError(code, params).text("en", "cli"));
    expect(parsed.error.message.vi).toBe(new AppError(code, params).text("vi", "cli"));
  });

  it("a job cut short by the database exits 69 and names its period in words, in each language", () => {
    const e = new AppError("JOB_INTERRUPTED", {
      jobVi: "Nhắc việc đầu tuần",
      jobEn: "Monday reminders",
      periodVi: "tuần 46/2023",
      periodEn: "week 46 of 2023",
      sent: 2,
      reason: "57P01: gone",
    });
    const out: string[] = [];
    expect(reportError(e, { out: () => {}, err: (t) => out.push(t) }, log, { lang: "en", explicit: true, json: false })).toBe(69);
    expect(out.join("\n")).toMatch(/^Job "Monday reminders" for week 46 of 2023 stopped part-way/);
    expect(e.text("vi")).toMatch(/^Việc "Nhắc việc đầu tuần" kỳ tuần 46\/2023 dừng giữa chừng/);
  });
});
