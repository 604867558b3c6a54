// The fact library: what a rule condition may ask about a vurderingsgrundlag. Input sections are
// read with a `path`; derived facts compute counts and shares from `params`. A fact that cannot
// be computed because information is absent says which information (`mangler`); it never
// answers zero in its place. A count or share with some unknown members also gives the bounds
// every completion of the unknowns respects (`interval`), so that a condition can still be
// decided when the known members settle it (interval.ts).
import type { Interval } from "./interval.js";
import type { Medarbejder, Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";

export type ParamType = "tekstliste" | "tal" | "sandhed" | "tekst";
export type ParamVaerdi = string | number | boolean | (string | number)[];

export interface FaktumResultat {
  vaerdi: unknown;
  /** Input paths whose absence made the value unknown; empty when the value is known. */
  mangler: string[];
  /** For an unknown count or share: the bounds of every completion of the unknowns. */
  interval?: Interval;
}

export interface FaktumDefinition {
  navn: string;
  beskrivelse: string;
  /** Input sections are read with `path`; derived facts take `params` instead. */
  slags: "felt" | "afledt";
  params: Record<string, { type: ParamType; beskrivelse: string; paakraevet?: boolean; tilladte?: readonly string[] }>;
  beregn(input: Vurderingsgrundlag, params: Record<string, ParamVaerdi>): FaktumResultat;
  /** Danish phrase naming what is measured, used in reasons. */
  beskriv(params: Record<string, ParamVaerdi>, path?: string): string;
}

const kendt = (vaerdi: unknown): FaktumResultat => ({ vaerdi, mangler: [] });
const ukendt = (...mangler: string[]): FaktumResultat => ({ vaerdi: undefined, mangler });
const inden = (interval: Interval, mangler: string[]): FaktumResultat => ({ vaerdi: undefined, mangler, interval });
/** Nothing reported: a count is at least 0, with no upper bound. */
const ENHVER_ANTAL: Interval = { mindst: 0 };

const FELTER = [
  ["leverandoer", "Leverandørens oplysninger"],
  ["aldersgruppe", "Aldersgruppe"],
  ["forloebsfase", "Forløbsfase"],
  ["godkendt", "Godkendt af socialtilsynet"],
  ["borgere", "Borgere pr. behovsniveau"],
  ["fagmiljoe", "Fagmiljø"],
  ["samarbejde", "Samarbejde"],
  ["vidensudvikling", "Vidensudvikling"],
  ["metoder", "Metoder og faglige tilgange"],
  ["hjaelpemidler", "Hjælpemidler og teknologi"],
  ["fysiskeRammer", "Fysiske rammer"],
  ["supplerende", "Supplerende oplysninger"],
] as const;

/** Reads a simple `$.a.b` path; anything else was rejected by the schema. */
export function readPath(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  let current = value;
  for (const key of path.slice(2).split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function feltFaktum(navn: string, beskrivelse: string): FaktumDefinition {
  return {
    navn,
    beskrivelse: `${beskrivelse} (feltet \`${navn}\` i vurderingsgrundlaget; brug \`path\` til et underfelt).`,
    slags: "felt",
    params: {},
    beregn(input, _params) {
      return kendt((input as Record<string, unknown>)[navn]);
    },
    beskriv: (_params, path) => (path ? `${navn}${path.slice(1)}` : navn),
  };
}

const BORGER_NIVEAUER = ["let", "moderat", "hoej"] as const;

const antalBorgere: FaktumDefinition = {
  navn: "antalBorgere",
  beskrivelse: "Antal borgere i målgruppen i året, lagt sammen over de behovsniveauer, der nævnes i `niveauer`.",
  slags: "afledt",
  params: {
    niveauer: {
      type: "tekstliste",
      beskrivelse: "Behovsniveauer at tælle: let, moderat, hoej (standard: alle).",
      tilladte: BORGER_NIVEAUER,
    },
  },
  beregn(input, params) {
    const niveauer = (params.niveauer as string[] | undefined) ?? [...BORGER_NIVEAUER];
    if (!input.borgere) return inden(ENHVER_ANTAL, ["borgere"]);
    const borgere: Record<string, number | undefined> = input.borgere;
    const antal = (n: string) => (Object.hasOwn(borgere, n) ? borgere[n] : undefined);
    const mangler = niveauer.filter((n) => antal(n) === undefined).map((n) => `borgere.${n}`);
    const sum = niveauer.reduce((sum, n) => sum + (antal(n) ?? 0), 0);
    // An absent level adds 0 or more: the reported ones are a lower bound.
    if (mangler.length > 0) return inden({ mindst: sum }, mangler);
    return kendt(sum);
  },
  beskriv(params) {
    const niveauer = params.niveauer as string[] | undefined;
    return niveauer
      ? `antal borgere med behov på ${niveauer.map(niveauTekst).join(" eller ")} niveau`
      : "antal borgere";
  },
};

const MEDARBEJDER_PARAMS: FaktumDefinition["params"] = {
  uddannelser: { type: "tekstliste", beskrivelse: "Medarbejderen har mindst én af disse uddannelser." },
  certificeringer: { type: "tekstliste", beskrivelse: "Medarbejderen har mindst én af disse certificeringer." },
  minErfaringAar: { type: "tal", beskrivelse: "Medarbejderen har mindst så mange års praksiserfaring." },
  hjaelpemiddelfaglig: { type: "sandhed", beskrivelse: "Medarbejderen har hjælpemiddelfaglige kompetencer." },
  medVikarer: { type: "sandhed", beskrivelse: "Tæl vikarer med (standard: ja)." },
};

interface Optaelling {
  matcher: number;
  ialt: number;
  /** Empty when every member's match (and scope) is known. */
  mangler: string[];
  /** Bounds of the count and the share over every completion of the unknowns. */
  antal: Interval;
  andel: Interval;
}

const andel = (matcher: number, ialt: number) => (ialt === 0 ? 0 : matcher / ialt);

/**
 * Counts staff in scope and those matching every given criterion. A member whose match is
 * unknown (a field it asks about is absent, and no known field already rules the member out) or
 * whose scope is unknown (without temps and `ansaettelse` absent) makes the count unknown; the
 * bounds then come from the completions that count them all in or all out.
 */
export function taelMedarbejdere(input: Vurderingsgrundlag, params: Record<string, ParamVaerdi>): Optaelling {
  if (!input.medarbejdere) {
    return { matcher: 0, ialt: 0, mangler: ["medarbejdere"], antal: ENHVER_ANTAL, andel: { mindst: 0, hoejst: 1 } };
  }
  const mangler: string[] = [];
  let seteFelter = 0;
  let ansaettelseSet = false;
  const uddannelser = params.uddannelser as string[] | undefined;
  const certificeringer = params.certificeringer as string[] | undefined;
  const minErfaring = params.minErfaringAar as number | undefined;
  const hjaelpemiddelfaglig = params.hjaelpemiddelfaglig as boolean | undefined;
  const medVikarer = params.medVikarer !== false;
  // In scope: matching, not matching, unknown. Scope unknown: matching, not matching, unknown
  // (each may also be a temp, i.e. not counted at all).
  let ja = 0;
  let nej = 0;
  let uvis = 0;
  let vikarJa = 0;
  let vikarNej = 0;
  let vikarUvis = 0;
  for (const m of input.medarbejdere) {
    let omfangUkendt = false;
    if (!medVikarer) {
      if (m.ansaettelse === undefined) omfangUkendt = true;
      else if (m.ansaettelse === "vikar") continue;
    }
    const match = matches(m, uddannelser, certificeringer, minErfaring, hjaelpemiddelfaglig);
    // Missing fields are listed in the order they are first met, member by member.
    if (match > 0 && (match & ~seteFelter) !== 0) {
      for (let bit = 0; bit < MEDARBEJDER_FELTER.length; bit++) {
        if ((match & (1 << bit)) !== 0 && (seteFelter & (1 << bit)) === 0)
          mangler.push(MEDARBEJDER_FELTER[bit] as string);
      }
      seteFelter |= match;
    }
    if (omfangUkendt) {
      if (!ansaettelseSet) mangler.push("medarbejdere[].ansaettelse");
      ansaettelseSet = true;
      if (match === MATCHER) vikarJa++;
      else if (match === MATCHER_IKKE) vikarNej++;
      else vikarUvis++;
    } else if (match === MATCHER) ja++;
    else if (match === MATCHER_IKKE) nej++;
    else uvis++;
  }
  const ialt = ja + nej + uvis;
  if (uvis + vikarJa + vikarNej + vikarUvis === 0) {
    const a = andel(ja, ialt);
    return { matcher: ja, ialt, mangler: [], antal: { mindst: ja, hoejst: ja }, andel: { mindst: a, hoejst: a } };
  }
  // The count is lowest with every unknown out, highest with every possible match in. The
  // share is lowest with possible non-matches in and possible matches out, highest the other
  // way round (0 when nobody is counted). Both bounds are reached by some completion.
  const antal: Interval = { mindst: ja, hoejst: ja + uvis + vikarJa + vikarUvis };
  const andelIv: Interval = {
    mindst: andel(ja, ja + nej + uvis + vikarNej + vikarUvis),
    hoejst: andel(ja + uvis + vikarJa + vikarUvis, ja + nej + uvis + vikarJa + vikarUvis),
  };
  return { matcher: ja, ialt, mangler, antal, andel: andelIv };
}

/** A staff member's fields the criteria ask about, as bits of `matches`' answer. */
const MEDARBEJDER_FELTER = [
  "medarbejdere[].uddannelser",
  "medarbejdere[].certificeringer",
  "medarbejdere[].erfaringAar",
  "medarbejdere[].hjaelpemiddelfaglig",
] as const;
const MATCHER = 0;
const MATCHER_IKKE = -1;

/**
 * Whether a member matches every criterion: MATCHER, MATCHER_IKKE, or — when a field is absent
 * and no known field rules the member out — the absent fields as bits of MEDARBEJDER_FELTER.
 * A number rather than a set, so counting thousands of members allocates nothing.
 */
function matches(
  m: Medarbejder,
  uddannelser: string[] | undefined,
  certificeringer: string[] | undefined,
  minErfaring: number | undefined,
  hjaelpemiddelfaglig: boolean | undefined,
): number {
  let mangler = 0;
  if (uddannelser) {
    if (m.uddannelser === undefined) mangler |= 1;
    else if (!m.uddannelser.some((u) => uddannelser.includes(u))) return MATCHER_IKKE;
  }
  if (certificeringer) {
    if (m.certificeringer === undefined) mangler |= 2;
    else if (!m.certificeringer.some((c) => certificeringer.includes(c))) return MATCHER_IKKE;
  }
  if (minErfaring !== undefined) {
    if (m.erfaringAar === undefined) mangler |= 4;
    else if (m.erfaringAar < minErfaring) return MATCHER_IKKE;
  }
  if (hjaelpemiddelfaglig !== undefined) {
    if (m.hjaelpemiddelfaglig === undefined) mangler |= 8;
    else if (m.hjaelpemiddelfaglig !== hjaelpemiddelfaglig) return MATCHER_IKKE;
  }
  return mangler;
}

function beskrivMedarbejdere(params: Record<string, ParamVaerdi>): string {
  const dele: string[] = [];
  if (params.uddannelser) dele.push(`uddannelse som ${liste(params.uddannelser)}`);
  if (params.certificeringer) dele.push(`certificering i ${liste(params.certificeringer)}`);
  if (params.minErfaringAar !== undefined) dele.push(`mindst ${params.minErfaringAar} års erfaring`);
  if (params.hjaelpemiddelfaglig === true) dele.push("hjælpemiddelfaglige kompetencer");
  const hvem = params.medVikarer === false ? "faste medarbejdere" : "medarbejdere (inkl. vikarer)";
  return dele.length > 0 ? `${hvem} med ${dele.join(" og ")}` : hvem;
}

const antalMedarbejdere: FaktumDefinition = {
  navn: "antalMedarbejdere",
  beskrivelse: "Antal medarbejdere, der opfylder alle de angivne kriterier.",
  slags: "afledt",
  params: MEDARBEJDER_PARAMS,
  beregn(input, params) {
    const t = taelMedarbejdere(input, params);
    return t.mangler.length > 0 ? inden(t.antal, t.mangler) : kendt(t.matcher);
  },
  beskriv: (params) => `antal ${beskrivMedarbejdere(params)}`,
};

const andelMedarbejdere: FaktumDefinition = {
  navn: "andelMedarbejdere",
  beskrivelse: "Andel (0–1) af medarbejderne, der opfylder alle de angivne kriterier. Uden medarbejdere er andelen 0.",
  slags: "afledt",
  params: MEDARBEJDER_PARAMS,
  beregn(input, params) {
    const t = taelMedarbejdere(input, params);
    if (t.mangler.length > 0) return inden(t.andel, t.mangler);
    return kendt(andel(t.matcher, t.ialt));
  },
  beskriv: (params) => `andel ${beskrivMedarbejdere(params)}`,
};

const LISTEFELTER = ["metoder.maalgruppespecifikke", "samarbejde.sektorer", "medarbejdere"] as const;

const antalElementer: FaktumDefinition = {
  navn: "antalElementer",
  beskrivelse: `Antal elementer i en liste i vurderingsgrundlaget (\`felt\`: ${LISTEFELTER.join(", ")} eller supplerende.<navn>), eventuelt kun dem, der står i \`blandt\`.`,
  slags: "afledt",
  params: {
    felt: { type: "tekst", beskrivelse: "Listen, der tælles.", paakraevet: true },
    blandt: { type: "tekstliste", beskrivelse: "Tæl kun elementer fra denne liste." },
  },
  beregn(input, params) {
    const felt = String(params.felt);
    const vaerdi = readPath(input, `$.${felt}`);
    if (!Array.isArray(vaerdi)) return inden(ENHVER_ANTAL, [felt]);
    const blandt = params.blandt as string[] | undefined;
    return kendt(blandt ? vaerdi.filter((v) => blandt.includes(v as string)).length : vaerdi.length);
  },
  beskriv(params) {
    const blandt = params.blandt ? ` blandt ${liste(params.blandt)}` : "";
    return `antal i ${String(params.felt)}${blandt}`;
  },
};

export const FAKTA: ReadonlyMap<string, FaktumDefinition> = new Map(
  [
    ...FELTER.map(([navn, tekst]) => feltFaktum(navn, tekst)),
    antalBorgere,
    antalMedarbejdere,
    andelMedarbejdere,
    antalElementer,
  ].map((f) => [f.navn, f]),
);

export const LISTEFELT_PATTERN = `^(${LISTEFELTER.map((f) => f.replace(".", "\\.")).join("|")}|supplerende\\.[a-z][A-Za-z0-9]*)$`;

/** Computes a fact, including the `path` of an input section, and what is missing for it. */
export function beregnFaktum(
  input: Vurderingsgrundlag,
  fact: string,
  params: Record<string, ParamVaerdi> | undefined,
  path: string | undefined,
): FaktumResultat {
  const definition = FAKTA.get(fact);
  if (!definition) throw new Error(`Engine: unknown fact '${fact}' reached evaluation`);
  const resultat = definition.beregn(input, params ?? {});
  if (definition.slags === "afledt" || resultat.mangler.length > 0) return resultat;
  const vaerdi = readPath(resultat.vaerdi, path);
  return vaerdi === undefined ? ukendt(path ? `${fact}${path.slice(1)}` : fact) : kendt(vaerdi);
}

export function niveauTekst(niveau: string): string {
  return niveau === "hoej" ? "højt" : niveau;
}

function liste(v: ParamVaerdi): string {
  return Array.isArray(v) ? v.join(", ") : String(v);
}
