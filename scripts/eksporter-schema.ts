// Writes the JSON Schemas to rulesets/schema/ for editors and other tools. The test
// suite checks that the files match the schemas in code.
import { writeFileSync } from "node:fs";
import { schemaFiler } from "../engine/schema/filer.js";

for (const [navn, indhold] of Object.entries(schemaFiler())) {
  writeFileSync(new URL(`../rulesets/schema/${navn}`, import.meta.url), indhold);
  console.log(`skrev rulesets/schema/${navn}`);
}
