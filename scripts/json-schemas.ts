// Writes JSON Schemas of the organisation and plan files, generated from the
// zod schemas that validate them, to docs/schema/. Editors (VS Code's YAML
// extension, for one) use them to complete and check the files as you type.
// test/files/json-schema.test.ts fails when they are out of date.
import { writeFile } from "node:fs/promises";
import { jsonSchemas } from "../src/files/json-schema.js";

for (const [name, schema] of Object.entries(jsonSchemas())) {
  const file = `docs/schema/${name}.schema.json`;
  await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
