// The exported schema files (rulesets/schema/), as text: one source for `npm run schema` and
// its test. The file names match the schemas' $id so the relative $ref resolves on disk too.
import { RegelsaetSchema } from "./regelsaet.js";
import { VurderingsgrundlagSchema } from "./vurderingsgrundlag.js";

export function schemaFiler(): Record<string, string> {
  const tekst = (s: object) =>
    `${JSON.stringify({ $schema: "http://json-schema.org/draft-07/schema#", ...s }, null, 2)}\n`;
  return {
    "regelsaet.json": tekst(RegelsaetSchema),
    "vurderingsgrundlag.json": tekst(VurderingsgrundlagSchema),
  };
}
