// Sensitivity: how the providers' levels depend on one threshold (a sweep over a range of values)
// and which providers sit on an edge (the borderline flag: a threshold whose change by one step
// would move the provider's level). Both run on the compiled evaluator, with all values (or all
// steps) compiled together so that the conditions they share are evaluated once per provider.
import { holdTilNaeste } from "./hold.js";
import { KompileretGruppe } from "./indplacering/kompileret/kompileret.js";
import type { Indplaceringsniveau } from "./indplacering/politik.js";
import { EngineError, type Problem, problem } from "./problem.js";
import { anvendAendringer, type Fordeling, tomFordeling } from "./scenarier.js";
import type { Regelsaet, Taerskel } from "./schema/regelsaet.js";
import type { Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";
import { profilFor, profilNoegle, type TaerskelOpslag, taerskelOpslag } from "./taerskler.js";
import { validateVurderingsgrundlag } from "./validate.js";

/**
 * One step per unit: one citizen, one staff member, one parameter, one year, one percentage
 * point, and an eighth of a point on the weighted score (one parameter one level up or down
 * out of eight with equal weights). Lists have no step.
 */
export const TRIN: Readonly<Record<Taerskel["enhed"], number | undefined>> = {
  borgere: 1,
  antal: 1,
  parametre: 1,
  aar: 1,
  andel: 0.01,
  point: 0.125,
  liste: undefined,
};

export interface FoelsomhedOptions {
  /** The providers are already validated for this regelsæt's målgruppe (skips validation). */
  valideret?: boolean;
  /** Structurally an AbortSignal; checked between providers. */
  signal?: { aborted: boolean; reason?: unknown };
  /** Called every 256 providers and at the end. */
  onProgress?: (faerdige: number, ialt: number) => void;
}

export interface SweepPunkt {
  vaerdi: number;
  fordeling: Fordeling;
}

export interface Sweep {
  /** As given: `navn` (the base value) or `navn@variant`. */
  taerskel: string;
  enhed: Taerskel["enhed"];
  /** The threshold's value in the regelsæt. */
  nuvaerende: number;
  punkter: SweepPunkt[];
  antalLeverandoerer: number;
}

export interface Graensetilfaelde {
  taerskel: string;
  /** The variant that applies to the provider, when not the base value. */
  variant?: string;
  retning: "op" | "ned";
  /** The value that applies to the provider now, and after the step. */
  fra: number;
  til: number;
  /** The provider's level after the step. */
  niveau: Indplaceringsniveau;
}

export interface LeverandoerGraenser {
  leverandoer: { id: string; navn?: string; afdeling?: string };
  niveau: Indplaceringsniveau;
  /** Empty when no single step moves the provider. */
  graensetilfaelde: Graensetilfaelde[];
}

export interface Graenser {
  trin: Record<string, number>;
  /** One entry per provider, in input order. */
  leverandoerer: LeverandoerGraenser[];
  antalGraensetilfaelde: number;
}

/** Validates the providers as the scenario comparison does; EngineError with every problem. */
function valider(r: Regelsaet, leverandoerer: readonly unknown[], options: FoelsomhedOptions): Vurderingsgrundlag[] {
  if (options.valideret) return leverandoerer as Vurderingsgrundlag[];
  const fejl: Problem[] = leverandoerer.flatMap((l, i) => {
    const f = validateVurderingsgrundlag(l, ["vurderingsgrundlag", i]);
    if (f.length === 0 && (l as Vurderingsgrundlag).maalgruppe !== r.maalgruppe) {
      return [
        problem(
          ["vurderingsgrundlag", i, "maalgruppe"],
          `Gælder '${(l as Vurderingsgrundlag).maalgruppe}', ikke '${r.maalgruppe}'.`,
        ),
      ];
    }
    return f;
  });
  if (fejl.length > 0)
    throw new EngineError("UGYLDIGT_VURDERINGSGRUNDLAG", "Et eller flere vurderingsgrundlag er ugyldige.", fejl);
  return leverandoerer as Vurderingsgrundlag[];
}

function talTaerskel(r: Regelsaet, fuldtNavn: string): { t: Taerskel; vaerdi: number } {
  const [navn = "", variantNavn] = fuldtNavn.split("@");
  const t = Object.hasOwn(r.taerskler, navn) ? r.taerskler[navn] : undefined;
  const sti = ["taerskel"];
  if (!t)
    throw new EngineError("UGYLDIGT_SCENARIE", `Tærsklen '${navn}' findes ikke i regelsættet.`, [
      problem(sti, "Ukendt tærskel."),
    ]);
  const maal = variantNavn === undefined ? t : t.varianter?.find((v) => v.navn === variantNavn);
  if (!maal)
    throw new EngineError("UGYLDIGT_SCENARIE", `Tærsklen '${navn}' har ingen variant '${variantNavn}'.`, [
      problem(sti, "Ukendt variant."),
    ]);
  if (typeof maal.vaerdi !== "number")
    throw new EngineError("UGYLDIGT_SCENARIE", `Tærsklen '${fuldtNavn}' er en liste; kun tal kan gennemløbes.`, [
      problem(sti, "Skal være en tærskel med et tal."),
    ]);
  return { t, vaerdi: maal.vaerdi };
}

/**
 * The count of providers per level at each value of one threshold (`navn` changes the base
 * value, `navn@variant` one variant), everything else as in the regelsæt.
 */
export function sweep(
  r: Regelsaet,
  taerskelNavn: string,
  vaerdier: readonly number[],
  leverandoerer: readonly unknown[],
  options: FoelsomhedOptions = {},
): Sweep {
  const { t, vaerdi } = talTaerskel(r, taerskelNavn);
  const input = valider(r, leverandoerer, options);
  const resultat: Sweep = {
    taerskel: taerskelNavn,
    enhed: t.enhed,
    nuvaerende: vaerdi,
    punkter: [],
    antalLeverandoerer: input.length,
  };
  if (vaerdier.length === 0) return resultat;
  const varianter = vaerdier.map((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new EngineError("UGYLDIGT_SCENARIE", "Værdierne skal være tal.", [
        problem(["vaerdier", i], "Skal være et tal."),
      ]);
    return anvendAendringer(r, { taerskler: { [taerskelNavn]: v } }, ["vaerdier", i]);
  });
  const gruppe = new KompileretGruppe(varianter);
  const fordelinger = vaerdier.map(tomFordeling);
  const niveauer: Indplaceringsniveau[] = [];
  for (const [li, l] of input.entries()) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("Afbrudt");
    gruppe.niveauer(l, niveauer);
    for (let i = 0; i < fordelinger.length; i++) (fordelinger[i] as Fordeling)[niveauer[i] as Indplaceringsniveau]++;
    if (options.onProgress && (li % 256 === 0 || li === input.length - 1)) options.onProgress(li + 1, input.length);
  }
  resultat.punkter = vaerdier.map((v, i) => ({ vaerdi: v, fordeling: fordelinger[i] as Fordeling }));
  holdTilNaeste("sweep", gruppe);
  return resultat;
}

const rund = (x: number) => Math.round(x * 1e9) / 1e9;

/** The value one step away, or undefined when that leaves the threshold's range. */
function skridt(t: Taerskel, v: number, retning: 1 | -1): number | undefined {
  const trin = TRIN[t.enhed];
  if (trin === undefined) return undefined;
  const ny = rund(v + retning * trin);
  const min = t.min ?? 0;
  const max = t.max ?? (t.enhed === "andel" ? 1 : Number.POSITIVE_INFINITY);
  return ny < min || ny > max ? undefined : ny;
}

/**
 * The borderline flag: per provider, each numeric threshold whose change by one step (TRIN) up
 * or down would move the provider's level, with the level it would get. The step is applied to
 * the value that applies to the provider (its variant or the base value); values that would
 * leave the threshold's range (min/max; a share stays within 0–1) are not tried.
 */
export function graensetilfaelde(
  r: Regelsaet,
  leverandoerer: readonly unknown[],
  options: FoelsomhedOptions & { taerskler?: readonly string[] } = {},
): Graenser {
  const input = valider(r, leverandoerer, options);
  const navne = (options.taerskler ?? Object.keys(r.taerskler)).filter((n) => {
    const t = Object.hasOwn(r.taerskler, n) ? r.taerskler[n] : undefined;
    return t !== undefined && typeof t.vaerdi === "number" && TRIN[t.enhed] !== undefined;
  });
  // Scenario 0 is the regelsæt itself; then one per threshold and direction, where every value
  // of the threshold (base and variants) takes one step, so each provider sees its own value move.
  const forsoeg: { navn: string; retning: "op" | "ned" }[] = [];
  const regelsaet: Regelsaet[] = [r];
  for (const navn of navne) {
    const t = r.taerskler[navn] as Taerskel;
    for (const retning of ["op", "ned"] as const) {
      const kopi: Regelsaet = JSON.parse(JSON.stringify(r));
      const kt = kopi.taerskler[navn] as Taerskel;
      const fortegn = retning === "op" ? 1 : -1;
      let aendret = false;
      for (const m of [kt, ...(kt.varianter ?? [])]) {
        const ny = typeof m.vaerdi === "number" ? skridt(t, m.vaerdi, fortegn) : undefined;
        if (ny !== undefined) {
          m.vaerdi = ny;
          aendret = true;
        }
      }
      if (!aendret) continue;
      forsoeg.push({ navn, retning });
      regelsaet.push(kopi);
    }
  }
  const gruppe = new KompileretGruppe(regelsaet);
  const opslag = new Map<string, TaerskelOpslag>();
  const niveauer: Indplaceringsniveau[] = [];
  let antal = 0;
  const ud = input.map((l, li): LeverandoerGraenser => {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error("Afbrudt");
    gruppe.niveauer(l, niveauer);
    if (options.onProgress && (li % 256 === 0 || li === input.length - 1)) options.onProgress(li + 1, input.length);
    const niveau = niveauer[0] as Indplaceringsniveau;
    const leverandoer: LeverandoerGraenser["leverandoer"] = { id: l.leverandoer.id };
    if (l.leverandoer.navn) leverandoer.navn = l.leverandoer.navn;
    if (l.leverandoer.afdeling) leverandoer.afdeling = l.leverandoer.afdeling;
    const graenser: Graensetilfaelde[] = [];
    for (let i = 0; i < forsoeg.length; i++) {
      const nyt = niveauer[i + 1] as Indplaceringsniveau;
      if (nyt === niveau) continue;
      const { navn, retning } = forsoeg[i] as (typeof forsoeg)[number];
      const profil = profilFor(l);
      const noegle = profilNoegle(profil);
      let o = opslag.get(noegle);
      if (!o) {
        o = taerskelOpslag(r, profil);
        opslag.set(noegle, o);
      }
      const anvendt = o(navn);
      const fra = anvendt.vaerdi as number;
      const g: Graensetilfaelde = {
        taerskel: navn,
        retning,
        fra,
        til: skridt(r.taerskler[navn] as Taerskel, fra, retning === "op" ? 1 : -1) ?? fra,
        niveau: nyt,
      };
      if (anvendt.variant) g.variant = anvendt.variant;
      graenser.push(g);
    }
    antal += graenser.length > 0 ? 1 : 0;
    return { leverandoer, niveau, graensetilfaelde: graenser };
  });
  holdTilNaeste("graensetilfaelde", gruppe);
  const trin: Record<string, number> = {};
  for (const [enhed, v] of Object.entries(TRIN)) if (v !== undefined) trin[enhed] = v;
  return { trin, leverandoerer: ud, antalGraensetilfaelde: antal };
}
