// The indplacering policy compiled for one profile: the same decision as `anvendPolitik` (a property
// test, test/engine/politik.test.ts, holds the two to the same level), with the limits, weights and
// must-have parameters looked up once, so that a level costs a few comparisons. Only the level; the
// full PolitikResultat comes from `anvendPolitik` itself.

import type {
  Indplaceringspolitik,
  Parameter,
  ParameterNiveau,
  ParameterNiveauEllerIkkeRelevant,
} from "../../schema/regelsaet.js";
import { type TaerskelOpslag, talTaerskel } from "../../taerskler.js";
import { type Indplaceringsniveau, naarHoejt, RANG, STANDARD_NIVEAUVAERDIER } from "../politik.js";

const EPSILON = 1e-9;

export type PolitikNiveau = (
  niveauer: readonly ParameterNiveauEllerIkkeRelevant[],
  godkendt: boolean | undefined,
) => Indplaceringsniveau;

/** Looks a limit up now; if that fails, fails where `anvendPolitik` would: at evaluation. */
function graense(opslag: TaerskelOpslag, navn: string): () => number {
  try {
    const v = talTaerskel(opslag, navn);
    return () => v;
  } catch (e) {
    return () => {
      throw e;
    };
  }
}

/** A parameter count limit within 1 and the number of parameters that count. */
const klem = (n: number, taelte: number) => Math.min(taelte, Math.max(1, n));

export function kompilerPolitik(
  politik: Indplaceringspolitik,
  opslag: TaerskelOpslag,
  aktive: readonly Parameter[],
): PolitikNiveau {
  const antal = aktive.length;
  const raat = antal === 0 ? () => "let" as const : politik.metode === "vaegtet" ? vaegtet() : optaelling();
  const kravIndeks = (krav: "moderat" | "hoej") =>
    (politik.krav?.[krav] ?? []).map((id) => aktive.findIndex((p) => p.id === id)).filter((i) => i >= 0);
  const kravHoej = kravIndeks("hoej");
  const kravModerat = kravIndeks("moderat");
  const toNiveauer = politik.toNiveauer === true;
  // A parameter that is not relevant cannot hold the provider back (RANG has no rank for it).
  const under = (niveauer: readonly ParameterNiveauEllerIkkeRelevant[], indeks: number[], krav: number) =>
    indeks.some((i) => (RANG[niveauer[i] as ParameterNiveau] ?? krav) < krav);

  return (niveauer, godkendt) => {
    if (godkendt !== true) return "ikke-indplaceret";
    let niveau: Indplaceringsniveau = raat(niveauer);
    if (niveau === "hoej" && kravHoej.length > 0 && under(niveauer, kravHoej, RANG.hoej)) niveau = "moderat";
    if (niveau === "moderat" && kravModerat.length > 0 && under(niveauer, kravModerat, RANG.moderat)) niveau = "let";
    if (toNiveauer && niveau === "moderat") niveau = "let";
    return niveau;
  };

  function vaegtet(): (niveauer: readonly ParameterNiveauEllerIkkeRelevant[]) => "let" | "moderat" | "hoej" {
    const vaerdier = politik.niveauvaerdier ?? STANDARD_NIVEAUVAERDIER;
    const vaegt = aktive.map((p) => p.vaegt ?? 1);
    const moderat = graense(opslag, "indplacering.vaegtet.moderat.minScore");
    const hoej = graense(opslag, "indplacering.vaegtet.hoej.minScore");
    const afledte = politik.vaegtetGraenser === "afledte";
    return (niveauer) => {
      // The same sums in the same order as anvendPolitik, so the score is the same float;
      // a parameter that is not relevant is left out of both.
      let sum = 0;
      let vaegte = 0;
      let taelte = 0;
      let stoerst = 0;
      for (let i = 0; i < antal; i++) {
        const n = niveauer[i] as ParameterNiveauEllerIkkeRelevant;
        if (n === "ikke-relevant") continue;
        taelte++;
        const w = vaegt[i] as number;
        sum += w * vaerdier[n];
        vaegte += w;
        if (w > stoerst) stoerst = w;
      }
      if (taelte === 0) return "let";
      const score = vaegte === 0 ? 0 : sum / vaegte;
      // As afledteScoreGraenser computes them, from the same sums.
      const andel = vaegte === 0 ? 0 : stoerst / vaegte;
      const m = afledte ? vaerdier.moderat - (vaerdier.moderat - vaerdier.let) * andel : moderat();
      const h = afledte ? vaerdier.hoej - (vaerdier.hoej - vaerdier.moderat) * andel : hoej();
      return score + EPSILON >= h ? "hoej" : score + EPSILON >= m ? "moderat" : "let";
    };
  }

  function optaelling(): (niveauer: readonly ParameterNiveauEllerIkkeRelevant[]) => "let" | "moderat" | "hoej" {
    const moderatMin = graense(opslag, "indplacering.moderat.minParametre");
    const hoejMin = graense(opslag, "indplacering.hoej.minParametre");
    const hoejMax = graense(opslag, "indplacering.hoej.maxModerat");
    // Reused on every call: a level costs no allocation.
    const graenser = { hoejMinParametre: 0, hoejMaxModerat: 0 };
    return (niveauer) => {
      let hoej = 0;
      let moderat = 0;
      let under = 0;
      let ikkeRelevant = 0;
      for (let i = 0; i < antal; i++) {
        const n = niveauer[i];
        if (n === "hoej") hoej++;
        else if (n === "moderat") moderat++;
        else if (n === "ikke-relevant") ikkeRelevant++;
        else under++;
      }
      // Parameters that are not relevant move the limits as switched-off ones do.
      const taelte = antal - ikkeRelevant;
      if (taelte === 0) return "let";
      const justering = politik.referenceAntal === undefined ? 0 : taelte - politik.referenceAntal;
      const mMin = klem(moderatMin() + justering, taelte);
      graenser.hoejMinParametre = klem(hoejMin() + justering, taelte);
      graenser.hoejMaxModerat = Math.max(0, hoejMax());
      if (naarHoejt(politik, graenser, hoej, moderat, under)) return "hoej";
      return hoej + moderat >= mMin ? "moderat" : "let";
    };
  }
}
