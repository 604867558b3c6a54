// The compiled evaluator, the production path: a regelsæt turned, once per provider profile, into
// a tree of plain synchronous closures over the resolved thresholds — no eval, no generated
// source. It serves single and batch indplacering, scenario comparison and sweeps, and gives the
// same answers as the json-rules-engine oracle in ../jre.ts (the differential tests check every
// field), many times faster.
// Conditions are three-valued as in forklaring.ts: a fact that is not reported makes its
// condition unknown, and a level counts only when its tree is true.
import type { Indplacering, ParameterResultat } from "../../resultat.js";
import {
  type Betingelse,
  NIVEAUER,
  type Parameter,
  type ParameterNiveau,
  type ParameterNiveauEllerIkkeRelevant,
  type Regelsaet,
} from "../../schema/regelsaet.js";
import type { Vurderingsgrundlag } from "../../schema/vurderingsgrundlag.js";
import type { TaerskelOpslag } from "../../taerskler.js";
import { assertInput, erForberedt, type ForberedtRegelsaet, forberedt } from "../forberedt.js";
import { forklar } from "../forklaring.js";
import type { Indplaceringsniveau } from "../politik.js";
import { type Metadata, parameterFraBegrundelse, saml } from "../saml.js";
import { SAND, UKENDT } from "./betingelser.js";
import {
  beregnBlade,
  erIkkeRelevant,
  IKKE_RELEVANT_KODE,
  KODE_AF_UDFALD,
  type KompileretParameter,
  type KompileretProfil,
  ProfilCache,
  regelRang,
  type ScenarieProfil,
  UDFALD_AF_KODE,
} from "./profil.js";

export type { KompileretParameter, KompileretProfil, ScenarieProfil } from "./profil.js";

/**
 * What batch work (scenario comparison, sweeps) needs from an evaluation: the provider's level
 * and each active parameter's level.
 */
export interface Udfald {
  niveau: Indplaceringsniveau;
  parametre: Map<string, ParameterNiveauEllerIkkeRelevant>;
}

/** Udfald with the missing information, identical to the json-rules-engine path's. */
export interface UdfaldMedMangler extends Udfald {
  /** The level the level conditions give (also for a parameter that is not relevant). */
  regelNiveauer: Map<string, ParameterNiveau>;
  /** Per active parameter, sorted. */
  parameterMangler: Map<string, string[]>;
  /** Overall, sorted (includes `godkendt` when it is not reported). */
  manglendeOplysninger: string[];
}

type Kilde = ForberedtRegelsaet | Regelsaet;

function regelsaetAf(f: Kilde): { regelsaet: Regelsaet; aktive: Parameter[] } {
  const regelsaet = erForberedt(f) ? f.regelsaet : f;
  return { regelsaet, aktive: regelsaet.parametre.filter((p) => p.aktiv !== false) };
}

/** The key of a level vector for DelteMaps, or -1 when it has none. */
const INGEN_NOEGLE = -1;
/** Keys are base-5 numbers (one code per parameter): exact as doubles up to 5^22. */
const MAX_NOEGLE_PARAMETRE = 22;

/**
 * The level of each parameter that counts, into `s.niveauer` and `s.koder`: the assessor's, else
 * the rule-derived one. Returns the vector's DelteMaps key.
 */
function parameterNiveauer(s: ScenarieProfil, input: Vurderingsgrundlag, res: Uint8Array): number {
  const ps = s.parametre;
  const ud = s.niveauer;
  const koder = s.koder;
  const plan = s.niveauPlan;
  const n = ps.length;
  let noegle = 0;
  const tv = input.tilsynsvurdering;
  for (let i = 0; i < n; i++) {
    let kode: number;
    const t = tv == null ? undefined : (ps[i] as KompileretParameter).tilsyn(input);
    if (t !== undefined) kode = kodeAf(t);
    else kode = erIkkeRelevant(plan, i, res) ? IKKE_RELEVANT_KODE : regelRang(plan, i, res);
    ud[i] = UDFALD_AF_KODE[kode] as ParameterNiveauEllerIkkeRelevant;
    koder[i] = kode;
    noegle = noegle * 5 + kode;
  }
  return n > MAX_NOEGLE_PARAMETRE ? INGEN_NOEGLE : noegle;
}

/** An assessor's outcome as a code; the input's schema admits nothing else. */
function kodeAf(niveau: ParameterNiveauEllerIkkeRelevant): number {
  const kode = Object.hasOwn(KODE_AF_UDFALD, niveau) ? KODE_AF_UDFALD[niveau] : undefined;
  if (kode === undefined) throw new Error(`Engine: '${String(niveau)}' is not a parameter outcome`);
  return kode;
}

function somMap(
  s: ScenarieProfil,
  niveauer: readonly ParameterNiveauEllerIkkeRelevant[],
): Map<string, ParameterNiveauEllerIkkeRelevant> {
  const m = new Map<string, ParameterNiveauEllerIkkeRelevant>();
  for (let i = 0; i < s.parametre.length; i++)
    m.set((s.parametre[i] as KompileretParameter).id, niveauer[i] ?? "ingen");
  return m;
}

/**
 * Parameter-level maps shared between providers with the same levels (a batch has few distinct
 * level vectors), for one regelsæt: its active parameters are the same in every profile.
 */
class DelteMaps {
  private readonly efterNoegle = new Map<number, Map<string, ParameterNiveauEllerIkkeRelevant>>();
  // A direct-mapped cache in front of the Map.
  private readonly cacheNoegler = new Float64Array(1024).fill(INGEN_NOEGLE);
  private readonly cacheMaps: Map<string, ParameterNiveauEllerIkkeRelevant>[] = [];

  /** The map of the levels in `s.niveauer`, whose key is `noegle`. */
  hent(s: ScenarieProfil, noegle: number): Map<string, ParameterNiveauEllerIkkeRelevant> {
    if (noegle === INGEN_NOEGLE) return somMap(s, s.niveauer);
    const h = noegle % 1024;
    if (this.cacheNoegler[h] === noegle) return this.cacheMaps[h] as Map<string, ParameterNiveauEllerIkkeRelevant>;
    let m = this.efterNoegle.get(noegle);
    if (!m) {
      m = somMap(s, s.niveauer);
      this.efterNoegle.set(noegle, m);
    }
    this.cacheNoegler[h] = noegle;
    this.cacheMaps[h] = m;
    return m;
  }
}

/** A regelsæt compiled for batch evaluation; profiles are compiled on first use and cached. */
export class Kompileret {
  readonly regelsaet: Regelsaet;
  readonly aktive: Parameter[];
  private readonly profiler: ProfilCache;
  private readonly niveauer: ParameterNiveauEllerIkkeRelevant[] = [];

  constructor(f: Kilde) {
    const r = regelsaetAf(f);
    this.regelsaet = r.regelsaet;
    this.aktive = r.aktive;
    this.profiler = new ProfilCache([r]);
  }

  /** The compiled profile for a provider's age group and provider type. */
  profil(input: Vurderingsgrundlag): KompileretProfil {
    return this.profiler.hent(input);
  }

  /** The provider's level only; the cheapest question. */
  niveau(input: Vurderingsgrundlag): Indplaceringsniveau {
    if (input.godkendt !== true) return "ikke-indplaceret";
    const p = this.profiler.hent(input);
    const s = p.scenarier[0] as ScenarieProfil;
    parameterNiveauer(s, input, beregnBlade(p, input));
    return s.politik(s.niveauer, input.godkendt);
  }

  /**
   * Level and level per active parameter, as the scenario comparison needs it. Providers with
   * the same parameter levels share one map: treat it as read-only.
   */
  udfald(input: Vurderingsgrundlag): Udfald {
    const p = this.profiler.hent(input);
    const s = p.scenarier[0] as ScenarieProfil;
    const noegle = parameterNiveauer(s, input, beregnBlade(p, input));
    return { niveau: s.politik(s.niveauer, input.godkendt), parametre: this.maps.hent(s, noegle) };
  }

  private readonly maps = new DelteMaps();

  /** Udfald plus rule levels and missing information per parameter and overall. */
  udfaldMedMangler(input: Vurderingsgrundlag): UdfaldMedMangler {
    const p = this.profiler.hent(input);
    const s = p.scenarier[0] as ScenarieProfil;
    const res = beregnBlade(p, input);
    const k = p.kontekst;
    const niveauer = this.niveauer;
    const parametre = new Map<string, ParameterNiveauEllerIkkeRelevant>();
    const regelNiveauer = new Map<string, ParameterNiveau>();
    const parameterMangler = new Map<string, string[]>();
    const alle = new Set<string>();
    if (input.godkendt === undefined) alle.add("godkendt");
    s.parametre.forEach((kp, i) => {
      const regel = kp.regelNiveau(res);
      const relevans = kp.ikkeRelevant?.vaerdi(res);
      const n = kp.tilsyn(input) ?? (relevans === SAND ? "ikke-relevant" : regel);
      niveauer[i] = n;
      parametre.set(kp.id, n);
      regelNiveauer.set(kp.id, regel);
      const mangler = new Set<string>();
      // As parameterFraBegrundelse: a parameter that is left out lacks nothing; an unknown
      // relevance rule lists what it lacks.
      if (n !== "ikke-relevant") for (const niveau of NIVEAUER) kp.niveauer[niveau].mangler(k, res, mangler);
      if (relevans === UKENDT) kp.ikkeRelevant?.mangler(k, res, mangler);
      const sorteret = [...mangler].sort();
      parameterMangler.set(kp.id, sorteret);
      for (const m of sorteret) alle.add(m);
    });
    return {
      niveau: s.politik(niveauer, input.godkendt),
      parametre,
      regelNiveauer,
      parameterMangler,
      manglendeOplysninger: [...alle].sort(),
    };
  }

  /** The parameter results with reasons, built from the compiled conditions' outcomes. */
  parameterResultater(input: Vurderingsgrundlag): { parametre: ParameterResultat[]; opslag: TaerskelOpslag } {
    const p = this.profiler.hent(input);
    const s = p.scenarier[0] as ScenarieProfil;
    const k = p.kontekst;
    k.start(input);
    const parametre = this.aktive.map((param, i) => {
      const kp = s.parametre[i] as KompileretParameter;
      const begrundelse = NIVEAUER.map((niveau) => {
        const blade = kp.niveauer[niveau].blade;
        let j = 0;
        const betingelser = forklar(
          param.niveauer[niveau].betingelser,
          () => {
            const b = p.blade[blade[j++] ?? -1];
            if (!b) throw new Error(`Engine: leaf count mismatch in ${param.id}:${niveau}`);
            return b.udfald(k);
          },
          s.opslag,
        );
        return { niveau, opfyldt: betingelser.opfyldt, betingelser };
      });
      const relevans =
        param.ikkeRelevant && kp.ikkeRelevant
          ? forklarTrae(p, k, param.ikkeRelevant.naar, kp.ikkeRelevant.blade, s.opslag, `${param.id}:ikkeRelevant`)
          : undefined;
      return parameterFraBegrundelse(param, input, begrundelse, relevans);
    });
    return { parametre, opslag: s.opslag };
  }
}

/**
 * Several regelsæt (the scenarios of a comparison, the values of a sweep) compiled together:
 * per provider, every distinct condition is evaluated once, a parameter whose conditions are the
 * same as in the first scenario takes its level from there, and each scenario applies its policy.
 */
export class KompileretGruppe {
  readonly antal: number;
  private readonly profiler: ProfilCache;
  // The last provider's results, per scenario: its level, and whether its parameter levels
  // are exactly the first scenario's (then it can share the first scenario's map).
  private readonly sidsteNiveau: Indplaceringsniveau[] = [];
  private readonly sidsteSomBasis: boolean[] = [];
  private readonly sidsteNoegle: number[] = [];
  private sidsteProfil: KompileretProfil | undefined;
  private readonly maps: DelteMaps[];
  private readonly ider: string[][];

  constructor(fs: readonly Kilde[]) {
    if (fs.length === 0) throw new Error("Engine: a compiled group needs at least one regelsæt");
    this.antal = fs.length;
    const regelsaet = fs.map(regelsaetAf);
    this.profiler = new ProfilCache(regelsaet);
    this.ider = regelsaet.map((r) => r.aktive.map((p) => p.id));
    this.maps = fs.map(() => new DelteMaps());
  }

  /**
   * Per scenario, the level and the level per active parameter. The parameter maps are shared
   * between providers with the same levels (a batch has few distinct ones): treat them as
   * read-only.
   */
  udfald(input: Vurderingsgrundlag): Udfald[] {
    const n = this.evaluer(input).scenarier.length;
    const ud: Udfald[] = [];
    for (let i = 0; i < n; i++) {
      const forste = ud[0];
      const parametre = forste && this.sidsteSomBasis[i] ? forste.parametre : this.parametre(i);
      ud.push({ niveau: this.sidsteNiveau[i] as Indplaceringsniveau, parametre });
    }
    return ud;
  }

  /**
   * Scenario `i`'s level per active parameter for the provider evaluated last (by `niveauer` or
   * `udfald`): the same shared, read-only map `udfald` gives.
   */
  parametre(i: number): Map<string, ParameterNiveauEllerIkkeRelevant> {
    const p = this.sidsteProfil;
    if (!p) throw new Error("Engine: no provider has been evaluated");
    if (i > 0 && this.sidsteSomBasis[i]) return this.parametre(0);
    return (this.maps[i] as DelteMaps).hent(p.scenarier[i] as ScenarieProfil, this.sidsteNoegle[i] as number);
  }

  /** Scenario `i`'s active parameter ids, in the order of `koder(i)`. */
  parameterIder(i: number): readonly string[] {
    return this.ider[i] as string[];
  }

  /**
   * Scenario `i`'s parameter outcomes for the provider evaluated last, as codes (KODE_AF_UDFALD)
   * in the order of `parameterIder(i)`: a work array, overwritten by the next provider.
   */
  koder(i: number): Uint8Array {
    const p = this.sidsteProfil;
    if (!p) throw new Error("Engine: no provider has been evaluated");
    return (p.scenarier[this.sidsteSomBasis[i] ? 0 : i] as ScenarieProfil).koder;
  }

  /** Whether scenario `i` has exactly the first scenario's parameters and levels for the provider evaluated last. */
  somBasis(i: number): boolean {
    return this.sidsteSomBasis[i] === true;
  }

  /** Per scenario, the provider's level only. */
  niveauer(input: Vurderingsgrundlag, ud: Indplaceringsniveau[] = []): Indplaceringsniveau[] {
    const n = this.evaluer(input).scenarier.length;
    for (let i = 0; i < n; i++) ud[i] = this.sidsteNiveau[i] as Indplaceringsniveau;
    return ud;
  }

  /** Evaluates every scenario for one provider into the scenario profiles' level arrays. */
  private evaluer(input: Vurderingsgrundlag): KompileretProfil {
    const p = this.profiler.hent(input);
    this.sidsteProfil = p;
    const res = beregnBlade(p, input);
    const scenarier = p.scenarier;
    const forste = scenarier[0] as ScenarieProfil;
    this.sidsteNoegle[0] = parameterNiveauer(forste, input, res);
    const basis = forste.niveauer;
    const godkendt = input.godkendt;
    const utilsyn = input.tilsynsvurdering == null;
    this.sidsteNiveau[0] = forste.politik(basis, godkendt);
    this.sidsteSomBasis[0] = true;
    const basisKoder = forste.koder;
    for (let j = 1; j < scenarier.length; j++) {
      const s = scenarier[j] as ScenarieProfil;
      if (s.somBasisHelt) {
        // The first scenario's levels (a policy or weight scenario): only the policy differs.
        this.sidsteNoegle[j] = this.sidsteNoegle[0] as number;
        this.sidsteNiveau[j] = s.politik(basis, godkendt);
        this.sidsteSomBasis[j] = true;
        continue;
      }
      const { niveauer, koder, niveauPlan: plan } = s;
      const somBasisIndeks = s.somBasis;
      let somBasis = s.sammeParametreSomBasis;
      let noegle = 0;
      for (let i = 0; i < niveauer.length; i++) {
        const b = somBasisIndeks[i] as number;
        let kode: number;
        if (b >= 0) kode = basisKoder[b] as number;
        else {
          const t = utilsyn ? undefined : (s.parametre[i] as KompileretParameter).tilsyn(input);
          if (t !== undefined) kode = kodeAf(t);
          else kode = erIkkeRelevant(plan, i, res) ? IKKE_RELEVANT_KODE : regelRang(plan, i, res);
        }
        niveauer[i] = UDFALD_AF_KODE[kode] as ParameterNiveauEllerIkkeRelevant;
        koder[i] = kode;
        noegle = noegle * 5 + kode;
        if (kode !== basisKoder[i]) somBasis = false;
      }
      this.sidsteNoegle[j] = niveauer.length > MAX_NOEGLE_PARAMETRE ? INGEN_NOEGLE : noegle;
      this.sidsteNiveau[j] = s.politik(niveauer, godkendt);
      this.sidsteSomBasis[j] = somBasis;
    }
    return p;
  }
}

/** The reasons for one compiled tree, from its leaves' outcomes in tree order. */
function forklarTrae(
  p: KompileretProfil,
  k: KompileretProfil["kontekst"],
  b: Betingelse,
  blade: readonly number[],
  opslag: TaerskelOpslag,
  hvor: string,
) {
  let j = 0;
  return forklar(
    b,
    () => {
      const blad = p.blade[blade[j++] ?? -1];
      if (!blad) throw new Error(`Engine: leaf count mismatch in ${hvor}`);
      return blad.udfald(k);
    },
    opslag,
  );
}

const CACHE = new WeakMap<Kilde, Kompileret>();

/** The compiled form of a regelsæt, cached per ForberedtRegelsaet (or Regelsaet) object. */
export function kompiler(f: Kilde): Kompileret {
  let k = CACHE.get(f);
  if (!k) {
    k = new Kompileret(f);
    CACHE.set(f, k);
  }
  return k;
}

export interface BatchOptions {
  /** Structurally an AbortSignal; the engine carries no DOM or Node types. */
  signal?: { aborted: boolean; reason?: unknown };
  onProgress?: (faerdige: number, ialt: number) => void;
}

/**
 * Evaluates every provider with every regelsæt, as a KompileretGruppe; the result is indexed
 * [regelsæt][provider] like a scenario comparison needs it.
 */
export function evaluerScenarier(
  fs: readonly Kilde[],
  input: readonly Vurderingsgrundlag[],
  options: BatchOptions = {},
): Udfald[][] {
  const gruppe = new KompileretGruppe(fs);
  const ud: Udfald[][] = fs.map(() => new Array(input.length));
  const ialt = fs.length * input.length;
  for (let li = 0; li < input.length; li++) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("Afbrudt");
    const u = gruppe.udfald(input[li] as Vurderingsgrundlag);
    for (let si = 0; si < u.length; si++) (ud[si] as Udfald[])[li] = u[si] as Udfald;
    if (options.onProgress && (li % 256 === 0 || li === input.length - 1)) {
      options.onProgress((li + 1) * fs.length, ialt);
    }
  }
  return ud;
}

/** The compiled path's Udfald with missing information per parameter. */
export function udfaldMedMangler(f: Kilde, input: Vurderingsgrundlag): UdfaldMedMangler {
  return kompiler(f).udfaldMedMangler(input);
}

/**
 * The full indplacering with reasons, synchronously: the same result as `indplacer` (the
 * differential tests compare the whole object). Throws EngineError on invalid input.
 */
export function indplacerSync(regelsaet: Kilde, input: unknown, meta: Metadata = {}): Indplacering {
  const f = forberedt(regelsaet);
  assertInput(f, input);
  const { parametre, opslag } = kompiler(f).parameterResultater(input);
  return saml(f, input, parametre, opslag, meta);
}
