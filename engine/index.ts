// The shared engine: pure TypeScript, no I/O, used by the API and the browser editor.

export * from "./diff.js";
export * from "./facts.js";
export * from "./foelsomhed.js";
export * from "./forfatter-tjek.js";
export * from "./hash.js";
export * from "./indplacering/forberedt.js";
export * from "./indplacering/forklaring.js";
export * from "./indplacering/jre.js";
export * from "./indplacering/kompileret/kompileret.js";
export * from "./indplacering/naeste-niveau.js";
export * from "./indplacering/politik.js";
export * from "./indplacering/saml.js";
export * from "./problem.js";
export * from "./resultat.js";
export * from "./scenarier.js";
export * from "./schema/regelsaet.js";
export * from "./schema/vurderingsgrundlag.js";
export * from "./taerskler.js";
export * from "./testtilfaelde.js";
export * from "./validate.js";
