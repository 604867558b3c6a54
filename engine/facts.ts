// The fact library: what a rule condition may ask about a vurderingsgrundlag. Input sections are
// read with a `path`; derived facts compute counts and shares from `params`. A fact that cannot
// be computed because information is absent says which information (`mangler`); it never
// answers zero in its place.
import type { Medarbejder, Vurderingsgrundlag } from "./schema/vurderingsgrundlag.js";

export type ParamType = "tekstliste" | "tal" | "sandhed" | "tekst";
export type ParamVaerdi = string | number | boolean | (string | number)[];

export interface FaktumResultat {
  vaerdi: unknown;
  /** Input paths whose absence made the value unknown; empty when the value is known. */
  mangler: string[];
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
    if (!input.borgere) return ukendt("borgere");
    const borgere: Record<string, number | undefined> = input.borgere;
    const antal = (n: string) => (Object.hasOwn(borgere, n) ? borgere[n] : undefined);
    const mangler = niveauer.filter((n) => antal(n) === undefined).map((n) => `borgere.${n}`);
    if (mangler.length > 0) return ukendt(...mangler);
    return kendt(niveauer.reduce((sum, n) => sum + (antal(n) ?? 0), 0));
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
  mangler: string[];
}

/** Counts staff in scope and those matching every given criterion; unknown fields are reported. */
export function taelMedarbejdere(input: Vurderingsgrundlag, params: Record<string, ParamVaerdi>): Optaelling {
  if (!input.medarbejdere) return { matcher: 0, ialt: 0, mangler: ["medarbejdere"] };
  const mangler = new Set<string>();
  const uddannelser = params.uddannelser as string[] | undefined;
  const certificeringer = params.certificeringer as string[] | undefined;
  const minErfaring = params.minErfaringAar as number | undefined;
  const hjaelpemiddelfaglig = params.hjaelpemiddelfaglig as boolean | undefined;
  const medVikarer = params.medVikarer !== false;
  let matcher = 0;
  let ialt = 0;
  for (const m of input.medarbejdere) {
    if (!medVikarer) {
      if (m.ansaettelse === undefined) {
        mangler.add("medarbejdere[].ansaettelse");
        continue;
      }
      if (m.ansaettelse === "vikar") continue;
    }
    ialt++;
    if (matches(m, uddannelser, certificeringer, minErfaring, hjaelpemiddelfaglig, mangler)) matcher++;
  }
  return { matcher, ialt, mangler: [...mangler] };
}

function matches(
  m: Medarbejder,
  uddannelser: string[] | undefined,
  certificeringer: string[] | undefined,
  minErfaring: number | undefined,
  hjaelpemiddelfaglig: boolean | undefined,
  mangler: Set<string>,
): boolean {
  let ok = true;
  if (uddannelser) {
    if (m.uddannelser === undefined) mangler.add("medarbejdere[].uddannelser");
    else if (!m.uddannelser.some((u) => uddannelser.includes(u))) ok = false;
  }
  if (certificeringer) {
    if (m.certificeringer === undefined) mangler.add("medarbejdere[].certificeringer");
    else if (!m.certificeringer.some((c) => certificeringer.includes(c))) ok = false;
  }
  if (minErfaring !== undefined) {
    if (m.erfaringAar === undefined) mangler.add("medarbejdere[].erfaringAar");
    else if (m.erfaringAar < minErfaring) ok = false;
  }
  if (hjaelpemiddelfaglig !== undefined) {
    if (m.hjaelpemiddelfaglig === undefined) mangler.add("medarbejdere[].hjaelpemiddelfaglig");
    else if (m.hjaelpemiddelfaglig !== hjaelpemiddelfaglig) ok = false;
  }
  return ok;
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
    return t.mangler.length > 0 ? ukendt(...t.mangler) : kendt(t.matcher);
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
    if (t.mangler.length > 0) return ukendt(...t.mangler);
    return kendt(t.ialt === 0 ? 0 : t.matcher / t.ialt);
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
    if (!Array.isArray(vaerdi)) return ukendt(felt);
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
