// CSV written by the page: the batch template (the API's columns with one example row) and the
// export of batch results. Both use `;` and a UTF-8 BOM, so Danish Excel opens them in columns
// with æ/ø/å intact. Exported cells that a spreadsheet would read as a formula (starting with
// = + - @, tab or carriage return) get a leading apostrophe: a provider name from an uploaded
// file must never run as a formula on a caseworker's machine.

/** A column of the API's CSV contract (GET /indplacering/batch/kolonner). */
export interface CsvKolonne {
  navn: string;
  type: "tekst" | "heltal" | "tal" | "sandhed" | "liste" | "json";
  beskrivelse: string;
  vaerdier?: string[];
}

export const SKILLETEGN = ";";
const BOM = "\uFEFF";
const FORMEL_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutraliser(tekst: string): string {
  return FORMEL_START.test(tekst) ? `'${tekst}` : tekst;
}

/** One cell, quoted when it holds the separator, a quote or a line break. */
function felt(tekst: string): string {
  return /[;,"\r\n]/.test(tekst) ? `"${tekst.replaceAll('"', '""')}"` : tekst;
}

function linje(celler: readonly string[]): string {
  return celler.map(felt).join(SKILLETEGN);
}

/** Rows to CSV text, every cell neutralised (for exports of data that came from outside). */
export function somCsv(hoved: readonly string[], raekker: readonly (readonly string[])[]): string {
  return `${BOM}${[hoved, ...raekker].map((r) => linje(r.map(neutraliser))).join("\r\n")}\r\n`;
}

function hent(o: unknown, sti: readonly string[]): unknown {
  let x = o;
  for (const d of sti) x = typeof x === "object" && x !== null ? (x as Record<string, unknown>)[d] : undefined;
  return x;
}

/** A value written as the API's CSV reads it back for a column of this type ("" = not reported). */
function celleFor(k: Pick<CsvKolonne, "type">, v: unknown): string {
  if (v === undefined || v === null) return "";
  switch (k.type) {
    case "liste":
      return Array.isArray(v) ? v.join("|") : String(v);
    case "json":
      return JSON.stringify(v);
    case "sandhed":
      return v === true ? "ja" : v === false ? "nej" : String(v);
    default:
      return String(v);
  }
}

/**
 * The column names of a batch file for one målgruppe: the contract's columns, with the generic
 * `tilsynsvurdering.<parameter>` column spelled out for each of the regelsæt's parameters.
 */
export function skabelonKolonner(kolonner: readonly CsvKolonne[], parametre: readonly string[]): CsvKolonne[] {
  return kolonner.flatMap((k) =>
    k.navn.endsWith(".<parameter>") ? parametre.map((p) => ({ ...k, navn: k.navn.replace("<parameter>", p) })) : [k],
  );
}

/**
 * The template: the header line and one example row per given provider, exactly as the API's CSV
 * contract reads them back (not neutralised: the template is data for the upload, not a report).
 */
export function skabelonCsv(kolonner: readonly CsvKolonne[], eksempler: readonly unknown[]): string {
  const raekker = eksempler.map((vg) => kolonner.map((k) => celleFor(k, hent(vg, k.navn.split(".")))));
  return `${BOM}${[kolonner.map((k) => k.navn), ...raekker].map(linje).join("\r\n")}\r\n`;
}
