import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { schemaFiler } from "../../scripts/schema-filer.js";

it("the files generated from the schemas are up to date (run `npm run schema` after a change)", () => {
  for (const [sti, indhold] of Object.entries(schemaFiler())) {
    expect(readFileSync(new URL(`../../${sti}`, import.meta.url), "utf8"), sti).toBe(indhold);
  }
});
