// The API's one error: an HTTP status, a machine code, a Danish sentence and the places in the
// request that caused it. The error middleware (fejlhaandtering.ts) turns it into the JSON body.
import { type Detalje, type Problem, pointerFor, type Sti, stiFromPointer, visSti } from "../engine/index.js";

/** A place in the request and what is wrong there; the pointer when the place is in the body. */
export type { Detalje };

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fejl: string,
    readonly detaljer: Detalje[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`API: ${code}: ${fejl}`);
    this.name = "HttpError";
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
