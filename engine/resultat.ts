// The output contract (DOMAIN.md §4): an indplacering with its reasons.
import type { BetingelsesForklaring, Forklaring, Sandhed } from "./indplacering/forklaring.js";
import type { Indplaceringsniveau, PolitikResultat } from "./indplacering/politik.js";
import type { Kilde, Niveau, ParameterNiveau, ParameterNiveauEllerIkkeRelevant } from "./schema/regelsaet.js";

export interface RegelsaetReference {
  maalgruppe: string;
  version?: number;
  hash: string;
  kladde: boolean;
}

export interface NiveauBegrundelse {
  niveau: Niveau;
  opfyldt: Sandhed;
  betingelser: Forklaring;
}

export interface ParameterResultat {
  id: string;
  navn: string;
  /**
   * The level that counts: the tilsynsvurdering when given, else `ikke-relevant` when the
   * regelsæt's `ikkeRelevant` rule holds, else the rule-derived level.
   */
  niveau: ParameterNiveauEllerIkkeRelevant;
  /** The level the level conditions give, also for a parameter that is not relevant. */
  regelNiveau: ParameterNiveau;
  tilsynsvurdering?: ParameterNiveauEllerIkkeRelevant;
  afvigerFraRegler?: boolean;
  /** Why the parameter is left out of the count, when it is. */
  ikkeRelevant?: IkkeRelevant;
  /** The regelsæt's `ikkeRelevant.naar` evaluated for the provider, when the parameter has one. */
  relevans?: Forklaring;
  vaegt: number;
  begrundelse: NiveauBegrundelse[];
  manglendeOplysninger: string[];
}

export interface IkkeRelevant {
  /** `regel`: the regelsæt's `ikkeRelevant` rule holds; `tilsyn`: the assessor said so. */
  af: "regel" | "tilsyn";
  /** A sentence for the reasons. */
  tekst: string;
  kilde?: Kilde;
}

export interface Mangel extends BetingelsesForklaring {
  parameter: string;
  /** The parameter level the condition belongs to. */
  niveau: Niveau;
  /** True when the condition is one of several alternatives (an `any`): one of them suffices. */
  alternativ?: boolean;
}

export interface NaesteNiveau {
  niveau: Exclude<Indplaceringsniveau, "ikke-indplaceret">;
  /** A sentence saying what it takes, e.g. how many more parameters must reach the level. */
  tekst: string;
  /** Parameters below the level that could be raised, with the conditions they miss. */
  parametre: { id: string; navn: string; niveau: ParameterNiveauEllerIkkeRelevant; fastsatAfTilsyn: boolean }[];
  mangler: Mangel[];
}

export interface Indplacering {
  niveau: Indplaceringsniveau;
  maalgruppe: string;
  leverandoer: { id: string; navn?: string; afdeling?: string };
  regelsaet: RegelsaetReference;
  politik: PolitikResultat;
  parametre: ParameterResultat[];
  manglendeOplysninger: string[];
  /** The parameters left out of the count as not relevant, with the reason; absent when none. */
  ikkeRelevante?: { id: string; navn: string; tekst: string }[];
  naesteNiveau: NaesteNiveau | null;
}

/**
 * The format of the explained result (`Indplacering`): bump it whenever the same regelsæt and
 * input give a different explained result (a reason's wording, a field added or renamed). Stored
 * compact decisions name the format they were made with; one made with an older format is
 * checked on its levels, since the old explanation bytes cannot be rebuilt (api/indplacering.ts).
 * test/engine/resultatformat.test.ts fails when the output changes and this number did not.
 */
export const RESULTATFORMAT = 1;
