// The shapes the tilbud views read from the API (api/routes/tilbud.ts, konsekvens.ts).
import type { Sammenligning } from "../../../engine/index.js";

export interface Revurdering {
  status: "forfalden" | "snart";
  tilbud: { id: string; navn: string };
  afdeling: string | null;
  maalgruppe: string;
  niveau: string;
  naesteVurdering: string;
  overgang: boolean;
}

export interface Revurderinger {
  dato: string;
  til: string;
  socialtilsyn: { socialtilsyn: string; forfaldne: number; snart: number; revurderinger: Revurdering[] }[];
}

export interface TilbudInfo {
  id: string;
  navn: string;
  type: string;
  kommune?: string;
  socialtilsyn: string;
  maalgrupper: string[];
  afdelinger: { id: string; navn: string; maalgruppe: string; pladser?: number }[];
}

export interface HistorikPost {
  id: string;
  afdeling: string | null;
  maalgruppe: string;
  status: string;
  niveau: string;
  gyldigFra: string;
  naesteVurdering: string;
  overgang: { parameter: string; niveau: string; til: string; begrundelse: string }[];
  regelsaet: { version: number | null };
  parametre: { id: string; niveau: string; regelNiveau: string; tilsynsvurdering?: string }[];
  aendring: {
    aarsag: "foerste" | "input" | "regelsaet" | "begge" | "ingen";
    felter?: string[];
    regelsaet?: { fra: number | null; til: number | null };
  };
  haendelser: { status: string; tidspunkt: string; noegle?: string; begrundelse: string }[];
}

export interface Historik {
  tilbud: TilbudInfo;
  afgoerelser: HistorikPost[];
  revurderinger: { afgoerelse: string; afdeling: string | null; naesteVurdering: string; status: string }[];
}

export interface Konsekvens extends Sammenligning {
  regelsaet: { fra: { version: number } | null };
  resume: {
    afgoerelser: number;
    udeladte: number;
    flyttede: number;
    op: number;
    ned: number;
    parametre: Record<string, { op: number; ned: number }>;
  };
  flyttedeIalt: number;
}

export interface Konsistens {
  maalgruppe: string;
  parametre: string[];
  socialtilsyn: {
    socialtilsyn: string;
    afgoerelser: number;
    vurderet: number;
    afvigelser: number;
    parametre: Record<string, { vurderet: number; enig: number; op: number; ned: number }>;
  }[];
}

export const TILSYN_NAVN: Record<string, string> = {
  "socialtilsyn-hovedstaden": "Socialtilsyn Hovedstaden",
  "socialtilsyn-midt": "Socialtilsyn Midt",
  "socialtilsyn-nord": "Socialtilsyn Nord",
  "socialtilsyn-oest": "Socialtilsyn Øst",
  "socialtilsyn-syd": "Socialtilsyn Syd",
};

export const STATUS_NAVN: Record<string, string> = {
  kladde: "Kladde",
  truffet: "Truffet",
  paaklaget: "Påklaget",
  afgjort: "Afgjort (stadfæstet)",
  aendret: "Ændret efter klage",
};

export const AARSAG_NAVN: Record<string, string> = {
  foerste: "Første afgørelse",
  input: "Oplysningerne ændret",
  regelsaet: "Regelsættet ændret",
  begge: "Oplysninger og regelsæt ændret",
  ingen: "Uændret",
};
