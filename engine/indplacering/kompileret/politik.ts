// The indplacering policy compiled for one profile: the same decision as `anvendPolitik` (a property
// test, test/engine/politik.test.ts, holds the two to the same level), with the limits, weights and
// must-have parameters looked up once, so that a level costs a few comparisons. Only the level; the
// full PolitikResultat comes from `anvendPolitik` itself.

import type { Indplaceringspolitik, Parameter, ParameterNiveau } from "../../schema/regelsaet.js";
import { type TaerskelOpslag, talTaerskel } from "../../taerskler.js";
import { type Indplaceringsniveau, RANG, STANDARD_NIVEAUVAERDIER } from "../politik.js";

const EPSILON = 1e-9;

export type PolitikNiveau = (
  niveauer: readonly ParameterNiveau[],
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
  const under = (niveauer: readonly ParameterNiveau[], indeks: number[], krav: number) =>
    indeks.some((i) => RANG[niveauer[i] as ParameterNiveau] < krav);

  return (niveauer, godkendt) => {
    if (godkendt !== true) return "ikke-indplaceret";
    let niveau: Indplaceringsniveau = raat(niveauer);
    if (niveau === "hoej" && kravHoej.length > 0 && under(niveauer, kravHoej, RANG.hoej)) niveau = "moderat";
    if (niveau === "moderat" && kravModerat.length > 0 && under(niveauer, kravModerat, RANG.moderat)) niveau = "let";
    if (toNiveauer && niveau === "moderat") niveau = "let";
    return niveau;
  };

  function vaegtet(): (niveauer: readonly ParameterNiveau[]) => "let" | "moderat" | "hoej" {
    const vaerdier = politik.niveauvaerdier ?? STANDARD_NIVEAUVAERDIER;
    const vaegt = aktive.map((p) => p.vaegt ?? 1);
    // The same sum in the same order as anvendPolitik, so the score is the same float.
    let vaegte = 0;
    for (const v of vaegt) vaegte += v;
    const moderat = graense(opslag, "indplacering.vaegtet.moderat.minScore");
    const hoej = graense(opslag, "indplacering.vaegtet.hoej.minScore");
    return (niveauer) => {
      let sum = 0;
      for (let i = 0; i < antal; i++) sum += (vaegt[i] as number) * vaerdier[niveauer[i] as ParameterNiveau];
      const score = vaegte === 0 ? 0 : sum / vaegte;
      const m = moderat();
      const h = hoej();
      return score + EPSILON >= h ? "hoej" : score + EPSILON >= m ? "moderat" : "let";
    };
  }

  function optaelling(): (niveauer: readonly ParameterNiveau[]) => "let" | "moderat" | "hoej" {
    const justering = politik.referenceAntal === undefined ? 0 : antal - politik.referenceAntal;
    const klem = (n: number) => Math.min(antal, Math.max(1, n));
    const moderatMin = graense(opslag, "indplacering.moderat.minParametre");
    const hoejMin = graense(opslag, "indplacering.hoej.minParametre");
    const hoejMax = graense(opslag, "indplacering.hoej.maxModerat");
    return (niveauer) => {
      let hoej = 0;
      let moderat = 0;
      let under = 0;
      for (let i = 0; i < antal; i++) {
        const n = niveauer[i];
        if (n === "hoej") hoej++;
        else if (n === "moderat") moderat++;
        else under++;
      }
      const mMin = klem(moderatMin() + justering);
      const hMin = klem(hoejMin() + justering);
      const hMax = Math.max(0, hoejMax());
      if (hoej >= hMin && moderat <= hMax && under === 0) return "hoej";
      return hoej + moderat >= mMin ? "moderat" : "let";
    };
  }
}
