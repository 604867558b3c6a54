// What changed between two regelsæt: thresholds (added, removed, changed value or variant),
// parameters (added, removed, switched on or off, reweighted, renamed), the condition tree of
// each parameter level, the indplacering policy and the golden cases. Pure: two documents in,
// a description of their differences out.
import { canonicalJson } from "./hash.js";
import {
  type Betingelse,
  NIVEAUER,
  type Niveau,
  type Parameter,
  type Regelsaet,
  type Taerskel,
} from "./schema/regelsaet.js";

/** One field that differs; `fra` is absent when added, `til` when removed. */
export interface FeltAendring {
  felt: string;
  fra?: unknown;
  til?: unknown;
}

export interface RegelsaetDiff {
  /** True when the two regelsæt have the same canonical JSON. */
  identisk: boolean;
  /** Top-level texts: maalgruppe, titel, beskrivelse. */
  generelt: FeltAendring[];
  taerskler: {
    tilfoejet: { navn: string; vaerdi: Taerskel["vaerdi"] }[];
    fjernet: { navn: string; vaerdi: Taerskel["vaerdi"] }[];
    /** Per threshold: `vaerdi`, `varianter.<navn>` (a variant's value or condition) and metadata. */
    aendret: { navn: string; aendringer: FeltAendring[] }[];
  };
  parametre: {
    tilfoejet: { id: string; navn: string; aktiv: boolean }[];
    fjernet: { id: string; navn: string }[];
    aktiveret: string[];
    deaktiveret: string[];
    vaegte: { id: string; fra: number; til: number }[];
    /** Names, descriptions and level texts. */
    tekster: { id: string; aendringer: FeltAendring[] }[];
    betingelser: { id: string; niveau: Niveau; fra: Betingelse; til: Betingelse }[];
  };
  /** Policy fields by dotted path, e.g. `metode`, `krav.hoej`, `niveauvaerdier.let`. */
  indplacering: FeltAendring[];
  testtilfaelde: { tilfoejet: string[]; fjernet: string[]; aendret: string[] };
  /** The number of changes listed above. */
  antal: number;
}

const ens = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function felt(felt: string, fra: unknown, til: unknown): FeltAendring {
  const a: FeltAendring = { felt };
  if (fra !== undefined) a.fra = fra;
  if (til !== undefined) a.til = til;
  return a;
}

/** Differences between two plain JSON values, one entry per leaf path (arrays compared whole). */
function feltForskelle(fra: unknown, til: unknown, sti: string, ud: FeltAendring[]): FeltAendring[] {
  const erObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (erObj(fra) && erObj(til)) {
    const noegler = [...new Set([...Object.keys(fra), ...Object.keys(til)])].sort();
    for (const k of noegler) feltForskelle(fra[k], til[k], sti ? `${sti}.${k}` : k, ud);
  } else if (!ens(fra, til)) {
    ud.push(felt(sti, fra, til));
  }
  return ud;
}

function taerskelAendringer(fra: Taerskel, til: Taerskel): FeltAendring[] {
  const ud: FeltAendring[] = [];
  const { varianter: fraV = [], ...fraRest } = fra;
  const { varianter: tilV = [], ...tilRest } = til;
  feltForskelle(fraRest, tilRest, "", ud);
  const navne = [...new Set([...fraV.map((v) => v.navn), ...tilV.map((v) => v.navn)])];
  for (const navn of navne) {
    const a = fraV.find((v) => v.navn === navn);
    const b = tilV.find((v) => v.navn === navn);
    if (!a || !b) ud.push(felt(`varianter.${navn}`, a, b));
    else feltForskelle(a, b, `varianter.${navn}`, ud);
  }
  if (
    ud.length === 0 &&
    !ens(
      fraV.map((v) => v.navn),
      tilV.map((v) => v.navn),
    )
  ) {
    // The first variant that matches wins, so their order is part of the rule.
    ud.push(
      felt(
        "varianter.raekkefoelge",
        fraV.map((v) => v.navn),
        tilV.map((v) => v.navn),
      ),
    );
  }
  return ud;
}

function parameterTekster(a: Parameter, b: Parameter): FeltAendring[] {
  const ud: FeltAendring[] = [];
  if (a.navn !== b.navn) ud.push(felt("navn", a.navn, b.navn));
  if (!ens(a.beskrivelse, b.beskrivelse)) ud.push(felt("beskrivelse", a.beskrivelse, b.beskrivelse));
  for (const n of NIVEAUER) {
    const x = a.niveauer[n];
    const y = b.niveauer[n];
    if (x.beskrivelse !== y.beskrivelse) ud.push(felt(`niveauer.${n}.beskrivelse`, x.beskrivelse, y.beskrivelse));
    if (!ens(x.vejledning, y.vejledning)) ud.push(felt(`niveauer.${n}.vejledning`, x.vejledning, y.vejledning));
  }
  return ud;
}

export function diffRegelsaet(fra: Regelsaet, til: Regelsaet): RegelsaetDiff {
  const d: RegelsaetDiff = {
    identisk: ens(fra, til),
    generelt: [],
    taerskler: { tilfoejet: [], fjernet: [], aendret: [] },
    parametre: { tilfoejet: [], fjernet: [], aktiveret: [], deaktiveret: [], vaegte: [], tekster: [], betingelser: [] },
    indplacering: [],
    testtilfaelde: { tilfoejet: [], fjernet: [], aendret: [] },
    antal: 0,
  };
  for (const k of ["maalgruppe", "titel", "beskrivelse"] as const) {
    if (fra[k] !== til[k]) d.generelt.push(felt(k, fra[k], til[k]));
  }

  const taerskelNavne = [...new Set([...Object.keys(fra.taerskler), ...Object.keys(til.taerskler)])].sort();
  for (const navn of taerskelNavne) {
    const a = Object.hasOwn(fra.taerskler, navn) ? fra.taerskler[navn] : undefined;
    const b = Object.hasOwn(til.taerskler, navn) ? til.taerskler[navn] : undefined;
    if (!a && b) d.taerskler.tilfoejet.push({ navn, vaerdi: b.vaerdi });
    else if (a && !b) d.taerskler.fjernet.push({ navn, vaerdi: a.vaerdi });
    else if (a && b) {
      const aendringer = taerskelAendringer(a, b);
      if (aendringer.length > 0) d.taerskler.aendret.push({ navn, aendringer });
    }
  }

  const fraP = new Map(fra.parametre.map((p) => [p.id, p]));
  const tilP = new Map(til.parametre.map((p) => [p.id, p]));
  for (const b of til.parametre) {
    if (!fraP.has(b.id)) d.parametre.tilfoejet.push({ id: b.id, navn: b.navn, aktiv: b.aktiv !== false });
  }
  for (const a of fra.parametre) {
    const b = tilP.get(a.id);
    if (!b) {
      d.parametre.fjernet.push({ id: a.id, navn: a.navn });
      continue;
    }
    const aktivFoer = a.aktiv !== false;
    const aktivNu = b.aktiv !== false;
    if (!aktivFoer && aktivNu) d.parametre.aktiveret.push(a.id);
    if (aktivFoer && !aktivNu) d.parametre.deaktiveret.push(a.id);
    if ((a.vaegt ?? 1) !== (b.vaegt ?? 1)) d.parametre.vaegte.push({ id: a.id, fra: a.vaegt ?? 1, til: b.vaegt ?? 1 });
    const tekster = parameterTekster(a, b);
    if (tekster.length > 0) d.parametre.tekster.push({ id: a.id, aendringer: tekster });
    for (const n of NIVEAUER) {
      const x = a.niveauer[n].betingelser;
      const y = b.niveauer[n].betingelser;
      if (!ens(x, y)) d.parametre.betingelser.push({ id: a.id, niveau: n, fra: x, til: y });
    }
  }

  feltForskelle(fra.indplacering, til.indplacering, "", d.indplacering);

  const fraT = new Map((fra.testtilfaelde ?? []).map((t) => [t.navn, t]));
  const tilT = new Map((til.testtilfaelde ?? []).map((t) => [t.navn, t]));
  for (const [navn, t] of tilT) {
    const a = fraT.get(navn);
    if (!a) d.testtilfaelde.tilfoejet.push(navn);
    else if (!ens(a, t)) d.testtilfaelde.aendret.push(navn);
  }
  for (const navn of fraT.keys()) if (!tilT.has(navn)) d.testtilfaelde.fjernet.push(navn);

  const p = d.parametre;
  d.antal =
    d.generelt.length +
    d.taerskler.tilfoejet.length +
    d.taerskler.fjernet.length +
    d.taerskler.aendret.reduce((s, t) => s + t.aendringer.length, 0) +
    p.tilfoejet.length +
    p.fjernet.length +
    p.aktiveret.length +
    p.deaktiveret.length +
    p.vaegte.length +
    p.tekster.reduce((s, t) => s + t.aendringer.length, 0) +
    p.betingelser.length +
    d.indplacering.length +
    d.testtilfaelde.tilfoejet.length +
    d.testtilfaelde.fjernet.length +
    d.testtilfaelde.aendret.length;
  return d;
}
