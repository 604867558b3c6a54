// Checks every parsed body before a route sees it: nested no deeper than any real document
// (a 5 MB body can nest half a million levels; validation would run out of stack), and only
// well-formed Unicode (a lone surrogate, legal as a JSON escape, has no UTF-8 form and no RFC 8785
// canonical form, so it could be neither stored faithfully nor hashed), and only finite numbers
// (JSON.parse reads `1e309` as Infinity, which has no JSON form: it would be evaluated as Infinity,
// stored as null and could not be hashed).
import type { RequestHandler } from "express";
import { pointerFor, type Sti, visSti } from "../../engine/index.js";
import { erVelformet } from "../../engine/kanonisk.js";
import { HttpError } from "../http-error.js";

export type Fund =
  | { slags: "dybde" }
  | { slags: "unicode"; sti: Sti }
  | { slags: "tal"; sti: Sti }
  | { slags: "felter"; sti: Sti; antal: number };

/**
 * Most fields in one object. No document has more than a few hundred (supplerende and
 * tilsynsvurdering take 100); 400,000 unknown keys would cost ajv seconds of CPU to report.
 */
export const MAX_FELTER = 10_000;

/** A place in the walked value: its key and the place holding it (the path is built only on a find). */
interface Sted {
  readonly op: Sted | undefined;
  readonly noegle: string | number;
  readonly dybde: number;
}

function stiTil(sted: Sted | undefined): Sti {
  const sti: (string | number)[] = [];
  for (let s = sted; s; s = s.op) sti.push(s.noegle);
  return sti.reverse();
}

/**
 * The first problem in a parsed JSON value, walking it without recursion. Runs on every body, so
 * it allocates only a stack entry per object or array (no path per node) and checks leaves in place.
 */
export function tjekJson(vaerdi: unknown, maxDybde: number): Fund | undefined {
  if (typeof vaerdi === "number" && !Number.isFinite(vaerdi)) return { slags: "tal", sti: [] };
  if (typeof vaerdi === "string" && !erVelformet(vaerdi)) return { slags: "unicode", sti: [] };
  if (typeof vaerdi !== "object" || vaerdi === null) return undefined;
  const vaerdier: object[] = [vaerdi];
  const steder: (Sted | undefined)[] = [undefined];
  while (vaerdier.length > 0) {
    const v = vaerdier.pop() as object;
    const sted = steder.pop();
    const dybde = sted ? sted.dybde : 0;
    if (dybde >= maxDybde) return { slags: "dybde" };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const fund = tjekBarn(v[i], i, sted, dybde, vaerdier, steder);
        if (fund) return fund;
      }
      continue;
    }
    const noegler = Object.keys(v);
    if (noegler.length > MAX_FELTER) return { slags: "felter", sti: stiTil(sted), antal: noegler.length };
    for (const k of noegler) {
      if (!erVelformet(k)) return { slags: "unicode", sti: stiTil({ op: sted, noegle: k, dybde: dybde + 1 }) };
      const fund = tjekBarn((v as Record<string, unknown>)[k], k, sted, dybde, vaerdier, steder);
      if (fund) return fund;
    }
  }
  return undefined;
}

/** Checks a leaf at once, or queues an object or array with its place. */
function tjekBarn(
  barn: unknown,
  noegle: string | number,
  op: Sted | undefined,
  dybde: number,
  vaerdier: object[],
  steder: (Sted | undefined)[],
): Fund | undefined {
  if (typeof barn === "object" && barn !== null) {
    vaerdier.push(barn);
    steder.push({ op, noegle, dybde: dybde + 1 });
    return undefined;
  }
  if (typeof barn === "number" ? Number.isFinite(barn) : typeof barn !== "string" || erVelformet(barn))
    return undefined;
  return { slags: typeof barn === "number" ? "tal" : "unicode", sti: stiTil({ op, noegle, dybde: dybde + 1 }) };
}

/** The 422 for a number JSON cannot hold, at `rod` + the place it was found. */
export function ikkeEndeligtTal(sti: Sti): HttpError {
  return new HttpError(422, "IKKE_ENDELIGT_TAL", "Kroppen indeholder et tal, der er for stort (uendeligt).", [
    {
      path: visSti(sti),
      pointer: pointerFor(sti),
      message: "Tallet er uden for det, JSON-tal kan være (højst ±1,8e308).",
    },
  ]);
}

export function forMangeFelter(sti: Sti, antal: number): HttpError {
  return new HttpError(422, "FOR_MANGE_FELTER", `Et objekt i kroppen har ${antal} felter; højst ${MAX_FELTER}.`, [
    { path: visSti(sti), pointer: pointerFor(sti), message: `Har ${antal} felter; højst ${MAX_FELTER}.` },
  ]);
}

export function tjekKrop(maxDybde: number): RequestHandler {
  return (req, _res, next) => {
    const fund = req.body === undefined ? undefined : tjekJson(req.body, maxDybde);
    if (fund?.slags === "tal") {
      next(ikkeEndeligtTal(fund.sti));
    } else if (fund?.slags === "felter") {
      next(forMangeFelter(fund.sti, fund.antal));
    } else if (fund?.slags === "dybde") {
      next(new HttpError(422, "FOR_DYB", `JSON-kroppen er indlejret dybere end ${maxDybde} niveauer.`));
    } else if (fund?.slags === "unicode") {
      next(
        new HttpError(
          422,
          "UGYLDIG_UNICODE",
          "Kroppen indeholder en tekst med et enligt surrogattegn (ugyldig Unicode).",
          [
            {
              path: visSti(fund.sti),
              pointer: pointerFor(fund.sti),
              message: "Ugyldig Unicode (enligt surrogattegn).",
            },
          ],
        ),
      );
    } else next();
  };
}
