// The API's one error: an HTTP status, a machine code, a Danish sentence and the places in the
// request that caused it. The error middleware (fejlhaandtering.ts) turns it into the JSON body.
import { type Detalje, type Problem, pointerFor, type Sti, stiFromPointer, visSti } from "../engine/index.js";

/** A place in the request and what is wrong there; the pointer when the place is in the body. */
export type { Detalje };

/** Most details an error body lists; the rest are counted in a last "og N flere". */
export const MAX_DETALJER = 100;
/** Longest text in a detail (a path can hold a 1 MB CSV column name). */
const MAX_TEKST = 200;
const MAX_FEJL = 2000;

const forkort = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1)}…` : t);

/**
 * At most MAX_DETALJER details with texts of at most MAX_TEKST characters, and a last entry
 * counting the rest: every error body stays far below 64 kB however bad the request.
 */
export function begraensDetaljer(detaljer: readonly Detalje[]): Detalje[] {
  const ud = detaljer.slice(0, MAX_DETALJER).map((d) => {
    const kort: Detalje = { path: forkort(d.path, MAX_TEKST), message: forkort(d.message, MAX_TEKST) };
    if (d.pointer !== undefined) kort.pointer = forkort(d.pointer, MAX_TEKST);
    return kort;
  });
  if (detaljer.length > MAX_DETALJER)
    ud.push({ path: "(flere)", message: `og ${detaljer.length - MAX_DETALJER} flere` });
  return ud;
}

export class HttpError extends Error {
  readonly fejl: string;
  readonly detaljer: Detalje[];
  constructor(
    readonly status: number,
    readonly code: string,
    fejl: string,
    detaljer: readonly Detalje[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`API: ${code}: ${forkort(fejl, MAX_FEJL)}`);
    this.name = "HttpError";
    this.fejl = forkort(fejl, MAX_FEJL);
    this.detaljer = begraensDetaljer(detaljer);
  }
}

export const ikkeFundet = (fejl: string) => new HttpError(404, "IKKE_FUNDET", fejl);
export const ugyldig = (fejl: string, detaljer: Detalje[] = []) =>
  new HttpError(422, "UGYLDIGT_INDHOLD", fejl, detaljer);
export const forkertForespoergsel = (fejl: string, detaljer: Detalje[] = []) =>
  new HttpError(400, "UGYLDIG_FORESPOERGSEL", fejl, detaljer);

/** Engine problems placed under `rod` in the request body, e.g. `vurderingsgrundlag[3]`. */
export function detaljerFra(problemer: readonly Problem[], rod: Sti = []): Detalje[] {
  return problemer.map((p) => {
    const sti = [...rod, ...stiFromPointer(p.pointer)];
    return { path: visSti(sti), pointer: pointerFor(sti), message: p.message };
  });
}

/** One detail at a place in the request body. */
export function detalje(sti: Sti, message: string): Detalje {
  return { path: visSti(sti), pointer: pointerFor(sti), message };
}
