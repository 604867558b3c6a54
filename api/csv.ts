// Batch input as CSV: one row per provider (or afdeling), columns derived from the
// vurderingsgrundlag schema so that they cannot drift from it. Nested fields are flattened with a
// dot (`borgere.let`); lists are written with `|` between items (`TEACCH|KRAP`); staff and
// `supplerende` are JSON in one cell; `tilsynsvurdering.<parameter>` columns hold the assessor's
// level. An empty cell means "not reported". Values that cannot be read are passed on as text so
// that schema validation reports them at their exact path.
import { parse } from "csv-parse/sync";
import { VurderingsgrundlagSchema } from "../engine/index.js";
import { HttpError } from "./http-error.js";

export type Kolonnetype = "tekst" | "heltal" | "tal" | "sandhed" | "liste" | "json";

export interface Kolonne {
  navn: string;
  type: Kolonnetype;
  beskrivelse: string;
  /** Allowed values, for enumerations. */
  vaerdier?: string[];
}

interface SkemaDel {
  type?: string;
  description?: string;
  properties?: Record<string, SkemaDel>;
  items?: SkemaDel;
  anyOf?: { const?: unknown }[];
  patternProperties?: Record<string, SkemaDel>;
}

function kolonnetype(s: SkemaDel): Pick<Kolonne, "type" | "vaerdier"> {
  if (s.anyOf?.every((a) => typeof a.const === "string")) {
    return { type: "tekst", vaerdier: s.anyOf.map((a) => String(a.const)) };
  }
  switch (s.type) {
    case "boolean":
      return { type: "sandhed" };
    case "integer":
      return { type: "heltal" };
    case "number":
      return { type: "tal" };
    case "array":
      return s.items?.type === "string" ? { type: "liste" } : { type: "json" };
    case "object":
      return { type: "json" };
    default:
      return { type: "tekst" };
  }
}

export const TILSYNSVURDERING_PREFIKS = "tilsynsvurdering.";

/** Descriptions for columns whose schema has none of its own. */
const SUPPLERENDE_BESKRIVELSE: Record<string, string> = {
  "leverandoer.type": "Leverandørtype; et matrikelløst tilbud er `matrikelloes`.",
  aldersgruppe: "Aldersgruppen, tallene gælder.",
  medarbejdere:
    "JSON-liste med én post pr. medarbejder: `ansaettelse` (fast/vikar), `erfaringAar`, `uddannelser`, `certificeringer`, `hjaelpemiddelfaglig`.",
};

function beskrivelse(navn: string, s: SkemaDel): string {
  if (s.description) return s.description;
  const ekstra = SUPPLERENDE_BESKRIVELSE[navn];
  if (ekstra) return ekstra;
  return s.items?.description ? `${s.items.description} Flere adskilles med \`|\`.` : "";
}

/** The CSV columns, in the order the documentation lists them. */
export function csvKolonner(): Kolonne[] {
  const ud: Kolonne[] = [];
  const props = (VurderingsgrundlagSchema as SkemaDel).properties ?? {};
  for (const [navn, s] of Object.entries(props)) {
    if (navn === "$schema") continue;
    if (navn === "tilsynsvurdering") {
      ud.push({
        navn: `${TILSYNSVURDERING_PREFIKS}<parameter>`,
        type: "tekst",
        vaerdier: ["ingen", "let", "moderat", "hoej", "ikke-relevant"],
        beskrivelse: "Tilsynets eget niveau for en parameter, fx kolonnen `tilsynsvurdering.fagmiljoe`.",
      });
    } else if (s.type === "object" && s.properties) {
      for (const [under, us] of Object.entries(s.properties)) {
        ud.push({ navn: `${navn}.${under}`, beskrivelse: beskrivelse(`${navn}.${under}`, us), ...kolonnetype(us) });
      }
    } else {
      ud.push({ navn, beskrivelse: beskrivelse(navn, s), ...kolonnetype(s) });
    }
  }
  return ud;
}

const KOLONNER = new Map(csvKolonner().map((k) => [k.navn, k]));
const PARAMETER_ID = /^[a-z][A-Za-z0-9]{0,59}$/;
const SANDT = new Set(["true", "ja", "sand", "1", "x"]);
const FALSK = new Set(["false", "nej", "falsk", "0"]);

function laesCelle(k: Pick<Kolonne, "type">, tekst: string): unknown {
  switch (k.type) {
    case "sandhed": {
      const t = tekst.toLowerCase();
      return SANDT.has(t) ? true : FALSK.has(t) ? false : tekst;
    }
    case "heltal":
    case "tal":
      return /^-?[0-9]{1,15}([.,][0-9]{1,15})?$/.test(tekst) ? Number(tekst.replace(",", ".")) : tekst;
    case "liste":
      return tekst
        .split("|")
        .map((d) => d.trim())
        .filter((d) => d !== "");
    case "json":
      try {
        return JSON.parse(tekst);
      } catch {
        return tekst;
      }
    default:
      return tekst;
  }
}

function saet(maal: Record<string, unknown>, sti: string[], vaerdi: unknown): void {
  const [foerste, ...rest] = sti;
  if (foerste === undefined) return;
  if (rest.length === 0) {
    maal[foerste] = vaerdi;
    return;
  }
  const under = (Object.hasOwn(maal, foerste) ? maal[foerste] : undefined) as Record<string, unknown> | undefined;
  const obj = under ?? {};
  maal[foerste] = obj;
  saet(obj, rest, vaerdi);
}

/** The separator the first line uses most: `,`, `;` or tab. */
export function skilletegn(tekst: string): string {
  const foersteLinje = tekst.slice(0, tekst.search(/\r?\n|$/));
  const antal = (t: string) => foersteLinje.split(t).length - 1;
  const kandidater = [",", ";", "\t"].sort((a, b) => antal(b) - antal(a));
  return kandidater[0] ?? ",";
}

/** csv-parse's options for a batch file with the given separator. */
export function csvValg(delimiter: string) {
  return {
    bom: true,
    delimiter,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: false,
    max_record_size: 1_000_000,
  };
}

export function ulaeseligCsv(e: unknown): HttpError {
  const besked = e instanceof Error ? e.message : String(e);
  return new HttpError(400, "UGYLDIG_CSV", "CSV-filen kan ikke læses.", [{ path: "(csv)", message: besked }]);
}

export type CsvKolonner = ({ sti: string[]; k: Pick<Kolonne, "type"> } | undefined)[];

/** The columns of a header line; refuses unknown, repeated and missing required columns (422). */
export function csvHoved(hoved: readonly string[] | undefined): CsvKolonner {
  if (!hoved) throw new HttpError(422, "UGYLDIG_CSV", "CSV-filen er tom; første linje skal være kolonnenavne.");
  const problemer: { path: string; message: string }[] = [];
  const sete = new Set<string>();
  const kolonner = hoved.map((navn, i) => {
    const sted = `kolonne ${i + 1} ('${navn}')`;
    if (sete.has(navn)) problemer.push({ path: sted, message: "Kolonnen findes to gange." });
    sete.add(navn);
    const k = KOLONNER.get(navn);
    if (k) return { sti: navn.split("."), k };
    if (navn.startsWith(TILSYNSVURDERING_PREFIKS) && PARAMETER_ID.test(navn.slice(TILSYNSVURDERING_PREFIKS.length))) {
      return { sti: ["tilsynsvurdering", navn.slice(TILSYNSVURDERING_PREFIKS.length)], k: { type: "tekst" as const } };
    }
    problemer.push({ path: sted, message: "Ukendt kolonne. Se kolonnerne i API-dokumentationen." });
    return undefined;
  });
  for (const kraevet of ["leverandoer.id", "maalgruppe"]) {
    if (!sete.has(kraevet)) problemer.push({ path: "(kolonner)", message: `Kolonnen '${kraevet}' mangler.` });
  }
  if (problemer.length > 0) throw new HttpError(422, "UGYLDIG_CSV", "CSV-filens kolonner passer ikke.", problemer);
  return kolonner;
}

/** One data row as a vurderingsgrundlag object (unvalidated). */
export function csvRaekke(kolonner: CsvKolonner, raekke: readonly string[]): Record<string, unknown> {
  const vg: Record<string, unknown> = {};
  raekke.forEach((celle, i) => {
    const kol = kolonner[i];
    if (kol && celle !== "") saet(vg, kol.sti, laesCelle(kol.k, celle));
  });
  return vg;
}

/** Reads a CSV text into vurderingsgrundlag objects (unvalidated), one per data row. */
export function laesCsv(tekst: string, maxRaekker: number): unknown[] {
  let raekker: string[][];
  try {
    raekker = parse(tekst, csvValg(skilletegn(tekst))) as string[][];
  } catch (e) {
    throw ulaeseligCsv(e);
  }
  const [hoved, ...data] = raekker;
  const kolonner = csvHoved(hoved);
  if (data.length > maxRaekker) {
    throw new HttpError(413, "FOR_MANGE", `Højst ${maxRaekker} leverandører i én kørsel; filen har ${data.length}.`);
  }
  return data.map((raekke) => csvRaekke(kolonner, raekke));
}
