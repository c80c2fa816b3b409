import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../../src/files/json-schema.js";

describe("JSON Schemas in docs/schema", () => {
  it("are up to date with the zod schemas (run `npm run schemas` after changing a file format)", async () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(await readFile(`docs/schema/${name}.schema.json`, "utf8"));
      expect(committed, name).toEqual(schema);
    }
  });
});
