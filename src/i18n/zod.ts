// zod's findings in words a person can act on, naming the field ("Thiếu
// trường lead", not "expected string, received undefined"), in Vietnamese
// and English. Used wherever dondoc validates with zod what a person wrote:
// plan, organisation and calendar files, the environment.
import { z } from "zod";
import type { Lang } from "../errors.js";

type Words = Record<Lang, string>;

const vi = z.locales.vi().localeError;
const en = z.locales.en().localeError;
const messageOf = (r: ReturnType<typeof vi>): string => (typeof r === "string" ? r : (r?.message ?? ""));

const KINDS: Record<string, Words> = {
  string: { vi: "văn bản", en: "text" },
  number: { vi: "một số", en: "a number" },
  int: { vi: "một số nguyên", en: "a whole number" },
  boolean: { vi: "true hoặc false", en: "true or false" },
  array: { vi: "một danh sách", en: "a list" },
  object: { vi: "một nhóm trường (key: value)", en: "a mapping (key: value)" },
  date: { vi: "một ngày", en: "a date" },
};

/** The field an issue is about: the last name in its path ("lead" in tasks[2].lead[0]). */
function fieldOf(path: readonly PropertyKey[]): string | null {
  const name = [...path].reverse().find((k) => typeof k === "string");
  return name === undefined ? null : String(name);
}

type Issue = z.core.$ZodRawIssue;

/** Words for one issue zod raised without a message of the schema's own; null for the rare kinds left to zod's own words. */
export function issueWords(issue: Issue): Words | null {
  const field = fieldOf(issue.path ?? []);
  const the: Words = field ? { vi: `Trường "${field}"`, en: `The field "${field}"` } : { vi: "Giá trị", en: "The value" };
  const i = issue as Issue & {
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    values?: unknown[];
    keys?: string[];
    format?: string;
    pattern?: unknown;
  };
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return field ? { vi: `Thiếu trường "${field}"`, en: `The field "${field}" is missing` } : { vi: "Thiếu giá trị", en: "A value is missing" };
      const kind = KINDS[i.expected ?? ""];
      return kind ? { vi: `${the.vi} phải là ${kind.vi}`, en: `${the.en} must be ${kind.en}` } : null;
    }
    case "too_small": {
      const n = Number(i.minimum);
      if (i.origin === "string")
        return n <= 1
          ? { vi: `${the.vi} không được để trống`, en: `${the.en} must not be empty` }
          : { vi: `${the.vi} cần ít nhất ${n} ký tự`, en: `${the.en} needs at least ${n} characters` };
      if (i.origin === "array" || i.origin === "set") return { vi: `${the.vi} cần ít nhất ${n} mục`, en: `${the.en} needs at least ${n} item(s)` };
      return { vi: `${the.vi} phải từ ${n} trở lên`, en: `${the.en} must be at least ${n}` };
    }
    case "too_big": {
      const n = Number(i.maximum);
      if (i.origin === "string") return { vi: `${the.vi} dài quá ${n} ký tự`, en: `${the.en} is longer than ${n} characters` };
      if (i.origin === "array" || i.origin === "set") return { vi: `${the.vi} có quá ${n} mục`, en: `${the.en} has more than ${n} items` };
      return { vi: `${the.vi} phải từ ${n} trở xuống`, en: `${the.en} must be at most ${n}` };
    }
    case "invalid_value": {
      const values = (i.values ?? []).map((v) => String(v)).join(", ");
      return { vi: `${the.vi} phải là một trong: ${values}`, en: `${the.en} must be one of: ${values}` };
    }
    case "invalid_format": {
      const form = i.format === "regex" ? String(i.pattern ?? "") : (i.format ?? "");
      return { vi: `${the.vi} không đúng dạng quy định (${form})`, en: `${the.en} is not in the required form (${form})` };
    }
    case "unrecognized_keys": {
      const keys = (i.keys ?? []).join(", ");
      return { vi: `Trường không có trong mẫu: ${keys} (đề nghị kiểm tra chính tả)`, en: `Unknown field(s): ${keys} (check the spelling)` };
    }
    default:
      return null;
  }
}

/**
 * A zod error map: "vi / en" for every issue whose schema gave no message of
 * its own (those are written "vi / en" already). splitWords takes them apart.
 */
export const bilingualErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "custom") return undefined;
  const words = issueWords(issue);
  return words ? `${words.vi} / ${words.en}` : `${messageOf(vi(issue))} / ${messageOf(en(issue))}`;
};

/** A "vi / en" message in its two languages (the same text in both when it has no " / "). */
export function splitWords(message: string): Words {
  const at = message.indexOf(" / ");
  return at < 0 ? { vi: message, en: message } : { vi: message.slice(0, at), en: message.slice(at + 3) };
}
