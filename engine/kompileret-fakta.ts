// Fact access for the compiled evaluator: each (fact, params, path) of a regelsæt becomes a
// closure that returns exactly the value json-rules-engine would see for that condition. Derived
// facts are memoised per provider in slots (one per distinct params), so a fact shared by several
// levels is computed once; all staff facts of a profile are counted in one pass over the staff.
// Facts without a specialised form fall back to the fact library, so a new fact works unchanged.
import { beregnFaktum, FAKTA, type ParamVaerdi } from "./facts.js";
import type { Medarbejder, Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";

/** Per-provider evaluation state: the input and the memoised derived facts. */
export class Kontekst {
  input: Vurderingsgrundlag = { leverandoer: { id: "" }, maalgruppe: "" };
  generation = 0;
  stempel: Uint32Array;
  vaerdier: unknown[];

  constructor(antalSlots: number) {
    this.stempel = new Uint32Array(antalSlots);
    this.vaerdier = new Array(antalSlots).fill(undefined);
  }

  start(input: Vurderingsgrundlag): void {
    this.input = input;
    if (this.generation === 0x3fffffff) {
      this.stempel.fill(0);
      this.generation = 0;
    }
    this.generation++;
  }
}

/** The value json-rules-engine sees for a condition: the fact, with its `path` applied. */
export type Laeser = (k: Kontekst) => unknown;

type Beregner = (input: Vurderingsgrundlag) => unknown;

/** json-rules-engine applies a path only to an object; anything else passes through unchanged. */
function stiLaeser(path: string | undefined): ((v: unknown) => unknown) | undefined {
  if (!path) return undefined;
  // readPath in facts.ts, with the path split once.
  const noegler = path.slice(2).split(".");
  const enkelt = noegler.length === 1 ? noegler[0] : undefined;
  if (enkelt !== undefined) {
    if (direkteNoegle(enkelt)) {
      return (v) => (v === null || typeof v !== "object" ? v : (v as Record<string, unknown>)[enkelt]);
    }
    return (v) => {
      if (v === null || typeof v !== "object") return v;
      return Object.hasOwn(v, enkelt) ? (v as Record<string, unknown>)[enkelt] : undefined;
    };
  }
  return (v) => {
    if (v === null || typeof v !== "object") return v;
    let c: unknown = v;
    for (const n of noegler) {
      if (c === null || typeof c !== "object" || !Object.hasOwn(c, n)) return undefined;
      c = (c as Record<string, unknown>)[n];
    }
    return c;
  };
}

const FELT_UDDANNELSER = 1;
const FELT_CERTIFICERINGER = 2;
const FELT_ERFARING = 4;
const FELT_HJAELPEMIDDEL = 8;

interface Kriterie {
  medVikarer: boolean;
  /** Feature bits a staff member must have to match. */
  egenskaber: number;
  /** Fields the criterion asks about; one unknown among staff in scope makes the fact unknown. */
  felter: number;
}

/**
 * All staff facts of a profile, counted in one pass over the staff. Each distinct criterion (an
 * education list, a certification list, a number of years, an aid flag) is a feature bit
 * computed once per staff member; a set of staff params matches when it has all its bits. The
 * same counts and the same "unknown" as taelMedarbejdere in facts.ts (checked by the
 * differential tests). The results go straight into the facts' slots.
 */
class StaffGruppe {
  private readonly uddannelser: Set<unknown>[] = [];
  private readonly certificeringer: Set<unknown>[] = [];
  private readonly erfaring: number[] = [];
  private readonly hjaelpemiddel: unknown[] = [];
  private readonly bits = { u: [] as number[], c: [] as number[], e: [] as number[], h: [] as number[] };
  private readonly egenskabNoegler = new Map<string, number>();
  private readonly kriterier: Kriterie[] = [];
  private readonly kriterieNoegler = new Map<string, number>();
  private readonly udgange: { slot: number; kriterie: number; andel: boolean }[] = [];

  private egenskab(slags: "u" | "c" | "e" | "h", noegle: string, tilfoej: () => void): number {
    let bit = this.egenskabNoegler.get(`${slags}${noegle}`);
    if (bit === undefined) {
      bit = 1 << this.egenskabNoegler.size;
      this.egenskabNoegler.set(`${slags}${noegle}`, bit);
      this.bits[slags].push(bit);
      tilfoej();
    }
    return bit;
  }

  /**
   * The criterion index for staff params; undefined for a shape this form does not cover, and
   * "fuld" when its features would not fit in this group's 30 bits (use another group).
   */
  kriterie(params: Record<string, ParamVaerdi>): number | undefined | "fuld" {
    const { uddannelser, certificeringer, minErfaringAar, hjaelpemiddelfaglig } = params;
    if (uddannelser !== undefined && !Array.isArray(uddannelser)) return undefined;
    if (certificeringer !== undefined && !Array.isArray(certificeringer)) return undefined;
    if (minErfaringAar !== undefined && typeof minErfaringAar !== "number") return undefined;
    const nye = [
      uddannelser ? `u${JSON.stringify(uddannelser)}` : "",
      certificeringer ? `c${JSON.stringify(certificeringer)}` : "",
      minErfaringAar !== undefined ? `e${minErfaringAar}` : "",
      hjaelpemiddelfaglig !== undefined ? `h${JSON.stringify(hjaelpemiddelfaglig)}` : "",
    ].filter((n) => n !== "" && !this.egenskabNoegler.has(n)).length;
    if (this.egenskabNoegler.size + nye > 30) return "fuld";
    let egenskaber = 0;
    let felter = 0;
    // taelMedarbejdere tests a list criterion when it is truthy: an empty list matches nobody.
    if (uddannelser) {
      felter |= FELT_UDDANNELSER;
      egenskaber |= this.egenskab("u", JSON.stringify(uddannelser), () => this.uddannelser.push(new Set(uddannelser)));
    }
    if (certificeringer) {
      felter |= FELT_CERTIFICERINGER;
      egenskaber |= this.egenskab("c", JSON.stringify(certificeringer), () =>
        this.certificeringer.push(new Set(certificeringer)),
      );
    }
    if (minErfaringAar !== undefined) {
      felter |= FELT_ERFARING;
      egenskaber |= this.egenskab("e", String(minErfaringAar), () => this.erfaring.push(minErfaringAar));
    }
    if (hjaelpemiddelfaglig !== undefined) {
      felter |= FELT_HJAELPEMIDDEL;
      egenskaber |= this.egenskab("h", JSON.stringify(hjaelpemiddelfaglig), () =>
        this.hjaelpemiddel.push(hjaelpemiddelfaglig),
      );
    }
    const medVikarer = params.medVikarer !== false;
    const noegle = `${medVikarer}|${egenskaber}|${felter}`;
    let i = this.kriterieNoegler.get(noegle);
    if (i === undefined) {
      i = this.kriterier.length;
      this.kriterier.push({ medVikarer, egenskaber, felter });
      this.kriterieNoegler.set(noegle, i);
    }
    return i;
  }

  /** Asks the pass to write the count (or share) of a criterion into a slot. */
  udgang(slot: number, kriterie: number, andel: boolean): void {
    this.udgange.push({ slot, kriterie, andel });
  }

  /** Builds the counting pass once every staff fact is registered. */
  beregner(): (k: Kontekst) => void {
    const { uddannelser, certificeringer, erfaring, hjaelpemiddel } = this;
    const { u: bitsU, c: bitsC, e: bitsE, h: bitsH } = this.bits;
    // One lookup per listed education (certification): the bits of every list that has it.
    const medBits = (lister: Set<unknown>[], bits: number[]) => {
      const m = new Map<unknown, number>();
      lister.forEach((l, x) => {
        for (const v of l) m.set(v, (m.get(v) ?? 0) | (bits[x] as number));
      });
      return m;
    };
    const uddBits = medBits(uddannelser, bitsU);
    const certBits = medBits(certificeringer, bitsC);
    const harUdd = uddannelser.length > 0;
    const harCert = certificeringer.length > 0;
    // Criteria that count temps (A) and those that count permanent staff only (B).
    const a = this.kriterier.flatMap((k, i) => (k.medVikarer ? [i] : []));
    const b = this.kriterier.flatMap((k, i) => (k.medVikarer ? [] : [i]));
    const eA = Int32Array.from(a, (i) => this.kriterier[i]?.egenskaber ?? 0);
    const fA = Int32Array.from(a, (i) => this.kriterier[i]?.felter ?? 0);
    const eB = Int32Array.from(b, (i) => this.kriterier[i]?.egenskaber ?? 0);
    const fB = Int32Array.from(b, (i) => this.kriterier[i]?.felter ?? 0);
    const nA = a.length;
    const nB = b.length;
    const antalA = new Int32Array(nA);
    const ukendtA = new Uint8Array(nA);
    const antalB = new Int32Array(nB);
    const ukendtB = new Uint8Array(nB);
    // Each output: its slot, its group and index in the group, and whether it is a share.
    const udgange = this.udgange.map((u) => {
      const iA = a.indexOf(u.kriterie);
      return { slot: u.slot, b: iA < 0, i: iA < 0 ? b.indexOf(u.kriterie) : iA, andel: u.andel };
    });
    return (k) => {
      const ms = k.input.medarbejdere;
      const g = k.generation;
      const vaerdier = k.vaerdier;
      let ialtB = 0;
      let ansaettelseUkendt = false;
      if (ms) {
        antalA.fill(0);
        ukendtA.fill(0);
        antalB.fill(0);
        ukendtB.fill(0);
        for (let j = 0; j < ms.length; j++) {
          const m = ms[j] as Medarbejder;
          let har = 0;
          let mangler = 0;
          if (harUdd) {
            const liste = m.uddannelser;
            if (liste === undefined) mangler |= FELT_UDDANNELSER;
            else for (let x = 0; x < liste.length; x++) har |= uddBits.get(liste[x]) ?? 0;
          }
          if (harCert) {
            const liste = m.certificeringer;
            if (liste === undefined) mangler |= FELT_CERTIFICERINGER;
            else for (let x = 0; x < liste.length; x++) har |= certBits.get(liste[x]) ?? 0;
          }
          if (erfaring.length > 0) {
            const aar = m.erfaringAar;
            if (aar === undefined) mangler |= FELT_ERFARING;
            else
              for (let x = 0; x < erfaring.length; x++) if (!(aar < (erfaring[x] as number))) har |= bitsE[x] as number;
          }
          if (hjaelpemiddel.length > 0) {
            const h = m.hjaelpemiddelfaglig;
            if (h === undefined) mangler |= FELT_HJAELPEMIDDEL;
            else for (let x = 0; x < hjaelpemiddel.length; x++) if (h === hjaelpemiddel[x]) har |= bitsH[x] as number;
          }
          taelGruppe(nA, eA, fA, antalA, ukendtA, har, mangler);
          if (nB > 0) {
            // Without temps: a record that does not say fast or vikar makes the count unknown;
            // a temp's other fields are not asked about.
            const ansaettelse = m.ansaettelse;
            if (ansaettelse === undefined) ansaettelseUkendt = true;
            else if (ansaettelse !== "vikar") {
              ialtB++;
              taelGruppe(nB, eB, fB, antalB, ukendtB, har, mangler);
            }
          }
        }
      }
      for (const u of udgange) {
        let v: number | undefined;
        if (ms && !(u.b ? ansaettelseUkendt || ukendtB[u.i] === 1 : ukendtA[u.i] === 1)) {
          const antal = (u.b ? antalB[u.i] : antalA[u.i]) as number;
          const ialt = u.b ? ialtB : ms.length;
          v = !u.andel ? antal : ialt === 0 ? 0 : antal / ialt;
        }
        vaerdier[u.slot] = v;
        k.stempel[u.slot] = g;
      }
    };
  }
}

/** Adds one staff member to the counts of a group of criteria. */
function taelGruppe(
  n: number,
  egenskaber: Int32Array,
  felter: Int32Array,
  antal: Int32Array,
  ukendt: Uint8Array,
  har: number,
  mangler: number,
): void {
  if (mangler === 0) {
    for (let s = 0; s < n; s++) {
      const e = egenskaber[s] as number;
      if ((har & e) === e) antal[s] = (antal[s] as number) + 1;
    }
    return;
  }
  for (let s = 0; s < n; s++) {
    const e = egenskaber[s] as number;
    if ((mangler & (felter[s] as number)) !== 0) ukendt[s] = 1;
    else if ((har & e) === e) antal[s] = (antal[s] as number) + 1;
  }
}

const BORGER_NIVEAUER = ["let", "moderat", "hoej"];

function borgerTaeller(params: Record<string, ParamVaerdi>): Beregner | undefined {
  const niveauer = params.niveauer ?? BORGER_NIVEAUER;
  if (!Array.isArray(niveauer) || !niveauer.every((n) => BORGER_NIVEAUER.includes(n as string))) return undefined;
  const ns = niveauer as ("let" | "moderat" | "hoej")[];
  return (input) => {
    const b = input.borgere;
    if (!b) return undefined;
    let sum = 0;
    for (let i = 0; i < ns.length; i++) {
      const x = b[ns[i] as "let"];
      if (x === undefined) return undefined;
      sum += x;
    }
    return sum;
  };
}

function elementTaeller(params: Record<string, ParamVaerdi>): Beregner | undefined {
  const { felt, blandt } = params;
  if (blandt !== undefined && !Array.isArray(blandt)) return undefined;
  const laes = stiLaeser(`$.${String(felt)}`) as (v: unknown) => unknown;
  const maengde = blandt ? new Set<unknown>(blandt) : undefined;
  return (input) => {
    const v = laes(input);
    if (!Array.isArray(v)) return undefined;
    if (!maengde) return v.length;
    let n = 0;
    for (let i = 0; i < v.length; i++) if (maengde.has(v[i])) n++;
    return n;
  };
}

/** Assigns slots to derived facts and builds the readers of one compiled profile. */
export class FaktaKompilator {
  private readonly slots = new Map<string, number>();
  private readonly eksisterende = new Map<string, FaktumLaeser>();
  /** Staff groups, each one pass over the staff; a new one starts when a group's bits are used up. */
  private readonly staff: { gruppe: StaffGruppe; pass: { beregn: (k: Kontekst) => void } }[] = [];

  get antalSlots(): number {
    return this.slots.size;
  }

  /** Call when every condition is compiled: builds the one pass over the staff. */
  faerdig(): void {
    for (const s of this.staff) s.pass.beregn = s.gruppe.beregner();
  }

  private nyStaffGruppe() {
    const s = {
      gruppe: new StaffGruppe(),
      pass: {
        beregn: (_: Kontekst): void => {
          throw new Error("Engine: compiled profile used before it was finished");
        },
      },
    };
    this.staff.push(s);
    return s;
  }

  /** A memoised reader for slot `noegle`, computing with `beregn` once per provider. */
  private slot(noegle: string, beregn: Beregner): FaktumLaeser {
    const indeks = this.slots.size;
    this.slots.set(noegle, indeks);
    const fyld = (k: Kontekst) => {
      k.vaerdier[indeks] = beregn(k.input);
      k.stempel[indeks] = k.generation;
    };
    return { laes: slotLaeser(indeks, fyld), sikker: true, slot: { indeks, fyld } };
  }

  private staffSlot(noegle: string, params: Record<string, ParamVaerdi>, andel: boolean): FaktumLaeser | undefined {
    let s = this.staff.at(-1) ?? this.nyStaffGruppe();
    let kriterie = s.gruppe.kriterie(params);
    if (kriterie === "fuld") {
      s = this.nyStaffGruppe();
      kriterie = s.gruppe.kriterie(params);
    }
    if (kriterie === undefined || kriterie === "fuld") return undefined;
    const indeks = this.slots.size;
    this.slots.set(noegle, indeks);
    s.gruppe.udgang(indeks, kriterie, andel);
    const pass = s.pass;
    const fyld = (k: Kontekst) => pass.beregn(k);
    return { laes: slotLaeser(indeks, fyld), sikker: true, slot: { indeks, fyld } };
  }

  /** The reader for a condition's fact. */
  laeser(fact: string, params: Record<string, ParamVaerdi> | undefined, path: string | undefined): FaktumLaeser {
    const definition = FAKTA.get(fact);
    if (!definition) throw new Error(`Engine: unknown fact '${fact}' reached compilation`);
    const sti = stiLaeser(path);
    if (definition.slags === "felt") {
      const noegle = path?.slice(2);
      if (noegle === undefined || (!noegle.includes(".") && direkteNoegle(noegle))) {
        const laes: Laeser = sti
          ? (k) => sti((k.input as Record<string, unknown>)[fact])
          : (k) => (k.input as Record<string, unknown>)[fact];
        return { laes, sikker: true, felt: { navn: fact, noegle } };
      }
      return {
        laes: (k) => (sti as (v: unknown) => unknown)((k.input as Record<string, unknown>)[fact]),
        sikker: true,
      };
    }
    const p = params ?? {};
    const noegle = `${fact}|${JSON.stringify(p, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? `#${v}` : v))}`;
    let laeser = this.eksisterende.get(noegle);
    if (!laeser) {
      if (fact === "antalMedarbejdere" || fact === "andelMedarbejdere") {
        laeser = this.staffSlot(noegle, p, fact === "andelMedarbejdere");
      } else if (fact === "antalBorgere") {
        const t = borgerTaeller(p);
        if (t) laeser = this.slot(noegle, t);
      } else if (fact === "antalElementer") {
        const t = elementTaeller(p);
        if (t) laeser = this.slot(noegle, t);
      }
      // Any other fact (or an unusual params shape): the fact library, as json-rules-engine calls
      // it; its value may be undefined without anything missing, so it is not `sikker`.
      laeser ??= {
        ...this.slot(noegle, (input) => beregnFaktum(input, fact, p, undefined).vaerdi),
        sikker: false,
      };
      this.eksisterende.set(noegle, laeser);
    }
    if (!sti) return laeser;
    const l = laeser.laes;
    return { laes: (k) => sti(l(k)), sikker: false };
  }
}

/** How a condition reads its fact; `slot` and `felt` let the condition inline the read. */
export interface FaktumLaeser {
  laes: Laeser;
  /** An undefined value always comes with missing information (the condition is unknown). */
  sikker: boolean;
  /** The value is the memoised slot `indeks`, filled by `fyld` once per provider. */
  slot?: { indeks: number; fyld: (k: Kontekst) => void };
  /** The value is `input[navn]`, or `input[navn][noegle]` when that is an object (a plain load). */
  felt?: { navn: string; noegle: string | undefined };
}

function slotLaeser(indeks: number, fyld: (k: Kontekst) => void): Laeser {
  return (k) => {
    if (k.stempel[indeks] !== k.generation) fyld(k);
    return k.vaerdier[indeks];
  };
}

/**
 * Input is JSON data: plain objects and arrays. A key that no prototype of those has reads the
 * same with or without readPath's own-property check, and the plain load is much faster.
 */
export function direkteNoegle(noegle: string): boolean {
  return !(noegle in Object.prototype) && !(noegle in Array.prototype);
}

/** What is missing for a condition whose value is unknown, as the json-rules-engine path reports it. */
export function faktumMangler(
  input: Vurderingsgrundlag,
  fact: string,
  params: Record<string, ParamVaerdi> | undefined,
  path: string | undefined,
): string[] {
  return beregnFaktum(input, fact, params, path).mangler;
}
