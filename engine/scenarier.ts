// Scenarios (DOMAIN.md §6): named changes to a regelsæt — thresholds, weights, active
// parameters, policy — and their comparison over a set of providers: the count per level, the
// transition matrix between scenarios and the providers that move, with the parameters why.
import { type ForberedtRegelsaet, forbered } from "./indplacering/forberedt.js";
import { KompileretGruppe } from "./indplacering/kompileret/kompileret.js";
import { INDPLACERINGSNIVEAUER, type Indplaceringsniveau, RANG } from "./indplacering/politik.js";
import { EngineError, type Problem, problem, type Sti } from "./problem.js";
import type {
  Indplaceringspolitik,
  ParameterNiveau,
  ParameterNiveauEllerIkkeRelevant,
  Regelsaet,
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
    fra: ParameterNiveau | "slaaet-fra";
    til: ParameterNiveau | "slaaet-fra";
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

/** Applies a scenario's changes to a copy of the regelsæt; the original is never changed. */
export function anvendAendringer(r: Regelsaet, a: Aendringer | undefined, rod: Sti = ["aendringer"]): Regelsaet {
  const kopi: Regelsaet = JSON.parse(JSON.stringify(r));
  if (!a) return kopi;
  const fejl: Problem[] = [];
  for (const [fuldtNavn, vaerdi] of Object.entries(a.taerskler ?? {})) {
    const [navn = "", variantNavn] = fuldtNavn.split("@");
    const sti = [...rod, "taerskler", fuldtNavn];
    const t = Object.hasOwn(kopi.taerskler, navn) ? kopi.taerskler[navn] : undefined;
    if (!t) {
      fejl.push(problem(sti, `Tærsklen '${navn}' findes ikke i regelsættet.`));
      continue;
    }
    const maal = variantNavn === undefined ? t : t.varianter?.find((v) => v.navn === variantNavn);
    if (!maal) {
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
    maal.vaerdi = vaerdi;
  }
  const parameter = (id: string, felt: string) => {
    const p = kopi.parametre.find((x) => x.id === id);
    if (!p) fejl.push(problem([...rod, felt, id], `Parameteren '${id}' findes ikke i regelsættet.`));
    return p;
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
  if (a.indplacering) kopi.indplacering = { ...kopi.indplacering, ...a.indplacering };
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
    forberedte = scenarier.map((s, i) => forbered(anvendAendringer(r, s.aendringer, ["scenarier", i, "aendringer"])));
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
  const resultat = new Resultat(scenarier, antal);
  const inputFejl: Problem[] = [];
  // The compiled evaluator, all scenarios at once (conditions they share are evaluated once per
  // provider), block by block with the validation while every provider so far is valid.
  const gruppe = forberedte ? new KompileretGruppe(forberedte) : undefined;
  const niveauer: Indplaceringsniveau[] = [];
  const parametre = (s: number) => (gruppe as KompileretGruppe).parametre(s);
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
        resultat.tilfoej(l, niveauer, parametre);
        tider.evaluering += t2 - t1;
        tider.optaelling += nu() - t2;
      } else resultat.tilfoej(l, gruppe.niveauer(l, niveauer), parametre);
      if (options.onProgress && (li % 256 === 0 || li === antal - 1))
        options.onProgress((li + 1) * scenarier.length, ialt);
    }
  }
  if (inputFejl.length > 0)
    throw new EngineError("UGYLDIGT_VURDERINGSGRUNDLAG", "Et eller flere vurderingsgrundlag er ugyldige.", inputFejl);
  if (!forberedte) throw scenarieFejl;
  t0 = nu();
  const svar = resultat.sammenligning(forberedte);
  if (tider) tider.optaelling += nu() - t0;
  return svar;
}

/** A comparison's counts and moved providers, collected provider by provider. */
class Resultat {
  private readonly antalScenarier: number;
  private readonly navne: string[];
  /** Per scenario, the number of providers at each level (INDPLACERINGSNIVEAUER order). */
  private readonly fordelinger: Int32Array;
  /** Per pair of scenarios a < b (in that order), the 4 × 4 transition counts. */
  private readonly overgange: Int32Array;
  private readonly flyttede: Flytning[] = [];
  /** Per scenario after the first: "id|fra|til" → [providers, of whom moved overall]. */
  private readonly skift: Map<string, [number, number]>[];
  // Object.fromEntries would make an own "__proto__" key, where an assignment sets the prototype.
  private readonly protoNavn: boolean;

  constructor(
    private readonly scenarier: Scenarie[],
    private readonly antal: number,
  ) {
    const n = scenarier.length;
    this.antalScenarier = n;
    this.navne = scenarier.map((s) => s.navn);
    this.fordelinger = new Int32Array(n * 4);
    this.overgange = new Int32Array(((n * (n - 1)) / 2) * 16);
    this.protoNavn = this.navne.includes("__proto__");
    this.skift = scenarier.slice(1).map(() => new Map());
  }

  /** One provider's level per scenario, and its parameter levels per scenario when asked. */
  tilfoej(
    l: Vurderingsgrundlag,
    niveauer: readonly Indplaceringsniveau[],
    parametre: (s: number) => ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>,
  ): void {
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
    const basisParametre = parametre(0);
    for (let s = 1; s < n; s++) {
      const tilParametre = parametre(s);
      // The compiled evaluator hands out the same map when a scenario's parameters equal the
      // first's (weights, policy): nothing moved at parameter level, and no lookup is needed.
      if (tilParametre === basisParametre || !harForskel(basisParametre, tilParametre)) continue;
      const forskel = parameterForskel(basisParametre, tilParametre);
      if (forskel.length === 0) continue;
      const samlet = niveauer[s] !== basis ? 1 : 0;
      const skift = this.skift[s - 1] as Map<string, [number, number]>;
      for (const p of forskel) {
        const noegle = `${p.id}|${p.fra}|${p.til}`;
        const t = skift.get(noegle);
        if (t) {
          t[0]++;
          t[1] += samlet;
        } else skift.set(noegle, [1, samlet]);
      }
    }
    if (!flyttet) return;
    const aarsager: Flytning["aarsager"] = [];
    for (let s = 1; s < n; s++) {
      const til = niveauer[s] as Indplaceringsniveau;
      if (til === basis) continue;
      const forskel = parameterForskel(basisParametre, parametre(s));
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

  sammenligning(forberedte: readonly ForberedtRegelsaet[]): Sammenligning {
    type Niveau = ParameterSkift["overgange"][number]["fra"];
    const parameterSkift = this.skift.map((skift, i) => {
      const orden = (forberedte[i + 1] ?? forberedte[0])?.regelsaet.parametre.map((p) => p.id) ?? [];
      const pr = new Map<string, ParameterSkift>();
      for (const [noegle, [antal, skifterSamlet]] of skift) {
        const [id = "", fra, til] = noegle.split("|") as [string, Niveau, Niveau];
        let p = pr.get(id);
        if (!p) {
          p = { id, antal: 0, skifterSamlet: 0, overgange: [] };
          pr.set(id, p);
        }
        p.antal += antal;
        p.skifterSamlet += skifterSamlet;
        p.overgange.push({ fra, til, antal, skifterSamlet });
      }
      const rang = (id: string) => (orden.includes(id) ? orden.indexOf(id) : orden.length);
      const parametre = [...pr.values()].sort((a, b) => rang(a.id) - rang(b.id) || a.id.localeCompare(b.id));
      for (const p of parametre) p.overgange.sort((a, b) => b.antal - a.antal);
      return { scenarie: this.navne[i + 1] ?? "", parametre };
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
// The compiled evaluator shares one parameter map between providers with equal levels, so the
// thousands of moved providers have only a few distinct pairs: compute each pair's diff once.
const forskelle = new WeakMap<
  ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>,
  WeakMap<ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>, ParameterForskel>
>();

/** Whether two parameter maps differ, without allocating (most providers move nowhere). */
function harForskel(
  fra: ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>,
  til: ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>,
): boolean {
  if (fra.size !== til.size) return true;
  for (const [id, n] of fra) if (til.get(id) !== n) return true;
  return false;
}

function parameterForskel(
  fra: ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>,
  til: ReadonlyMap<string, ParameterNiveauEllerIkkeRelevant>,
): ParameterForskel {
  let raekke = forskelle.get(fra);
  if (!raekke) {
    raekke = new WeakMap();
    forskelle.set(fra, raekke);
  }
  let forskel = raekke.get(til);
  if (!forskel) {
    const ids = new Set([...fra.keys(), ...til.keys()]);
    forskel = [...ids]
      .map((id): ParameterForskel[number] => ({
        id,
        fra: fra.get(id) ?? "slaaet-fra",
        til: til.get(id) ?? "slaaet-fra",
      }))
      .filter((p) => p.fra !== p.til);
    raekke.set(til, forskel);
  }
  return forskel;
}
