// What each change of a scenario does on its own: a scenario is split into single changes, each
// compared alone against the starting regelsæt (so a scenario mixing method, weights and a
// threshold explains every move by the change that made it), and a change that cannot act —
// a weight while the policy counts, a threshold no rule reads, a value equal to the current
// one — is named with the reason before anything is computed.
import { EngineError } from "./problem.js";
import {
  type Aendringer,
  anvendAendringer,
  type Fordeling,
  type ParameterSkift,
  type SammenlignOptions,
  sammenlignScenarier,
  tomFordeling,
} from "./scenarier.js";
import type { Indplaceringspolitik, Regelsaet } from "./schema/regelsaet.js";
import { danskeBogstaver, taerskelEtiket, taerskelVaerdiTekst } from "./taerskel-etiketter.js";

export interface EnkeltAendring {
  /** Stable key: `taerskler:navn`, `vaegte:id`, `aktive:id` or `indplacering:felt`. */
  noegle: string;
  /** The change in words: "Aktiv praksis · højt · mindst antal borgere: 10 borgere → 8 borgere". */
  tekst: string;
  aendringer: Aendringer;
}

const POLITIK_ORD: Record<string, string> = {
  metode: "Indplaceringsmetode",
  toNiveauer: "To niveauer (ansøgningsmodel)",
  laesning: "Læsning af Tabel 4",
  referenceAntal: "Referenceantal aktive parametre",
  niveauvaerdier: "Point pr. niveau",
  krav: "Krav pr. niveau",
  forklaring: "Forklaring",
};
const politikVaerdi = (felt: string, v: unknown): string => {
  if (felt === "metode") return v === "vaegtet" ? "vægtet" : v === "optaelling" ? "optælling" : String(v);
  if (typeof v === "boolean") return v ? "ja" : "nej";
  if (typeof v === "number" || typeof v === "string") return danskeBogstaver(String(v));
  return "ændret";
};

/** A scenario's changes one by one, each in words, in the order thresholds, weights, on/off, policy. */
export function enkeltAendringer(r: Regelsaet, a: Aendringer | undefined): EnkeltAendring[] {
  if (!a) return [];
  const ud: EnkeltAendring[] = [];
  const paramNavn = (id: string) => r.parametre.find((p) => p.id === id)?.navn ?? id;
  for (const [navn, v] of Object.entries(a.taerskler ?? {})) {
    const [grund = "", variant] = navn.split("@");
    const t = Object.hasOwn(r.taerskler, grund) ? r.taerskler[grund] : undefined;
    const nu = variant === undefined ? t?.vaerdi : t?.varianter?.find((x) => x.navn === variant)?.vaerdi;
    const vis = (x: unknown) =>
      typeof x === "number" || Array.isArray(x) ? taerskelVaerdiTekst(x as number | string[], t?.enhed) : "–";
    ud.push({
      noegle: `taerskler:${navn}`,
      tekst: `${taerskelEtiket(r, navn).tekst}: ${vis(nu)} → ${vis(v)}`,
      aendringer: { taerskler: { [navn]: v } },
    });
  }
  for (const [id, v] of Object.entries(a.vaegte ?? {})) {
    const nu = r.parametre.find((p) => p.id === id)?.vaegt ?? 1;
    ud.push({
      noegle: `vaegte:${id}`,
      tekst: `Vægt for ${paramNavn(id)}: ${taerskelVaerdiTekst(nu, undefined)} → ${taerskelVaerdiTekst(v, undefined)}`,
      aendringer: { vaegte: { [id]: v } },
    });
  }
  for (const [id, v] of Object.entries(a.aktive ?? {})) {
    ud.push({
      noegle: `aktive:${id}`,
      tekst: `${paramNavn(id)} slås ${v ? "til" : "fra"}`,
      aendringer: { aktive: { [id]: v } },
    });
  }
  for (const [felt, v] of Object.entries(a.indplacering ?? {})) {
    const nu = (r.indplacering as Record<string, unknown>)[felt];
    ud.push({
      noegle: `indplacering:${felt}`,
      tekst: `${POLITIK_ORD[felt] ?? felt}: ${nu === undefined ? "–" : politikVaerdi(felt, nu)} → ${politikVaerdi(felt, v)}`,
      aendringer: { indplacering: { [felt]: v } as Partial<Indplaceringspolitik> },
    });
  }
  return ud;
}

/** The names of the thresholds some rule (a condition, a fact parameter, `ikkeRelevant`) reads. */
function laesteTaerskler(r: Regelsaet): Set<string> {
  const ud = new Set<string>();
  const gaa = (x: unknown) => {
    if (Array.isArray(x)) for (const y of x) gaa(y);
    else if (typeof x === "object" && x !== null) {
      const o = x as Record<string, unknown>;
      if (typeof o.taerskel === "string") ud.add(o.taerskel);
      for (const v of Object.values(o)) gaa(v);
    }
  };
  gaa(r.parametre);
  return ud;
}

const TAELLE = ["indplacering.moderat.minParametre", "indplacering.hoej.minParametre", "indplacering.hoej.maxModerat"];

export interface UdenVirkning {
  noegle: string;
  /** Why the change cannot move anyone, in the analyst's words. */
  grund: string;
}

/**
 * The changes of a scenario that cannot act on any provider, with the reason: weights or
 * point values while the scenario's policy counts parameters (`optaelling`), counting limits
 * while it weighs, a threshold no rule reads, a weight of a parameter that is switched off,
 * and a value equal to the one already in the regelsæt.
 */
export function aendringerUdenVirkning(r: Regelsaet, a: Aendringer | undefined): UdenVirkning[] {
  if (!a) return [];
  const ud: UdenVirkning[] = [];
  const metode = a.indplacering?.metode ?? r.indplacering.metode;
  const toNiveauer = a.indplacering?.toNiveauer ?? r.indplacering.toNiveauer ?? false;
  const laest = laesteTaerskler(r);
  const paramNavn = (id: string) => r.parametre.find((p) => p.id === id)?.navn ?? id;
  const aktiv = (id: string) => a.aktive?.[id] ?? r.parametre.find((p) => p.id === id)?.aktiv ?? true;
  for (const [fuldt, v] of Object.entries(a.taerskler ?? {})) {
    const [navn = "", variant] = fuldt.split("@");
    const t = Object.hasOwn(r.taerskler, navn) ? r.taerskler[navn] : undefined;
    if (!t) continue;
    const nu = variant === undefined ? t.vaerdi : t.varianter?.find((x) => x.navn === variant)?.vaerdi;
    const noegle = `taerskler:${fuldt}`;
    const etiket = taerskelEtiket(r, fuldt).tekst;
    if (JSON.stringify(nu) === JSON.stringify(v))
      ud.push({ noegle, grund: `${etiket}: samme værdi som i regelsættet.` });
    else if (navn.startsWith("indplacering.vaegtet.") && metode !== "vaegtet")
      ud.push({ noegle, grund: `${etiket}: bruges kun af den vægtede metode; scenariet indplacerer ved optælling.` });
    else if (TAELLE.includes(navn) && metode === "vaegtet")
      ud.push({ noegle, grund: `${etiket}: bruges kun ved optælling (Tabel 4); scenariet bruger den vægtede metode.` });
    else if (navn === "indplacering.moderat.minParametre" && toNiveauer)
      ud.push({ noegle, grund: `${etiket}: med to niveauer (ansøgningsmodel) er der intet moderat niveau.` });
    else if (!navn.startsWith("indplacering.") && !laest.has(navn))
      ud.push({ noegle, grund: `${etiket}: ingen regel i regelsættet bruger tærsklen.` });
    else {
      const p = r.parametre.find((x) => x.id === navn.split(".")[0]);
      if (p && !aktiv(p.id)) ud.push({ noegle, grund: `${etiket}: ${p.navn} er slået fra i scenariet.` });
    }
  }
  for (const [id, v] of Object.entries(a.vaegte ?? {})) {
    const noegle = `vaegte:${id}`;
    const nu = r.parametre.find((p) => p.id === id)?.vaegt ?? 1;
    if (nu === v) ud.push({ noegle, grund: `Vægt for ${paramNavn(id)}: samme værdi som i regelsættet.` });
    else if (metode !== "vaegtet")
      ud.push({
        noegle,
        grund: `Vægt for ${paramNavn(id)}: vægte bruges kun af den vægtede metode; scenariet indplacerer ved optælling (Tabel 4), hvor alle parametre tæller lige. Vælg metoden «Vægtet» i scenariet for at se vægtens virkning.`,
      });
    else if (!aktiv(id)) ud.push({ noegle, grund: `Vægt for ${paramNavn(id)}: parameteren er slået fra.` });
  }
  for (const [id, v] of Object.entries(a.aktive ?? {})) {
    if ((r.parametre.find((p) => p.id === id)?.aktiv ?? true) === v)
      ud.push({ noegle: `aktive:${id}`, grund: `${paramNavn(id)} er allerede slået ${v ? "til" : "fra"}.` });
  }
  for (const [felt, v] of Object.entries(a.indplacering ?? {})) {
    const noegle = `indplacering:${felt}`;
    if (JSON.stringify((r.indplacering as Record<string, unknown>)[felt]) === JSON.stringify(v))
      ud.push({ noegle, grund: `${POLITIK_ORD[felt] ?? felt}: samme værdi som i regelsættet.` });
    else if (felt === "niveauvaerdier" && metode !== "vaegtet")
      ud.push({
        noegle,
        grund: "Point pr. niveau bruges kun af den vægtede metode; scenariet indplacerer ved optælling.",
      });
    else if (felt === "forklaring") ud.push({ noegle, grund: "En forklaring ændrer ingen indplacering." });
  }
  return ud;
}

export interface EnkeltVirkning extends EnkeltAendring {
  /** Providers per level with this change alone; absent when it cannot be applied alone. */
  fordeling?: Fordeling;
  /** Providers whose overall level differs from the starting regelsæt. */
  skifterSamlet?: number;
  /** The parameters this change alone moves, as in a comparison. */
  parametre?: ParameterSkift[];
  /** Why the change cannot be applied on its own (it needs another change of the scenario). */
  fejl?: string;
}

const BASIS = "\u0000udgangspunkt";

/**
 * Each change of a scenario alone against the starting regelsæt, in one comparison (the
 * starting point first, then one scenario per change, so shared conditions are evaluated once
 * per provider). A change that is invalid on its own is reported with `fejl` and left out.
 */
export async function enkeltvisVirkning(
  r: Regelsaet,
  a: Aendringer | undefined,
  leverandoerer: unknown[],
  options: SammenlignOptions = {},
): Promise<{ udgangspunkt?: Fordeling; aendringer: EnkeltVirkning[] }> {
  const gyldige: EnkeltVirkning[] = [];
  const ud: EnkeltVirkning[] = enkeltAendringer(r, a).map((e) => {
    try {
      anvendAendringer(r, e.aendringer);
      const v: EnkeltVirkning = { ...e };
      gyldige.push(v);
      return v;
    } catch (err) {
      return { ...e, fejl: err instanceof EngineError ? (err.detaljer[0]?.message ?? err.message) : String(err) };
    }
  });
  if (gyldige.length === 0) return { aendringer: ud };
  const s = await sammenlignScenarier(
    r,
    [{ navn: BASIS }, ...gyldige.map((g) => ({ navn: g.noegle, aendringer: g.aendringer }))],
    leverandoerer,
    options,
  );
  gyldige.forEach((g, i) => {
    g.fordeling = s.scenarier[i + 1]?.fordeling ?? tomFordeling();
    g.skifterSamlet = s.flyttede.filter((f) => f.niveauer[g.noegle] !== f.niveauer[BASIS]).length;
    g.parametre = s.parameterSkift.find((p) => p.scenarie === g.noegle)?.parametre ?? [];
  });
  return { udgangspunkt: s.scenarier[0]?.fordeling, aendringer: ud };
}
