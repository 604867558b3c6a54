// The two JSON Schemas as Monaco's JSON service sees them. A draft names its schema with
// `"$schema": "./schema/regelsaet.json"` relative to the document, so the models live under
// inmemory://regelsaet/ and the schemas under inmemory://regelsaet/schema/, where the schema's
// `$ref: "vurderingsgrundlag.json"` resolves too.
import { RegelsaetSchema } from "../../../engine/schema/regelsaet.js";
import { VurderingsgrundlagSchema } from "../../../engine/schema/vurderingsgrundlag.js";

export const MODEL_ROD = "inmemory://regelsaet/";
export const SCHEMA_ROD = `${MODEL_ROD}schema/`;

export function modelUri(navn: string): string {
  return `${MODEL_ROD}${encodeURIComponent(navn)}.json`;
}

export function regelsaetSchemaer() {
  const regelsaet = { ...(RegelsaetSchema as object) } as Record<string, unknown>;
  const vurderingsgrundlag = { ...(VurderingsgrundlagSchema as object) } as Record<string, unknown>;
  // The $id values are relative names; Monaco resolves them against the uri given here.
  delete regelsaet.$id;
  delete vurderingsgrundlag.$id;
  return [
    { uri: `${SCHEMA_ROD}regelsaet.json`, fileMatch: [`${MODEL_ROD}*.json`], schema: regelsaet },
    { uri: `${SCHEMA_ROD}vurderingsgrundlag.json`, schema: vurderingsgrundlag },
  ];
}
