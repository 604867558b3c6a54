import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { schemaFiler } from "../../engine/index.js";

it("the exported schema files match the schemas in code (run `npm run schema` after a change)", () => {
  for (const [navn, indhold] of Object.entries(schemaFiler())) {
    expect(readFileSync(new URL(`../../rulesets/schema/${navn}`, import.meta.url), "utf8"), navn).toBe(indhold);
  }
});
