// Fact access for the compiled evaluator: each (fact, params, path) of a regelsæt becomes a
// closure that returns exactly the value json-rules-engine would see for that condition. Derived
// facts are memoised per provider in slots (one per distinct params), so a fact shared by several
// levels is computed once; all staff facts of a profile are counted in one pass over the staff.
// Facts without a specialised form fall back to the fact library, so a new fact works unchanged.
import { beregnFaktum, FAKTA, type ParamVaerdi } from "../../facts.js";
import type { Medarbejder, Vurderingsgrundlag } from "../../schema/vurderingsgrundlag.js";

/**
 * Per-provider evaluation state: the input and the memoised derived facts. A slot holds its value
 * in `vaerdier`, except the staff counts, which are always numbers or unknown: those are in `tal`
 * with `kendt` 1 (0 = unknown), so that a share is not boxed on every provider.
 */
export class Kontekst {
  input: Vurderingsgrundlag = { leverandoer: { id: "" }, maalgruppe: "" };
  generation = 0;
  stempel: Uint32Array;
  vaerdier: unknown[];
  tal: Float64Array;
  kendt: Uint8Array;

  constructor(antalSlots: number) {
    this.stempel = new Uint32Array(antalSlots);
    this.vaerdier = new Array(antalSlots).fill(undefined);
    this.tal = new Float64Array(antalSlots);
    this.kendt = new Uint8Array(antalSlots);
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
  if (noegler.length === 2 && noegler.every(direkteNoegle)) {
    const [a, b] = noegler as [string, string];
    return (v) => {
      if (v === null || typeof v !== "object") return v;
      const c = (v as Record<string, unknown>)[a];
      return c === null || typeof c !== "object" ? undefined : (c as Record<string, unknown>)[b];
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
    const uddTabel = tekstTabel(uddBits);
    const certTabel = tekstTabel(certBits);
    const harUdd = uddannelser.length > 0;
    const harCert = certificeringer.length > 0;
    // Once a staff member has every education (certification) bit, the rest of the list adds none.
    const alleU = bitsU.reduce((a, b) => a | b, 0);
    const alleC = bitsC.reduce((a, b) => a | b, 0);
    const nE = erfaring.length;
    const erfaringTal = Float64Array.from(erfaring);
    const erfaringBits = Int32Array.from(bitsE);
    // Whole years, as staff records usually have them, are one lookup: the bits of every
    // threshold that number reaches; from the table's end on, every threshold is reached.
    const erfaringBitsFor = (aar: number) => {
      let bits = 0;
      for (let x = 0; x < nE; x++) if (!(aar < (erfaringTal[x] as number))) bits |= erfaringBits[x] as number;
      return bits;
    };
    const maxAar = nE > 0 ? Math.max(...erfaring) : Number.NaN;
    const aarTabel =
      maxAar < 256
        ? Int32Array.from({ length: Math.max(0, Math.floor(maxAar)) + 1 }, (_, a) => erfaringBitsFor(a))
        : undefined;
    const alleE = erfaringBitsFor(Number.POSITIVE_INFINITY);
    const nH = hjaelpemiddel.length;
    // The aid flag is compared with constants: the bits of every criterion that asks for true
    // (false), or, when a criterion asks for something else, the general loop.
    const hKunSandhed = hjaelpemiddel.every((h) => typeof h === "boolean");
    const hBits = (v: boolean) =>
      hjaelpemiddel.reduce<number>((a, h, x) => (h === v ? a | (bitsH[x] as number) : a), 0);
    const hSand = hBits(true);
    const hFalsk = hBits(false);
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
    const antalB = new Int32Array(nB);
    // Each output: its slot, its group (1 = B) and index in the group, and whether it is a share.
    const nU = this.udgange.length;
    const udSlot = Int32Array.from(this.udgange, (u) => u.slot);
    const udB = Uint8Array.from(this.udgange, (u) => (a.includes(u.kriterie) ? 0 : 1));
    const udI = Int32Array.from(this.udgange, (u) => (a.includes(u.kriterie) ? a : b).indexOf(u.kriterie));
    const udAndel = Uint8Array.from(this.udgange, (u) => (u.andel ? 1 : 0));
    return (k) => {
      const ms = k.input.medarbejdere;
      const g = k.generation;
      const { tal, kendt, stempel } = k;
      if (!ms) {
        for (let o = 0; o < nU; o++) {
          const slot = udSlot[o] as number;
          kendt[slot] = 0;
          stempel[slot] = g;
        }
        return;
      }
      for (let s = 0; s < nA; s++) antalA[s] = 0;
      for (let s = 0; s < nB; s++) antalB[s] = 0;
      // A criterion is unknown when a staff member in its scope lacks a field it asks about (its
      // count is then never read, so members are counted regardless).
      let manglerA = 0;
      let manglerB = 0;
      let ialtB = 0;
      let ansaettelseUkendt = false;
      const n = ms.length;
      for (let j = 0; j < n; j++) {
        const m = ms[j] as Medarbejder;
        let har = 0;
        let mangler = 0;
        if (harUdd) {
          const liste = m.uddannelser;
          if (liste === undefined) mangler |= FELT_UDDANNELSER;
          else
            for (let x = 0; x < liste.length; x++) {
              const v = liste[x];
              const bit = uddTabel ? (typeof v === "string" ? uddTabel[v] : undefined) : uddBits.get(v);
              if (bit !== undefined) {
                har |= bit;
                if ((har & alleU) === alleU) break;
              }
            }
        }
        if (harCert) {
          const liste = m.certificeringer;
          if (liste === undefined) mangler |= FELT_CERTIFICERINGER;
          else
            for (let x = 0; x < liste.length; x++) {
              const v = liste[x];
              const bit = certTabel ? (typeof v === "string" ? certTabel[v] : undefined) : certBits.get(v);
              if (bit !== undefined) {
                har |= bit;
                if ((har & alleC) === alleC) break;
              }
            }
        }
        if (nE > 0) {
          const aar = m.erfaringAar;
          if (aar === undefined) mangler |= FELT_ERFARING;
          else if (aarTabel !== undefined && (aar | 0) === aar && aar >= 0)
            har |= aar < aarTabel.length ? (aarTabel[aar] as number) : alleE;
          else for (let x = 0; x < nE; x++) if (!(aar < (erfaringTal[x] as number))) har |= erfaringBits[x] as number;
        }
        if (nH > 0) {
          const h = m.hjaelpemiddelfaglig;
          if (h === undefined) mangler |= FELT_HJAELPEMIDDEL;
          else if (hKunSandhed) har |= h === true ? hSand : h === false ? hFalsk : 0;
          else for (let x = 0; x < nH; x++) if (h === hjaelpemiddel[x]) har |= bitsH[x] as number;
        }
        manglerA |= mangler;
        for (let s = 0; s < nA; s++) {
          const e = eA[s] as number;
          if ((har & e) === e) antalA[s] = (antalA[s] as number) + 1;
        }
        if (nB > 0) {
          // Without temps: a record that does not say fast or vikar makes the count unknown;
          // a temp's other fields are not asked about.
          const ansaettelse = m.ansaettelse;
          if (ansaettelse === undefined) ansaettelseUkendt = true;
          else if (ansaettelse !== "vikar") {
            ialtB++;
            manglerB |= mangler;
            for (let s = 0; s < nB; s++) {
              const e = eB[s] as number;
              if ((har & e) === e) antalB[s] = (antalB[s] as number) + 1;
            }
          }
        }
      }
      for (let o = 0; o < nU; o++) {
        const slot = udSlot[o] as number;
        const i = udI[o] as number;
        stempel[slot] = g;
        let antal: number;
        let ialt: number;
        if (udB[o] === 1) {
          if (ansaettelseUkendt || (manglerB & (fB[i] as number)) !== 0) {
            kendt[slot] = 0;
            continue;
          }
          antal = antalB[i] as number;
          ialt = ialtB;
        } else {
          if ((manglerA & (fA[i] as number)) !== 0) {
            kendt[slot] = 0;
            continue;
          }
          antal = antalA[i] as number;
          ialt = n;
        }
        kendt[slot] = 1;
        tal[slot] = udAndel[o] === 0 ? antal : ialt === 0 ? 0 : antal / ialt;
      }
    };
  }
}

/**
 * The same lookup as `m` as a null-prototype object when every key is a string (V8 reads such an
 * object faster than a Map); callers look up strings only, as a Map would match no other value.
 * Undefined when some key is not a string.
 */
export function tekstTabel<T>(m: ReadonlyMap<unknown, T>): Record<string, T> | undefined {
  const tabel: Record<string, T> = Object.create(null);
  for (const [k, v] of m) {
    if (typeof k !== "string") return undefined;
    tabel[k] = v;
  }
  return tabel;
}

const BORGER_NIVEAUER = ["let", "moderat", "hoej"];
/** Work array: the provider's citizens at let, moderat and hoej. */
const BORGER_TAL: (number | undefined)[] = [undefined, undefined, undefined];

function elementTaeller(params: Record<string, ParamVaerdi>): Beregner | undefined {
  const { felt, blandt } = params;
  if (blandt !== undefined && !Array.isArray(blandt)) return undefined;
  const laes = stiLaeser(`$.${String(felt)}`) as (v: unknown) => unknown;
  const maengde = blandt ? new Set<unknown>(blandt) : undefined;
  const tabel = maengde ? tekstTabel(new Map([...maengde].map((x) => [x, true]))) : undefined;
  return (input) => {
    const v = laes(input);
    if (!Array.isArray(v)) return undefined;
    if (!maengde) return v.length;
    let n = 0;
    if (tabel) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === "string" && tabel[x] === true) n++;
      }
    } else for (let i = 0; i < v.length; i++) if (maengde.has(v[i])) n++;
    return n;
  };
}

/** Assigns slots to derived facts and builds the readers of one compiled profile. */
export class FaktaKompilator {
  private readonly slots = new Map<string, number>();
  private readonly eksisterende = new Map<string, FaktumLaeser>();
  /** Staff groups, each one pass over the staff; a new one starts when a group's bits are used up. */
  private readonly staff: {
    gruppe: StaffGruppe;
    pass: { beregn: (k: Kontekst) => void };
    fyld: (k: Kontekst) => void;
  }[] = [];

  /**
   * The antalBorgere slots: one fill computes them all from one read of `borgere` (per slot the
   * need levels, as indices into let, moderat, hoej, summed in the params' order).
   */
  private readonly borger = {
    slots: [] as number[],
    niveauer: [] as number[][],
    fyld: (k: Kontekst): void => {
      const { slots, niveauer } = this.borger;
      const b = k.input.borgere;
      const tal = BORGER_TAL;
      if (b) {
        tal[0] = b.let;
        tal[1] = b.moderat;
        tal[2] = b.hoej;
      }
      for (let i = 0; i < slots.length; i++) {
        const ns = niveauer[i] as number[];
        let v: number | undefined;
        if (b) {
          v = 0;
          for (let j = 0; j < ns.length; j++) {
            const x = tal[ns[j] as number];
            if (x === undefined) {
              v = undefined;
              break;
            }
            v += x;
          }
        }
        const slot = slots[i] as number;
        k.vaerdier[slot] = v;
        k.stempel[slot] = k.generation;
      }
    },
  };

  get antalSlots(): number {
    return this.slots.size;
  }

  private borgerSlot(noegle: string, params: Record<string, ParamVaerdi>): FaktumLaeser | undefined {
    const niveauer = params.niveauer ?? BORGER_NIVEAUER;
    if (!Array.isArray(niveauer) || !niveauer.every((n) => BORGER_NIVEAUER.includes(n as string))) return undefined;
    const indeks = this.slots.size;
    this.slots.set(noegle, indeks);
    this.borger.slots.push(indeks);
    this.borger.niveauer.push(niveauer.map((n) => BORGER_NIVEAUER.indexOf(n as string)));
    const fyld = this.borger.fyld;
    return { laes: slotLaeser(indeks, fyld), sikker: true, slot: { indeks, fyld, tal: false } };
  }

  /** Call when every condition is compiled: builds the one pass over the staff. */
  faerdig(): void {
    for (const s of this.staff) s.pass.beregn = s.gruppe.beregner();
  }

  /** After `faerdig`: the function a slot's `fyld` calls (the staff pass itself for staff slots). */
  direkteFyld(fyld: (k: Kontekst) => void): (k: Kontekst) => void {
    return this.staff.find((s) => s.fyld === fyld)?.pass.beregn ?? fyld;
  }

  private nyStaffGruppe() {
    const pass = {
      beregn: (_: Kontekst): void => {
        throw new Error("Engine: compiled profile used before it was finished");
      },
    };
    const s = { gruppe: new StaffGruppe(), pass, fyld: (k: Kontekst) => pass.beregn(k) };
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
    return { laes: slotLaeser(indeks, fyld), sikker: true, slot: { indeks, fyld, tal: false } };
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
    const fyld = s.fyld;
    const laes: Laeser = (k) => {
      if (k.stempel[indeks] !== k.generation) fyld(k);
      return k.kendt[indeks] === 1 ? k.tal[indeks] : undefined;
    };
    return { laes, sikker: true, slot: { indeks, fyld, tal: true } };
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
        laeser = this.borgerSlot(noegle, p);
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
  /**
   * The value is the memoised slot `indeks`, filled by `fyld` once per provider (one `fyld` may
   * fill several slots); `tal`: it is in `Kontekst.tal`/`kendt`, else in `Kontekst.vaerdier`.
   */
  slot?: { indeks: number; fyld: (k: Kontekst) => void; tal: boolean };
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
