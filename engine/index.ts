// The shared engine: pure TypeScript, no I/O, used by the API and the browser editor. This is its
// public surface, named one by one: what api/, editor/, scripts/ and bench/ use. Tests may import
// deeper paths. The json-rules-engine oracle is not here: its few users (the API's recompute check,
// the golden test cases, the editor's test panel) import indplacering/jre.ts and testtilfaelde.ts
// by path, so that a bundle built from this index, such as the scenario worker, carries none of it.
// biome-ignore-all assist/source/organizeImports: the exports are grouped by purpose, not sorted.

// The two documents and their JSON Schemas: a regelsæt and a provider's vurderingsgrundlag.
export {
  type Betingelse,
  type BetingelsesVaerdi,
  type Indplaceringspolitik,
  type Kilde,
  type Kode,
  KODELISTER,
  type KodelisteNavn,
  type Kodelister,
  type LeafBetingelse,
  type Maalgruppebeskrivelse,
  MAALGRUPPE_ID,
  NIVEAUER,
  type Parameter,
  type ParameterNiveau,
  type ParameterNiveauEllerIkkeRelevant,
  type Regelsaet,
  RegelsaetSchema,
  type Taerskel,
  type Testtilfaelde,
} from "./schema/regelsaet.js";
export {
  LEVERANDOERTYPER,
  type Medarbejder,
  type Vurderingsgrundlag,
  VurderingsgrundlagSchema,
} from "./schema/vurderingsgrundlag.js";

// Kodelister: list-valued input normalised to the regelsæt's codes (label, synonym, any case,
// with or without æ/ø/å); an unknown word is a problem with "Mente du …?".
export {
  foldTekst,
  KODELISTE_FELTER,
  kodeNavn,
  kodelisteFor,
  type Normalisering,
  normaliserGrundlag,
  normaliserVaerdi,
} from "./kodelister.js";

// Validation of both documents, with problems located by path.
export { erGyldigtVurderingsgrundlag, validateRegelsaet, validateVurderingsgrundlag } from "./validate.js";

// Errors and paths: the engine's one error type and how a path is shown and turned into a pointer.
export { type Detalje, EngineError, type Problem, pointerFor, type Sti, stiFromPointer, visSti } from "./problem.js";

// Content hash of a regelsæt and the canonical JSON it is computed from.
export { canonicalJson, hashRegelsaet } from "./hash.js";

// Indplacering, the production path: prepare a regelsæt once, evaluate with the compiled evaluator.
export { type ForberedtRegelsaet, forbered } from "./indplacering/forberedt.js";
export { evaluerScenarier, indplacerSync, kompiler } from "./indplacering/kompileret/kompileret.js";
export { INDPLACERINGSNIVEAUER, type Indplaceringsniveau, RANG } from "./indplacering/politik.js";
export type { Forklaring } from "./indplacering/forklaring.js";
export { type Indplacering, type ParameterResultat, RESULTATFORMAT } from "./resultat.js";

// Scenario comparison and threshold sensitivity (sweeps, borderline providers).
export {
  type Aendringer,
  anvendAendringer,
  type Fordeling,
  type ParameterSkift,
  type Sammenligning,
  type Scenarie,
  sammenlignRegelsaet,
  sammenlignScenarier,
} from "./scenarier.js";
export { graensetilfaelde, sweep } from "./foelsomhed.js";

// Thresholds in domain words, and what each scenario change does on its own.
export {
  HELTALS_ENHEDER,
  niveauOrd,
  type TaerskelEtiket,
  type TaerskelGruppe,
  taerskelEtiket,
  taerskelGraenseBrud,
  taerskelGraenser,
  taerskelGrupper,
  taerskelVaerdiTekst,
  talTekst,
} from "./taerskel-etiketter.js";
export {
  aendringerUdenVirkning,
  type EnkeltAendring,
  type EnkeltVirkning,
  enkeltAendringer,
  enkeltvisVirkning,
  type UdenVirkning,
} from "./scenarie-virkning.js";
export { operatorTekst } from "./indplacering/forklaring.js";

// Decisions over time: status lifecycle, next reassessment, grace periods, afdelinger roll-up.
export * from "./afgoerelse.js";

// Authoring: checks beyond the schema and the difference between two versions.
export { forfatterTjek } from "./forfatter-tjek.js";
export { diffRegelsaet } from "./diff.js";
