// Condition trees for the compiled evaluator. Every distinct condition (fact, params, path,
// operator and value, after thresholds are resolved) of a profile is evaluated once per provider
// into a table of three-valued results; a level's tree then only reads that table. A tree that is
// a plain conjunction — every pilot level is — becomes a list of table indices.
import { beregnFaktum, type FaktumResultat, type ParamVaerdi } from "../../facts.js";
import { ukendtUdfald } from "../../interval.js";
import type { Betingelse, LeafBetingelse } from "../../schema/regelsaet.js";
import { resolveVaerdi, type TaerskelOpslag, taerskelNavne } from "../../taerskler.js";
import type { LeafUdfald } from "../forklaring.js";
import type { FaktaKompilator, FaktumLaeser, Kontekst } from "./fakta.js";

/** Three-valued truth as small integers: false, unknown (fact not reported), true. */
export const FALSK = 0;
export const UKENDT = 1;
export const SAND = 2;
export type Sandhed3 = typeof FALSK | typeof UKENDT | typeof SAND;

/** A condition's result for the provider in the context. */
export type BladFunktion = (k: Kontekst) => Sandhed3;
/** A tree's value, read from the table of condition results. */
export type Knude = (res: Uint8Array) => Sandhed3;

/** One distinct condition of a profile. */
export interface Blad {
  beregn: BladFunktion;
  /** The outcome as the reasons need it (json-rules-engine's factResult and result). */
  udfald: (k: Kontekst) => LeafUdfald;
  /** Missing information when the condition is unknown. */
  mangler: (k: Kontekst) => string[];
}

export interface KompileretTrae {
  vaerdi: Knude;
  /** Indices of the conditions when the tree is a plain conjunction, else undefined. */
  konjunktion?: Int32Array;
  /** What is missing in the subtrees that are not true (as manglendeIForklaring collects it). */
  mangler: (k: Kontekst, res: Uint8Array, ud: Set<string>) => void;
  /** Table indices of the leaves, in tree order (as the reasons walk them). */
  blade: number[];
  /** Equal signatures in one table give equal values for every provider. */
  signatur: string;
}

const erTal = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

// The same operators as OPERATORER in ../jre.ts, with the validator folded in. An undefined
// fact value never reaches them: the condition is unknown (or false) before that.
export function operator(navn: string, b: unknown): (v: unknown) => boolean {
  const liste = Array.isArray(b) ? (b as unknown[]) : undefined;
  switch (navn) {
    case "equal":
      return (v) => v === b;
    case "notEqual":
      return (v) => v !== b;
    case "in":
      return liste ? (v) => liste.includes(v) : () => false;
    case "notIn":
      return liste ? (v) => !liste.includes(v) : () => false;
    case "contains":
      return (v) => Array.isArray(v) && v.includes(b);
    case "doesNotContain":
      return (v) => Array.isArray(v) && !v.includes(b);
    case "lessThan":
      return (v) => erTal(v) && v < (b as number);
    case "lessThanInclusive":
      return (v) => erTal(v) && v <= (b as number);
    case "greaterThan":
      return (v) => erTal(v) && v > (b as number);
    case "greaterThanInclusive":
      return (v) => erTal(v) && v >= (b as number);
    default:
      throw new Error(`Engine: unknown operator '${navn}' reached compilation`);
  }
}

/**
 * The condition's result. The common shapes of the pilot regelsæt — a numeric limit on a derived
 * fact, a flag or a list membership of an input field — read and compare inline, without a
 * call per step; every other shape reads through the fact's reader and calls the operator.
 */
function bladFunktion(laeser: FaktumLaeser, ukendt: (k: Kontekst) => Sandhed3, navn: string, b: unknown): BladFunktion {
  const { slot, felt } = laeser;
  if (slot && !slot.tal && navn === "greaterThanInclusive") {
    const { indeks, fyld } = slot;
    const g = b as number;
    return (k) => {
      if (k.stempel[indeks] !== k.generation) fyld(k);
      const v = k.vaerdier[indeks];
      if (v === undefined) return ukendt(k);
      return typeof v === "number" && Number.isFinite(v) && v >= g ? SAND : FALSK;
    };
  }
  if (felt?.noegle !== undefined && (navn === "equal" || (navn === "in" && Array.isArray(b)))) {
    const { navn: fakt, noegle } = felt;
    const les = (k: Kontekst): unknown => {
      const s = (k.input as Record<string, unknown>)[fakt];
      return s === null || typeof s !== "object" ? s : (s as Record<string, unknown>)[noegle];
    };
    if (navn === "equal") {
      return (k) => {
        const v = les(k);
        return v === undefined ? ukendt(k) : v === b ? SAND : FALSK;
      };
    }
    const liste = b as unknown[];
    return (k) => {
      const v = les(k);
      return v === undefined ? ukendt(k) : liste.includes(v) ? SAND : FALSK;
    };
  }
  const { laes } = laeser;
  const op = operator(navn, b);
  return (k) => {
    const v = laes(k);
    return v === undefined ? ukendt(k) : op(v) ? SAND : FALSK;
  };
}

/** Numeric comparisons a slot condition can make in the plan's loop, by code. */
const TAL_OPERATORER: ReadonlyMap<string, number> = new Map([
  ["greaterThanInclusive", 0],
  ["greaterThan", 1],
  ["lessThanInclusive", 2],
  ["lessThan", 3],
]);

/** A condition that compares a sikker slot with a number: evaluated in a loop, without a call. */
interface TalBlad {
  blad: number;
  slot: number;
  /** In Kontekst.tal/kendt, else in Kontekst.vaerdier. */
  typet: boolean;
  op: number;
  graense: number;
  fyld: (k: Kontekst) => void;
  /** The result when the slot's value is unknown (decided from bounds when it can be). */
  ukendt: BladFunktion;
}

/** An `equal` or `in` condition on an input field (`fakt`, or its `noegle` when it is an object). */
interface FeltBlad {
  blad: number;
  fakt: string;
  noegle: string | undefined;
  /** 0 equal, 1 in (with a list), 2 equal true (a flag, compared with the constant). */
  op: number;
  vaerdi: unknown;
}

/**
 * How a profile evaluates all its conditions for a provider: first the slots the numeric
 * conditions read (the staff pass among them), then those conditions in one loop over typed
 * arrays, then the conditions on input fields in one loop (each input section read once), then
 * every other condition through its closure.
 */
export interface BladPlan {
  fyldere: ((k: Kontekst) => void)[];
  talBlad: Int32Array;
  talSlot: Int32Array;
  talTypet: Uint8Array;
  talOp: Uint8Array;
  talGraense: Float64Array;
  talUkendt: BladFunktion[];
  /** The input sections the field conditions read, and a work array for their values. */
  sektionNavne: string[];
  sektioner: unknown[];
  feltBlad: Int32Array;
  feltSektion: Int32Array;
  feltNoegle: (string | undefined)[];
  feltOp: Uint8Array;
  feltVaerdi: unknown[];
  lukket: Int32Array;
  lukketFunktion: BladFunktion[];
}

/** Evaluates every condition of a plan into `res` (the provider is `k.input`). */
export function beregnPlan(plan: BladPlan, k: Kontekst, res: Uint8Array): void {
  const fyldere = plan.fyldere;
  for (let i = 0; i < fyldere.length; i++) (fyldere[i] as (k: Kontekst) => void)(k);
  const { talBlad, talSlot, talTypet, talOp, talGraense, talUkendt } = plan;
  const { tal, kendt, vaerdier } = k;
  for (let i = 0; i < talBlad.length; i++) {
    const slot = talSlot[i] as number;
    let v: number;
    if (talTypet[i] === 1) {
      if (kendt[slot] === 0) {
        res[talBlad[i] as number] = (talUkendt[i] as BladFunktion)(k);
        continue;
      }
      v = tal[slot] as number;
    } else {
      const x = vaerdier[slot];
      if (x === undefined) {
        res[talBlad[i] as number] = (talUkendt[i] as BladFunktion)(k);
        continue;
      }
      if (typeof x !== "number" || !Number.isFinite(x)) {
        res[talBlad[i] as number] = FALSK;
        continue;
      }
      v = x;
    }
    const g = talGraense[i] as number;
    const op = talOp[i];
    const sand = op === 0 ? v >= g : op === 1 ? v > g : op === 2 ? v <= g : v < g;
    res[talBlad[i] as number] = sand ? SAND : FALSK;
  }
  const { sektionNavne, sektioner, feltBlad, feltSektion, feltNoegle, feltOp, feltVaerdi } = plan;
  const input = k.input as unknown as Record<string, unknown>;
  for (let j = 0; j < sektionNavne.length; j++) sektioner[j] = input[sektionNavne[j] as string];
  for (let i = 0; i < feltBlad.length; i++) {
    const s = sektioner[feltSektion[i] as number];
    const noegle = feltNoegle[i];
    const v = noegle === undefined || s === null || typeof s !== "object" ? s : (s as Record<string, unknown>)[noegle];
    let r: Sandhed3;
    if (v === undefined) r = UKENDT;
    else if (feltOp[i] === 2) r = v === true ? SAND : FALSK;
    else if (feltOp[i] === 0) r = v === feltVaerdi[i] ? SAND : FALSK;
    else r = (feltVaerdi[i] as unknown[]).includes(v) ? SAND : FALSK;
    res[feltBlad[i] as number] = r;
  }
  const { lukket, lukketFunktion } = plan;
  for (let i = 0; i < lukket.length; i++) res[lukket[i] as number] = (lukketFunktion[i] as BladFunktion)(k);
}

/** JSON writes NaN and ±Infinity as null; keep them apart in keys. */
const ikkeEndelige = (_: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `#${v}` : v);

/** The distinct conditions of one profile, by content. */
export class BladRegister {
  readonly blade: Blad[] = [];
  private readonly indeks = new Map<string, number>();
  private readonly talBlade: TalBlad[] = [];
  private readonly feltBlade: FeltBlad[] = [];

  /** The fact library's answer per (fact, params, path), memoised per provider. */
  private readonly faktaMemo = new Map<string, (k: Kontekst) => FaktumResultat>();

  constructor(private readonly fakta: FaktaKompilator) {}

  /**
   * The fact library's full answer (value, missing, bounds) for a provider, computed once per
   * provider however many conditions — of however many scenarios — ask about the same fact.
   */
  private faktum(
    fact: string,
    params: Record<string, ParamVaerdi> | undefined,
    path: string | undefined,
  ): (k: Kontekst) => FaktumResultat {
    const noegle = JSON.stringify([fact, params ?? null, path ?? null], ikkeEndelige);
    let f = this.faktaMemo.get(noegle);
    if (!f) {
      let sidsteK: Kontekst | undefined;
      let sidsteGeneration = -1;
      let sidste: FaktumResultat = { vaerdi: undefined, mangler: [] };
      f = (k) => {
        if (k !== sidsteK || k.generation !== sidsteGeneration) {
          sidste = beregnFaktum(k.input, fact, params, path);
          sidsteK = k;
          sidsteGeneration = k.generation;
        }
        return sidste;
      };
      this.faktaMemo.set(noegle, f);
    }
    return f;
  }

  /** The table index of a condition, compiling it the first time it is seen. */
  tilfoej(leaf: LeafBetingelse, opslag: TaerskelOpslag): number {
    const params = leaf.params
      ? (Object.fromEntries(Object.entries(leaf.params).map(([k, v]) => [k, resolveVaerdi(v, opslag)])) as Record<
          string,
          ParamVaerdi
        >)
      : undefined;
    const { fact, path } = leaf;
    const vaerdi = resolveVaerdi(leaf.value, opslag);
    // Plain JSON is enough for a key: the same regelsæt text gives the same key order, and a
    // missed match only costs a duplicate condition, never a wrong result.
    const noegle = JSON.stringify([fact, params ?? null, path ?? null, leaf.operator, vaerdi], ikkeEndelige);
    const fundet = this.indeks.get(noegle);
    if (fundet !== undefined) return fundet;

    const laeser = this.fakta.laeser(fact, params, path);
    const { laes, sikker } = laeser;
    const op = operator(leaf.operator, vaerdi);
    // When the fast reader has no value, the fact library says whether the value is known after
    // all (a member ruled out by a known field), decided by its bounds, or unknown — as the
    // json-rules-engine path does. Memoised per provider: the reasons ask again.
    const faktum = this.faktum(fact, params, path);
    let sidsteK: Kontekst | undefined;
    let sidsteGeneration = -1;
    let sidste: LeafUdfald = { faktisk: undefined, resultat: false, mangler: [] };
    const udenVaerdi = (k: Kontekst): LeafUdfald => {
      if (k === sidsteK && k.generation === sidsteGeneration) return sidste;
      const r = faktum(k);
      sidste =
        r.vaerdi !== undefined
          ? { faktisk: r.vaerdi, resultat: op(r.vaerdi) === true, mangler: [] }
          : r.mangler.length === 0
            ? { faktisk: undefined, resultat: false, mangler: [] }
            : ukendtUdfald(r, leaf.operator, vaerdi);
      sidsteK = k;
      sidsteGeneration = k.generation;
      return sidste;
    };
    const ukendt = (k: Kontekst): Sandhed3 => {
      const u = udenVaerdi(k);
      return u.mangler.length > 0 ? UKENDT : u.resultat ? SAND : FALSK;
    };
    const blad: Blad = {
      beregn: bladFunktion(laeser, ukendt, leaf.operator, vaerdi),
      udfald: (k) => {
        const v = laes(k);
        if (v === undefined) return udenVaerdi(k);
        return { faktisk: v, resultat: op(v) === true, mangler: [] };
      },
      mangler: (k) => udenVaerdi(k).mangler,
    };
    const i = this.blade.length;
    this.blade.push(blad);
    this.indeks.set(noegle, i);
    const opKode = TAL_OPERATORER.get(leaf.operator);
    if (laeser.slot && sikker && opKode !== undefined && typeof vaerdi === "number") {
      const { indeks, fyld, tal } = laeser.slot;
      this.talBlade.push({ blad: i, slot: indeks, typet: tal, op: opKode, graense: vaerdi, fyld, ukendt });
    } else if (
      laeser.felt &&
      sikker &&
      (leaf.operator === "equal" || (leaf.operator === "in" && Array.isArray(vaerdi)))
    ) {
      const { navn: fakt, noegle: n } = laeser.felt;
      this.feltBlade.push({
        blad: i,
        fakt,
        noegle: n,
        op: leaf.operator === "in" ? 1 : vaerdi === true ? 2 : 0,
        vaerdi,
      });
    }
    return i;
  }

  /** The plan for every condition registered so far (call when the facts are `faerdig`). */
  plan(): BladPlan {
    const tal = this.talBlade;
    const felt = this.feltBlade;
    const iPlan = new Set([...tal.map((t) => t.blad), ...felt.map((f) => f.blad)]);
    const lukket = this.blade.flatMap((_, i) => (iPlan.has(i) ? [] : [i]));
    const sektionNavne = [...new Set(felt.map((f) => f.fakt))];
    return {
      fyldere: [...new Set(tal.map((t) => this.fakta.direkteFyld(t.fyld)))],
      talBlad: Int32Array.from(tal, (t) => t.blad),
      talSlot: Int32Array.from(tal, (t) => t.slot),
      talTypet: Uint8Array.from(tal, (t) => (t.typet ? 1 : 0)),
      talOp: Uint8Array.from(tal, (t) => t.op),
      talGraense: Float64Array.from(tal, (t) => t.graense),
      talUkendt: tal.map((t) => t.ukendt),
      sektionNavne,
      sektioner: sektionNavne.map(() => undefined),
      feltBlad: Int32Array.from(felt, (f) => f.blad),
      feltSektion: Int32Array.from(felt, (f) => sektionNavne.indexOf(f.fakt)),
      feltNoegle: felt.map((f) => f.noegle),
      feltOp: Uint8Array.from(felt, (f) => f.op),
      feltVaerdi: felt.map((f) => f.vaerdi),
      lukket: Int32Array.from(lukket),
      lukketFunktion: lukket.map((i) => (this.blade[i] as Blad).beregn),
    };
  }

  /** Compiles a tree with the thresholds of one regelsæt and profile (`opslag`). */
  kompilerTrae(b: Betingelse, opslag: TaerskelOpslag): KompileretTrae {
    if ("not" in b) {
      const del = this.kompilerTrae(b.not, opslag);
      const inner = del.vaerdi;
      const vaerdi: Knude = (res) => {
        const v = inner(res);
        return v === UKENDT ? UKENDT : v === SAND ? FALSK : SAND;
      };
      return {
        vaerdi,
        mangler: (k, res, ud) => {
          if (vaerdi(res) !== SAND) del.mangler(k, res, ud);
        },
        blade: del.blade,
        signatur: `!${del.signatur}`,
      };
    }
    if (!("all" in b) && !("any" in b)) return this.kompilerBlad(b, opslag);
    const alle = "all" in b;
    const dele = (alle ? b.all : b.any).map((c) => this.kompilerTrae(c, opslag));
    if (dele.length === 1) return dele[0] as KompileretTrae;
    const vaerdi = alle ? kleeneAlle(dele.map((d) => d.vaerdi)) : kleeneMindstEn(dele.map((d) => d.vaerdi));
    const trae: KompileretTrae = {
      vaerdi,
      mangler: (k, res, ud) => {
        if (vaerdi(res) === SAND) return;
        for (const d of dele) d.mangler(k, res, ud);
      },
      blade: dele.flatMap((d) => d.blade),
      signatur: `${alle ? "&" : "|"}(${dele.map((d) => d.signatur).join(",")})`,
    };
    if (alle && dele.every((d) => d.konjunktion)) {
      trae.konjunktion = Int32Array.from(new Set(dele.flatMap((d) => [...(d.konjunktion as Int32Array)])));
    }
    return trae;
  }

  private kompilerBlad(leaf: LeafBetingelse, opslag: TaerskelOpslag): KompileretTrae {
    const i = this.tilfoej(leaf, opslag);
    const blad = this.blade[i] as Blad;
    // The variant of a threshold can depend on profile fields that are not reported.
    const taerskelMangler = new Set<string>();
    for (const navn of taerskelNavne(leaf)) for (const m of opslag(navn).mangler) taerskelMangler.add(m);
    const ekstra = [...taerskelMangler];
    return {
      vaerdi: (res) => res[i] as Sandhed3,
      konjunktion: Int32Array.of(i),
      mangler: (k, res, ud) => {
        const r = res[i];
        if (r === SAND) return;
        if (r === UKENDT) for (const x of blad.mangler(k)) ud.add(x);
        for (const x of ekstra) ud.add(x);
      },
      blade: [i],
      signatur: String(i),
    };
  }
}

function kleeneAlle(knuder: Knude[]): Knude {
  return (res) => {
    let r: Sandhed3 = SAND;
    for (let i = 0; i < knuder.length; i++) {
      const v = (knuder[i] as Knude)(res);
      if (v === FALSK) return FALSK;
      if (v === UKENDT) r = UKENDT;
    }
    return r;
  };
}

function kleeneMindstEn(knuder: Knude[]): Knude {
  return (res) => {
    let r: Sandhed3 = FALSK;
    for (let i = 0; i < knuder.length; i++) {
      const v = (knuder[i] as Knude)(res);
      if (v === SAND) return SAND;
      if (v === UKENDT) r = UKENDT;
    }
    return r;
  };
}
