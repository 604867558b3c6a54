// One provider profile (age group × provider type) compiled for one or more regelsæt at once —
// the scenarios of a comparison, the values of a sweep. They share one table of distinct
// conditions and one set of memoised facts, so a condition the scenarios have in common is
// evaluated once per provider; each scenario keeps its own parameters and policy over the table.

import {
  NIVEAUER,
  type Niveau,
  type Parameter,
  type ParameterNiveau,
  type ParameterNiveauEllerIkkeRelevant,
  type Regelsaet,
} from "../../schema/regelsaet.js";
import type { Vurderingsgrundlag } from "../../schema/vurderingsgrundlag.js";
import { anvendTaerskel, profilFor, type TaerskelOpslag, taerskelNavne, taerskelOpslag } from "../../taerskler.js";
import {
  type Blad,
  type BladPlan,
  BladRegister,
  beregnPlan,
  type Knude,
  type KompileretTrae,
  SAND,
} from "./betingelser.js";
import { direkteNoegle, FaktaKompilator, Kontekst } from "./fakta.js";
import { kompilerPolitik, type PolitikNiveau } from "./politik.js";

export interface KompileretParameter {
  id: string;
  vaegt: number;
  /** Thresholds this parameter's conditions refer to. */
  taerskler: ReadonlySet<string>;
  niveauer: Record<Niveau, KompileretTrae>;
  /** Equal signatures in one profile give equal rule levels for every provider. */
  signatur: string;
  /** The highest level whose conditions hold, `ingen` when not even let holds. */
  regelNiveau: (res: Uint8Array) => ParameterNiveau;
  /** The assessor's level for the parameter (an own property of `tilsynsvurdering` only). */
  tilsyn: (input: Vurderingsgrundlag) => ParameterNiveauEllerIkkeRelevant | undefined;
  /** The regelsæt's `ikkeRelevant.naar`, when the parameter has one. */
  ikkeRelevant?: KompileretTrae;
}

/** One regelsæt's part of a compiled profile. */
export interface ScenarieProfil {
  opslag: TaerskelOpslag;
  parametre: KompileretParameter[];
  politik: PolitikNiveau;
  /** Per parameter: the index of the same parameter (id and conditions) in scenario 0, or -1. */
  somBasis: Int32Array;
  /** The same active parameter ids in the same order as scenario 0. */
  sammeParametreSomBasis: boolean;
  /** Exactly scenario 0's parameters with the same conditions: its levels are scenario 0's. */
  somBasisHelt: boolean;
  /** Work array: the parameter levels of the provider evaluated last. */
  niveauer: ParameterNiveauEllerIkkeRelevant[];
  /** Work array: the same levels as codes (KODE_AF_UDFALD), for counting without strings. */
  koder: Uint8Array;
  /** The rule levels of all parameters as flat tables, read by `regelRang`. */
  niveauPlan: NiveauPlan;
}

/**
 * Per parameter and level (index `parameter * 3 + l`, l = 0 hoej, 1 moderat, 2 let): a plain
 * conjunction as the condition indices `indeks[fra] … indeks[til - 1]`, or else the tree.
 */
export interface NiveauPlan {
  fra: Int32Array;
  til: Int32Array;
  indeks: Int32Array;
  trae: (Knude | undefined)[];
  /** Per parameter: its `ikkeRelevant` tree, when it has one. */
  ikkeRelevant: (Knude | undefined)[];
}

/** True when parameter `i` is definitely not relevant for the provider (its rule is true). */
export function erIkkeRelevant(plan: NiveauPlan, i: number, res: Uint8Array): boolean {
  const k = plan.ikkeRelevant[i];
  return k !== undefined && k(res) === SAND;
}

/** Parameter levels by rank (RANG): ingen, let, moderat, hoej. */
export const NIVEAU_AF_RANG: readonly ParameterNiveau[] = ["ingen", "let", "moderat", "hoej"];

/** A parameter outcome as a small code: its rank (RANG), and 4 for `ikke-relevant`. */
export const IKKE_RELEVANT_KODE = 4;
export const UDFALD_AF_KODE: readonly ParameterNiveauEllerIkkeRelevant[] = [...NIVEAU_AF_RANG, "ikke-relevant"];
export const KODE_AF_UDFALD: Readonly<Record<ParameterNiveauEllerIkkeRelevant, number>> = {
  ingen: 0,
  let: 1,
  moderat: 2,
  hoej: 3,
  "ikke-relevant": IKKE_RELEVANT_KODE,
};

/** The rank of parameter `i`'s rule level: the highest level whose conditions hold, else 0. */
export function regelRang(plan: NiveauPlan, i: number, res: Uint8Array): number {
  const { fra, til, indeks, trae } = plan;
  for (let l = 0; l < 3; l++) {
    const t = i * 3 + l;
    const knude = trae[t];
    if (knude === undefined) {
      let j = fra[t] as number;
      const slut = til[t] as number;
      while (j < slut && res[indeks[j] as number] === SAND) j++;
      if (j === slut) return 3 - l;
    } else if (knude(res) === SAND) return 3 - l;
  }
  return 0;
}

function niveauPlan(parametre: readonly KompileretParameter[]): NiveauPlan {
  const fra: number[] = [];
  const til: number[] = [];
  const indeks: number[] = [];
  const trae: (Knude | undefined)[] = [];
  for (const p of parametre) {
    for (const n of ["hoej", "moderat", "let"] as const) {
      const t = p.niveauer[n];
      fra.push(indeks.length);
      if (t.konjunktion) indeks.push(...t.konjunktion);
      til.push(indeks.length);
      trae.push(t.konjunktion ? undefined : t.vaerdi);
    }
  }
  return {
    fra: Int32Array.from(fra),
    til: Int32Array.from(til),
    indeks: Int32Array.from(indeks),
    trae,
    ikkeRelevant: parametre.map((p) => p.ikkeRelevant?.vaerdi),
  };
}

export interface KompileretProfil {
  kontekst: Kontekst;
  /** The distinct conditions of every scenario, and the table of their results. */
  blade: Blad[];
  plan: BladPlan;
  resultater: Uint8Array;
  scenarier: ScenarieProfil[];
}

function niveauTest(t: KompileretTrae): (res: Uint8Array) => boolean {
  const konjunktion = t.konjunktion;
  if (konjunktion) {
    if (konjunktion.length === 1) {
      const i = konjunktion[0] as number;
      return (res) => res[i] === SAND;
    }
    return (res) => {
      for (let j = 0; j < konjunktion.length; j++) if (res[konjunktion[j] as number] !== SAND) return false;
      return true;
    };
  }
  const v = t.vaerdi;
  return (res) => v(res) === SAND;
}

/** As parameterFraBegrundelse reads it: own properties only, with a plain load where that is the same. */
function tilsynLaeser(id: string): KompileretParameter["tilsyn"] {
  if (direkteNoegle(id)) return (input) => input.tilsynsvurdering?.[id];
  return (input) => {
    const tv = input.tilsynsvurdering;
    return tv && Object.hasOwn(tv, id) ? tv[id] : undefined;
  };
}

function kompilerParameter(p: Parameter, register: BladRegister, opslag: TaerskelOpslag): KompileretParameter {
  const niveauer = {
    let: register.kompilerTrae(p.niveauer.let.betingelser, opslag),
    moderat: register.kompilerTrae(p.niveauer.moderat.betingelser, opslag),
    hoej: register.kompilerTrae(p.niveauer.hoej.betingelser, opslag),
  };
  const taerskler = new Set<string>();
  for (const n of NIVEAUER) taerskelNavne(p.niveauer[n].betingelser, taerskler);
  const ikkeRelevant = p.ikkeRelevant ? register.kompilerTrae(p.ikkeRelevant.naar, opslag) : undefined;
  if (p.ikkeRelevant) taerskelNavne(p.ikkeRelevant.naar, taerskler);
  const h = niveauTest(niveauer.hoej);
  const m = niveauTest(niveauer.moderat);
  const l = niveauTest(niveauer.let);
  const kp: KompileretParameter = {
    id: p.id,
    vaegt: p.vaegt ?? 1,
    taerskler,
    niveauer,
    signatur:
      NIVEAUER.map((n) => niveauer[n].signatur).join(";") + (ikkeRelevant ? `;ir:${ikkeRelevant.signatur}` : ""),
    regelNiveau: (res) => (h(res) ? "hoej" : m(res) ? "moderat" : l(res) ? "let" : "ingen"),
    tilsyn: tilsynLaeser(p.id),
  };
  if (ikkeRelevant) kp.ikkeRelevant = ikkeRelevant;
  return kp;
}

/** Compiles the profile of `input` for every regelsæt in `regelsaet` (with its active parameters). */
export function kompilerProfil(
  regelsaet: readonly { regelsaet: Regelsaet; aktive: readonly Parameter[] }[],
  input: Vurderingsgrundlag,
): KompileretProfil {
  const profil = profilFor(input);
  const fakta = new FaktaKompilator();
  const register = new BladRegister(fakta);
  const scenarier = regelsaet.map(({ regelsaet: r, aktive }): ScenarieProfil => {
    const opslag = taerskelOpslag(r, profil);
    const parametre = aktive.map((p) => kompilerParameter(p, register, opslag));
    return {
      opslag,
      parametre,
      politik: kompilerPolitik(r.indplacering, opslag, aktive),
      somBasis: new Int32Array(0),
      sammeParametreSomBasis: false,
      somBasisHelt: false,
      niveauer: aktive.map(() => "ingen"),
      koder: new Uint8Array(aktive.length),
      niveauPlan: niveauPlan(parametre),
    };
  });
  fakta.faerdig();
  const basis = scenarier[0]?.parametre ?? [];
  for (const s of scenarier) {
    s.somBasis = Int32Array.from(s.parametre, (p) =>
      basis.findIndex((b) => b.id === p.id && b.signatur === p.signatur),
    );
    s.sammeParametreSomBasis =
      s.parametre.length === basis.length && s.parametre.every((p, i) => p.id === basis[i]?.id);
    s.somBasisHelt = s.sammeParametreSomBasis && s.somBasis.every((b, i) => b === i);
  }
  return {
    kontekst: new Kontekst(fakta.antalSlots),
    blade: register.blade,
    plan: register.plan(),
    resultater: new Uint8Array(register.blade.length),
    scenarier,
  };
}

/** Evaluates every condition of the profile for a provider into the profile's result table. */
export function beregnBlade(p: KompileretProfil, input: Vurderingsgrundlag): Uint8Array {
  const k = p.kontekst;
  k.start(input);
  beregnPlan(p.plan, k, p.resultater);
  return p.resultater;
}

/**
 * Compiled profiles by age group and provider type, compiled on first use. A compiled profile
 * depends on the provider only through the thresholds' variants (and the profile fields those
 * miss), so profiles that select the same variants everywhere share one compilation.
 */
export class ProfilCache {
  private readonly profiler = new Map<string | undefined, Map<string | undefined, KompileretProfil>>();
  private readonly efterVarianter = new Map<string, KompileretProfil>();

  constructor(private readonly regelsaet: readonly { regelsaet: Regelsaet; aktive: readonly Parameter[] }[]) {}

  // The last provider's profile: a batch is often sorted or of one kind.
  private sidsteAlder: string | undefined;
  private sidsteType: string | undefined;
  private sidsteFase: string | undefined;
  private sidste: KompileretProfil | undefined;

  hent(input: Vurderingsgrundlag): KompileretProfil {
    const alder = input.aldersgruppe;
    const fase = input.forloebsfase;
    // The phase joins the type in the second key: both pick threshold variants alike.
    const type = fase === undefined ? input.leverandoer.type : `${input.leverandoer.type ?? "-"}|${fase}`;
    if (this.sidste !== undefined && alder === this.sidsteAlder && type === this.sidsteType && fase === this.sidsteFase)
      return this.sidste;
    const p = this.opslaa(alder, type, input);
    this.sidsteAlder = alder;
    this.sidsteType = type;
    this.sidsteFase = fase;
    this.sidste = p;
    return p;
  }

  private opslaa(alder: string | undefined, type: string | undefined, input: Vurderingsgrundlag): KompileretProfil {
    let efterType = this.profiler.get(alder);
    if (!efterType) {
      efterType = new Map();
      this.profiler.set(alder, efterType);
    }
    let p = efterType.get(type);
    if (!p) {
      const profil = profilFor(input);
      const varianter = JSON.stringify(
        this.regelsaet.map(({ regelsaet: r }) =>
          Object.values(r.taerskler).map((t) => {
            const a = anvendTaerskel(t, profil);
            return [a.variant ?? null, a.mangler];
          }),
        ),
      );
      p = this.efterVarianter.get(varianter);
      if (!p) {
        p = kompilerProfil(this.regelsaet, input);
        this.efterVarianter.set(varianter, p);
      }
      efterType.set(type, p);
    }
    return p;
  }
}
