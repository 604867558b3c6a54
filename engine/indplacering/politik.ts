// Indplacering policies: how parameter levels become the provider's level. Pure and synchronous,
// shared by the compiled evaluator and the json-rules-engine oracle so both decide alike.
import type { Indplaceringspolitik, ParameterNiveau, ParameterNiveauEllerIkkeRelevant } from "../schema/regelsaet.js";
import { type TaerskelOpslag, talTaerskel } from "../taerskler.js";

export type Indplaceringsniveau = "ikke-indplaceret" | "let" | "moderat" | "hoej";
export const INDPLACERINGSNIVEAUER: readonly Indplaceringsniveau[] = ["ikke-indplaceret", "let", "moderat", "hoej"];

/**
 * The rank of a level, of a parameter (ingen…hoej) and of a provider (ikke-indplaceret…hoej); a
 * provider level's rank is also its index in INDPLACERINGSNIVEAUER.
 */
export const RANG: Readonly<Record<ParameterNiveau | Indplaceringsniveau, number>> = {
  "ikke-indplaceret": 0,
  ingen: 0,
  let: 1,
  moderat: 2,
  hoej: 3,
};

export const STANDARD_NIVEAUVAERDIER = { ingen: 0, let: 1, moderat: 2, hoej: 3 } as const;

export interface ParameterUdfald {
  id: string;
  /** `ikke-relevant` leaves the parameter out of the count and the weighted mean. */
  niveau: ParameterNiveauEllerIkkeRelevant;
  vaegt: number;
}

export interface Optaelling {
  /** The parameters that count: active and relevant. */
  aktive: number;
  hoej: number;
  moderat: number;
  let: number;
  ingen: number;
  /** Active parameters left out because they are not relevant for the provider. */
  ikkeRelevant: number;
}

export interface PolitikResultat {
  niveau: Indplaceringsniveau;
  metode: Indplaceringspolitik["metode"];
  optaelling: Optaelling;
  /** The effective counting limits after adjusting for switched-off parameters. */
  graenser?: { moderatMinParametre: number; hoejMinParametre: number; hoejMaxModerat: number };
  score?: number;
  scoreGraenser?: { moderat: number; hoej: number };
  /** Parameters named in `krav` that held the provider below a level it otherwise reached. */
  kravIkkeOpfyldt: { niveau: "moderat" | "hoej"; parametre: string[] }[];
}

const EPSILON = 1e-9;

export function taelNiveauer(udfald: readonly ParameterUdfald[]): Optaelling {
  const t: Optaelling = { aktive: 0, hoej: 0, moderat: 0, let: 0, ingen: 0, ikkeRelevant: 0 };
  for (const u of udfald) {
    if (u.niveau === "ikke-relevant") t.ikkeRelevant++;
    else {
      t.aktive++;
      t[u.niveau]++;
    }
  }
  return t;
}

/**
 * Tabel 4 on højt, the one test both evaluators use. `monoton` (the default): the højt count, at
 * most maxModerat at moderat and none below moderat, so that a better figure never gives a lower
 * level. `bogstavelig`: the table as printed — the højt count and at most maxModerat at moderat;
 * a parameter at let or ingen does not stop højt.
 */
export function naarHoejt(
  politik: Pick<Indplaceringspolitik, "laesning">,
  graenser: { hoejMinParametre: number; hoejMaxModerat: number },
  hoej: number,
  moderat: number,
  under: number,
): boolean {
  if (hoej < graenser.hoejMinParametre || moderat > graenser.hoejMaxModerat) return false;
  return politik.laesning === "bogstavelig" || under === 0;
}

/** The level the parameters alone reach, before `krav` and the two-level mode. */
/**
 * The weighted policy's cut-offs derived from the counted parameters' weights: Tabel 4's weakest
 * profile at each level scored with these weights — højt: every parameter at højt but the
 * heaviest at moderat; moderat: every parameter at moderat but the heaviest at let. With equal
 * weights and the standard level values that is 2.875 and 1.875. A provider reaches a level when
 * its weighted shortfall from that level is at most one heaviest parameter's step, so lowering a
 * weight (other than the one heaviest) only shrinks that parameter's pull and never makes a
 * level harder for the others.
 */
export function afledteScoreGraenser(
  vaerdier: { let: number; moderat: number; hoej: number },
  vaegte: readonly number[],
): { moderat: number; hoej: number } {
  let sum = 0;
  let stoerst = 0;
  for (const v of vaegte) {
    sum += v;
    if (v > stoerst) stoerst = v;
  }
  const andel = sum === 0 ? 0 : stoerst / sum;
  return {
    moderat: vaerdier.moderat - (vaerdier.moderat - vaerdier.let) * andel,
    hoej: vaerdier.hoej - (vaerdier.hoej - vaerdier.moderat) * andel,
  };
}

function raatNiveau(
  politik: Indplaceringspolitik,
  opslag: TaerskelOpslag,
  udfald: readonly ParameterUdfald[],
  t: Optaelling,
): Pick<PolitikResultat, "niveau" | "graenser" | "score" | "scoreGraenser"> {
  if (t.aktive === 0) return { niveau: "let" };
  if (politik.metode === "vaegtet") {
    const vaerdier = politik.niveauvaerdier ?? STANDARD_NIVEAUVAERDIER;
    let sum = 0;
    let vaegte = 0;
    for (const u of udfald) {
      if (u.niveau === "ikke-relevant") continue;
      sum += u.vaegt * vaerdier[u.niveau];
      vaegte += u.vaegt;
    }
    const score = vaegte === 0 ? 0 : sum / vaegte;
    const scoreGraenser =
      politik.vaegtetGraenser === "afledte"
        ? afledteScoreGraenser(
            vaerdier,
            udfald.filter((u) => u.niveau !== "ikke-relevant").map((u) => u.vaegt),
          )
        : {
            moderat: talTaerskel(opslag, "indplacering.vaegtet.moderat.minScore"),
            hoej: talTaerskel(opslag, "indplacering.vaegtet.hoej.minScore"),
          };
    const niveau =
      score + EPSILON >= scoreGraenser.hoej ? "hoej" : score + EPSILON >= scoreGraenser.moderat ? "moderat" : "let";
    return { niveau, score, scoreGraenser };
  }
  const justering = politik.referenceAntal === undefined ? 0 : t.aktive - politik.referenceAntal;
  const klem = (n: number) => Math.min(t.aktive, Math.max(1, n));
  const graenser = {
    moderatMinParametre: klem(talTaerskel(opslag, "indplacering.moderat.minParametre") + justering),
    hoejMinParametre: klem(talTaerskel(opslag, "indplacering.hoej.minParametre") + justering),
    hoejMaxModerat: Math.max(0, talTaerskel(opslag, "indplacering.hoej.maxModerat")),
  };
  const hoej = naarHoejt(politik, graenser, t.hoej, t.moderat, t.let + t.ingen);
  const niveau = hoej ? "hoej" : t.hoej + t.moderat >= graenser.moderatMinParametre ? "moderat" : "let";
  return { niveau, graenser };
}

export function anvendPolitik(
  politik: Indplaceringspolitik,
  opslag: TaerskelOpslag,
  udfald: readonly ParameterUdfald[],
  godkendt: boolean | undefined,
): PolitikResultat {
  const optaelling = taelNiveauer(udfald);
  if (godkendt !== true) {
    return { niveau: "ikke-indplaceret", metode: politik.metode, optaelling, kravIkkeOpfyldt: [] };
  }
  const raat = raatNiveau(politik, opslag, udfald, optaelling);
  let niveau = raat.niveau;
  const kravIkkeOpfyldt: PolitikResultat["kravIkkeOpfyldt"] = [];
  for (const krav of ["hoej", "moderat"] as const) {
    if (niveau !== krav) continue;
    const mangler = (politik.krav?.[krav] ?? []).filter((id) => {
      const u = udfald.find((x) => x.id === id);
      // A parameter that is not relevant for the provider cannot hold it back.
      return u !== undefined && u.niveau !== "ikke-relevant" && RANG[u.niveau] < RANG[krav];
    });
    if (mangler.length > 0) {
      kravIkkeOpfyldt.push({ niveau: krav, parametre: mangler });
      niveau = krav === "hoej" ? "moderat" : "let";
    }
  }
  if (politik.toNiveauer && niveau === "moderat") niveau = "let";
  return { ...raat, niveau, metode: politik.metode, optaelling, kravIkkeOpfyldt };
}
