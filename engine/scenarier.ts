// Scenarios (DOMAIN.md §6): named changes to a regelsæt — thresholds, weights, active
// parameters, policy — and their comparison over a set of providers: the count per level, the
// transition matrix between scenarios and the providers that move, with the parameters why.

import { holdTilNaeste } from "./hold.js";
import { type ForberedtRegelsaet, forberedAlle } from "./indplacering/forberedt.js";
import { KompileretGruppe } from "./indplacering/kompileret/kompileret.js";
import { UDFALD_AF_KODE } from "./indplacering/kompileret/profil.js";
import { INDPLACERINGSNIVEAUER, type Indplaceringsniveau, RANG } from "./indplacering/politik.js";
import { EngineError, type Problem, problem, type Sti } from "./problem.js";
import type {
  Indplaceringspolitik,
  Parameter,
  ParameterNiveauEllerIkkeRelevant,
  Regelsaet,
  Taerskel,
} from "./schema/regelsaet.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";
import { erGyldigtVurderingsgrundlag, validateRegelsaet, validateVurderingsgrundlag } from "./validate.js";

export interface Aendringer {
  /** `navn` changes the base value, `navn@variant` one variant. */
  taerskler?: Record<string, number | string[]>;
  vaegte?: Record<string, number>;
  aktive?: Record<string, boolean>;
  indplacering?: Partial<Indplaceringspolitik>;
}

export interface Scenarie {
  navn: string;
  beskrivelse?: string;
  aendringer?: Aendringer;
}

export type Fordeling = Record<Indplaceringsniveau, number>;

export interface Overgang {
  fra: string;
  til: string;
  /** matrix[fraNiveau][tilNiveau] = number of providers. */
  matrix: Record<Indplaceringsniveau, Fordeling>;
}

export interface Flytning {
  leverandoer: { id: string; navn?: string; afdeling?: string };
  /** The provider's level in each scenario, by scenario name. */
  niveauer: Record<string, Indplaceringsniveau>;
  /** For each scenario whose level differs from the first: the parameters that changed level. */
  aarsager: {
    scenarie: string;
    fra: Indplaceringsniveau;
    til: Indplaceringsniveau;
    parametre: {
      id: string;
      fra: ParameterNiveauEllerIkkeRelevant | "slaaet-fra";
      til: ParameterNiveauEllerIkkeRelevant | "slaaet-fra";
    }[];
    /** True when no parameter changed level: the policy, weights or limits moved the provider. */
    politik: boolean;
  }[];
}

/** One parameter's moves in one scenario against the first: how many providers, and how. */
export interface ParameterSkift {
  id: string;
  /** Providers whose level for this parameter differs from the first scenario. */
  antal: number;
  /** Of those, how many also changed overall level. */
  skifterSamlet: number;
  /** By pair of levels, e.g. 4 × moderat → hoej, most first. */
  overgange: {
    fra: ParameterNiveauEllerIkkeRelevant | "slaaet-fra";
    til: ParameterNiveauEllerIkkeRelevant | "slaaet-fra";
    antal: number;
    skifterSamlet: number;
  }[];
}

export interface Sammenligning {
  scenarier: { navn: string; beskrivelse?: string; hash: string; fordeling: Fordeling }[];
  overgange: Overgang[];
  flyttede: Flytning[];
  /**
   * Per scenario after the first: each parameter whose level moved for at least one provider,
   * against the first scenario — so a threshold change that moves parameters but no overall
   * level still shows (in the regelsæt's parameter order).
   */
  parameterSkift: { scenarie: string; parametre: ParameterSkift[] }[];
  antalLeverandoerer: number;
}

export const tomFordeling = (): Fordeling => ({ "ikke-indplaceret": 0, let: 0, moderat: 0, hoej: 0 });

/**
 * Applies a scenario's changes to a copy of the regelsæt; the original is never changed. The copy
 * is made only along the changed paths (a threshold, a parameter, the policy) and shares every
 * other part with the original, so a scenario over a 100 kB regelsæt costs little: treat both as
 * read-only, as the engine does.
 */
export function anvendAendringer(r: Regelsaet, a: Aendringer | undefined, rod: Sti = ["aendringer"]): Regelsaet {
  const kopi: Regelsaet = { ...r };
  if (!a) return kopi;
  const fejl: Problem[] = [];
  for (const [fuldtNavn, vaerdi] of Object.entries(a.taerskler ?? {})) {
    const [navn = "", variantNavn] = fuldtNavn.split("@");
    const sti = [...rod, "taerskler", fuldtNavn];
    const t = Object.hasOwn(r.taerskler, navn) ? r.taerskler[navn] : undefined;
    if (!t) {
      fejl.push(problem(sti, `Tærsklen '${navn}' findes ikke i regelsættet.`));
      continue;
    }
    if (variantNavn !== undefined && !t.varianter?.some((v) => v.navn === variantNavn)) {
      fejl.push(problem(sti, `Tærsklen '${navn}' har ingen variant '${variantNavn}'.`));
      continue;
    }
    const erListe = Array.isArray(t.vaerdi);
    const gyldig = erListe
      ? Array.isArray(vaerdi) && vaerdi.every((x) => typeof x === "string")
      : typeof vaerdi === "number" && Number.isFinite(vaerdi);
    if (!gyldig) {
      fejl.push(problem(sti, `Tærsklen '${fuldtNavn}' skal være ${erListe ? "en liste af tekster" : "et tal"}.`));
      continue;
    }
    if (kopi.taerskler === r.taerskler) kopi.taerskler = { ...r.taerskler };
    let ny = kopi.taerskler[navn] as Taerskel;
    if (ny === t) {
      ny = { ...t };
      if (t.varianter) ny.varianter = t.varianter.map((v) => ({ ...v }));
      kopi.taerskler[navn] = ny;
    }
    const maal = variantNavn === undefined ? ny : ny.varianter?.find((v) => v.navn === variantNavn);
    if (maal) maal.vaerdi = Array.isArray(vaerdi) ? [...vaerdi] : vaerdi;
  }
  const parameter = (id: string, felt: string) => {
    const i = kopi.parametre.findIndex((x) => x.id === id);
    if (i < 0) {
      fejl.push(problem([...rod, felt, id], `Parameteren '${id}' findes ikke i regelsættet.`));
      return undefined;
    }
    if (kopi.parametre === r.parametre) kopi.parametre = [...r.parametre];
    if (kopi.parametre[i] === r.parametre[i]) kopi.parametre[i] = { ...(r.parametre[i] as Parameter) };
    return kopi.parametre[i] as Parameter;
  };
  for (const [id, vaegt] of Object.entries(a.vaegte ?? {})) {
    const p = parameter(id, "vaegte");
    if (p && (typeof vaegt !== "number" || !Number.isFinite(vaegt) || vaegt < 0)) {
      fejl.push(problem([...rod, "vaegte", id], "En vægt skal være et tal på mindst 0."));
    } else if (p) p.vaegt = vaegt;
  }
  for (const [id, aktiv] of Object.entries(a.aktive ?? {})) {
    const p = parameter(id, "aktive");
    if (p && typeof aktiv !== "boolean") fejl.push(problem([...rod, "aktive", id], "Skal være true eller false."));
    else if (p) p.aktiv = aktiv;
  }
  // The policy's lists and level values are copied, so the caller's scenario is not shared either;
  // a key set to undefined stays, and removes the base's value (as the deep copy once did).
  if (a.indplacering) kopi.indplacering = { ...r.indplacering, ...dybKopi(a.indplacering) };
  if (fejl.length === 0) {
    for (const f of validateRegelsaet(kopi).fejl) {
      fejl.push(problem(rod, `Efter ændringerne er regelsættet ugyldigt ved ${f.path}: ${f.message}`));
    }
  }
  if (fejl.length > 0) throw new EngineError("UGYLDIGT_SCENARIE", "Scenariet kan ikke anvendes på regelsættet.", fejl);
  return kopi;
}

export interface SammenlignOptions {
  /** Structurally an AbortSignal; the engine carries no DOM or Node types. */
  signal?: { aborted: boolean; reason?: unknown };
  onProgress?: (faerdige: number, ialt: number) => void;
  /** When given, the milliseconds spent in each part are added to it (for the benchmark). */
  tider?: SammenlignTider;
}

/** Where a comparison's time goes: what the benchmark prints. */
export interface SammenlignTider {
  /** The clock (e.g. performance.now); the engine carries no DOM or Node types. */
  nu: () => number;
  /** Applying the scenarios' changes, validating and preparing their regelsæt, compiling them together. */
  forberedelse: number;
  validering: number;
  evaluering: number;
  /** Counting levels and transitions, collecting moved providers, building the answer. */
  optaelling: number;
}

/** A deep copy of plain data that, unlike a JSON round trip, keeps keys whose value is undefined. */
function dybKopi<T>(v: T): T {
  if (Array.isArray(v)) return v.map(dybKopi) as T;
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dybKopi(x)])) as T;
}

/**
 * Providers are validated and evaluated a block at a time, so that evaluation reads what
 * validation has just brought into the cache.
 */
const BLOK = 64;

export async function sammenlignScenarier(
  r: Regelsaet,
  scenarier: Scenarie[],
  leverandoerer: unknown[],
  options: SammenlignOptions = {},
): Promise<Sammenligning> {
  if (scenarier.length === 0)
    throw new EngineError("UGYLDIGT_SCENARIE", "Der skal være mindst ét scenarie.", [
      problem(["scenarier"], "Listen er tom."),
    ]);
  const navne = new Set<string>();
  scenarier.forEach((s, i) => {
    if (navne.has(s.navn))
      throw new EngineError("UGYLDIGT_SCENARIE", `Scenarienavnet '${s.navn}' bruges to gange.`, [
        problem(["scenarier", i, "navn"], "Navnet skal være entydigt."),
      ]);
    navne.add(s.navn);
  });
  // An invalid scenario is reported only when the input is valid (input errors come first).
  const start = options.tider?.nu() ?? 0;
  let forberedte: ForberedtRegelsaet[] | undefined;
  let scenarieFejl: unknown;
  try {
    forberedte = forberedAlle(
      scenarier.map((s, i) => anvendAendringer(r, s.aendringer, ["scenarier", i, "aendringer"])),
    );
  } catch (e) {
    scenarieFejl = e;
  }
  return sammenlignForberedte(r.maalgruppe, scenarier, forberedte, scenarieFejl, leverandoerer, options, start);
}

/**
 * The same comparison over regelsæt that are not one regelsæt's scenarios — e.g. the published
 * version against the draft over the stored decisions (konsekvensanalyse). Each entry is one
 * column of the comparison; all must be for the same målgruppe.
 */
export async function sammenlignRegelsaet(
  liste: readonly { navn: string; beskrivelse?: string; regelsaet: ForberedtRegelsaet }[],
  leverandoerer: unknown[],
  options: SammenlignOptions = {},
): Promise<Sammenligning> {
  const maalgruppe = liste[0]?.regelsaet.regelsaet.maalgruppe;
  if (maalgruppe === undefined || liste.some((l) => l.regelsaet.regelsaet.maalgruppe !== maalgruppe)) {
    throw new EngineError("UGYLDIGT_SCENARIE", "Regelsættene skal være for samme målgruppe.", [
      problem(["regelsaet"], "Mindst ét regelsæt, alle for samme målgruppe."),
    ]);
  }
  const scenarier = liste.map((l) => (l.beskrivelse ? { navn: l.navn, beskrivelse: l.beskrivelse } : { navn: l.navn }));
  return sammenlignForberedte(
    maalgruppe,
    scenarier,
    liste.map((l) => l.regelsaet),
    undefined,
    leverandoerer,
    options,
    options.tider?.nu() ?? 0,
  );
}

async function sammenlignForberedte(
  maalgruppe: string,
  scenarier: Scenarie[],
  forberedte: ForberedtRegelsaet[] | undefined,
  scenarieFejl: unknown,
  leverandoerer: unknown[],
  options: SammenlignOptions,
  start: number,
): Promise<Sammenligning> {
  const tider = options.tider;
  const nu = () => (tider ? tider.nu() : 0);
  let t0 = start;
  const antal = leverandoerer.length;
  const resultat = new Resultat(scenarier, antal, forberedte?.map((f) => f.aktive.map((p) => p.id)) ?? []);
  const inputFejl: Problem[] = [];
  // The compiled evaluator, all scenarios at once (conditions they share are evaluated once per
  // provider), block by block with the validation while every provider so far is valid.
  const gruppe = forberedte ? new KompileretGruppe(forberedte) : undefined;
  const niveauer: Indplaceringsniveau[] = [];
  const ialt = scenarier.length * antal;
  if (tider) tider.forberedelse += nu() - t0;
  for (let start = 0; start < antal; start += BLOK) {
    const slut = Math.min(antal, start + BLOK);
    t0 = nu();
    for (let li = start; li < slut; li++) {
      const l = leverandoerer[li];
      if (!erGyldigtVurderingsgrundlag(l)) {
        for (const f of validateVurderingsgrundlag(l, ["vurderingsgrundlag", li])) inputFejl.push(f);
      } else if (l.maalgruppe !== maalgruppe) {
        inputFejl.push(
          problem(["vurderingsgrundlag", li, "maalgruppe"], `Gælder '${l.maalgruppe}', ikke '${maalgruppe}'.`),
        );
      }
    }
    if (tider) tider.validering += nu() - t0;
    if (!gruppe || inputFejl.length > 0) continue;
    for (let li = start; li < slut; li++) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error("Afbrudt");
      const l = leverandoerer[li] as Vurderingsgrundlag;
      if (tider) {
        const t1 = nu();
        gruppe.niveauer(l, niveauer);
        const t2 = nu();
        resultat.tilfoej(l, niveauer, gruppe);
        tider.evaluering += t2 - t1;
        tider.optaelling += nu() - t2;
      } else resultat.tilfoej(l, gruppe.niveauer(l, niveauer), gruppe);
      if (options.onProgress && (li % 256 === 0 || li === antal - 1))
        options.onProgress((li + 1) * scenarier.length, ialt);
    }
  }
  if (inputFejl.length > 0)
    throw new EngineError("UGYLDIGT_VURDERINGSGRUNDLAG", "Et eller flere vurderingsgrundlag er ugyldige.", inputFejl);
  if (!forberedte) throw scenarieFejl;
  t0 = nu();
  const svar = resultat.sammenligning(forberedte);
  // Keeps the hot code's hidden classes alive for the next comparison (see hold.ts).
  if (gruppe) holdTilNaeste("sammenligning", gruppe, new Resultat(scenarier, 0, []));
  if (tider) tider.optaelling += nu() - t0;
  return svar;
}

/** Parameter outcomes by code (KODE_AF_UDFALD), and SLAAET_FRA for a parameter a scenario does not have. */
const SLAAET_FRA = 5;
const UDFALD_NAVNE: readonly ParameterSkift["overgange"][number]["fra"][] = [...UDFALD_AF_KODE, "slaaet-fra"];
const KODER = UDFALD_NAVNE.length;
/** Up to this many parameters, a moved provider's parameter changes have an exact numeric key. */
const MAX_FORSKEL_NOEGLE = 10;

/** A comparison's counts and moved providers, collected provider by provider. */
class Resultat {
  private readonly antalScenarier: number;
  private readonly navne: string[];
  /** Per scenario, the number of providers at each level (INDPLACERINGSNIVEAUER order). */
  private readonly fordelinger: Int32Array;
  /** Per pair of scenarios a < b (in that order), the 4 × 4 transition counts. */
  private readonly overgange: Int32Array;
  private readonly flyttede: Flytning[] = [];
  /** Every scenario's active parameters: the first scenario's, then those the others add. */
  private readonly ider: string[];
  /** Per scenario, per parameter of `ider`: its index in the scenario's codes, or -1. */
  private readonly indeks: Int32Array[];
  /**
   * Per scenario after the first, per parameter, per pair of codes: the providers whose
   * parameter moved that way, and of them those that also moved overall.
   */
  private readonly skift: Int32Array;
  private readonly skiftSamlet: Int32Array;
  /** A moved provider's parameter changes, shared between providers with the same changes. */
  private readonly forskelle = new Map<number, ParameterForskel>();
  // Object.fromEntries would make an own "__proto__" key, where an assignment sets the prototype.
  private readonly protoNavn: boolean;

  constructor(
    private readonly scenarier: Scenarie[],
    private readonly antal: number,
    scenarieIder: readonly (readonly string[])[],
  ) {
    const n = scenarier.length;
    this.antalScenarier = n;
    this.navne = scenarier.map((s) => s.navn);
    this.fordelinger = new Int32Array(n * 4);
    this.overgange = new Int32Array(((n * (n - 1)) / 2) * 16);
    this.protoNavn = this.navne.includes("__proto__");
    this.ider = [...new Set(scenarieIder.flat())];
    this.indeks = scenarieIder.map((ider) => Int32Array.from(this.ider, (id) => ider.indexOf(id)));
    this.skift = new Int32Array(Math.max(0, n - 1) * this.ider.length * KODER * KODER);
    this.skiftSamlet = new Int32Array(this.skift.length);
  }

  /** One provider's level per scenario, and (from the group) its parameter outcomes per scenario. */
  tilfoej(l: Vurderingsgrundlag, niveauer: readonly Indplaceringsniveau[], gruppe: KompileretGruppe): void {
    const n = this.antalScenarier;
    const { fordelinger, overgange } = this;
    let par = 0;
    let flyttet = false;
    const basis = niveauer[0] as Indplaceringsniveau;
    for (let a = 0; a < n; a++) {
      const fra = RANG[niveauer[a] as Indplaceringsniveau];
      fordelinger[a * 4 + fra] = (fordelinger[a * 4 + fra] as number) + 1;
      for (let b = a + 1; b < n; b++, par++) {
        const i = par * 16 + fra * 4 + RANG[niveauer[b] as Indplaceringsniveau];
        overgange[i] = (overgange[i] as number) + 1;
      }
      if (niveauer[a] !== basis) flyttet = true;
    }
    const { skift, skiftSamlet, indeks } = this;
    const u = this.ider.length;
    const basisKoder = gruppe.koder(0);
    const basisIndeks = indeks[0] as Int32Array;
    for (let s = 1; s < n; s++) {
      // Exactly the first scenario's parameters and levels: nothing moved at parameter level.
      if (gruppe.somBasis(s)) continue;
      const koder = gruppe.koder(s);
      const sIndeks = indeks[s] as Int32Array;
      const samlet = niveauer[s] !== basis;
      const fra0 = (s - 1) * u;
      for (let p = 0; p < u; p++) {
        const bi = basisIndeks[p] as number;
        const si = sIndeks[p] as number;
        const fra = bi < 0 ? SLAAET_FRA : (basisKoder[bi] as number);
        const til = si < 0 ? SLAAET_FRA : (koder[si] as number);
        if (fra === til) continue;
        const i = ((fra0 + p) * KODER + fra) * KODER + til;
        skift[i] = (skift[i] as number) + 1;
        if (samlet) skiftSamlet[i] = (skiftSamlet[i] as number) + 1;
      }
    }
    if (!flyttet) return;
    const aarsager: Flytning["aarsager"] = [];
    for (let s = 1; s < n; s++) {
      const til = niveauer[s] as Indplaceringsniveau;
      if (til === basis) continue;
      const forskel = gruppe.somBasis(s)
        ? INGEN_FORSKEL
        : this.forskel(basisKoder, gruppe.koder(s), indeks[s] as Int32Array);
      aarsager.push({
        scenarie: this.navne[s] ?? "",
        fra: basis,
        til,
        parametre: forskel,
        politik: forskel.length === 0,
      });
    }
    const leverandoer: Flytning["leverandoer"] = { id: l.leverandoer.id };
    if (l.leverandoer.navn) leverandoer.navn = l.leverandoer.navn;
    if (l.leverandoer.afdeling) leverandoer.afdeling = l.leverandoer.afdeling;
    let post: Record<string, Indplaceringsniveau>;
    if (this.protoNavn)
      post = Object.fromEntries(this.navne.map((navn, s) => [navn, niveauer[s] as Indplaceringsniveau]));
    else {
      post = {};
      for (let s = 0; s < n; s++) post[this.navne[s] as string] = niveauer[s] as Indplaceringsniveau;
    }
    this.flyttede.push({ leverandoer, niveauer: post, aarsager });
  }

  /** The parameters whose outcome differs between the first scenario and another, in `ider` order. */
  private forskel(basisKoder: Uint8Array, koder: Uint8Array, sIndeks: Int32Array): ParameterForskel {
    const basisIndeks = this.indeks[0] as Int32Array;
    const u = this.ider.length;
    const kode = (ks: Uint8Array, i: number) => (i < 0 ? SLAAET_FRA : (ks[i] as number));
    let noegle = 0;
    if (u <= MAX_FORSKEL_NOEGLE) {
      for (let p = 0; p < u; p++) {
        const fra = kode(basisKoder, basisIndeks[p] as number);
        const til = kode(koder, sIndeks[p] as number);
        noegle = noegle * KODER * KODER + (fra === til ? 0 : fra * KODER + til);
      }
      const kendt = this.forskelle.get(noegle);
      if (kendt) return kendt;
    }
    const forskel: ParameterForskel = [];
    for (let p = 0; p < u; p++) {
      const fra = kode(basisKoder, basisIndeks[p] as number);
      const til = kode(koder, sIndeks[p] as number);
      if (fra !== til)
        forskel.push({
          id: this.ider[p] as string,
          fra: UDFALD_NAVNE[fra] as ParameterForskel[number]["fra"],
          til: UDFALD_NAVNE[til] as ParameterForskel[number]["til"],
        });
    }
    if (u <= MAX_FORSKEL_NOEGLE) this.forskelle.set(noegle, forskel);
    return forskel;
  }

  sammenligning(forberedte: readonly ForberedtRegelsaet[]): Sammenligning {
    const u = this.ider.length;
    const parameterSkift = this.navne.slice(1).map((scenarie, i) => {
      const orden = (forberedte[i + 1] ?? forberedte[0])?.regelsaet.parametre.map((p) => p.id) ?? [];
      const parametre: ParameterSkift[] = [];
      this.ider.forEach((id, p) => {
        const skift: ParameterSkift = { id, antal: 0, skifterSamlet: 0, overgange: [] };
        for (let fra = 0; fra < KODER; fra++) {
          for (let til = 0; til < KODER; til++) {
            const j = ((i * u + p) * KODER + fra) * KODER + til;
            const antal = this.skift[j] as number;
            if (antal === 0) continue;
            const skifterSamlet = this.skiftSamlet[j] as number;
            skift.antal += antal;
            skift.skifterSamlet += skifterSamlet;
            skift.overgange.push({
              fra: UDFALD_NAVNE[fra] as ParameterSkift["overgange"][number]["fra"],
              til: UDFALD_NAVNE[til] as ParameterSkift["overgange"][number]["til"],
              antal,
              skifterSamlet,
            });
          }
        }
        if (skift.antal > 0) parametre.push(skift);
      });
      const rang = (id: string) => (orden.includes(id) ? orden.indexOf(id) : orden.length);
      parametre.sort((a, b) => rang(a.id) - rang(b.id) || a.id.localeCompare(b.id));
      for (const p of parametre) p.overgange.sort((a, b) => b.antal - a.antal);
      return { scenarie, parametre };
    });
    const fordeling = (t: Int32Array, fra: number): Fordeling => {
      const f = tomFordeling();
      INDPLACERINGSNIVEAUER.forEach((n, i) => {
        f[n] = t[fra + i] as number;
      });
      return f;
    };
    const overgange: Overgang[] = [];
    let par = 0;
    for (let a = 0; a < this.antalScenarier; a++) {
      for (let b = a + 1; b < this.antalScenarier; b++, par++) {
        const matrix = Object.fromEntries(
          INDPLACERINGSNIVEAUER.map((n, i) => [n, fordeling(this.overgange, par * 16 + i * 4)]),
        ) as Overgang["matrix"];
        overgange.push({ fra: this.navne[a] ?? "", til: this.navne[b] ?? "", matrix });
      }
    }
    return {
      scenarier: this.scenarier.map((s, i) => {
        const out: Sammenligning["scenarier"][number] = {
          navn: s.navn,
          hash: forberedte[i]?.hash ?? "",
          fordeling: fordeling(this.fordelinger, i * 4),
        };
        if (s.beskrivelse) out.beskrivelse = s.beskrivelse;
        return out;
      }),
      overgange,
      flyttede: this.flyttede,
      parameterSkift,
      antalLeverandoerer: this.antal,
    };
  }
}

type ParameterForskel = Flytning["aarsager"][number]["parametre"];
const INGEN_FORSKEL: ParameterForskel = [];
