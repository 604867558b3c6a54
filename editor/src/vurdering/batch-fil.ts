// A chosen batch file read for the page: what is sent to the server (a JSON list, or the CSV text
// as it is), and each row's provider as the file names it, so that a row the server refuses
// (whose answer carries only its index) is still named as in the file.
import { parse } from "csv-parse/browser/esm/sync";
import type { BatchIndhold } from "./tilsyn-api.js";

export interface RaekkeInfo {
  id?: string;
  navn?: string;
  afdeling?: string;
  maalgruppe?: string;
  /** The line in a CSV file (item 0 is line 2). */
  linje?: number;
}

export interface BatchFil {
  navn: string;
  indhold: BatchIndhold;
  raekker: RaekkeInfo[];
}

const tekst = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

function fraJson(vg: unknown): RaekkeInfo {
  const o = (typeof vg === "object" && vg !== null ? vg : {}) as Record<string, unknown>;
  const l = (typeof o.leverandoer === "object" && o.leverandoer !== null ? o.leverandoer : {}) as Record<
    string,
    unknown
  >;
  return { id: tekst(l.id), navn: tekst(l.navn), afdeling: tekst(l.afdeling), maalgruppe: tekst(o.maalgruppe) };
}

/** The separator the first line uses most, as the server decides it. */
function skilletegn(t: string): string {
  const foerste = t.slice(0, t.search(/\r?\n|$/));
  const antal = (s: string) => foerste.split(s).length - 1;
  return [",", ";", "\t"].sort((a, b) => antal(b) - antal(a))[0] ?? ",";
}

/** Names from a CSV file; a file the browser cannot read gives no names (the server says why). */
function fraCsv(t: string): RaekkeInfo[] {
  try {
    const [hoved = [], ...data] = parse(t, {
      bom: true,
      delimiter: skilletegn(t),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    }) as string[][];
    const kol = (n: string) => hoved.indexOf(n);
    const [id, navn, afdeling, mg] = ["leverandoer.id", "leverandoer.navn", "leverandoer.afdeling", "maalgruppe"].map(
      kol,
    );
    const celle = (r: string[], i: number | undefined) => (i === undefined || i < 0 ? undefined : tekst(r[i]));
    return data.map((r, i) => ({
      id: celle(r, id),
      navn: celle(r, navn),
      afdeling: celle(r, afdeling),
      maalgruppe: celle(r, mg),
      linje: i + 2,
    }));
  } catch {
    return [];
  }
}

/** Reads a chosen file's text: CSV by name or type, else JSON (a list, or `{ vurderingsgrundlag: [...] }`). */
export function batchFil(navn: string, type: string, indhold: string): BatchFil {
  if (navn.toLowerCase().endsWith(".csv") || type === "text/csv") {
    return { navn, indhold: { csv: indhold }, raekker: fraCsv(indhold) };
  }
  let json: unknown;
  try {
    json = JSON.parse(indhold);
  } catch {
    throw new Error("Filen er hverken CSV (endelsen .csv) eller gyldig JSON.");
  }
  const liste = Array.isArray(json) ? json : (json as { vurderingsgrundlag?: unknown } | null)?.vurderingsgrundlag;
  if (!Array.isArray(liste)) throw new Error("JSON-filen skal indeholde en liste af vurderingsgrundlag.");
  return { navn, indhold: liste, raekker: liste.map(fraJson) };
}
