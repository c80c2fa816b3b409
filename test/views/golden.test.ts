// Golden files: each surface, built from a realistic model, in both languages.
// A change to a view shows up as a diff of test/views/__golden__/*.json in
// review; after checking it, refresh them with `npx vitest run test/views -u`.
import { describe, expect, it } from "vitest";
import { LANGS, SURFACES } from "./surfaces.js";

describe.each(Object.entries(SURFACES))("%s", (name, build) => {
  it.each(LANGS)("matches __golden__/%s", async (lang) => {
    await expect(JSON.stringify(build(lang).out, null, 2)).toMatchFileSnapshot(`./__golden__/${name}.${lang}.json`);
  });
});

describe("languages", () => {
  // errorMessage shows the caller's text as is; every other surface has its own words in both languages.
  const bilingual = Object.entries(SURFACES).filter(([name]) => name !== "error");

  it.each(bilingual)("%s reads differently in Vietnamese and English", (_name, build) => {
    expect(JSON.stringify(build("vi").out)).not.toEqual(JSON.stringify(build("en").out));
  });
});
