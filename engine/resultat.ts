// The output contract (DOMAIN.md §4): an indplacering with its reasons.
import type { BetingelsesForklaring, Forklaring, Sandhed } from "./indplacering/forklaring.js";
import type { Indplaceringsniveau, PolitikResultat } from "./indplacering/politik.js";
import type { Niveau, ParameterNiveau } from "./schema/regelsaet.js";

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
  /** The level that counts: the tilsynsvurdering when given, else the rule-derived level. */
  niveau: ParameterNiveau;
  regelNiveau: ParameterNiveau;
  tilsynsvurdering?: ParameterNiveau;
  afvigerFraRegler?: boolean;
  vaegt: number;
  begrundelse: NiveauBegrundelse[];
  manglendeOplysninger: string[];
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
  parametre: { id: string; navn: string; niveau: ParameterNiveau; fastsatAfTilsyn: boolean }[];
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
  naesteNiveau: NaesteNiveau | null;
}
