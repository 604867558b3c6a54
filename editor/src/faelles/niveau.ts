// Danish labels for the levels, as the user reads them.
import type { Indplaceringsniveau, ParameterNiveauEllerIkkeRelevant } from "../../../engine/index.js";

export const NIVEAU_NAVN: Record<Indplaceringsniveau | ParameterNiveauEllerIkkeRelevant, string> = {
  "ikke-indplaceret": "Ikke indplaceret",
  ingen: "Ingen",
  let: "Let",
  moderat: "Moderat",
  hoej: "Højt",
  "ikke-relevant": "Ikke relevant",
};

export const INDPLACERINGSNIVEAUER = ["ikke-indplaceret", "let", "moderat", "hoej"] as const;

export function niveauNavn(n: string): string {
  return n in NIVEAU_NAVN ? NIVEAU_NAVN[n as keyof typeof NIVEAU_NAVN] : n;
}
