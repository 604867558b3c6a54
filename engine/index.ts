// The shared engine: pure TypeScript, no I/O, used by the API and the browser editor.

export * from "./afgoerelse.js";
export * from "./diff.js";
export * from "./eksempel-generator.js";
export * from "./evaluator.js";
export * from "./facts.js";
export * from "./foelsomhed.js";
export * from "./forfatter-tjek.js";
export * from "./forklaring.js";
export * from "./hash.js";
export * from "./indplacer.js";
export * from "./kompileret.js";
export * from "./naeste-niveau.js";
export * from "./politik.js";
export * from "./problem.js";
export * from "./resultat.js";
export * from "./scenarier.js";
export * from "./schema/regelsaet.js";
export * from "./schema/vurderingsgrundlag.js";
export * from "./taerskler.js";
export * from "./testtilfaelde.js";
export * from "./validate.js";
