// `npm run schema`: writes the files generated from the schemas (see schema-filer.ts).
import { writeFileSync } from "node:fs";
import { schemaFiler } from "./schema-filer.js";

for (const [sti, indhold] of Object.entries(schemaFiler())) {
  writeFileSync(new URL(`../${sti}`, import.meta.url), indhold);
  console.log(`skrev ${sti}`);
}
